"""A country's own count: in a story whose figures count several peoples apart (pilgrims of
many countries, the foreigners among a disaster's dead), a body of one of those countries
that gives a toll without naming whose it is counts its own nationals ("Jordan's foreign
ministry put its count at 75", "Indonesia had confirmed 165 deaths"), not the whole.

Only stories that already count two or more peoples apart are read this way, so a
country's ministry giving the toll of a disaster in that country stays the toll.
"""

from __future__ import annotations

from dataclasses import dataclass

from .measures import is_country, places_in

#: A story must count at least this many peoples apart before a country's body is read as
#: speaking for its own.
MIN_PEOPLES = 2


@dataclass(frozen=True)
class SpeakerInput:
    """What the rule needs of one claim: its key, frame parts and who gives it (the
    source as written and the entity it resolved to)."""

    key: tuple[str, int]
    population: str
    state: str
    group: str
    scope: str
    source_names: tuple[str, ...]


def own_nationals(items: list[SpeakerInput]) -> dict[tuple[str, int], str]:
    """The people each claim of one story counts when a body of their country gives it
    with no people named, by key; empty when the story counts fewer than two peoples."""
    peoples = {(i.group, i.state) for i in items if i.group and is_country(i.group)}
    if len({group for group, _ in peoples}) < MIN_PEOPLES:
        return {}
    out = {}
    for item in items:
        if item.group or item.scope or item.population != "people":
            continue
        named = {p for name in item.source_names for p in places_in(name) if (p, item.state) in peoples}
        if len(named) == 1:
            out[item.key] = named.pop()
    return out
