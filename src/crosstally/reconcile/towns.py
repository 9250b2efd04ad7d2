"""Towns of a story of gatherings: a march counted in one town is that town's turnout.

"450,000 marched across the country; in the capital alone the union counted 120,000":
the country's turnout and one town's are two quantities, and the union's 120,000 does
not dispute the ministry's 180,000 for the whole country. Where no figure counts the
whole country (a story of one city's marches, with a few figures from other towns), the
town most turnout figures are in is the story's own, and only the others are parts.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .measures import country_of, is_country
from .occasions import GATHERING_STATES
from .parts import scope_cue
from .scopes import slug_of

#: Words before a town's name that place within it, not name another town ("central Lisbon").
_WITHIN = re.compile(r"^(?:the\s+)?(?:(?:central|downtown|old|inner|greater)\s+)?", re.IGNORECASE)


@dataclass(frozen=True)
class TownInput:
    """What towns need of one claim: its key, state, scope, place, and whether its
    clause counts the whole country ("nationwide", "across the country")."""

    key: tuple[str, int]
    state: str
    scope: str
    location: str | None
    national: bool


def town_of(location: str | None) -> str:
    """ "Porto", "central Lisbon" → the town's slug; "" for a country, a people, or words
    that name no town ("the capital")."""
    name = _WITHIN.sub("", (location or "").strip())
    if not name[:1].isupper() or is_country(name) or country_of(name) == name.lower():
        return ""
    return slug_of(name)


def is_national(location: str | None, clause: str) -> bool:
    """Whether a figure counts a whole country: placed in one ("across Portugal"), or its
    clause says so ("nationwide")."""
    return is_country(location or "") or scope_cue(clause) == "national"


def town_turnouts(items: list[TownInput], texts: list[str]) -> dict[tuple[str, int], str]:
    """The town each turnout figure counts where it is a part of the story, by key. With no
    figure of the whole country, the town the story's reports name most is its own (its
    figures often name no place at all), if one stands out."""
    turnouts = [i for i in items if i.state in GATHERING_STATES and not i.scope]
    towns = {i.key: town for i in turnouts if not i.national and (town := town_of(i.location))}
    if towns and not any(i.national for i in turnouts):
        named = {town_of(i.location): i.location or "" for i in turnouts if i.key in towns}
        mentions = Counter({town: sum(_mentions(name, t) for t in texts) for town, name in named.items()})
        ranked = mentions.most_common(2)
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            home = ranked[0][0]
            towns = {key: town for key, town in towns.items() if town != home}
    return towns


def _mentions(name: str, text: str) -> int:
    """How often a text names a place."""
    name = _WITHIN.sub("", name.strip())
    return len(re.findall(rf"\b{re.escape(name)}\b", text)) if name else 0
