"""Token vectors with the embedding stage computed once per distinct token in a batch.

spaCy's small English models embed each token from four of its attributes alone (norm,
prefix, suffix and shape: hash embeddings, concatenated, mixed by a maxout layer and
normalised) before the convolutional layers mix in its neighbours. The embedding is a
third of the token-to-vector cost, and in a batch of sentences only a third of the tokens
are distinct in those four attributes ("the", ",", "said", numbers of one shape), so
`DistinctEmbed` embeds each distinct row once and copies it to every token that has it;
the convolutions then run on all tokens as before, their maxout layers taking the
maximum over the pieces without the argmax thinc computes for training (`maxout`).

The vectors agree with spaCy's to float rounding, not bit for bit: the BLAS matrix
product rounds a row differently depending on how many rows the product has, as spaCy's
own vectors for a sentence already differ with the batch it is parsed in (so do the fast
path's and `--full-parse`'s). `tests/test_stand_ins.py` checks that every tag, parse,
lemma and entity of the real reports at hand is the same as spaCy's, and
`tests/test_fast_path.py` that the claims are.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import numpy

from .maxout import MaxoutOps, maxout_layers, predicting_with

if TYPE_CHECKING:
    from spacy.pipeline import Tok2Vec
    from spacy.tokens import Doc
    from thinc.api import Model

#: The layers of spaCy's MultiHashEmbed, in order.
_EMBED = ("extract_features", "list2ragged", "with_array", "with_array", "ragged2list")


class UnsupportedModel(ValueError):
    """A token-to-vector model that does not begin with spaCy's MultiHashEmbed."""


class DistinctEmbed:
    """Runs a token-to-vector model (a chain beginning with MultiHashEmbed) with the
    embedding computed once per distinct row of token features in a batch."""

    def __init__(self, model: Model) -> None:
        embed, self._rest = _split(model)
        self._features = embed.layers[0]
        self._row_layers = [embed.layers[2].layers[0], embed.layers[3].layers[0]]
        self._maxouts = maxout_layers([*self._row_layers, *self._rest])
        self._ops = MaxoutOps()

    def predict(self, docs: list[Doc]) -> Any:
        """What `model.predict(docs)` gives (to float rounding)."""
        return self.encode(self.embed(docs))

    def embed(self, docs: list[Doc]) -> list[numpy.ndarray]:
        """The embedding stage's vectors of each doc's tokens."""
        features = self._features.predict(docs)
        rows = numpy.ascontiguousarray(numpy.concatenate(features))
        # each distinct row, in the order first met, keyed by its bytes (cheaper to make
        # than a tuple of four 64-bit Python ints)
        keys = rows.view(numpy.dtype((numpy.void, rows.itemsize * rows.shape[1]))).ravel().tolist()
        first: dict[bytes, int] = {}
        where = [first.setdefault(key, len(first)) for key in keys]
        vectors = numpy.frombuffer(b"".join(first), dtype=rows.dtype).reshape((len(first), rows.shape[1]))
        with predicting_with(self._maxouts, self._ops):
            for layer in self._row_layers:
                vectors = layer.predict(vectors)
        return numpy.split(vectors[where], numpy.cumsum([len(f) for f in features])[:-1])

    def encode(self, embedded: list[numpy.ndarray]) -> Any:
        """The model's output from the embedding stage's vectors of some docs."""
        out: Any = embedded
        with predicting_with(self._maxouts, self._ops):
            for layer in self._rest:
                out = layer.predict(out)
        return out


def _split(model: Model) -> tuple[Model, list[Model]]:
    """The MultiHashEmbed chain at the start of `model` (a chain of chains), and the
    layers after it, in order."""
    from thinc.layers.chain import forward as chain

    if model._func is not chain:
        raise UnsupportedModel(f"no MultiHashEmbed at the start of {model.name!r}")
    if tuple(layer.name.split("(")[0] for layer in model.layers) == _EMBED:
        return model, []
    embed, rest = _split(model.layers[0])
    return embed, rest + list(model.layers[1:])


class DistinctEmbedTok2Vec:
    """spaCy's `Tok2Vec` component with its model run through `DistinctEmbed`."""

    def __init__(self, component: Tok2Vec) -> None:
        self._component = component
        self._model = DistinctEmbed(component.model)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        from spacy.util import minibatch

        for batch in minibatch(docs, size=batch_size):
            if any(len(doc) for doc in batch):
                self._component.set_annotations(batch, self._model.predict(batch))
            else:
                self._component.set_annotations(batch, self._component.predict(batch))
            yield from batch
