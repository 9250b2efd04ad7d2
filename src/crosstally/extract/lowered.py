r"""A text lowercased once, so that the scanner can look for its words without
`re.IGNORECASE` (which compares every character through a case table, and so cost the
scanner a third of its time) and still find every place a case-insensitive pattern would.

That is exact when every character lowercases to one character (which is then a word
character, a decimal digit or a space exactly when the original is: `\b`, `\d` and `\s`
read the lowered text as the original) and the text holds none of the four non-ASCII
letters that `re.IGNORECASE` equates with ASCII ones ("İ", "ı", "ſ", "K", as Python's
`re` documentation lists them); otherwise `lowered` gives None and the caller runs its
case-insensitive pattern over every position as before. `tests/extract/test_lowered.py`
checks those properties over every Unicode character.
"""

from __future__ import annotations

#: The non-ASCII letters that `re.IGNORECASE` matches with ASCII letters.
FOLDED_TO_ASCII = "\u0130\u0131\u017f\u212a"


def lowered(text: str) -> str | None:
    """`text` lowercased character for character, or None when a case-sensitive search of
    the lowercased text could miss a word a case-insensitive search of `text` finds."""
    low = text.lower()
    if len(low) != len(text) or any(c in text for c in FOLDED_TO_ASCII):
        return None
    return low
