"""One helper the reconciliation tests share: the measure each figure of a batch of
reports lands in."""

from __future__ import annotations

from datetime import date

from crosstally.ingest import claims_of
from crosstally.read import Document


def measures_of(reports: list[str | tuple[str, date]], published: date = date(2024, 5, 2)) -> dict[str, str]:
    """Mention → measure over reports by outlets of their own, each a text (published on
    `published`) or a (text, day) pair."""
    docs = []
    for i, report in enumerate(reports):
        text, day = report if isinstance(report, tuple) else (report, published)
        docs.append(Document(f"r{i}.txt", text, outlet=f"Outlet {i}", published=day))
    return {c.mention: c.measure for c in claims_of(docs)}
