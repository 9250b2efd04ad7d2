"""Value F1 on general news: crosstally next to quantulum3, in the same run, by kind.

Scores both extractors on the hand-written general-news gold set
(`tests/extract/general_news/`: a dev half, a held-out half, and a fresh held-out set
written after the first was studied) by the contract's rule
(span overlap and a value within 0.5%, one to one), overall and by kind (count, money,
percent, area, multiplier), with unit and qualifier agreement among matched claims.

quantulum3 finds every quantity, measurements included; what it labels a physical
measurement (a length, a time, a speed, a mass, ...) is left out of its predictions, so
it is judged only on the kinds the contract covers, as favourably as its output allows.

quantulum3's output varies a little with Python's hash seed (one claim on the fresh set);
set PYTHONHASHSEED for repeatable numbers:

    PYTHONHASHSEED=0 .venv/bin/python benchmarks/bench_general_news.py   # every part, JSON lines
    .venv/bin/python benchmarks/bench_general_news.py --misses   # and crosstally's misses
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "extract"))

from general_news.scorer import HALVES, Quantity, crosstally_predict, load, score  # noqa: E402

AREA_CODES = {
    "square metre": "m2",
    "square kilometre": "km2",
    "hectare": "ha",
    "acre": "acres",
    "square foot": "sq ft",
    "square mile": "sq mi",
    "square yard": "sq yd",
}


def _quantulum_unit(quantity) -> tuple[bool, str | None]:
    """(kept, unit code) for one quantulum3 quantity: measurements are not kept."""
    unit, entity = quantity.unit.name, quantity.unit.entity.name
    if entity == "currency":
        return True, getattr(quantity.unit, "currency_code", None) or "XXX"
    if unit == "percentage":
        return True, "percent"
    if entity == "area":
        return True, AREA_CODES.get(unit, "m2")
    if quantity.surface.lower().endswith(("times", "fold")):
        return True, "times"
    if entity == "dimensionless":
        return True, None
    return False, None


def quantulum_predict(texts: list[str]) -> list[list[Quantity]]:
    """quantulum3's quantities of each text, measurements left out."""
    warnings.filterwarnings("ignore", module="quantulum3")
    from quantulum3 import parser

    found = []
    for text in texts:
        quantities = []
        for q in parser.parse(text):
            kept, code = _quantulum_unit(q)
            if kept:
                quantities.append(Quantity(q.span[0], q.span[1], q.value, None, None, code))
        found.append(quantities)
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true", help="print crosstally's misses and spurious figures")
    ap.add_argument("--half", choices=HALVES, action="append", help="only these parts (default all)")
    args = ap.parse_args()
    for half in args.half or HALVES:
        sentences = load(half)
        for name, predict in (("crosstally", crosstally_predict), ("quantulum3", quantulum_predict)):
            result = score(sentences, predict)
            print(json.dumps({"half": half, "extractor": name, "sentences": len(sentences), **result.as_dict()}))
            if args.misses and name == "crosstally":
                for label, items in (("missed", result.missed), ("spurious", result.spurious)):
                    for sid, mention, value in items:
                        print(f"  {label:8} {sid} {mention!r} {value}")


if __name__ == "__main__":
    main()
