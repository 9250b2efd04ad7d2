"""When a claim was made: the words that say so, and that time as an ISO date or month.

Relative expressions ("on Monday", "last week", "in early January") resolve against the
document's publication date; without one, only times that name their year resolve.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..lexicon import lexicon

_LEAD_PREPS = {
    "on",
    "in",
    "at",
    "during",
    "since",
    "by",
    "until",
    "through",
    "throughout",
    "before",
    "after",
    "from",
    "as",
    "of",
}
#: Words after a span of time that make it a time counted from another ("a day after",
#: "two weeks ago"), not a duration or a rate.
SHIFT_WORDS = ("ago", "earlier", "before", "later", "after")
_DURATION = re.compile(
    r"^(?:the\s+(?:(?:past|last|next|first)\s+)?)?(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|several|few|many|some)[\s-]+(?:days?|weeks?|months?|years?|hours?|"
    rf"decades?|minutes?)\b(?!\s+(?:{'|'.join(SHIFT_WORDS)})\b)",
    re.IGNORECASE,
)
#: "the previous day", "a week earlier", "two days later": a day counted from another.
_SHIFTED_DAY = re.compile(
    r"^(?:on\s+)?(?:the\s+(?P<dir1>previous|preceding|next|following)\s+(?P<unit1>day|week)"
    r"|(?P<n>\w+)\s+(?P<unit2>days?|weeks?)\s+(?P<dir2>earlier|before|later|after)"
    r"|the\s+(?P<unit3>day|week)\s+(?P<dir3>before|after))$",
    re.IGNORECASE,
)
_DAYS_IN = {"day": 1, "week": 7}


def days_shifted(words: str | None) -> int | None:
    """Days that time words count from another day ("the previous day" → -1, "two days
    later" → 2, "a week earlier" → -7), or None for other time words."""
    m = _SHIFTED_DAY.match((words or "").strip())
    if m is None:
        return None
    n = _count(m.group("n") or "one")
    if n is None:
        return None  # "several days earlier"
    unit = (m.group("unit1") or m.group("unit2") or m.group("unit3")).lower().rstrip("s")
    direction = (m.group("dir1") or m.group("dir2") or m.group("dir3")).lower()
    sign = -1 if direction in ("previous", "preceding", "earlier", "before") else 1
    return sign * n * _DAYS_IN[unit]


def _count(word: str) -> int | None:
    """ "3", "a", "three": a small count of days or weeks, as time words write it."""
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in ("a", "an"):
        return 1
    value = lexicon().number_words.get(word)
    return int(value[0]) if value and value[0] == int(value[0]) else None


_RATE = re.compile(r"^(?:every|each|per|a|an)\s+\w+$|^(?:daily|weekly|monthly|annually)$", re.I)


def time_phrase(sent, anchor, verbs, figure_span: tuple[int, int]) -> tuple[str, int] | None:
    """The DATE words of the sentence that time the claim, with their character offset.

    Prefers a date attached to the reporting or event verbs, then one in the main
    clause nearest the figure, then a day named anywhere in the sentence ("the report
    updated on Sunday morning", "Saturday's report", "the list published last week").
    Durations, rates and the figure itself are not times; "Sunday" and "night" are one;
    "since June 18" is when the count began, so any other time of the sentence comes first.
    """
    candidates = []
    for ent in _time_entities(sent):
        if ent.start_char < figure_span[1] and figure_span[0] < ent.end_char:
            continue
        words = ent.text.strip()
        if _DURATION.match(words) or _RATE.match(words):
            continue
        if words.islower() and words in lexicon().months:
            continue  # "the march peaked at 240,000": a month is written with a capital
        if ent.start > sent.start and sent.doc[ent.start - 1].lower_ in ("aged", "ages", "age"):
            continue  # "aged 15 to 66": ages, not a time
        if _an_age(sent, ent, words):
            continue  # "women in their 20s": an age, not a decade
        if _follows_other_figure(sent, ent, figure_span):
            continue  # "180,000, up from 35,000 on Friday": Friday is the other figure's
        possessive = ent.end < len(sent.doc) and sent.doc[ent.end].tag_ == "POS"
        if possessive and not _owns_information(sent.doc, ent.end) and not _owns_event(sent.doc, ent.end, verbs):
            continue
        first = ent[0]
        prev = sent.doc[first.i - 1] if first.i > sent.start else None
        start = ent.start_char
        if prev is not None and prev.lower_ in _LEAD_PREPS and prev.pos_ == "ADP" and not possessive:
            start = prev.idx
            if prev.lower_ == "of" and prev.i > sent.start and sent.doc[prev.i - 1].lower_ == "as":
                start = sent.doc[prev.i - 1].idx  # "as of 2 p.m."
        attached = _attached(ent.root, verbs)
        rank = 0 if attached else 1 if _in_main_clause(ent.root) else 2 if _dates_a_report(ent, words, anchor) else None
        if rank is None:
            continue
        if possessive:
            rank = max(rank, 1)  # "Sunday's march": when it happened, after when it was said
        # "since June 18" starts the period counted, and dates the statement only when the
        # sentence gives no other time; a clock time alone dates nothing: a day named in
        # the sentence ranks before it
        since = prev is not None and prev.lower_ in ("since", "from")
        # "a week earlier, when the Front claimed 1.03 million on June 9": a day counted
        # from another ranks after one the sentence names
        shifted = bool(_SHIFTED_DAY.match(words))
        candidates.append(
            (since, shifted, not _names_a_day(words), rank, abs(ent.start - anchor.i), start, ent.end_char)
        )
    if not candidates:
        return None
    *_, start, end = min(candidates)
    return sent.doc.char_span(start, end).text, start  # token boundaries; doc.text rebuilds the whole unit


_AGE_DECADE = re.compile(r"(?:(their|his|her|its|our|my)\s+)?(?:(?:early|mid|late)[\s-]+)?\d0s", re.IGNORECASE)
_POSSESSIVES = {"their", "his", "her", "its", "our", "my"}


def _an_age(sent, ent, words: str) -> bool:
    """ "most of them in their 20s": a two-digit decade after a possessive is an age."""
    m = _AGE_DECADE.fullmatch(words)
    if m is None:
        return False
    return bool(m.group(1)) or (ent.start > sent.start and sent.doc[ent.start - 1].lower_ in _POSSESSIVES)


def _follows_other_figure(sent, ent, figure_span: tuple[int, int]) -> bool:
    """Whether a time comes right after another number of the sentence than the figure."""
    before = sent.doc[max(sent.start, ent.start - 2) : ent.start]
    return any(
        t.like_num and not (figure_span[0] <= t.idx < figure_span[1]) for t in before if t.ent_type_ != ent.label_
    )


def _time_entities(sent) -> list:
    """DATE and TIME entities, a TIME joined to the DATE just before it ("Sunday night")."""
    out = []
    doc = sent.doc
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        if out and ent.label_ == "TIME" and out[-1].end == ent.start:
            out[-1] = doc[out[-1].start : ent.end]
            continue
        if out and out[-1].label_ == "TIME" and out[-1].end + 1 == ent.start and doc[out[-1].end].lower_ == "on":
            out[-1] = doc[out[-1].start : ent.end]  # "2 p.m. on Wednesday"
            continue
        out.append(ent)
    return out


def _owns_information(doc, pos_index: int) -> bool:
    """ "Saturday's report": a day that owns a report, update or count dates it."""
    following = doc[pos_index + 1] if pos_index + 1 < len(doc) else None
    return following is not None and lexicon().noun_classes.get(following.lemma_.lower()) == "info"


def _owns_event(doc, pos_index: int, verbs) -> bool:
    """ "2 million people joined Sunday's march", "the previous Sunday's march drew 1.03
    million": a day that owns what the figure's own verb is about dates the figure."""
    owned = doc[pos_index + 1] if pos_index + 1 < len(doc) else None
    while owned is not None and owned.dep_ in ("amod", "compound") and owned.head.i > owned.i:
        owned = owned.head
    if owned is None:
        return False
    holder = owned.head.head if owned.dep_ == "pobj" else owned.head
    return owned.dep_ in ("nsubj", "dobj", "pobj") and holder in verbs


def _dates_a_report(ent, words: str, anchor) -> bool:
    """A day named outside the main clause dates the claim only when it does not sit in a
    clause about something else: "the report updated on Sunday" does, "the fire, which
    swept the town on August 8" does not."""
    if not _names_a_day(words):
        return False
    token = ent.root
    while token.head != token:
        if token.dep_ in ("relcl", "acl"):
            owner = token.head
            gives_figure = any(  # "the Hospital Authority, which gave the figure on Thursday"
                c.dep_ == "dobj" and lexicon().noun_classes.get(c.lemma_.lower()) == "info" for c in token.children
            )
            return (
                owner == anchor
                or owner == anchor.head
                or gives_figure
                or lexicon().noun_classes.get(owner.lemma_.lower()) == "info"
            )
        token = token.head
    return True


def _names_a_day(words: str) -> bool:
    lex = lexicon()
    tokens = set(re.findall(r"[a-z]+", words.lower()))
    return bool(tokens & set(lex.weekdays) or tokens & set(lex.months) or tokens & {"yesterday", "today", "week"})


def _attached(token, verbs) -> bool:
    """Whether `token` hangs from one of `verbs` without crossing into another clause."""
    for _ in range(5):
        if token.head == token:
            return False
        if token.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "csubj"):
            return False
        token = token.head
        if token in verbs:
            return True
    return False


def _in_main_clause(token) -> bool:
    while token.head != token:
        if token.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "pcomp"):
            return False
        token = token.head
    return True


def resolve(time_text: str | None, published: date | None) -> str | None:
    """An ISO date ("2024-12-23"), month ("2025-01") or year for the time words, or None."""
    if not time_text:
        return None
    written = re.sub(r"\s+", " ", time_text.strip().replace("’", "'"))
    # "the previous Sunday's march": a month is written with a capital
    text = re.sub(r"\b(?:march|may)\b", "_", written).lower()
    lex = lexicon()
    month_names = "|".join(sorted(lex.months, key=len, reverse=True))
    year_m = re.search(r"\b(1[89]\d\d|2[01]\d\d)\b", text)
    year = int(year_m.group(1)) if year_m else None

    weekdays = "|".join(lex.weekdays)
    to_day = re.search(rf"\b(?:to|through|until)\s+((?:last\s+)?(?:{weekdays}))\b", text)
    if to_day and published is not None:
        # "from July 16 to Monday": a count over days is as of the last
        return resolve(to_day.group(1), published)
    m = re.search(rf"\b({month_names})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", text) or re.search(
        rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({month_names})\b", text
    )
    if m:
        a, b = m.groups()
        month_word, day = (a, int(b)) if a.isalpha() else (b, int(a))
        month = lex.months[month_word]
        # "between Aug. 9 and 13", "from Aug. 9 to Aug. 13": a count over days is as of the last
        end = re.match(
            rf"(?:\s*(?:and|to|through|until)\s+|\s*[-–]\s*)(?:({month_names})\.?\s+)?(\d{{1,2}})\b"
            r"(?!\s*(?:a\.?m|p\.?m))",
            text[m.end() :],
        )
        if end and a.isalpha():
            last = int(end.group(2))
            if end.group(1):
                month = lex.months[end.group(1)]
            elif last < day:
                month = month % 12 + 1  # "Aug. 30 to 2": into the next month
            day = last
        return _full_date(year, month, day, published)
    m = re.search(rf"\b({month_names})\b", text)
    if m and not (m.group(1) == "may" and "may" in text.split()[:1] and len(text.split()) == 1):
        month = lex.months[m.group(1)]
        if year is None and published:
            year = published.year if month <= published.month else published.year - 1
        return f"{year:04d}-{month:02d}" if year else None
    if year is not None:
        return str(year)
    if published is None:
        return None
    for name, weekday in lex.weekdays.items():
        if re.search(rf"\b{name}\b", text):
            back = (published.weekday() - weekday) % 7
            if "last" in text.split():
                back = back or 7
            if re.search(r"\b(?:previous|preceding)\b", text):
                back += 7  # "the previous Sunday's march": the one before the latest Sunday
            return (published - timedelta(days=back)).isoformat()
    return _relative(text, published)


def _full_date(year: int | None, month: int, day: int, published: date | None) -> str | None:
    if year is None:
        if published is None:
            return None
        year = published.year
        if (month, day) > (published.month, published.day) and month - published.month > 1:
            year -= 1
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _relative(text: str, published: date) -> str | None:
    if re.search(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", text):
        return published.isoformat()
    if re.search(r"\b(?:yesterday|last night)\b", text):
        return (published - timedelta(days=1)).isoformat()
    m = re.search(r"\b(\d+|a|an|one|two|three|four|five|six|seven)\s+(day|week)s?\s+ago\b", text)
    if m:
        days = (_count(m.group(1)) or 1) * _DAYS_IN[m.group(2)]
        return (published - timedelta(days=days)).isoformat()
    if re.search(r"\b(?:this|earlier this|later this) week\b|\b(?:earlier|later) in the week\b", text):
        return _month(published)
    if re.search(r"\blast week\b", text):
        return _month(published - timedelta(days=7))
    if re.search(r"\b(?:this|earlier this|later this) month\b", text):
        return _month(published)
    if re.search(r"\blast month\b", text):
        return _month(published.replace(day=1) - timedelta(days=1))
    if re.search(r"\b(?:this|earlier this) year\b", text):
        return str(published.year)
    if re.search(r"\blast year\b", text):
        return str(published.year - 1)
    return None


def _month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"
