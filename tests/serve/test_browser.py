"""The web pages in Debian's chromium, driven by Playwright: overview, upload, claims,
measure page with its chart and highlighted evidence; nothing from article text runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
DOCS_SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture(scope="module")
def browser():
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=chromium,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def killed_measure(live_server: str) -> str:
    """The id reconciliation gives the Libya death toll (its naming is not this test's)."""
    import httpx

    answer = httpx.get(live_server + "/api/ask", params={"q": "how many people died in Libya?"}, timeout=30).json()
    return answer["measures"][0]["measure"]


def test_overview_upload_document_and_measure(page, live_server, tmp_path):
    killed = killed_measure(live_server)
    page.goto(live_server + "/")
    assert page.locator("table.measures tbody tr").count() >= 5
    assert page.locator(f"a[href='/measures/{killed}']").count() == 1
    shot(page, "overview")

    upload = tmp_path / "ruvania.txt"
    upload.write_text(
        "Ruvania flood toll climbs\nAt least 75 people were killed in the floods in Libya, "
        "the Libyan Red Crescent said on Saturday.\n"
    )
    page.goto(live_server + "/upload")
    page.set_input_files("input[type=file]", str(upload))
    page.click("form[action='/upload'] button[type=submit]")
    page.wait_for_url("**/documents/ruvania.txt")
    assert page.locator(".doctext mark").first.inner_text() == "At least 75"
    assert page.locator("table#doc-claims tbody tr").count() == 1
    shot(page, "document")

    page.click(".doctext a")
    page.wait_for_url(f"**/measures/{killed}")
    assert page.locator("svg.timeline circle").count() == page.locator("table#claims tbody tr").count() >= 6
    assert "At least 75" in page.locator("td.evidence mark").all_inner_texts()
    DOCS_SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(DOCS_SHOTS / "measure-page.png"), full_page=False)
    shot(page, "measure")
    page.locator("svg.timeline a.estimate").first.click()
    assert page.evaluate("location.hash").startswith("#m0-")

    page.goto(live_server + "/ask?q=how+many+people+died+in+Libya")
    assert page.locator("h2 a").first.inner_text() == killed
    shot(page, "ask")
    assert page.dialogs == []


def test_untrusted_markup_never_runs(page, live_server):
    import httpx

    r = httpx.post(
        live_server + "/api/documents",
        json={
            "id": "xss",
            "title": "<script>window.__t=1</script><b>bold</b>",
            "text": '<script>window.__x=1</script><img src=x onerror="window.__y=1"> Police said 40 people were '
            "killed in Ruvania. <iframe src=javascript:alert(1)></iframe>",
        },
    )
    assert r.status_code == 201
    page.goto(live_server + "/documents/xss")
    assert page.evaluate("[window.__t, window.__x, window.__y]") == [None, None, None]
    assert page.locator("img, iframe, main script").count() == 0
    assert "<script>window.__t=1</script>" in page.locator("h1").inner_text()
    measure = page.locator(".doctext a").first.get_attribute("href")
    page.goto(live_server + measure)
    assert page.evaluate("[window.__t, window.__x, window.__y]") == [None, None, None]
    assert page.dialogs == []
    shot(page, "escaped")


def test_api_docs_render_offline(page, live_server):
    """Swagger UI and ReDoc draw the API from the app's own assets, under its CSP, with
    every request to anywhere but the server itself refused."""
    outside: list[str] = []

    def only_loopback(route):
        if route.request.url.startswith(live_server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_loopback)
    page.goto(live_server + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=30_000)
    assert page.locator(".swagger-ui .opblock").count() >= 8
    page.goto(live_server + "/redoc")
    page.wait_for_selector("h1:has-text('crosstally')", timeout=30_000)
    assert outside == []
