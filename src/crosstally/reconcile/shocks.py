"""Later events: a fresh quake, another landslide, a second blast is a story's event of its own.

A story of an earthquake goes on to a fresh quake four days later; "Another magnitude 6.3
earthquake shook the city on Wednesday ... it killed at least one person and injured
around 120" counts that quake's dead and injured, not a step of the first quake's toll of
thousands. A report tells of the later event from the sentence that names it as another
("another", "a fresh", "a new", "a second", "the latest") until it names the first again
("Saturday's quake", "the earlier quakes", "the first toll"); its harms in between are
that event's, dated by the day the report gives for them. An event named as a new one
("after a magnitude 7.3 earthquake on Tuesday killed 65") is a later one too, where the
report dates its figure days after the story began.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from ..lexicon import lexicon
from .occasions import label
from .stories import event_kinds

#: The states of a later event's harms, counted apart from the first event's.
SHOCK_HARMS = frozenset({"dead", "injured", "seriously-injured", "missing", "dead-or-injured"})


@dataclass(frozen=True)
class ShockInput:
    """What later events need of one claim: its key, state, the report's text between the
    figure before it and this one, and the day of its statement."""

    key: tuple[str, int]
    state: str
    text_before: str
    day: date | None
    #: the day is one the report's words name, not its publication day
    day_named: bool = False


def later_events(items: list[ShockInput], began: date | None = None) -> dict[tuple[str, int], str]:
    """The occasion ("oct-11", the later event's day) of each harm a report counts while
    it tells of a later event, by key; `items` are one report's claims in order, `began`
    the story's first day."""
    out: dict[tuple[str, int], str] = {}
    current: date | None = None
    for item in items:
        for m in _event_mention().finditer(item.text_before):
            if not m.group("later"):
                current = None
            elif not _feared(item.text_before, m.start()):
                current = item.day
        if current is None and _new_event_on_a_later_day(item, began):
            current = item.day
        if current is not None and item.state in SHOCK_HARMS:
            out[item.key] = label(current)
    return out


#: Days after the story's first on which an event named as a new one ("a magnitude 7.3
#: earthquake on Tuesday") is a later event, not the first told again.
LATER_EVENT_DAYS = 2


def _new_event_on_a_later_day(item: ShockInput, began: date | None) -> bool:
    """ "... after a magnitude 7.3 earthquake on Tuesday killed 65 people": an event named
    with "a" and its own day in the figure's sentence, a day the report's words give days
    after the story began (on the first days, "A 7.8 earthquake struck on Saturday" is the
    story's own; "a week after an attack on a concert hall" names no day)."""
    if began is None or item.day is None or not item.day_named or item.day < began + timedelta(days=LATER_EVENT_DAYS):
        return False
    sentence = re.split(r"(?<=[.!?])\s+", item.text_before)[-1]
    m = _new_event().search(sentence)
    return m is not None and not _feared(sentence, m.start())


@cache
def _new_event() -> re.Pattern:
    """An event named as a new one with its day: "a magnitude 7.3 earthquake on Tuesday",
    "a powerful quake that struck on May 12"."""
    lex = lexicon()
    days = "|".join(re.escape(w) for w in sorted({*lex.weekdays, *lex.months}, key=len, reverse=True))
    return re.compile(
        rf"\b(?:a|an)\s+(?:[\w.-]+\s+){{0,3}}?(?:{_event_words()})\b[^.;,]{{0,30}}?\bon\s+(?:{days})\b",
        re.IGNORECASE,
    )


#: Words that make the event named after them one that may come, not one that came
#: ("warned that another quake could follow", "fears of a fresh landslide"); "may" only in
#: lower case, never the month ("KESSEL, May 16 - ... after a magnitude 6.9 earthquake").
_FEARED = re.compile(
    r"\b(?:could|(?-i:may)|might|would|will|fears?|feared|fearing|risk|risks|warn(?:s|ed|ing)?|threat|chance|"
    r"possibility|prepare[sd]?|brace[sd]?|forecast|expected?|likely)\b[^.;]*$",
    re.IGNORECASE,
)
_FEARED_CHARS = 60


def _feared(text: str, at: int) -> bool:
    """Whether the words just before `at` make the event named there one that may come."""
    return bool(_FEARED.search(text, max(0, at - _FEARED_CHARS), at))


@cache
def _event_words() -> str:
    """The words of `event_kinds.tsv` as one alternation, longest first."""
    return "|".join(re.escape(w) for w in sorted(event_kinds(), key=len, reverse=True))


@cache
def _event_mention() -> re.Pattern:
    """An event named as a later one ("another earthquake", "a fresh quake", "the second
    blast"), or as the first ("Saturday's quakes", "the earlier quake", "the first toll")."""
    events = _event_words()
    later = r"another|a\s+(?:fresh|new|second|third|further)|the\s+(?:new|fresh|second|third|latest)|fresh|(?m:^)new"
    first = r"first|earlier|initial|original|previous|\w+day['’]s|the\s+weekend['’]s"
    return re.compile(
        rf"\b(?:(?P<later>{later})\s+(?:[\w.-]+\s+){{0,2}}?(?:{events})|(?:{first})\s+(?:[\w.-]+\s+){{0,2}}?(?:{events}|toll))\b",
        re.IGNORECASE,
    )
