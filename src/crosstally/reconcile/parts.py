"""The parts of a whole a report or a story names by place: a report's list of figures
by region ("1.2 million nationwide, 93,000 in Paris, 40,000 in Lyon"), a country's
total and the places that are its shares, and the part a sentence names before a figure
("In Suzu, ..."). A part gets a frame of its own in `frames.frame_of`, linked to its whole."""

from __future__ import annotations

import re

from ..claims import Claim
from .frames import first_cue, written_in_digits
from .measures import group_of, is_country
from .scopes import SUBNATIONAL, openings, opens_most, slug_of

#: A country's figure this many times the sum of the other places' in its sentence is their
#: whole, not one more part ("1.28 million across France, including 93,000 in Paris").
_WHOLE_FACTOR = 2
#: "19 of the deaths were in Nairobi", "204 of them in the capital", "Nairobi accounted for
#: 21 of the dead": a figure stated as the share of a whole that one place holds.
_OF_THE_WHOLE = r"\s*of (?:the|them|those|these)\b"
_PART_IN_PLACE_AFTER = re.compile(
    _OF_THE_WHOLE + r"[^,.;]{0,40}?\b(?:(?:were|was|had been|came|died)\s+)?(?:in|from|at)\b", re.IGNORECASE
)
_PART_OF_THE_WHOLE = re.compile(_OF_THE_WHOLE, re.IGNORECASE)
_PART_IN_PLACE_BEFORE = re.compile(r"\baccount(?:ed|s)? for\s*$", re.IGNORECASE)


def breakdowns(claims: list[Claim], text: str = "") -> dict[int, str]:
    """Figures of one sentence that split one state by place ("19 dead in Wajima and 20 in
    Suzu"): each is that place's part, by the figure's start; the figure that sums them
    ("140 people, 56 of them in Florida and 33 in Georgia"), which the parser may give the
    first part's place, is the whole and is left out (its start maps to ""). `text` is the
    report's, where a country's figure may go on to name its parts."""
    by_sentence: dict[tuple[int, str], list[Claim]] = {}
    for c in claims:
        if c.category != "other" or _counts_people(c):
            by_sentence.setdefault((c.evidence_start, c.category), []).append(c)
    parts: dict[int, str] = {}
    listed: dict[str, tuple[int, set[str]]] = {}  # category -> (sentence end, places) of its last breakdown
    for (_, kind), group in sorted(by_sentence.items()):
        located = [c for c in group if c.location]
        if not located:
            continue
        end, places = listed.get(kind, (-1, set()))
        if _goes_on(text, end, group[0], places, located):
            # "... 75 in Rangpur and 60 in Barisal. In Dhaka, 532 were held": the list goes on
            parts.update({c.start: slug_of(c.location or "") for c in located})
            continue
        # "740,000 marched, 119,000 of them in Paris": a larger figure placed nowhere is the whole
        unplaced_whole = any(not c.location and c.value > max(o.value for o in located) for c in group)
        if len({c.location for c in located}) < 2 and not unplaced_whole:
            continue
        for c in located:
            same_place = [o for o in group if o.location == c.location]
            others = sum(o.value for o in located if o.location != c.location)
            # "1.28 million across France, including 93,000 in Paris": far more than the rest
            whole = c.value > min(o.value for o in same_place) or (
                is_country(c.location or "") and c.value >= _WHOLE_FACTOR * others and _contains(c, located, text)
            )
            parts[c.start] = "" if whole else slug_of(c.location or "")
        in_parts = {c.location or "" for c in located if parts.get(c.start)}
        if in_parts:
            listed[kind] = (group[0].evidence_end, in_parts)
    for c in claims:
        if c.start not in parts and c.location and _a_share_in_place(c, text):
            parts[c.start] = slug_of(c.location)
    return parts


#: "In all", "nationwide": a sentence after a breakdown that gives its whole.
_WHOLE_CUE = re.compile(r"\b(?:in all|in total|altogether|overall|nationwide|across the country)\b", re.IGNORECASE)


def _goes_on(text: str, end: int, first: Claim, places: set[str], located: list[Claim]) -> bool:
    """Whether the sentence of `first` goes on with the breakdown of the sentence ending
    at `end` (whose parts are in `places`): it follows at once, places its figures
    elsewhere, and gives no whole ("In all, 1,195 were held")."""
    if not text or end < 0 or end > first.evidence_start or text[end : first.evidence_start].strip():
        return False
    sentence = text[first.evidence_start : first.evidence_end]
    return not _WHOLE_CUE.search(sentence) and not any(c.location in places for c in located)


def _a_share_in_place(claim: Claim, text: str) -> bool:
    """Whether the figure is stated as the share of a whole one place holds ("17 of the
    dead were in Nairobi", "Nairobi accounted for 21 of the dead"): that place's part,
    though no other place is named beside it."""
    if _PART_IN_PLACE_AFTER.match(text, claim.end):
        return True
    before = text[max(claim.evidence_start, claim.start - 30) : claim.start]
    return bool(_PART_IN_PLACE_BEFORE.search(before) and _PART_OF_THE_WHOLE.match(text, claim.end))


def _counts_people(claim: Claim) -> bool:
    """A figure of no category that counts people ("40,000 protesters", "3.5 million marched")."""
    population = group_of(claim)
    return not claim.unit and (
        population == "people" or (population in ("figure", "them") and written_in_digits(claim))
    )


_CONTAINS = re.compile(r"\b(?:including|of them|of whom|among them)\b", re.IGNORECASE)


def _contains(whole: Claim, located: list[Claim], text: str) -> bool:
    """Whether the words after a figure go on to name its parts ("1.28 million across
    France, including 93,000 in Paris"), not another country's toll ("40,000 in Turkey
    and 6,000 in Syria")."""
    later = [o.start for o in located if o.start > whole.end]
    return bool(later) and bool(_CONTAINS.search(text[whole.end : max(later)]))


def story_parts(claims_by_doc: dict[str, list[Claim]], texts: dict[str, str]) -> dict[tuple[str, int], str]:
    """The part of a story's whole each claim counts, keyed by (doc, start): its place in
    a breakdown of its sentence, else the place a breakdown of the same category anywhere
    in the story made a part ("Georgia's toll stood at 36" beside another report's
    "Georgia with 33")."""
    found = {doc: breakdowns(claims, texts.get(doc, "")) for doc, claims in claims_by_doc.items()}
    known = {
        (c.category, part) for doc, claims in claims_by_doc.items() for c in claims if (part := found[doc].get(c.start))
    }
    out = {}
    leads = openings(list(texts.values()))
    for doc, claims in claims_by_doc.items():
        for c in claims:
            part = found[doc].get(c.start)
            if (
                part is None
                and (c.category, slug_of(c.location or "")) in known
                and (is_country(c.location or "") or not opens_most(c.location or "", leads))
            ):
                # a part of the same count: not Minsk's turnout for its arrests, nor the
                # toll of the city most reports open with ("27 killed in Acapulco"),
                # which was the whole before a breakdown named its neighbours (a country
                # of a story in two is a part however often it leads)
                part = slug_of(c.location or "")
            if part:
                out[(doc, c.start)] = part
    return out


def part_names(parts: dict[tuple[str, int], str], claims: list[Claim]) -> dict[str, str]:
    """The name each part of a story goes by ("buncombe-county" → "Buncombe"), from the
    places of its figures, without the word for the kind of place."""
    names = {}
    for c in claims:
        slug = parts.get((c.doc, c.start))
        if slug and c.location and slug_of(c.location) == slug:
            core = SUBNATIONAL.sub("", c.location).strip(" ,")
            if core:
                names[slug] = core
    return names


_GENERIC_PLACE = re.compile(rf"(?:the|his|her|its|their)\s+{SUBNATIONAL.pattern}", re.I)  # "the county", "his state"


def spoken_part(before: str, location: str | None, names: dict[str, str]) -> str:
    """The part of the story a figure placed nowhere, or only in "the county" / "his
    state", belongs to: the last part its sentence names before it ("The Buncombe County
    Sheriff's Office said 72 bodies had been recovered in the county", "South Carolina Gov.
    Henry McMaster said the toll in his state had reached 36")."""
    if location and not _GENERIC_PLACE.fullmatch(location.strip()):
        return ""
    best, at = "", -1
    for slug, name in names.items():
        for m in re.finditer(rf"\b{re.escape(name)}\b", before):
            if m.start() > at and not _WHERE_SPOKEN.search(before[max(0, m.start() - 60) : m.start()]):
                best, at = slug, m.start()
    return best


#: "told a meeting in Naypyitaw that", "said at a briefing in Geneva": where a figure was
#: spoken, which makes it no part of the story's places.
_WHERE_SPOKEN = re.compile(
    r"\b(?:told|said|says|speaking|spoke|addressing|meeting|conference|briefing|reporters|journalists)\b"
    r"(?:\s+[\w'’-]+){0,4}?\s+(?:in|at|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def scope_cue(words: str) -> str | None:
    """The first scope the words name ("nationwide" → "national", "elsewhere")."""
    return first_cue("scope", words)
