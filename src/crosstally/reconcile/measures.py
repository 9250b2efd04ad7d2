"""The words measures are built from: places and demonyms, and the population a claim
counts (people, troops, containers, a currency, a share).

A measure is a story plus a claim frame (frames.py); these helpers name the parts.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from ..claims import Claim
from ..errors import LexiconError
from ..lexicon import check_keys, check_values, lexicon, read_keyed, table_rows

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


@cache
def _places() -> tuple[dict[str, str], dict[str, int]]:
    """The places table (lower-case name → canonical place), and for each first word of a
    name the most words a name starting with it has."""
    table = {name.lower(): place for name, place in read_keyed("places.tsv", 1, 2, fold=True)}
    for place in set(table.values()):
        table.setdefault(place, place)
    starts: dict[str, int] = {}
    for name in table:
        first, size = name.split()[0].rstrip("."), len(name.split())
        starts[first] = max(starts.get(first, 0), size)
    return table, starts


@cache
def cities() -> dict[str, str]:
    """The cities table: lower-case name → its country, a place of the places table."""
    return city_table(table_rows("cities.tsv"), _places()[0])


def city_table(rows: list[tuple[int, list[str]]], places: dict[str, str]) -> dict[str, str]:
    """The cities of `rows` (numbered rows of cities.tsv) by lower-case name, refused with
    the line named if a city is given twice, is in a country `places` does not know, or
    is a name `places` already has (one name, one place)."""
    check_values("cities.tsv", rows, 1, frozenset(places.values()), hint="use a place places.tsv maps a name to")
    check_keys("cities.tsv", rows, 1, 2, fold=True)
    table = {}
    for number, (city, country, *_) in rows:
        if city.lower() in places:
            raise LexiconError(f"{city!r} is in places.tsv already", path="cities.tsv", line=number)
        table[city.lower()] = country
    return table


#: Capitalised words that may name a city ("Bangkok's deputy governor", "Addis Ababa").
_CAPITALISED = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}")


def cities_in(text: str) -> list[str]:
    """The cities of the cities table a text names, in order, as written ("Bangkok")."""
    found = []
    for m in _CAPITALISED.finditer(text):
        words = re.sub(r"['’]s$", "", m.group(0)).split()
        spans = (" ".join(words[:n]) for n in range(len(words), 0, -1))
        name = next((span for span in spans if span.lower() in cities()), None)
        if name:
            found.append(name)
    return found


def country_of(location: str | None) -> str | None:
    """The country a figure's place is in, where its words are one known place: a country
    or a demonym's ("Thailand"), or a city of the cities table ("Bangkok")."""
    words = re.sub(r"^(?:the|in|at)\s+", "", (location or "").strip().lower()).strip(" .,")
    places, _ = _places()
    return places.get(words) or cities().get(words)


_WORD = re.compile(r"\w[\w.'’-]*")
_WHERE_BEFORE = re.compile(
    r"\b(?:in|to|into|near|across|inside|at|on|towards?|within|throughout)\s+(?:the\s+)?"
    r"(?:[a-z]+ern\s+)?$",
    re.IGNORECASE,
)


def _word(token: str) -> str:
    """ "Korea's" → "korea", "U.S.-led" → "u.s", "Kyiv." → "kyiv": the word a place name holds."""
    token = token.lower()
    if "'" in token or "’" in token:
        token = re.sub(r"['’]s$", "", token.replace("’", "'"))
    if "-" in token and re.match(r"^(?:\w\.)+-", token):
        token = token.split("-")[0]
    return token.rstrip(".'")


def places_in(text: str, owners_only: bool = False) -> list[str]:
    """Canonical places named in `text`, in order (demonyms mapped to their country).

    `owners_only` skips places that say where ("in Russia", "to eastern Russia") rather
    than whose people or things are counted.
    """
    return [place for _, _, place in place_spans(text, owners_only)]


def places_named_where(text: str) -> list[str]:
    """The places a text names as where something is ("in Mozambique", "across Zimbabwe"),
    not whose people or things are counted ("Chile's ministry", "60 Chileans")."""
    return [place for start, _, place in place_spans(text) if _WHERE_BEFORE.search(text, max(0, start - 30), start)]


#: Places whose names are also common words: in a text with capitals they name the place
#: only when capitalised ("the US", not "what it told us").
_WORDS_TOO = frozenset({"us"})


def place_spans(text: str, owners_only: bool = False) -> list[tuple[int, int, str]]:
    """The places named in `text` with where their words start and end, in order.

    Looks the text's word sequences up in the table, longest first (a dictionary lookup
    per word, not one large pattern over the text).
    """
    table, starts = _places()
    words = [(m.start(), m.end(), _word(m.group(0))) for m in _WORD.finditer(text)]
    found, i = [], 0
    while i < len(words):
        longest = starts.get(words[i][2], 0)
        for n in range(min(longest, len(words) - i), 0, -1):
            name = " ".join(w for _, _, w in words[i : i + n])
            if name in table or (n == 1 and words[i][2] + "." in table):
                start = words[i][0]
                # "told us": a pronoun, in a text that writes the country "US"
                pronoun = name in _WORDS_TOO and text[start : words[i][1]].islower() and text != text.lower()
                if not pronoun and not (owners_only and _WHERE_BEFORE.search(text, max(0, start - 30), start)):
                    found.append((start, words[i + n - 1][1], table.get(name) or table[words[i][2] + "."]))
                i += n
                break
        else:
            i += 1
    return found


def is_country(name: str) -> bool:
    """ "France", "egypt": a place the places table knows by that very name (a country)."""
    return places_in(name) == [name.lower()]


def owners_in(counted: str) -> list[str]:
    """The peoples whose members a counted phrase names: "60 Jordanians", "Iranian
    pilgrims", "Egypt's dead", "North Korean troops", "Iranian deaths"; not the place a
    phrase merely names ("the Seoul Halloween crush toll", "the Kherson region")."""
    lex = lexicon()
    classes = lex.noun_classes
    found = []
    for _, end, place in place_spans(counted):
        rest = counted[end:]
        following = [singular(w) for w in re.findall(r"[a-z]+", rest.lower())[:2]]
        # "Iranian pilgrims", "North Korean troops"; "Iranian deaths", "Syrian dead": its people's toll
        people = any(classes.get(w) in ("person", "force") for w in following) or bool(
            following and following[0] in lex.category_nouns
        )
        if not rest.strip() or re.match(r"['’]s\b", rest) or people:
            found.append(place)
    return found


def group_of(claim: Claim, military: bool = False) -> str:
    """Who or what a claim counts, as a population word: people, troops, usd, homes."""
    lex = lexicon()
    words = re.findall(r"[A-Za-z]+", claim.counted.lower())
    classes = [lex.noun_classes.get(singular(w)) for w in words]
    head = singular(words[-1]) if words else ""
    plain_head = head and classes[-1] is None and head not in lex.category_nouns and head not in lex.category_adjs
    if plain_head and "person" in classes[:-1] and head not in _STOP:
        return words[-1]  # "missing person cases", "refugee camps": the head is what is counted
    if classes and classes[-1] == "gathering" and not claim.unit:
        return "people"  # "the march peaked at 240,000": the people at it
    if "crew" in classes:
        return "-".join(w for w in words[-2:] if w not in _STOP)  # "health teams", "rescue workers"
    if claim.category in _PEOPLE_CATEGORIES or "person" in classes or "force" in classes:
        if "force" in classes:
            return "troops"
        if "person" in classes:
            return "people"
        return "troops" if military else "people"
    if claim.unit == "percent":
        return "share-of-" + "-".join(words[-2:]) if words else "share"
    if _is_area(claim.unit):
        # "600 sq km of the Kherson region", "10,000 hectares of farmland": an area of what
        content = [w for w in words if w not in _STOP and lex.units.get(w, ("",))[0] != "area"]
        return "-".join(["area", *content[-2:]])
    if claim.category == "money":
        return (claim.unit or "money").lower()
    content = [w for w in words if w not in _STOP]
    return "-".join(content[-2:]) or "figure"


def _is_area(unit: str | None) -> bool:
    """Whether a claim's unit measures area (km2, hectares, acres ...)."""
    return bool(unit) and unit.lower() in _area_units()


@cache
def _area_units() -> frozenset[str]:
    return frozenset(code.lower() for kind, code in lexicon().units.values() if kind == "area")


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


#: Plurals news counts people by that no rule of "-s" undoes.
_IRREGULAR_PLURALS = {
    "women": "woman",
    "men": "man",
    "children": "child",
    "policemen": "policeman",
    # nouns in -che, which the rule for "marches" would cut short
    "avalanches": "avalanche",
    "niches": "niche",
    "headaches": "headache",
    "caches": "cache",
}


def singular(word: str) -> str:
    """The singular of a plural noun ("deaths" → "death", "women" → "woman")."""
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zzes")):
        return word[:-2]  # "marches", "crashes", "taxes"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def is_military(counted: list[str]) -> bool:
    """Whether a story's figures (what they count) count armed forces more than people in
    general: a war's "troops", "soldiers", not a shipwreck whose sources are the coast
    guard and the navy ("the death toll rose to 61, the coast guard said")."""
    words = (w for phrase in counted for w in re.findall(r"[a-z]+", phrase.lower()))
    classes = Counter(lexicon().noun_classes.get(singular(w)) for w in words)
    return classes["force"] > classes["person"]
