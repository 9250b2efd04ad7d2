"""The words measures are built from: places and demonyms, and the population a claim
counts (people, troops, containers, a currency, a share).

A measure is a story plus a claim frame (frames.py); these helpers name the parts.
"""

from __future__ import annotations

import re
from collections import Counter
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


def group_of(claim: Claim, military: bool = False) -> str:
    """Who or what a claim counts, as a population word: people, troops, usd, homes."""
    lex = lexicon()
    words = re.findall(r"[A-Za-z]+", claim.counted.lower())
    classes = [lex.noun_classes.get(_singular(w)) for w in words]
    head = _singular(words[-1]) if words else ""
    plain_head = head and classes[-1] is None and head not in lex.category_nouns and head not in lex.category_adjs
    if plain_head and "person" in classes[:-1] and head not in _STOP:
        return words[-1]  # "missing person cases", "refugee camps": the head is what is counted
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


def is_military(text: str) -> bool:
    """Whether a document speaks of armed forces more than of people in general."""
    classes = Counter(lexicon().noun_classes.get(_singular(w)) for w in re.findall(r"[a-z]+", text.lower()))
    return classes["force"] > classes["person"]
