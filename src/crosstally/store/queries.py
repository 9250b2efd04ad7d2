"""Read-only queries the web app and API answer from: each asks DuckDB for exactly the
rows a page or an API call shows, filtered, ordered and paged in SQL.

Every list has a stable order (it ends on a unique key), so page N of a list is the
same rows on every request while the ledger does not change. Nothing here writes; the
reconciliation tables (`store/reconciled.py`) are read as they were last refreshed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import date

from ..claims import Claim

#: Claim columns as the claims table stores them (the measure comes from claim_frames).
_CLAIM_COLUMNS = [f.name for f in fields(Claim) if f.name != "measure"]
_CLAIM_SELECT = ", ".join(f'c."{name}"' for name in _CLAIM_COLUMNS)

#: Lists of measures: most recent first, then most claims, then id (unique: stable pages).
MEASURE_ORDER = "m.last_day DESC NULLS LAST, m.claims DESC, m.measure"
STORY_ORDER = "s.last_day DESC NULLS LAST, s.id"


def clamp_page(page: int, per_page: int, default: int, maximum: int) -> tuple[int, int]:
    """A page number from 1 and a page size within 1..maximum (default when 0 or less)."""
    per_page = default if per_page <= 0 else min(per_page, maximum)
    return max(page, 1), per_page


def _offset(page: int, per_page: int) -> int:
    return (page - 1) * per_page


@dataclass(frozen=True)
class StoryRow:
    id: str
    title: str
    documents: int
    claims: int
    measures: int
    first_day: date | None
    last_day: date | None

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "documents": self.documents,
            "claims": self.claims,
            "measures": self.measures,
            "first_day": _iso(self.first_day),
            "last_day": _iso(self.last_day),
        }


@dataclass(frozen=True)
class MeasureRow:
    measure: str
    story: str
    label: str
    category: str
    parent: str | None
    claims: int
    sources: int
    low: float
    high: float
    last_day: date | None
    conflicts: int
    revisions: int
    misquotes: int
    counted: bool

    def as_dict(self) -> dict:
        return {
            "measure": self.measure,
            "story": self.story,
            "label": self.label,
            "category": self.category,
            "parent": self.parent,
            "estimates": self.claims,
            "sources": self.sources,
            "range": [self.low, self.high],
            "last_date": _iso(self.last_day),
            "conflicts": self.conflicts,
            "revisions": self.revisions,
            "misquotes": self.misquotes,
            "counted": self.counted,
        }


def _iso(day) -> str | None:
    return day.isoformat() if day else None


_STORY_SELECT = (
    "SELECT s.id, coalesce(s.title, s.id), s.documents, s.claims, "
    "(SELECT count(*) FROM measures m WHERE m.story = s.id), s.first_day, s.last_day FROM stories s"
)


def stories_page(db, page: int, per_page: int) -> tuple[int, list[StoryRow]]:
    """Stories, most recent first, one page of them, and how many there are."""
    total = db.execute("SELECT count(*) FROM stories").fetchone()[0]
    rows = db.execute(
        f"{_STORY_SELECT} ORDER BY {STORY_ORDER} LIMIT ? OFFSET ?", [per_page, _offset(page, per_page)]
    ).fetchall()
    return total, [StoryRow(*r) for r in rows]


def story(db, story_id: str) -> StoryRow | None:
    row = db.execute(f"{_STORY_SELECT} WHERE s.id = ?", [story_id]).fetchone()
    return StoryRow(*row) if row else None


def _measure_select(cond: str) -> str:
    """Measures with their flag counts and whether they name what they count. `cond` is
    a condition on `measure` or `story` (columns of measures, flags and claim_frames
    alike) that limits every part of the query to the measures shown.

    A measure names what it counts unless its label is "figure ..." or every one of its
    claims lacks both a counted phrase and a unit; the latter is found by counting its
    claims that lack them (few, and only those are joined)."""
    return (
        "SELECT m.measure, m.story, coalesce(m.label, m.measure), m.category, m.parent, m.claims, m.sources, "
        "m.low, m.high, m.last_day, coalesce(fl.conflicts, 0), coalesce(fl.revisions, 0), "
        "coalesce(fl.misquotes, 0), (coalesce(m.label, '') NOT LIKE 'figure%' AND coalesce(u.n, 0) < m.claims) "
        "FROM measures m LEFT JOIN (SELECT measure, count(*) FILTER (WHERE type = 'conflict') AS conflicts, "
        "count(*) FILTER (WHERE type = 'revision') AS revisions, "
        f"count(*) FILTER (WHERE type = 'misquote') AS misquotes FROM flags WHERE {cond} GROUP BY measure) fl "
        "ON fl.measure = m.measure "
        "LEFT JOIN (SELECT f.measure, count(*) AS n FROM "
        f"(SELECT doc, start, measure FROM claim_frames WHERE {cond}) f "
        "JOIN (SELECT doc, start FROM claims WHERE coalesce(counted, '') = '' AND coalesce(unit, '') = '') e "
        "ON e.doc = f.doc AND e.start = f.start GROUP BY f.measure) u ON u.measure = m.measure"
    )


def story_measures(db, story_ids: list[str]) -> dict[str, list[MeasureRow]]:
    """The measures of some stories: those that name what they count first, then by
    most claims."""
    if not story_ids:
        return {}
    rows = db.execute(
        _measure_select("story IN (SELECT unnest($1))") + " WHERE m.story IN (SELECT unnest($1)) "
        "ORDER BY m.story, 14 DESC, m.claims DESC, m.measure",
        [list(story_ids)],
    ).fetchall()
    out: dict[str, list[MeasureRow]] = {s: [] for s in story_ids}
    for r in rows:
        out.setdefault(r[1], []).append(MeasureRow(*r))
    return out


def measures_page(db, story_id: str | None, page: int, per_page: int) -> tuple[int, list[MeasureRow]]:
    """Measures (of one story, or all), most recent first, paged, and how many."""
    where, params = ("WHERE m.story = ?", [story_id]) if story_id else ("", [])
    total = db.execute(f"SELECT count(*) FROM measures m {where}", params).fetchone()[0]
    # Which measures are named is computed for the page's measures only.
    keys = [
        k
        for (k,) in db.execute(
            f"SELECT m.measure FROM measures m {where} ORDER BY {MEASURE_ORDER} LIMIT ? OFFSET ?",
            [*params, per_page, _offset(page, per_page)],
        ).fetchall()
    ]
    if not keys:
        return total, []
    rows = db.execute(
        _measure_select("measure IN (SELECT unnest($1))")
        + f" WHERE m.measure IN (SELECT unnest($1)) ORDER BY {MEASURE_ORDER}",
        [keys],
    ).fetchall()
    return total, [MeasureRow(*r) for r in rows]


def measure_row(db, measure: str) -> MeasureRow | None:
    row = db.execute(_measure_select("measure = $1") + " WHERE m.measure = $1", [measure]).fetchone()
    return MeasureRow(*row) if row else None


def measure_flags(db, measure: str) -> list[dict]:
    """The flags on one measure in the contract's shape (claims named by doc and span)."""
    rows = db.execute(
        "SELECT type, a_doc, a_start, a_end, b_doc, b_start, b_end, docs, note FROM flags WHERE measure = ? "
        "ORDER BY type, a_doc, a_start, b_doc, b_start",
        [measure],
    ).fetchall()
    out = []
    names = {"conflict": ("a", "b"), "revision": ("earlier", "later"), "misquote": ("claim", "like")}
    for kind, ad, a0, a1, bd, b0, b1, docs, note in rows:
        first, second = names.get(kind, ("a", "b"))
        flag: dict = {"type": kind, "measure": measure}
        if ad is not None:
            flag[first] = {"doc": ad, "start": a0, "end": a1}
        if bd is not None:
            flag[second] = {"doc": bd, "start": b0, "end": b1}
        if docs:
            flag["docs"] = list(docs)
        if note:
            flag["note"] = note
        out.append(flag)
    return out


@dataclass(frozen=True)
class DocumentRow:
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: date | None
    near_copy_of: str | None
    story: str | None
    claims: int

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": _iso(self.published),
            "near_copy_of": self.near_copy_of,
            "story": self.story,
            "claims": self.claims,
        }

    @property
    def name(self) -> str:
        """How a page names the document: outlet and title, never a bare file id when
        either is known."""
        return document_name(self.outlet, self.title, self.id)


def document_name(outlet: str | None, title: str | None, doc_id: str) -> str:
    if outlet and title:
        return f"{outlet}: {title}"
    return title or (f"{outlet} ({doc_id})" if outlet else doc_id)


_DOC_SELECT = (
    "SELECT d.id, d.title, d.outlet, d.url, d.published, d.near_copy_of, sd.story, "
    "(SELECT count(*) FROM claims c WHERE c.doc = d.id) FROM documents d "
    "LEFT JOIN story_documents sd ON sd.doc = d.id"
)


def documents_page(
    db,
    page: int,
    per_page: int,
    outlet: str | None = None,
    since: date | None = None,
    until: date | None = None,
    story_id: str | None = None,
) -> tuple[int, list[DocumentRow]]:
    """Documents, oldest publication first (then by id), filtered and paged in SQL."""
    conds, params = [], []
    if outlet:
        conds.append("d.outlet = ?")
        params.append(outlet)
    if since:
        conds.append("d.published >= ?")
        params.append(since)
    if until:
        conds.append("d.published <= ?")
        params.append(until)
    if story_id:
        conds.append("sd.story = ?")
        params.append(story_id)
    where = ("WHERE " + " AND ".join(conds)) if conds else ""
    total = db.execute(
        f"SELECT count(*) FROM documents d LEFT JOIN story_documents sd ON sd.doc = d.id {where}", params
    ).fetchone()[0]
    rows = db.execute(
        f"{_DOC_SELECT} {where} ORDER BY d.published NULLS LAST, d.id LIMIT ? OFFSET ?",
        [*params, per_page, _offset(page, per_page)],
    ).fetchall()
    return total, [DocumentRow(*r) for r in rows]


def document_row(db, doc_id: str) -> DocumentRow | None:
    row = db.execute(f"{_DOC_SELECT} WHERE d.id = ?", [doc_id]).fetchone()
    return DocumentRow(*row) if row else None


def document_names(db, ids: list[str]) -> dict[str, str]:
    """Outlet and title of some documents, by id."""
    if not ids:
        return {}
    rows = db.execute(
        "SELECT id, outlet, title FROM documents WHERE id IN (SELECT unnest(?))", [sorted(set(ids))]
    ).fetchall()
    return {i: document_name(o, t, i) for i, o, t in rows}


@dataclass(frozen=True)
class ClaimRow:
    """A claim with its measure (only one that exists), story, source entity and
    statement date."""

    claim: Claim
    story: str | None
    source_entity: str | None
    effective_date: date | None

    def record(self) -> dict:
        return {
            **self.claim.record(with_measure=True),
            "source_entity": self.source_entity,
            "effective_date": _iso(self.effective_date),
        }


def document_claims(db, doc_id: str) -> list[ClaimRow]:
    """One document's claims in text order, with the measure each belongs to when that
    measure exists (so that a page never links to one that answers 404)."""
    rows = db.execute(
        f"SELECT {_CLAIM_SELECT}, m.measure, f.story, f.source_name, f.as_of_day FROM claims c "
        "LEFT JOIN claim_frames f ON f.doc = c.doc AND f.start = c.start "
        'LEFT JOIN measures m ON m.measure = f.measure WHERE c.doc = ? ORDER BY c.start, c."end"',
        [doc_id],
    ).fetchall()
    return [_claim_row(r) for r in rows]


def _claim_row(r) -> ClaimRow:
    n = len(_CLAIM_COLUMNS)
    values = dict(zip([*_CLAIM_COLUMNS, "measure"], r[: n + 1], strict=True))
    return ClaimRow(Claim(**values), r[n + 1], r[n + 2], r[n + 3])


@dataclass(frozen=True)
class ClaimFilter:
    """What /api/claims may filter on; each becomes a SQL condition."""

    measure: str | None = None
    story: str | None = None
    source: str | None = None
    category: str | None = None
    since: date | None = None
    until: date | None = None
    doc: str | None = None

    def where(self) -> tuple[str, list]:
        conds, params = [], []
        if self.measure:
            conds.append("f.measure = ?")
            params.append(self.measure)
        if self.story:
            conds.append("f.story = ?")
            params.append(self.story)
        if self.category:
            conds.append("c.category = ?")
            params.append(self.category)
        if self.doc:
            conds.append("f.doc = ?")
            params.append(self.doc)
        if self.source:
            conds.append("(lower(f.source_name) = lower(?) OR lower(c.source) = lower(?))")
            params += [self.source, self.source]
        if self.since:
            conds.append("f.as_of_day >= ?")
            params.append(self.since)
        if self.until:
            conds.append("f.as_of_day <= ?")
            params.append(self.until)
        return (" AND ".join(conds) or "TRUE"), params


# Claims that belong to a stored measure: the ones every view counts.
_CLAIMS_FROM = (
    "FROM claim_frames f JOIN claims c ON c.doc = f.doc AND c.start = f.start "
    "WHERE f.measure IN (SELECT measure FROM measures)"
)
_CLAIMS_COLUMNS = f"{_CLAIM_SELECT}, f.measure, f.story, f.source_name, f.as_of_day"
#: Claims are listed by document and position: unique, so pages never overlap.
CLAIM_ORDER = "f.doc, f.start"


def _keys_from(flt: ClaimFilter) -> str:
    """Where the keys of matching claims come from: claim frames alone when no filter
    reads the claims table (so that counting and ordering never join it), else both."""
    if flt.category or flt.source:
        return _CLAIMS_FROM
    return "FROM claim_frames f WHERE f.measure IN (SELECT measure FROM measures)"


def count_claims(db, flt: ClaimFilter) -> int:
    where, params = flt.where()
    return db.execute(f"SELECT count(*) {_keys_from(flt)} AND {where}", params).fetchone()[0]


def claims_page(db, flt: ClaimFilter, page: int, per_page: int) -> list[ClaimRow]:
    """One page of claims in the stable order: the page's keys are found and ordered
    first, then only those rows are joined to their claims."""
    where, params = flt.where()
    rows = db.execute(
        f"WITH k AS (SELECT f.doc, f.start {_keys_from(flt)} AND {where} ORDER BY {CLAIM_ORDER} "
        f"LIMIT ? OFFSET ?) SELECT {_CLAIMS_COLUMNS} FROM k JOIN claim_frames f ON f.doc = k.doc "
        f"AND f.start = k.start JOIN claims c ON c.doc = k.doc AND c.start = k.start ORDER BY {CLAIM_ORDER}",
        [*params, per_page, _offset(page, per_page)],
    ).fetchall()
    return [_claim_row(r) for r in rows]


def iter_claims(db, flt: ClaimFilter, chunk: int = 5000) -> Iterator[ClaimRow]:
    """Every matching claim in the stable order, fetched `chunk` rows at a time from one
    query (memory stays bounded whatever the ledger's size)."""
    where, params = flt.where()
    result = db.execute(f"SELECT {_CLAIMS_COLUMNS} {_CLAIMS_FROM} AND {where} ORDER BY {CLAIM_ORDER}", params)
    while True:
        rows = result.fetchmany(chunk)
        if not rows:
            return
        for r in rows:
            yield _claim_row(r)


@dataclass(frozen=True)
class SourceRow:
    key: str
    name: str
    variants: tuple[str, ...]
    claims: int
    measures: int

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "name": self.name,
            "variants": list(self.variants),
            "claims": self.claims,
            "measures": self.measures,
        }


def sources_page(db, page: int, per_page: int) -> tuple[int, list[SourceRow]]:
    """Source entities with how many claims and measures cite them, most cited first."""
    rows = db.execute(
        "WITH g AS (SELECT source_key, any_value(source_name) AS name, count(*) AS claims FROM claim_frames "
        "WHERE measure IS NOT NULL GROUP BY source_key), "
        "k AS (SELECT *, count(*) OVER () AS total FROM g ORDER BY claims DESC, source_key LIMIT ? OFFSET ?), "
        "n AS (SELECT source_key, count(DISTINCT measure) AS measures FROM claim_frames "
        "WHERE source_key IN (SELECT source_key FROM k) GROUP BY source_key) "
        "SELECT k.source_key, coalesce(e.name, k.name, k.source_key), coalesce(e.variants, []), k.claims, "
        "coalesce(n.measures, 0), k.total FROM k LEFT JOIN source_entities e ON e.key = k.source_key "
        "LEFT JOIN n ON n.source_key = k.source_key ORDER BY k.claims DESC, k.source_key",
        [per_page, _offset(page, per_page)],
    ).fetchall()
    if rows:
        total = rows[0][5]
    else:
        total = db.execute("SELECT count(DISTINCT source_key) FROM claim_frames WHERE measure IS NOT NULL").fetchone()[
            0
        ]
    return total, [SourceRow(k, n, tuple(sorted(v or ())), c, m) for k, n, v, c, m, _ in rows]


def counts(db) -> dict[str, int]:
    row = db.execute(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM claims), "
        "(SELECT count(*) FROM measures), (SELECT count(*) FROM stories)"
    ).fetchone()
    return dict(zip(("documents", "claims", "measures", "stories"), row, strict=True))


def rank_summaries(db, categories: set[str] | None) -> list:
    """What `ask` ranks measures by (`Ledger.measure_summaries`: category, claims and the
    words of what is counted), for the measures of some categories only when the question
    names them (a question about deaths never needs the words of a money measure)."""
    from ..store.ledger import MeasureSummary

    where, params = ("WHERE m.category IN (SELECT unnest(?))", [sorted(categories)]) if categories else ("", [])
    rows = db.execute(
        "SELECT m.measure, m.category, m.claims, m.sources, m.low, m.high, CAST(m.last_day AS VARCHAR), "
        f"m.words, m.story, m.label FROM measures m {where} "
        "ORDER BY m.last_day DESC NULLS LAST, m.claims DESC, m.measure",
        params,
    ).fetchall()
    return [
        MeasureSummary(m, c, n, s, lo, hi, d, tuple(w or "" for w in words or ()), story, label)
        for m, c, n, s, lo, hi, d, words, story, label in rows
    ]
