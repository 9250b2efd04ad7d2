"""One reconciliation over documents and their claims: stories, frames, measures, source
entities, statement times and flags.

`reconcile` is a pure function: the ledger stores what it returns (store/reconciled.py),
`extract --format jsonl` writes the measures it gives a batch, and every view reads it.
Stories are independent: reconciling a story needs only its own documents and claims.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import resources

from ..claims import Claim
from .abroad import abroad, home_country
from .days import DayInput, day_tolls, is_story_of_gatherings, one_day
from .flags import Estimate, clock, conflicts, revisions
from .frames import Frame, frame_of, given_by, is_generic_total, is_one_period, is_running_total, story_causes
from .measures import is_military, owners_in
from .misquotes import misquotes
from .nationals import SpeakerInput, own_nationals
from .occasions import OccasionInput, followed_days, occasions
from .parts import part_names, spoken_part, story_parts
from .scopes import as_part, named_part, parts_named, story_scope
from .shocks import ShockInput, later_events
from .sides import claim_sides
from .sources import (
    DescribedBodies,
    SourceEntity,
    fold,
    holders_of_offices,
    is_source_name,
    resolve_sources,
    speaking_bodies,
    spokespeople,
    title_aliases,
)
from .stories import Story, StoryInput, group_stories
from .timing import DocumentDate, document_date, goes_on, set_against, statement_times
from .towns import TownInput, is_national, town_turnouts
from .voices import voices

OUTLET_VOICE = "(the outlet itself)"
#: Counted phrases a measure keeps for answering questions without reading its claims.
_WORDS = 20


@cache
def reconcile_version() -> str:
    """A digest of the reconciliation's tables and code: stored results go stale when either
    changes."""
    digest = hashlib.sha1(b"reconcile-8")
    code = resources.files("crosstally") / "reconcile"
    for entry in sorted(code.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".py"):
            digest.update(entry.read_bytes())
    folder = resources.files("crosstally") / "lexicon"
    for name in (
        "frames.tsv",
        "organisations.tsv",
        "not_sources.tsv",
        "story_stopwords.tsv",
        "event_kinds.tsv",
        "places.tsv",
        "cities.tsv",
        "body_words.tsv",
        "nouns.tsv",
        "time_words.tsv",
    ):
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()[:10]


@dataclass(frozen=True)
class DocInfo:
    """What reconciliation needs of a document."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    near_copy_of: str | None = None
    story: str | None = None


@dataclass(frozen=True)
class ClaimFrame:
    """A claim's reconciled facts, keyed by (doc, start)."""

    doc: str
    start: int
    end: int
    story: str
    measure: str
    population: str
    state: str
    group: str
    scope: str
    source_key: str
    source_name: str
    as_of: str | None
    as_of_day: date | None
    as_of_origin: str


@dataclass(frozen=True)
class MeasureInfo:
    """One measure: a story plus a frame, with what the database shows of it."""

    measure: str
    story: str
    label: str
    category: str
    population: str
    state: str
    group: str
    scope: str
    per: str
    unit: str
    parent: str | None
    claims: int
    sources: int
    low: float
    high: float
    last_day: date | None
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class FlagInfo:
    """A flag as the contract's "Flags" section writes it: claims named by doc and span."""

    type: str
    story: str
    measure: str | None
    first: tuple[str, int, int] | None
    second: tuple[str, int, int] | None
    docs: tuple[str, ...] = ()
    note: str = ""

    def row(self) -> tuple:
        """The flag as a row of the ledger's `flags` table (claims as doc, start, end)."""
        none = (None, None, None)
        return (
            self.type,
            self.story,
            self.measure,
            *(self.first or none),
            *(self.second or none),
            list(self.docs),
            self.note,
        )


@dataclass(frozen=True)
class Reconciliation:
    """Everything reconciliation decides about a set of documents."""

    stories: tuple[Story, ...]
    doc_dates: dict[str, DocumentDate]
    frames: dict[tuple[str, int], ClaimFrame]
    measures: tuple[MeasureInfo, ...]
    entities: tuple[SourceEntity, ...]
    flags: tuple[FlagInfo, ...]

    def measured(self, claims: Iterable[Claim]) -> list[Claim]:
        """The claims with `measure` (and `date`, the statement time) set."""
        out = []
        for c in claims:
            f = self.frames.get((c.doc, c.start))
            out.append(replace(c, measure=f.measure, date=f.as_of) if f else c)
        return out


def mostly_counted(seen: list[Frame]) -> Frame:
    """The frame a report has mostly been counting, its parts counted with their whole
    ("200 arrested in Bogra, 168 in Gazipur": arrests): the whole, else its latest part;
    a tie goes to the latest."""
    wholes = [f.whole() or f for f in seen]
    top = max(reversed(wholes), key=wholes.count)
    return top if top in seen else next(f for f in reversed(seen) if (f.whole() or f) == top)


def reconcile(
    docs: list[DocInfo],
    claims: list[Claim],
    aliases: dict[str, str] | None = None,
    entities: dict[str, SourceEntity] | None = None,
    stories: list[Story] | None = None,
) -> Reconciliation:
    """Reconcile claims across their documents.

    The alias table overrides source grouping; a ledger passes the `entities` it resolved
    over all its sources and the `stories` it grouped, to reconcile only some stories.
    """
    by_doc: dict[str, list[Claim]] = {}
    for c in claims:
        by_doc.setdefault(c.doc, []).append(c)
    dates = {d.id: document_date(d.text, d.published) for d in docs}
    if stories is None:
        stories = group_stories(
            StoryInput(
                d.id,
                d.text,
                d.title,
                d.published or dates[d.id].day,
                d.near_copy_of,
                d.story,
                month_day=dates[d.id].month_day,
            )
            for d in docs
        )
    if entities is None:
        entities = resolve_sources([c.source for c in claims if is_source_name(c.source)], aliases)
    info = {d.id: d for d in docs}
    # a name reconciliation finds for a source ("its foreign ministry" → "Jordan's foreign
    # ministry") joins the entity another report gave that name
    by_fold = {fold(name): entity for name, entity in entities.items()}
    frames: dict[tuple[str, int], ClaimFrame] = {}
    frame_objs: dict[tuple[str, int], Frame] = {}
    for story in stories:
        known = [dates[d].day for d in story.docs if d in dates and dates[d].day is not None]
        # a figure set in a period before the story's first day is an earlier event's, and an
        # event named as new days after it a later one
        began = min(known) if known else None
        dates.update({d: dates[d].in_story(known) for d in story.docs if d in dates})
        story_claims = [c for d in story.docs for c in by_doc.get(d, [])]
        nationality = _nationality(story_claims)
        story_texts = [info[d].text for d in story.docs if d in info]
        # "Sindh" where the story names "Sindh province": that part of the country
        named_parts = parts_named(story_texts)
        locations = [as_part(c.location, named_parts) for c in story_claims]
        # a story about one people abroad has no home country to set other countries apart by
        home = None if nationality else home_country(locations, story_texts)
        scope = story_scope(locations, story_texts, home)
        causes = story_causes(story_texts)
        sides = claim_sides(
            story_claims,
            {(c.doc, c.start): info[c.doc].text[c.evidence_start : c.evidence_end] for c in story_claims},
            {(c.doc, c.start): entities[c.source].key for c in story_claims if c.source in entities},
        )
        parts = story_parts(
            {d: sorted(by_doc.get(d, []), key=lambda c: c.start) for d in story.docs},
            {d: info[d].text for d in story.docs if d in info},
        )
        names = part_names(parts, story_claims)
        gatherings: list[OccasionInput] = []
        later: dict[tuple[str, int], str] = {}
        towns: list[TownInput] = []
        days: list[DayInput] = []
        # one day's dead are told apart from a running toll only in a story of protests
        protests = is_story_of_gatherings(story_texts)
        speakers: list[SpeakerInput] = []
        offices = holders_of_offices(
            story_texts, {c.source: entities[c.source] for c in story_claims if c.source in entities}
        )
        # a war, not a disaster the army helps with: judged over the story, not one report
        military = is_military([c.counted or "" for c in story_claims])
        for doc_id in story.docs:
            doc = info[doc_id]
            doc_claims = sorted(by_doc.get(doc_id, []), key=lambda c: c.start)
            times = statement_times(doc_claims, doc.text, dates[doc_id])
            seen: list[Frame] = []
            written = sorted({c.source for c in doc_claims if is_source_name(c.source)})
            titled = title_aliases(doc.text, written)
            spoken_for = speaking_bodies(doc.text, written)
            # a body named only beside its office-holder ("Kigondu, president of the Kenya
            # Medical Association") is one the report may go on to describe ("the association")
            described = DescribedBodies(doc.text, sorted({*written, *spoken_for.values()}))
            previous = None
            shocks: list[ShockInput] = []
            read_to = 0
            for claim, time in zip(doc_claims, times, strict=True):
                sentence = doc.text[claim.evidence_start : claim.evidence_end] or claim.mention
                at = claim.start - claim.evidence_start
                part, side = parts.get((doc_id, claim.start), ""), sides.get((doc_id, claim.start), "")
                where = as_part(named_part(claim.location, doc.text, claim.start), named_parts)
                placed = replace(claim, location=where)
                spoken = spoken_part(sentence[:at], placed.location, names)
                # the country a story happens in, where it happens in no one part of it, is its
                # whole ("Iran's toll"); where it does, the country's toll is more than the story's
                people = nationality or (home if not scope else None)
                frame = frame_of(placed, sentence, at, people, military, scope, began, part, side, spoken, causes)
                paragraph = doc.text[doc.text.rfind("\n", 0, claim.start) + 1 : claim.start]
                frame = abroad(frame, placed.location, sentence[:at], home, paragraph)
                compared = previous is not None and set_against(doc.text, claim, previous)
                if compared or (frame.state == "count" and previous is not None and goes_on(doc.text, claim, previous)):
                    # "180,000, up from 35,000", "TUT.BY also counted more than 100,000": one measure
                    frame = frame_objs[(doc_id, previous.start)]
                elif frame.state == "count" and is_generic_total(claim.counted) and seen and not frame.relative:
                    # "70,000 houses had been destroyed. By May 2 the UN put the figure at
                    # 130,000": what the paragraph just counted; else "the number would fall
                    # below 100": what the report has mostly been counting
                    just = frame_objs[(doc_id, previous.start)] if previous is not None else None
                    if just is None or just.state == "count" or "\n" in doc.text[previous.end : claim.start]:
                        just = mostly_counted(seen)
                    frame = just
                elif frame.state != "count":
                    seen.append(frame)
                person = titled.get(claim.source, described.of(claim.source, claim.start) or claim.source)
                speaker = spoken_for.get(person) or offices.get(person, person)
                key, name = _source(replace(claim, source=speaker), doc, entities, by_fold, speaker != claim.source)
                if not compared:
                    frame = given_by(frame, claim, name)
                frame_objs[(doc_id, claim.start)] = frame
                previous = claim
                end = at + len(claim.mention)
                speakers.append(
                    SpeakerInput(
                        (doc_id, claim.start),
                        frame.population,
                        frame.state,
                        frame.group,
                        frame.scope,
                        tuple(n for n in (claim.source, person, name) if n),
                    )
                )
                running = is_running_total(sentence, at, end)
                clause = sentence[max(0, at - 60) : end + 60]
                towns.append(
                    TownInput(
                        (doc_id, claim.start),
                        frame.state,
                        frame.scope,
                        placed.location,
                        is_national(placed.location, clause),
                    )
                )
                if protests:
                    day, of_gathering = one_day(sentence, at, end, dates[doc_id].day)
                    if compared and days and days[-1].key[0] == doc_id:
                        day, of_gathering = days[-1].day, days[-1].gathering  # "raised it to 109": that day's
                    at_claim = (doc_id, claim.start)
                    days.append(DayInput(at_claim, frame.state, day, of_gathering, running, dates[doc_id].day))
                shocks.append(
                    ShockInput(
                        (doc_id, claim.start),
                        frame.state,
                        doc.text[read_to : claim.start],
                        time.day,
                        time.origin in ("stated", "continued"),
                    )
                )
                read_to = max(read_to, claim.end)
                gatherings.append(
                    OccasionInput(
                        (doc_id, claim.start),
                        frame.state,
                        frame.scope,
                        time.day,
                        time.origin != "document",
                        running,
                        is_one_period(sentence, at, end),
                        compared,
                    )
                )
                frames[(doc_id, claim.start)] = ClaimFrame(
                    doc_id,
                    claim.start,
                    claim.end,
                    story.id,
                    f"{story.id}-{frame.key()}",
                    frame.population,
                    frame.state,
                    frame.group,
                    frame.scope,
                    key,
                    name,
                    time.text,
                    time.day,
                    time.origin,
                )
            if not protests:
                later.update(later_events(shocks, began))
        for key, day in followed_days(gatherings).items():
            frames[key] = replace(frames[key], as_of=day.isoformat(), as_of_day=day, as_of_origin="continued")
        for key, town in town_turnouts(towns, story_texts).items():
            frame_objs[key] = replace(frame_objs[key], scope=town)
            frames[key] = replace(frames[key], measure=f"{story.id}-{frame_objs[key].key()}", scope=town)
        for key, people in own_nationals(speakers).items():
            frame_objs[key] = replace(frame_objs[key], group=people)
            frames[key] = replace(frames[key], measure=f"{story.id}-{frame_objs[key].key()}", group=people)
        found = occasions(gatherings)
        if not found:
            # a story of protests with no turnouts to date its days by may still count one
            # day's dead apart from its running toll
            found = day_tolls(days, protests)
        found = {**later, **found}
        for key, label in found.items():
            frame_objs[key] = replace(frame_objs[key], occasion=label)
            frames[key] = replace(frames[key], measure=f"{story.id}-{frame_objs[key].key()}")
    measures = _measures(claims, frames, frame_objs)
    flags = _flags(claims, frames, info, stories, {d: found.day for d, found in dates.items()})
    unique = {e.key: e for e in entities.values()}
    return Reconciliation(
        tuple(stories), dates, frames, measures, tuple(unique[k] for k in sorted(unique)), tuple(flags)
    )


def _nationality(claims: list[Claim]) -> str | None:
    """The people a story's figures mostly count ("north korea" for North Korean troops):
    the one named by most figures that name whose people they count, if it is named by at
    least half of them and twice as often as any other, and by a fair share of all its
    figures of people (a quake story naming "Thailand's toll" twice is not about Thais).
    A story that counts many peoples (pilgrims dead by country) has none, and each
    people's count is a part."""
    owners = Counter(p for c in claims for p in owners_in(c.counted or "")[:1])
    ranked = owners.most_common(2)
    if not ranked:
        return None
    top, n = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    of_people = sum(c.category != "other" for c in claims)
    share = n >= _NATIONALITY_SHARE * of_people
    return top if 2 * n >= owners.total() and n >= 2 * runner_up and share else None


#: The least share of a story's figures of people that must name one people for the story
#: to be about that people.
_NATIONALITY_SHARE = 0.2


def _source(
    claim: Claim,
    doc: DocInfo,
    entities: dict[str, SourceEntity],
    by_fold: dict[str, SourceEntity],
    mapped: bool = False,
) -> tuple[str, str]:
    """The source entity's key and name. A name reconciliation found for the source
    (`mapped`: the body a person speaks for, the country's body "its ministry" is) is the
    entity of that name, if a report gave it, else keyed by the name itself."""
    if claim.source and claim.source in entities:
        entity = entities[claim.source]
        return entity.key, entity.name
    if mapped and claim.source and fold(claim.source) in by_fold:
        entity = by_fold[fold(claim.source)]
        return entity.key, entity.name
    if mapped and claim.source and is_source_name(claim.source):
        return f"body:{fold(claim.source)}", claim.source
    outlet = doc.outlet or doc.id
    return f"outlet:{outlet}", f"{outlet} {OUTLET_VOICE}"


def _measures(
    claims: list[Claim], frames: dict[tuple[str, int], ClaimFrame], objs: dict[tuple[str, int], Frame]
) -> tuple[MeasureInfo, ...]:
    groups: dict[str, list[Claim]] = {}
    for c in claims:
        f = frames.get((c.doc, c.start))
        if f is not None:
            groups.setdefault(f.measure, []).append(c)
    out = []
    for measure, members in groups.items():
        key = (members[0].doc, members[0].start)
        frame, row = objs[key], frames[key]
        whole = frame.whole()
        parent = f"{row.story}-{whole.key()}" if whole is not None else None
        category = Counter(c.category for c in members).most_common(1)[0][0]
        days = [frames[(c.doc, c.start)].as_of_day for c in members]
        out.append(
            MeasureInfo(
                measure,
                row.story,
                frame.key().replace("-", " "),
                category,
                frame.population,
                frame.state,
                frame.group,
                frame.scope,
                frame.per,
                frame.unit,
                parent if parent in groups else None,
                len(members),
                len({frames[(c.doc, c.start)].source_key for c in members}),
                min(c.value for c in members),
                max(c.value_max or c.value for c in members),
                max((d for d in days if d), default=None),
                tuple(sorted({c.counted.lower() for c in members if c.counted})[:_WORDS]),
            )
        )
    out.sort(key=lambda m: (m.story, -m.claims, m.measure))
    return tuple(out)


def _flags(
    claims: list[Claim],
    frames: dict[tuple[str, int], ClaimFrame],
    docs: dict[str, DocInfo],
    stories: list[Story],
    published: dict[str, date | None],
) -> list[FlagInfo]:
    by_measure: dict[str, list[Estimate]] = {}
    stated_clock: dict[str, int | None] = {}  # per report, the hour of the statement last dated
    for c in sorted(claims, key=lambda c: (c.doc, c.start)):
        f = frames.get((c.doc, c.start))
        if f is None:
            continue
        doc = docs[c.doc]
        hour = clock(doc.text[c.evidence_start : c.evidence_end], c.start - c.evidence_start)
        if f.as_of_origin == "stated":
            stated_clock[c.doc] = hour
        elif f.as_of_origin == "continued" and hour is None:
            hour = stated_clock.get(c.doc)  # "..., he said": the hour of the statement it goes on
        e = Estimate(
            replace(c, measure=f.measure, date=f.as_of),
            f.source_key,
            f.source_name,
            f.as_of_day,
            doc.outlet,
            doc.near_copy_of,
            f.as_of_origin,
            published.get(c.doc),
            hour,
        )
        by_measure.setdefault(f.measure, []).append(e)
    story_of = {f.measure: f.story for f in frames.values()}
    states = {f.measure: f.state for f in frames.values()}
    texts = {d.id: d.text for d in docs.values()}
    titled = {s.id: spokespeople([texts[d] for d in s.docs if d in texts]) for s in stories}
    for measure, estimates in by_measure.items():
        estimates.sort(key=lambda e: (e.claim.doc, e.claim.start))
        names: dict[str, set[str]] = {}
        for e in estimates:
            names.setdefault(e.source_key, set()).add(e.claim.source or e.source_name)
        # "its foreign ministry" is the ministry this measure's reports name; "the junta" and
        # its spokesman are one voice
        voice = voices(names, titled[story_of[measure]])
        by_measure[measure] = [replace(e, source_key=voice[e.source_key]) for e in estimates]
    out: list[FlagInfo] = []
    by_story: dict[str, list[Estimate]] = {}
    for measure, estimates in by_measure.items():
        by_story.setdefault(story_of[measure], []).extend(estimates)
    odd = set()
    # per story, as the ledger's incremental refresh and the Spark job reconcile
    for m in (m for estimates in by_story.values() for m in misquotes(estimates, states, texts)):
        odd.add(_version(m.odd))
        measure = m.odd.claim.measure
        out.append(FlagInfo("misquote", story_of[measure], measure, _span(m.odd), _span(m.usual), note=m.what))
    for measure, estimates in by_measure.items():
        if states[measure] == "count":
            continue  # figures of no known state neither conflict nor revise one another
        for c in conflicts(measure, [e for e in estimates if _version(e) not in odd]):
            out.append(FlagInfo("conflict", story_of[measure], measure, _span(c.a), _span(c.b), note=c.note))
        for r in revisions([e for e in estimates if _version(e) not in odd]):
            out.append(FlagInfo("revision", story_of[measure], measure, _span(r.earlier), _span(r.later), note=r.note))
    story_by_doc = {d: s.id for s in stories for d in s.docs}
    for d in docs.values():
        if d.near_copy_of and d.near_copy_of in docs:
            out.append(
                FlagInfo("near_copy", story_by_doc[d.id], None, None, None, (d.near_copy_of, d.id), "repeats the text")
            )
    return out


def _version(e: Estimate) -> tuple:
    """A report's version of a figure: a misquoted one (headline and body alike) is left
    out of the measure's timeline."""
    return (e.claim.doc, e.claim.measure, e.claim.value)


def _span(e: Estimate) -> tuple[str, int, int]:
    return (e.claim.doc, e.claim.start, e.claim.end)
