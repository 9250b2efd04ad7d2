"""Figure-claim extraction: raw text in, `Claim` records out.

The scanner (`numbers`) finds candidate figures in the raw text; the text is cut into
sentences by rule (`sentences`), and only the sentences that hold a candidate go through
spaCy, batched with `nlp.pipe`. The sentences before one are parsed only when a pronoun
or a continuation needs their speakers. Every rule reads a sentence and at most the
three before it, so parsing everything (`ExtractOptions(fast=False)`) gives exactly the
same claims.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from ..claims import Claim
from ..errors import ExtractionError, InvalidOptionError
from ..lexicon import lexicon
from ..nlp import load_pipeline
from ..options import ExtractOptions
from .attribution import Attribution, attribute
from .names import NameIndex
from .numbers import Figure, scan
from .sentences import sentence_spans
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

CONTEXT_UNITS = 3
_GENERIC_TOTALS = {"total", "figure", "tally", "count", "number"}
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


def extract_many(
    items: Iterable[DocumentText],
    options: ExtractOptions | None = None,
    on_error: Callable[[DocumentText, Exception], None] | None = None,
) -> Iterator[list[Claim]]:
    """Claims for each document, in order; spaCy batches sentences across documents.

    A document whose extraction fails raises `ExtractionError`, or, given `on_error`, is
    reported to it and yields no claims, so the rest of the batch goes on.
    """
    options = options or ExtractOptions()
    nlp = load_pipeline(options.model)
    batch: list[_Job] = []
    for item in items:
        figures, _ = scan(item.text)
        units = parse_units(item.text)
        batch.append(_Job(item, figures, units, _units_to_parse(figures, units, options.fast)))
        if sum(len(job.todo) for job in batch) >= options.batch_size * 4:
            yield from _run(nlp, batch, options, on_error)
            batch = []
    if batch:
        yield from _run(nlp, batch, options, on_error)


def parse_units(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of each non-empty line: the units that are parsed."""
    units = []
    for line in re.finditer(r"[^\n]*\S[^\n]*", text):
        units.extend(sentence_spans(text, line.start(), line.end()))
    return units


@dataclass
class _Job:
    item: DocumentText
    figures: list[Figure]
    units: list[tuple[int, int]]
    todo: list[int]


def _unit_of(figures: list[Figure], units: list[tuple[int, int]]) -> dict[int, list[Figure]]:
    found: dict[int, list[Figure]] = {}
    u = 0
    for fig in figures:
        while u < len(units) and units[u][1] <= fig.core_start:
            u += 1
        if u < len(units) and units[u][0] <= fig.core_start:
            found.setdefault(u, []).append(fig)
    return found


def _units_to_parse(figures: list[Figure], units: list[tuple[int, int]], fast: bool) -> list[int]:
    return sorted(_unit_of(figures, units)) if fast else list(range(len(units)))


def _run(nlp, batch: list[_Job], options: ExtractOptions, on_error) -> Iterator[list[Claim]]:
    texts = [job.item.text[job.units[i][0] : job.units[i][1]] for job in batch for i in job.todo]
    parsed = iter(nlp.pipe(texts, batch_size=options.batch_size))
    for job in batch:
        docs = {i: next(parsed) for i in job.todo}
        try:
            yield _claims_for(job, docs, nlp)
        except Exception as exc:
            if on_error is None:
                raise ExtractionError(f"extraction failed: {exc!r}", path=job.item.doc_id) from exc
            on_error(job.item, exc)
            yield []


class _Context(Sequence):
    """The speakers of the sentences before a figure: the previous units' (parsed only when
    a pronoun or a continuation asks for them) and the earlier sentences of its own."""

    def __init__(self, load, extra: tuple[Attribution, ...] = ()) -> None:
        self._load = load
        self._extra = extra
        self._items: list[Attribution] | None = None

    def _all(self) -> list[Attribution]:
        if self._items is None:
            self._items = [*self._load(), *self._extra]
        return self._items

    def __getitem__(self, index):
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())

    def plus(self, speaker: Attribution) -> _Context:
        return _Context(self._load, (*self._extra, speaker))


def _claims_for(job: _Job, docs: dict, nlp) -> list[Claim]:
    item = job.item
    names = NameIndex.build(item.text)
    claims: list[Claim] = []

    def parsed(u: int):
        if u not in docs:
            start, end = job.units[u]
            docs[u] = nlp(item.text[start:end])
        return docs[u]

    def earlier_speakers(u: int):
        def load() -> list[Attribution]:
            found: list[Attribution] = []
            for v in range(max(0, u - CONTEXT_UNITS), u):
                for sent in parsed(v).sents:
                    found.append(_sentence_speaker(sent, names, []))
            return found

        return load

    for u, unit_figures in sorted(_unit_of(job.figures, job.units).items()):
        doc = parsed(u)
        offset = job.units[u][0]
        context = _Context(earlier_speakers(u))
        for sent in doc.sents:
            previous_claim = claims[-1] if claims and _continues_figure(sent.text) else None
            for fig in (f for f in unit_figures if sent.start_char <= f.core_start - offset < sent.end_char):
                claim = _claim(item, fig, sent, offset, names, context, previous_claim)
                if claim is not None:
                    claims.append(claim)
                    previous_claim = claim
            context = context.plus(_sentence_speaker(sent, names, context))
    return claims


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
    item: DocumentText,
    fig: Figure,
    sent,
    offset: int,
    names: NameIndex,
    context: Sequence[Attribution],
    previous: Claim | None = None,
) -> Claim | None:
    """The claim for one figure, or None when the syntax shows it is none. `previous` is
    the claim before it in the sentence, whose counted noun an elliptical figure shares
    ("4.6 million people in May, down from 6 million")."""
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
    if noun is not None and lex.units.get(noun.lower_, ("", ""))[0] in ("measure", "calibre", "time"):
        return None
    verbs = governing_verbs(_clause_anchor(noun if noun is not None else top))
    who = attribute(sent, top, names, lex, context)
    kind_of = category(fig.kind, noun, top, verbs, lex)
    after = doc[mention.end] if mention is not None and mention.end < len(doc) else None
    if noun is None and after is not None and after.lower_ in lex.category_adjs:
        kind_of = lex.category_adjs[after.lower_]
    part_of_previous = noun is not None and noun.dep_ == "pobj" and noun.head.lower_ in ("including", "among")
    if part_of_previous and previous is not None and kind_of == "other":
        kind_of = previous.category
    generic = noun is not None and noun.lemma_.lower() in _GENERIC_TOTALS
    if (not counted or generic) and previous is not None and previous.counted and fig.unit == previous.unit:
        counted = previous.counted
        kind_of = previous.category if kind_of == "other" else kind_of
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


def _continues_figure(sentence: str) -> bool:
    """ "Another 5,000 are on standby.": a figure that continues the previous one."""
    return bool(re.match(r"[\"“‘']?\s*(?:another|a further|an additional|the other|the remaining)\b", sentence, re.I))


def _clause_anchor(token):
    """The noun whose clause says what happened: "people" in "seven people, including two
    children, were killed" for the children."""
    if (
        token.dep_ == "pobj"
        and token.head.lower_ in ("including", "among")
        and token.head.head.pos_ in ("NOUN", "PROPN")
    ):
        return token.head.head
    return token


def _counts_speakers(fig: Figure, noun, lex) -> bool:
    """ "two officials said", "one witness told": a count of who speaks, not a claim."""
    if not (fig.in_words or fig.value < 10):
        return False
    head = noun.head
    speaking = noun.dep_ == "nsubj" and head.lemma_.lower() in lex.reporting_verbs
    cited = noun.dep_ == "dobj" and head.lower_ in ("citing", "quoting")
    according = noun.dep_ == "pobj" and head.head.lower_ == "according"
    return speaking or cited or according


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
