"""Misquotes: one statement carried with a different number, state or counted group.

Two kinds are found, both across every measure of a story:
- the same number from the same source at the same time under two states ("12 died" in
  one outlet where the others carry the same 12 as rescued; "3,000 killed" where the
  statement was 3,000 killed or wounded);
- a number that differs from the figure the other carriers give for the same measure at
  about the same time by a slip of the pen: transposed or one changed digit (338 for 388).
The odd one out is the version fewer independent reports carry; where they tie, a
killed-or-wounded figure is taken as the original of a killed one, a slipped number is
the one whose report also writes the other, and otherwise nothing is flagged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..claims import Claim
from .flags import REVISION_APPROX_STEP, Estimate

#: States whose counts only grow as a story goes on (a missing list shrinks).
GROWING_STATES = frozenset({"dead"})
#: Days apart within which a slipped digit still reads as the same statement.
SLIP_DAYS = 7
#: States that count one gathering, over once it is: a source estimates its crowd once.
ONE_TIME_STATES = frozenset({"turnout"})


@dataclass(frozen=True)
class Misquote:
    """A statement carried differently: `odd` differs from what `usual` reports."""

    source_name: str
    statement: str
    odd: Estimate
    usual: Estimate
    what: str


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(a), abs(b))


def _carriers(group: list[Estimate]) -> int:
    return len({e.claim.doc for e in group if e.near_copy_of is None} or {group[0].claim.doc})


def _pick(group: list[Estimate]) -> Estimate:
    """The claim that stands for a version: a named source first, then not a headline."""
    return min(group, key=_pick_order)


def _pick_order(e: Estimate) -> tuple:
    return (e.claim.source is None, e.claim.evidence_start == 0, e.claim.doc, e.claim.start)


def _noun(claim: Claim) -> str:
    """The last word of what a claim counts ("missing-person reports" → "reports")."""
    words = re.findall(r"[a-z]+", (claim.counted or "").lower())
    return words[-1] if words else ""


def misquotes(
    estimates: list[Estimate], states: dict[str, str], texts: Mapping[str, str] | None = None
) -> list[Misquote]:
    """Misquotes among a story's estimates; `states` maps each measure to its state,
    `texts` each document to its text (where a slipped number's report writes the other)."""
    growing = {m for m, state in states.items() if state in GROWING_STATES}
    found = (
        _state_slips(estimates, states)
        + _digit_slips(estimates, texts or {}, growing)
        + _swaps(estimates, states)
        + _gathering_slips(estimates, states)
    )
    seen: set[tuple[str, int]] = set()
    once = []
    for m in found:  # a slip of the pen that is also a gathering's odd estimate: one misquote
        if (m.odd.claim.doc, m.odd.claim.start) not in seen:
            seen.add((m.odd.claim.doc, m.odd.claim.start))
            once.append(m)
    return once


def _moment(e: Estimate) -> object:
    """When a statement was made: its day, else (in an undated report) its time words."""
    if e.when is not None:
        return e.when
    words = re.sub(r"\b(?:on|in|at|during|a|an|the)\b", " ", (e.claim.time_text or "").lower())
    return " ".join(words.split()) or "undated"


def _state_slips(estimates: list[Estimate], states: dict[str, str]) -> list[Misquote]:
    statements: dict[tuple, list[Estimate]] = {}
    loose = []
    for e in estimates:
        if not e.claim.value:
            continue
        if e.source_key.startswith("outlet:") or e.dated_by == "document":
            loose.append(e)
            continue
        statements.setdefault((e.source_key, _moment(e), round(e.claim.value, 6)), []).append(e)
    # The statements each report carries, by value: where a loose figure may belong.
    in_report: dict[tuple[float, str], list[tuple[str, list[Estimate]]]] = {}

    def carried(source: str, value: float, group: list[Estimate], doc: str) -> None:
        entries = in_report.setdefault((value, doc), [])
        if all(g is not group for _, g in entries):
            entries.append((source, group))

    for (source, _, value), group in statements.items():
        for g in group:
            carried(source, value, group, g.claim.doc)
    for e in sorted(loose, key=lambda e: e.source_key.startswith("outlet:")):
        # A headline or the outlet's own words restating a figure its report attributes
        # and dates: that statement.
        value = round(e.claim.value, 6)
        outlet = e.source_key.startswith("outlet:")
        candidates = [g for source, g in in_report.get((value, e.claim.doc), ()) if outlet or source == e.source_key]
        # of two statements with its number, the one that counts what it counts ("143
        # missing-person reports" in a headline is the 143 reports, not a list's 143 names)
        home = next((g for g in candidates if any(_noun(x.claim) == _noun(e.claim) for x in g)), None)
        home = home or next(iter(candidates), None)
        if home is None and not outlet:
            home = statements.setdefault((e.source_key, _moment(e), value), [])
        if home is not None:
            home.append(e)
            carried(e.source_key, value, home, e.claim.doc)
    found = []
    for (_, when, _), group in statements.items():
        versions: dict[str, list[Estimate]] = {}
        for e in group:
            versions.setdefault(states.get(e.claim.measure or "", "count"), []).append(e)
        versions.pop("count", None)
        if len(versions) < 2:
            continue
        ranked = sorted(
            versions.items(),
            key=lambda kv: (-_carriers(kv[1]), _only_headlines(kv[1]), -len(kv[1]), kv[0] != "dead-or-injured"),
        )
        (usual_state, usual), (odd_state, odd) = ranked[0], ranked[1]
        tie = (_carriers(usual), len(usual)) == (_carriers(odd), len(odd))
        if tie and usual_state != "dead-or-injured" and not _only_headlines(odd):
            continue
        if any(
            o.claim.evidence_start == u.claim.evidence_start and o.claim.doc == u.claim.doc for o in odd for u in usual
        ):
            continue  # two figures of one sentence ("10 died and 10 were hurt"), not two versions
        a, b = _pick(odd), _pick(usual)
        odd_words, usual_words = odd_state.replace("-", " "), usual_state.replace("-", " ")
        what = f"carried as {odd_words} where the same statement is reported as {usual_words}"
        found.append(Misquote(a.source_name, str(when), a, b, what))
    return found


def _only_headlines(group: list[Estimate]) -> bool:
    """A version carried only in headlines: where a report's headline and body disagree,
    the headline, squeezed for space, is the odd one ("toll reaches 28" over "28 injured")."""
    return all(e.claim.evidence_start == 0 for e in group)


def _slip(a: float, b: float) -> bool:
    """Whether two whole numbers differ by transposed digits (68 for 86) or, from three
    digits on, one changed digit other than the first and the last (388 for 338)."""
    if a == b or not (float(a).is_integer() and float(b).is_integer()):
        return False
    x, y = str(int(a)), str(int(b))
    if len(x) != len(y) or len(x) < 2:
        return False
    if Counter(x) == Counter(y):
        return True
    if len(x) < 3:
        return False
    changed = [i for i, (p, q) in enumerate(zip(x, y, strict=True)) if p != q]
    # a changed last digit is a count moving on (151, then 153), not a slip of the pen
    return len(changed) == 1 and x[0] == y[0] and changed[0] != len(x) - 1


def _same_statement_time(a: Estimate, b: Estimate) -> bool:
    """Whether two figures can be one statement: from different reports, a day apart at
    most when both say when they were made, within `SLIP_DAYS` when one is dated only by
    its report ("385, nearly unchanged from the 388 of last week" is two statements)."""
    if a.claim.doc == b.claim.doc:
        return False
    stated = a.dated_by != "document" and b.dated_by != "document"
    return abs((a.when - b.when).days) <= (1 if stated else SLIP_DAYS)


def _out_of_line(odd: list[Estimate], usual: list[Estimate], others: Sequence[Estimate]) -> bool:
    """Whether `odd` breaks the course of a toll that only grows where `usual` keeps it: a
    toll later put at 61 was not 75 the day before it, though it may have been 57."""
    day = max(e.when for e in odd + usual if e.when is not None)
    # a later figure below `usual` is no step of the toll (a part the measure also holds:
    # "12 died in hospital", "59 bodies in the morgue")
    later = [e for e in others if e.when is not None and e.when > day and e.claim.value >= usual[0].claim.value]
    if not later:
        return False
    following = min(later, key=lambda e: e.when).claim.value  # the next step, not a far later recount
    return odd[0].claim.value > following >= usual[0].claim.value


def _odd_one_out(
    odd: list[Estimate], usual: list[Estimate], texts: Mapping[str, str], others: Sequence[Estimate] = ()
) -> bool:
    """Whether `odd` is the slipped version of `usual`: fewer independent reports carry
    it; where as many do, it is in a copy of `usual`'s report, it breaks the course the
    measure's later figures keep, or a report of `odd` also writes the `usual` number elsewhere
    ("338 missing" in the headline, "the 388 names" in a quote) while no report of
    `usual` writes the odd one."""
    if _carriers(odd) != _carriers(usual):
        return _carriers(odd) < _carriers(usual)
    odd_docs, usual_docs = {e.claim.doc for e in odd}, {e.claim.doc for e in usual}
    copied = {e.near_copy_of for e in odd}, {e.near_copy_of for e in usual}
    if copied[0] <= usual_docs or copied[1] <= odd_docs:
        return copied[0] <= usual_docs  # the copy that changed the figure is the odd one
    if _out_of_line(odd, usual, others) or _out_of_line(usual, odd, others):
        return _out_of_line(odd, usual, others)
    usual_number, odd_number = _written(usual[0].claim.value), _written(odd[0].claim.value)
    return any(usual_number.search(texts.get(d, "")) for d in odd_docs) and not any(
        odd_number.search(texts.get(d, "")) for d in usual_docs
    )


def _written(value: float) -> re.Pattern:
    """A whole number as news writes it, with or without thousands separators."""
    digits = str(int(value))
    grouped = f"{int(value):,}"
    return re.compile(rf"(?<![\d.,]){re.escape(grouped)}(?![\d]|[.,]\d)|(?<![\d.,]){digits}(?![\d]|[.,]\d)")


def _digit_slips(estimates: list[Estimate], texts: Mapping[str, str], growing: set[str]) -> list[Misquote]:
    by_measure: dict[str, list[Estimate]] = {}
    for e in estimates:
        if e.when is not None and e.claim.qualifier == "exact":
            by_measure.setdefault(e.claim.measure or "", []).append(e)
    found = []
    for measure, group in by_measure.items():
        values: dict[float, list[Estimate]] = {}
        for e in group:
            values.setdefault(e.claim.value, []).append(e)
        for odd_value, odd in values.items():
            for usual_value, usual in values.items():
                if not _slip(odd_value, usual_value):
                    continue
                others = (
                    [e for e in group if e.claim.value not in (odd_value, usual_value)] if measure in growing else []
                )
                if not _odd_one_out(odd, usual, texts, others):
                    continue
                near = [u for u in usual if any(_same_statement_time(u, o) for o in odd)]
                if near:
                    a = _pick(odd)
                    b = min(near, key=lambda u: (abs((u.when - a.when).days), _pick_order(u)))
                    what = f"{a.claim.mention} where the other reports of the same figure give {b.claim.mention}"
                    found.append(Misquote(a.source_name, a.when.isoformat() if a.when else "", a, b, what))
    return found


def _gathering_slips(estimates: list[Estimate], states: dict[str, str]) -> list[Misquote]:
    """One source's estimate of one gathering's crowd that a report carries otherwise than
    more reports do ("about 30,000" where two reports give the ministry's "about 20,000"
    for the same march, a day apart at most): a crowd once dispersed is not recounted, so
    the odd one is a misquote, not a revision. A report that writes both figures tells of
    a change, and nothing is flagged."""
    by_voice: dict[tuple[str, str], list[Estimate]] = {}
    for e in estimates:
        measure = e.claim.measure or ""
        if states.get(measure) in ONE_TIME_STATES and e.when is not None and not e.source_key.startswith("outlet:"):
            by_voice.setdefault((measure, e.source_key), []).append(e)
    found = []
    for group in by_voice.values():
        versions: list[list[Estimate]] = []
        for e in sorted(group, key=_pick_order):
            same = next((v for v in versions if _same_crowd(v[0].claim, e.claim)), None)
            if same is None:
                versions.append([e])
            else:
                same.append(e)
        if len(versions) < 2:
            continue
        versions.sort(key=lambda v: -_carriers(v))
        usual = versions[0]
        for odd in versions[1:]:
            if _carriers(odd) >= _carriers(usual) or {e.claim.doc for e in odd} & {e.claim.doc for e in usual}:
                continue
            if not any(abs((o.when - u.when).days) <= 1 for o in odd for u in usual):
                continue
            a, b = _pick(odd), _pick(usual)
            what = f"{a.claim.mention} where more reports of the same estimate give {b.claim.mention}"
            found.append(Misquote(a.source_name, a.when.isoformat() if a.when else "", a, b, what))
    return found


def _same_crowd(a: Claim, b: Claim) -> bool:
    """Two figures of one crowd estimate: within the band of an approximate figure, as a
    timeline takes them (`flags.REVISION_APPROX_STEP`)."""
    band = REVISION_APPROX_STEP * max(abs(a.value), abs(b.value))
    return abs(a.value - b.value) <= band and a.value_max == b.value_max


def _swaps(estimates: list[Estimate], states: dict[str, str]) -> list[Misquote]:
    """Two figures of one sentence carried the wrong way round ("149 dead and 154 injured"
    where the day's count was 154 dead and 149 injured): no other report gives either
    pairing of that day, and another gives both of the swapped one."""
    carried: dict[tuple, set[str]] = {}
    by_sentence: dict[tuple[str, int], list[Estimate]] = {}
    for e in estimates:
        state = states.get(e.claim.measure or "", "count")
        if e.when is None or state == "count" or e.near_copy_of is not None:
            continue
        carried.setdefault((e.when, state, e.claim.value), set()).add(e.claim.doc)
        by_sentence.setdefault((e.claim.doc, e.claim.evidence_start), []).append(e)
    found = []
    for (doc, _), group in by_sentence.items():
        pairs = [(a, b) for a in group for b in group if a.claim.start < b.claim.start]
        for a, b in pairs:
            sa, sb = states[a.claim.measure], states[b.claim.measure]
            if sa == sb or a.when != b.when or a.claim.value == b.claim.value:
                continue
            day, va, vb = a.when, a.claim.value, b.claim.value
            alone = carried[(day, sa, va)] == {doc} and carried[(day, sb, vb)] == {doc}
            swapped = (carried.get((day, sa, vb), set()) & carried.get((day, sb, va), set())) - {doc}
            if not (alone and swapped):
                continue
            other = sorted(swapped)[0]
            for odd, value, state in ((a, va, sb), (b, vb, sa)):
                usual = next(
                    e
                    for e in estimates
                    if e.claim.doc == other
                    and e.when == day
                    and e.claim.value == value
                    and states.get(e.claim.measure or "") == state
                )
                carried_as, counted_as = states[odd.claim.measure].replace("-", " "), state.replace("-", " ")
                what = f"{odd.claim.mention} carried as {carried_as} where the day's count gives it as {counted_as}"
                found.append(Misquote(odd.source_name, day.isoformat(), odd, usual, what))
    return found
