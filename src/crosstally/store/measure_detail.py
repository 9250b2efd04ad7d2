"""One or more measures in full, as the measure page, `/api/measures/{id}` and `ask` show
them: a page of each one's estimates, its flags with the estimates they name, its
sources with each one's latest estimate, read in a fixed handful of queries.

The queries take every measure asked for at once. Joining estimates back to the claims
table costs a scan of it whatever the number of keys, so an answer of three measures
costs about what one measure costs, not three times as much (issue 9: `ask` at a million
claims).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..claims import Claim
from ..reconcile.flags import Estimate
from ..reconcile.view import OUTLET_VOICE
from .queries import _CLAIM_COLUMNS, _CLAIM_SELECT, MeasureRow, _measure_select, _offset, document_name

Key = tuple[str, int]


@dataclass(frozen=True)
class EstimateRow:
    """One estimate of a measure as a page shows it: the claim with its source entity and
    statement date, its document's outlet and title, and its evidence sentence (cut from
    the text in the database, so that no whole document is loaded)."""

    estimate: Estimate
    title: str | None
    sentence: str
    url: str | None = None

    @property
    def doc_name(self) -> str:
        return document_name(self.estimate.outlet, self.title, self.estimate.claim.doc)


@dataclass(frozen=True)
class MeasureDetail:
    """A measure with one page of its estimates (in the measure's order), its conflict,
    revision and misquote flags as (type, first key, second key, note) with the estimates
    they name, its source names (sorted) with each one's latest estimate, and how many of
    its estimates come from documents that are not near-copies."""

    row: MeasureRow
    estimates: tuple[EstimateRow, ...]
    flags: tuple[tuple[str, Key, Key, str], ...]
    named: dict[Key, EstimateRow]
    sources: tuple[str, ...]
    latest: dict[str, EstimateRow]
    independent: int


#: The order of a measure's estimates, as `MeasureView` keeps them: by statement date
#: (undated last), then source, document and position.
ESTIMATE_ORDER = "f.as_of_day NULLS LAST, f.source_name, f.doc, f.start"
_ESTIMATE_COLUMNS = (
    f"{_CLAIM_SELECT}, f.measure, f.source_key, f.source_name, f.as_of_day, d.outlet, d.near_copy_of, d.title, "
    "substr(d.text, c.evidence_start + 1, c.evidence_end - c.evidence_start), d.url"
)
_IN_NAMES = "IN (SELECT unnest($names))"


def estimates_at(db, keys: list[Key]) -> dict[Key, EstimateRow]:
    """The estimates at some (doc, start) keys, in one statement (one snapshot).

    The keys are matched on the two key columns alone, then the rows are fetched by
    rowid: joining the keys to the whole rows would read every column of every claim
    (three times slower at a million claims)."""
    if not keys:
        return {}
    rows = db.execute(
        "WITH k AS (SELECT DISTINCT unnest($docs::VARCHAR[]) AS doc, unnest($starts::INTEGER[]) AS start), "
        "ck AS (SELECT c.rowid AS id FROM claims c JOIN k ON c.doc = k.doc AND c.start = k.start), "
        "fk AS (SELECT f.rowid AS id FROM claim_frames f JOIN k ON f.doc = k.doc AND f.start = k.start), "
        "c AS (SELECT c.* FROM ck JOIN claims c ON c.rowid = ck.id), "
        "f AS (SELECT f.* FROM fk JOIN claim_frames f ON f.rowid = fk.id) "
        f"SELECT {_ESTIMATE_COLUMNS} FROM c JOIN f ON f.doc = c.doc AND f.start = c.start "
        "LEFT JOIN documents d ON d.id = c.doc",
        {"docs": [k[0] for k in keys], "starts": [k[1] for k in keys]},
    ).fetchall()
    out = {}
    n = len(_CLAIM_COLUMNS)
    for r in rows:
        claim = Claim(**dict(zip([*_CLAIM_COLUMNS, "measure"], r[: n + 1], strict=True)))
        key, name, day, outlet, near, title, sentence, url = r[n + 1 :]
        if key is None:
            key, name = f"outlet:{outlet or claim.doc}", f"{outlet or claim.doc} {OUTLET_VOICE}"
        estimate = Estimate(claim, key, name, day, outlet, near)
        out[(claim.doc, claim.start)] = EstimateRow(estimate, title, sentence or claim.mention, url)
    return out


def measure_details(db, names: list[str], page: int = 1, per_page: int = 100) -> dict[str, MeasureDetail]:
    """The measures called `names` that exist, each with page `page` of its estimates."""
    if not names:
        return {}
    params = {"names": list(names)}
    rows = {
        r[0]: MeasureRow(*r)
        for r in db.execute(
            _measure_select(f"measure {_IN_NAMES}") + f" WHERE m.measure {_IN_NAMES}", params
        ).fetchall()
    }
    if not rows:
        return {}
    flags: dict[str, list] = {m: [] for m in rows}
    for m, kind, ad, a0, bd, b0, note in db.execute(
        f"SELECT measure, type, a_doc, a_start, b_doc, b_start, note FROM flags WHERE measure {_IN_NAMES} "
        "AND type IN ('conflict', 'revision', 'misquote') AND a_doc IS NOT NULL AND b_doc IS NOT NULL "
        "ORDER BY measure, type, a_doc, a_start, b_doc, b_start",
        params,
    ).fetchall():
        flags[m].append((kind, (ad, a0), (bd, b0), note or ""))
    latest: dict[str, dict[str, Key]] = {m: {} for m in rows}
    independent = dict.fromkeys(rows, 0)
    for m, name, k, n in db.execute(
        "SELECT f.measure, f.source_name, arg_max(struct_pack(doc := f.doc, start := f.start), "
        "struct_pack(undated := f.as_of_day IS NULL, day := f.as_of_day, doc := f.doc, start := f.start)), "
        "count(*) FILTER (WHERE d.near_copy_of IS NULL) "
        f"FROM claim_frames f LEFT JOIN documents d ON d.id = f.doc WHERE f.measure {_IN_NAMES} "
        "GROUP BY f.measure, f.source_name ORDER BY f.measure, f.source_name",
        params,
    ).fetchall():
        latest[m][name] = (k["doc"], k["start"])
        independent[m] += n
    page_keys: dict[str, list[Key]] = {m: [] for m in rows}
    first = _offset(page, per_page)
    for m, doc, start in db.execute(
        "SELECT measure, doc, start FROM (SELECT f.measure, f.doc, f.start, "
        f"row_number() OVER (PARTITION BY f.measure ORDER BY {ESTIMATE_ORDER}) AS n "
        f"FROM claim_frames f WHERE f.measure {_IN_NAMES}) WHERE n > $first AND n <= $last ORDER BY measure, n",
        {**params, "first": first, "last": first + per_page},
    ).fetchall():
        page_keys[m].append((doc, start))
    wanted = [k for m in rows for k in page_keys[m]]
    wanted += [k for m in rows for _, a, b, _ in flags[m] for k in (a, b)]
    wanted += [k for m in rows for k in latest[m].values()]
    found = estimates_at(db, wanted)
    return {
        m: MeasureDetail(
            row,
            tuple(found[k] for k in page_keys[m] if k in found),
            tuple(flags[m]),
            {k: found[k] for _, a, b, _ in flags[m] for k in (a, b) if k in found},
            tuple(latest[m]),
            {s: found[k] for s, k in latest[m].items() if k in found},
            independent[m],
        )
        for m, row in rows.items()
    }
