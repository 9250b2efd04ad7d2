"""Scopes: the place a story happens in, and the parts of a country a figure is in.

A story happens in the part of a country its event is named after ("the Wayanad
landslides"), else the part most of its figures are in; "Kessel province" is a part of
the country, "the county" the one county a report names.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from .measures import country_of
from .stories import event_kinds

_PART_KINDS = "province|region|district|governorate|county|prefecture|state|department|oblast|municipality"


SUBNATIONAL = re.compile(rf"\b(?:{_PART_KINDS})\b", re.I)


def story_scope(locations: list[str | None], texts: list[str], home: str | None = None) -> str:
    """The part of a country a story happens in. First the part its event is named after, as
    its base name ("wayanad" of "the Wayanad landslides", whose figures say "Wayanad
    district"): of the parts its figures are placed in, the one most of its reports name
    before a word for the event, if at least a third do and no other part ties. Else (a
    storm named after no place) the part most of its located figures are in
    ("kherson-region"), if one stands out and the reports never give it to another country
    than the story's `home` ("Mozambique's Zambezia" of a cyclone that struck Malawi hardest)."""
    bases = {place_base(x) for x in locations if part_of_country(x)} - {""}
    by_event = Counter({b: sum(bool(_event_after(b).search(t)) for t in texts) for b in bases})
    top = _standing_out(by_event)
    if top and 3 * by_event[top] >= len(texts):
        return slug_of(top)
    top = _standing_out(Counter(part_of_country(x) or (x or "").lower() for x in locations if x))
    if not part_of_country(top) or (home and _owned_abroad(scope_base(top), texts, home)):
        return ""
    return top


def _owned_abroad(base: str, texts: list[str], home: str) -> bool:
    """Whether a report names the part as another country's than `home` ("Mozambique's
    Zambezia", "Mozambique's central Zambezia province")."""
    place = r"[\s-]+".join(re.escape(w) for w in base.split("-"))
    owned = re.compile(rf"\b(\w+)['’]s\s+(?:\w+\s+)?{place}\b", re.IGNORECASE)
    return any(country_of(m.group(1)) not in (None, home) for text in texts for m in owned.finditer(text))


def _standing_out(counts: Counter) -> str:
    """The most counted key, if no other ties it."""
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return ""
    return ranked[0][0]


def _event_after(place: str) -> re.Pattern:
    """ "Wayanad landslides", "Balasore train crash", "Enga's landslide": a place, then within
    two words a word for an event."""
    return re.compile(rf"\b{re.escape(place)}(?:['’]s)?\s+(?:[\w-]+\s+)?(?:{_event_words()})\b", re.IGNORECASE)


@cache
def _event_words() -> str:
    return "|".join(re.escape(w) for w in sorted(event_kinds(), key=len, reverse=True))


def scope_base(scope: str) -> str:
    """ "wayanad-district" → "wayanad": a scope's place without the word for its kind."""
    return re.sub(rf"-(?:{_PART_KINDS})$", "", scope)


def place_base(location: str | None) -> str:
    """ "Kerala's Wayanad district" → "wayanad": a part of a country's name without its owner
    and the word for what kind of part it is; "" for a bare "the district"."""
    m = SUBNATIONAL.search(location or "")
    words = (location or "")[: m.start()] if m else (location or "")
    words = re.sub(r"^.*[’']s\s+", "", words.strip())
    return re.sub(r"^(?:the|its|his|her|their)\b", "", words.strip(), flags=re.I).strip(" ,").lower()


_LEADING = {"the", "a", "an", "in", "on", "at", "of", "for", "from", "by", "this", "that", "each", "across"}


def named_part(location: str | None, text: str, at: int | None = None) -> str | None:
    """ "the county" where the report names one county ("Buncombe County"), or, where it
    names several, the one it named last before the figure at offset `at`; a bare "the
    state" or "the county" the report does not name is no place at all."""
    words = (location or "").lower().split()
    if len(words) != 1 or not SUBNATIONAL.fullmatch(words[0]):
        return location
    named: list[tuple[int, str]] = []
    for m in re.finditer(rf"\b((?:[A-Z][\w'’-]+\s+){{1,3}})(?i:{words[0]})\b", text):
        name = m.group(1).split()
        while name and name[0].lower() in _LEADING:
            name = name[1:]
        if name:
            named.append((m.start(), " ".join(name)))
    names = {name for _, name in named}
    if len(names) > 1 and at is not None:
        before = [name for start, name in named if start < at]
        names = {before[-1]} if before else names
    return f"{names.pop()} {words[0].title()}" if len(names) == 1 else None


def parts_named(texts: list[str]) -> dict[str, str]:
    """The parts of a country a story's reports name with the word for their kind ("Sindh
    province", "the state of Guerrero"), by lower-case name: a bare "Sindh" elsewhere in the
    story is that part ("Sindh has suffered most, with 349 deaths")."""
    found: dict[str, Counter] = {}
    leads = openings(texts)
    for text in texts:
        for m in _NAME_THEN_KIND.finditer(text):
            found.setdefault(_without_leading(m.group(1)), Counter())[m.group(2).lower()] += 1
        for m in _KIND_OF_NAME.finditer(text):
            found.setdefault(_without_leading(m.group(2)), Counter())[m.group(1).lower()] += 1
    # a city or a country of the tables is that place ("Moscow region" names no bare "Moscow");
    # a part most reports open with is where the story happens, which its bare name means
    # ("Malang toll rises to 131", "the Ishikawa quake")
    return {
        name.lower(): kinds.most_common(1)[0][0]
        for name, kinds in found.items()
        if name and name.lower() not in _NO_NAMES and not country_of(name) and not opens_most(name, leads)
    }


def openings(texts: list[str]) -> list[str]:
    """Each report's opening, which `opens_most` reads."""
    return [_opening(text) for text in texts]


def opens_most(name: str, leads: list[str]) -> bool:
    """Whether at least half the reports name the place in their `openings` (headline and
    first sentence): the place the story happens in."""
    pattern = re.compile(rf"\b{re.escape(name)}\b", re.IGNORECASE)
    return 2 * sum(bool(pattern.search(lead)) for lead in leads) >= len(leads)


def _opening(text: str) -> str:
    """A report's headline and first sentence, without the dateline that says where it
    was filed ("DHAKA, July 20 (Padma Wire) -"), which names no place of the story."""
    text = text[:_OPENING].lstrip()
    headline, _, body = text.partition("\n")
    body = _DATELINE.sub("", body.lstrip(), count=1)
    first = _FIRST_SENTENCE.match(body)
    return headline + " " + (first.group(0) if first else body)


_OPENING = 400
_FIRST_SENTENCE = re.compile(r"[^\n]*?[.!?](?=\s|$)")
_DATELINE = re.compile(r"^[A-Z][A-Z'’.-]+(?:[ ,]+[A-Z][\w'’.-]*){0,3}[^\n]{0,50}?\s[-–—]\s")
#: Capitalised words before a kind word that name no place ("No district was spared").
_NO_NAMES = {"no", "every", "each", "any", "another", "one", "which", "what", "whose", "some", "all", "this", "that"}


def as_part(location: str | None, parts: dict[str, str]) -> str | None:
    """ "Sindh" → "Sindh province" where the story names "Sindh province": a location that
    is a part of the country its reports name with its kind."""
    if not location or SUBNATIONAL.search(location):
        return location
    kind = parts.get(_without_leading(location).lower())
    return f"{_without_leading(location)} {kind}" if kind else location


def _without_leading(name: str) -> str:
    """The name without an article or preposition before it, nor an owner ("Moscow's
    Basmanny" → "Basmanny"), nor its own possessive ending ("Guerrero's state")."""
    name = re.sub(r"^.*[’']s\s+", "", name.strip())
    name = re.sub(r"[’']s$", "", name)
    words = name.split()
    while words and words[0].lower() in _LEADING:
        words = words[1:]
    return " ".join(words)


_NAME = r"((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)"
#: A kind word after a name, capitalised or not ("Sindh province", "Enga Province"), but a
#: capitalised "State" or "Department" is a name's own word ("Islamic State", "Fire Department").
_KIND_AFTER = "(?i:province|region|district|governorate|county|prefecture|oblast|municipality)|state|department"
#: "Iranian state TV", "state-run media": "state" that describes no place.
_NOT_A_PLACE_AFTER = r"(?![\s-]+(?i:of|tv|television|media|news|broadcaster|radio|run|owned|agency)\b)"
_NAME_THEN_KIND = re.compile(rf"\b{_NAME}\s+({_KIND_AFTER})\b{_NOT_A_PLACE_AFTER}")
_KIND_OF_NAME = re.compile(rf"\b(?i:the\s+(?:[a-z-]+\s+)?)({_PART_KINDS})\s+of\s+{_NAME}")


def part_of_country(location: str | None) -> str:
    """ "Kessel province" → "kessel-province": a toll stated for a part of the country."""
    m = SUBNATIONAL.search(location or "")
    if not m:
        return ""
    words = re.sub(r"^(?:the|its)\s+", "", location[: m.end()].lower())
    return re.sub(r"[^a-z0-9]+", "-", words).strip("-")


def slug_of(words: str) -> str:
    """ "Buncombe County" → "buncombe-county": words as a part of a measure id."""
    return re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")
