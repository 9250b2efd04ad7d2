"""The reconciled picture every view renders: per story and measure, who said how many,
when, and the flags on those figures.

Nothing here decides anything: `view_of` reads what the reconciliation stage stored in
the ledger (claim frames, measures, stories, flags) and `view_from` does the same for a
reconciliation held in memory (a batch that was never stored).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..claims import Claim
from .flags import Conflict, Estimate, Revision
from .misquotes import Misquote
from .run import OUTLET_VOICE, FlagInfo, MeasureInfo, Reconciliation

__all__ = ["OUTLET_VOICE", "LedgerView", "MeasureView", "StoryView", "flag_of", "view_of", "view_from"]


@dataclass(frozen=True)
class MeasureView:
    """Every estimate of one measure, in time order, with its range and flags."""

    measure: str
    category: str
    estimates: tuple[Estimate, ...]
    conflicts: tuple[Conflict, ...]
    low: float
    high: float
    story: str = ""
    label: str = ""
    parent: str | None = None
    revisions: tuple[Revision, ...] = ()
    misquotes: tuple[Misquote, ...] = ()

    @property
    def sources(self) -> list[str]:
        return sorted({e.source_name for e in self.estimates})

    @property
    def counted(self) -> bool:
        """Whether the measure names what it counts (else it is folded away in overviews)."""
        named = any(e.claim.counted or e.claim.unit for e in self.estimates)
        return named and not self.label.startswith("figure")

    def latest_by_source(self) -> dict[str, Estimate]:
        """Each source's most recent estimate."""
        latest: dict[str, Estimate] = {}
        for e in self.estimates:
            latest[e.source_name] = e
        return latest

    def independent(self) -> list[Estimate]:
        """Estimates from documents that are not near-copies of another."""
        return [e for e in self.estimates if e.near_copy_of is None]

    @property
    def last_date(self) -> date | None:
        dated = [e.when for e in self.estimates if e.when]
        return max(dated) if dated else None


@dataclass(frozen=True)
class StoryView:
    """One story: its id, title and measures (ids), most claims first."""

    id: str
    title: str
    measures: tuple[str, ...]


@dataclass(frozen=True)
class LedgerView:
    """The whole ledger (or part of it), reconciled."""

    measures: tuple[MeasureView, ...]
    misquotes: tuple[Misquote, ...]
    near_copies: tuple[tuple[str, str], ...]
    documents: dict = field(default_factory=dict)
    stories: tuple[StoryView, ...] = ()

    def measure(self, measure: str) -> MeasureView | None:
        return next((m for m in self.measures if m.measure == measure), None)


def view_of(ledger, measures: list[str] | None = None, story: str | None = None) -> LedgerView:
    """The stored reconciliation of a ledger: all of it, some measures, or one story."""
    db = ledger.db
    where, params = "", []
    if measures is not None:
        where, params = "WHERE measure IN (SELECT unnest(?))", [sorted(measures)]
    elif story is not None:
        where, params = "WHERE story = ?", [story]
    names = list(MeasureInfo.__dataclass_fields__)
    quoted = ", ".join(f'"{n}"' for n in names)
    infos = [MeasureInfo(*row) for row in db.execute(f"SELECT {quoted} FROM measures {where}", params).fetchall()]
    wanted = sorted(m.measure for m in infos)
    claims = ledger.claims("measure IN (SELECT unnest(?))", [wanted]) if wanted else []
    frames = {
        (d, s): (key, name, day)
        for d, s, key, name, day in db.execute(
            "SELECT doc, start, source_key, source_name, as_of_day FROM claim_frames "
            "WHERE measure IN (SELECT unnest(?))",
            [wanted],
        ).fetchall()
    }
    flag_rows = db.execute(
        "SELECT type, story, measure, a_doc, a_start, a_end, b_doc, b_start, b_end, docs, note FROM flags "
        "WHERE measure IN (SELECT unnest(?)) OR (measure IS NULL AND story IN (SELECT unnest(?)))",
        [wanted, sorted({m.story for m in infos})],
    ).fetchall()
    flags = [
        FlagInfo(t, st, m, (ad, a0, a1) if ad else None, (bd, b0, b1) if bd else None, tuple(docs or ()), note or "")
        for t, st, m, ad, a0, a1, bd, b0, b1, docs, note in flag_rows
    ]
    documents = {d.id: d for d in ledger.documents({c.doc for c in claims})}
    stories = db.execute(
        "SELECT id, title FROM stories WHERE id IN (SELECT unnest(?)) ORDER BY last_day DESC NULLS LAST, id",
        [sorted({m.story for m in infos})],
    ).fetchall()
    return _build(infos, claims, frames, flags, documents, stories)


def view_from(rec: Reconciliation, claims: list[Claim], documents: list) -> LedgerView:
    """The view of a reconciliation held in memory."""
    frames = {k: (f.source_key, f.source_name, f.as_of_day) for k, f in rec.frames.items()}
    measured = rec.measured(claims)
    stories = [(s.id, s.title) for s in rec.stories]
    return _build(list(rec.measures), measured, frames, list(rec.flags), {d.id: d for d in documents}, stories)


def flag_of(kind: str, measure: str | None, a: Estimate, b: Estimate, note: str = ""):
    """The view object of a stored conflict, revision or misquote between two estimates."""
    if kind == "conflict":
        return Conflict(measure, a, b)
    if kind == "revision":
        return Revision(a, b)
    return Misquote(a.source_name, a.claim.date or "", a, b, note)


def _build(infos, claims, frames, flags, documents, stories) -> LedgerView:
    estimates: dict[tuple[str, int], Estimate] = {}
    by_measure: dict[str, list[Estimate]] = {}
    for c in claims:
        key, name, day = frames.get((c.doc, c.start), (None, None, None))
        doc = documents.get(c.doc)
        outlet = getattr(doc, "outlet", None)
        if key is None:
            key, name = f"outlet:{outlet or c.doc}", f"{outlet or c.doc} {OUTLET_VOICE}"
        e = Estimate(c, key, name, day, outlet, getattr(doc, "near_copy_of", None))
        estimates[(c.doc, c.start)] = e
        by_measure.setdefault(c.measure or "", []).append(e)

    def estimate(span) -> Estimate | None:
        return estimates.get((span[0], span[1])) if span else None

    per_measure: dict[str, dict[str, list]] = {}
    misquotes = []
    near = []
    for f in flags:
        a, b = estimate(f.first), estimate(f.second)
        slot = per_measure.setdefault(f.measure or "", {"conflict": [], "revision": [], "misquote": []})
        if f.type in slot and a and b:
            flag = flag_of(f.type, f.measure, a, b, f.note)
            slot[f.type].append(flag)
            if f.type == "misquote":
                misquotes.append(flag)
        elif f.type == "near_copy" and len(f.docs) == 2:
            near.append((f.docs[1], f.docs[0]))
    views = []
    for info in infos:
        group = by_measure.get(info.measure, [])
        if not group:
            continue
        group.sort(key=lambda e: (e.when is None, e.when or date.min, e.source_name, e.claim.doc, e.claim.start))
        slot = per_measure.get(info.measure, {"conflict": [], "revision": [], "misquote": []})
        views.append(
            MeasureView(
                info.measure,
                info.category,
                tuple(group),
                tuple(slot["conflict"]),
                info.low,
                info.high,
                info.story,
                info.label,
                info.parent,
                tuple(slot["revision"]),
                tuple(slot["misquote"]),
            )
        )
    views.sort(
        key=lambda v: (not v.counted, -(v.last_date.toordinal() if v.last_date else 0), -len(v.estimates), v.measure)
    )
    story_views = tuple(
        StoryView(sid, title or sid, tuple(v.measure for v in sorted(views, key=_weight) if v.story == sid))
        for sid, title in stories
    )
    return LedgerView(tuple(views), tuple(misquotes), tuple(sorted(set(near))), documents, story_views)


def _weight(v: MeasureView) -> tuple:
    """Measures that name what they count and have the most estimates first."""
    return (not v.counted, -len(v.estimates), v.measure)
