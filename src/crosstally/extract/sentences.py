"""A cheap sentence splitter: the units that are parsed.

Rules, not a model, so that both extraction paths cut the text the same way: a sentence
ends at . ! or ? (and any closing quotes or brackets) before a space and a capital, a
digit or an opening quote — unless the word before the full stop is an abbreviation
("Dec.", "Gen.", "U.S.") or an initial.

No unit is longer than `MAX_UNIT_CHARS`: a longer sentence (a list, a run-on line, text
without full stops) is cut at its last clause boundary (; : or a dash), else comma, else
space before the limit, never inside a figure. Every step looks at a bounded stretch of
text, so the cost is linear in the length of the text.

A semicolon ends a sentence where a clause of its own follows, with its own speaker
("Flood toll climbs to 158; Paiporta mayor says 62 died in her town"): the speaker, place
and counted thing of one clause say nothing of the other's figure.

A dateline that opens a sentence ("KAHULUI, Hawaii (AP) —", "Rabat, Sept. 11 (MAP) -",
"GENEVA:") is a unit of its own: parsed with the sentence, its place name becomes the
sentence's subject and hides what the figure counts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache

from ..lexicon import lexicon

MAX_UNIT_CHARS = 1000
_WORD_LOOKBACK = 64
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"([\w.]+)\Z")
_DATELINE = re.compile(
    r"""(?:
        [A-Z][A-Z.'’-]+(?:\ [A-Z][A-Z.'’-]+){0,3}             # KAHULUI, NEW DELHI, ST. LOUIS
        (?:,\ [A-Z][\w.'’-]*(?:\ [A-Z][\w.'’-]*){0,3}){0,2}  # , Hawaii / , Libya
        (?:,?\ [A-Z][a-z]{2,8}\.?\ \d{1,2})?                  # , Sept. 11
        (?:\ ?\([^()\n]{2,40}\))?                            # (AP)
      | [A-Z][\w.'’-]+(?:\ [A-Z][\w.'’-]+){0,2}               # Rabat / Tripoli
        (?:,\ [A-Z][\w.'’-]*(?:\ [A-Z][\w.'’-]*){0,3})?
        (?:,?\ [A-Z][a-z]{2,8}\.?\ \d{1,2})?
        \ ?\([A-Za-z][A-Za-z\ .&'’-]{1,39}\)                  # an agency is required
    )
    (?:\ ?[:—–]|\ -{1,2})\ +(?=[\"“‘(A-Z0-9])""",
    re.VERBOSE,
)
_BOUNDARIES = (
    re.compile(r"[;:](?=\s)|\s[—–-]{1,2}(?=\s)"),
    re.compile(r",(?=\s)"),
    re.compile(r"(?<=\S)(?=\s)"),
)
_ALWAYS = {
    "no",
    "st",
    "jr",
    "sr",
    "inc",
    "co",
    "ltd",
    "corp",
    "vs",
    "approx",
    "est",
    "fig",
    "e.g",
    "i.e",
    "u.s",
    "u.k",
    "u.n",
    "a.m",
    "p.m",
    "mt",
    "ft",
}


@cache
def _abbreviations() -> frozenset[str]:
    lex = lexicon()
    titles = {t.rstrip(".") for t in lex.titles if len(t.rstrip(".")) <= 5}
    months = {m for m in lex.months if len(m) <= 4}
    return frozenset(titles | months | _ALWAYS)


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Character spans of the sentences of text[start:end], whitespace trimmed."""
    end = len(text) if end is None else end
    spans = []
    begin = start
    for m in _END.finditer(text, start, end):
        if m.group().startswith(".") and _abbreviated(text, begin, m.start()):
            continue
        spans.append((begin, m.end()))
        begin = m.end()
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end:
        spans.append((begin, end))
    spans = [piece for s, e in spans for piece in _at_spoken_clauses(text, s, e)]
    return [trimmed for s, e in _without_datelines(text, spans) if (trimmed := _trim(text, s, e, left=False))]


def _at_spoken_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span cut after each semicolon whose clause opens with its speaker ("; officials
    said", "; Paiporta mayor says", "; the ministry's spokesman, Ali Khan, said")."""
    out = []
    for m in _SEMICOLON.finditer(text, start, end):
        words = _WORD.findall(text, m.end(), min(end, m.end() + _SPEAKER_CHARS))
        verb = next((n for n, w in enumerate(words[1 : _SPEAKER_WORDS + 1], 1) if w in lexicon().saying_forms), 0)
        # "... 120,000 marchers; police put it at 35,000": a clause that speaks of what came
        # before it stays with it
        if verb and not set(words[verb + 1 : verb + 3]) & _BACK:
            out.append((start, m.end()))
            start = m.end()
    return [*out, (start, end)]


_SEMICOLON = re.compile(r";\s+")
_WORD = re.compile(r"[\w'’.-]+")
#: A speaker before the verb: a name, a title, an appositive ("the ministry's spokesman,
#: Ali Khan, said") of at most so many words and characters.
_SPEAKER_WORDS = 7
_SPEAKER_CHARS = 80
#: Words right after the verb that point back to the clause before the semicolon.
_BACK = frozenset({"it", "its", "this", "them"})


def _without_datelines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` with an opening dateline cut off each into a span of its own."""
    out = []
    for start, end in spans:
        m = _DATELINE.match(text, start, end)
        if m and m.end() < end:
            out.append((start, m.end()))
            start = m.end()
        out.append((start, end))
    return out


def bounded_spans(
    text: str,
    spans: Sequence[tuple[int, int]],
    keep: Sequence[tuple[int, int]] = (),
    limit: int = MAX_UNIT_CHARS,
) -> list[tuple[int, int]]:
    """`spans` with every span longer than `limit` cut into pieces of at most `limit`
    characters, never inside one of the sorted, non-overlapping `keep` spans (figures)."""
    starts = [s for s, _ in keep]
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > limit:
            cut = _cut(text, start, start + limit, keep, starts)
            if piece := _trim(text, start, cut):
                out.append(piece)
            start = cut
        if piece := _trim(text, start, end):
            out.append(piece)
    return out


def _cut(text: str, start: int, stop: int, keep: Sequence[tuple[int, int]], starts: list[int]) -> int:
    """Where to end a piece that begins at `start` and may not reach past `stop`: after the
    last boundary of the strongest kind in its second half, outside every kept span."""
    low = start + (stop - start) // 2
    for boundary in _BOUNDARIES:
        for m in reversed(list(boundary.finditer(text, low, stop))):
            if not _inside(m.end(), keep, starts):
                return m.end()
    cut = stop
    i = bisect_right(starts, cut) - 1
    if i >= 0 and keep[i][0] < cut < keep[i][1]:
        cut = keep[i][0] if keep[i][0] > start else min(keep[i][1], len(text))
    return cut


def _inside(pos: int, keep: Sequence[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect_right(starts, pos) - 1
    return i >= 0 and keep[i][0] < pos < keep[i][1]


def _trim(text: str, start: int, end: int, left: bool = True) -> tuple[int, int] | None:
    """The span without its trailing (and, when `left`, leading) whitespace; None if empty."""
    while left and start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _abbreviated(text: str, begin: int, dot: int) -> bool:
    word = _LAST_WORD.search(text, max(begin, dot - _WORD_LOOKBACK), dot)
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    return token in _abbreviations() or (len(token) == 1 and token.isalpha())
