"""The reconciled picture of a ledger: per measure, who said how many, when, and where
they disagree. Reports and answers are renderings of this view."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..claims import Claim
from .flags import Conflict, Estimate, Misquote, conflicts, effective_date, interval, misquotes
from .measures import merge_placeless
from .sources import SourceEntity, resolve_sources

OUTLET_VOICE = "(the outlet itself)"


@dataclass(frozen=True)
class MeasureView:
    """Every estimate of one measure, in time order, with its range and conflicts."""

    measure: str
    category: str
    estimates: tuple[Estimate, ...]
    conflicts: tuple[Conflict, ...]
    low: float
    high: float

    @property
    def sources(self) -> list[str]:
        return sorted({e.source_name for e in self.estimates})

    def latest_by_source(self) -> dict[str, Estimate]:
        """Each source's most recent estimate (undated ones count as oldest)."""
        latest: dict[str, Estimate] = {}
        for e in self.estimates:
            latest[e.source_name] = e
        return latest

    def independent(self) -> list[Estimate]:
        """Estimates from documents that are not near-copies of another."""
        return [e for e in self.estimates if e.near_copy_of is None]

    @property
    def last_date(self):
        dated = [e.when for e in self.estimates if e.when]
        return max(dated) if dated else None


@dataclass(frozen=True)
class LedgerView:
    """The whole ledger, reconciled."""

    measures: tuple[MeasureView, ...]
    misquotes: tuple[Misquote, ...]
    near_copies: tuple[tuple[str, str], ...]
    documents: dict = field(default_factory=dict)

    def measure(self, measure: str) -> MeasureView | None:
        return next((m for m in self.measures if m.measure == measure), None)


def build_view(
    claims: list[Claim], documents: list, aliases: dict[str, str], merged: dict[str, str] | None = None
) -> LedgerView:
    """Reconcile claims (with their documents and the alias table) into a `LedgerView`.
    `merged` maps place-less measures to their placed form (computed here when absent)."""
    docs = {d.id: d for d in documents}
    if merged is None:
        merged = merge_placeless({c.measure for c in claims if c.measure})
    claims = [replace(c, measure=merged[c.measure]) if c.measure in merged else c for c in claims]
    entities = resolve_sources([c.source for c in claims if c.source], aliases)
    estimates = [_estimate(c, docs.get(c.doc), entities) for c in claims]
    by_measure: dict[str, list[Estimate]] = {}
    for e in estimates:
        by_measure.setdefault(e.claim.measure or "unassigned", []).append(e)
    views = []
    for measure, group in by_measure.items():
        group.sort(key=lambda e: (e.when is None, e.when or 0, e.source_name, e.claim.doc))
        lows, highs = zip(*(interval(e.claim) for e in group), strict=True)
        category = max({e.claim.category for e in group}, key=lambda c: sum(e.claim.category == c for e in group))
        views.append(
            MeasureView(
                measure,
                category,
                tuple(group),
                tuple(conflicts(measure, group)),
                min(e.claim.value for e in group),
                max(e.claim.value_max or e.claim.value for e in group),
            )
        )
    views.sort(key=lambda v: (-(v.last_date.toordinal() if v.last_date else 0), -len(v.estimates), v.measure))
    near = tuple((d.id, d.near_copy_of) for d in documents if d.near_copy_of)
    return LedgerView(tuple(views), tuple(misquotes(estimates)), near, docs)


def _estimate(claim: Claim, doc, entities: dict[str, SourceEntity]) -> Estimate:
    published = doc.published if doc is not None else None
    if claim.source and claim.source in entities:
        entity = entities[claim.source]
        key, name = entity.key, entity.name
    else:
        outlet = doc.outlet if doc is not None and doc.outlet else claim.doc
        key, name = f"outlet:{outlet}", f"{outlet} {OUTLET_VOICE}"
    return Estimate(
        claim,
        key,
        name,
        effective_date(claim, published),
        doc.outlet if doc is not None else None,
        doc.near_copy_of if doc is not None else None,
    )


def view_of(ledger, measures: list[str] | None = None, summaries: list | None = None) -> LedgerView:
    """The reconciled view of a ledger, or of some of its measures only (loading just
    their claims and documents)."""
    if measures is None:
        return build_view(ledger.claims(), ledger.documents(), ledger.aliases())
    summaries = ledger.measure_summaries() if summaries is None else summaries
    merged = merge_placeless({s.measure for s in summaries})
    wanted = set(measures) | {name for name, target in merged.items() if target in measures}
    claims = ledger.claims("measure IN (SELECT unnest(?))", [sorted(wanted)])
    documents = ledger.documents({c.doc for c in claims})
    return build_view(claims, documents, ledger.aliases(), merged)
