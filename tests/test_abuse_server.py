"""Abuse suite, server side (issue 10, items 2 to 7, 9 and 11): hostile and odd requests
against the real app on a real ledger, on loopback only. Bounded: a fixed number of
requests per test, every wait has a timeout, and no test waits on a wall-clock threshold
(ordering is asserted instead).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import select
import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from crosstally.csvsafe import FORMULA_STARTS, safe_cell
from crosstally.ingest import add_documents
from crosstally.read import read_paths
from crosstally.serve import jobs as jobs_module
from crosstally.store import Ledger

FORMULA_TEXT = "@SUM(1+1) officials said 300 homes were destroyed in Ruvania on Monday."
ARTICLE = (
    "Rescuers in Ruvania said at least {n} people were killed when the dam broke on Monday, "
    "and the health ministry said 1,{n:03d} more were injured. Officials said {n}0 homes were destroyed. "
)


def seeded_ledger(path):
    from importlib import resources

    corpus = resources.files("crosstally") / "examples" / "derna-floods.jsonl"
    with resources.as_file(corpus) as jsonl, Ledger(path) as ledger:
        add_documents(ledger, read_paths([jsonl]))
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def make_client(tmp_path, nlp):
    """TestClients over freshly seeded ledgers, closed (worker and ledger) afterwards."""
    from fastapi.testclient import TestClient

    from crosstally.serve.app import Settings, create_app

    clients = []

    def make(**settings):
        db = seeded_ledger(tmp_path / f"a{len(clients)}.duckdb")
        client = TestClient(create_app(Settings(str(db), **settings)), base_url="http://127.0.0.1")
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.app.state.jobs.close()
        client.app.state.service.ledger.close()


@contextlib.contextmanager
def live(tmp_path, **settings) -> Iterator[str]:
    """uvicorn serving a seeded ledger on 127.0.0.1 in a thread; its base URL."""
    import uvicorn

    from crosstally.serve.app import Settings, create_app

    db = seeded_ledger(tmp_path / "live.duckdb")
    port = free_port()
    app = create_app(Settings(str(db), **settings))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@pytest.fixture
def gate(monkeypatch):
    """Hold the job worker inside its job (before storing) until released."""
    started, release = threading.Event(), threading.Event()
    real = jobs_module.add_documents

    def held(ledger, items, **kwargs):
        started.set()
        assert release.wait(60), "the test never released the worker"
        return real(ledger, items, **kwargs)

    monkeypatch.setattr(jobs_module, "add_documents", held)
    yield started, release
    release.set()


def assert_error_shape(response: httpx.Response, status: int, kind: str | None = None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"type", "message", "status"}
    assert body["error"]["status"] == status
    if kind:
        assert body["error"]["type"] == kind, body
    return body["error"]


# ---- 2: the server never freezes while it extracts --------------------------------------


def test_reads_complete_while_an_upload_is_held_in_its_job(tmp_path, nlp, gate):
    started, release = gate
    events: list[str] = []
    with live(tmp_path) as url:

        def upload() -> None:
            r = httpx.post(f"{url}/api/documents", json={"id": "held", "text": ARTICLE.format(n=7)}, timeout=120)
            events.append(f"upload {r.status_code}")

        writer = threading.Thread(target=upload)
        writer.start()
        assert started.wait(30), "the upload never reached the worker"
        for path in ("/healthz", "/api/measures", "/api/documents", "/", "/api/ask?q=how+many+killed"):
            assert httpx.get(url + path, timeout=30).status_code == 200
            events.append(f"read {path}")
        release.set()
        writer.join(timeout=120)
    assert events[-1] == "upload 201" and len(events) == 6


def test_large_upload_becomes_a_job_and_reads_answer_during_real_extraction(tmp_path, nlp):
    lines = [
        json.dumps({"id": f"bulk-{n}", "text": ARTICLE.format(n=n) * 3, "published": f"2024-04-0{1 + n % 9}"})
        for n in range(24)
    ]
    with live(tmp_path, sync_limit=1000) as url, httpx.Client(base_url=url, timeout=60) as client:
        made = client.post("/api/documents", files={"file": ("bulk.jsonl", "\n".join(lines).encode())})
        assert made.status_code == 202 and made.headers["location"].startswith("/api/jobs/")
        status_url = made.headers["location"]
        during, seen_progress = 0, set()
        for _ in range(2000):
            before = client.get(status_url).json()
            if before["status"] in ("done", "failed"):
                break
            assert client.get("/api/measures").status_code == 200
            after = client.get(status_url).json()
            seen_progress.add(after["done"])
            if after["status"] in ("queued", "running"):
                during += 1  # this read finished while the job was still extracting
            time.sleep(0.02)
        final = client.get(status_url).json()
    assert final["status"] == "done" and final["total"] == 24 and final["done"] == 24, final
    assert len(final["result"]["documents"]) == 24 and not final["result"]["failures"]
    assert during >= 1, "no read completed while the job was extracting"


def test_full_queue_answers_503_with_retry_after(make_client, gate):
    started, release = gate
    client = make_client(queue_size=1, sync_limit=0)
    first = client.post("/api/documents", json={"text": ARTICLE.format(n=1)})
    assert first.status_code == 202 and started.wait(30)
    second = client.post("/api/documents", json={"text": ARTICLE.format(n=2)})
    assert second.status_code == 202
    third = client.post("/api/documents", json={"text": ARTICLE.format(n=3)})
    assert_error_shape(third, 503, "QueueFullError")
    assert int(third.headers["retry-after"]) > 0
    release.set()
    for job in (first, second):
        url = job.headers["location"]
        for _ in range(600):
            if client.get(url).json()["status"] == "done":
                break
            time.sleep(0.05)
        assert client.get(url).json()["status"] == "done"
    assert_error_shape(client.get("/api/jobs/job-999"), 404, "NotFoundError")


# ---- 3: cross-site writes and DNS rebinding ---------------------------------------------


def test_host_origin_and_content_type_are_checked(make_client):
    client = make_client(extra_hosts=("crosstally.lan",))
    assert_error_shape(client.get("/api/measures", headers={"Host": "evil.example"}), 400, "InvalidHostError")
    page = client.get("/", headers={"Host": "evil.example:8000"})
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")
    assert client.get("/api/measures", headers={"Host": "crosstally.lan:8000"}).status_code == 200
    assert client.get("/api/measures", headers={"Host": "localhost:8000"}).status_code == 200
    merge = {"alias": "officials", "canonical": "Tarek al-Kharraz"}
    for headers in ({"Origin": "http://evil.example"}, {"Origin": "null"}, {"Sec-Fetch-Site": "cross-site"}):
        assert_error_shape(client.post("/api/sources/merge", json=merge, headers=headers), 403, "CrossSiteRequestError")
        assert_error_shape(client.delete("/api/documents/derna-01", headers=headers), 403)
    assert client.post("/api/sources/merge", json=merge, headers={"Origin": "http://127.0.0.1"}).status_code == 200
    plain = client.post(
        "/api/documents", content=b'{"text": "Two ships sank."}', headers={"Content-Type": "text/plain"}
    )
    assert_error_shape(plain, 415, "UnsupportedMediaTypeError")
    form = client.post("/api/sources/merge", data=merge)
    assert_error_shape(form, 415)
    assert client.get("/api/documents/derna-01").status_code == 200


def test_upload_form_needs_its_csrf_token(make_client):
    client = make_client()
    text = b"Police said 12 protesters were arrested in Ruvania on Friday."
    refused = client.post("/upload", files={"file": ("a.txt", text)}, follow_redirects=False)
    assert refused.status_code == 403 and "CSRF" in refused.text
    form = client.get("/upload")
    cookie = form.cookies.get("crosstally_csrf") or client.cookies.get("crosstally_csrf")
    assert cookie and "httponly" in form.headers["set-cookie"].lower()
    assert "samesite=strict" in form.headers["set-cookie"].lower()
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
    forged = client.post("/upload", files={"file": ("a.txt", text)}, data={"csrf_token": "x" * 43})
    assert forged.status_code == 403
    ok = client.post("/upload", files={"file": ("a.txt", text)}, data={"csrf_token": token}, follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == "/documents/a.txt"


def test_security_headers_on_pages_api_and_docs(make_client):
    client = make_client()
    for path in ("/", "/api/measures", "/measures/nope", "/upload"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "script-src" not in csp and "default-src 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin" and headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in client.get("/docs").headers["content-security-policy"]


# ---- 4: CSV formula injection -------------------------------------------------------------


def test_csv_cells_never_start_a_formula():
    assert safe_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("+1) officials") == "'+1) officials" and safe_cell("\t=1") == "'\t=1"
    assert safe_cell("\uff1d1+1") == "'\uff1d1+1"
    assert safe_cell(-5) == -5 and safe_cell(2.5) == 2.5 and safe_cell("-12") == "-12" and safe_cell("+3.5") == "+3.5"
    assert safe_cell(None) is None and safe_cell("police") == "police"


def test_api_csv_export_is_neutralised(make_client):
    client = make_client()
    assert client.post("/api/documents", json={"id": "f1", "text": FORMULA_TEXT}).status_code == 201
    rows = list(csv.reader(io.StringIO(client.get("/api/claims", params={"format": "csv", "doc": "f1"}).text)))
    cells = [cell for row in rows[1:] for cell in row]
    assert rows[1:], "the formula document gave no claims"
    assert all(not c or c[0] not in FORMULA_STARTS or re.fullmatch(r"[+-]?[\d.]+", c) for c in cells), cells
    assert any(c.startswith("'+1)") for c in cells), cells


# ---- 5: one error shape, everywhere -----------------------------------------------------------


def test_every_bad_body_gets_the_error_shape(make_client):
    client = make_client()
    json_headers = {"Content-Type": "application/json"}
    for body in (b"{broken", b"[1, 2]", b"42", b'"text"', b"\xff\xfe\x00bad", b"", b"[" * 100_000):
        assert_error_shape(client.post("/api/sources/merge", content=body, headers=json_headers), 422)
        assert_error_shape(client.post("/api/documents", content=body, headers=json_headers), 422)
    for payload in (
        {"text": "Two ships sank.", "title": {"a": 1}},
        {"text": "Two ships sank.", "outlet": ["x"]},
        {"text": "Two ships sank.", "published": 20240101},
        {"text": "   "},
        {"text": "Two ships sank.", "surprise": 1},
    ):
        error = assert_error_shape(client.post("/api/documents", json=payload), 422, "InvalidRequestBodyError")
        assert "{" not in error["message"].split(":")[0]
    merge = client.post("/api/sources/merge", json={"alias": {"x": 1}, "canonical": "b"})
    assert_error_shape(merge, 422)
    assert_error_shape(client.get("/api/nothing-here"), 404, "NotFoundError")
    assert_error_shape(client.put("/api/measures"), 405)


def test_pages_get_an_html_error_page(make_client):
    client = make_client()
    for path in ("/measures/no-such-measure", "/documents/nope", "/no/such/page"):
        page = client.get(path)
        assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
        assert "<h1>404" in page.text and "{" not in page.text.split("<main>")[1][:200]


def test_an_unexpected_failure_is_a_500_in_the_shape(make_client):
    from fastapi.testclient import TestClient

    client = make_client()
    raw = TestClient(client.app, base_url="http://127.0.0.1", raise_server_exceptions=False)

    def broken():
        raise RuntimeError("boom: secret detail")

    client.app.state.service.view = broken
    error = assert_error_shape(raw.get("/api/measures"), 500, "InternalError")
    assert "secret" not in error["message"]
    page = raw.get("/")
    assert page.status_code == 500 and "text/html" in page.headers["content-type"] and "secret" not in page.text


def test_openapi_describes_bodies_and_errors_in_the_real_shape(make_client):
    spec = make_client().get("/openapi.json").json()
    post = spec["paths"]["/api/documents"]["post"]
    content = post["requestBody"]["content"]
    assert {"application/json", "multipart/form-data"} <= set(content)
    assert "text" in content["application/json"]["schema"]["properties"]
    merge = spec["paths"]["/api/sources/merge"]["post"]
    assert set(merge["requestBody"]["content"]["application/json"]["schema"]["required"]) == {"alias", "canonical"}
    for code in ("401", "403", "404", "413", "422"):
        ref = post["responses"][code]["content"]["application/json"]["schema"]["$ref"]
        assert ref.endswith("/ErrorResponse")
    assert spec["paths"]["/api/measures/{measure}"]["get"]["responses"]["404"]
    detail = spec["components"]["schemas"]["ErrorDetail"]["properties"]
    assert set(detail) == {"type", "message", "status"}
    assert "HTTPValidationError" not in spec["components"]["schemas"]


# ---- 6: body limits while streaming -----------------------------------------------------------


def _response_of(sock: socket.socket) -> bytes:
    sock.settimeout(30)
    data = b""
    with contextlib.suppress(OSError):
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    return data


def test_a_huge_body_is_refused_without_being_read(tmp_path, nlp):
    limit = 200_000
    with live(tmp_path, upload_limit=limit) as url:
        port = int(url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
            sock.sendall(
                b"POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                b"Content-Length: 300000000\r\n\r\n"
            )
            assert _response_of(sock).startswith(b"HTTP/1.1 413")
        sent = 0
        with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
            sock.sendall(
                b"POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                b"Transfer-Encoding: chunked\r\n\r\n"
            )
            chunk = b'{"text": "' + b"x" * 65536
            frame = b"%x\r\n%s\r\n" % (len(chunk), chunk)
            with contextlib.suppress(OSError):
                while sent < 300_000_000:
                    if select.select([sock], [], [], 0)[0]:
                        break
                    sock.sendall(frame)
                    sent += len(chunk)
            reply = _response_of(sock)
        assert reply.startswith(b"HTTP/1.1 413"), reply[:200]
        # The server stops reading at the limit; what the client still gets to send is what
        # the loopback socket buffers hold (a few MB, more under load), never the 300 MB.
        assert sent < 32_000_000, f"the client could send {sent:,} bytes before the 413"
        assert httpx.get(url + "/healthz", timeout=30).status_code == 200


def test_declared_length_over_the_limit_is_413_in_the_shape(make_client):
    client = make_client(upload_limit=1000)
    big = client.post("/api/documents", json={"text": "x " * 50_000})
    assert_error_shape(big, 413, "UploadTooLargeError")


# ---- 7: encodings and lines through the API -----------------------------------------------------


def test_utf16_upload_and_jsonl_with_line_separators(make_client):
    client = make_client()
    text = "Police said 12 protesters were arrested in Ruvania on Friday.\n"
    up = client.post("/api/documents", files={"file": ("wide.txt", text.encode("utf-16"))})
    assert up.status_code == 201 and up.json()["documents"][0]["claims"] == 1, up.text
    lines = (
        '{"id": "s1", "text": "Police said 12 protesters\u2028were arrested on Friday."}\n'
        '{"id": "s2", "text": "Officials said 300 homes were destroyed on Monday."}\n'
        "not json\n"
    )
    made = client.post("/api/documents", files={"file": ("sep.jsonl", lines.encode())}).json()
    assert [d["id"] for d in made["documents"]] == ["s1", "s2"]
    assert [f["where"] for f in made["failures"]] == ["sep.jsonl:3"]


# ---- 9: offline API docs ------------------------------------------------------------------------------


def test_docs_and_redoc_are_served_by_the_app(make_client):
    client = make_client()
    for path in ("/docs", "/redoc"):
        page = client.get(path).text
        assets = re.findall(r'(?:src|href)="([^"]+)"', page)
        assert assets and all(a.startswith("/") and not a.startswith("//") for a in assets), assets
        assert "cdn" not in page.lower() and "fonts.googleapis" not in page
        for asset in assets:
            response = client.get(asset)
            assert response.status_code == 200 and len(response.content) > 1000, asset


# ---- 11: other languages ----------------------------------------------------------------------------------


def test_language_recorded_and_warned_through_the_api(make_client):
    client = make_client()
    french = "Les autorités ont annoncé samedi que 5 300 personnes avaient été évacuées de la ville de Derna."
    made = client.post("/api/documents", json={"id": "fr1", "text": french}).json()
    assert len([w for w in made["warnings"] if "French" in w]) == 1
    english = client.post("/api/documents", json={"id": "en1", "text": FORMULA_TEXT}).json()
    assert english["warnings"] == []
    service = client.app.state.service
    rows = dict(service.read(lambda ledger: ledger.db.execute("SELECT id, language FROM documents").fetchall()))
    assert rows["fr1"] == "fr" and rows["en1"] == "en"
