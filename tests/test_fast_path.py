"""The fast path (parse only the units with candidates) gives exactly the full output,
on real reports as published and on the same reports run together without full stops
(over-long units cut at clause boundaries); and both give exactly what they give with
spaCy's own components in place of the stand-ins extraction runs (`crosstally.nlp`)."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import pytest

from crosstally import ExtractOptions
from crosstally.extract import DocumentText, extract_many
from crosstally.extract.stream import DocumentJob
from crosstally.nlp import Parser, load_pipeline
from crosstally.read import Document, read_paths

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _corpus(extra: list[Path]) -> list[DocumentText]:
    examples = resources.files("crosstally") / "examples"
    paths = [Path(str(examples / "derna-floods.jsonl")), *extra]
    docs = [d for d in read_paths(paths) if isinstance(d, Document)]
    filler = "The talks went on late into the night without agreement.\n" * 3
    texts = [DocumentText(filler + d.text + "\n" + filler, d.id) for d in docs]
    run_on = " ".join(d.text.replace(".", "").replace("\n", " ") for d in docs)
    return [*texts, DocumentText(run_on, "run-on")]


@pytest.fixture(scope="module")
def corpus() -> list[DocumentText]:
    extra = [SHARED / "seeds", *sorted(SHARED.glob("gold/stories/*/docs"))]
    return _corpus([p for p in extra if p.exists()])


def test_fast_equals_full(nlp, corpus):
    fast = list(extract_many(corpus, ExtractOptions(fast=True)))
    full = list(extract_many(corpus, ExtractOptions(fast=False)))
    assert sum(len(c) for c in fast) > 20
    assert fast == full


def test_the_stand_ins_give_the_claims_of_spacys_own_components(nlp, corpus, monkeypatch):
    ours = list(extract_many(corpus, ExtractOptions(fast=True)))
    extract_module = sys.modules[extract_many.__module__]
    monkeypatch.setattr(extract_module, "load_parser", lambda model: Parser(load_pipeline(model), {}))
    theirs = list(extract_many(corpus, ExtractOptions(fast=True)))
    assert sum(len(c) for c in ours) > 20
    assert ours == theirs


@pytest.mark.parametrize("batch_size", [4, 64])
def test_context_parsed_in_a_later_batch_gives_the_same_claims(nlp, corpus, monkeypatch, batch_size):
    """Units asked for as context join the stream's next batch (or, after the last, are
    parsed on the spot); the claims are those of parsing every unit."""
    job_class = DocumentJob
    taken = []
    original = job_class.take_context
    monkeypatch.setattr(job_class, "take_context", lambda job, v, doc: (taken.append(v), original(job, v, doc)))
    fast = list(extract_many(corpus, ExtractOptions(fast=True, batch_size=batch_size)))
    assert taken, "no unit waited for its context"
    assert fast == list(extract_many(corpus, ExtractOptions(fast=False)))


def test_a_document_asking_for_context_again_and_again_holds_at_most_a_batch(nlp, monkeypatch):
    """Each "He said" sends back to the sentences before it; a document waiting that often
    parses its context on the spot once a batch of its parses waits, so the parses held
    stay bounded, and the claims are those of parsing every unit."""
    sentences = [
        "Floods hit Derna on Sunday.",
        "Rescuers were still searching the port.",
        "The mayor, Abdulmenam al-Ghaithi, spoke to reporters.",
        "He said 40 people were missing and 12 had died.",
    ]
    item = DocumentText(" ".join(sentences * 60), "long")
    job_class = DocumentJob
    held = []
    original = job_class.read
    monkeypatch.setattr(job_class, "read", lambda job, u, doc: (original(job, u, doc), held.append(len(job._parsed))))
    fast = list(extract_many([item], ExtractOptions(fast=True, batch_size=8)))
    assert max(held) <= 9
    assert sum(len(c) for c in fast) >= 120
    assert fast == list(extract_many([item], ExtractOptions(fast=False)))
