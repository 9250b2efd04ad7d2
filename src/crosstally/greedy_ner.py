"""spaCy's entity recogniser with its greedy decoding loop run in numpy: the same model,
the same arithmetic from its features on, the same entities; the loop at about a quarter
of its cost.

The recogniser scores one token per step (begin, in, last, unit or out, per label) from
three precomputed feature vectors. spaCy 3.8's wheels run that loop in Cython, but every
read of the parse state there (`StateC::B`, called some 200 times a token to check which
moves are valid) takes and releases the GIL, a cost of their build (perf shows
`PyGILState_Ensure` inside `StateC::B`); the loop is two thirds of the recogniser's time
on the units extraction parses (docs/performance.md). Here every document of a batch
steps at once in numpy:

- the model runs on spaCy's sub-batches (each batch sorted by length, cut into quarters),
  its embedding stage once per distinct token (`embeddings.DistinctEmbed`, the same
  vectors to float rounding);
- from those precomputed features on, the arithmetic is spaCy's: each state's three
  feature vectors added one by one to zeros, then the bias, the hidden layer the maximum
  over its pieces, the scores from the same BLIS `sgemm` call spaCy makes;
- the move taken is the first best-scoring valid move, with spaCy's validity rules for a
  document whose entities are not preset (no entity across a sentence start the parser
  set, none starting on whitespace, B only before the last token, I and L only inside an
  open entity of their label).

A batch holding any preset entity annotation, or a recogniser configured otherwise (beam
search, unseen classes, post-processing hooks, other features), is left to spaCy's own
code. `tests/test_stand_ins.py` checks the entities equal spaCy's token for token.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import numpy

from .embeddings import DistinctEmbed, UnsupportedModel

if TYPE_CHECKING:
    from spacy.pipeline import EntityRecognizer
    from spacy.tokens import Doc

_MOVES = ("B", "I", "L", "U", "O")


class UnsupportedRecognizer(ValueError):
    """A recogniser this decoder cannot reproduce exactly."""


class GreedyNer:
    """Runs an `EntityRecognizer` component with the decoding loop in numpy."""

    def __init__(self, ner: EntityRecognizer) -> None:
        from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
        from thinc.api import NumpyOps

        model = ner.model
        if ner.cfg.get("beam_width", 1) != 1 or ner.postprocesses or model.attrs.get("unseen_classes"):
            raise UnsupportedRecognizer("beam search, unseen classes or post-processing")
        if not model.attrs.get("has_upper") or model.get_ref("lower").get_dim("nF") != 3:
            raise UnsupportedRecognizer("not the three-feature greedy recogniser")
        self._ner = ner
        tok2vec, self._lower, self._upper = model.layers
        try:
            self._tok2vec = DistinctEmbed(tok2vec)
        except UnsupportedModel:
            self._tok2vec = tok2vec
        self._blis = NumpyOps(use_blis=True)  # the sgemm spaCy's loop calls
        self._attrs = [SENT_START, IS_SPACE, ENT_IOB]
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        labels = sorted({n[2:] for n in names if len(n) > 2})
        self._labels = [ner.vocab.strings.add(label) for label in labels]
        #: per class: its move (index in _MOVES; -1 for the preset-only "U-") and label index
        self._move = numpy.array([_MOVES.index(n[0]) if n != "U-" else -1 for n in names])
        self._label = numpy.array([labels.index(n[2:]) if len(n) > 2 else -1 for n in names])
        self._mask = self._valid_masks()

    def _valid_masks(self) -> numpy.ndarray:
        """0 for a valid move and -inf for an invalid one, per class, for each kind of
        state: rows 0-3 no entity open, by whether the next token may continue one (it
        exists and starts no sentence) and whether this one is whitespace; then two rows
        per label, an entity of that label open, by whether the next token may continue it."""
        move, label = self._move, self._label
        b, i, last, u, o = (move == m for m in range(len(_MOVES)))
        rows = []
        for go_on in (False, True):
            for space in (False, True):
                rows.append((b & go_on & (not space)) | (u & (not space)) | o)
        for k in range(len(self._labels)):
            for go_on in (False, True):
                rows.append(((i & go_on) | last) & (label == k))
        return numpy.where(numpy.array(rows), numpy.float32(0), numpy.float32(-numpy.inf)).astype("f")

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        """Annotate `docs` in spaCy's batches and yield them in order."""
        from spacy.util import minibatch

        for batch in minibatch(docs, size=batch_size):
            self._annotate(batch, max(batch_size // 4, 2))
            yield from batch

    def _annotate(self, batch: list[Doc], sub_size: int) -> None:
        """Set the entities of a batch. The model runs on spaCy's sub-batches (the batch
        sorted by length, cut into `sub_size` docs); the decoding then steps every doc of
        the batch at once (each state's scores are independent of the others')."""
        from spacy.tokens import Span
        from spacy.util import minibatch

        ordered = sorted(batch, key=len)
        subs = list(minibatch(ordered, size=sub_size))
        attrs = [doc.to_array(self._attrs).astype("int64") for doc in ordered]
        if any(a[:, 2].any() for a in attrs):  # preset entities: spaCy's own rules apply
            for sub in subs:
                self._ner.set_annotations(sub, self._ner.predict(sub))
            return
        tables = [self._lower.predict(vectors) for vectors in self._token_vectors(subs)]
        if not tables:
            return
        width = tables[0].shape[2] * tables[0].shape[3]
        table = numpy.concatenate([tables[0][:1]] + [t[1:] for t in tables]).reshape((-1, 3, width))
        ents = self._decode(numpy.array([len(d) for d in ordered]), attrs, table)
        for doc, found in zip(ordered, ents, strict=True):
            doc.set_ents([Span(doc, start, end, label=self._labels[k]) for start, end, k in found])

    def _token_vectors(self, subs: list[list[Doc]]) -> Iterator:
        """The token-to-vector model's output for each sub-batch holding a token; the
        embedding stage runs once for the whole batch (more of its rows are alike)."""
        subs = [sub for sub in subs if any(len(doc) for doc in sub)]
        if not isinstance(self._tok2vec, DistinctEmbed):
            yield from (self._tok2vec.predict(sub) for sub in subs)
            return
        embedded = iter(self._tok2vec.embed([doc for sub in subs for doc in sub]))
        for sub in subs:
            yield self._tok2vec.encode([next(embedded) for _ in sub])

    def _decode(self, lengths: numpy.ndarray, attrs: list, table: numpy.ndarray) -> list[list[tuple[int, int, int]]]:
        """The entities (start, end, label index) of each doc, decoded greedily in
        lockstep. `table` holds each token's three precomputed feature vectors after a
        padding row, docs one after another."""
        offsets = numpy.concatenate([[0], numpy.cumsum(lengths)[:-1]])
        last = numpy.concatenate([a[:, 0] for a in attrs] + [[0]]) == 1  # starts a sentence
        space = numpy.concatenate([a[:, 1] for a in attrs] + [[0]]) == 1
        bias = self._lower.get_param("b").reshape(-1)
        n_pieces = self._lower.get_dim("nP")
        weights, scores_bias = self._upper.get_param("W"), self._upper.get_param("b")
        move, label, mask = self._move, self._label, self._mask
        n_states = len(lengths)
        pos = offsets.copy()  # each doc's next token (absolute)
        ends = offsets + lengths
        ent_start = numpy.full(n_states, -1)  # an open entity's first token (absolute), else -1
        ent_label = numpy.zeros(n_states, dtype="int64")
        found: list[list[tuple[int, int, int]]] = [[] for _ in range(n_states)]
        live = numpy.flatnonzero(lengths > 0)
        while len(live):
            b0, start = pos[live], ent_start[live]
            is_open = start >= 0
            summed = numpy.zeros((len(live), table.shape[2]), dtype="f")
            summed += table[b0 + 1, 0]
            summed += table[numpy.where(is_open, start + 1, 0), 1]  # row 0: no such token
            summed += table[numpy.where(is_open, b0, 0), 2]  # the token before b0
            summed += bias
            hidden = summed[:, ::n_pieces]  # the maximum over each hidden unit's pieces
            for piece in range(1, n_pieces):
                hidden = numpy.maximum(hidden, summed[:, piece::n_pieces])
            scores = self._blis.gemm(hidden, weights, trans2=True)
            scores += scores_bias
            go_on = (b0 + 1 < ends[live]) & ~last[b0 + 1]
            codes = numpy.where(is_open, 4 + 2 * ent_label[live] + go_on, 2 * go_on + space[b0])
            scores += mask[codes]
            best = scores.argmax(axis=1)
            stuck = numpy.isneginf(scores[numpy.arange(len(live)), best])  # spaCy ends such a state
            taken = numpy.where(stuck, -1, move[best])
            for s in numpy.flatnonzero((taken == 2) | (taken == 3)):  # L, U: an entity ends here
                doc, first = live[s], b0[s] if taken[s] == 3 else start[s]
                found[doc].append((int(first - offsets[doc]), int(b0[s] - offsets[doc] + 1), int(label[best[s]])))
            ent_start[live] = numpy.where(taken == 0, b0, numpy.where(taken == 2, -1, start))
            ent_label[live] = numpy.where(taken == 0, label[best], ent_label[live])
            pos[live] = numpy.where(stuck, ends[live], b0 + 1)
            live = live[pos[live] < ends[live]]
        return found
