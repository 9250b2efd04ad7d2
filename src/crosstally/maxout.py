"""The maximum over a maxout layer's pieces without the argmax thinc also computes, for
the token-to-vector models while extraction predicts with them.

thinc's `NumpyOps.maxout` returns the best piece of every unit and which piece it was
(for training); its C loop took 0.9 ms for a batch's (1,700, 96, 3) scores, numpy's
elementwise maximum over the pieces 0.25 ms, and the models call it some 20 times a
batch. The values are thinc's bit for bit: for numbers that are neither NaN nor zero,
the maximum of equal values is the same float whichever one is taken; a batch whose
maximum holds a NaN (which numpy propagates and thinc skips) or a zero (where thinc keeps
a -0.0 that numpy may turn into 0.0) is left to thinc. `tests/test_maxout.py` checks
both cases.

The ops are given to a model's maxout layers only for the call that predicts with them
(`predicting_with`), so spaCy's own pipeline (`nlp.load_pipeline`) keeps thinc's.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import numpy
from thinc.api import NumpyOps

if TYPE_CHECKING:
    from thinc.api import Model


class MaxoutOps(NumpyOps):
    """numpy's ops (`use_blis=False`, as the pipeline's models run) whose `maxout` gives
    no argmax: for prediction only."""

    def __init__(self) -> None:
        super().__init__(use_blis=False)

    def maxout(self, X: Any) -> tuple[Any, Any]:  # noqa: N803 (thinc's name)
        pieces = X.shape[2] if X.ndim == 3 else 0
        if pieces < 2 or X.dtype != numpy.float32 or len(X) == 0:
            return super().maxout(X)
        best = X[:, :, pieces - 1].copy()
        for p in range(pieces - 2, -1, -1):
            numpy.maximum(X[:, :, p], best, out=best)
        if numpy.isnan(best).any() or not best.all():
            return super().maxout(X)
        return best, None


def maxout_layers(models: Sequence[Model]) -> list[Model]:
    """The maxout layers within `models` that run on numpy's ops without BLIS, whose
    arithmetic `MaxoutOps` repeats."""
    return [
        node
        for model in models
        for node in model.walk()
        if node.name == "maxout" and type(node.ops) is NumpyOps and not node.ops.use_blis
    ]


@contextmanager
def predicting_with(layers: Sequence[Model], ops: MaxoutOps) -> Iterator[None]:
    """Run `layers` (from `maxout_layers`) with `ops` for the duration."""
    before = [layer.ops for layer in layers]
    for layer in layers:
        layer.ops = ops
    try:
        yield
    finally:
        for layer, own in zip(layers, before, strict=True):
            layer.ops = own
