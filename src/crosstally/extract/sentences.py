"""A cheap sentence splitter: the units that are parsed.

Rules, not a model, so that both extraction paths cut the text the same way: a sentence
ends at . ! or ? (and any closing quotes or brackets) before a space and a capital, a
digit or an opening quote — unless the word before the full stop is an abbreviation
("Dec.", "Gen.", "U.S.") or an initial.
"""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import lexicon

_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
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
    if begin < end and text[begin:end].strip():
        spans.append((begin, end))
    return [(s, e - (len(text[s:e]) - len(text[s:e].rstrip()))) for s, e in spans if text[s:e].strip()]


def _abbreviated(text: str, begin: int, dot: int) -> bool:
    word = re.search(r"([\w.]+)$", text[begin:dot])
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    return token in _abbreviations() or (len(token) == 1 and token.isalpha())
