"""Every view reads the one stored reconciliation: on one ledger, the summary, the report,
ask, the API and the pages list the same measures with the same counts."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from crosstally.ask import ask_ledger
from crosstally.ingest import add_documents
from crosstally.read import read_paths
from crosstally.reconcile.view import view_of
from crosstally.report.data import view_dict
from crosstally.store import Ledger


@pytest.fixture(scope="module")
def ledger_path(tmp_path_factory, nlp) -> Path:
    path = tmp_path_factory.mktemp("views") / "l.duckdb"
    corpus = resources.files("crosstally") / "examples" / "derna-floods.jsonl"
    with resources.as_file(corpus) as jsonl, Ledger(path) as ledger:
        add_documents(ledger, read_paths([jsonl]))
    return path


@pytest.fixture(scope="module")
def summary(ledger_path) -> dict[str, int]:
    with Ledger(ledger_path, read_only=True) as ledger:
        return {s.measure: s.claims for s in ledger.measure_summaries()}


def test_report_and_summary_agree(ledger_path, summary):
    with Ledger(ledger_path, read_only=True) as ledger:
        report = view_dict(view_of(ledger))
    assert summary and {m["measure"]: len(m["estimates"]) for m in report["measures"]} == summary
    stories = {m for s in report["stories"] for m in s["measures"]}
    assert stories == set(summary)


def test_ask_answers_with_stored_measures(ledger_path, summary):
    with Ledger(ledger_path, read_only=True) as ledger:
        answer, _ = ask_ledger(ledger, "how many people died in the floods?")
    assert answer.measures
    for m in answer.measures:
        assert summary[m.measure] == len(m.estimates)


def test_api_and_pages_agree(ledger_path, summary):
    from fastapi.testclient import TestClient

    from crosstally.serve.app import Settings, create_app

    client = TestClient(create_app(Settings(str(ledger_path), read_only=True)), base_url="http://127.0.0.1")
    measures = client.get("/api/measures").json()["measures"]
    assert {m["measure"]: m["estimates"] for m in measures} == summary
    overview = client.get("/").text
    for measure in summary:
        assert client.get(f"/measures/{measure}").status_code == 200
    linked = set(re.findall(r'href="/measures/([^"]+)"', overview))
    assert linked <= set(summary)
    docs = client.get("/api/documents").json()
    first = (docs.get("documents") or docs.get("items"))[0]["id"]
    page = client.get(f"/documents/{first}").text
    for measure in set(re.findall(r'href="/measures/([^"]+)"', page)):
        assert client.get(f"/measures/{measure}").status_code == 200, measure
    exported = [json.loads(line) for line in client.get("/api/claims?format=jsonl").text.splitlines() if line]
    counts: dict[str, int] = {}
    for claim in exported:
        counts[claim["measure"]] = counts.get(claim["measure"], 0) + 1
    assert counts == summary


def test_the_example_corpus_blames_the_outlet_that_misquotes(ledger_path):
    """The example corpus's README: derna-07 carries the Red Crescent's Thursday figure as
    missing where the other report carries it as killed."""
    with Ledger(ledger_path, read_only=True) as ledger:
        flags = view_dict(view_of(ledger))["flags"]
    misquotes = [f for f in flags if f["type"] == "misquote"]
    assert [f["claim"]["doc"] for f in misquotes] == ["derna-07"]
    assert misquotes[0]["like"]["doc"] != "derna-07"


def test_a_large_html_report_draws_only_its_largest_measures(ledger_path, monkeypatch):
    from crosstally.report import html

    monkeypatch.setattr(html, "MAX_SECTIONS", 2)
    with Ledger(ledger_path, read_only=True) as ledger:
        view = view_of(ledger)
    page = html.render_html(view)
    assert page.count('<section class="measure"') == 2
    biggest = max(view.measures, key=lambda m: len(m.estimates))
    assert f'id="{biggest.measure}"' in page and "--story" in page
