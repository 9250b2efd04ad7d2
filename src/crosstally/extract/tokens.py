"""The tokens of a sentence that carry one of a few words, without making a spaCy `Token`
for every other one.

Rules that look through a whole sentence for a handful of words ("according", a place
preposition, a rate word, a reporting verb) spent most of their time building a `Token`
object and reading its string for each token they then skipped. The lowercase forms and
lemmas of a parse's tokens are read here once per parse (kept in the parse's
`user_data`, so they go with it) and the sentence is filtered on them; the tokens yielded
are those, in the order, that `for token in sent` with the same test would give.
"""

from __future__ import annotations

from collections.abc import Container, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_KEY = "crosstally.tokens"


def with_word(sent: Span, words: Container[str]) -> Iterator[Token]:
    """The tokens of `sent` whose lowercase form (`lower_`) is in `words`, in order."""
    lowers = _forms(sent.doc)[0]
    doc = sent.doc
    return (doc[i] for i in range(sent.start, sent.end) if lowers[i] in words)


def with_lemma(sent: Span, lemmas: Container[str]) -> Iterator[Token]:
    """The tokens of `sent` whose lemma, lowercased (`lemma_.lower()`), is in `lemmas`, in order."""
    lowered = _forms(sent.doc)[1]
    doc = sent.doc
    return (doc[i] for i in range(sent.start, sent.end) if lowered[i] in lemmas)


def _forms(doc: Doc) -> tuple[list[str], list[str]]:
    """Each token's lowercase form and lowercased lemma, read once per parse."""
    found = doc.user_data.get(_KEY)
    if found is None:
        strings = doc.vocab.strings
        lowers = [strings[h] for h in doc.to_array("LOWER").tolist()]
        lemmas = [strings[h].lower() for h in doc.to_array("LEMMA").tolist()]
        found = doc.user_data[_KEY] = (lowers, lemmas)
    return found
