"""Read documents from files: plain text, HTML pages, JSON Lines and CSV exports.

Each input yields `Document`s, or a `DocumentError` naming the file (and line) that
could not be read, so one bad input never stops a batch.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .errors import (
    BinaryDocumentError,
    DocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    MalformedRecordError,
    MissingInputError,
    UndecodableDocumentError,
    UnsupportedFormatError,
)

TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
RECORD_SUFFIXES = {".jsonl", ".ndjson", ".csv"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES
DEFAULT_MAX_BYTES = 20_000_000


@dataclass(frozen=True)
class Document:
    """A document's text and what is known about it."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    path: str | None = None
    line: int | None = None
    warnings: tuple[str, ...] = field(default=())
    language: str | None = None
    story: str | None = None


def read_paths(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | DocumentError]:
    """Documents from files, directories (recursively) and `-` (standard input).

    A path that does not exist yields a `MissingInputError` like any unreadable file, so
    one mistyped name among many never costs the rest of the batch.
    """
    for raw in paths:
        if str(raw) == "-":
            yield from _with_languages(
                _guard("<stdin>", lambda: _from_text_bytes(sys.stdin.buffer.read(), "stdin", "<stdin>", max_bytes))
            )
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUPPORTED and not child.name.startswith("."):
                    yield from read_file(child, max_bytes)
        elif path.is_file():
            yield from read_file(path, max_bytes)
        else:
            yield MissingInputError("no such file or directory", path=str(path), hint="check the path")


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | DocumentError]:
    """Documents in one file, by its suffix."""
    suffix = path.suffix.lower()
    name = str(path)
    if suffix not in SUPPORTED:
        yield UnsupportedFormatError(
            f"unsupported file type {suffix or '(none)'!r}",
            path=name,
            hint="use .txt, .md, .html, .jsonl or .csv",
        )
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentTooLargeError(
                f"file is {size:,} bytes, over the {max_bytes:,} limit",
                path=name,
                hint="split it or raise --max-bytes",
            )
        data = path.read_bytes()
    except DocumentError as exc:
        yield exc
        return
    except OSError as exc:
        yield DocumentError(f"cannot read: {exc.strerror}", path=name)
        return
    yield from read_bytes(data, path.name, name, max_bytes)


def read_bytes(
    data: bytes, filename: str, name: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | DocumentError]:
    """Documents from bytes already in memory (an upload), typed by `filename`'s suffix.

    Nothing here touches the file system: `filename` only names and types the input.
    """
    name = name or filename
    suffix = Path(filename).suffix.lower()
    if suffix not in SUPPORTED:
        yield UnsupportedFormatError(
            f"unsupported file type {suffix or '(none)'!r}", path=name, hint="use .txt, .md, .html, .jsonl or .csv"
        )
        return
    if len(data) > max_bytes:
        yield DocumentTooLargeError(f"input is {len(data):,} bytes, over the {max_bytes:,} limit", path=name)
        return
    doc_id = Path(filename).name
    if suffix in TEXT_SUFFIXES:
        items = _guard(name, lambda: _from_text_bytes(data, doc_id, name, max_bytes))
    elif suffix in HTML_SUFFIXES:
        items = _guard(name, lambda: _from_html_bytes(data, doc_id, name))
    elif suffix == ".csv":
        items = _records(data, name, doc_id, _csv_rows)
    else:
        items = _records(data, name, doc_id, _jsonl_rows)
    yield from _with_languages(items)


def with_language(doc: Document) -> Document:
    """The document with its detected language recorded, and one warning added when the
    language is not English (the rules read English)."""
    from dataclasses import replace

    from .language import detect_language, language_warning

    code = detect_language(doc.text)
    where = f"{doc.path}:{doc.line}" if doc.path and doc.line else (doc.path or doc.id)
    warning = language_warning(where, code)
    return replace(doc, language=code, warnings=doc.warnings + ((warning,) if warning else ()))


def _with_languages(items: Iterable[Document | DocumentError]) -> Iterator[Document | DocumentError]:
    for item in items:
        yield with_language(item) if isinstance(item, Document) else item


def _guard(name: str, make) -> Iterator[Document | DocumentError]:
    try:
        yield from make()
    except DocumentError as exc:
        if exc.path is None:
            exc.path = name
        yield exc


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 (with its byte order) told by a byte-order mark, or, without one,
    by where the zero bytes of mostly-Latin text fall; None for a byte-wide encoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return None if encoding == "utf-8-sig" else encoding
    head = data[:4096]
    head = head[: len(head) - len(head) % 4]
    if len(head) < 4 or b"\x00" not in head:
        return None
    columns = [head[i::4].count(0) / (len(head) // 4) for i in range(4)]
    if columns[1] > 0.9 and columns[2] > 0.9 and columns[3] > 0.9 and columns[0] < 0.5:
        return "utf-32-le"
    if columns[0] > 0.9 and columns[1] > 0.9 and columns[2] > 0.9 and columns[3] < 0.5:
        return "utf-32-be"
    odd, even = (columns[1] + columns[3]) / 2, (columns[0] + columns[2]) / 2
    if odd > 0.6 and even < 0.2:
        return "utf-16-le"
    if even > 0.6 and odd < 0.2:
        return "utf-16-be"
    return None


def _decode_wide(data: bytes, encoding: str, name: str) -> tuple[str, list[str]] | None:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    text = text.removeprefix("\ufeff")
    sample = text[:4096]
    if sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f") > len(sample) * 0.1:
        return None
    return text, [f"{name}: not UTF-8; decoded as {encoding.upper()}"]


def decode(data: bytes, name: str, declared: str | None = None) -> tuple[str, list[str]]:
    """Text from bytes: UTF-8, UTF-16 or UTF-32 (with or without a byte-order mark), else
    the declared or detected encoding (with a warning)."""
    if not data.strip():
        raise EmptyDocumentError("the document is empty", path=name)
    wide = _wide_encoding(data)
    if wide is not None:
        decoded = _decode_wide(data, wide, name)
        if decoded is not None:
            if not decoded[0].strip():
                raise EmptyDocumentError("the document holds only whitespace", path=name)
            return decoded
    head = data[:8192]
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if b"\x00" in head or controls > len(head) * 0.1:
        raise BinaryDocumentError(
            "binary data, not text", path=name, hint="give crosstally text, HTML, JSON Lines or CSV"
        )
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    candidates = [declared] if declared else []
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        if re.match(r"(cp125\d|iso8859_\d+|latin_\d)$", best.encoding):
            candidates.append("cp1252")
        candidates.append(best.encoding)
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
        return text, [f"{name}: not UTF-8; decoded as {encoding}"]
    raise UndecodableDocumentError(
        "the bytes are in no encoding crosstally recognises",
        path=name,
        hint="convert the file to UTF-8",
    )


def _from_text_bytes(data: bytes, doc_id: str, name: str, max_bytes: int) -> Iterator[Document]:
    if len(data) > max_bytes:
        raise DocumentTooLargeError(f"input is {len(data):,} bytes, over the limit", path=name)
    text, warnings = decode(data, name)
    if not text.strip():
        raise EmptyDocumentError("the document holds only whitespace", path=name)
    yield Document(doc_id, text, title=headline(text), path=name, warnings=tuple(warnings))


def headline(text: str) -> str | None:
    """The first line, when it reads as a headline (short, no closing full stop)."""
    first = text.strip().split("\n", 1)[0].strip()
    if 0 < len(first) <= 160 and not first.endswith((".", ":", ";", ",")) and "\n" in text.strip():
        return first
    return None


def _from_html_bytes(data: bytes, doc_id: str, name: str) -> Iterator[Document]:
    declared = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", data[:4096], re.I)
    html, warnings = decode(data, name, declared.group(1).decode() if declared else None)
    doc = html_document(html, doc_id, name)
    yield Document(
        doc.id,
        doc.text,
        doc.title,
        doc.outlet,
        doc.url,
        doc.published,
        name,
        warnings=tuple(warnings) + doc.warnings,
    )


def html_document(html: str, doc_id: str, name: str | None = None) -> Document:
    """Main text and metadata of an HTML page (trafilatura), without boilerplate."""
    import trafilatura

    result = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if result is None or len((getattr(result, "text", None) or "").split()) < 8:
        raise EmptyDocumentError(
            "no article text found in the HTML page", path=name, hint="is this a news article page?"
        )
    published, warnings = parse_published(getattr(result, "date", None), name)
    outlet = getattr(result, "sitename", None) or getattr(result, "hostname", None)
    return Document(
        doc_id,
        result.text,
        getattr(result, "title", None),
        outlet,
        getattr(result, "url", None),
        published,
        name,
        warnings=tuple(warnings),
    )


def parse_published(value, name: str | None = None) -> tuple[date | None, list[str]]:
    """A publication date from "YYYY-MM-DD" (a time after it is ignored), with a warning
    instead of an error when it cannot be read."""
    if value in (None, ""):
        return None, []
    if isinstance(value, date):
        return value, []
    try:
        return date.fromisoformat(str(value).strip()[:10]), []
    except ValueError:
        return None, [f"{name}: publication date {value!r} is not YYYY-MM-DD; ignored"]


def _records(data: bytes, name: str, file_id: str, rows) -> Iterator[Document | DocumentError]:
    try:
        text, warnings = decode(data, name)
    except DocumentError as exc:
        yield exc
        return
    for line, record in rows(text, name):
        if isinstance(record, DocumentError):
            yield record
            continue
        yield from _guard(
            name,
            lambda line=line, record=record: iter([_record_document(record, name, file_id, line, warnings)]),
        )


def _record_document(record: dict, name: str, file_id: str, line: int, warnings: list[str]) -> Document:
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise MalformedRecordError(
            "record has no 'text'",
            path=name,
            line=line,
            hint="every record needs a non-empty text field",
        )
    if re.search(r"<(?:p|div|html|body|br)\b", body[:2000], re.I):
        body = html_document(body, "", name).text
    published, more = parse_published(record.get("published"), f"{name}:{line}")
    doc_id = _str(record.get("id")) or f"{file_id}:{line}"
    odd = [key for key in ("title", "outlet", "url", "id", "story") if record.get(key) and _str(record[key]) is None]
    if odd:
        more.append(f"{name}:{line}: {', '.join(odd)} not text; ignored")
    return Document(
        doc_id,
        body,
        _str(record.get("title")),
        _str(record.get("outlet")),
        _str(record.get("url")),
        published,
        name,
        line,
        tuple(warnings + more),
        story=_str(record.get("story")),
    )


def _str(value) -> str | None:
    """A metadata field as text: strings and numbers only. An object or a list (a JSON
    record's `"title": {...}`) is dropped rather than stored as a Python repr."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return str(value).strip() or None


def _jsonl_rows(text: str, name: str):
    # Records end at "\n" only: str.splitlines() would also split at U+2028, U+0085 and
    # form feeds, which JSON allows raw inside a string, and shift every later line number.
    for number, raw in enumerate(text.split("\n"), start=1):
        raw = raw.removesuffix("\r")
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield (
                number,
                MalformedRecordError(
                    f"invalid JSON ({exc.msg})",
                    path=name,
                    line=number,
                    hint="one JSON object per line",
                ),
            )
            continue
        if not isinstance(record, dict):
            yield (
                number,
                MalformedRecordError("a line is not a JSON object", path=name, line=number),
            )
            continue
        yield number, record


def _csv_rows(text: str, name: str):
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "text" not in [f.strip() for f in reader.fieldnames]:
        yield (
            1,
            MalformedRecordError(
                "CSV has no 'text' column",
                path=name,
                line=1,
                hint="columns: text, and optionally title, outlet, url, published, id, story",
            ),
        )
        return
    try:
        for row in reader:
            line = reader.line_num
            if None in row:
                yield (
                    line,
                    MalformedRecordError("row has more fields than the header", path=name, line=line),
                )
                continue
            yield line, {k.strip(): v for k, v in row.items() if k}
    except csv.Error as exc:
        yield (
            reader.line_num,
            MalformedRecordError(f"malformed CSV ({exc})", path=name, line=reader.line_num),
        )
