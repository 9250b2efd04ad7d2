"""Sides of a front line: figures counted on each side of it are measures of their own.

Where a war divides a region, each side counts its own: "10 dead on the Ukrainian-controlled
side", "29 died on the Russian-occupied left bank", "government-held" against "rebel-held".
Those are different quantities, not a conflict. A figure's side is read from the words of
its sentence; a source that once says which side it counts for keeps that side for its
other figures ("Klymenko said 10 on the Ukrainian-controlled side ... On Sunday he had
given 17"), and a body named for one side's country counts on that side ("Ukraine's
interior ministry said 16 had died"). Sides apply to counts of people harmed, and only in a story that names
both: elsewhere "Ukrainian-held" is just where something happened.
"""

from __future__ import annotations

import re
from collections import Counter

from ..claims import Claim
from .frames import side_words
from .measures import places_in

OCCUPIED = "occupied"
GOVERNMENT = "government-held"
REBEL = "rebel-held"  # as frames.tsv names the rebels' side
_OCCUPIED = re.compile(r"\b(?:([A-Za-z]+)-)?occupied\b(?: by ([A-Z]\w+))?")
_HELD = re.compile(
    r"\b([A-Za-z]+)-(?:held|controlled)\b|\b(?:held|controlled) by (?:the )?([A-Za-z]+)|\bunder ([A-Z]\w+) control\b"
)
_INSTALLED = re.compile(r"\b([A-Za-z]+)-(?:installed|appointed|backed)\b")
#: What each side counts for itself: its dead, wounded, missing, displaced, captured.
_HARM = {"killed", "wounded", "casualties", "missing", "displaced", "captured", "arrested"}


def occupiers(sentences: list[str]) -> set[str]:
    """The countries a story says occupy ground: "Russian-occupied", "occupied by Russia"."""
    found: set[str] = set()
    for sentence in sentences:
        for m in _OCCUPIED.finditer(sentence):
            found.update(places_in(m.group(1) or m.group(2) or ""))
    return found


def defenders(sentences: list[str], occupier: set[str]) -> set[str]:
    """The countries a story says hold the other side: "Ukrainian-controlled", "held by
    Ukraine", when they are not the occupier."""
    found: set[str] = set()
    for sentence in sentences:
        for m in _HELD.finditer(sentence):
            found.update(set(places_in(next(g for g in m.groups() if g))) - occupier)
    return found


def side_of(sentence: str, occupier: set[str]) -> str:
    """The side of the front a sentence counts on, if it says one and only one: its
    words for who holds the ground, or an official the occupier installed ("Russian-
    installed governor")."""
    found = {OCCUPIED} if _OCCUPIED.search(sentence) else set()
    for m in _INSTALLED.finditer(sentence):
        if set(places_in(m.group(1))) & occupier:
            found.add(OCCUPIED)
    named = side_words()
    for m in _HELD.finditer(sentence):
        word = next(g for g in m.groups() if g).lower()
        holder = set(places_in(word))
        if word in named:
            found.add(named[word])
        elif holder:
            found.add(OCCUPIED if holder & occupier else GOVERNMENT)
    return found.pop() if len(found) == 1 else ""


def claim_sides(claims: list[Claim], sentences: dict[tuple[str, int], str], source_of: dict) -> dict:
    """The side of each claim of one story, keyed by (doc, start); empty where the story
    does not name two sides. `sentences` gives each claim's evidence sentence and
    `source_of` its source key."""
    occupier = occupiers(list(sentences.values()))
    stated = {
        (c.doc, c.start): side_of(sentences[(c.doc, c.start)], occupier) if c.category in _HARM else "" for c in claims
    }
    if len({s for s in stated.values() if s}) < 2:
        return {}
    by_source: dict[str, Counter] = {}
    for c in claims:
        side = stated[(c.doc, c.start)]
        key = source_of.get((c.doc, c.start))
        if side and key and not key.startswith("outlet:"):
            by_source.setdefault(key, Counter())[side] += 1
    defending = defenders(list(sentences.values()), occupier)
    sides = {}
    for c in claims:
        key = (c.doc, c.start)
        side = stated[key]
        if not side and source_of.get(key) in by_source:
            counts = by_source[source_of[key]].most_common(2)
            if len(counts) == 1 or counts[0][1] > counts[1][1]:
                side = counts[0][0]
        if not side and c.category in _HARM and not set(places_in(c.counted or "")) & (occupier | defending):
            # not "Russia's defence ministry said 300 Ukrainian soldiers were killed"
            side = _side_of_source(c.source or "", occupier, defending)
        sides[key] = side
    return sides


def _side_of_source(source: str, occupier: set[str], defending: set[str]) -> str:
    """ "Ukraine's interior ministry", "Russia's TASS news agency": a body of one side,
    where the words do not say, counts on its own side of the front."""
    named = set(places_in(source))
    if named & occupier and not named & defending:
        return OCCUPIED
    if named & defending and not named & occupier:
        return GOVERNMENT
    return ""
