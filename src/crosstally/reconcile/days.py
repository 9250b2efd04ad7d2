"""One day's toll: in a story of protests over many days, a figure its words confine to
one day is that day's count, not a step of the running toll.

"Six people died on July 16, 42 on July 18", "at least 94 were killed on Sunday",
"22 killed in Tuesday's protests", "22 deaths on June 25 alone" each count one day's
dead, where the story also keeps a total since the unrest began ("the toll since June 18
stood at 39"); set among the running totals they would make false conflicts and
revisions. A report written the day after one such day, that keeps no running total,
counts that day's dead throughout ("at least 13 people had been killed", "the doctors
later said at least 23"). One disaster's toll grows over its days and is left as it is:
this holds only in a story of gatherings whose figures name one day's dead at least
twice apart, or one gathering's ("Tuesday's protests").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from ..extract.timeref import resolve
from ..lexicon import lexicon
from .measures import singular
from .occasions import OCCASION_HARMS, label

#: How many days after the day it counts a report may still be that day's news.
NEWS_DAYS = 2
#: The words of a clause read after a figure for the day its counted things happened on.
_AFTER_CHARS = 60
#: Words of gatherings as a report of protests writes them (plurals and the people at them,
#: so that the month of March is none).
_GATHERINGS = re.compile(
    r"\b(?:protests|protesters|marches|marchers|rallies|demonstrations|demonstrators|clashes)\b", re.IGNORECASE
)
#: Words before a figure that make the day after it the day it was spoken of ("Ruto spoke
#: of 19 deaths on June 30", "put the toll at 56 on Monday"), not the day of the deaths.
_SPOKEN_BEFORE = re.compile(
    r"\b(?:spoke of|gave|give|put|puts|reported|cited|quoted|stood at|reached|at|to)\s+"
    r"(?:(?:a|an|the|some|about|around|nearly|almost|over|more than|at least)\s+)*$",
    re.IGNORECASE,
)
#: Words between a figure and "on <day>" that give the day to another verb ("... had died,
#: the minister said on Sunday", "98 deaths by midnight on Sunday").
_OTHER_VERB = re.compile(r"[,;:]|\b(?:said|says|told|according|that|by|since|until|as of)\b", re.IGNORECASE)
#: Words after a fronted day that make it the day a speaker spoke ("On Sunday, police said").
_SAYING = re.compile(r"\b(?:said|says|told|tells|according|announced|reported|stated)\b", re.IGNORECASE)
#: Words before a figure that make it a count of one day, the day named after it ("AFP's
#: count for the day stood at 56 on Monday", "the day's toll reached 40 on Friday").
_FOR_THE_DAY = re.compile(
    r"\b(?:count|toll|tally|figure)\s+for\s+the\s+day\b|\bthe\s+day['’]s\s+(?:count|toll|tally|dead)\b", re.IGNORECASE
)
#: What "<day>'s" may own to be one day's toll: its dead, or a gathering ("Tuesday's protests").
_DAYS_OWN = {"dead", "toll", "deaths", "killings", "violence", "unrest", "clashes"}


@dataclass(frozen=True)
class DayInput:
    """What one day's tolls need of one claim: its key (doc, start), state, the day its
    words confine it to, whether that day is a gathering's, whether its words make it a
    running total, and its report's date."""

    key: tuple[str, int]
    state: str
    day: date | None
    gathering: bool
    running: bool
    published: date | None


def day_tolls(items: list[DayInput], gatherings: bool) -> dict[tuple[str, int], str]:
    """The day ("jun-25") of each figure of one story that counts one day's harm, by key;
    empty unless the story is one of `gatherings` (protests) with such days."""
    harms = [i for i in items if i.state in OCCASION_HARMS and not i.running]
    days = {i.day for i in harms if i.day}
    if not gatherings or not (len(days) > 1 or any(i.gathering for i in harms if i.day)):
        return {}
    out = {i.key: label(i.day) for i in harms if i.day}
    for doc in {i.key[0] for i in items}:
        for state in {i.state for i in harms if i.key[0] == doc}:
            ones = [i for i in items if i.key[0] == doc and i.state == state]
            day = _the_days_news(ones)
            if day is not None:
                out.update({i.key: label(day) for i in ones if i.key not in out})
    return out


def _the_days_news(items: list[DayInput]) -> date | None:
    """The one day a report's figures of one state count, when it names only that day,
    keeps no running total and was written within `NEWS_DAYS` of it."""
    days = {i.day for i in items if i.day}
    if len(days) != 1 or any(i.running for i in items):
        return None
    day = days.pop()
    published = next((i.published for i in items if i.published), None)
    if published is None or not 0 <= (published - day).days <= NEWS_DAYS:
        return None
    return day


def is_story_of_gatherings(texts: list[str]) -> bool:
    """Whether most of a story's reports speak of protests, marches or rallies."""
    return bool(texts) and 2 * sum(bool(_GATHERINGS.search(t)) for t in texts) >= len(texts)


def one_day(sentence: str, at: int, end: int, published: date | None) -> tuple[date | None, bool]:
    """The day a figure's clause confines it to, and whether that day is a gathering's:
    "22 deaths on June 25 alone", "killed in Tuesday's protests", "Sunday's dead at 91",
    "six people died on July 16, 42 on July 18", "On Sunday, at least 94 people were
    killed" (a day before a figure with no speaker between), "the count for the day stood
    at 56 on Monday". `at`..`end` is the figure in
    the sentence; days resolve against `published`."""
    start = max(sentence.rfind(";", 0, at), sentence.rfind(".", 0, at), 0)
    stop = min([i for i in (sentence.find(";", end), sentence.find(".", end)) if i >= 0] or [len(sentence)])
    clause = sentence[start:stop]
    before, after = sentence[start:at], sentence[end:stop][:_AFTER_CHARS]
    alone = _pattern("alone").search(clause)
    if alone:
        return _resolved(alone.group(1), published), False
    for m in _pattern("owner").finditer(clause):
        noun = m.group(2).lower()
        if noun in _DAYS_OWN or _gathering_noun(noun):
            return _resolved(m.group(1), published), _gathering_noun(noun)
    m = _pattern("after").search(after)
    if m and _FOR_THE_DAY.search(before):
        return _resolved(m.group(1), published), False
    if m and not _OTHER_VERB.search(after[: m.start(1)]) and not _SPOKEN_BEFORE.search(before):
        return _resolved(m.group(1), published), False
    m = _pattern("fronted").match(before)
    if m and not _SAYING.search(before[m.end() :]):
        return _resolved(m.group(1), published), False
    return None, False


def _gathering_noun(word: str) -> bool:
    """ "protests", "marches", "rally": a word of a gathering."""
    return lexicon().noun_classes.get(singular(word)) == "gathering"


def _resolved(words: str, published: date | None) -> date | None:
    found = resolve(words, published)
    return date.fromisoformat(found) if found and len(found) == 10 else None


@cache
def _pattern(kind: str) -> re.Pattern:
    lex = lexicon()
    weekdays = "|".join(w.capitalize() for w in lex.weekdays)
    months = "|".join(sorted((m.capitalize() for m in lex.months), key=len, reverse=True))
    day = rf"(?:{weekdays}|(?:{months})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{months}))"
    return {
        "alone": re.compile(rf"\bon\s+(?:the\s+)?({day})\s+alone\b"),
        "owner": re.compile(rf"\b({day})['’]s\s+([a-z-]+)"),
        "after": re.compile(rf"^[^.;]*?\b(?:on|during)\s+({day})\b"),
        "fronted": re.compile(rf"^\W*(?:On|During)\s+({day})\b[^,]*,"),
    }[kind]
