"""Statement times: when each claim was made, as a date every view can sort by.

A document's date comes from its metadata, else a dateline ("ATHENS, June 14 (Reuters) -",
"Rabat, Sept. 11 (MAP)", a printed "Thursday September 14, 2023"), else the latest
explicit date in its text (marked inferred). A claim's "as of" is its own time words
resolved against that date (a weekday is the most recent such day on or before it), else
the time of the statement it continues ("Meanwhile", "he added"), else "before the
document" where the sentence says so ("previously", "initially"), else the document's date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from ..claims import Claim
from ..extract.timeref import days_shifted, resolve
from ..lexicon import lexicon

#: How far into a text a dateline is looked for.
DATELINE_CHARS = 400
#: How far after a dated statement a "Meanwhile" or "he added" still continues it.
CONTINUE_CHARS = 600


@dataclass(frozen=True)
class DocumentDate:
    """A document's date and where it came from: metadata, dateline, text or none."""

    day: date | None
    origin: str
    #: A dateline's month and day where no year is written anywhere in the text
    #: ("KHERSON, June 12 (Reuters) -"): the story's other reports give the year.
    month_day: tuple[int, int] | None = None
    #: The publication day of a report that speaks of its dateline's earlier day: a
    #: weekday it names is the latest such day on or before this one (a local paper
    #: adds its own "on Wednesday" to the wire's Tuesday report).
    published: date | None = None

    @property
    def inferred(self) -> bool:
        return self.origin in ("dateline", "text")

    def in_story(self, known: list[date]) -> DocumentDate:
        """This date with a yearless dateline's year taken from the dates of the story's
        other reports: the year that puts it nearest to them."""
        if self.day is not None or self.month_day is None or not known:
            return self
        middle = sorted(known)[len(known) // 2]
        month, day = self.month_day
        options = []
        for year in (middle.year - 1, middle.year, middle.year + 1):
            try:
                options.append(date(year, month, day))
            except ValueError:
                continue
        if not options:
            return self
        return DocumentDate(min(options, key=lambda d: abs((d - middle).days)), "dateline")


@dataclass(frozen=True)
class StatementTime:
    """When a claim was made: an ISO day or month, the day views sort it on, and whether it
    comes from the claim's own words (`stated`), a statement it continues (`continued`),
    the document's date (`document`), or only "before the document" (`earlier`:
    "previously", "initially", "in its previous report")."""

    text: str | None
    day: date | None
    origin: str


def _month_names() -> str:
    return "|".join(sorted(lexicon().months, key=len, reverse=True))


def explicit_dates(text: str) -> list[tuple[int, date | None, int, int]]:
    """(offset, date or None, month, day) for each "Sept. 14, 2023" / "14 September 2023"
    / "Sept 19" in the text; the date is None where no year is written."""
    months = _month_names()
    found = []
    pattern = re.compile(
        rf"\b(?P<m1>{months})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>(?:19|20)\d\d)\b)?"
        rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{months})\b\.?(?:,?\s+(?P<y2>(?:19|20)\d\d)\b)?",
        re.IGNORECASE,
    )
    for m in pattern.finditer(text):
        word = (m.group("m1") or m.group("m2")).lower()
        if word == "may" and m.group("m1") and not m.group("y1"):
            continue
        month = lexicon().months[word]
        day = int(m.group("d1") or m.group("d2"))
        year = m.group("y1") or m.group("y2")
        try:
            found.append((m.start(), date(int(year), month, day) if year else None, month, day))
        except ValueError:
            continue
    return found


def written_on(text: str, published: date | None) -> tuple[date | None, list[int] | None]:
    """When an undated report was written as its own text gives it: the day (a dateline,
    else its latest explicit date), or a dateline's [month, day] when no year is written;
    nothing for a dated report. Story grouping reads it as the report's time, so that an
    undated report never joins an event months away."""
    if published:
        return None, None
    found = document_date(text, None)
    return found.day, list(found.month_day) if found.month_day else None


def document_date(text: str, published: date | None) -> DocumentDate:
    """The document's date: metadata first, then a dateline, then the latest dated text.

    A report published a few days after the dateline it carries (a wire story reprinted
    the next day: "KERMAN, Jan 3 (Lut Wire) -" in the paper of Jan 4) speaks of the
    dateline's day: its "this afternoon" and its unstated times are that day's (a weekday
    it names is still the latest before its publication, `_own_time`)."""
    if published is not None:
        lined = _dateline(text, published)
        if lined.day is not None and 0 < (published - lined.day).days <= REPRINT_DAYS:
            return replace(lined, published=published)
        return DocumentDate(published, "metadata")
    lined = _dateline(text, None)
    return lined if lined.day is not None or lined.month_day is not None else _latest_date(text)


#: How many days after its dateline a dated report may appear and still speak of that day.
REPRINT_DAYS = 7


def _dateline(text: str, published: date | None) -> DocumentDate:
    """The dateline's date ("ATHENS, June 14 (Reuters) -"). For an undated report, the
    first full date in its opening counts too, and a yearless dateline takes the text's
    latest year, else keeps only its month and day; for a dated one, a dateline's year is
    the one that puts it on or before the publication."""
    head = text[:DATELINE_CHARS]
    for offset, full, month, day in explicit_dates(head):
        if full is not None and published is None:
            return DocumentDate(full, "dateline")
        line_start = head.rfind("\n", 0, offset) + 1
        if re.match(r"\s*(?:[A-Z][\w.'-]*[ ,]*){1,4}$", head[line_start:offset]) and re.match(
            r"[^\n]{0,12}?(?:\([A-Za-z .]+\))?\s*[-–—:]", head[offset:]
        ):
            if full is not None:
                return DocumentDate(full, "dateline")
            if published is not None:
                years = [published.year, published.year - 1]
            else:
                years = sorted({d.year for _, d, _, _ in explicit_dates(text) if d is not None}, reverse=True)[:1]
            for year in years:
                try:
                    lined = date(year, month, day)
                except ValueError:
                    continue
                if published is None or lined <= published:
                    return DocumentDate(lined, "dateline")
            return DocumentDate(None, "none", None if published else (month, day))
    return DocumentDate(None, "none")


def _latest_date(text: str) -> DocumentDate:
    """The latest explicit date the text writes."""
    dated = [d for _, d, _, _ in explicit_dates(text) if d is not None]
    if dated:
        return DocumentDate(max(dated), "text")
    return DocumentDate(None, "none")


def sort_day(resolved: str, anchor: date | None) -> date | None:
    """The day a resolved time sorts on: the day itself; for a month, the document's day
    when it falls in that month, else the month's last day; for a year, likewise."""
    try:
        if re.fullmatch(r"\d{4}-\d\d-\d\d", resolved):
            return date.fromisoformat(resolved)
        if re.fullmatch(r"\d{4}-\d\d", resolved):
            year, month = map(int, resolved.split("-"))
            if anchor is not None and (anchor.year, anchor.month) == (year, month):
                return anchor
            return date(year, month, calendar.monthrange(year, month)[1])
        if re.fullmatch(r"\d{4}", resolved):
            year = int(resolved)
            return anchor if anchor is not None and anchor.year == year else date(year, 12, 31)
    except ValueError:
        return None
    return None


_CONTINUES = re.compile(
    r"^\W*(?:meanwhile|at the same time|in the same (?:statement|briefing|report)|he|she|they|it|"
    r"the (?:official|minister|spokesman|spokeswoman|spokesperson|agency|ministry|group)|"
    r"(?:he|she|they) (?:also )?(?:said|added))\b",
    re.IGNORECASE,
)


@cache
def _said_after() -> re.Pattern:
    """A pronoun's "he said" closing a sentence ("..., she added"): whoever spoke before
    goes on speaking. The verbs of saying are the lexicon's."""
    verbs = "|".join(sorted(lexicon().saying_forms, key=len, reverse=True))
    return re.compile(rf",\s+(?:he|she|they)\s+(?:also\s+)?(?:{verbs})\b", re.IGNORECASE)


_EARLIER = re.compile(
    r"\b(?:previously|initially|originally|at first|had earlier|in (?:its|their|his|her|an?) (?:previous|earlier) "
    r"(?:report|statement|update|count|estimate))\b",
    re.IGNORECASE,
)


#: ", after officials had earlier given 103": a clause of its own within the sentence.
_SUBORDINATE = re.compile(r"[,;]\s+(?:after|when|while|whereas|although|though|but)\b|;", re.IGNORECASE)


def _said_earlier(sentence: str, at: int) -> bool:
    """Whether the sentence marks the figure at `at` as said before ("had earlier", "at
    first"): the whole sentence, unless the mark opens a clause of its own the figure is
    not in ("killing 95, the minister said, after officials had earlier given 103": 103
    only)."""
    for mark in _EARLIER.finditer(sentence):
        opens = [m.end() for m in _SUBORDINATE.finditer(sentence, 0, mark.start())]
        if not opens or at >= opens[-1]:
            return True
    return False


#: "The count has risen steeply since Wednesday morning, when the service confirmed 51":
#: the figure is the level the count has risen from.
_RISEN_SINCE_WHEN = re.compile(
    r"\b(?:risen|climbed|grown|increased|jumped|soared|doubled|fallen|dropped|gone up)\b[^.;]*\bsince\b[^.;]*"
    r"\bwhen\b",
    re.IGNORECASE,
)


#: "850, down from estimates of about 1,000": the figure after "down from" is older.
_FROM_BEFORE = re.compile(
    r"\b(?:down|up|revised|lowered|raised) from (?:an? |the )?(?:\w+ )?(?:estimates? of |figure of )?$", re.I
)


_DAYS_BEFORE = re.compile(
    r"\s*(?:people\s+|deaths\s+|dead\s+)?(?:the|a|one)\s+(day|week)\s+(?:before|earlier)\b|"
    r"\s*(?:people\s+|deaths\s+|dead\s+)?the\s+previous\s+(day|week)\b",
    re.IGNORECASE,
)
_BACK_DAYS = {"day": 1, "week": 7}


def _a_period(sentence: str, time_text: str) -> bool:
    """ "79 reports over the previous day": the time words bound what is counted, not
    when it was said."""
    at = sentence.find(time_text)
    return at > 0 and bool(re.search(r"\b(?:over|during|in|within|for|throughout)\s+$", sentence[:at], re.I))


#: A figure that changes the one before it, named by a pronoun: "stood at 56 on Monday; on
#: Tuesday the agency raised it to at least 109", "lowered that figure to 222".
_IT_CHANGED = re.compile(
    r"\b(?:raised|lowered|revised|increased|reduced|updated|corrected|put|brought)\s+(?:it|that(?:\s+(?:figure|"
    r"number|count|toll|tally))?)\s+(?:up\s+|down\s+)?(?:to|at)\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)


def set_against(text: str, claim: Claim, previous: Claim) -> bool:
    """ "nearly 180,000 people, up from around 35,000": a figure the sentence sets against
    the one before it as that figure's earlier level, or ("raised it to 109") as its new
    one, so of the same quantity."""
    window = text[max(previous.end, claim.start - 60) : claim.start]
    return (
        previous.evidence_start == claim.evidence_start
        and previous.unit == claim.unit
        and bool(_FROM_BEFORE.search(window) or _IT_CHANGED.search(window))
    )


def goes_on(text: str, claim: Claim, previous: Claim) -> bool:
    """ "... looked to be 150,000 or more. TUT.BY also counted more than 100,000": a bare
    figure whose counted words came from the figure before it in the same paragraph (its
    own sentence does not name them) counts what that one counts."""
    sentence = text[claim.evidence_start : claim.evidence_end].lower()
    return (
        bool(claim.counted)
        and claim.counted == previous.counted
        and claim.unit == previous.unit
        and claim.counted.lower() not in sentence
        and "\n" not in text[previous.end : claim.start]
    )


def _dated_in_place(claim: Claim, text: str) -> bool:
    """ "up from 202 on Tuesday": the figure's time words follow it directly, so they are
    its own, not the statement's it is set against."""
    following = text[claim.end : claim.end + len(claim.time_text or "") + 3].lstrip(" ,")
    return bool(claim.time_text) and following.startswith(claim.time_text or "")


_LAST_WEEK = re.compile(r"\blast week\b", re.IGNORECASE)
_EARLIER_THIS = re.compile(r"\bearlier (?:this|in the) (?:week|month|year)\b", re.IGNORECASE)


def statement_times(claims: list[Claim], text: str, doc_date: DocumentDate) -> list[StatementTime]:
    """The statement time of each claim of one document (claims in document order)."""
    headers = day_headers(text, doc_date.day)
    out: list[StatementTime] = []
    stated: StatementTime | None = None
    stated_start = stated_end = -1
    stated_source: str | None = None
    for claim in claims:
        # a live blog's entries are of the day its last day header names ("TUESDAY, APRIL 23")
        headed = next((day for at, day in reversed(headers) if at < claim.start), None)
        anchor = headed or doc_date.day
        own = _own_time(claim.time_text, anchor, headed or doc_date.published or anchor)
        sentence = text[claim.evidence_start : claim.evidence_end]
        set_against = _FROM_BEFORE.search(text, max(0, claim.start - 60), claim.start)
        back = _DAYS_BEFORE.match(text, claim.end)
        base = sort_day(own, anchor) if own else anchor
        shift = days_shifted(claim.time_text)
        if back and base:
            # "up from 94 the day before", "and 40 a week earlier": a day of its own
            day = base - timedelta(days=_BACK_DAYS[(back.group(1) or back.group(2)).lower()])
            time = StatementTime(day.isoformat(), day, "stated")
        elif shift is not None and anchor and not _a_period(sentence, claim.time_text or ""):
            # "The previous day, the minister had put the toll at 190": the day before the
            # report's (a dated statement before it may be of another week: "the list
            # published last week ... A day earlier, the governor said")
            day = anchor + timedelta(days=shift)
            time = StatementTime(day.isoformat(), day, "stated")
        elif own and (not set_against or _dated_in_place(claim, text)):
            week = anchor is not None and _LAST_WEEK.search(claim.time_text or "")
            # "last week" is written as its month, but sorts a week before the report;
            # "has risen since Wednesday morning, when ... 51": a level the count has left
            left = _RISEN_SINCE_WHEN.search(sentence, 0, claim.start - claim.evidence_start)
            origin = "earlier" if left else "stated"
            time = StatementTime(own, anchor - timedelta(days=7) if week else sort_day(own, anchor), origin)
            if anchor is not None and _EARLIER_THIS.search(claim.time_text or ""):
                # "the minister said earlier this month": before the report, its day unknown
                time = StatementTime(own, anchor - timedelta(days=1), "earlier")
        elif set_against or _said_earlier(sentence, claim.start - claim.evidence_start):
            # Before the statement it is set against ("850 on Sunday, down from about
            # 1,000"), else before the document.
            same = stated if stated is not None and stated_start == claim.evidence_start else None
            before = same.day if same is not None and same.day else anchor
            time = StatementTime(None, before - timedelta(days=1) if before else None, "earlier")
        elif (
            stated is not None
            and claim.evidence_start - stated_end < CONTINUE_CHARS
            and (_CONTINUES.match(sentence) or (claim.source == stated_source and _said_after().search(sentence)))
        ):
            # "He added ...", or the same speaker's "..., he said": the statement goes on
            time = StatementTime(stated.text, stated.day, "continued")
        elif (
            stated is not None
            and stated.day is not None
            and _same_day_as_told(sentence, claim.start - claim.evidence_start)
        ):
            # "By the evening the count had reached 103", "Later that day ...": the day
            # the report last named
            time = StatementTime(stated.text, stated.day, "continued")
        elif headed is not None:
            time = StatementTime(headed.isoformat(), headed, "stated")
        else:
            iso = anchor.isoformat() if anchor else None
            time = StatementTime(iso, anchor, "document" if anchor else "none")
        out.append(time)
        if time.origin in ("stated", "continued"):
            stated, stated_start, stated_end = time, claim.evidence_start, claim.evidence_end
            stated_source = claim.source
    return out


def _own_time(time_text: str | None, anchor: date | None, weekday_anchor: date | None) -> str | None:
    """A claim's own time words resolved against the report's day, a weekday against
    `weekday_anchor` (the publication a dateline's day may precede). A day more than
    `FUTURE_DAYS` after it is a year earlier where no year is written: "on 2 August" in a
    piece of 23 July looking back a year."""
    if not time_text:
        return None
    if any(w in lexicon().weekdays for w in _WORDS.findall(time_text.lower())):
        anchor = weekday_anchor
    own = resolve(time_text, anchor)
    if own and anchor and re.fullmatch(r"\d{4}-\d\d-\d\d", own) and not _YEAR.search(time_text):
        day = date.fromisoformat(own)
        if (day - anchor).days > FUTURE_DAYS:
            try:
                return day.replace(year=day.year - 1).isoformat()
            except ValueError:
                return own
    return own


#: How many days after a report's day its own time words may fall (a dateline's day
#: before the publication, a clock across midnight).
FUTURE_DAYS = 2
_WORDS = re.compile(r"[a-z]+")
_YEAR = re.compile(r"\b(?:1[89]|2[01])\d\d\b")


@cache
def _same_day_pattern() -> re.Pattern:
    parts = "|".join(sorted((re.escape(p) for p in lexicon().dayparts if " " not in p), key=len, reverse=True))
    return re.compile(
        rf"\b(?:(?:later|earlier|late|early)\s+)?(?:that|the same)\s+(?:day|{parts})\b"
        rf"|^\W*(?:(?:by|in|during|early in|late in|later in|earlier in)\s+the\s+(?:{parts})\b"
        r"|by\s+\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\b)",
        re.IGNORECASE,
    )


def _same_day_as_told(sentence: str, at: int) -> bool:
    """Whether the sentence, before the figure at `at`, places it on the day the report
    last named: "Later that day", "the same evening", or a sentence that opens with only
    a part of a day ("By the evening", "Early in the afternoon", "By 5:40 p.m."); within
    the figure's clause ("eight on the same day; the ministry now counts six": six is
    not)."""
    return bool(_same_day_pattern().search(sentence[sentence.rfind(";", 0, at) + 1 : at].strip()))


def day_headers(text: str, published: date | None) -> list[tuple[int, date]]:
    """The lines of a report that name only a day ("TUESDAY, APRIL 23", "Monday 22 April"),
    as a live blog heads each day's entries: (where the line ends, the day), each day on
    or before the report's own. A report with one such line (the date under its title)
    has none: its one day is its own."""
    if published is None:
        return []
    lex = lexicon()
    found = []
    for m in _HEADER_LINE.finditer(text):
        line = m.group(1).strip()
        words = re.findall(r"[a-z]+", line.lower())
        if not words or not all(w in lex.weekdays or w in lex.months for w in words):
            continue
        resolved = resolve(line, published)
        day = sort_day(resolved, published) if resolved else None
        if day is not None and day <= published:
            found.append((m.end(), day))
    return found if len({day for _, day in found}) >= 2 else []  # one date line is a dateline


#: A whole line of at most 40 characters of letters, digits and commas.
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9 ,.]{2,39})$", re.MULTILINE)
