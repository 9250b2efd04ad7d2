"""Abroad: a figure counted in another country than the one a story happens in is that
country's own, not a step of the story's toll.

An earthquake in Myanmar also kills people in Bangkok; "13 dead in Bangkok" and
"Thailand's death toll stood at 18" are Thailand's counts, and setting them against
Myanmar's thousands would make false conflicts and revisions. The story's home is the
country most of its located figures are in; a figure placed in a city of another country
is that city's (a part of its own: Bangkok's toll is not Thailand's), one placed in the
other country itself is that country's, as its owner's ("Thailand's toll") already is.
A story about one people abroad (North Korean troops in Russia) has no home to split by.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from .frames import Frame
from .measures import cities, cities_in, country_of, is_country, place_spans, places_named_where
from .scopes import slug_of

#: A place the words name only by what it is: the city of the people named before it.
_THE_CITY = re.compile(r"^(?:the\s+)?(?:capital|city)$", re.IGNORECASE)


#: How many times the next country's mentions the home country's must number to stand out.
_HOME_MARGIN = 1.5
#: How many times a story's reports must mention a country, in any words, to make it the home
#: by mentions alone.
_HOME_MENTIONS = 5


def home_country(locations: list[str | None], texts: list[str] = ()) -> str | None:
    """The country a story happens in, the first of these that stands out:
    - the one most of its reports' titles name ("Nepal quake toll passes 5,000");
    - the one its reports name most as where things happen ("in Mozambique", not "Chile's
      ministry" or "60 Chileans"): a cyclone's reports say "in Mozambique" twice as often
      as "in Malawi", though more of their located figures are Zimbabwe's;
    - the one its reports mention most in any words ("Indonesia's disaster agency",
      "Indonesian troops"), where its own places are ones no table knows ("in Palu");
    - the one most of its located figures are in: named by at least two figures and more
      than any other."""
    titled = _titled_country(texts)
    if titled is not None:
        return titled
    named = Counter(place for text in texts for place in places_named_where(text) if is_country(place)).most_common(2)
    if named and (len(named) == 1 or named[0][1] >= _HOME_MARGIN * named[1][1]) and named[0][1] >= 2:
        return named[0][0]
    mentioned = Counter(c for text in texts for _, _, place in place_spans(text) if (c := country_of(place)))
    top = mentioned.most_common(2)
    if top and top[0][1] >= _HOME_MENTIONS and (len(top) == 1 or top[0][1] >= _HOME_MARGIN * top[1][1]):
        return top[0][0]  # "Indonesia's disaster agency", "Indonesian troops": where no place word says "in"
    ranked = Counter(country for x in locations if (country := country_of(x))).most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _titled_country(texts: list[str]) -> str | None:
    """The country, by name or by a city of the cities table, that the titles (first lines)
    of at least half a story's reports name, and more than name any other."""
    counts: Counter[str] = Counter()
    for text in texts:
        title = text.split("\n", 1)[0]
        named = {country_of(place) for _, _, place in place_spans(title)} | {country_of(c) for c in cities_in(title)}
        counts.update(c for c in named if c)
    ranked = counts.most_common(2)
    if not ranked or 2 * ranked[0][1] < len(texts) or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def abroad(frame: Frame, location: str | None, before: str, home: str | None, paragraph: str = "") -> Frame:
    """The frame of a figure placed in another country than the story's `home`: the city's
    part ("13 dead in Bangkok"; "in the capital" after "Bangkok's deputy governor" in
    `before`, the sentence up to the figure), else that country's ("18 dead in Thailand").
    A figure placed nowhere is the country's its `paragraph` (up to the figure) is about,
    where that paragraph names one country only and not the home ("Zimbabwe's count is
    still unsettled: its government recorded 185 deaths").
    A figure already counting a people or a part, or an amount, is left as it is."""
    place = (location or "").strip()
    the_city = bool(_THE_CITY.match(place))
    if home is None or frame.group or frame.unit or (frame.scope and not (the_city and frame.scope in place)):
        return frame
    place = place or _the_one_country(paragraph)  # read only for a figure it may place
    if the_city:
        place = _city_before(before) or ""
    country = country_of(place)
    if country is None or country == home:
        return frame
    if place.strip().lower() in cities():
        return replace(frame, scope=slug_of(place))
    return replace(frame, group=slug_of(country))


def _city_before(text: str) -> str | None:
    """The last city of the cities table the words name ("Bangkok's deputy governor")."""
    named = cities_in(text)
    return named[-1] if named else None


def _the_one_country(paragraph: str) -> str:
    """The one country a paragraph names (by its name or a city of it), if it names only
    one and names it as what it is about: whose count ("Zimbabwe's count"), where ("in
    Zimbabwe"), or first; not only where someone went ("fled to India")."""
    named = [(start, end, country_of(place)) for start, end, place in place_spans(paragraph)]
    countries = {country for _, _, country in named} - {None}
    if len(countries) != 1:
        return ""
    about = any(
        start == 0 or _OWNER_AFTER.match(paragraph, end) or _WHERE_IN.search(paragraph, max(0, start - 20), start)
        for start, end, country in named
        if country
    )
    return next(iter(countries)) if about else ""


_OWNER_AFTER = re.compile(r"['’]s\b")
_WHERE_IN = re.compile(r"\b(?:in|across|throughout|inside)\s+(?:the\s+)?$", re.IGNORECASE)
