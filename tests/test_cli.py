"""The command line, through the installed entry point."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from crosstally import CLAIM_FIELDS


def run(cli, *args, input_text=None, cwd=None):
    return subprocess.run([*cli, *args], capture_output=True, text=True, input=input_text, cwd=cwd, timeout=300)


def test_extract_jsonl_has_exactly_the_contract_fields(cli, tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("At least 40 people were killed on Monday, the health ministry said.\n")
    result = run(cli, "extract", "--format", "jsonl", "--published", "2024-12-24", str(path))
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    claim = json.loads(line)
    assert list(claim) == [*CLAIM_FIELDS, "measure"]
    assert claim["doc"] == "a.txt" and claim["value"] == 40 and claim["qualifier"] == "min"
    assert claim["category"] == "killed" and claim["source"] == "health ministry"
    assert claim["date"] == "2024-12-23"
    text = path.read_text()
    assert text[claim["start"] : claim["end"]] == claim["mention"] == "At least 40"


def test_extract_reads_stdin_and_prints_a_table_with_evidence(cli):
    result = run(cli, "extract", "-", input_text="Rescuers found 57 bodies, police said.\n")
    assert result.returncode == 0, result.stderr
    assert "57" in result.stdout and "police" in result.stdout
    assert (
        "Rescuers found 57 bodies" in result.stdout.replace("\n", " ").replace("│", " ") or "Rescuers" in result.stdout
    )


def test_extract_csv(cli, tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("Some 300 homes were destroyed.\n")
    result = run(cli, "extract", "--format", "csv", str(path))
    header, row = result.stdout.splitlines()[:2]
    assert header.split(",")[:4] == ["doc", "start", "end", "mention"]
    assert "Some 300" in row


def test_bad_files_are_reported_and_the_batch_goes_on(cli, tmp_path: Path):
    (tmp_path / "good.txt").write_text("Nine miners died, the company said.\n")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "feed.jsonl").write_text('{"text": "Two ships sank."}\n{oops\n')
    result = run(cli, "extract", "--format", "jsonl", str(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "bad.txt: binary data" in result.stderr
    assert "feed.jsonl:2: invalid JSON" in result.stderr
    docs = {json.loads(line)["doc"] for line in result.stdout.splitlines()}
    assert docs == {"good.txt", "feed.jsonl:1"}


def test_missing_path_and_bad_date_are_user_errors(cli, tmp_path: Path):
    # A missing path is reported like any unreadable input and the batch goes on (exit 1).
    result = run(cli, "extract", str(tmp_path / "nope.txt"))
    assert result.returncode == 1 and "no such file" in result.stderr
    assert "Traceback" not in result.stderr
    result = run(cli, "extract", "--published", "yesterday", "-", input_text="Two died.")
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr


def test_eval_prints_the_scores(cli, shared: Path):
    result = run(cli, "eval", "--gold", str(shared / "gold" / "seeds.jsonl"), "--docs", str(shared / "seeds"))
    assert result.returncode == 0, result.stderr
    assert "figure P" in result.stdout and "source" in result.stdout


def test_demo_runs_on_the_bundled_corpus(cli, tmp_path: Path):
    result = run(cli, "demo", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Derna" in result.stdout or "derna" in result.stdout
