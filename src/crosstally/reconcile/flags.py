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
from dataclasses import dataclass
from datetime import date, timedelta

from ..claims import Claim

APPROX_BAND = 0.10
EXACT_BAND = 0.005
SAME_TIME_DAYS = 1
_FAMILY = {"killed", "wounded", "casualties"}


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


@dataclass(frozen=True)
class Misquote:
    """A statement carried differently: `odd` differs from what `usual` reports."""

    source_name: str
    statement: str
    odd: Estimate
    usual: Estimate
    what: str


def effective_date(claim: Claim, published: date | None) -> date | None:
    """When a claim holds: its own resolved date (a month counts as its first day), else
    the document's publication date."""
    if claim.date:
        text = claim.date
        try:
            if re.fullmatch(r"\d{4}-\d\d-\d\d", text):
                return date.fromisoformat(text)
            if re.fullmatch(r"\d{4}-\d\d", text):
                return date.fromisoformat(text + "-01")
        except ValueError:
            return published
    return published


def same_time(a: Estimate, b: Estimate) -> bool:
    if a.when is None or b.when is None:
        return a.when is None and b.when is None and _statement_key(a) == _statement_key(b) is not None
    return abs(a.when - b.when) <= timedelta(days=SAME_TIME_DAYS)


def conflicts(measure: str, estimates: list[Estimate]) -> list[Conflict]:
    """Pairs of sources whose estimates are disjoint at the same time.

    Per source and day only the most extreme estimates matter (the highest lower bound
    and the lowest upper bound), so one conflict is reported per pair of sources and day,
    and the cost grows with sources and days, not with the square of the estimates.
    Undated estimates meet only others with the same statement time words.
    """
    buckets: dict[object, dict[str, tuple[Estimate, Estimate]]] = {}
    for e in estimates:
        if e.near_copy_of is not None:
            continue
        key = e.when if e.when is not None else ("undated", _statement_key(e))
        if key == ("undated", None):
            continue
        per_source = buckets.setdefault(key, {})
        low, high = interval(e.claim)
        if e.source_key not in per_source:
            per_source[e.source_key] = (e, e)
        else:
            top, bottom = per_source[e.source_key]
            per_source[e.source_key] = (
                e if low > interval(top.claim)[0] else top,
                e if high < interval(bottom.claim)[1] else bottom,
            )
    dated = sorted(k for k in buckets if isinstance(k, date))
    pairs = [(d1, d2) for i, d1 in enumerate(dated) for d2 in dated[i:] if d2 - d1 <= timedelta(days=SAME_TIME_DAYS)]
    pairs += [(k, k) for k in buckets if not isinstance(k, date)]
    found: dict[tuple, Conflict] = {}
    for k1, k2 in pairs:
        for s1, (top1, bottom1) in buckets[k1].items():
            for s2, (top2, bottom2) in buckets[k2].items():
                if s1 == s2 or (k1 == k2 and s1 > s2):
                    continue
                pair = (min(s1, s2), max(s1, s2), k1)
                if pair in found:
                    continue
                for a, b in ((top1, bottom2), (top2, bottom1)):
                    if _disagree(a, b):
                        found[pair] = Conflict(measure, a, b)
                        break
    order = {id(e): n for n, e in enumerate(estimates)}
    ordered = [c if order[id(c.a)] < order[id(c.b)] else Conflict(measure, c.b, c.a) for c in found.values()]
    return sorted(ordered, key=lambda c: (order[id(c.a)], order[id(c.b)]))


def _disagree(a: Estimate, b: Estimate) -> bool:
    if a.source_key == b.source_key:
        return False
    return not overlaps(a.claim, b.claim)


def revisions(estimates: list[Estimate], disputed: bool | None = None) -> list[Revision]:
    """Consecutive changes of one measure's figure over time.

    Statements of the same value are one step of the timeline (the first with a named
    source stands for them). Where two sources dispute the measure at the same time, only
    each source's own changes are revisions; otherwise the measure has one track and every
    change along it is.
    """
    if disputed is None:
        disputed = bool(conflicts("", estimates))
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
        steps: list[tuple[date, list[Estimate]]] = []
        for e in sorted(members, key=lambda e: (e.when, e.claim.doc, e.claim.start)):
            if steps and _close_value(steps[-1][1][0].claim, e.claim):
                steps[-1][1].append(e)
            elif steps and steps[-1][0] == e.when:
                continue
            else:
                steps.append((e.when, [e]))
        for (day1, first), (day2, second) in zip(steps, steps[1:], strict=False):
            if day1 == day2:
                continue
            found.append(Revision(_representative(first), _representative(second)))
    return found


def _close_value(a: Claim, b: Claim) -> bool:
    return abs(a.value - b.value) <= EXACT_BAND * max(abs(a.value), abs(b.value)) and a.value_max == b.value_max


def _representative(group: list[Estimate]) -> Estimate:
    return min(group, key=lambda e: (e.claim.source is None, e.when, e.claim.doc, e.claim.start))


def _statement_key(e: Estimate) -> str | None:
    """What identifies one statement in time: its date, else its time words."""
    if e.claim.date:
        return e.claim.date
    if e.claim.time_text:
        words = re.sub(r"\b(?:on|in|at|during|a|an|the|social|media|post)\b", " ", e.claim.time_text.lower())
        words = " ".join(words.split())
        return words or None
    return None


def _close(a: Claim, b: Claim) -> bool:
    """The same number as written (within 10%): one statement, not two figures in it."""
    return abs(a.value - b.value) <= 0.1 * max(abs(a.value), abs(b.value))


def misquotes(estimates: list[Estimate]) -> list[Misquote]:
    """Same source and statement time, different category (killed vs killed-or-wounded)
    or a number that cannot match; the version fewer documents carry is the odd one."""
    groups: dict[tuple[str, str], list[Estimate]] = {}
    for e in estimates:
        key = _statement_key(e)
        if key and e.claim.source:
            groups.setdefault((e.source_key, key), []).append(e)
    found = []
    for (_, key), group in groups.items():
        if len({e.claim.doc for e in group}) < 2 and len(group) < 2:
            continue
        versions: dict[str, list[Estimate]] = {}
        for e in group:
            if e.claim.category in _FAMILY or len(group) > 1:
                versions.setdefault(e.claim.category, []).append(e)
        if len(versions) < 2:
            continue
        ranked = sorted(
            versions.values(), key=lambda v: (-len({e.claim.doc for e in v}), v[0].claim.category != "casualties")
        )
        usual = ranked[0]
        tie = len({e.claim.doc for e in ranked[0]}) == len({e.claim.doc for e in ranked[1]})
        for odd_group in ranked[1:]:
            for odd in odd_group:
                match = next((u for u in usual if _close(u.claim, odd.claim)), None)
                if match is None or odd.claim.category not in _FAMILY:
                    continue
                what = (
                    f"{odd.claim.category} where another report of the same statement says {match.claim.category}"
                    if tie
                    else f"{odd.claim.category} where the same statement is reported as {match.claim.category}"
                )
                found.append(Misquote(odd.source_name, key, odd, match, what))
    return found
