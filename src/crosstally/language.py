"""Which language a document is written in (py3langid, whose model ships in its wheel).

crosstally's rules read English. A document in another language is still read, but it
carries its language code and one warning, so that few or odd claims from it are not a
silent surprise. The model loads once, lazily (about a second), and never from a network.
"""

from __future__ import annotations

import threading
from functools import cache

SAMPLE_CHARS = 4000
MIN_LETTERS = 20
MIN_PROBABILITY = 0.5
_LOCK = threading.Lock()

NAMES = {
    "ar": "Arabic",
    "de": "German",
    "es": "Spanish",
    "fa": "Persian",
    "fr": "French",
    "he": "Hebrew",
    "it": "Italian",
    "ja": "Japanese",
    "ko": "Korean",
    "nl": "Dutch",
    "pl": "Polish",
    "pt": "Portuguese",
    "ru": "Russian",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "zh": "Chinese",
}


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when the text is too short or
    the guess too uncertain to say. Only the first few thousand characters are read, so
    the cost does not grow with the document."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    with _LOCK:
        code, probability = _identifier().classify(sample)
    return code if probability >= MIN_PROBABILITY else None


def language_warning(name: str, code: str | None) -> str | None:
    """The one warning a non-English document gets, or None for English or unknown."""
    if code is None or code == "en":
        return None
    label = f"{NAMES[code]} ({code})" if code in NAMES else code
    return f"{name}: the text looks like {label}; crosstally's rules read English, so figures may be missed or misread"


def record_languages(ledger, documents) -> None:
    """Store each document's detected language on its ledger row, found by content hash
    (the stored id can differ from the document's when the wanted id was taken)."""
    from .store.ledger import content_hash

    rows = [[d.language, content_hash(d.text)] for d in documents if getattr(d, "language", None)]
    if rows:
        ledger.db.executemany("UPDATE documents SET language = ? WHERE hash = ? AND language IS NULL", rows)
