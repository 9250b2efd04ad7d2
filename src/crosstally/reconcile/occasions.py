"""Occasions: a story made of several gatherings counts each one on its own.

A march's turnout is a figure about that day's march; the next week's march is another
quantity, and the organisers' and the police's counts of one march dispute one number.
Disaster tolls grow over a story's days and stay one measure, so occasions are only
found where the story's figures of turnout fall on days set apart from each other: its
gatherings. In such a story the harms counted (arrests, injuries) are each day's too,
unless the words make them a running total ("32 arrested since the protests began"); a
count the words give for one night ("2,000 detained overnight") is that day's alone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from ..lexicon import lexicon

#: States that count the people at one gathering.
GATHERING_STATES = frozenset({"turnout"})
#: States whose figures, in a story of gatherings, belong to the day they happened on.
OCCASION_HARMS = frozenset({"dead", "injured", "seriously-injured", "arrested", "dead-or-injured"})
#: Days further apart than this are different occasions.
OCCASION_GAP_DAYS = 1


#: How far after a dated figure of a gathering an undated one still speaks of it ("said
#: the march drew 1.03 million on Sunday. Police said it peaked at 240,000").
FOLLOW_CHARS = 400


@dataclass(frozen=True)
class OccasionInput:
    """What occasions need of one claim: its key, state, scope, day, whether its own words
    date it, whether they make it a running total or one night's count, and whether it is
    set against the figure before it as that one's earlier level ("down from 180,000 on
    Thursday")."""

    key: tuple[str, int]
    state: str
    scope: str
    day: date | None
    dated: bool = True
    running: bool = False
    period: bool = False
    compared: bool = False


def occasions(items: list[OccasionInput]) -> dict[tuple[str, int], str]:
    """The occasion ("jun-9", its first day) of each claim of one story that counts one,
    by key; empty when the story has fewer than two gatherings. `items` are in report
    order."""
    moved = followed_days(items)
    items = [replace(i, day=moved[i.key]) if i.key in moved else i for i in items]
    gatherings = sorted({i.day for i in items if i.state in GATHERING_STATES and i.day and _own(i)})
    if len(_spans(gatherings)) < 2:
        return {}
    counted = [i for i in items if i.day and _own(i) and _counts_occasion(i)]
    spans = _spans(sorted({i.day for i in counted if not i.period}))
    first = {d: span[0] for span in spans for d in span}
    # a night's count ("2,000 detained overnight") is that day's, not its run of days'
    return {i.key: label(i.day if i.period or i.day not in first else first[i.day]) for i in counted}


def followed_days(items: list[OccasionInput]) -> dict[tuple[str, int], date]:
    """The day of each gathering's figure that its report dates only by publication, taken
    from the dated gathering figure just before it ("the march", "that crowd" are the same
    one): when the count was made, by key. A figure set against another as its earlier
    level ("95,000, down from 180,000 on Thursday") looks back, and dates nothing after it."""
    out = {}
    last: OccasionInput | None = None
    for item in items:
        if item.state in GATHERING_STATES and _own(item):
            if item.dated and not item.compared:
                last = item
            elif item.dated:
                continue
            elif _follows(item, last):
                out[item.key] = last.day
    return out


def _follows(item: OccasionInput, last: OccasionInput | None) -> bool:
    """Whether `item` comes close after `last`, a dated gathering figure of its report."""
    return (
        last is not None
        and last.day is not None
        and last.day != item.day
        and last.key[0] == item.key[0]
        and item.key[1] - last.key[1] <= FOLLOW_CHARS
    )


def _own(item: OccasionInput) -> bool:
    """Not a figure of an earlier year's event ("when 500,000 marched in 2003")."""
    return not item.scope.startswith("event-")


def _counts_occasion(item: OccasionInput) -> bool:
    """Whether a figure of a story of gatherings is one day's: a turnout, or a harm that is
    no running total."""
    if item.state in GATHERING_STATES:
        return True
    return item.state in OCCASION_HARMS and not item.running


def _spans(days: list[date]) -> list[list[date]]:
    """Sorted days chained into runs whose neighbours are at most the gap apart."""
    spans: list[list[date]] = []
    for d in days:
        if spans and (d - spans[-1][-1]).days <= OCCASION_GAP_DAYS:
            spans[-1].append(d)
        else:
            spans.append([d])
    return spans


def label(day: date) -> str:
    """The readable part of an occasion's measure id: "jun-9"."""
    return f"{_month_names()[day.month]}-{day.day}"


@cache
def _month_names() -> dict[int, str]:
    """Each month's shortest name in the lexicon ("jun", "sep")."""
    names: dict[int, str] = {}
    for name, number in sorted(lexicon().months.items(), key=lambda item: (len(item[0]), item[0])):
        names.setdefault(number, name)
    return names
