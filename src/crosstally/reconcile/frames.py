"""Claim frames: who or what is counted, the state it is in, and where.

A measure is a story plus a frame, so the frame decides which figures are about the same
quantity. "Passengers", "people" and "migrants" aboard one boat are one population;
"rescued" and "survivors" one state; dead and missing never merge. A part of a whole (the
children among the dead, the dead outside the main city, bodies buried) gets a frame of
its own that names the part, and is linked to the whole.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from ..claims import Claim
from ..errors import LexiconError
from ..extract.tree import OPENING_PARTITIVE
from ..lexicon import lexicon, read_keyed
from .measures import group_of, owners_in, place_spans, singular
from .members import member_group
from .scopes import part_of_country, scope_base, slug_of
from .timing import sort_day

#: The state each contract category starts from.
_BASE_STATE = {
    "killed": "dead",
    "wounded": "injured",
    "casualties": "dead-or-injured",
    "captured": "captured",
    "missing": "missing",
    "deployed": "deployed",
    "personnel": "personnel",
    "displaced": "displaced",
    "arrested": "arrested",
    "materiel": "count",
    "money": "amount",
}
#: Finer states a category may turn into when the words around the figure say so.
_REFINES = {
    "dead": {"buried", "identified", "unidentified", "handed-over", "feared-dead", "autopsied", "died-in-hospital"},
    "injured": {"seriously-injured", "discharged", "in-hospital", "outpatients", "eye-injured"},
    "displaced": {"evacuated", "sheltering"},
    "missing": {"located"},
    "captured": {"released", "still-held", "dead"},
    "deployed": set(),
    "amount": {"appealed", "pledged", "released", "cost", "raised"},
}
#: States that end the one a counted noun names ("detainees ... released").
_ENDING_STATES = frozenset({"released", "handed-over"})
#: States of the bodies of the dead, which make a part of the toll only when bodies or a
#: part of the dead are counted ("82 bodies were still unidentified", "Of the 275 dead, 88
#: had been identified"), not the toll itself ("4,000 people killed had been identified").
_BODY_STATES = {"identified", "unidentified", "handed-over"}
#: States a figure is in only where its own counted noun names them ("87 autopsies").
_NAMED_ONLY = {"autopsied"}
_BODIES_OF_THE_DEAD = re.compile(r"\b(?:bod(?:y|ies)|remains|of (?:the|them|those|which|whom)\b)", re.IGNORECASE)
_OF_A_WHOLE = re.compile(r"\bof (?:the|them|those|which|whom)\b(?:[^,]*,)?\s*$", re.IGNORECASE)
#: "buried alive", "buried under the mud": people a disaster buried, presumed dead, not
#: the dead given burial. Bodies are counted, never feared dead.
_BODIES = re.compile(r"\b(?:bod(?:y|ies)|remains|corpses)\b", re.IGNORECASE)
_BURIED_ALIVE = re.compile(
    r"\bburied\s+(?:alive|under|beneath|by|in\s+(?:the\s+)?(?:rubble|debris|mud|landslide))\b", re.I
)
#: "97 of the dead were women": the words after the figure name the part it counts.
_IS_GROUP = re.compile(
    r"\s*(?:of (?:the|them|those|whom)\b(?:[\w\s]{0,30}?\s(?:were|was|are)\s+|\s+(?=\w+\s*(?:[,;.]|$)))"
    r"|(?:were|was|are)\s+|\s+(?=\w+\s*(?:[,;.]|$)))(?:(?:mostly|all|mainly)\s+)?",
    re.IGNORECASE,
)
#: "70 of whom had since been found": a part of the people counted before, whatever its state.
_OF_THE_PEOPLE = re.compile(r"\s+of\s+(?:whom|them|those)\b", re.IGNORECASE)
#: "40 of the dead were killed by gunfire", "630 of them unregistered": a figure stated as a
#: part of a whole just counted, which the words after it set apart.
_PARTITIVE = re.compile(r"\s+(?:more\s+)?of\s+(?:the|them|those|these|whom|which)\b", re.IGNORECASE)
#: Where the words naming such a part stop: another clause or another figure.
_PART_END = re.compile(r"[,;:.\d]|\b(?:and|but|or|while|as)\b", re.IGNORECASE)
#: At most this many words name such a part.
_PART_WORDS = 3
#: "the Egyptian toll at 600", "Egypt's death toll reached 658", "Eritrea's losses", "Eritrea
#: has lost 350,000 troops": a people's own toll.
_TOLL_AFTER_OWNER = re.compile(
    r"(?:['’]s)?\s+(?:own\s+)?(?:(?:death\s+)?toll|losses|casualties)\b"
    r"|\s+(?:has|have|had)\s+(?:now\s+|already\s+)?lost\s*$",
    re.IGNORECASE,
)
#: "41 of its nationals", "its country's dead at 138": the people of the body that speaks
#: (a word after "its" that is no person noun must be one of these).
_ITS_PEOPLE = re.compile(r"\bits\s+(?:own\s+)?(country['’]s|dead|death\s+toll|toll|[a-z]+)\b", re.IGNORECASE)
_ITS_WHOLE = {"country's", "country’s", "dead", "toll"}
#: Units of a figure relative to another (a share, a ratio), never a count of the same thing.
_RELATIVE_UNITS = {"percent", "times"}
#: States only people are in: a bare "the number" in one of them counts people.
_STATES_OF_PEOPLE = frozenset(
    {"dead", "injured", "missing", "aboard", "rescued", "evacuated", "displaced", "sheltering", "arrested"}
    | {"captured", "located", "in-hospital", "seriously-injured", "discharged", "identified", "unidentified"}
)
#: "1,100 troops killed or wounded in the past day", "over the last 24 hours": one day's
#: losses ("in the 24 hours to Tuesday"), a rate beside the running total, not a step of it.
_IN_THE_PAST_DAY = re.compile(
    r"[^.;]*?\b(?:in|over|during)\s+the\s+(?:(?:past|last|previous)\s+(?:day|24\s+hours)|24\s+hours\s+(?:to|until|before))\b",
    re.IGNORECASE,
)
#: "12 more bodies", "58 new deaths": the figures added since the last count, not the count.
_ADDED = re.compile(r"\s+(?:more|new)\b(?!\s+than)", re.IGNORECASE)
#: "155 passengers and seven crew": passengers counted beside the crew are a part of all
#: those aboard, though "passengers" alone often means everyone on a ferry.
_PASSENGERS = re.compile(r"\bpassengers?\b", re.IGNORECASE)
#: How far after the figure the words that give its state are read.
_WINDOW = 70


@dataclass(frozen=True)
class Frame:
    """What a claim counts: population (and a part of it), state, scope, rate and unit."""

    population: str
    state: str
    group: str = ""
    scope: str = ""
    per: str = ""
    unit: str = ""
    #: The day of the one occasion counted, in a story of several ("jun-9": that march).
    occasion: str = ""

    @property
    def relative(self) -> bool:
        """A share or a ratio of another figure ("83 per cent", "about twice the number")."""
        return self.unit in _RELATIVE_UNITS

    def key(self) -> str:
        """The readable part of a measure id: `people-dead`, `children-people-dead`,
        `people-turnout-jun-9`."""
        parts = [self.group, self.population, self.state, self.scope, self.occasion]
        if self.relative:
            parts.append(self.unit)  # "83 per cent of the dead", "twice the number": no count of them
        if self.per:
            parts.append(f"per-{self.per}")
        slug = re.sub(r"[^a-z0-9]+", "-", " ".join(p for p in parts if p).lower()).strip("-")
        return slug or "figure"

    def whole(self) -> Frame | None:
        """The frame this one is a part of (no group, no scope), if it is a part."""
        if not (self.group or self.scope):
            return None
        return Frame(self.population, self.state, per=self.per, unit=self.unit, occasion=self.occasion)


@cache
def _cues() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {
        "state": {},
        "group": {},
        "scope": {},
        "side": {},
        "gathered": {},
        "running": {},
        "period": {},
        "no_part": {},
        "cause": {},
    }
    for word, kind, value in read_keyed("frames.tsv", key_columns=2, columns=3, fold=True):
        if kind not in table:
            raise LexiconError(
                f"unknown kind {kind!r} for {word!r}",
                path="frames.tsv",
                hint="use state, group, scope, side, gathered, running, period, no_part or cause",
            )
        table[kind][word.lower()] = value
    return table


def side_words() -> dict[str, str]:
    """Who holds ground, as "<word>-held" says it: "rebel" → rebel-held, "government" →
    government-held (frames.tsv, kind `side`)."""
    return _cues()["side"]


@cache
def _cue_pattern(kind: str) -> re.Pattern:
    words = sorted(_cues()[kind], key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def first_cue(kind: str, text: str) -> str | None:
    m = _cue_pattern(kind).search(text)
    return _cues()[kind][m.group(1).lower()] if m else None


def frame_of(
    claim: Claim,
    sentence: str,
    at: int,
    story_nationality: str | None = None,
    military: bool = False,
    story_scope: str = "",
    began: date | None = None,
    part: str = "",
    side: str = "",
    spoken: str = "",
    causes: frozenset[str] = frozenset(),
) -> Frame:
    """The frame of one claim, from its counted phrase and the words around the figure.

    `sentence` is the evidence sentence and `at` the figure's offset in it;
    `story_nationality` is the people a story is mostly about ("north korea") and
    `story_scope` the part of a country it mostly happens in ("kursk-region"): naming
    them does not make a part of the whole. `began` is the story's first day: a figure about
    an earlier event ("since the 2018 Camp Fire, which killed 85", "last year 240 pilgrims
    died", "a fire ... killed 112 workers in November") is that event's.
    `part` is the place of a figure in a breakdown by place ("19 dead in Wajima and 20
    in Suzu"), which `parts.breakdowns` finds; `spoken` the part its sentence names before it
    ("Buncombe confirms 61 dead"), and `side` the side of a front line it counts on, both
    when no other words place it. `causes` are the killers the story itself is about
    (`story_causes`): any other one a figure's words name makes it that cause's own.
    """
    # the speaker's words say nothing of the figure's state ("Survivors told the UN that
    # about 700 people had crowded onto the vessel": aboard, not rescued)
    sentence = _without_speaker(sentence, claim.source, at)
    after = _clause_after(sentence, at + len(claim.mention))
    before = sentence[max(0, at - 40) : at]
    counted = claim.counted or ""
    population = group_of(claim, military)
    state = _state(claim, counted, after, before)
    if (
        state == "count"
        and (population == "people" or (population == "figure" and not counted))
        and _names_gathering(_clause_before(sentence, at) + " " + after)
    ):
        # "estimated the march at around 200,000", "2 million people joined Sunday's march",
        # "300,000 had joined the marches", "the biggest gathering was in the capital, with
        # about 20,000 people" (whatever state another clause names)
        state, population = "turnout", "people"
    if state == "count" and population in ("people", "troops") and not _owned().search(sentence, 0, at):
        # the sentence's one state, unless the figure is what someone has ("the network,
        # which has 300 volunteers in the field, said 2,900 had died")
        state = _only_state(sentence) or state
    if state in _STATES_OF_PEOPLE and is_generic_total(counted) and population not in ("people", "troops"):
        population = "people"  # "kept the number rescued at 104": only people are rescued
    if state == "autopsied":
        population = "people"  # "279 post-mortem examinations", "195 autopsies": of the dead
    if state == "turnout" and population in ("figure", "them") and written_in_digits(claim):
        population = "people"  # "3.5 million marched" (not "nearly twice" the turnout)
    elif state == "turnout" and population not in ("people", "troops", "figure", "them"):
        state = "count"  # "nearly 30 countries took part", "120 schools attended by ...": no crowd
    group = "" if _lists_every_kind(after) else first_cue("group", counted) or _group_after(after)
    if not group and population in ("people", "troops"):
        owners = [p for p in [*owners_in(counted), _owner_around(sentence, at, after)] if p and p != story_nationality]
        # a people's own count, else a kind of person among a whole ("among the dead were 21 constables")
        group = owners[0] if owners else member_group(_clause_before(sentence, at), counted)
    if group == population:
        group = ""
    cause = first_cue("cause", " ".join((_clause_before(sentence, at), counted, _NEXT_FIGURE.split(after, 1)[0])))
    if cause and cause not in causes:
        group = "-".join(w for w in (cause, group) if w)  # "the outbreak has killed 1,600" in a cyclone's story
    if not group and _PASSENGERS.search(counted) and _crew_counted().search(sentence):
        group = "passengers"  # "155 passengers and seven crew": those aboard less the crew
    if _ADDED.match(sentence, at + len(claim.mention)) and population in ("people", "troops"):
        group = "-".join(w for w in ("added", group) if w)  # "divers recovered 12 more bodies"
    scope = (
        _earlier_event(sentence[:at], began, after, claim)
        or part
        or first_cue("scope", _RELATIVE.split(after, maxsplit=1)[0])  # not "the unrest that spread nationwide"
        or first_cue("scope", _clause_before(sentence, at))
        or part_of_country(claim.location)
        or spoken
        or side
    )
    in_story_place = bool(story_scope) and story_scope in (scope, scope_base(scope))
    if (in_story_place or (scope == "national" and state == "turnout")) and not part:
        # naming the story's own region makes no part of it, unless a breakdown does; nor
        # does "across the country" of a turnout, which no place word means the whole
        scope = side
    if group and scope and slug_of(group) == scope:
        group = ""  # "Georgia's toll" of a storm in the US: the state, a place, not a people
    if not scope and (
        state == _BASE_STATE.get(claim.category) or (claim.category == "other" and _OF_THE_PEOPLE.match(after))
    ):
        # "630 of whom had no permit" of "658 Egyptians": the Egyptians' part without one;
        # "Of them, six had been hit by live ammunition": a part the sentence opens with
        part = _part_after(" of them" + after if _OPENING_PART.match(sentence[:at]) else after)
        group = "-".join(w for w in (group, part) if w)
    per = claim.per or ("day" if _IN_THE_PAST_DAY.match(after) else "")
    return Frame(population, state, group, scope, per, claim.unit or "")


def story_causes(texts: list[str]) -> frozenset[str]:
    """The killers (frames.tsv, kind `cause`) the titles of at least a third of a story's
    reports name: what the story is about, which makes no figure a part of its own."""
    titles = [text.split("\n", 1)[0] for text in texts]
    named = Counter(
        c
        for title in titles
        for c in {_cues()["cause"][m.group(1).lower()] for m in _cue_pattern("cause").finditer(title)}
    )
    return frozenset(c for c, n in named.items() if 3 * n >= len(titles))


def given_by(frame: Frame, claim: Claim, giver: str) -> Frame:
    """A sum a body gives, asks for or spends is its own ("the EU released 3.5 million
    euros", "Britain will give 5 million pounds"): its frame names the giver, the source
    entity `giver`. What a disaster cost ("damage", "losses") is one quantity that many
    sources estimate, and a sum no one is said to give stays the story's."""
    if claim.category != "money" or not claim.source or frame.state == "cost" or frame.relative:
        return frame
    return replace(frame, group="-".join(w for w in (frame.group, slug_of(giver)) if w))


def _without_speaker(sentence: str, source: str | None, at: int) -> str:
    """The sentence with its speaker's name blanked out (keeping every offset), when the
    name is a word of state ("survivors", "the rescued"), outside the figure itself."""
    if not source or not first_cue("state", source):
        return sentence
    for m in reversed(list(re.finditer(re.escape(source), sentence, re.IGNORECASE))):
        if not m.start() <= at < m.end():
            sentence = sentence[: m.start()] + " " * (m.end() - m.start()) + sentence[m.end() :]
    return sentence


@cache
def _crew_counted() -> re.Pattern:
    """ "seven crew", "12 crew members": a figure of the crew."""
    words = "|".join(re.escape(w) for w in sorted(lexicon().number_words, key=len, reverse=True))
    return re.compile(rf"\b(?:\d[\d,]*|{words})\s+crew(?:\s*members)?\b", re.IGNORECASE)


def _state(claim: Claim, counted: str, after: str, before: str) -> str:
    """The category's state, refined by a cue after the figure ("3,190 who were buried");
    for `other`, the first cue in the counted phrase, after or just before the figure."""
    base = _BASE_STATE.get(claim.category)
    in_counted = first_cue("state", counted) or first_cue("gathered", counted)
    if base is None:
        # "X, which has 300 volunteers in the field, said at least 2,900 had died": a state
        # named after another figure is that figure's
        after = _NEXT_FIGURE.split(after, 1)[0]
        verb = first_cue("state", after.split(counted, 1)[-1] if counted else after)
        if verb in _ENDING_STATES:
            return verb  # "2,000 detainees had been released": no longer held
        return in_counted or _nearest_cue("state", before, after) or "count"
    if _a_toll(counted, claim.category):
        return base  # "Quake toll jumps to 1,234 as bodies are pulled from buried church": the whole
    refines = _REFINES.get(base, set())
    if base == "dead" and not _BODIES_OF_THE_DEAD.search(counted + " " + after) and not _OF_A_WHOLE.search(before):
        # "4,000 people who were killed had been identified": the toll; but "60 victims
        # await identification" are not yet named, whatever noun counts them
        refines = refines - (_BODY_STATES - {"unidentified"})
    if _BODIES.search(counted):
        refines = refines - {"feared-dead"}  # "recovered 12 bodies buried under the rubble": counted
    leading = ""  # the words before the figure, where the verb comes first
    last_two = " ".join(before.split()[-2:])
    if base == "amount":
        leading = before  # "pledged $5 million"
    elif base == "captured":
        leading = " ".join(before.split()[-3:])  # "had freed 30 hostages"
    elif base == "displaced" and first_cue("state", last_two) == "sheltering":
        leading = last_two  # "relief camps ..., sheltering 1,942 people"
    elif base == "dead" and first_cue("state", last_two) in _BODY_STATES:
        # "had so far identified 59 of the dead"; not "the landslide buried 2,000 people",
        # whom a disaster, not their families, buried
        leading = last_two
    # "99 were unaccounted for and 102 had been accounted for": a state after the next figure is its
    around = _BURIED_ALIVE.sub(" ", counted + " " + _NEXT_FIGURE.split(after, 1)[0] + " " + leading)
    found = [_cues()["state"][m.group(1).lower()] for m in _cue_pattern("state").finditer(around)]
    if in_counted not in _NAMED_ONLY:
        # "four deaths, ... adding that post-mortems had yet to be carried out": not autopsies
        found = [state for state in found if state not in _NAMED_ONLY]
    state = next((state for state in found if state in refines), base)
    return "dead-in-captivity" if base == "captured" and state == "dead" else state  # not the attack's toll


def _a_toll(counted: str, category: str) -> bool:
    """Whether the counted words end in a noun that says it counts the claim's category as
    a whole ("the death toll", "Palu toll"), which no word after the figure makes a part of."""
    words = re.findall(r"[a-z]+", counted.lower())
    return bool(words) and lexicon().tally_nouns.get(singular(words[-1])) == category


def _lists_every_kind(after: str) -> bool:
    """ "52 men, women and children": the words right after a figure list several kinds
    of person, which together are all of them."""
    listed = _LISTED.match(after)
    return (
        bool(listed)
        and len({first_cue("group", m.group(1)) for m in _cue_pattern("group").finditer(listed.group(0))}) > 1
    )


#: The words right after a figure when they list several nouns ("men, women and children").
_LISTED = re.compile(r"\s*[a-z]+(?:\s*,\s*[a-z]+)*\s*,?\s+(?:and|or)\s+[a-z]+", re.IGNORECASE)
_OPENING_PART = re.compile(OPENING_PARTITIVE.pattern + r"[^.;:]*$", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:that|which)\b", re.IGNORECASE)  # not "who": that is the counted people
_JOINED = re.compile(r";|\b(?:and|but|while|or)\b", re.IGNORECASE)
_NEXT_FIGURE = re.compile(r"(?<![\w,.])\d")


@cache
def _owned() -> re.Pattern:
    """ "which has", "who have about": what someone has, right before a figure."""
    qualifiers = "|".join(re.escape(q) for q in sorted(lexicon().qualifiers_before, key=len, reverse=True))
    return re.compile(rf"\b(?:which|who|that)\s+(?:has|have|had)\s+(?:(?:{qualifiers})\s+)?$", re.IGNORECASE)


def _nearest_cue(kind: str, before: str, after: str) -> str | None:
    """The cue nearest the figure, before or after it: "had rescued nearly 1,000 people and
    recovered around 89 bodies" counts the rescued, not the bodies after it; a cue before
    it in a clause of its own ("565 injured and that 1,390 homes") is not its."""
    pattern = _cue_pattern(kind)
    following = pattern.search(after)
    preceding = next(reversed(list(pattern.finditer(before))), None)
    if preceding is not None and _JOINED.search(before, preceding.end()):
        preceding = None  # "100 dead and 60 houses buried": that cue is another clause's
    if preceding is not None and (following is None or len(before) - preceding.end() < following.start()):
        return _cues()[kind][preceding.group(1).lower()]
    return _cues()[kind][following.group(1).lower()] if following else None


def _clause_before(sentence: str, at: int) -> str:
    """The words of the figure's clause before it ("Nationally, the Cabinet Office counted")."""
    start = max(sentence.rfind(";", 0, at), sentence.rfind(".", 0, at), 0)
    return sentence[start:at]


def written_in_digits(claim: Claim) -> bool:
    """A figure written in digits ("3.5 million"), not a word ratio ("nearly twice")."""
    return bool(re.search(r"\d", claim.mention))


def is_generic_total(counted: str | None) -> bool:
    """ "the number", "the total": a count that names nothing but what was just discussed."""
    words = re.findall(r"[a-z]+", (counted or "").lower())
    return bool(words) and singular(words[-1]) in lexicon().tally_nouns and len(words) <= 3


_EARLIER_EVENT_AFTER = re.compile(r"[^.;\d]{0,60}?\bin ((?:19|20)\d\d)\b")
_EARLIER_EVENT = re.compile(r"\b((?:19|20)\d\d)\b[^.;]{0,60}?(?:,\s*(?:which|that|when)\b|\bin which\b)[^.;]*$")
#: "In 2002, Chechen fighters took 912 people hostage ...; 130 died": a sentence set in a year.
_FRONTED_YEAR = re.compile(r"\W*In\s+(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d),")
#: "comes three years after a dam burst near Mariana, killing 19", "a fire two decades ago
#: that killed 50": a harm the sentence sets years before the story, told beside it.
_YEARS_BEFORE = re.compile(
    r"\b(?:years?|decades?)\s+(?:after|since|ago)\b[^.;]*?"
    r"(?:\bkill(?:ing|ed)|\bleaving|\bclaim(?:ing|ed))\s+(?:(?:at\s+least|some|about|nearly|more\s+than)\s+)?$",
    re.IGNORECASE,
)
#: How many days before a story's first a figure's own period must end to be an earlier
#: event's ("in November" of a story that began in April), not the story's first hours.
EARLIER_EVENT_DAYS = 30
_RUNNING_FROM = re.compile(r"\b(?:since|from|between|until|through)\b", re.IGNORECASE)


def _earlier_event(before: str, began: date | None, after: str = "", claim: Claim | None = None) -> str:
    """ "the deadliest since the 2018 Camp Fire, which killed ...", "the 35 people killed
    there by Hurricane Hugo in 1989", "Last year 187 pilgrims died", "In 2002, ...; 130
    died": the figure counts an earlier event's toll, a measure of its own ("event-2018")."""
    if began is None:
        return ""
    m = _EARLIER_EVENT.search(before) or _EARLIER_EVENT_AFTER.match(after) or _FRONTED_YEAR.match(before)
    if m is not None and int(m.group(1)) < began.year:
        return f"event-{m.group(1)}"
    if _YEARS_BEFORE.search(before):
        return "event-earlier"
    return _own_time_before(claim, began)


def _own_time_before(claim: Claim | None, began: date) -> str:
    """The earlier event a figure's own time words set it in ("in 2015", "last year", "in
    November" of a story that began in April): a period that ended well before the story
    began, not one running from it to now ("since 2014"); else ""."""
    if claim is None or not claim.time_text or not claim.date or _RUNNING_FROM.search(claim.time_text):
        return ""
    ended = sort_day(claim.date, None)  # the period's last day
    if ended is None or ended >= began - timedelta(days=EARLIER_EVENT_DAYS):
        return ""
    return f"event-{claim.date[:4]}" if ended.year < began.year else f"event-{claim.date[:7]}"


def is_running_total(sentence: str, at: int, end: int) -> bool:
    """Whether the figure's clause makes it a running total ("32 arrested so far")."""
    return bool(first_cue("running", _clause_before(sentence, at) + " " + _clause_after(sentence, end)))


def is_one_period(sentence: str, at: int, end: int) -> bool:
    """Whether the figure's clause makes it one night's or day's count ("more than 2,000
    detentions over the previous 24 hours", "some 3,000 on election night")."""
    return bool(first_cue("period", _clause_before(sentence, at) + " " + _clause_after(sentence, end)))


def _group_after(after: str) -> str:
    """ "97 of the dead were women": the part a copula right after the figure names, or a
    word that ends the clause where the copula is left out ("64 were female and 54 male");
    not "12 were killed, including three children", whose children are another figure's."""
    m = _IS_GROUP.match(after)
    if m is None:
        return ""
    cue = _cue_pattern("group").match(after, m.end())
    return _cues()["group"][cue.group(1).lower()] if cue else ""


def _part_after(after: str) -> str:
    """The part a partitive figure counts, in a few of the words after it ("40 of the dead
    were killed by gunfire" → "gunfire", "630 of whom had no hajj permit" → "no-hajj-permit"):
    a measure of its own, not the whole's toll. Words that only repeat the state or the
    people ("15 of these soldiers were killed") name no part."""
    m = _PARTITIVE.match(after)
    if m is None:
        return ""
    lex = lexicon()
    clause = _PART_END.split(after[m.end() :])[0]
    # "were Egyptians": the people, whom the group counts
    named = {w for start, end, _ in place_spans(clause) for w in re.findall(r"[a-z]+", clause[start:end].lower())}
    words = [
        w
        for w in re.findall(r"[a-z]+", clause.lower())
        if w not in _cues()["no_part"]
        and not _a_state_word(w, lex)
        and lex.noun_classes.get(singular(w)) is None
        and w not in named
        and not first_cue("group", w)  # "were foreign nationals": the group, not a part of it
    ]
    return "-".join(words[:_PART_WORDS])


def _a_state_word(word: str, lex) -> bool:
    """ "killed", "died", "injured", "dead": a word whose only news is the category."""
    stems = {word, word[:-1], word[:-2], word[:-3], re.sub(r"ied$", "y", word)}
    known = (lex.category_verbs, lex.category_adjs, lex.category_nouns, _cues()["state"])
    return any(s in table for s in stems for table in known)


def _owner_around(sentence: str, at: int, after: str) -> str:
    """The people a figure counts when its words name them around it rather than in the
    counted phrase: "323 of the dead were from Egypt", "60 were Jordanians", "the Egyptian
    toll at 600", "Jordan's ministry said 41 of its nationals had died", "Indonesia's
    consulate put its country's dead at 138"."""
    m = _IS_GROUP.match(after)
    if m is not None:
        rest = after[m.end() :]
        named = place_spans(rest)
        if named and re.match(r"(?:from\s+)?(?:the\s+)?$", rest[: named[0][0]], re.IGNORECASE):
            return named[0][2]
    before = _clause_before(sentence, at)
    named = place_spans(before)
    if named and _TOLL_AFTER_OWNER.match(before, named[-1][1]):
        return named[-1][2]  # "Egypt's toll rose to 672, with another 25 missing"; not "Peru's
        # toll rose to 6,200, and Ecuador counted 1,850": another place named since
    if _its_people(sentence[max(0, at - 30) : at] + " " + after[:30]):
        named = place_spans(sentence[:at], owners_only=True)
        return named[-1][2] if named else ""
    return ""


def _its_people(words: str) -> bool:
    """Whether the words name a body's own people: "its nationals", "its citizens", "its
    country's dead", "its toll" (any person noun of nouns.tsv after "its")."""
    classes = lexicon().noun_classes
    for m in _ITS_PEOPLE.finditer(words):
        word = m.group(1).lower()
        if word in _ITS_WHOLE or word.startswith("death") or classes.get(singular(word)) in ("person", "force"):
            return True
    return False


def _names_gathering(words: str) -> bool:
    """Whether the words name a gathering ("the march", "Sunday's rallies")."""
    classes = lexicon().noun_classes
    return any(classes.get(singular(w)) == "gathering" for w in re.findall(r"[a-z]+", words.lower()))


def _only_state(sentence: str) -> str | None:
    """The one state the sentence names, if it names exactly one ("the number of people on
    the list of those missing has been put at 385")."""
    states = {_cues()["state"][m.group(1).lower()] for m in _cue_pattern("state").finditer(sentence)}
    return states.pop() if len(states) == 1 else None


def _clause_after(sentence: str, start: int) -> str:
    """The words after the figure up to the end of its clause (or a short window)."""
    rest = sentence[start : start + _WINDOW]
    m = re.search(
        r"[;:.!?]|,\s+(?:and|but|while|with|as)\b|\s+(?:while|whereas|but)\s"
        r"|,\s+(?=\d|(?:[\w-]+\s+)?of\s+(?:them|those|whom|which)\b)",  # "172, 33 of them seriously", "193 bodies,
        # of which 80 had been identified": another figure's words
        rest,
    )
    return rest[: m.start()] if m else rest
