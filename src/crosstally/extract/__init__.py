"""Figure-claim extraction: raw text in, `Claim` records out.

The scanner (`numbers`) finds candidate figures in the raw text; the text is cut into
units by rule (`sentences`: sentences, over-long ones cut at clause boundaries, so no unit
exceeds a fixed length), and only the units that hold a candidate go through spaCy,
streamed through the pipeline (`nlp.load_parser`). The units before one are parsed only
when a pronoun or a continuation needs their speakers, in the stream's next batch. Every
rule reads a unit and at most the three before it, so parsing everything
(`ExtractOptions(fast=False)`) gives exactly the same claims, and the cost grows linearly
with the length of a document.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from ..claims import Claim
from ..errors import InvalidOptionError
from ..nlp import load_parser
from ..options import ExtractOptions
from .stream import DocumentJob, DocumentText, parse_units

__all__ = ["extract", "extract_many", "DocumentText", "parse_units"]


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

    Units stream through the pipeline and each is read as soon as it is parsed, keeping
    only the last few parses of a document, so memory stays bounded whatever its length.
    A unit whose rules ask for earlier units that were not parsed waits for them: they
    join the stream's next batch (a batch of a few units costs several times as much per
    unit), and the document's later units wait behind it (at most a batch of them, past
    which the context is parsed on the spot). A document whose extraction
    fails raises `ExtractionError`, or, given `on_error`, is reported to it and yields no
    claims, so the rest of the batch goes on.
    """
    options = options or ExtractOptions()
    parser = load_parser(options.model)
    pending: deque[DocumentJob] = deque()
    asked: deque[tuple[DocumentJob, int]] = deque()

    def ask(job: DocumentJob, missing: list[int]) -> None:
        asked.extend((job, v) for v in missing)

    def units() -> Iterator[tuple[str, tuple[DocumentJob, int, bool]]]:
        for item in items:
            job = DocumentJob(item, parser, ask, patience=options.batch_size)
            pending.append(job)
            for u in job.plan(options.fast):
                while asked:
                    earlier, v = asked.popleft()
                    yield earlier.unit_text(v), (earlier, v, True)
                yield job.unit_text(u), (job, u, False)

    for doc, (job, u, is_context) in parser.pipe_with(units(), batch_size=options.batch_size):
        if is_context:
            job.take_context(u, doc)
        else:
            job.read(u, doc)
        while pending and pending[0].done:
            yield pending.popleft().result(on_error)
    while pending:  # what the last batch asked for is parsed on its own
        pending[0].finish()
        yield pending.popleft().result(on_error)


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise InvalidOptionError(f"not a date: {value!r}", hint="use YYYY-MM-DD") from exc
