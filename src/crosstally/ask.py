"""Answer "how many ...?" from the ledger: the matching measures, with every estimate,
its source, date and document, the latest per source, and the disagreements."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .reconcile.measures import places_in
from .reconcile.view import LedgerView, MeasureView

_CATEGORY_WORDS = {
    "killed": {"killed", "dead", "died", "deaths", "death", "fatalities", "toll", "kill", "die"},
    "wounded": {"wounded", "injured", "injuries", "hurt", "wound", "injure"},
    "casualties": {"casualties", "casualty", "losses", "lost"},
    "captured": {"captured", "prisoners", "prisoner", "pows", "hostages", "capture"},
    "missing": {"missing", "unaccounted", "disappeared"},
    "deployed": {"deployed", "sent", "troops", "deploy", "send", "stationed", "fighting"},
    "personnel": {"army", "strength", "active", "size"},
    "displaced": {"displaced", "refugees", "fled", "evacuated", "homeless"},
    "arrested": {"arrested", "detained", "arrests", "jailed"},
    "materiel": {"weapons", "drones", "missiles", "shells", "containers", "tanks"},
    "money": {"money", "cost", "dollars", "aid", "funding", "euros", "spent"},
}


@dataclass(frozen=True)
class Answer:
    """The measures that answer a question, best first (empty when nothing matches)."""

    question: str
    measures: tuple[MeasureView, ...]


def _wanted_categories(words: set[str]) -> set[str]:
    wanted = {c for c, cues in _CATEGORY_WORDS.items() if words & cues}
    if {"killed", "wounded"} <= wanted or ("killed" in wanted and "casualties" in wanted):
        wanted = {"casualties"} | ({"killed"} if "or" not in words and "and" not in words else set())
    return wanted


def rank_measures(summaries, question: str, limit: int = 3) -> list[str]:
    """The measures (from `MeasureSummary`-like records) that best match `question`."""
    words = set(re.findall(r"[a-z]+", question.lower()))
    wanted = _wanted_categories(words)
    places = set(places_in(question))
    scored = []
    for m in summaries:
        slug_words = set(m.measure.split("-"))
        counted_words = {w for c in m.counted for w in re.findall(r"[a-z]+", c.lower())}
        score = 0.0
        if wanted:
            if m.category in wanted:
                score += 3
            elif m.category in ("killed", "wounded") and "casualties" in wanted:
                score += 0.5
            else:
                continue
        score += 2 * len(places & set(places_in(m.measure.replace("-", " "))))
        score += 0.5 * len((words - _STOP) & (slug_words | counted_words))
        if "per" in slug_words and not words & {"per", "day", "daily", "week", "month", "every"}:
            score -= 1
        if score > 0:
            scored.append((score, m.claims, m.measure))
    scored.sort(key=lambda s: (-s[0], -s[1]))
    if scored:
        best = scored[0][0]
        scored = [s for s in scored if s[0] >= best - 1]
    return [s[2] for s in scored[:limit]]


@dataclass(frozen=True)
class _Summary:
    measure: str
    category: str
    claims: int
    counted: tuple[str, ...]


def ask(view: LedgerView, question: str, limit: int = 3) -> Answer:
    """The measures of `view` that best match `question`."""
    summaries = [
        _Summary(m.measure, m.category, len(m.estimates), tuple(e.claim.counted for e in m.estimates))
        for m in view.measures
    ]
    names = rank_measures(summaries, question, limit)
    return Answer(question, tuple(view.measure(n) for n in names))


def ask_ledger(ledger, question: str, limit: int = 3) -> tuple[Answer, LedgerView]:
    """Answer from a ledger, ranking its stored measures in the database and loading only
    the claims of those that match."""
    from .reconcile.view import view_of

    names = rank_measures(ledger.measure_summaries(), question, limit)
    view = view_of(ledger, names) if names else LedgerView((), (), (), {})
    return Answer(question, tuple(m for n in names if (m := view.measure(n)) is not None)), view


_STOP = {
    "how",
    "many",
    "much",
    "were",
    "was",
    "have",
    "has",
    "been",
    "the",
    "a",
    "of",
    "in",
    "is",
    "are",
    "did",
    "do",
    "what",
    "or",
    "and",
    "to",
    "by",
    "there",
}
