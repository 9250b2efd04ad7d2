"""Abuse suite, command-line side (issue 10, items 4, 7, 8, 10 and 11): odd files and
damaged ledgers through the installed `crosstally` entry point. Bounded: small inputs,
every subprocess has a timeout.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest

from crosstally.csvsafe import FORMULA_STARTS

REPO = Path(__file__).resolve().parents[1]
STORY = "At least 40 people were killed in the floods on Monday, the health ministry said.\n"
FORMULA = "@SUM(1+1) officials said 300 homes were destroyed in Ruvania on Monday.\n"


def run(cli, *args, input_text=None, timeout=300):
    return subprocess.run([*cli, *args], capture_output=True, text=True, input=input_text, timeout=timeout)


@pytest.fixture(scope="module")
def ledgers(tmp_path_factory, cli) -> dict[str, Path]:
    """A good ledger, copies truncated at three places, and a file that is not DuckDB."""
    folder = tmp_path_factory.mktemp("ledgers")
    story = folder / "story.txt"
    story.write_text(STORY)
    good = folder / "good.duckdb"
    assert run(cli, "add", str(story), "--db", str(good)).returncode == 0
    data = good.read_bytes()
    made = {"good": good}
    for name, size in (("header", 4096), ("early", len(data) // 10), ("late", len(data) * 2 // 3)):
        path = folder / f"{name}.duckdb"
        path.write_bytes(data[:size])
        made[name] = path
    junk = folder / "junk.duckdb"
    junk.write_bytes(b"this is not a database\n" * 200)
    made["junk"] = junk
    return made


# ---- 4: CSV formula injection from `extract --format csv` -------------------------------------


def test_extract_csv_neutralises_formulas(cli, tmp_path: Path):
    path = tmp_path / "formula.txt"
    path.write_text(FORMULA)
    result = run(cli, "extract", "--format", "csv", str(path))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows, "the formula document gave no claims"
    for row in rows:
        for value in row.values():
            assert not value or value[0] not in FORMULA_STARTS or value.lstrip("+-").replace(".", "").isdigit(), row
    assert rows[0]["value"] == "300" and any(v.startswith("'") for v in rows[0].values())


# ---- 7: encodings and lines ----------------------------------------------------------------------


def test_extract_reads_utf16_and_utf32_files(cli, tmp_path: Path):
    paths = []
    for encoding in ("utf-16", "utf-16-le", "utf-32", "utf-32-be"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(STORY.encode(encoding))
        paths.append(str(path))
    result = run(cli, "extract", "--format", "jsonl", *paths)
    assert result.returncode == 0, result.stderr
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(c["doc"] for c in claims) == sorted(Path(p).name for p in paths)
    assert all(c["mention"] == "At least 40" for c in claims)


def test_jsonl_line_separator_inside_a_string_keeps_records_and_line_numbers(cli, tmp_path: Path):
    path = tmp_path / "sep.jsonl"
    records = [
        json.dumps({"id": "a", "text": "Police said\u2028 40 people were killed on Monday."}, ensure_ascii=False),
        "{broken",
        json.dumps({"id": "c", "text": "Officials said 300 homes were destroyed."}),
    ]
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    result = run(cli, "extract", "--format", "jsonl", str(path))
    assert result.returncode == 1
    assert f"{path}:2" in result.stderr and f"{path}:3" not in result.stderr and f"{path}:4" not in result.stderr
    assert {json.loads(line)["doc"] for line in result.stdout.splitlines()} == {"a", "c"}


# ---- 8: files and ledgers ------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["header", "early", "late", "junk"])
def test_damaged_ledger_is_named_with_what_to_do(cli, ledgers, which, tmp_path: Path):
    db = str(ledgers[which])
    story = tmp_path / "s.txt"
    story.write_text(STORY)
    for args in (
        ("report", "--db", db),
        ("report", "--summary", "--db", db),
        ("ask", "how many people were killed?", "--db", db),
        ("add", str(story), "--db", db),
    ):
        result = run(cli, *args)
        assert result.returncode != 0, (args, result.stdout)
        assert "Traceback" not in result.stderr
        assert "damaged" in result.stderr or "truncated" in result.stderr, result.stderr
        assert "backup" in result.stderr and result.stdout == "", (args, result.stderr)


def test_good_ledger_still_opens(cli, ledgers):
    result = run(cli, "report", "--summary", "--db", str(ledgers["good"]))
    assert result.returncode == 0 and "damaged" not in result.stderr


def test_missing_input_is_reported_and_the_batch_goes_on(cli, tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text(STORY)
    result = run(cli, "extract", "--format", "jsonl", str(tmp_path / "missing.txt"), str(good))
    assert result.returncode == 1 and "missing.txt: no such file" in result.stderr
    assert [json.loads(line)["doc"] for line in result.stdout.splitlines()] == ["good.txt"]
    db = tmp_path / "l.duckdb"
    added = run(cli, "add", str(tmp_path / "missing.txt"), str(good), "--db", str(db))
    assert added.returncode == 1 and "missing.txt" in added.stderr and "1 documents" in added.stderr


def test_output_into_a_missing_directory_is_refused_before_any_work(cli, tmp_path: Path, ledgers):
    good = tmp_path / "good.txt"
    good.write_text(STORY)
    target = tmp_path / "nope" / "out.csv"
    result = run(cli, "extract", "--format", "csv", "-o", str(target), str(good))
    assert result.returncode == 2 and "does not exist" in result.stderr and "Traceback" not in result.stderr
    assert "claims from" not in result.stderr  # refused before extraction
    report = run(cli, "report", "--db", str(ledgers["good"]), "-o", str(target))
    assert report.returncode == 2 and "does not exist" in report.stderr


def test_read_only_server_never_creates_a_ledger(cli, tmp_path: Path):
    db = tmp_path / "absent.duckdb"
    result = run(cli, "serve", "--read-only", "--db", str(db), "--port", "1", timeout=60)
    assert result.returncode != 0 and "no ledger" in result.stderr and "Traceback" not in result.stderr
    assert not db.exists()


# ---- 10: what the first command installs is enough to serve --------------------------------------


def test_make_demo_installs_the_server():
    makefile = (REPO / "Makefile").read_text()
    assert "demo: $(VENV)/.base-installed" in makefile and "--extra server" in makefile
    pinned = {
        line.split("==")[0].lower()
        for line in (REPO / "requirements" / "base.lock").read_text().splitlines()
        if "==" in line and not line.startswith((" ", "#"))
    }
    assert {"fastapi", "uvicorn", "jinja2", "python-multipart", "fastapi-offline", "py3langid"} <= pinned


# ---- 11: other languages -------------------------------------------------------------------------


def test_non_english_documents_warn_once_and_english_not_at_all(cli, tmp_path: Path):
    french = tmp_path / "fr.txt"
    french.write_text("Les autorités ont annoncé samedi que 5 300 personnes avaient été évacuées de la ville.\n")
    arabic = tmp_path / "ar.txt"
    arabic.write_text("قال مسؤولون في المدينة إن ثلاثمائة شخص لقوا حتفهم في الفيضانات يوم الاثنين\n")
    english = tmp_path / "en.txt"
    english.write_text(STORY)
    result = run(cli, "extract", "--format", "jsonl", str(french), str(arabic), str(english))
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len([w for w in warnings if "fr.txt" in w and "French" in w]) == 1
    assert len([w for w in warnings if "ar.txt" in w and "Arabic" in w]) == 1
    assert not [w for w in warnings if "en.txt" in w]
    db = tmp_path / "l.duckdb"
    assert run(cli, "add", str(french), str(english), "--db", str(db)).returncode == 0
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        rows = dict(con.execute("SELECT path, language FROM documents").fetchall())
    assert {Path(k).name: v for k, v in rows.items()} == {"fr.txt": "fr", "en.txt": "en"}
