"""`crosstally export`: claims with their reconciled facts as Parquet, CSV or JSON Lines."""

from __future__ import annotations

import csv
import json
import subprocess
from datetime import date
from pathlib import Path

import duckdb
import pytest

from crosstally.ingest import add_documents
from crosstally.read import Document
from crosstally.store import Ledger

DAY = date(2024, 3, 5)


@pytest.fixture(scope="module")
def ledger_path(tmp_path_factory, nlp) -> Path:
    path = tmp_path_factory.mktemp("export") / "l.duckdb"
    docs = [
        Document(
            "a",
            "Officials said on Monday that 40 people were killed in the Zarovia floods.",
            title="=HYPERLINK(1)",
            published=DAY,
        ),
        Document(
            "b", "Zarovia floods: Rescuers said 12 people were missing in Zarovia on Monday.", title="-2", published=DAY
        ),
    ]
    with Ledger(path) as ledger:
        add_documents(ledger, docs)
    return path


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_export_holds_every_claim_with_its_measure(cli, ledger_path, tmp_path, suffix):
    out = tmp_path / f"claims{suffix}"
    proc = subprocess.run([*cli, "export", "--db", str(ledger_path), "-o", str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    rows = duckdb.sql(f"SELECT * FROM '{out}'").fetchall() if suffix == ".parquet" else None
    if suffix == ".csv":
        rows = list(csv.DictReader(out.open()))
        titles = {r["doc"]: r["title"] for r in rows}
        assert titles == {"a": "'=HYPERLINK(1)", "b": "-2"}
    if suffix == ".jsonl":
        rows = [json.loads(line) for line in out.read_text().splitlines()]
        assert all(r["measure"] and r["story"] and r["as_of"] for r in rows)
    assert len(rows) == 2


def test_export_refuses_an_unknown_format(cli, ledger_path, tmp_path):
    proc = subprocess.run(
        [*cli, "export", "--db", str(ledger_path), "-o", str(tmp_path / "x.xls")], capture_output=True, text=True
    )
    assert proc.returncode != 0 and "format" in proc.stderr and "Traceback" not in proc.stderr
