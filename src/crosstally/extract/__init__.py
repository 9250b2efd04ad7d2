"""Figure-claim extraction: raw text in, `Claim` records out.

The scanner (`numbers`) finds candidate figures in the raw text; only the paragraphs
that hold one, and the paragraph before each (for attribution), go through spaCy,
batched with `nlp.pipe`. Every rule downstream reads one paragraph and its predecessor,
so parsing everything (`ExtractOptions(fast=False)`) gives exactly the same claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from ..claims import Claim
from ..errors import InvalidOptionError
from ..lexicon import lexicon
from ..nlp import load_pipeline
from ..options import ExtractOptions
from .attribution import Attribution, attribute, name_of
from .names import NameIndex
from .numbers import Figure, scan
from .syntax import (
    category,
    counted_token,
    governing_verbs,
    location,
    phrase_text,
    rate_unit,
    top_of_number,
)
from .timeref import resolve, time_phrase

__all__ = ["extract", "extract_many", "DocumentText"]

_NOT_COUNTS = {"DATE", "TIME", "ORDINAL", "LAW", "EVENT", "WORK_OF_ART", "FAC", "PRODUCT", "PERSON"}


@dataclass(frozen=True)
class DocumentText:
    """What extraction needs of a document: its text, id and publication date."""

    text: str
    doc_id: str = "-"
    published: date | None = None


def extract(
    text: str,
    doc_id: str = "-",
    published: date | str | None = None,
    options: ExtractOptions | None = None,
) -> list[Claim]:
    """Every figure claim in `text`, in document order."""
    item = DocumentText(text, doc_id, _as_date(published))
    return next(extract_many([item], options))


def extract_many(items: Iterable[DocumentText], options: ExtractOptions | None = None) -> Iterator[list[Claim]]:
    """Claims for each document, in order; spaCy batches paragraphs across documents."""
    options = options or ExtractOptions()
    nlp = load_pipeline(options.model)
    batch: list[tuple[DocumentText, list[Figure], list[tuple[int, int]], list[int]]] = []
    for item in items:
        figures, _ = scan(item.text)
        blocks = paragraphs(item.text)
        batch.append((item, figures, blocks, _blocks_to_parse(figures, blocks, options.fast)))
        if sum(len(b[3]) for b in batch) >= options.batch_size * 4:
            yield from _run(nlp, batch, options)
            batch = []
    if batch:
        yield from _run(nlp, batch, options)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of the non-empty lines of `text`: the unit that is parsed."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]


def _blocks_to_parse(figures: list[Figure], blocks: list[tuple[int, int]], fast: bool) -> list[int]:
    if not fast:
        return list(range(len(blocks)))
    needed: set[int] = set()
    b = 0
    for fig in figures:
        while b < len(blocks) and blocks[b][1] <= fig.core_start:
            b += 1
        if b < len(blocks):
            needed.update((b, b - 1) if b else (b,))
    return sorted(needed)


def _run(nlp, batch, options: ExtractOptions) -> Iterator[list[Claim]]:
    texts = [item.text[blocks[i][0] : blocks[i][1]] for item, _, blocks, todo in batch for i in todo]
    parsed = iter(nlp.pipe(texts, batch_size=options.batch_size))
    for item, figures, blocks, todo in batch:
        docs = {i: next(parsed) for i in todo}
        yield _claims_for(item, figures, blocks, docs)


def _claims_for(item: DocumentText, figures: list[Figure], blocks, docs) -> list[Claim]:
    names = NameIndex.build(item.text)
    claims: list[Claim] = []
    by_block: dict[int, list[Figure]] = {}
    b = 0
    for fig in figures:
        while b < len(blocks) and blocks[b][1] <= fig.core_start:
            b += 1
        if b < len(blocks):
            by_block.setdefault(b, []).append(fig)
    for b, block_figures in sorted(by_block.items()):
        doc = docs[b]
        offset = blocks[b][0]
        context = _speakers(docs.get(b - 1), names) if b - 1 in docs else []
        for sent in doc.sents:
            in_sent = [f for f in block_figures if sent.start_char <= f.core_start - offset < sent.end_char]
            for fig in in_sent:
                claim = _claim(item, fig, sent, offset, names, context)
                if claim is not None:
                    claims.append(claim)
            context = [*context, _sentence_speaker(sent, names, context)]
    return claims


def _speakers(doc, names: NameIndex) -> list[Attribution]:
    """Who speaks in each sentence of a paragraph (for the next paragraph's pronouns)."""
    found: list[Attribution] = []
    for sent in doc.sents:
        found.append(_sentence_speaker(sent, names, found))
    return found


def _sentence_speaker(sent, names: NameIndex, previous: list[Attribution]) -> Attribution:
    """Who speaks in a sentence; failing that, the last person it names (for "he"/"she")."""
    lex = lexicon()
    spoken = attribute(sent, sent.root, names, lex, previous)
    if spoken.source:
        return spoken
    people = [e for e in sent.ents if e.label_ == "PERSON"]
    if people:
        return Attribution(names.fullest(people[-1].text), None, None, True, named_only=True)
    return Attribution()


def _claim(
    item: DocumentText, fig: Figure, sent, offset: int, names: NameIndex, context: list[Attribution]
) -> Claim | None:
    lex = lexicon()
    doc = sent.doc
    span = doc.char_span(fig.core_start - offset, fig.core_end - offset, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    top = top_of_number(span)
    if not _syntax_allows(fig, span, top):
        return None
    noun = counted_token(top, fig.kind, lex)
    mention = doc.char_span(fig.start - offset, fig.end - offset, alignment_mode="expand")
    figure_tokens = range(mention.start, mention.end) if mention else range(span.start, span.end)
    if noun is not None and noun.i not in figure_tokens:
        c_start, c_end = phrase_text(noun, figure_tokens)
        counted = doc.text[c_start:c_end]
    else:
        noun, counted = None, ""
    if noun is not None and _counts_speakers(fig, noun, lex):
        return None
    verbs = governing_verbs(noun if noun is not None else top)
    who = attribute(sent, top, names, lex, context)
    kind_of = category(fig.kind, noun, top, verbs, lex)
    if not counted and fig.kind == "count" and kind_of == "other":
        return None
    timing_verbs = verbs + ([doc[who.verb_i]] if who.verb_i is not None else [])
    when = time_phrase(sent, top, timing_verbs, (fig.start - offset, fig.end - offset))
    time_text = when[0] if when else None
    return Claim(
        doc=item.doc_id,
        start=fig.start,
        end=fig.end,
        mention=item.text[fig.start : fig.end],
        value=fig.value,
        value_max=fig.value_max,
        qualifier=fig.qualifier,
        unit=fig.unit,
        per=rate_unit(sent, top, noun, verbs, lex),
        counted=counted,
        category=kind_of,
        source=who.source,
        via=who.via,
        time_text=time_text,
        date=resolve(time_text, item.published),
        location=location(sent, noun, verbs),
        evidence_start=offset + sent.start_char,
        evidence_end=offset + sent.end_char,
    )


def _counts_speakers(fig: Figure, noun, lex) -> bool:
    """ "two officials said", "one witness told": a count of who speaks, not a claim."""
    return (fig.in_words or fig.value < 10) and noun.dep_ == "nsubj" and noun.head.lemma_.lower() in lex.reporting_verbs


def _syntax_allows(fig: Figure, span, top) -> bool:
    """What the parse shows a scanned number is not: a name, a date, a pronoun."""
    if fig.kind == "count" and any(t.ent_type_ in _NOT_COUNTS for t in span):
        return False
    if fig.kind == "count" and fig.in_words and fig.value == 1 and fig.qualifier == "exact":
        return top.dep_ == "nummod" and top.head.pos_ == "NOUN"
    if fig.year_like:
        return top.dep_ == "nummod" and top.head.tag_ in ("NNS", "NNPS")
    return True


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise InvalidOptionError(f"not a date: {value!r}", hint="use YYYY-MM-DD") from exc


def explain_source(head, text: str) -> str | None:
    """The name crosstally would give the noun phrase headed by `head` (for debugging)."""
    named = name_of(head, NameIndex.build(text), lexicon())
    return named[0] if named else None
