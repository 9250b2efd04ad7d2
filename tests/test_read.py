"""Reading documents: every format, and bad input reported with file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosstally.errors import (
    BinaryDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    MalformedRecordError,
    MissingInputError,
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
    good = tmp_path / "good.txt"
    good.write_text("At least 40 people died in the floods, police said on Monday.\n")
    missing, doc = read_all(tmp_path / "nope.txt", good)
    assert isinstance(missing, MissingInputError) and "nope.txt" in str(missing)
    assert isinstance(doc, Document) and doc.id == "good.txt"


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


ENGLISH = "Floods kill 40 in valley\nAt least 40 people died in the floods, police said on Monday.\n"


@pytest.mark.parametrize(
    "encoding, bom",
    [
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
        ("utf-32-le", b"\xff\xfe\x00\x00"),
        ("utf-32-be", b"\x00\x00\xfe\xff"),
        ("utf-32-le", b""),
        ("utf-32-be", b""),
    ],
)
def test_utf16_and_utf32_with_or_without_bom(tmp_path: Path, encoding: str, bom: bytes):
    path = tmp_path / "wide.txt"
    path.write_bytes(bom + ENGLISH.replace("valley", "vallée").encode(encoding))
    (doc,) = read_all(path)
    assert isinstance(doc, Document), doc
    assert doc.text.startswith("Floods kill 40 in vallée") and "\ufeff" not in doc.text
    assert doc.title == "Floods kill 40 in vallée"


def test_utf16_jsonl_records(tmp_path: Path):
    path = tmp_path / "wide.jsonl"
    line = json.dumps({"text": "At least 40 people died, police said.", "title": "Floods"})
    path.write_bytes(("\n".join([line, line.replace("40", "41")]) + "\n").encode("utf-16"))
    docs = read_all(path)
    assert [d.line for d in docs] == [1, 2] and all(isinstance(d, Document) for d in docs)


def test_binary_is_still_binary(tmp_path: Path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(256)) * 8)
    (item,) = read_all(path)
    assert isinstance(item, BinaryDocumentError)


def test_jsonl_splits_records_on_newline_only(tmp_path: Path):
    path = tmp_path / "sep.jsonl"
    odd = "At least 40 people died,\u2028police said\u0085 on\x0cMonday."
    records = [{"text": odd, "id": "a"}, {"text": "Another 12 people were hurt, officials said.", "id": "b"}, "oops"]
    lines = [json.dumps(r, ensure_ascii=False) if isinstance(r, dict) else r for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    first, second, bad = read_all(path)
    assert isinstance(first, Document) and first.text == odd and first.line == 1
    assert isinstance(second, Document) and second.line == 2
    assert isinstance(bad, MalformedRecordError) and bad.line == 3


def test_language_recorded_and_non_english_warned_once(tmp_path: Path):
    en = tmp_path / "en.txt"
    en.write_text(ENGLISH)
    fr = tmp_path / "fr.txt"
    fr.write_text("Les autorités ont annoncé samedi que 5 300 personnes avaient été évacuées de la ville.\n")
    ar = tmp_path / "ar.txt"
    ar.write_text("قال مسؤولون في المدينة إن ثلاثمائة شخص لقوا حتفهم في الفيضانات يوم الاثنين\n")
    english, french, arabic = read_all(en, fr, ar)
    assert english.language == "en" and english.warnings == ()
    assert french.language == "fr"
    assert [w for w in french.warnings if "French" in w] == [french.warnings[0]] and len(french.warnings) == 1
    assert arabic.language == "ar" and len(arabic.warnings) == 1 and "Arabic" in arabic.warnings[0]


def test_jsonl_metadata_that_is_not_text_is_dropped_not_stored_as_a_repr(tmp_path: Path):
    path = tmp_path / "odd.jsonl"
    record = {"text": "Police said 40 people died.", "title": {"a": 1}, "outlet": ["x"], "url": 7, "id": {"x": 1}}
    path.write_text(json.dumps(record) + "\n")
    (doc,) = read_all(path)
    assert doc.title is None and doc.outlet is None and doc.url == "7" and doc.id == "odd.jsonl:1"
    assert any("title, outlet, id not text" in w for w in doc.warnings)
