"""Stories: which documents report the same event.

Two reports belong to one story when they share salient names (places, people, bodies:
the capitalised words a report leads with, weighted by how rare they are across the
batch), were published close in time, or one is a near-copy of the other. Reports from
one country that lead with the same kind of event (an earthquake, protests) need fewer
names in common: in a batch of one event's reports its own names ("Dhaka", "Hasina") are
in every report and so weigh little. A report written months later is close in time to
the days its lead names ("between July 1 and August 15 last year"). Stories are the
connected groups of such links; a document that shares nothing with the others is a
story of its own, so its figures never join another event's measures. An analyst's
`story` pin on a document overrides all of this.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

from ..lexicon import read_keyed
from .groups import Groups
from .measures import cities, cities_in, places_in
from .timing import explicit_dates

#: How much of a report is read for its salient names: the title and the lead.
LEAD_CHARS = 2500
#: Reports further apart than this are different stories unless a pin says otherwise.
MAX_DAYS_APART = 45
#: A report months after the others (an anniversary, an inquiry's findings) joins their
#: story only if it shares this much of their names, within this many days.
FOLLOW_UP_THRESHOLD = 0.5
MAX_FOLLOW_UP_DAYS = 400
#: Weighted share of the smaller report's salient names the two must share.
LINK_THRESHOLD = 0.28
#: A report linked to no other joins the one it is closest to, close in time and of no
#: other kind of event, when their names share at least `LONE_NAMES_THRESHOLD` and names
#: and words together at least `LONE_THRESHOLD`: an explainer that leads with where the
#: devices came from ("Taipei, Budapest, Sofia"), an op-ed that calls the storm by its
#: local name. Reports of two events a few weeks apart share words ("protesters",
#: "police") but few names: measured on the 44 stories together, at most 0.04 of names
#: and 0.21 in all, where an event's own lone reports reach 0.16 and 0.35.
LONE_NAMES_THRESHOLD = 0.1
LONE_THRESHOLD = 0.3
#: The share two reports from one country leading with the same kind of event must share.
SAME_KIND_THRESHOLD = 0.12
#: The share two reports leading with different kinds of event must share.
OTHER_KIND_THRESHOLD = 0.42
#: Names of a report compared. Fewer lets a report's one-off names (a spokesman quoted
#: once) crowd out the event's own (the dam, the river, the region), which a batch of
#: one story's reports all share and so weighs low: its reports then fail to link.
_TOP_NAMES = 30
#: Reports that last used a name, each compared with a new report that uses it.
_PREDECESSORS = 8


@dataclass(frozen=True)
class StoryInput:
    """What story grouping needs of a document."""

    doc: str
    text: str
    title: str | None = None
    published: date | None = None
    near_copy_of: str | None = None
    pinned: str | None = None
    names: tuple[Counter, set[str]] | None = None
    #: An undated report's dateline month and day ((6, 12)), its year unknown.
    month_day: Sequence[int] | None = None


@dataclass(frozen=True)
class Story:
    """One event: a readable id, a title and its documents."""

    id: str
    title: str
    docs: tuple[str, ...]
    names: tuple[str, ...]
    pinned: bool = False


@cache
def _stop_names() -> frozenset[str]:
    return frozenset(row[0].lower() for row in read_keyed("story_stopwords.tsv", fold=True))


@cache
def _bodies() -> frozenset[str]:
    """One-word names of well-known bodies (UN agencies, aid groups, wire agencies) and the
    Red Cross/Crescent: they speak about many events, so sharing them says nothing about
    being one."""
    names = [row[0].lower() for row in read_keyed("organisations.tsv", columns=2, fold=True)]
    return frozenset({n for n in names if " " not in n and len(n) >= 3} | {"red", "crescent", "cross"})


@cache
def event_kinds() -> dict[str, str]:
    """Words for the kind of event a report is about ("quake" → earthquake), event_kinds.tsv."""
    return {word.lower(): kind for word, kind in read_keyed("event_kinds.tsv", columns=2, fold=True)}


_WORD = re.compile(r"[a-z][a-z-]*")
_NAME = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:of\s+|al-|el-)?[A-Z][\w'’-]*)*")


def _name_key(word: str) -> str:
    """A capitalised word as names are compared: lower case, no possessive ending."""
    return re.sub(r"'s$", "", word).strip("'-").lower()


def salient_names(text: str, title: str | None = None) -> tuple[Counter, set[str]]:
    """The capitalised names and places of a report's title and lead, with counts, and
    those of them seen mid-sentence (a word that only ever opens a sentence, such as
    "Officials" or "Rescuers", is a name only if some report uses it mid-sentence).

    The counts also hold, under keys of their own, the kinds of event the lead names
    ("#earthquake", its title's words counted twice) and the days it names ("~2024-07-01",
    or "~7-1" with no year written)."""
    lead = ((title or "") + "\n" + text[:LEAD_CHARS]).replace("’", "'")
    stop = _stop_names()
    bodies = _bodies()
    names: Counter = Counter()
    mid_sentence = set()
    for m in _NAME.finditer(lead):
        before = lead[max(0, m.start() - 2) : m.start()]
        initial = m.start() == 0 or bool(re.search(r"[.!?\"“:\n]\s*$|^\s*$", before))
        for word in re.split(r"\s+", m.group(0)):
            key = _name_key(word)
            if len(key) < 3 or key in stop or key.isdigit() or key in bodies:
                continue
            if not initial:
                mid_sentence.add(key)
            names[key] += 1
            initial = False
    # a city of the cities table says where a report is as its country's name does
    for place in [*places_in(lead), *(cities()[city.lower()] for city in cities_in(lead))]:
        names["@" + place] += 1
        mid_sentence.add("@" + place)
    kinds = event_kinds()
    for word in _WORD.findall(((title or "") + "\n" + lead).lower()):
        if word in kinds:
            names["#" + kinds[word]] += 1
    for _, full, month, day in explicit_dates(lead):
        names[f"~{full.isoformat() if full else f'{month}-{day}'}"] += 1
    return names, mid_sentence


def group_stories(items: Iterable[StoryInput]) -> list[Story]:
    """Documents grouped into stories, in order of each story's first document."""
    items = list(items)
    if not items:
        return []
    found = {i.doc: i.names if i.names is not None else salient_names(i.text, i.title) for i in items}
    proper = {k for _, mid in found.values() for k in mid}
    names = {doc: Counter({k: v for k, v in counts.items() if k in proper}) for doc, (counts, _) in found.items()}
    kinds = {doc: _main_kinds(counts) for doc, (counts, _) in found.items()}
    days = {i.doc: _days(i, found[i.doc][0]) for i in items}
    titled = {i.doc: title_names(i.title or "") for i in items}
    title_words = {i.doc: _title_proper_names(i.title or "") & proper for i in items}
    df: Counter = Counter(k for counts in names.values() for k in counts)
    n = len(items)

    def weight(key: str) -> float:
        # Idf that still counts a name shared by every report of a small batch.
        return math.log(1 + (n + 1) / df[key])

    top = {
        doc: dict(sorted(((k, weight(k) * min(c, 3)) for k, c in counts.items()), key=lambda kv: -kv[1])[:_TOP_NAMES])
        for doc, counts in names.items()
    }
    sets = Groups()
    find, union = sets.find, sets.union
    by_doc = {i.doc: i for i in items}
    pins: dict[str, list[str]] = {}
    for i in items:
        if i.pinned:
            pins.setdefault(i.pinned, []).append(i.doc)
    for docs in pins.values():
        for other in docs[1:]:
            union(docs[0], other)
    for i in items:
        if (
            i.near_copy_of in by_doc
            and not i.pinned
            and _close_in_time(i, by_doc[i.near_copy_of], days[i.doc], days[i.near_copy_of])
        ):
            union(i.doc, i.near_copy_of)
    # Each report is compared, through each name it leads with, with the few reports that
    # last used that name before it (in publication order): a story links up report by
    # report at a cost that grows with the reports, not with their square.
    latest: dict[str, list[str]] = {}
    for a in sorted(items, key=lambda i: (i.published or date.max, i.doc)):
        if a.pinned:
            continue
        candidates: Counter = Counter()
        for key in [*top[a.doc], *("#" + k for k in kinds[a.doc])]:
            recent = latest.setdefault(key, [])
            candidates.update(recent)
            recent.append(a.doc)
            del recent[:-_PREDECESSORS]
        for d, _ in sorted(candidates.items(), key=lambda kv: (-kv[1], kv[0])):
            b = by_doc[d]
            if find(a.doc) == find(d):
                continue
            similarity = _similarity(top[a.doc], top[b.doc])
            if not _close_in_time(a, b, days[a.doc], days[b.doc]) and not (
                similarity >= FOLLOW_UP_THRESHOLD and _follow_up(a, b, kinds[a.doc], kinds[b.doc])
            ):
                continue
            if kinds[a.doc] and kinds[b.doc] and not kinds[a.doc] & kinds[b.doc]:
                # an attack and a flood in one country in one season are two events
                linked = similarity >= OTHER_KIND_THRESHOLD
            elif titled[a.doc] & titled[b.doc] and _close_in_time(a, b, days[a.doc], days[b.doc]):
                # "Rana Plaza owner caught", "Army leaves Rana Plaza": the name of the place
                # where it happened, in both titles, names one event
                linked = True
            elif (
                similarity >= SAME_KIND_THRESHOLD
                and title_words[a.doc] & title_words[b.doc]
                and _close_in_time(a, b, days[a.doc], days[b.doc])
            ):
                # "Mati, a year on", "Explainer: why the Mati death toll depends ...": a
                # place both titles name, with some names of their leads in common
                linked = True
            elif similarity >= SAME_KIND_THRESHOLD and kinds[a.doc] & kinds[b.doc]:
                linked = similarity >= LINK_THRESHOLD or _share_country(names[a.doc], names[b.doc])
            else:
                linked = similarity >= LINK_THRESHOLD
            if linked:
                union(a.doc, b.doc)
    _join_lone_reports(items, top, kinds, days, sets)
    groups: dict[str, list[StoryInput]] = {}
    for i in items:
        groups.setdefault(find(i.doc), []).append(i)
    stories = []
    taken: set[str] = set()
    for members in groups.values():
        pinned = next((m.pinned for m in members if m.pinned), None)
        merged: Counter = Counter()
        for m in members:
            merged.update(names[m.doc])
        story_id = pinned or _unique(_story_slug(merged, members, df, n), taken)
        taken.add(story_id)
        stories.append(
            Story(
                story_id,
                _title(members, merged),
                tuple(m.doc for m in members),
                tuple(k for k, _ in merged.most_common(8)),
                bool(pinned),
            )
        )
    return stories


def _join_lone_reports(
    items: list[StoryInput],
    top: dict[str, dict[str, float]],
    kinds: dict[str, frozenset[str]],
    days: dict[str, list[date]],
    sets: Groups,
) -> None:
    """A report linked to no other joins the report it is closest to, by the names it leads
    with and the words of its whole text (`LONE_THRESHOLD`). Only reports that share a
    name with it can reach `LONE_NAMES_THRESHOLD`, so only those are compared."""
    sizes = Counter(sets.find(i.doc) for i in items)
    lone = [i for i in items if sizes[sets.find(i.doc)] == 1 and not i.pinned]
    if not lone:
        return
    by_name: dict[str, list[int]] = {}
    for k, i in enumerate(items):
        for key in top[i.doc]:
            by_name.setdefault(key, []).append(k)
    words = {i.doc: _content_words((i.title or "") + "\n" + i.text) for i in items}
    df: Counter = Counter(w for bag in words.values() for w in bag)
    n = len(items)
    weighted = {
        doc: {w: math.log(1 + (n + 1) / df[w]) * min(c, 3) for w, c in bag.items()} for doc, bag in words.items()
    }
    for a in lone:
        best, link = LONE_THRESHOLD, None
        for b in (items[k] for k in sorted({k for key in top[a.doc] for k in by_name[key]})):
            if b.doc == a.doc or b.pinned or not _close_in_time(a, b, days[a.doc], days[b.doc]):
                continue
            if kinds[a.doc] and kinds[b.doc] and not kinds[a.doc] & kinds[b.doc]:
                continue
            names = _similarity(top[a.doc], top[b.doc])
            score = names + _similarity(weighted[a.doc], weighted[b.doc])
            if names >= LONE_NAMES_THRESHOLD and score >= best:
                best, link = score, b.doc
        if link is not None:
            sets.union(a.doc, link)


_CONTENT_WORD = re.compile(r"\b[a-z][a-z-]{3,}\b")


def _content_words(text: str) -> Counter:
    """The lower-case words of a report other than function words ("pagers", "typhoon",
    "evacuees"), with counts."""
    return Counter(w for w in _CONTENT_WORD.findall(text) if w not in STOP_WORDS)


@cache
def _site_nouns() -> frozenset[str]:
    return frozenset(row[0].lower() for row in read_keyed("site_nouns.tsv", fold=True))


def title_names(title: str) -> frozenset[str]:
    """The names of the site of one event a title gives ("Rana Plaza", "Grenfell Tower"):
    several capitalised words ending in a site noun (site_nouns.tsv), none of them a word
    every kind of story uses."""
    stop, sites = _stop_names(), _site_nouns()
    found = set()
    for m in _NAME.finditer(title.replace("’", "'")):
        words = [re.sub(r"'s$", "", w).lower() for w in m.group(0).split()]
        if len(words) >= 2 and words[-1] in sites and not any(w in stop for w in words[:-1]):
            found.add(" ".join(words))
    return frozenset(found)


def _title_proper_names(title: str) -> frozenset[str]:
    """The capitalised words of a title ("Mati", "Penteli"), less countries and their
    peoples, event words and words every kind of story uses; a word that only opens
    sentences ("Explainer") is dropped by the caller, which keeps names seen mid-sentence."""
    stop, kinds = _stop_names(), event_kinds()
    found = set()
    for m in _NAME.finditer(title.replace("’", "'")):
        for word in m.group(0).split():
            key = _name_key(word)
            if len(key) >= 3 and key not in stop and key not in kinds and not places_in(word):
                found.add(key)
    return frozenset(found)


def _main_kinds(counts: Counter) -> frozenset[str]:
    """The kinds of event a report leads with: those named at least half as often as the
    one it names most (a lead about an earthquake may mention the dam it cracked)."""
    named = {k[1:]: c for k, c in counts.items() if k.startswith("#")}
    top = max(named.values(), default=0)
    return frozenset(k for k, c in named.items() if 2 * c >= top)


def _share_country(a: Counter, b: Counter) -> bool:
    """Whether two reports' salient names share a country (or a place the table knows)."""
    return any(k.startswith("@") and k in b for k in a)


def _days(item: StoryInput, counts: Counter) -> list[date]:
    """The report's own day and the days its lead names, each on or before it (a day
    with no year written is the latest such day; one that cannot be a date is left out)."""
    days = [item.published] if item.published else []
    if not item.published:
        return days
    for key in counts:
        if not key.startswith("~"):
            continue
        parts = [int(p) for p in key[1:].split("-")]
        try:
            if len(parts) == 3:
                day = date(*parts)
            else:
                day = date(item.published.year, *parts)
                if day > item.published:
                    day = date(item.published.year - 1, *parts)
        except ValueError:
            continue
        if day <= item.published:
            days.append(day)
    return days


def _close_in_time(a: StoryInput, b: StoryInput, a_days: list[date], b_days: list[date]) -> bool:
    """Whether two reports are close in time: published close together, or one names a day
    close to the other's (a report months later recalling the event's days)."""
    if a.published and b.published:
        return any(abs((x - y).days) <= MAX_DAYS_APART for x in a_days for y in b_days)
    dated, undated = (a, b) if a.published else (b, a)
    if dated.published and undated.month_day:
        # "KHERSON, June 12 -" with no year: close if June 12 of some year is close
        month, day = undated.month_day
        return any(
            abs((date(year, month, min(day, 28 if month == 2 else day)) - dated.published).days) <= MAX_DAYS_APART
            for year in (dated.published.year - 1, dated.published.year, dated.published.year + 1)
        )
    return True


def _follow_up(a: StoryInput, b: StoryInput, a_kinds: frozenset[str], b_kinds: frozenset[str]) -> bool:
    """Whether the later of two reports looks back at the other's event ("five months on",
    "a year after", "on the anniversary"): both dated, within `MAX_FOLLOW_UP_DAYS`, not
    leading with different kinds of event. Without such words, the same names months
    apart are another event (a second collapse of the same dam)."""
    if not (a.published and b.published) or abs((a.published - b.published).days) > MAX_FOLLOW_UP_DAYS:
        return False
    later = a if a.published >= b.published else b
    return not (a_kinds and b_kinds and not a_kinds & b_kinds) and bool(_LOOKS_BACK.search(later.text))


#: Words by which a report says how long ago its event was.
_LOOKS_BACK = re.compile(
    r"\b(?:[\w-]+\s+(?:weeks?|months?|years?)\s+(?:on|after|since|later|ago)|anniversary|a\s+year\s+on)\b",
    re.IGNORECASE,
)


def _similarity(a: dict[str, float], b: dict[str, float]) -> float:
    shared = sum(min(a[k], b[k]) for k in a.keys() & b.keys())
    smaller = min(sum(a.values()), sum(b.values()))
    return shared / smaller if smaller else 0.0


def _story_slug(names: Counter, members: list[StoryInput], df: Counter, n: int) -> str:
    """ "derna-2023-09": the story's most salient name and the month it starts."""
    ranked = sorted(names.items(), key=lambda kv: (-(kv[1] * math.log(1 + (n + 1) / df[kv[0]])), kv[0]))
    places = [k[1:] for k, _ in ranked if k.startswith("@")]
    words = [k for k, _ in ranked if not k.startswith("@")]
    head = words[0] if words else (places[0] if places else "story")
    dated = [m.published for m in members if m.published]
    month = f"-{min(dated):%Y-%m}" if dated else ""
    return re.sub(r"[^a-z0-9]+", "-", head.lower()).strip("-") + month


def _unique(slug: str, taken: set[str]) -> str:
    if slug not in taken:
        return slug
    k = 2
    while f"{slug}-{k}" in taken:
        k += 1
    return f"{slug}-{k}"


def _title(members: list[StoryInput], names: Counter) -> str:
    """The earliest report's title, else its first line, else the story's names."""
    titled = [m for m in members if m.title]
    if titled:
        return min(titled, key=lambda m: (m.published or date.max, len(m.title or ""))).title or ""
    first = members[0].text.strip().split("\n", 1)[0][:100]
    return first or ", ".join(k.lstrip("@").title() for k, _ in names.most_common(3))
