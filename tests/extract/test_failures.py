"""One document whose extraction fails never stops the others."""

from __future__ import annotations

import importlib

import pytest

from crosstally.errors import ExtractionError
from crosstally.extract import DocumentText, extract_many

extraction = importlib.import_module("crosstally.extract.stream")


@pytest.fixture
def broken_for_doc_b(monkeypatch):
    real = extraction.claim_for

    def claim(item, *args, **kwargs):
        if item.doc_id == "b":
            raise RuntimeError("injected failure")
        return real(item, *args, **kwargs)

    monkeypatch.setattr(extraction, "claim_for", claim)


ITEMS = [
    DocumentText("Nine miners died, police said.", "a"),
    DocumentText("Two ships sank.", "b"),
    DocumentText("Some 300 homes burned, officials said.", "c"),
]


def test_on_error_reports_and_the_batch_goes_on(nlp, broken_for_doc_b):
    failed = []
    results = list(extract_many(ITEMS, on_error=lambda item, exc: failed.append(item.doc_id)))
    assert failed == ["b"]
    assert [len(r) for r in results] == [1, 0, 1]


def test_without_on_error_the_failure_is_named(nlp, broken_for_doc_b):
    with pytest.raises(ExtractionError) as info:
        list(extract_many(ITEMS))
    assert info.value.path == "b"
