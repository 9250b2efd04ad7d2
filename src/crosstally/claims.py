"""The figure claim: the record every stage after extraction works with."""

from __future__ import annotations

from dataclasses import dataclass

CATEGORIES = (
    "killed",
    "wounded",
    "casualties",
    "captured",
    "missing",
    "deployed",
    "personnel",
    "displaced",
    "arrested",
    "materiel",
    "money",
    "other",
)
QUALIFIERS = ("exact", "approx", "min", "max", "range")

#: The fields of a claim as `spec/claims.md` defines them, in output order.
CLAIM_FIELDS = (
    "doc",
    "start",
    "end",
    "mention",
    "value",
    "value_max",
    "qualifier",
    "unit",
    "per",
    "counted",
    "category",
    "source",
    "via",
    "time_text",
    "date",
    "location",
)


@dataclass(frozen=True)
class Claim:
    """One statement in a document that something has a given number.

    The contract fields come first; `evidence_start`/`evidence_end` bound the sentence
    the claim was read from (the evidence a report shows), `measure` is set by
    reconciliation.
    """

    doc: str
    start: int
    end: int
    mention: str
    value: float
    value_max: float | None
    qualifier: str
    unit: str | None
    per: str | None
    counted: str
    category: str
    source: str | None
    via: str | None
    time_text: str | None
    date: str | None
    location: str | None
    evidence_start: int = 0
    evidence_end: int = 0
    measure: str | None = None

    def record(self, *, with_measure: bool = False) -> dict:
        """The claim as the contract's JSON object (numbers as int when whole)."""
        data = {name: getattr(self, name) for name in CLAIM_FIELDS}
        for key in ("value", "value_max"):
            value = data[key]
            if isinstance(value, float) and value.is_integer():
                data[key] = int(value)
        if with_measure:
            data["measure"] = self.measure
        return data
