"""`crosstally.maxout`: thinc's maxout values bit for bit, without the argmax, and only
while the stand-ins predict."""

from __future__ import annotations

from types import SimpleNamespace

import numpy
import pytest
from thinc.api import NumpyOps

from crosstally import ExtractOptions
from crosstally.embeddings import DistinctEmbed
from crosstally.maxout import MaxoutOps, predicting_with
from crosstally.nlp import load_parser


@pytest.mark.parametrize("pieces", [2, 3, 4])
def test_the_maximum_is_thincs_bit_for_bit(pieces):
    X = numpy.random.default_rng(pieces).standard_normal((500, 96, pieces)).astype("float32")
    best, which = MaxoutOps().maxout(X)
    assert which is None
    expected = NumpyOps(use_blis=False).maxout(X)[0]
    assert best.tobytes() == expected.tobytes()


@pytest.mark.parametrize("special", [0.0, -0.0, numpy.nan])
def test_zeros_and_nans_are_left_to_thinc(special):
    X = numpy.random.default_rng(0).standard_normal((50, 8, 3)).astype("float32")
    X[3, 2] = [-0.0, special, -0.0]
    X[7, 1] = [special, -1.0, -2.0]
    best, which = MaxoutOps().maxout(X)
    expected, expected_which = NumpyOps(use_blis=False).maxout(X)
    assert best.tobytes() == expected.tobytes()
    assert which is not None and (which == expected_which).all()


def test_only_the_stand_ins_predict_with_it(nlp, monkeypatch):
    parser = load_parser(ExtractOptions().model)
    embed = next(c._model for _, c in parser._stages if isinstance(getattr(c, "_model", None), DistinctEmbed))
    layers = embed._maxouts
    assert layers and all(type(layer.ops) is NumpyOps for layer in layers)
    docs = [nlp.make_doc(t) for t in ("Police said 40 people died on Sunday.", "About 1,200 homes were lost.")]
    ours = embed.predict(docs)
    assert all(type(layer.ops) is NumpyOps for layer in layers)  # given back after
    monkeypatch.setattr(embed, "_maxouts", [])  # thinc's own maxout
    theirs = embed.predict(docs)
    assert [a.tobytes() for a in ours] == [b.tobytes() for b in theirs]


def test_predicting_with_gives_the_layers_their_ops_back_after_a_failure():
    own = NumpyOps(use_blis=False)
    layer = SimpleNamespace(ops=own)  # what `predicting_with` reads of a layer
    with pytest.raises(RuntimeError), predicting_with([layer], MaxoutOps()):
        assert isinstance(layer.ops, MaxoutOps)
        raise RuntimeError
    assert layer.ops is own
