"""Reading documents: every format, and bad input reported with file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosstally.errors import (
    BinaryDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    InputNotFoundError,
    MalformedRecordError,
    UnsupportedFormatError,
)
from crosstally.read import Document, read_paths


def read_all(*paths, **kwargs):
    return list(read_paths([str(p) for p in paths], **kwargs))


def test_text_file_title_from_headline(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("Floods kill 40 in valley\nAt least 40 people died, police said.\n")
    (doc,) = read_all(path)
    assert isinstance(doc, Document)
    assert doc.id == "a.txt" and doc.title == "Floods kill 40 in valley"


def test_directory_is_read_recursively(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("One text.")
    (tmp_path / "sub" / "b.md").write_text("Another text.")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    docs = read_all(tmp_path)
    assert sorted(d.id for d in docs) == ["a.txt", "b.md"]


def test_jsonl_records_with_metadata_and_bad_lines(tmp_path: Path):
    path = tmp_path / "feed.jsonl"
    good = {
        "id": "r1",
        "text": "Some 300 homes burned.",
        "title": "Fire",
        "outlet": "Daily",
        "url": "https://example.org/1",
        "published": "2024-05-02",
    }
    path.write_text(
        json.dumps(good)
        + "\n{not json\n"
        + json.dumps({"title": "no text"})
        + "\n"
        + json.dumps({"text": "Two ships sank."})
        + "\n"
    )
    items = read_all(path)
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if not isinstance(i, Document)]
    assert [d.id for d in docs] == ["r1", "feed.jsonl:4"]
    assert docs[0].outlet == "Daily" and str(docs[0].published) == "2024-05-02"
    assert [(type(e), e.line) for e in errors] == [(MalformedRecordError, 2), (MalformedRecordError, 3)]
    assert "feed.jsonl:2" in str(errors[0])


def test_csv_records_and_missing_text_column(tmp_path: Path):
    good = tmp_path / "good.csv"
    good.write_text('id,title,text\nc1,Storm,"The storm killed 12 people, officials said."\n')
    bad = tmp_path / "bad.csv"
    bad.write_text("title,body\nx,y\n")
    items = read_all(good, bad)
    assert items[0].id == "c1" and "12 people" in items[0].text
    assert isinstance(items[1], MalformedRecordError) and "text" in items[1].message


def test_binary_empty_and_huge_files_fail_alone(tmp_path: Path):
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "big.txt").write_text("x" * 5000)
    (tmp_path / "ok.txt").write_text("Forty people died.")
    items = read_all(tmp_path, max_bytes=1000)
    kinds = {Path(getattr(i, "path", "") or "").name: type(i) for i in items}
    assert kinds["bin.txt"] is BinaryDocumentError
    assert kinds["empty.txt"] is EmptyDocumentError
    assert kinds["big.txt"] is DocumentTooLargeError
    assert kinds["ok.txt"] is Document


def test_non_utf8_is_decoded_with_a_warning(tmp_path: Path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Le bilan s'élève à 300 morts selon la préfecture, a déclaré le maire.".encode("cp1252"))
    (doc,) = read_all(path)
    assert "élève" in doc.text
    assert doc.warnings and "not UTF-8" in doc.warnings[0]


def test_unsupported_and_missing_paths(tmp_path: Path):
    path = tmp_path / "data.xlsx"
    path.write_bytes(b"PK")
    (item,) = read_all(path)
    assert isinstance(item, UnsupportedFormatError)
    with pytest.raises(InputNotFoundError):
        read_all(tmp_path / "nope.txt")


def test_real_html_pages(shared: Path):
    pages = sorted((shared / "corpus" / "html").glob("*.html"))
    docs = read_all(*pages)
    assert len(docs) == 2
    for doc in docs:
        assert isinstance(doc, Document)
        assert doc.title and "AirAsia" in doc.title or "QZ8501" in (doc.title or "")
        assert str(doc.published).startswith("2014-12")
        assert "Reuters" in (doc.outlet or "")
        assert "cookie" not in doc.text.lower()[:200]
        assert len(doc.text) > 500
