"""Lists paged in the database with a stable order, story pages, folded measures and
streamed exports, over the example ledger."""

from __future__ import annotations

import csv
import io
import json
import re

from crosstally.reconcile.view import view_of
from crosstally.report.data import measure_dict


def _all_pages(client, path: str, key: str, per_page: int, **params) -> list[dict]:
    items, page = [], 1
    while True:
        body = client.get(path, params={**params, "page": page, "per_page": per_page}).json()
        assert body["page"] == page and body["per_page"] == per_page
        items += body[key]
        if page >= body["pages"]:
            assert len(items) == body["total"]
            return items
        page += 1


def test_claims_are_paged_in_a_stable_order(make_client):
    client = make_client()
    everything = client.get("/api/claims", params={"per_page": 1000}).json()
    assert everything["total"] == len(everything["claims"]) > 10
    keys = [(c["doc"], c["start"]) for c in everything["claims"]]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    paged = _all_pages(client, "/api/claims", "claims", 7)
    assert [(c["doc"], c["start"]) for c in paged] == keys
    # The same page twice is the same rows; per_page is honoured and capped.
    assert client.get("/api/claims?page=2&per_page=5").json() == client.get("/api/claims?page=2&per_page=5").json()
    assert len(client.get("/api/claims", params={"per_page": 3}).json()["claims"]) == 3
    assert client.get("/api/claims", params={"per_page": 10**6}).json()["per_page"] == 1000
    assert client.get("/api/claims", params={"page": 999}).json()["claims"] == []


def test_claim_filters_run_in_the_database_and_agree_with_the_export(make_client):
    client = make_client()
    killed = _all_pages(client, "/api/claims", "claims", 4, category="killed")
    assert killed and all(c["category"] == "killed" for c in killed)
    lines = client.get("/api/claims", params={"format": "jsonl", "category": "killed"}).text.splitlines()
    assert [json.loads(x) for x in lines] == killed
    story = client.get("/api/stories").json()["stories"][0]["id"]
    in_story = client.get("/api/claims", params={"story": story, "per_page": 1000}).json()
    assert in_story["total"] == client.get("/api/claims").json()["total"]


def test_exports_stream_every_claim_with_neutralised_csv(make_client):
    client = make_client()
    total = client.get("/api/claims").json()["total"]
    with client.stream("GET", "/api/claims", params={"format": "csv"}) as r:
        assert r.headers["content-type"].startswith("text/csv")
        assert "content-length" not in r.headers  # streamed, not built whole
        text = "".join(r.iter_text())
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == total and {"measure", "source_entity", "effective_date"} <= set(rows[0])
    lines = client.get("/api/claims", params={"format": "jsonl"}).text.splitlines()
    assert len(lines) == total


def test_measures_are_paged_with_flag_counts(make_client):
    client = make_client()
    first = client.get("/api/measures").json()
    assert first["total"] == len(first["measures"])
    paged = _all_pages(client, "/api/measures", "measures", 3)
    assert [m["measure"] for m in paged] == [m["measure"] for m in first["measures"]]
    flagged = {m["measure"]: m for m in paged if m["conflicts"] or m["revisions"] or m["misquotes"]}
    assert flagged
    for name, m in flagged.items():
        detail = client.get(f"/api/measures/{name}").json()
        kinds = [f["type"] for f in detail["flags"]]
        assert (kinds.count("conflict"), kinds.count("revision"), kinds.count("misquote")) == (
            m["conflicts"],
            m["revisions"],
            m["misquotes"],
        )
    story = paged[0]["story"]
    of_story = client.get("/api/measures", params={"story": story}).json()["measures"]
    assert of_story and all(m["story"] == story for m in of_story)


def test_measure_detail_matches_the_report(make_client):
    """The API's measure, paged in SQL, is the report's JSON for it, estimate for estimate."""
    client = make_client()
    view = client.app.state.service.view(view_of)
    want = {m.measure: measure_dict(m, view.documents) for m in view.measures}
    for name, report in want.items():
        got = client.get(f"/api/measures/{name}").json()
        for key, value in report.items():
            if key != "misquotes":
                assert got[key] == value, (name, key)
    name = max(want, key=lambda n: len(want[n]["estimates"]))
    pages = _all_pages(client, f"/api/measures/{name}", "estimates", 1)
    assert pages == want[name]["estimates"]


def test_stories_list_and_story_pages(make_client):
    client = make_client()
    stories = client.get("/api/stories").json()
    assert stories["total"] == len(stories["stories"]) >= 1
    story = stories["stories"][0]
    detail = client.get(f"/api/stories/{story['id']}").json()
    assert detail["title"] == story["title"] and detail["documents"]["total"] == story["documents"]
    assert {m["measure"] for m in detail["measures"]} == {
        m["measure"] for m in client.get("/api/measures", params={"story": story["id"]}).json()["measures"]
    }
    page = client.get(f"/stories/{story['id']}").text
    assert story["title"] in page
    # Documents are named by outlet and title, not by file id.
    assert "Harbour Dispatch" in page and ">derna-04<" not in page
    for measure in re.findall(r'href="/measures/([^"]+)"', page):
        assert client.get(f"/measures/{measure}").status_code == 200
    assert client.get("/stories/no-such-story").status_code == 404
    assert client.get("/api/stories/no-such-story").json()["error"]["status"] == 404


def test_overview_lists_stories_then_measures_and_folds_the_uncounted(make_client):
    client = make_client()
    before = client.get("/api/measures", params={"per_page": 1000}).json()["measures"]
    small = sorted(before, key=lambda m: (m["estimates"], m["measure"]))
    figure, nameless = small[0]["measure"], small[1]["measure"]

    def fold(ledger) -> None:
        # One measure labelled "figure ...", one whose claims name nothing counted.
        ledger.db.execute("UPDATE measures SET label = 'figure' WHERE measure = ?", [figure])
        ledger.db.execute(
            "UPDATE claims SET counted = '', unit = NULL WHERE (doc, start) IN "
            "(SELECT (doc, start) FROM claim_frames WHERE measure = ?)",
            [nameless],
        )

    client.app.state.service.write(fold)
    overview = client.get("/").text
    stories = client.get("/api/stories").json()["stories"]
    assert all(s["title"] in overview for s in stories)
    measures = client.get("/api/measures", params={"per_page": 1000}).json()["measures"]
    folded = {m["measure"] for m in measures if not m["counted"]}
    assert folded == {figure, nameless}
    listed, _, hidden = overview.partition("<details")
    named = [m for m in sorted(measures, key=lambda m: -m["estimates"]) if m["counted"]]
    for m in named[:3]:
        assert f'href="/measures/{m["measure"]}"' in listed
    for m in folded:
        assert f'href="/measures/{m}"' not in listed and f'href="/measures/{m}"' in hidden
    assert "that name nothing counted" in hidden.split("</summary>")[0]
    # The report folds the same measures.
    view = client.app.state.service.view(view_of)
    assert {m.measure for m in view.measures if not m.counted} == folded


def test_document_page_names_outlets_and_links_only_to_measures_that_exist(make_client):
    client = make_client()
    page = client.get("/documents/derna-04").text
    head = page.split("<main>")[1].split("<h2>Claims")[0]
    assert "Harbour Dispatch" in head and "derna-04" not in re.sub(r'"[^"]*"', "", head)
    for measure in set(re.findall(r'href="/measures/([^"]+)"', page)):
        assert client.get(f"/measures/{measure}").status_code == 200
    assert 'href="/stories/' in page


def test_sources_and_documents_are_paged(make_client):
    client = make_client()
    sources = client.get("/api/sources").json()
    assert sources["total"] == len(sources["sources"])
    paged = _all_pages(client, "/api/sources", "sources", 2)
    assert [s["key"] for s in paged] == [s["key"] for s in sources["sources"]]
    assert all(s["claims"] >= 1 and s["measures"] >= 1 for s in paged)
    counts = [s["claims"] for s in paged]
    assert counts == sorted(counts, reverse=True)
    docs = _all_pages(client, "/api/documents", "documents", 2)
    assert len(docs) == 7 and all(d["story"] for d in docs)


def test_a_write_rebuilds_nothing_in_the_server(make_client):
    """After an upload the pages show the re-reconciled tables at once: there is no
    cached view to throw away."""
    client = make_client()
    service = client.app.state.service
    assert not any(name.startswith("_view") for name in vars(service))
    before = client.get("/api/claims").json()["total"]
    made = client.post(
        "/api/documents",
        json={"id": "w1", "text": "Officials said 75 people were killed in Derna, Libya.", "published": "2023-09-20"},
    )
    assert made.status_code == 201
    assert client.get("/api/claims").json()["total"] == before + made.json()["documents"][0]["claims"]


def test_a_delete_re_reconciles_its_story(make_client):
    client = make_client()
    before = {m["measure"]: m["estimates"] for m in client.get("/api/measures").json()["measures"]}
    gone = len(client.get("/api/documents/derna-02").json()["claims"])
    assert client.delete("/api/documents/derna-02").status_code == 200
    after = {m["measure"]: m["estimates"] for m in client.get("/api/measures").json()["measures"]}
    assert sum(before.values()) - sum(after.values()) == gone
    assert client.get("/api/claims").json()["total"] == sum(after.values())


def test_ask_answers_as_the_command_does(make_client):
    from crosstally.ask import ask_ledger

    client = make_client()
    service = client.app.state.service
    for question in (
        "how many people died in Libya?",
        "how many people were displaced?",
        "how many casualties?",
        "how many buildings?",
    ):
        answer, _ = service.view(lambda r, question=question: ask_ledger(r, question))
        api = client.get("/api/ask", params={"q": question}).json()
        assert [m["measure"] for m in api["measures"]] == [m.measure for m in answer.measures], question
        for got, want in zip(api["measures"], answer.measures, strict=True):
            assert got["total"] == len(want.estimates)
    page = client.get("/ask", params={"q": "how many people died in Libya?"}).text
    assert "Harbour Dispatch" in page or "Desert Wire" in page or "Coastline Courier" in page
