"""Measures: which real-world quantity a claim is about, as a stable, readable id.

A measure is built from whose people or things are counted (a place or nationality),
what they are (troops, people, containers), what happened to them (the category),
and the rate: `north-korea-troops-killed-or-wounded`, `...-per-day`. Killed, wounded
and killed-or-wounded stay apart; so do a total and a daily rate.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache

from ..claims import Claim
from ..lexicon import lexicon, read_table

_PEOPLE_CATEGORIES = {
    "killed",
    "wounded",
    "casualties",
    "captured",
    "missing",
    "deployed",
    "personnel",
    "displaced",
    "arrested",
}
_OWNED_CATEGORIES = {"deployed", "personnel", "captured", "materiel", "money"}
_CATEGORY_WORDS = {"casualties": "killed-or-wounded"}


@cache
def _places() -> tuple[dict[str, str], re.Pattern]:
    table = {name.lower(): place for name, place in read_table("places.tsv")}
    for place in set(table.values()):
        table.setdefault(place, place)
    names = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE)
    return table, pattern


_WHERE_BEFORE = re.compile(
    r"\b(?:in|to|into|near|across|inside|at|on|towards?|within|throughout)\s+(?:the\s+)?"
    r"(?:[a-z]+ern\s+)?$",
    re.IGNORECASE,
)


def places_in(text: str, owners_only: bool = False) -> list[str]:
    """Canonical places named in `text`, in order (demonyms mapped to their country).

    `owners_only` skips places that say where ("in Russia", "to eastern Russia") rather
    than whose people or things are counted.
    """
    table, pattern = _places()
    return [
        table[m.group(1).lower()]
        for m in pattern.finditer(text)
        if not (owners_only and _WHERE_BEFORE.search(text, max(0, m.start() - 30), m.start()))
    ]


def _source_span(sentence: str, source: str | None) -> tuple[int, int] | None:
    """Where the source's noun phrase sits in the sentence, titles and demonyms included."""
    if not source:
        return None
    at = sentence.find(source)
    last = source if at >= 0 else source.split()[-1]
    at = at if at >= 0 else sentence.find(last)
    if at < 0:
        return None
    start = at
    for m in re.finditer(r"(?:[A-Z][\w'’.-]*\s+)+$", sentence[:at]):
        start = m.start()
    return start, at + len(last)


def _place(claim: Claim, sentence: str, dominant: str | None) -> str | None:
    found = places_in(claim.counted)
    if found:
        return found[0]
    span = _source_span(sentence, claim.source)
    if span:
        sentence = sentence[: span[0]] + " " * (span[1] - span[0]) + sentence[span[1] :]
    if claim.source:
        sentence = re.sub(re.escape(claim.source), " ", sentence, flags=re.I)
    if claim.location:
        sentence = sentence.replace(claim.location, " ")
    found = places_in(sentence, owners_only=True)
    if found:
        return found[0]
    if dominant:
        return dominant
    if claim.location and claim.category not in _OWNED_CATEGORIES:
        return places_in(claim.location)[0] if places_in(claim.location) else _place_name(claim.location) or None
    return None


def _place_name(location: str) -> str:
    """ "Kursk region" → "kursk", "Gaza City" → "gaza city": the proper name of a place."""
    words = [w for w in location.split() if w[:1].isupper()]
    return " ".join(words).lower()


def _group(claim: Claim, sentence: str, military: bool = False) -> str:
    lex = lexicon()
    words = re.findall(r"[A-Za-z]+", claim.counted.lower())
    classes = [lex.noun_classes.get(_singular(w)) for w in words]
    if claim.category in _PEOPLE_CATEGORIES or "person" in classes or "force" in classes:
        if "force" in classes:
            return "troops"
        if "person" in classes:
            return "people"
        return "troops" if military else "people"
    if claim.unit == "percent":
        return "share-of-" + "-".join(words[-2:]) if words else "share"
    if claim.category == "money":
        return (claim.unit or "money").lower()
    content = [w for w in words if w not in _STOP]
    return "-".join(content[-2:]) or "figure"


_STOP = {
    "the",
    "a",
    "an",
    "of",
    "these",
    "those",
    "them",
    "its",
    "their",
    "this",
    "that",
    "per",
    "cent",
    "percent",
    "some",
    "other",
    "more",
}


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def measure_id(claim: Claim, sentence: str, dominant: str | None = None, military: bool = False) -> str:
    """The measure of one claim, given its evidence sentence, the document's main place and
    whether the document is about armed forces (for counts that name no people)."""
    place = _place(claim, sentence, dominant)
    parts = [place or "", _group(claim, sentence, military)]
    if claim.category in _PEOPLE_CATEGORIES:
        parts.append(_CATEGORY_WORDS.get(claim.category, claim.category))
    if claim.per:
        parts.append(f"per {claim.per}")
    slug = re.sub(r"[^a-z0-9]+", "-", " ".join(parts).lower()).strip("-")
    return slug or "figure"


def is_military(text: str) -> bool:
    """Whether a document speaks of armed forces more than of people in general."""
    classes = Counter(lexicon().noun_classes.get(_singular(w)) for w in re.findall(r"[a-z]+", text.lower()))
    return classes["force"] > classes["person"]


def dominant_place(text: str) -> str | None:
    """The place a document names most often (its story's protagonist, as a fallback)."""
    counts = Counter(places_in(text))
    return counts.most_common(1)[0][0] if counts else None


def merge_placeless(measures: set[str]) -> dict[str, str]:
    """Map a measure that names no place ("people-killed", from a document that never says
    where) to the one measure that is the same with a place ("libya-people-killed"), when
    exactly one exists."""
    merged = {}
    for m in measures:
        longer = [o for o in measures if o != m and o.endswith("-" + m)]
        if len(longer) == 1:
            merged[m] = longer[0]
    return merged


def assign_measures(claims: list[Claim], texts: dict[str, str] | None = None) -> list[Claim]:
    """The claims with `measure` set. `texts` maps doc ids to text (for context)."""
    texts = texts or {}
    context: dict[str, tuple[str | None, bool]] = {}
    out = []
    for claim in claims:
        text = texts.get(claim.doc)
        if claim.doc not in context:
            located = Counter(_place_name(c.location) for c in claims if c.doc == claim.doc and c.location)
            fallback = located.most_common(1)[0][0] if located else None
            context[claim.doc] = (dominant_place(text) or fallback, is_military(text)) if text else (fallback, False)
        sentence = text[claim.evidence_start : claim.evidence_end] if text else claim.counted
        out.append(replace(claim, measure=measure_id(claim, sentence, *context[claim.doc])))
    merged = merge_placeless({c.measure for c in out})
    return [replace(c, measure=merged[c.measure]) if c.measure in merged else c for c in out]
