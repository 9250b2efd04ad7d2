"""The scanner's shortcuts through a lowercased text (`extract.lowered`) find exactly what
its case-insensitive patterns find over every position."""

from __future__ import annotations

import json
import re
import sys
from importlib import resources
from pathlib import Path

import pytest

from crosstally.extract.lowered import FOLDED_TO_ASCII, lowered
from crosstally.extract.numbers import _atom_matches, _fractions
from crosstally.extract.patterns import scanner

SHARED = Path(__file__).resolve().parents[3] / "shared"
TESTS = Path(__file__).resolve().parents[1]

TRICKY = [
    "Two-Thirds of 3/4 of the land; x.5 and a.5 are codes, .5 is a half",
    "HALF A MILLION fled, One and a Half million stayed, a dozen left, an hundred came",
    "three-and-a-half thousand, twofold, Twenty-One, a\u00a0thousand, A  Million, 1.5.5",
    "Σ 12 ΣΑΣ twenty one; seventeenth and Tenth; a quarter of a million; by a fifth.",
    "\u0130stanbul: SIX \u017fix ſeven, \u212aelvin; TWO (\u0131) 40k 2.3m residents",
]


def _texts() -> list[str]:
    examples = resources.files("crosstally") / "examples" / "derna-floods.jsonl"
    texts = [json.loads(line)["text"] for line in examples.read_text(encoding="utf-8").splitlines() if line.strip()]
    paths = [*SHARED.glob("seeds/*.txt"), *SHARED.glob("gold/stories/*/docs/*.txt"), *TESTS.glob("stories/*/docs/*")]
    return texts + [p.read_text(encoding="utf-8") for p in sorted(paths)] + TRICKY


def test_lowering_keeps_word_characters_digits_and_spaces():
    """`\\b`, `\\d` and `\\s` read a text lowercased character for character as the original."""
    classes = [re.compile(p) for p in (r"\w", r"\d", r"\s")]
    for i in range(sys.maxunicode + 1):
        c = chr(i)
        low = c.lower()
        if low != c and len(low) == 1:
            assert [bool(p.match(c)) for p in classes] == [bool(p.match(low)) for p in classes], hex(i)


def test_the_only_non_ascii_letters_ignorecase_takes_for_ascii_ones():
    letter = re.compile("[a-z]", re.IGNORECASE)
    assert {chr(i) for i in range(128, sys.maxunicode + 1) if letter.match(chr(i))} == set(FOLDED_TO_ASCII)


def test_lowered_refuses_texts_it_cannot_stand_for():
    assert lowered("Two Thirds") == "two thirds"
    assert lowered("\u0130stanbul") is None  # lowercases to two characters
    assert lowered("\u017fix") is None  # IGNORECASE reads it as "six"


@pytest.mark.parametrize("text", _texts())
def test_atoms_found_where_the_lowered_text_shows_them_are_all_the_atoms(text):
    sc = scanner()
    expected = [(m.span(), m.groupdict()) for m in sc.atom_re.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in _atom_matches(text, sc, lowered(text))] == expected


@pytest.mark.parametrize("text", _texts())
def test_fractions_skipped_only_where_there_are_none(text):
    sc = scanner()
    assert _fractions(text, sc, lowered(text)) == _fractions(text, sc, None)
