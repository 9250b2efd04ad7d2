"""Spark local mode on 2 cores against one process: extraction and reconciliation into a ledger.

The corpus is the dev stories' real reports (`../shared/gold/stories`) copied with every
capitalised name changed and the dates moved 60 days per copy (as bench_reconcile's
"many small" stories), so that each copy is a story of its own. The Spark path is
`spark-extract` (extract, find near-copies, group stories on the driver, reconcile each
story on a worker, write Parquet) and then loading its output (`add --claims`); the one
process path is what `crosstally add` does (extract, store, reconcile), and then a full
re-reconciliation of that ledger (`crosstally reconcile`) for the reconciliation's share.
The two ledgers' tables are compared.

    .venv/bin/python benchmarks/bench_spark.py --docs 1000
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

TABLES = (
    "documents",
    "claims",
    "stories",
    "story_documents",
    "document_dates",
    "claim_frames",
    "measures",
    "source_entities",
    "flags",
)


def corpus(n: int) -> list:
    """About `n` real reports, each copy of the dev stories an event of its own."""
    from bench_reconcile import STORIES, _renamed

    from crosstally.story_eval import story_documents, story_folders

    docs = [d for folder in story_folders([STORIES]) for d in story_documents(folder)]
    out = []
    copy = 0
    while len(out) < n:
        for d in docs:
            published = d.published + timedelta(days=60 * copy) if d.published else None
            text = _renamed(d.text, copy) + f"\nFiled as report {copy}."
            out.append(
                replace(d, id=f"{copy}-{d.id}", text=text, title=_renamed(d.title or "", copy), published=published)
            )
        copy += 1
    return out[:n]


def table_rows(db) -> dict[str, list]:
    """Every row of the compared tables, sorted (documents without their load time)."""
    out = {}
    for table in TABLES:
        sql = (
            "SELECT id, hash, simhash, title, outlet, published, text, near_copy_of FROM documents"
            if table == "documents"
            else f"SELECT * FROM {table}"
        )
        out[table] = sorted(db.execute(sql).fetchall(), key=repr)
    return out


def main() -> None:
    from crosstally.ingest import add_documents, extractor_version
    from crosstally.nlp import load_pipeline
    from crosstally.options import ExtractOptions
    from crosstally.spark.job import run
    from crosstally.store import Ledger
    from crosstally.store.reconciled import refresh

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--partitions", type=int, default=4)
    args = ap.parse_args()
    docs = corpus(args.docs)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "docs.jsonl"
        fields = ("id", "text", "title", "outlet")
        source.write_text(
            "".join(
                json.dumps({k: getattr(d, k) for k in fields} | {"published": d.published and d.published.isoformat()})
                + "\n"
                for d in docs
            )
        )
        start = time.perf_counter()
        result = run(str(source), str(Path(tmp) / "out"), master="local[2]", partitions=args.partitions)
        spark_s = time.perf_counter() - start
        start = time.perf_counter()
        with Ledger(Path(tmp) / "spark.duckdb") as ledger:
            loaded = ledger.import_parquet(Path(tmp) / "out", extractor_version())
            load_s = time.perf_counter() - start
            spark_tables = table_rows(ledger.db)
        load_pipeline(ExtractOptions().model)
        with Ledger(Path(tmp) / "local.duckdb") as ledger:
            start = time.perf_counter()
            add_documents(ledger, docs)
            local_s = time.perf_counter() - start
            local_tables = table_rows(ledger.db)
            start = time.perf_counter()
            refresh(ledger, everything=True)
            refresh_s = time.perf_counter() - start
    print(
        json.dumps(
            {
                "docs": len(docs),
                "claims": result["claims"],
                "stories": result["stories"],
                "spark_local2_s": round(spark_s, 1),
                "spark_stages_s": result["seconds"],
                "load_s": round(load_s, 2),
                "reconciliation_loaded": loaded[2],
                "one_process_add_s": round(local_s, 1),
                "one_process_full_refresh_s": round(refresh_s, 1),
                "equal_tables": [t for t in TABLES if spark_tables[t] == local_tables[t]],
                "different_tables": [t for t in TABLES if spark_tables[t] != local_tables[t]],
            }
        )
    )


if __name__ == "__main__":
    main()
