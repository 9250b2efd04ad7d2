"""The JSON API through the real app over a real DuckDB ledger."""

from __future__ import annotations

import json


def test_documents_list_filter_and_page(make_client):
    client = make_client()
    body = client.get("/api/documents", params={"per_page": 3}).json()
    assert body["total"] == 7 and len(body["documents"]) == 3
    desert = client.get("/api/documents", params={"outlet": "Desert Wire"}).json()
    assert {d["id"] for d in desert["documents"]} == {"derna-02", "derna-06"}
    since = client.get("/api/documents", params={"since": "2023-09-16"}).json()
    assert all(d["published"] >= "2023-09-16" for d in since["documents"])


def test_one_document_with_its_claims(make_client):
    client = make_client()
    doc = client.get("/api/documents/derna-04").json()
    assert doc["outlet"] == "Harbour Dispatch" and doc["claims"]
    assert all(doc["text"][c["start"] : c["end"]] == c["mention"] for c in doc["claims"])


def test_add_by_json_and_by_upload_then_delete(make_client):
    client = make_client()
    made = client.post(
        "/api/documents",
        json={
            "id": "n1",
            "text": "Police said 12 protesters were arrested in Ruvania on Friday.",
            "published": "2024-04-06",
        },
    )
    assert made.status_code == 201 and made.json()["documents"][0]["claims"] == 1
    again = client.post(
        "/api/documents",
        json={
            "id": "n1",
            "text": "Police said 12 protesters were arrested in Ruvania on Friday.",
            "published": "2024-04-06",
        },
    )
    assert again.json()["documents"][0]["status"] == "duplicate"
    up = client.post("/api/documents", files={"file": ("up.txt", b"Some 300 homes were destroyed, officials said.")})
    assert up.status_code == 201 and up.json()["documents"][0]["id"] == "up.txt"
    assert client.delete("/api/documents/n1").json() == {"deleted": "n1"}
    assert client.get("/api/documents/n1").status_code == 404


def test_claims_filters_and_exports(make_client):
    client = make_client()
    killed = client.get("/api/claims", params={"category": "killed"}).json()
    assert killed["total"] >= 5 and all(c["category"] == "killed" for c in killed["claims"])
    who = client.get("/api/claims", params={"source": "Libyan Red Crescent"}).json()
    assert who["total"] >= 2
    dated = client.get("/api/claims", params={"since": "2023-09-15", "until": "2023-09-16"}).json()
    assert all("2023-09-15" <= c["effective_date"] <= "2023-09-16" for c in dated["claims"])
    csv_text = client.get("/api/claims", params={"format": "csv"}).text
    assert csv_text.splitlines()[0].startswith("doc,start,end,mention")
    lines = client.get("/api/claims", params={"format": "jsonl", "doc": "derna-01"}).text.splitlines()
    assert lines and all(json.loads(x)["doc"] == "derna-01" for x in lines)


def test_measures_sources_merge_and_ask(make_client):
    client = make_client()
    answer = client.get("/api/ask", params={"q": "how many people died in Libya?"}).json()
    name = answer["measures"][0]["measure"]
    # Ids come from reconciliation (libya-people-killed, libya-2023-09-people-dead, ...).
    assert name.startswith("libya-") and ("killed" in name or "dead" in name), name
    measures = client.get("/api/measures").json()["measures"]
    killed = next(m for m in measures if m["measure"] == name)
    detail = client.get(f"/api/measures/{name}").json()
    assert len(detail["estimates"]) == killed["estimates"] and detail["latest_by_source"]
    sources = client.get("/api/sources").json()
    assert any(
        s["name"] == "World Health Organization" and any(v.startswith("WHO") for v in s["variants"])
        for s in sources["sources"]
    )
    merged = client.post("/api/sources/merge", json={"alias": "officials", "canonical": "Tarek al-Kharraz"})
    assert merged.status_code == 200
    assert "officials" in client.get("/api/sources").json()["aliases"]
    assert all(e["source"] and e["document"]["id"] for e in answer["measures"][0]["estimates"])


def test_one_error_shape(make_client):
    client = make_client()
    for response in (
        client.get("/api/measures/nope"),
        client.get("/api/documents/nope"),
        client.post("/api/documents", json={"title": "no text"}),
        client.get("/api/claims", params={"format": "xml"}),
        client.get("/api/documents", params={"since": "not-a-date"}),
    ):
        body = response.json()
        assert set(body) == {"error"} and set(body["error"]) == {"type", "message", "status"}
        assert body["error"]["status"] == response.status_code >= 400


def test_upload_limits_and_types(make_client):
    client = make_client(upload_limit=1000)
    big = client.post("/api/documents", files={"file": ("big.txt", b"x " * 2000)})
    assert big.status_code == 413 and big.json()["error"]["type"] == "UploadTooLargeError"
    exe = client.post("/api/documents", files={"file": ("evil.exe", b"MZ")})
    assert exe.status_code == 422 and "not accepted" in exe.json()["error"]["message"]
    traversal = client.post("/api/documents", files={"file": ("../../etc/passwd.txt", b"Two ships sank.")})
    assert traversal.json()["documents"][0]["id"] == "passwd.txt"


def test_read_only_refuses_every_write(make_client):
    client = make_client(read_only=True)
    assert client.get("/api/measures").status_code == 200
    for response in (
        client.post("/api/documents", json={"text": "Two ships sank."}),
        client.delete("/api/documents/derna-01"),
        client.post("/api/sources/merge", json={"alias": "a", "canonical": "b"}),
    ):
        assert response.status_code == 403 and response.json()["error"]["type"] == "ReadOnlyError"
    assert client.get("/api/documents/derna-01").status_code == 200


def test_token_guards_writes(make_client):
    client = make_client(token="s3cret")
    assert client.post("/api/documents", json={"text": "Two ships sank."}).status_code == 401
    bad = client.post("/api/documents", json={"text": "Two ships sank."}, headers={"Authorization": "Bearer no"})
    assert bad.status_code == 401
    ok = client.post("/api/documents", json={"text": "Two ships sank."}, headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 201


def test_openapi_docs(make_client):
    client = make_client()
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/documents", "/api/claims", "/api/measures", "/api/sources", "/api/ask"} <= set(paths)


def test_pages_escape_untrusted_text(make_client):
    client = make_client()
    client.post(
        "/api/documents",
        json={
            "id": "x1",
            "title": "<script>alert(1)</script>Evil",
            "text": "<img src=x onerror=alert(2)> Police said 40 people were killed in Ruvania.",
        },
    )
    page = client.get("/documents/x1").text
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page
    assert "<img src=x" not in page and "&lt;img" in page


def test_a_document_posted_with_a_story_is_pinned_to_it(make_client):
    client = make_client()
    posted = client.post(
        "/api/documents",
        json={"id": "pin1", "text": "Officials in Brenmoor said two people died in a house fire.", "story": "my-story"},
    )
    assert posted.status_code == 201, posted.text
    story = client.get("/api/stories/my-story").json()
    assert "pin1" in str(story)
