"""The running quantity a figure is the level of, read from the words rather than the parse.

News names a running quantity (a toll, a tally, a count, the number of ...) and gives its
level: in the same sentence ("The number of people unaccounted for after the quake jumped
on Monday to 332", where the parser may take "the quake jumped" for a clause), or in the
next, through "it" ("The tally has moved the other way. It jumped to 323"). The quantity is
read from the raw text, so both extraction paths find the same one without parsing more.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon

#: How far back the previous sentence is looked for.
LOOKBACK_CHARS = 400
_PRONOUNS = ("it", "this", "that")
_QUANTITY = re.compile(
    r"\b(?:the|its|their|this|that|a|an)\s+"
    r"((?:[\w'’-]+\s+){0,3}?(?:toll|tally|count|number|total|figure|estimate|list)(?:\s+of\s+[\w\s'’-]{1,60}?)?)"
    r"(?:\s+(?:has|had|have|is|was|were|rose|climbed|stood|stands|jumped|fell|reached|moved|went|kept|continued|"
    r"on|in|at|for)\b|\s*[.,;:]|\s*$)",
    re.IGNORECASE,
)
_LEVEL_VERB = (
    r"(?:has |have |had )?(?:been )?(?:jumped|rose|risen|climbed|reached|stood|stands|fell|dropped|increased|"
    r"decreased|grew|soared|went up|edged up|put at|set at|estimated at|revised)\b"
)
_OPENING_QUANTITY = re.compile(
    r"\W*(?:the|its|their)\s+((?:[\w-]+\s+){0,2}?(?:toll|tally|count|number|total)\s+of\s+[^,;]{1,80}?)"
    r"(?:\s+(?:after|since|following|from|in)\b[^,;]{0,80}?)?\s" + _LEVEL_VERB,
    re.IGNORECASE,
)
#: "Of the 275 dead, 88 had been identified": a sentence that opens with the whole its figures divide.
_FRONTED_WHOLE = re.compile(
    r"\W*(?:of|among)\s+(?:the|those|these)\s+(?:[\d,.]+\s+)?((?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*)\s*,",
    re.IGNORECASE,
)
_REPORTED_CLAUSE = re.compile(r"\bthat\s+(?=(?:the|its|their)\b)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+")


def is_pronoun(token) -> bool:
    return token is not None and token.lower_ in _PRONOUNS and token.pos_ == "PRON"


def quantity_antecedent(text: str, sentence_start: int, lex: Lexicon) -> tuple[str, str | None] | None:
    """(counted phrase, category or None) of the quantity the sentence before
    `sentence_start` names ("the death toll", "the tally of people unaccounted for")."""
    before = text[max(0, sentence_start - LOOKBACK_CHARS) : sentence_start].rstrip()
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]
    previous = before[ends[-1] :] if ends else before
    matches = list(_QUANTITY.finditer(previous))
    if not matches:
        return None
    phrase = matches[-1].group(1).strip()
    # "the ministry's count stood at 149 dead": a count named by whose it is takes the
    # state its first level gives
    return phrase, category_of_words(phrase, lex) or category_of_words(previous[matches[-1].end() :][:40], lex)


def fronted_whole(sentence: str, at: int, lex: Lexicon) -> tuple[str, str] | None:
    """(counted phrase, category) of the whole a sentence opens with when the figure at
    offset `at` is a part of it ("Of the 275 dead, 88 had been identified"; "Among those
    injured, 40 were children"); None when the opening names no state."""
    m = _FRONTED_WHOLE.match(sentence)
    if m is None or m.end() > at:
        return None
    phrase = m.group(1).strip()
    category = category_of_words(phrase, lex)
    return (phrase, category) if category else None


def category_of_words(phrase: str, lex: Lexicon) -> str | None:
    """The category the words name: a state adjective ("dead"), a noun of a state
    ("deaths", "death toll"), a place people are in that says their state ("hospital")."""
    words = [w.lower() for w in re.findall(r"[\w-]+", phrase)]
    for word in words:
        if word in lex.category_adjs:
            return lex.category_adjs[word]
    for first, second in zip(words, words[1:], strict=False):
        if f"{first} {second}" in lex.category_nouns:
            return lex.category_nouns[f"{first} {second}"]
    for word in reversed(words):
        for key in (word, singular_of(word)):
            if key in lex.category_nouns:
                return lex.category_nouns[key]
    for word in words:  # "the number of people treated in hospital"
        if word in lex.category_places:
            return lex.category_places[word]
    return None


def singular_of(word: str) -> str:
    """A lower-case plural's singular, by rule: "bodies" → "body", "tallies" → "tally",
    "deaths" → "death"; "loss" stays."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def opening_quantity(sentence: str, at: int, lex: Lexicon) -> tuple[str, str] | None:
    """(counted phrase, category) of the quantity a sentence, or a clause it reports, opens
    with when the figure at offset `at` is its new level: "The number of people unaccounted
    for after the quake jumped on Monday to 332"."""
    # at the sentence's start, or a clause's that reports it ("Menth said on Tuesday that the
    # number of bodies recovered rose to 17")
    starts = [0, *(m.end() for m in _REPORTED_CLAUSE.finditer(sentence, 0, at))]
    m = next((m for m in (_OPENING_QUANTITY.match(sentence, s) for s in starts) if m and m.end() <= at), None)
    if m is None:
        return None
    phrase = m.group(1).strip()
    category = category_of_words(m.group(0), lex)  # "people treated in hospital after ...": all of it
    return (phrase, category) if category else None
