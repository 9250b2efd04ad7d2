"""Reports and answers over a real ledger, and the HTML report in a real browser."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

DOCS = [
    {
        "id": "r1",
        "title": "Quake toll rises",
        "outlet": "North Post",
        "published": "2023-02-07",
        "text": "The disaster agency said on Tuesday that at least 3,400 people had been killed in the "
        "earthquake in Zarovia.\nAnother 15,000 people were injured, the agency said.\n",
    },
    {
        "id": "r2",
        "title": "Rescuers race the cold",
        "outlet": "South Times",
        "published": "2023-02-08",
        "text": "The disaster agency said on Wednesday the number of dead in Zarovia had risen to 5,900.\n"
        "Rescue workers pulled 34 survivors from the rubble overnight.\n",
    },
    {
        "id": "r3",
        "title": "<script>alert('x')</script> Toll",
        "outlet": "<b>Evil</b>",
        "published": "2023-02-08",
        "text": "<script>window.__pwned = 1</script> An aid group said on Wednesday that 9,000 people "
        "were killed in Zarovia, citing its own field teams.\n",
    },
]


@pytest.fixture(scope="module")
def ledger_file(tmp_path_factory, cli) -> Path:
    folder = tmp_path_factory.mktemp("reports")
    feed = folder / "feed.jsonl"
    feed.write_text("".join(json.dumps(d) + "\n" for d in DOCS))
    db = folder / "l.duckdb"
    proc = subprocess.run([*cli, "add", "--db", str(db), str(feed)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "3 new" in proc.stderr and "claims" in proc.stderr
    return db


def run(cli, *args):
    return subprocess.run([*cli, *args], capture_output=True, text=True, timeout=300)


def test_terminal_report(cli, ledger_file):
    proc = run(cli, "report", "--db", str(ledger_file))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "zarovia-2023-02-people-dead" in out
    assert "disaster agency" in out and "5,900" in out
    assert "conflict" in out


def test_json_and_markdown_reports(cli, ledger_file, tmp_path):
    proc = run(cli, "report", "--db", str(ledger_file), "--format", "json")
    data = json.loads(proc.stdout)
    killed = next(m for m in data["measures"] if m["measure"] == "zarovia-2023-02-people-dead")
    assert [e["claim"]["value"] for e in killed["estimates"]][:2] == [3400, 5900]
    assert killed["conflicts"]
    md = tmp_path / "r.md"
    run(cli, "report", "--db", str(ledger_file), "--format", "md", "-o", str(md))
    assert "## zarovia-2023-02-people-dead" in md.read_text()
    assert "**at least 3,400**" in md.read_text()


def test_ask_answers_with_every_estimate(cli, ledger_file):
    proc = run(cli, "ask", "how many people died in the Zarovia earthquake?", "--db", str(ledger_file), "--json")
    assert proc.returncode == 0, proc.stderr
    answer = json.loads(proc.stdout)
    first = answer["measures"][0]
    assert first["measure"] == "zarovia-2023-02-people-dead"
    sources = {e["source"] for e in first["estimates"]}
    assert len(first["estimates"]) == 3 and len(sources) == 2
    assert all(e["document"]["id"] and e["source"] for e in first["estimates"])
    proc = run(cli, "ask", "how many tanks were destroyed?", "--db", str(ledger_file))
    assert proc.returncode == 1 and "No measure" in proc.stdout


def test_ask_on_a_missing_ledger_is_a_clear_error(cli, tmp_path):
    proc = run(cli, "ask", "how many?", "--db", str(tmp_path / "none.duckdb"))
    assert proc.returncode == 1 and "no ledger" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.browser
def test_html_report_in_a_browser(cli, ledger_file, tmp_path):
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    html = tmp_path / "report.html"
    proc = run(cli, "report", "--db", str(ledger_file), "--format", "html", "-o", str(html))
    assert proc.returncode == 0, proc.stderr
    text = html.read_text()
    assert "<script>" not in text and "http://" not in text.replace('href="http', "")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1200, "height": 1400})
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(html.as_uri())
        section = page.locator("section#zarovia-2023-02-people-dead")
        assert section.locator("svg.timeline circle").count() == 3
        assert section.locator("svg.timeline a.estimate").count() == 3
        marks = section.locator("td.evidence mark")
        assert marks.first.inner_text() == "at least 3,400"
        section.locator("svg.timeline a.estimate").first.click()
        assert page.evaluate("location.hash").startswith("#m")
        assert page.evaluate("window.__pwned") is None and dialogs == []
        assert "<script>" in page.content() or "&lt;script&gt;" in page.content()
        assert all(u.startswith(("file:", "data:", "about:")) for u in requests)
        page.screenshot(path=str(ARTIFACTS / "html-report.png"), full_page=False)
        browser.close()


def test_summary_report_from_the_database(cli, ledger_file):
    proc = run(cli, "report", "--db", str(ledger_file), "--summary", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    rows = {r["measure"]: r for r in json.loads(proc.stdout)}
    killed = rows["zarovia-2023-02-people-dead"]
    assert killed["claims"] == 3 and killed["low"] == 3400 and killed["high"] == 9000


def test_ask_from_the_ledger_matches_ask_on_the_full_view(ledger_file):
    from crosstally.ask import ask, ask_ledger
    from crosstally.reconcile.view import view_of
    from crosstally.store import Ledger

    with Ledger(ledger_file, read_only=True) as ledger:
        full = ask(view_of(ledger), "how many people were killed?")
        fast, _ = ask_ledger(ledger, "how many people were killed?")
    assert [m.measure for m in fast.measures] == [m.measure for m in full.measures]
    assert [len(m.estimates) for m in fast.measures] == [len(m.estimates) for m in full.measures]
