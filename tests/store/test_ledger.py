"""The DuckDB ledger: idempotent, atomic, one writer, near-copies linked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from crosstally.errors import LedgerError, LedgerLockedError
from crosstally.extract import extract
from crosstally.ingest import Failure, add_documents, extractor_version, reextract
from crosstally.read import Document, read_paths
from crosstally.store import Ledger

STORY = (
    "Floods hit the valley\n"
    "At least 40 people were killed and 300 were injured in the floods, the regional governor "
    "said on Monday. The Red Cross said about 2,000 people had been displaced.\n"
)


def doc(text: str = STORY, doc_id: str = "a.txt", **kw) -> Document:
    return Document(doc_id, text, **kw)


def test_add_is_idempotent(tmp_path: Path, nlp):
    db = tmp_path / "l.duckdb"
    with Ledger(db) as ledger:
        first = add_documents(ledger, [doc()])
        again = add_documents(ledger, [doc(doc_id="other-name.txt")])
        counts = ledger.counts()
    assert first[0].status == "added" and first[0].claims == 3
    assert again[0].status == "duplicate"
    assert counts["documents"] == 1 and counts["claims"] == 3


def test_same_name_different_text_gets_its_own_id(tmp_path: Path, nlp):
    with Ledger(tmp_path / "l.duckdb") as ledger:
        add_documents(ledger, [doc(), doc(text="Nine miners died in the collapse, police said.")])
        ids = [d.id for d in ledger.documents()]
    assert len(ids) == 2 and "a.txt" in ids


def test_failure_between_document_and_claims_leaves_nothing(tmp_path: Path, nlp):
    db = tmp_path / "l.duckdb"
    with Ledger(db) as ledger:
        claims = extract(STORY, doc_id="a.txt")
        with pytest.raises(LedgerError):
            ledger.add(doc(), claims, extractor_version(), fail_after_document=True)
        assert ledger.counts()["documents"] == 0 and ledger.counts()["claims"] == 0
        result = ledger.add(doc(), claims, extractor_version())
        assert result.status == "added"
    with Ledger(db) as ledger:
        assert ledger.counts()["documents"] == 1 and ledger.counts()["claims"] == 3


def test_interrupted_process_leaves_the_ledger_as_it_was(tmp_path: Path, nlp):
    db = tmp_path / "l.duckdb"
    with Ledger(db) as ledger:
        add_documents(ledger, [doc()])
    script = (
        "import os\n"
        "from crosstally.store import Ledger\n"
        "from crosstally.read import Document\n"
        "from crosstally.extract import extract\n"
        f"l = Ledger({str(db)!r})\n"
        "text = 'Some 500 homes were destroyed, officials said.'\n"
        "c = extract(text, doc_id='b.txt')\n"
        "l.db.execute('BEGIN TRANSACTION')\n"
        "l.db.execute(\"INSERT INTO documents (id, hash, text) VALUES ('b.txt', 'h', 'x')\")\n"
        "os._exit(9)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert proc.returncode == 9
    with Ledger(db) as ledger:
        assert [d.id for d in ledger.documents()] == ["a.txt"]


def test_a_second_writer_gets_a_clear_error(tmp_path: Path, cli):
    db = tmp_path / "l.duckdb"
    text = tmp_path / "a.txt"
    text.write_text("Nine miners died, police said.\n")
    with Ledger(db):
        proc = subprocess.run([*cli, "add", "--db", str(db), str(text)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == LedgerLockedError.exit_code
    assert "in use by another crosstally process" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_near_copy_is_linked_to_its_original(tmp_path: Path, nlp):
    wire = STORY + "Rescue teams were searching the river banks for survivors late into the night.\n"
    copy = wire.replace("Floods hit the valley", "Valley floods: toll rises") + "Read more.\n"
    with Ledger(tmp_path / "l.duckdb") as ledger:
        add_documents(ledger, [doc(wire, "wire.txt", published=None)])
        (result,) = add_documents(ledger, [doc(copy, "site.txt")])
        assert result.status == "near-copy" and result.near_copy_of == "wire.txt"
        unrelated = "Nine miners died in the collapse of a shaft in the north, police said on Friday."
        (other,) = add_documents(ledger, [doc(unrelated, "b.txt")])
        assert other.status == "added"


def test_bad_records_are_recorded_and_the_rest_kept(tmp_path: Path, nlp):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "Two ships sank, the coast guard said."}\n{broken\n{"id": "x"}\n')
    page = tmp_path / "bad.html"
    page.write_text("<html><body><nav>menu</nav></body></html>")
    with Ledger(tmp_path / "l.duckdb") as ledger:
        results = add_documents(ledger, read_paths([feed, page]))
        failures = [r for r in results if isinstance(r, Failure)]
        assert ledger.counts()["documents"] == 1
    wheres = sorted(f.where for f in failures)
    assert any(w.endswith("feed.jsonl:2") for w in wheres)
    assert any(w.endswith("feed.jsonl:3") for w in wheres)
    assert any(w.endswith("bad.html") for w in wheres)


def test_reextract_refreshes_stale_claims(tmp_path: Path, nlp):
    db = tmp_path / "l.duckdb"
    with Ledger(db) as ledger:
        add_documents(ledger, [doc()])
        ledger.db.execute("UPDATE documents SET extractor_version = '0.0.0'")
        ledger.db.execute("DELETE FROM claims")
        assert reextract(ledger) == 1
        assert ledger.counts()["claims"] == 3
        assert reextract(ledger) == 0
        assert ledger.documents()[0].extractor_version == extractor_version()


def test_a_stale_reconciliation_is_refreshed_on_write_and_refused_read_only(tmp_path: Path, nlp):
    from crosstally.errors import LedgerStaleError
    from crosstally.reconcile import reconcile_version

    path = tmp_path / "stale.duckdb"
    with Ledger(path) as ledger:
        add_documents(ledger, [Document("a", "Officials said 40 people were killed in the floods in Zarovia.")])
        ledger.db.execute("UPDATE meta SET value = 'old' WHERE key = 'reconcile_version'")
        ledger.db.execute("DELETE FROM measures")
    with pytest.raises(LedgerStaleError, match="reconcile"):
        Ledger(path, read_only=True)
    with Ledger(path) as ledger:
        assert ledger.counts()["measures"] == 1
        assert ledger.db.execute("SELECT value FROM meta WHERE key = 'reconcile_version'").fetchone()[0] == (
            reconcile_version()
        )
    with Ledger(path, read_only=True) as ledger:
        assert ledger.measure_summaries()
