"""The ledger: documents, their claims and the alias table in one DuckDB file.

A document and its claims are written in one transaction, so an interrupted or failing
add leaves the ledger as it was. The same text added twice is stored once (content
hash); a near-copy (the same wire story on another site) is stored but linked to its
original, so its claims do not count as independent confirmation.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

from ..claims import Claim
from ..errors import (
    LedgerDamagedError,
    LedgerError,
    LedgerLockedError,
    LedgerStaleError,
    LedgerVersionError,
    NotFoundError,
)
from ..read import Document
from ..reconcile.copies import NEAR_COPY_BITS, contained, simhash, trigrams
from .reconciled import SCHEMA as RECONCILED_SCHEMA

SCHEMA_VERSION = 1

#: Claim fields the claims table stores; a claim's measure lives in claim_frames.
_CLAIM_COLUMNS = [f.name for f in fields(Claim) if f.name != "measure"]
_SCHEMA = [
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    """CREATE TABLE IF NOT EXISTS documents (
        id VARCHAR PRIMARY KEY, hash VARCHAR UNIQUE, simhash UBIGINT, title VARCHAR,
        outlet VARCHAR, url VARCHAR, published DATE, path VARCHAR, text VARCHAR,
        near_copy_of VARCHAR, extractor_version VARCHAR, added_at TIMESTAMP DEFAULT now())""",
    """CREATE TABLE IF NOT EXISTS claims (
        doc VARCHAR, start INTEGER, "end" INTEGER, mention VARCHAR, value DOUBLE,
        value_max DOUBLE, qualifier VARCHAR, unit VARCHAR, per VARCHAR, counted VARCHAR,
        category VARCHAR, source VARCHAR, via VARCHAR, time_text VARCHAR, date VARCHAR,
        location VARCHAR, evidence_start INTEGER, evidence_end INTEGER)""",
    "CREATE INDEX IF NOT EXISTS claims_doc ON claims (doc)",
    """CREATE TABLE IF NOT EXISTS aliases (
        alias VARCHAR PRIMARY KEY, canonical VARCHAR NOT NULL, origin VARCHAR DEFAULT 'user')""",
    # The document's language (ISO 639-1), added in place to ledgers written before it.
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS language VARCHAR",
]
#: The reconciliation tables a Spark job writes (`spark/reconcile.py`), loaded as they are.
_RECONCILED_TABLES = (
    "stories",
    "story_documents",
    "document_names",
    "document_dates",
    "claim_frames",
    "measures",
    "source_entities",
    "flags",
)
# DuckDB's file: a 4 KiB main header and two 4 KiB database headers, then its blocks.
_DUCKDB_HEADER_BYTES = 3 * 4096
_DAMAGED_HINT = (
    "restore it from a backup, or move it aside and rebuild it with `crosstally add` from the original documents"
)


@dataclass(frozen=True)
class StoredDocument:
    """A document as the ledger holds it."""

    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: date | None
    path: str | None
    text: str
    near_copy_of: str | None
    extractor_version: str | None


@dataclass(frozen=True)
class MeasureSummary:
    """One measure as the database summarises it."""

    measure: str
    category: str
    claims: int
    sources: int
    low: float
    high: float
    last_date: str | None
    counted: tuple[str, ...]
    story: str = ""
    label: str = ""


@dataclass(frozen=True)
class AddResult:
    """What adding one document did: `added`, `duplicate` (already stored) or `near-copy`."""

    doc_id: str
    status: str
    claims: int
    near_copy_of: str | None = None


def content_hash(text: str) -> str:
    """Hash of the text with whitespace normalised (the identity of a document)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


class Ledger:
    """A DuckDB ledger file. Use as a context manager; one writer at a time."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        import duckdb

        self.path = str(path)
        self.read_only = read_only
        if read_only and not Path(self.path).exists():
            raise NotFoundError(f"no ledger at {self.path}", hint="run `crosstally add` first")
        try:
            self.db = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise LedgerLockedError(
                    "the ledger is in use by another crosstally process",
                    path=self.path,
                    hint="wait for it to finish, or use another --db file",
                ) from exc
            if Path(self.path).is_file():
                raise LedgerDamagedError(
                    f"the ledger file is damaged or not a DuckDB file ({str(exc).splitlines()[0]})",
                    path=self.path,
                    hint=_DAMAGED_HINT,
                ) from exc
            raise LedgerError(f"cannot open the ledger: {exc}", path=self.path) from exc
        except duckdb.Error as exc:
            raise LedgerDamagedError(
                f"the ledger file is damaged ({str(exc).splitlines()[0]})", path=self.path, hint=_DAMAGED_HINT
            ) from exc
        try:
            self._check_intact()
            if not read_only:
                for statement in _SCHEMA + RECONCILED_SCHEMA:
                    self.db.execute(statement)
                self._check_version()
        except duckdb.Error as exc:
            self.db.close()
            raise LedgerDamagedError(
                f"the ledger file is damaged ({str(exc).splitlines()[0]})", path=self.path, hint=_DAMAGED_HINT
            ) from exc
        except LedgerDamagedError:
            self.db.close()
            raise
        self._check_reconciled()

    def _check_reconciled(self) -> None:
        """A ledger whose reconciliation is missing or stale is brought up to date when it
        is opened for writing; opened read-only, it is refused with what to do."""
        import duckdb

        from ..reconcile import reconcile_version
        from .reconciled import refresh, stored_version

        try:
            current = stored_version(self.db) == reconcile_version()
            has_documents = self.db.execute("SELECT count(*) > 0 FROM documents").fetchone()[0]
        except duckdb.Error:  # a ledger without the tables is simply not reconciled
            current, has_documents = False, True
        if current or not has_documents:
            return
        if self.read_only:
            self.db.close()
            raise LedgerStaleError(
                "the ledger's reconciliation is missing or from another crosstally version",
                path=self.path,
                hint=f"run `crosstally reconcile --db {self.path}` once",
            )
        refresh(self, everything=True)

    def _check_intact(self) -> None:
        """Refuse a file shorter than the blocks its own header lists (a truncated copy
        opens and counts rows from metadata, then fails or misleads on the first data
        read), and a read-only file that lacks the ledger's tables."""
        path = Path(self.path)
        if not path.is_file():
            return
        block_size, total_blocks = self.db.execute(
            "SELECT block_size, total_blocks FROM pragma_database_size()"
        ).fetchone()
        expected = _DUCKDB_HEADER_BYTES + int(total_blocks) * int(block_size)
        size = path.stat().st_size
        if total_blocks and size < expected:
            raise LedgerDamagedError(
                f"the ledger file is truncated ({size:,} bytes of the {expected:,} its header lists)",
                path=self.path,
                hint=_DAMAGED_HINT,
            )
        if self.read_only:
            tables = {t for (t,) in self.db.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
            if not {"documents", "claims"} <= tables:
                raise LedgerDamagedError(
                    "this DuckDB file is not a crosstally ledger (no documents and claims tables)",
                    path=self.path,
                    hint="give the --db of a ledger made by `crosstally add`",
                )

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def _check_version(self) -> None:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            self.db.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        elif int(row[0]) > SCHEMA_VERSION:
            raise LedgerVersionError(
                f"ledger schema {row[0]} is newer than this crosstally ({SCHEMA_VERSION})",
                path=self.path,
                hint="upgrade crosstally",
            )

    def has_hash(self, text: str) -> str | None:
        """The id of a stored document with this exact text, if any."""
        row = self.db.execute("SELECT id FROM documents WHERE hash = ?", [content_hash(text)]).fetchone()
        return row[0] if row else None

    def _near_copy(self, fingerprint: int, text: str) -> str | None:
        """The stored document this text repeats: a close simhash, confirmed by most of the
        shorter text's word trigrams appearing in the other."""
        rows = self.db.execute(
            "SELECT id, text, near_copy_of FROM documents WHERE bit_count(xor(simhash, ?::UBIGINT)) <= ? "
            "ORDER BY bit_count(xor(simhash, ?::UBIGINT)), published NULLS LAST, added_at LIMIT 20",
            [fingerprint, NEAR_COPY_BITS, fingerprint],
        ).fetchall()
        mine = trigrams(text)
        for doc_id, other, original in rows:
            if contained(mine, trigrams(other)):
                return original or doc_id
        return None

    def _free_id(self, wanted: str, digest: str) -> str:
        row = self.db.execute("SELECT 1 FROM documents WHERE id = ?", [wanted]).fetchone()
        return wanted if row is None else f"{wanted}#{digest[:8]}"

    def add(
        self,
        doc: Document,
        claims: Iterable[Claim],
        extractor_version: str,
        fail_after_document: bool = False,
    ) -> AddResult:
        """Store one document and its claims atomically (skipped when already stored).

        `fail_after_document` raises between the two writes; tests use it to show that
        a failure leaves no partial document.
        """
        digest = content_hash(doc.text)
        existing = self.has_hash(doc.text)
        if existing:
            return AddResult(existing, "duplicate", 0)
        fingerprint = simhash(doc.text)
        original = self._near_copy(fingerprint, doc.text)
        doc_id = self._free_id(doc.id, digest)
        claims = [c if c.doc == doc_id else _with_doc(c, doc_id) for c in claims]
        self.db.execute("BEGIN TRANSACTION")
        try:
            self.db.execute(
                "INSERT INTO documents (id, hash, simhash, title, outlet, url, published, path, "
                "text, near_copy_of, extractor_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    doc_id,
                    digest,
                    fingerprint,
                    doc.title,
                    doc.outlet,
                    doc.url,
                    doc.published,
                    doc.path,
                    doc.text,
                    original,
                    extractor_version,
                ],
            )
            if fail_after_document:
                raise LedgerError("injected failure between document and claims")
            self._insert_claims(claims)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return AddResult(doc_id, "near-copy" if original else "added", len(claims), original)

    def _insert_claims(self, claims: list[Claim]) -> None:
        if not claims:
            return
        rows = [[getattr(c, name) for name in _CLAIM_COLUMNS] for c in claims]
        columns = ", ".join(f'"{name}"' for name in _CLAIM_COLUMNS)
        marks = ", ".join("?" for _ in _CLAIM_COLUMNS)
        self.db.executemany(f"INSERT INTO claims ({columns}) VALUES ({marks})", rows)

    def replace_claims(self, doc_id: str, claims: list[Claim], extractor_version: str) -> None:
        """Swap a document's claims for freshly extracted ones, atomically."""
        self.db.execute("BEGIN TRANSACTION")
        try:
            self.db.execute("DELETE FROM claims WHERE doc = ?", [doc_id])
            self._insert_claims(claims)
            self.db.execute("UPDATE documents SET extractor_version = ? WHERE id = ?", [extractor_version, doc_id])
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def import_parquet(self, folder: str | Path, extractor_version: str) -> tuple[int, int, bool]:
        """Load a Spark job's output (documents/ and claims/ Parquet) in one transaction;
        documents already stored are skipped with their claims. Into a ledger with no
        documents, aliases or pins, the job's reconciliation (reconciled/) is loaded as it
        is when the same reconciliation version made it; otherwise the caller refreshes.
        Returns (documents, claims, whether the reconciliation was loaded)."""
        folder = Path(folder)
        doc_glob, claim_glob = str(folder / "documents" / "*.parquet"), str(folder / "claims" / "**" / "*.parquet")
        if not list((folder / "documents").glob("*.parquet")):
            raise NotFoundError(f"no documents/*.parquet under {folder}", hint="give the OUTPUT of spark-extract")
        from ..reconcile import reconcile_version

        fresh_ledger = not self.db.execute(
            "SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM aliases) + "
            "(SELECT count(*) FROM story_pins)"
        ).fetchone()[0]
        reconciled = folder / "reconciled"
        made_by = reconciled / "meta"
        take_reconciled = (
            fresh_ledger
            and made_by.is_dir()
            and self.db.execute(
                "SELECT value FROM read_parquet(?) WHERE key = 'reconcile_version'", [str(made_by / "*.parquet")]
            ).fetchone()
            == (reconcile_version(),)
        )
        # simhash is written by Spark as a signed 64-bit integer: its bits, read unsigned.
        unsigned = "CASE WHEN d.simhash < 0 THEN (d.simhash::HUGEINT + 18446744073709551616) ELSE d.simhash END"
        self.db.execute("BEGIN TRANSACTION")
        try:
            self.db.execute(
                "CREATE TEMP TABLE fresh AS SELECT d.* FROM read_parquet(?) d "
                "WHERE d.hash NOT IN (SELECT hash FROM documents)",
                [doc_glob],
            )
            self.db.execute(
                "INSERT INTO documents (id, hash, simhash, title, outlet, url, published, text, near_copy_of, "
                f"extractor_version) SELECT d.id, d.hash, ({unsigned})::UBIGINT, d.title, d.outlet, d.url, "
                "TRY_CAST(d.published AS DATE), d.text, "
                "CASE WHEN d.near_copy_of IN (SELECT id FROM fresh) THEN d.near_copy_of END, ? FROM fresh d",
                [extractor_version],
            )
            self.db.execute("INSERT INTO story_pins SELECT id, story FROM fresh WHERE story IS NOT NULL")
            columns = ", ".join(f'"{name}"' for name in _CLAIM_COLUMNS)
            added = self.db.execute(
                f"INSERT INTO claims ({columns}) SELECT {columns} FROM read_parquet(?, hive_partitioning = true) "
                "WHERE doc IN (SELECT id FROM fresh)",
                [claim_glob],
            ).fetchone()[0]
            documents = self.db.execute("SELECT count(*) FROM fresh").fetchone()[0]
            self.db.execute("DROP TABLE fresh")
            if take_reconciled:
                for table in _RECONCILED_TABLES:
                    if list((reconciled / table).glob("*.parquet")):
                        self.db.execute(
                            f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet(?)",
                            [str(reconciled / table / "*.parquet")],
                        )
                self.db.execute(
                    "INSERT INTO meta VALUES ('reconcile_version', ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [reconcile_version()],
                )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return documents, added, take_reconciled

    def delete_document(self, doc_id: str) -> None:
        """Remove a document and its claims."""
        if self.document(doc_id) is None:
            raise NotFoundError(f"no document {doc_id!r}")
        self.db.execute("BEGIN TRANSACTION")
        try:
            self.db.execute("DELETE FROM claims WHERE doc = ?", [doc_id])
            self.db.execute("DELETE FROM document_names WHERE doc = ?", [doc_id])
            self.db.execute("UPDATE documents SET near_copy_of = NULL WHERE near_copy_of = ?", [doc_id])
            self.db.execute("DELETE FROM documents WHERE id = ?", [doc_id])
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def documents(self, ids: set[str] | None = None) -> list[StoredDocument]:
        """Every document (or those with `ids`), oldest publication first."""
        where, params = ("WHERE id IN (SELECT unnest(?))", [sorted(ids)]) if ids is not None else ("", [])
        rows = self.db.execute(
            "SELECT id, title, outlet, url, published, path, text, near_copy_of, extractor_version "
            f"FROM documents {where} ORDER BY published NULLS LAST, id",
            params,
        ).fetchall()
        return [StoredDocument(*row) for row in rows]

    def measure_summaries(self) -> list[MeasureSummary]:
        """Per measure, computed in the database: category, counts, range, latest date and
        the words of what is counted (for answering questions without loading claims)."""
        rows = self.db.execute(
            "SELECT measure, category, claims, sources, low, high, CAST(last_day AS VARCHAR), words, story, label "
            "FROM measures ORDER BY last_day DESC NULLS LAST, claims DESC, measure"
        ).fetchall()
        return [
            MeasureSummary(m, c, n, s, lo, hi, d, tuple(w or "" for w in words or ()), story, label)
            for m, c, n, s, lo, hi, d, words, story, label in rows
        ]

    def document(self, doc_id: str) -> StoredDocument | None:
        row = self.db.execute(
            "SELECT id, title, outlet, url, published, path, text, near_copy_of, extractor_version "
            "FROM documents WHERE id = ?",
            [doc_id],
        ).fetchone()
        return StoredDocument(*row) if row else None

    def claims(self, where: str = "", params: list | None = None) -> list[Claim]:
        """Claims in document order, optionally filtered by a SQL condition."""
        columns = ", ".join(f'c."{name}"' for name in _CLAIM_COLUMNS)
        joined = (
            f"SELECT {columns}, f.measure FROM claims c LEFT JOIN claim_frames f ON f.doc = c.doc AND f.start = c.start"
        )
        sql = f"SELECT * FROM ({joined}) {('WHERE ' + where) if where else ''} ORDER BY doc, start"
        return [_claim(row) for row in self.db.execute(sql, params or []).fetchall()]

    def counts(self) -> dict[str, int]:
        """How many documents, claims, measures and aliases the ledger holds."""
        row = self.db.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM claims), "
            "(SELECT count(*) FROM measures), (SELECT count(*) FROM aliases)"
        ).fetchone()
        return dict(zip(("documents", "claims", "measures", "aliases"), row, strict=True))

    def aliases(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT alias, canonical FROM aliases ORDER BY alias").fetchall())

    def add_alias(self, alias: str, canonical: str) -> None:
        """Record that `alias` names the same source as `canonical`."""
        self.db.execute(
            "INSERT INTO aliases VALUES (?, ?, 'user') ON CONFLICT (alias) DO UPDATE SET "
            "canonical = excluded.canonical",
            [alias.strip(), canonical.strip()],
        )

    def remove_alias(self, alias: str) -> None:
        if self.db.execute("DELETE FROM aliases WHERE alias = ? RETURNING alias", [alias]).fetchone() is None:
            raise NotFoundError(f"no alias {alias!r}")

    def texts(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT id, text FROM documents").fetchall())


def _with_doc(claim: Claim, doc_id: str) -> Claim:
    from dataclasses import replace

    return replace(claim, doc=doc_id)


def _claim(row) -> Claim:
    values = dict(zip([*_CLAIM_COLUMNS, "measure"], row, strict=True))
    return Claim(**values)
