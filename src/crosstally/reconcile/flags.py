"""Intervals, timelines, conflicts, revisions and misquotes over claims grouped by measure.

Each claim is an interval from its qualifier: "more than 3,000" is [3000, inf), "up to
12,000" is [0, 12000], "about 1,100" a band of ±10%. Two independent estimates conflict
only when their intervals cannot overlap and they hold at the same time. A revision is a
figure for a measure changing over time (one source's, or the one track a measure has
when no two sources dispute it). A misquote is the same source's statement at the same
time carried with a different category or number.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from ..claims import Claim
from ..lexicon import lexicon
from .measures import is_country

#: "about", "nearly", "an estimated": read generously, as analysts do (±20%).
APPROX_BAND = 0.20
EXACT_BAND = 0.005
#: A figure this small beside one more than `FEW_FACTOR` times larger is no rival count.
FEW = 20
FEW_FACTOR = 8
#: Two figures of one measure in one report this many times apart are a whole and a part.
SAME_REPORT_FACTOR = 5
#: A changed figure is a revision when it moves by more than this (either side approximate).
REVISION_APPROX_STEP = 0.10
SAME_TIME_DAYS = 1
#: Two figures of one day stated this many minutes apart or more follow each other.
SAME_TIME_MINUTES = 60
#: The hour of a figure a report gives for a day with no hour, beside another of that day
#: it gives an hour: the day's main statement, after its morning and midday counts
#: ("earlier on Saturday 1,002 ... 1,644 on Saturday"), before one "later that day".
UNSTATED_HOUR = 1199
#: The hour of a day's figure a report published the next day gives with no hour: the
#: day's last word ("133 on Saturday" in Sunday's paper, after Saturday's midday 115).
#: Days later, "126 on Saturday" recalls some figure of that day, of no known hour.
LOOKED_BACK_HOUR = 1439


def interval(claim: Claim) -> tuple[float, float]:
    """The values a claim admits."""
    v = float(claim.value)
    if claim.qualifier == "min":
        return v, math.inf
    if claim.qualifier == "max":
        return 0.0, v
    if claim.qualifier == "range" and claim.value_max is not None:
        return v, float(claim.value_max)
    band = APPROX_BAND if claim.qualifier == "approx" else EXACT_BAND
    return v * (1 - band), v * (1 + band)


def overlaps(a: Claim, b: Claim) -> bool:
    (a0, a1), (b0, b1) = interval(a), interval(b)
    return a0 <= b1 and b0 <= a1


@dataclass(frozen=True)
class Estimate:
    """A claim with what reconciliation knows about it."""

    claim: Claim
    source_key: str
    source_name: str
    when: date | None
    outlet: str | None
    near_copy_of: str | None
    dated_by: str = "stated"
    published: date | None = None
    #: Minutes after midnight of the hour the figure's sentence gives it, if any.
    clock: int | None = None


@dataclass(frozen=True)
class Conflict:
    """Two sources whose estimates of one measure cannot both hold at the same time."""

    measure: str
    a: Estimate
    b: Estimate

    @property
    def note(self) -> str:
        return f"{self.a.source_name} and {self.b.source_name} give figures that cannot both hold at the same time"


@dataclass(frozen=True)
class Revision:
    """A figure for one measure that changed over time: a timeline, not a conflict."""

    earlier: Estimate
    later: Estimate

    @property
    def note(self) -> str:
        a, b = self.earlier, self.later
        return f"{a.claim.mention} ({a.source_name}) became {b.claim.mention} ({b.source_name})"


def conflicts(measure: str, estimates: list[Estimate], rivals_only: bool = True) -> list[Conflict]:
    """Pairs of named sources whose estimates are disjoint at the same time.

    The same time is the same day where both reports date the statement themselves; two
    figures set side by side in one report also meet when a day apart or dated only by the
    report. A near-copy adds nothing, and the outlet's own voice (which mostly restates a
    source) is not a party. Per report, day and source only the most extreme estimates
    matter, so one conflict is reported per pair of sources and day, and the cost grows
    with sources, reports and days rather than with the square of the estimates.
    """
    buckets: dict[tuple, dict[str, tuple[Estimate, Estimate]]] = {}
    for e in estimates:
        if e.near_copy_of is not None or e.when is None or e.source_key.startswith("outlet:"):
            continue
        if e.dated_by == "earlier":
            continue  # "previously put the toll at ...": not a figure of the same time
        per_source = buckets.setdefault((e.when, e.claim.doc, e.dated_by == "document"), {})
        low, high = interval(e.claim)
        if e.source_key not in per_source:
            per_source[e.source_key] = (e, e)
        else:
            top, bottom = per_source[e.source_key]
            per_source[e.source_key] = (
                e if low > interval(top.claim)[0] else top,
                e if high < interval(bottom.claim)[1] else bottom,
            )
    keys = sorted(buckets, key=lambda k: (k[0], k[1], k[2]))
    found: dict[tuple, Conflict] = {}
    for i, k1 in enumerate(keys):
        for k2 in keys[i:]:
            if (k2[0] - k1[0]).days > SAME_TIME_DAYS:
                break
            if not _meet(k1, k2):
                continue
            for s1, (top1, bottom1) in buckets[k1].items():
                for s2, (top2, bottom2) in buckets[k2].items():
                    if s1 == s2:
                        continue
                    pair = (min(s1, s2), max(s1, s2), k1[0])
                    if pair in found:
                        continue
                    # of the two pairs that can disagree, the closer is the rival count (a
                    # source's figure of another quantity in the measure is further off)
                    rival = [(a, b) for a, b in ((top1, bottom2), (top2, bottom1)) if _disagree(a, b, rivals_only)]
                    if rival:
                        found[pair] = Conflict(measure, *min(rival, key=lambda ab: _gap(*ab)))
    order = {id(e): n for n, e in enumerate(estimates)}
    ordered = [c if order[id(c.a)] < order[id(c.b)] else Conflict(measure, c.b, c.a) for c in _once(found.values())]
    return sorted(ordered, key=lambda c: (order[id(c.a)], order[id(c.b)]))


def _gap(a: Estimate, b: Estimate) -> float:
    """How many times one estimate is the other (by the middles of their intervals)."""
    x, y = (sum(interval(e.claim)) / 2 for e in (a, b))
    return max(x, y) / min(x, y) if min(x, y) > 0 else float("inf")


def _once(found) -> list[Conflict]:
    """One conflict per pair of figures and day: the same two statements carried by
    several reports (under their sources' varying names) are one disagreement."""
    seen: dict[tuple, Conflict] = {}
    for c in sorted(found, key=lambda c: (c.a.claim.source is None, c.b.claim.source is None)):
        values = tuple(sorted((c.a.claim.value, c.b.claim.value)))
        seen.setdefault((values, c.a.when), c)
    return list(seen.values())


def _meet(k1: tuple, k2: tuple) -> bool:
    """Whether two (day, report, dated by the report only) buckets hold at the same time."""
    (day1, doc1, loose1), (day2, doc2, loose2) = k1, k2
    if doc1 == doc2:
        # side by side in one report: the same day, or a day apart where the report's own
        # date stands in for one of them (not "133 on Saturday ... 137 on Sunday")
        return day1 == day2 or (abs((day2 - day1).days) <= SAME_TIME_DAYS and (loose1 or loose2))
    return day1 == day2 and not loose1 and not loose2


def _disagree(a: Estimate, b: Estimate, rivals_only: bool = True) -> bool:
    """Whether two sources' estimates cannot both hold; `rivals_only` leaves out a figure
    its own report gives beside one many times larger (a part, not a rival count) and
    one stated hours apart from the other (the count rising through the day)."""
    if a.source_key == b.source_key or _elsewhere(a.claim.location, b.claim.location):
        return False
    if overlaps(a.claim, b.claim) or _a_few_beside_many(a.claim, b.claim):
        return False
    return not (rivals_only and (_a_part_beside(a, b) or _hours_apart(a, b)))


def _hours_apart(a: Estimate, b: Estimate) -> bool:
    """ "149 early on Sunday ... by 9 a.m. 151", "57 by Tuesday afternoon ... 93 at a
    briefing on Tuesday evening": one day's figures stated at hours apart are a count
    rising through the day, not rival counts of one moment."""
    return a.clock is not None and b.clock is not None and abs(a.clock - b.clock) >= SAME_TIME_MINUTES


def _a_part_beside(a: Estimate, b: Estimate) -> bool:
    """ "275 dead ... 62 of them from West Bengal": in one report, a figure many times
    smaller than another of the same measure is a part the words did not set apart, not
    a rival count (a report that sets two counts against each other gives figures a few
    times apart at most). Across reports, rival tallies may differ far more."""
    if a.claim.doc != b.claim.doc:
        return False
    small, large = sorted((a.claim.value, b.claim.value))
    return large > SAME_REPORT_FACTOR * small


def _a_few_beside_many(a: Claim, b: Claim) -> bool:
    """ "one died in hospital" beside a toll of 139: a handful against a count many times
    its size is an incident or a part the words did not set apart, not a rival count of
    the same thing (rival counts differ by a few times: 82 against 133, 240,000 against
    1.03 million)."""
    small, large = sorted((a.value, b.value))
    return small <= FEW and large > FEW_FACTOR * small


def _elsewhere(a: str | None, b: str | None) -> bool:
    """Whether two figures are placed in two different places ("five died in Nova
    Kakhovka", "three died in Oleshky"; Turkey and Syria): counts of two places do not
    conflict. A country named beside a town ("68 in Mecca", then "Jordan's ministry put
    its count at 75") is whose count it is, or the whole, not a place apart."""
    if not a or not b:
        return False
    if is_country(a) and is_country(b):
        return a.lower() != b.lower()  # Turkey's toll and Syria's
    if is_country(a) or is_country(b):
        return False
    x, y = (re.sub(r"[^a-z0-9 ]+", " ", p.lower()).split() for p in (a, b))
    return not (set(x) & set(y))


def revisions(estimates: list[Estimate], disputed: bool | None = None) -> list[Revision]:
    """Consecutive changes of one measure's figure over time.

    Statements of the same value are one step of the timeline (the earliest stands for
    them; among the same day's, the first report published, then a named source). Steps
    follow each other by day, and within a day by the hour the words give ("as of 9
    a.m.", "by 2 p.m."). Where two sources dispute the measure at the same time, only
    each source's own changes are revisions; otherwise the measure has one track and
    every change along it is.
    """
    if disputed is None:
        # a part beside its whole, or a figure of another hour, is no rival count, but
        # still two sources' different figures
        disputed = bool(conflicts("", estimates, rivals_only=False))
    tracks: dict[str, list[Estimate]] = {}
    for e in estimates:
        if e.when is None or e.near_copy_of is not None:
            continue
        track = e.source_key if disputed else ""
        if disputed and e.source_key.startswith("outlet:"):
            continue
        tracks.setdefault(track, []).append(e)
    found = []
    for members in tracks.values():
        steps: list[tuple[tuple, list[Estimate]]] = []
        for moment, figures in _moments(_report_hours(members)):
            for figure in figures:
                if steps and _close_value(steps[-1][1][0].claim, figure[0].claim):
                    steps[-1][1].extend(figure)
                elif not steps or _later(steps[-1][0], moment):
                    steps.append((moment, list(figure)))
        for (_, first), (_, second) in zip(steps, steps[1:], strict=False):
            earlier, later = _same_voice_ends(first, second)
            if not _elsewhere(earlier.claim.location, later.claim.location):  # two places' counts are no timeline
                found.append(Revision(earlier, later))
    return found


def _moments(members: list[Estimate]) -> list[tuple[tuple, list[list[Estimate]]]]:
    """A track's estimates by moment (day, clock), in time order; within a moment, its
    figures (estimates of one value), the one most reports carry first: where a moment
    holds two values of one source, the odd one out is a slip, not the step."""
    by_moment: dict[tuple, list[list[Estimate]]] = {}
    for e in sorted(members, key=lambda e: (e.when, e.clock or 0, e.published or date.max, e.claim.doc, e.claim.start)):
        figures = by_moment.setdefault((e.when, e.clock), [])
        same = next((f for f in figures if _close_value(f[0].claim, e.claim)), None)
        if same is None:
            figures.append([e])
        else:
            same.append(e)
    return [
        (moment, sorted(figures, key=lambda f: -len({e.claim.doc for e in f})))
        for moment, figures in sorted(by_moment.items(), key=lambda item: (item[0][0], item[0][1] or 0))
    ]


def _report_hours(members: list[Estimate]) -> list[Estimate]:
    """The estimates, a figure with no hour set at `UNSTATED_HOUR` where its own report
    gives another figure of the same day an hour, or at `LOOKED_BACK_HOUR` where the report
    is published the next day. Otherwise an unstated hour says nothing: "126 on
    Saturday" in Saturday's paper may be before or after another report's "110 at 4 p.m."."""
    timed = {(e.claim.doc, e.when) for e in members if e.clock is not None}
    return [replace(e, clock=_unstated_hour(e, timed)) if e.clock is None else e for e in members]


def _unstated_hour(e: Estimate, timed: set) -> int | None:
    if (e.claim.doc, e.when) in timed:
        return UNSTATED_HOUR
    if e.when is not None and e.published is not None and (e.published - e.when).days == 1:
        return LOOKED_BACK_HOUR
    return None


_CLOCK = re.compile(r"\b(\d{1,2})(?:[:.](\d\d))?\s*([ap])\.?m\b\.?", re.IGNORECASE)
#: Where one clause of a sentence ends and the next, with a time of its own, begins.
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while)\s", re.IGNORECASE)


@cache
def _daypart_pattern() -> re.Pattern:
    words = sorted(lexicon().dayparts, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def _times(text: str) -> list[tuple[int, int]]:
    """(offset, minutes after midnight) of each clock time or part of the day in `text`."""
    found = []
    for m in _CLOCK.finditer(text):
        hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
        found.append((m.start(), hour * 60 + int(m.group(2) or 0)))
    dayparts = lexicon().dayparts
    found += [(m.start(), dayparts[m.group(1).lower()]) for m in _daypart_pattern().finditer(text)]
    return found


def clock(sentence: str, at: int = 0) -> int | None:
    """Minutes after midnight of the time of day nearest offset `at` in its own clause,
    else in the sentence: a clock time or a part of the day ("242 as of 9 a.m.; by 2 p.m.
    lowered to 222", "more than 60 in the early hours ...; by the morning 93, and around
    midday 115")."""
    text = sentence or ""
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(text) if m.end() <= at), default=0)
    following = _CLAUSE_BREAK.search(text, at)
    end = following.start() if following else len(text)
    for lo, hi in ((start, end), (0, len(text))):
        found = [(abs(lo + offset - at), minutes) for offset, minutes in _times(text[lo:hi])]
        if found:
            return min(found)[1]
    return None


def _later(a: tuple, b: tuple) -> bool:
    """Whether moment `b` (day, clock) comes after `a`: a later day, or the same day at a
    later stated hour ("242 as of 9 a.m. ... lowered to 222 by 2 p.m.")."""
    (day_a, clock_a), (day_b, clock_b) = a, b
    if day_b != day_a:
        return day_b > day_a
    return clock_a is not None and clock_b is not None and clock_b > clock_a


def _close_value(a: Claim, b: Claim) -> bool:
    """The same figure for a timeline, `a` the earlier: within 0.5%, or 10% where either is
    approximate or `b` is a bound that holds `a`'s exact figure ("more than 9,000" after
    9,121: a headline rounding the count, not a change of it; "at least 600" and then 658
    is the count firmed up, a change)."""
    step = REVISION_APPROX_STEP if "approx" in (a.qualifier, b.qualifier) or _holds(b, a) else EXACT_BAND
    return abs(a.value - b.value) <= step * max(abs(a.value), abs(b.value)) and a.value_max == b.value_max


def _holds(bound: Claim, exact: Claim) -> bool:
    """Whether a lower or upper bound ("more than 9,000", "up to 50") holds an exact figure."""
    if exact.qualifier != "exact":
        return False
    return (bound.qualifier == "min" and bound.value <= exact.value) or (
        bound.qualifier == "max" and exact.value <= bound.value
    )


def _same_voice_ends(first: list[Estimate], second: list[Estimate]) -> tuple[Estimate, Estimate]:
    """The two ends of a step of a timeline: where one source gives both figures (the IOM's
    1,250, then its 1,650, which a province also carries), that source's; else the
    representative of each."""
    shared = {e.source_key for e in first} & {e.source_key for e in second}
    shared = {k for k in shared if not k.startswith("outlet:")}
    if shared:
        key = _representative([e for e in second if e.source_key in shared]).source_key
        first, second = [e for e in first if e.source_key == key], [e for e in second if e.source_key == key]
    return _representative(first), _representative(second)


def _representative(group: list[Estimate]) -> Estimate:
    return min(
        group, key=lambda e: (e.when, e.published or date.max, e.claim.source is None, e.claim.doc, e.claim.start)
    )
