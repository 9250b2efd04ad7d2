"""The Spark job in local mode, with the machine's Java: same claims as one process."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import asdict
from importlib import resources
from pathlib import Path

import pytest

from crosstally.extract import DocumentText, extract_many
from crosstally.read import Document, read_paths
from crosstally.store import Ledger

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, list[Document]]:
    folder = tmp_path_factory.mktemp("spark-in")
    source = resources.files("crosstally") / "examples" / "derna-floods.jsonl"
    with resources.as_file(source) as path:
        docs = [d for d in read_paths([path]) if isinstance(d, Document)]
    seeds = Path(__file__).resolve().parents[3] / "shared" / "seeds"
    if seeds.exists():
        docs += [d for d in read_paths([seeds]) if isinstance(d, Document)]
    lines = [
        json.dumps(
            {
                "id": d.id,
                "text": d.text,
                "title": d.title,
                "outlet": d.outlet,
                "published": d.published.isoformat() if d.published else None,
            }
        )
        for d in docs
    ]
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


def _key(c: dict) -> tuple:
    return tuple(c[k] for k in ("doc", "start", "end", "mention", "value", "category", "source", "measure"))


def test_spark_claims_equal_single_process(corpus, spark_output, nlp):
    import duckdb

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
    assert len(clean) == len(local) > 40
    partitions = {p.name for p in (spark_output / "claims").iterdir() if p.is_dir()}
    assert "pub_date=2023-09-15" in partitions and "pub_date=unknown" in partitions


def test_load_spark_output_into_a_ledger(spark_output, corpus, tmp_path, cli):
    db = tmp_path / "l.duckdb"
    proc = subprocess.run(
        [*cli, "add", "--db", str(db), "--claims", str(spark_output)], capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    with Ledger(db) as ledger:
        counts = ledger.counts()
        assert counts["documents"] == len(corpus[1])
        assert counts["claims"] > 40
        doc = ledger.document("derna-04")
        claims = ledger.claims("doc = ?", ["derna-04"])
        assert all(doc.text[c.start : c.end] == c.mention for c in claims)
    again = subprocess.run(
        [*cli, "add", "--db", str(db), "--claims", str(spark_output)], capture_output=True, text=True, timeout=300
    )
    assert "loaded 0 new documents and 0 claims" in again.stderr
