"""The fast path (parse only paragraphs with candidates) gives exactly the full output."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from crosstally import ExtractOptions
from crosstally.extract import DocumentText, extract_many
from crosstally.read import Document, read_paths


def _corpus(extra: list[Path]) -> list[DocumentText]:
    examples = resources.files("crosstally") / "examples"
    paths = [Path(str(examples / "derna-floods.jsonl")), *extra]
    docs = [d for d in read_paths(paths) if isinstance(d, Document)]
    filler = "The talks went on late into the night without agreement.\n" * 3
    return [DocumentText(filler + d.text + "\n" + filler, d.id) for d in docs]


def test_fast_equals_full(nlp, tmp_path: Path):
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    corpus = _corpus([seeds] if seeds.exists() else [])
    fast = list(extract_many(corpus, ExtractOptions(fast=True)))
    full = list(extract_many(corpus, ExtractOptions(fast=False)))
    assert sum(len(c) for c in fast) > 20
    assert fast == full
