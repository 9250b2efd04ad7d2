"""The accuracy floors on the seed gold set, and agreement with the reference scorer.

Floors may be raised when the extractor improves; lowering one needs a reason in the
commit that does it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from crosstally.evaluate import load_gold, score
from crosstally.ingest import claims_of
from crosstally.read import read_paths

FLOORS = {
    "figure_f1": 0.95,
    "category_acc": 0.90,
    "qualifier_acc": 0.95,
    "source_acc": 0.90,
    "grouping_pair_f1": 0.85,
}


@pytest.fixture(scope="module")
def seed_predictions(shared: Path, nlp) -> list[dict]:
    return [c.record(with_measure=True) for c in claims_of(list(read_paths([shared / "seeds"])))]


def test_seed_floors(shared: Path, seed_predictions):
    result = score(load_gold(shared / "gold" / "seeds.jsonl"), seed_predictions, shared / "seeds")
    for name, floor in FLOORS.items():
        assert getattr(result, name) >= floor, (
            name,
            getattr(result, name),
            result.missed,
            result.spurious,
            result.wrong_source,
        )


def reference_score(shared: Path, predictions: list[dict], folder: Path) -> dict:
    """What ../shared/tools/score.py says of `predictions`."""
    pred = folder / "pred.jsonl"
    pred.write_text("".join(json.dumps(p) + "\n" for p in predictions))
    command = [
        sys.executable,
        str(shared / "tools" / "score.py"),
        "--gold",
        str(shared / "gold" / "seeds.jsonl"),
        "--docs",
        str(shared / "seeds"),
        "--pred",
        str(pred),
        "--json",
    ]
    return json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def test_same_figures_as_the_reference_scorer(shared: Path, seed_predictions, tmp_path: Path):
    gold = load_gold(shared / "gold" / "seeds.jsonl")
    reference = reference_score(shared, seed_predictions, tmp_path)
    ours = score(gold, seed_predictions, shared / "seeds")
    for key in ("gold", "predicted", "matched", *FLOORS):
        assert getattr(ours, key) == pytest.approx(reference[key]), key
    # A degraded prediction set must move both scorers the same way.
    worse = [dict(p, category="other", source=None) for p in seed_predictions[::2]]
    reference = reference_score(shared, worse, tmp_path)
    ours = score(load_gold(shared / "gold" / "seeds.jsonl"), worse, shared / "seeds")
    for key in ("predicted", "matched", "figure_f1", "category_acc", "source_acc"):
        assert getattr(ours, key) == pytest.approx(reference[key]), key
