"""Value F1 on the general-news gold set, by the contract's rule, overall and by kind.

The gold (`dev.jsonl`, `heldout.jsonl`, and `fresh.jsonl`, a second held-out set written
after the first was scored and studied: one sentence a line, each written by hand before
crosstally's output on it was read) gives every figure claim of each sentence with its value,
range, qualifier and unit; a sentence with no claims is there to catch measurements, model
numbers, addresses, scores, years and ordinals kept as claims. A prediction matches a gold
claim when their spans overlap and their values agree within 0.5% (`spec/claims.md`),
one to one. Among matched claims the unit and qualifier agreement are reported too.

Kinds (from the unit): count (no unit), money (a currency code), percent, area, multiplier
(`times`); any other unit is a measurement. Recall of a kind counts gold claims of that
kind; precision counts predictions of that kind, so a measurement kept as a count costs
the count kind's precision.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from crosstally.evaluate import same_value  # the contract's rule: within 0.5%

HERE = Path(__file__).parent
HALVES = ("dev", "heldout", "fresh")
KINDS = ("count", "money", "percent", "area", "multiplier")
AREA_UNITS = {"km2", "m2", "ha", "acres", "sq ft", "sq mi", "sq nmi", "sq yd"}


@dataclass(frozen=True)
class Quantity:
    """One figure: where it is in its sentence, its value, range end, qualifier and unit."""

    start: int
    end: int
    value: float
    value_max: float | None = None
    qualifier: str | None = None
    unit: str | None = None

    @property
    def kind(self) -> str:
        return kind_of(self.unit)


@dataclass(frozen=True)
class Sentence:
    """One gold sentence and its claims."""

    id: str
    text: str
    claims: tuple[Quantity, ...]


def kind_of(unit: str | None) -> str:
    """The quantity kind a unit code names."""
    if unit is None:
        return "count"
    if unit == "percent":
        return "percent"
    if unit == "times":
        return "multiplier"
    if unit in AREA_UNITS:
        return "area"
    if re.fullmatch(r"[A-Z]{3}", unit):
        return "money"
    return "measurement"


def _span(text: str, mention: str, occurrence: int) -> tuple[int, int]:
    """The occurrence-th place of `mention` not inside a longer number or word."""
    pattern = r"(?<![\w.,])" + re.escape(mention) + r"(?!\d)"
    found = list(re.finditer(pattern, text))
    if len(found) < occurrence:
        raise ValueError(f"{mention!r} (occurrence {occurrence}) is not in {text!r}")
    m = found[occurrence - 1]
    return m.start(), m.end()


def load(half: str) -> list[Sentence]:
    """The sentences of one part of the gold set ("dev", "heldout" or "fresh")."""
    sentences = []
    for line in (HERE / f"{half}.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        claims = []
        for c in row["claims"]:
            start, end = _span(row["text"], c["mention"], c.get("occurrence", 1))
            claims.append(Quantity(start, end, c["value"], c["value_max"], c["qualifier"], c["unit"]))
        sentences.append(Sentence(row["id"], row["text"], tuple(claims)))
    return sentences


def _match(gold: Iterable[Quantity], pred: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    pairs, taken = [], set()
    for g in sorted(gold, key=lambda q: q.start):
        for i, p in enumerate(sorted(pred, key=lambda q: q.start)):
            if i not in taken and same_value(p.value, g.value) and p.start < g.end and g.start < p.end:
                taken.add(i)
                pairs.append((g, p))
                break
    return pairs


@dataclass
class Counts:
    """Gold, predicted and matched claims of one kind (or of all)."""

    gold: int = 0
    pred: int = 0
    matched_gold: int = 0
    matched_pred: int = 0

    def as_dict(self) -> dict:
        p = self.matched_pred / self.pred if self.pred else 1.0
        r = self.matched_gold / self.gold if self.gold else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f1, 3),
            "gold": self.gold,
            "pred": self.pred,
        }


@dataclass
class Result:
    """Scores over a set of sentences, and what went wrong where."""

    total: Counts = field(default_factory=Counts)
    kinds: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in (*KINDS, "measurement")})
    unit_agree: int = 0
    qualifier_agree: int = 0
    missed: list[tuple[str, str, float]] = field(default_factory=list)
    spurious: list[tuple[str, str, float]] = field(default_factory=list)

    @property
    def value_f1(self) -> float:
        return self.total.as_dict()["f1"]

    @property
    def unit_agreement(self) -> float:
        return round(self.unit_agree / self.total.matched_gold, 3) if self.total.matched_gold else 1.0

    def as_dict(self) -> dict:
        return {
            **self.total.as_dict(),
            "unit_agreement": self.unit_agreement,
            "qualifier_agreement": (
                round(self.qualifier_agree / self.total.matched_gold, 3) if self.total.matched_gold else 1.0
            ),
            "by_kind": {k: c.as_dict() for k, c in self.kinds.items() if c.gold or c.pred},
        }


def score(sentences: list[Sentence], predict: Callable[[list[str]], list[list[Quantity]]]) -> Result:
    """Score `predict` (texts in, the quantities of each text out) on `sentences`."""
    result = Result()
    for sentence, pred in zip(sentences, predict([s.text for s in sentences]), strict=True):
        pairs = _match(sentence.claims, pred)
        matched = {id(q) for pair in pairs for q in pair}
        for g in sentence.claims:
            _count(result, g.kind, "gold", id(g) in matched)
            if id(g) not in matched:
                result.missed.append((sentence.id, sentence.text[g.start : g.end], g.value))
        for p in pred:
            _count(result, p.kind, "pred", id(p) in matched)
            if id(p) not in matched:
                result.spurious.append((sentence.id, sentence.text[p.start : p.end], p.value))
        for g, p in pairs:
            result.unit_agree += g.unit == p.unit
            result.qualifier_agree += g.qualifier == p.qualifier
    return result


def _count(result: Result, kind: str, side: str, matched: bool) -> None:
    """Count one gold or predicted claim, overall and under its kind."""
    for counts in (result.total, result.kinds[kind]):
        setattr(counts, side, getattr(counts, side) + 1)
        if matched:
            setattr(counts, f"matched_{side}", getattr(counts, f"matched_{side}") + 1)


def crosstally_predict(texts: list[str]) -> list[list[Quantity]]:
    """crosstally's claims of each text, as quantities."""
    from crosstally.extract import DocumentText, extract_many

    docs = [DocumentText(t, f"s{i}") for i, t in enumerate(texts)]
    return [
        [Quantity(c.start, c.end, c.value, c.value_max, c.qualifier, c.unit) for c in claims]
        for claims in extract_many(docs)
    ]
