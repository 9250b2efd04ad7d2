"""How the ledger grows: add, report and ask times and the DuckDB file size, from 1k to
1M synthetic claims.

Claims are generated in the database (200 measures, 50 sources, 20 claims a document)
and added through the bulk Parquet path (`Ledger.import_parquet`), as a Spark job's
output is, then reconciled (`store.reconciled.refresh`, timed on its own). Report and ask
are timed in fresh processes through the CLI.

    .venv/bin/python benchmarks/bench_ledger.py --sizes 1000 10000 100000 1000000
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from crosstally.ask import ask_ledger
from crosstally.ingest import extractor_version
from crosstally.store import Ledger
from crosstally.store.reconciled import refresh

CATEGORIES = ["killed", "wounded", "casualties", "displaced", "missing", "deployed"]


def synthesize(folder: Path, n_claims: int) -> None:
    docs = max(1, n_claims // 20)
    con = duckdb.connect()
    (folder / "documents").mkdir(parents=True)
    (folder / "claims").mkdir()
    # The columns spark-extract writes: the text's hash (its words are single-spaced, as
    # the ledger's hash normalises them), a simhash, no pin and no copy link.
    con.execute(f"""COPY (SELECT *, sha256(text) AS hash, (hash(text) >> 1)::BIGINT AS simhash,
        NULL::VARCHAR AS story, NULL::VARCHAR AS near_copy_of FROM (SELECT 'd' || i AS id,
        'Officials said ' || (i * 7 % 9000) || ' people were killed in the floods in Ruvania, report ' || i || '.'
          AS text, 'Report ' || i AS title, 'Outlet ' || (i % 40) AS outlet, NULL AS url,
        (DATE '2023-01-01' + (i % 300)::INTEGER)::VARCHAR AS published
        FROM range({docs}) t(i))) TO '{folder}/documents/part.parquet' (FORMAT parquet)""")
    cats = "['" + "','".join(CATEGORIES) + "']"
    con.execute(f"""COPY (SELECT 'd' || (i // 20) AS doc, 15 AS start, 19 AS "end", '1234' AS mention,
        (100 + i % 5000)::DOUBLE AS value, NULL::DOUBLE AS value_max,
        (['exact','approx','min','max'])[1 + i % 4] AS qualifier, NULL AS unit, NULL AS per,
        'people' AS counted, {cats}[1 + (i % 200) % 6] AS category, 'Source ' || (i % 50) AS source,
        NULL AS via, 'on Monday' AS time_text, (DATE '2023-01-01' + (i % 300)::INTEGER)::VARCHAR AS date,
        'Ruvania' AS location, 0 AS evidence_start, 60 AS evidence_end,
        'place-' || ((i % 200) // 6) || '-people-' || {cats}[1 + (i % 200) % 6] AS measure
        FROM range({n_claims}) t(i)) TO '{folder}/claims/part.parquet' (FORMAT parquet)""")


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000, 1000000])
    ap.add_argument(
        "--full-report-max",
        type=int,
        default=100000,
        help="largest size at which the full (every estimate) report is timed",
    )
    args = ap.parse_args()
    cli = str(Path(sys.executable).with_name("crosstally"))
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "synthetic"
            synthesize(folder, n)
            db = Path(tmp) / "bench.duckdb"
            start = time.perf_counter()
            with Ledger(db) as ledger:
                ledger.import_parquet(folder, extractor_version())
                add_s = time.perf_counter() - start
                start = time.perf_counter()
                refresh(ledger)
                reconcile_s = time.perf_counter() - start
            row = {
                "claims": n,
                "add_s": round(add_s, 2),
                "reconcile_s": round(reconcile_s, 2),
                "report_summary_s": round(
                    timed([cli, "report", "--db", str(db), "--summary", "--format", "json", "-o", os.devnull]), 2
                ),
                "ask_s": round(
                    timed([cli, "ask", "how many people were killed in place 3?", "--db", str(db), "--json"]), 2
                ),
            }
            if n <= args.full_report_max:
                row["report_full_s"] = round(
                    timed([cli, "report", "--db", str(db), "--format", "json", "-o", os.devnull]), 2
                )
            with Ledger(db, read_only=True) as ledger:
                start = time.perf_counter()
                ledger.measure_summaries()
                row["summary_in_process_s"] = round(time.perf_counter() - start, 3)
                start = time.perf_counter()
                answer, _ = ask_ledger(ledger, "how many people were killed in place 3?")
                row["ask_in_process_s"] = round(time.perf_counter() - start, 3)
                row["ask_estimates"] = sum(len(m.estimates) for m in answer.measures)
            row["file_mb"] = round(db.stat().st_size / 1e6, 1)
            print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
