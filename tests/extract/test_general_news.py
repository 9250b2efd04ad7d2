"""The value-F1 floors on the general-news gold set (`general_news/`), by the contract's
rule: each half of the set (dev, held-out) must score at least its floor in
`tests/quality_floors.json` ("general_news"), and so must unit agreement. Floors only rise.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from general_news.scorer import HALVES, crosstally_predict, load, score

FLOORS = json.loads((Path(__file__).parents[1] / "quality_floors.json").read_text())["general_news"]


@pytest.mark.parametrize("half", [h for h in HALVES if f"{h}_value_f1" in FLOORS])
def test_general_news_floor(nlp, half):
    result = score(load(half), crosstally_predict)
    assert result.value_f1 >= FLOORS[f"{half}_value_f1"], (result.missed, result.spurious)
    assert result.unit_agreement >= FLOORS[f"{half}_unit_agreement"]


@pytest.mark.parametrize("half", HALVES)
def test_gold_spans_and_units(half):
    """Every gold mention is in its sentence and every unit names a kind the set scores."""
    for sentence in load(half):
        for claim in sentence.claims:
            assert claim.kind != "measurement", (sentence.id, claim)
            assert claim.start < claim.end
