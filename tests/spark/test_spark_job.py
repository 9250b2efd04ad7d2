"""The Spark job in local mode, with the machine's Java: the same claims as one process,
and a ledger loaded from its output equal to one built by `crosstally add`.

The corpus holds real multi-outlet stories (the dev stories and the seeds, with their
metadata), the bundled examples, a text given twice under two ids, a pinned document and
two records without text.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import asdict
from importlib import resources
from pathlib import Path

import duckdb
import pytest

from crosstally.extract import DocumentText, extract_many
from crosstally.read import Document, read_paths
from crosstally.store import Ledger
from crosstally.story_eval import story_documents, story_folders

pytestmark = pytest.mark.slow

#: Every table of a ledger that reconciliation or loading decides, as compared.
TABLES = {
    "documents": "SELECT id, hash, simhash, title, outlet, url, published, text, near_copy_of FROM documents",
    "story_pins": "SELECT * FROM story_pins",
    "claims": "SELECT * FROM claims",
    "stories": "SELECT * FROM stories",
    "story_documents": "SELECT * FROM story_documents",
    "document_names": "SELECT * FROM document_names",
    "document_dates": "SELECT * FROM document_dates",
    "claim_frames": "SELECT * FROM claim_frames",
    "measures": "SELECT * FROM measures",
    "source_entities": "SELECT * FROM source_entities",
    "flags": "SELECT * FROM flags",
}
PINNED = ("001_88520847ec444e6e.txt", "korea-pinned")


def _record(d: Document, **extra) -> str:
    published = d.published.isoformat() if d.published else None
    fields = {"id": d.id, "text": d.text, "title": d.title, "outlet": d.outlet, "published": published}
    return json.dumps(fields | extra)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, shared) -> tuple[Path, list[Document]]:
    folder = tmp_path_factory.mktemp("spark-in")
    docs = [d for story in story_folders([shared / "gold" / "stories"]) for d in story_documents(story)]
    docs += [d for d in read_paths([shared / "seeds"]) if isinstance(d, Document)]
    with resources.as_file(resources.files("crosstally") / "examples" / "derna-floods.jsonl") as path:
        docs += [d for d in read_paths([path]) if isinstance(d, Document)]
    lines = [_record(d, story=PINNED[1]) if d.id == PINNED[0] else _record(d) for d in docs]
    lines.append(_record(docs[3]).replace(f'"id": "{docs[3].id}"', '"id": "same-text-again"'))
    lines.append(json.dumps({"id": "empty", "text": ""}))
    lines.append(json.dumps({"id": "no-text"}))
    (folder / "docs.jsonl").write_text("\n".join(lines) + "\n")
    return folder / "docs.jsonl", docs


@pytest.fixture(scope="module")
def spark_output(corpus, tmp_path_factory, cli) -> Path:
    if shutil.which("java") is None:
        pytest.skip("no Java on this machine")
    pytest.importorskip("pyspark")
    out = tmp_path_factory.mktemp("spark-out") / "out"
    proc = subprocess.run(
        [*cli, "spark-extract", str(corpus[0]), str(out), "--partitions", "2"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def spark_ledger(spark_output, tmp_path_factory, cli) -> Path:
    db = tmp_path_factory.mktemp("spark-ledger") / "spark.duckdb"
    proc = subprocess.run(
        [*cli, "add", "--db", str(db), "--claims", str(spark_output)], capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    return db


@pytest.fixture(scope="module")
def local_ledger(corpus, tmp_path_factory, cli) -> Path:
    db = tmp_path_factory.mktemp("local-ledger") / "local.duckdb"
    proc = subprocess.run([*cli, "add", "--db", str(db), str(corpus[0])], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1 and "2 failed" in proc.stderr, proc.stderr  # the two records without text
    return db


def _tables(db: Path) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {name: sorted(con.execute(sql).fetchall(), key=repr) for name, sql in TABLES.items()}
    finally:
        con.close()


def _key(c: dict) -> tuple:
    return tuple(c[k] for k in ("doc", "start", "end", "mention", "value", "category", "source", "measure"))


def test_spark_claims_equal_single_process(corpus, spark_output, nlp):
    _, docs = corpus
    items = [DocumentText(d.text, d.id, d.published) for d in docs]
    local = [asdict(c) for claims in extract_many(items) for c in claims]
    con = duckdb.connect()
    result = con.execute(
        "SELECT * EXCLUDE (pub_date) FROM read_parquet(?, hive_partitioning = true)",
        [str(spark_output / "claims" / "**" / "*.parquet")],
    )
    names = [d[0] for d in result.description]
    clean = [dict(zip(names, row, strict=True)) for row in result.fetchall()]
    assert sorted(map(_key, clean)) == sorted(map(_key, local))
    assert len(clean) == len(local) > 100
    partitions = {p.name for p in (spark_output / "claims").iterdir() if p.is_dir()}
    assert "pub_date=2023-09-15" in partitions and "pub_date=unknown" in partitions


def test_spark_ledger_equals_local_add(spark_ledger, local_ledger):
    spark, local = _tables(spark_ledger), _tables(local_ledger)
    for name in TABLES:
        assert spark[name] == local[name], name
    assert len([row for row in spark["stories"] if row[4] >= 6]) >= 2  # two real multi-outlet stories, at least
    assert PINNED in spark["story_pins"]
    assert {row[0] for row in spark["flags"]} == {"conflict", "revision", "misquote", "near_copy"}
    assert any(row[-1] for row in spark["documents"])  # a near-copy linked to its original
    assert "same-text-again" not in {row[0] for row in spark["documents"]}
    published = {row[0] for row in spark["documents"] if row[6] is not None}
    frames = [row for row in spark["claim_frames"] if row[0] in published]
    assert len(frames) > 100 and all(row[12] is not None for row in frames)  # every statement dated


def test_spark_reconciliation_equals_a_full_refresh(spark_ledger, tmp_path, cli):
    copy = tmp_path / "refreshed.duckdb"
    shutil.copy(spark_ledger, copy)
    proc = subprocess.run([*cli, "reconcile", "--db", str(copy)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert _tables(copy) == _tables(spark_ledger)


def test_a_ledger_with_aliases_reconciles_what_it_loads(spark_output, tmp_path, cli):
    db = tmp_path / "aliased.duckdb"
    with Ledger(db) as ledger:
        ledger.add_alias("Joint Chiefs of Staff", "Volodymyr Zelenskiy")
    proc = subprocess.run(
        [*cli, "add", "--db", str(db), "--claims", str(spark_output)], capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    with Ledger(db) as ledger:
        variants = ledger.db.execute(
            "SELECT variants FROM source_entities WHERE list_contains(variants, 'Volodymyr Zelenskiy')"
        ).fetchone()[0]
    assert "Joint Chiefs of Staff" in variants


def test_load_spark_output_into_a_ledger(spark_output, corpus, spark_ledger, cli):
    with Ledger(spark_ledger) as ledger:
        counts = ledger.counts()
        assert counts["documents"] == len(corpus[1])
        assert counts["claims"] > 100
        doc = ledger.document("derna-04")
        claims = ledger.claims("doc = ?", ["derna-04"])
        assert all(doc.text[c.start : c.end] == c.mention for c in claims)
    again = subprocess.run(
        [*cli, "add", "--db", str(spark_ledger), "--claims", str(spark_output)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "loaded 0 new documents and 0 claims" in again.stderr
