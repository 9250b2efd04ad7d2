"""The reconciliation stage over a ledger: its results as DuckDB tables.

`refresh` re-reconciles the stories that new or changed documents touch (all of them when
the reconciliation version changed, or when asked) and replaces their rows in one
transaction. Every view reads these tables: stories, story pins (an analyst's overrides),
document dates, claim frames (measure, population, state, source entity, statement time
of each claim), measures, source entities and flags.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..errors import NotFoundError
from ..reconcile import DocInfo, Reconciliation, reconcile, reconcile_version
from ..reconcile.sources import is_source_name, resolve_sources
from ..reconcile.stories import Story, StoryInput, group_stories, salient_names
from ..reconcile.timing import written_on

SCHEMA = [
    "CREATE TABLE IF NOT EXISTS story_pins (doc VARCHAR PRIMARY KEY, story VARCHAR NOT NULL)",
    """CREATE TABLE IF NOT EXISTS stories (
        id VARCHAR PRIMARY KEY, title VARCHAR, names VARCHAR[], pinned BOOLEAN, documents INTEGER,
        claims INTEGER, first_day DATE, last_day DATE)""",
    "CREATE TABLE IF NOT EXISTS story_documents (doc VARCHAR PRIMARY KEY, story VARCHAR)",
    """CREATE TABLE IF NOT EXISTS document_names (
        doc VARCHAR PRIMARY KEY, names VARCHAR[], counts INTEGER[], mid_sentence VARCHAR[], day DATE,
        month_day INTEGER[])""",
    # the date an undated document's own text gives (dateline, latest date): when it was
    # written, for grouping it with reports of the same days
    "ALTER TABLE document_names ADD COLUMN IF NOT EXISTS day DATE",
    "ALTER TABLE document_names ADD COLUMN IF NOT EXISTS month_day INTEGER[]",
    "CREATE TABLE IF NOT EXISTS document_dates (doc VARCHAR PRIMARY KEY, day DATE, origin VARCHAR)",
    """CREATE TABLE IF NOT EXISTS claim_frames (
        doc VARCHAR, start INTEGER, "end" INTEGER, story VARCHAR, measure VARCHAR, population VARCHAR,
        state VARCHAR, "group" VARCHAR, scope VARCHAR, source_key VARCHAR, source_name VARCHAR,
        as_of VARCHAR, as_of_day DATE, as_of_origin VARCHAR, PRIMARY KEY (doc, start))""",
    "CREATE INDEX IF NOT EXISTS claim_frames_measure ON claim_frames (measure)",
    "CREATE INDEX IF NOT EXISTS claim_frames_story ON claim_frames (story)",
    """CREATE TABLE IF NOT EXISTS measures (
        measure VARCHAR PRIMARY KEY, story VARCHAR, label VARCHAR, category VARCHAR, population VARCHAR,
        state VARCHAR, "group" VARCHAR, scope VARCHAR, per VARCHAR, unit VARCHAR, parent VARCHAR,
        claims INTEGER, sources INTEGER, low DOUBLE, high DOUBLE, last_day DATE, words VARCHAR[])""",
    "ALTER TABLE measures ADD COLUMN IF NOT EXISTS words VARCHAR[]",
    "CREATE TABLE IF NOT EXISTS source_entities (key VARCHAR PRIMARY KEY, name VARCHAR, variants VARCHAR[])",
    """CREATE TABLE IF NOT EXISTS flags (
        type VARCHAR, story VARCHAR, measure VARCHAR, a_doc VARCHAR, a_start INTEGER, a_end INTEGER,
        b_doc VARCHAR, b_start INTEGER, b_end INTEGER, docs VARCHAR[], note VARCHAR)""",
]

_PER_STORY = ("claim_frames", "measures", "flags")


@dataclass(frozen=True)
class _DocumentDateRow:
    doc: str
    day: object
    origin: str


@dataclass(frozen=True)
class RefreshResult:
    """What one reconciliation pass did."""

    stories: int
    reconciled: int
    version: str


def ensure_schema(db) -> None:
    """Create the reconciliation tables if the ledger lacks them."""
    for statement in SCHEMA:
        db.execute(statement)


def stored_version(db) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = 'reconcile_version'").fetchone()
    return row[0] if row else None


def refresh(ledger, everything: bool = False, touched: set[str] | frozenset[str] = frozenset()) -> RefreshResult:
    """Re-reconcile the stories whose documents changed: added, removed, regrouped, or
    `touched` (re-extracted); every story when asked or when the reconciliation version
    changed."""
    db = ledger.db
    ensure_schema(db)
    version = reconcile_version()
    if stored_version(db) != version:
        # what a document's salient names hold is the reconciliation's own (its tables
        # and code): read every document again under the new version
        db.execute("DELETE FROM document_names")
        everything = True
    _name_new_documents(db)
    rows = db.execute(
        "SELECT d.id, d.title, coalesce(d.published, n.day), d.near_copy_of, p.story, n.names, n.counts, "
        "n.mid_sentence, n.month_day "
        "FROM documents d LEFT JOIN story_pins p ON p.doc = d.id LEFT JOIN document_names n ON n.doc = d.id "
        "ORDER BY d.published NULLS LAST, d.id"
    ).fetchall()
    inputs = [
        StoryInput(
            doc,
            "",
            title,
            published,
            near,
            pinned,
            (Counter(dict(zip(keys, counts, strict=True))), set(mid)),
            month_day,
        )
        for doc, title, published, near, pinned, keys, counts, mid, month_day in rows
    ]
    stories = _stable_ids(db, group_stories(inputs))
    stored = dict(db.execute("SELECT doc, story FROM story_documents").fetchall())
    stored_members: dict[str, set[str]] = {}
    for doc, story in stored.items():
        stored_members.setdefault(story, set()).add(doc)
    changed = [s for s in stories if everything or stored_members.get(s.id) != set(s.docs) or touched & set(s.docs)]
    # In a fixed order: which variant names an entity depends on it ("Mayor" or "mayor").
    sql = "SELECT DISTINCT source FROM claims WHERE source IS NOT NULL ORDER BY source"
    names = [n for (n,) in db.execute(sql).fetchall()]
    entities = resolve_sources([n for n in names if is_source_name(n)], ledger.aliases())
    wanted = {d for s in changed for d in s.docs}
    subset = [
        DocInfo(*row)
        for row in db.execute(
            "SELECT d.id, d.text, d.title, d.outlet, d.published, d.near_copy_of, p.story FROM documents d "
            "LEFT JOIN story_pins p ON p.doc = d.id WHERE d.id IN (SELECT unnest(?)) "
            "ORDER BY d.published NULLS LAST, d.id",
            [sorted(wanted)],
        ).fetchall()
    ]
    claims = ledger.claims("doc IN (SELECT unnest(?))", [sorted(wanted)]) if wanted else []
    result = reconcile(subset, claims, entities=entities, stories=changed)
    db.execute("BEGIN TRANSACTION")
    try:
        gone = {s for s in stored_members if s not in {x.id for x in stories}} | {s.id for s in changed}
        for table in _PER_STORY:
            db.execute(f"DELETE FROM {table} WHERE story IN (SELECT unnest(?))", [sorted(gone)])
        db.execute("DELETE FROM stories WHERE id IN (SELECT unnest(?))", [sorted(gone)])
        db.execute("DELETE FROM story_documents")
        db.executemany("INSERT INTO story_documents VALUES (?, ?)", [[d, s.id] for s in stories for d in s.docs])
        _write(db, result)
        db.execute("DELETE FROM source_entities")
        unique = {e.key: e for e in entities.values()}
        if unique:
            db.executemany(
                "INSERT INTO source_entities VALUES (?, ?, ?)",
                [[e.key, e.name, list(e.variants)] for e in unique.values()],
            )
        db.execute(
            "INSERT INTO meta VALUES ('reconcile_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [version],
        )
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return RefreshResult(len(stories), len(changed), version)


def _name_new_documents(db) -> None:
    """Store the salient names of documents that have none yet (read once per document,
    so that grouping stories never rereads every text)."""
    rows = db.execute(
        "SELECT id, title, text, published FROM documents WHERE id NOT IN (SELECT doc FROM document_names)"
    ).fetchall()
    if not rows:
        return
    import numpy as np

    named = [
        (doc, *salient_names(text or "", title), *written_on(text or "", published))
        for doc, title, text, published in rows
    ]
    columns = {
        "doc": [doc for doc, *_ in named],
        "names": [list(counts) for _, counts, *_ in named],
        "counts": [list(counts.values()) for _, counts, *_ in named],
        "mid_sentence": [sorted(mid) for _, _, mid, *_ in named],
        "day": [day for *_, day, _ in named],
        "month_day": [month_day for *_, month_day in named],
    }
    bulk_names = {k: np.empty(len(named), dtype=object) for k in columns}  # noqa: F841 - read by DuckDB below
    for key, values in columns.items():
        bulk_names[key][:] = values
    db.execute("INSERT INTO document_names BY NAME SELECT * FROM bulk_names")


def _stable_ids(db, stories: list[Story]) -> list[Story]:
    """Keep a stored story's id for the new story holding most of its documents."""
    stored: dict[str, set[str]] = {}
    for doc, story in db.execute("SELECT doc, story FROM story_documents").fetchall():
        stored.setdefault(story, set()).add(doc)
    taken: set[str] = set()
    out = []
    for s in stories:
        if s.pinned:
            taken.add(s.id)
    for s in stories:
        best = None
        if not s.pinned:
            overlaps = sorted(
                ((len(stored[k] & set(s.docs)), k) for k in stored if stored[k] & set(s.docs)), reverse=True
            )
            best = next((k for n, k in overlaps if k not in taken and 2 * n >= len(stored[k])), None)
        new_id = best or s.id
        while new_id in taken and not s.pinned:
            new_id += "-b"
        taken.add(new_id)
        out.append(Story(new_id, s.title, s.docs, s.names, s.pinned))
    return out


def _write(db, r: Reconciliation) -> None:
    for s in r.stories:
        frames = [f for f in r.frames.values() if f.story == s.id]
        days = [f.as_of_day for f in frames if f.as_of_day]
        db.execute(
            "INSERT INTO stories VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                s.id,
                s.title,
                list(s.names),
                s.pinned,
                len(s.docs),
                len(frames),
                min(days, default=None),
                max(days, default=None),
            ],
        )
    dates = list(r.doc_dates.items())
    db.execute("DELETE FROM document_dates WHERE doc IN (SELECT unnest(?))", [[doc for doc, _ in dates]])
    _bulk(db, "document_dates", [_DocumentDateRow(doc, d.day, d.origin) for doc, d in dates])
    _bulk(db, "claim_frames", list(r.frames.values()))
    _bulk(db, "measures", list(r.measures))
    if r.flags:
        db.executemany(
            "INSERT INTO flags VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [list(f.row()) for f in r.flags],
        )


def _bulk(db, table: str, rows: list) -> None:
    """Insert dataclass rows in bulk (DuckDB scans a dict of arrays; row by row is slow)."""
    import numpy as np

    if not rows:
        return
    names = list(rows[0].__dataclass_fields__)
    bulk_rows = {}
    for name in names:
        column = np.empty(len(rows), dtype=object)  # filled one by one: lists stay single cells
        column[:] = [list(v) if isinstance(v, tuple) else v for v in (getattr(row, name) for row in rows)]
        bulk_rows[name] = column
    db.execute(f"INSERT INTO {table} SELECT * FROM bulk_rows")


def pin(ledger, docs: list[str], story: str) -> None:
    """Pin documents to a story (an analyst's decision; reconciliation keeps it)."""
    known = {
        d for (d,) in ledger.db.execute("SELECT id FROM documents WHERE id IN (SELECT unnest(?))", [docs]).fetchall()
    }
    missing = [d for d in docs if d not in known]
    if missing:
        raise NotFoundError(
            f"no document {missing[0]!r}", hint="`crosstally story show STORY` lists a story's documents"
        )
    ensure_schema(ledger.db)
    ledger.db.executemany(
        "INSERT INTO story_pins VALUES (?, ?) ON CONFLICT (doc) DO UPDATE SET story = excluded.story",
        [[d, story] for d in docs],
    )


def story_documents(ledger, story: str) -> list[str]:
    """The documents of a stored story (NotFoundError when there is no such story)."""
    rows = ledger.db.execute("SELECT doc FROM story_documents WHERE story = ? ORDER BY doc", [story]).fetchall()
    if not rows:
        raise NotFoundError(f"no story {story!r}", hint="`crosstally story list` shows the stories")
    return [d for (d,) in rows]


@dataclass(frozen=True)
class StoryRow:
    """A stored story as `crosstally story list` shows it."""

    id: str
    title: str
    documents: int
    claims: int
    first_day: object
    last_day: object
    pinned: bool


def stories(ledger) -> list[StoryRow]:
    """Every stored story, most recent first."""
    rows = ledger.db.execute(
        "SELECT id, title, documents, claims, first_day, last_day, pinned FROM stories "
        "ORDER BY last_day DESC NULLS LAST, id"
    ).fetchall()
    return [StoryRow(*row) for row in rows]


def rename_story(ledger, old: str, new: str) -> None:
    """Give a story a new id (its documents are pinned to it)."""
    _free_story_id(ledger, new)
    pin(ledger, story_documents(ledger, old), new)


def merge_stories(ledger, target: str, others: list[str]) -> None:
    """Put the documents of `others` into `target`."""
    docs = story_documents(ledger, target) + [d for o in others for d in story_documents(ledger, o)]
    pin(ledger, docs, target)


def split_story(ledger, story: str, docs: list[str], new: str) -> None:
    """Move some of a story's documents into a new story; the rest stay."""
    members = story_documents(ledger, story)
    strangers = [d for d in docs if d not in members]
    if strangers:
        raise NotFoundError(f"{strangers[0]!r} is not in story {story!r}", hint=f"`crosstally story show {story}`")
    _free_story_id(ledger, new)
    pin(ledger, [d for d in members if d not in docs], story)
    pin(ledger, docs, new)


def _free_story_id(ledger, story: str) -> None:
    from ..errors import InvalidOptionError

    if ledger.db.execute("SELECT 1 FROM stories WHERE id = ?", [story]).fetchone():
        raise InvalidOptionError(f"a story {story!r} already exists", hint="merge into it, or pick another id")


#: What an export holds per claim: the contract's fields, then what reconciliation decided.
EXPORT_COLUMNS = (
    'c.doc, c.start, c."end", c.mention, c.value, c.value_max, c.qualifier, c.unit, c.per, c.counted, '
    "c.category, c.source, c.via, c.time_text, c.date, c.location, f.measure, f.story, f.state, "
    "f.source_key AS source_entity, f.source_name AS source_shown, f.as_of, f.as_of_origin, d.outlet, d.title, d.url"
)
#: A SQL literal holding one single quote: the prefix that makes a cell text.
_QUOTE = "''''"
_TEXT_COLUMNS = (
    "mention",
    "counted",
    "source",
    "via",
    "time_text",
    "location",
    "source_shown",
    "outlet",
    "title",
    "url",
)


def export_claims(ledger, path: str, fmt: str, story: str | None = None) -> int:
    """Write every claim (or one story's) with its reconciled facts to `path` as Parquet,
    CSV or JSON Lines, streamed by the database. CSV text cells that a spreadsheet would
    run as a formula get a leading quote (OWASP). Returns the number of rows."""
    where, params = ("WHERE f.story = ?", [story]) if story else ("", [])
    select = (
        f"SELECT {EXPORT_COLUMNS} FROM claims c LEFT JOIN claim_frames f ON f.doc = c.doc AND f.start = c.start "
        f"LEFT JOIN documents d ON d.id = c.doc {where} ORDER BY c.doc, c.start"
    )
    if fmt == "csv":
        cells = ", ".join(
            f"CASE WHEN regexp_matches({c}, '^[=+@\\t\\r\uff1d\uff0b\uff0d\uff20-]') "
            f"AND NOT regexp_matches({c}, '^[+-]?[0-9.,]+$') THEN {_QUOTE} || {c} ELSE {c} END AS {c}"
            for c in _TEXT_COLUMNS
        )
        select = f"SELECT * REPLACE ({cells}) FROM ({select})"
    options = {"parquet": "FORMAT PARQUET", "csv": "FORMAT CSV, HEADER", "jsonl": "FORMAT JSON"}[fmt]
    count = ledger.db.execute(f"SELECT count(*) FROM ({select})", params).fetchone()[0]
    ledger.db.execute(f"COPY ({select}) TO '{_quoted(path)}' ({options})", params)
    return count


def _quoted(path: str) -> str:
    return str(path).replace("'", "''")
