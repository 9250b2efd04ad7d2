"""The web app and JSON API at scale: cold and warm answer times over a ledger of about a
million claims.

The ledger is synthesised in bulk with SQL, reconciliation tables included (running
reconciliation itself over a million claims is the reconcile benchmark's business, not
this one's): 50,000 documents of 20 figure sentences each, grouped into 500 stories (one
of them ten times the others: 5,000 documents, 100,000 claims), 40 measures a story with
claim counts skewed as in real reporting (a story's top measure holds about 16% of its
claims; the 6 last name nothing counted and are folded), 2,000 source entities, and
conflict, revision and misquote flags.

Each URL is timed in a fresh `crosstally serve --read-only` process on loopback: the
first request is the cold time (a new process, DuckDB's buffers empty; the file may sit
in the OS page cache), then `--repeat` more requests give the warm times (median, max).
Exports are timed to the first byte and to the last.

    .venv/bin/python benchmarks/bench_web.py --claims 1000000 --db /tmp/bench-web.duckdb
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import httpx

from crosstally.ingest import extractor_version
from crosstally.reconcile import reconcile_version
from crosstally.store import Ledger

CLAIMS_PER_DOC = 20
MEASURES_PER_STORY = 40
FOLDED = 6
SOURCES = 2000
LABELS = [
    ("people dead", "killed", "people", "dead"),
    ("people injured", "wounded", "people", "injured"),
    ("people missing", "missing", "people", "missing"),
    ("people displaced", "displaced", "people", "displaced"),
    ("people rescued", "other", "people", "rescued"),
    ("people arrested", "arrested", "people", "arrested"),
    ("troops deployed", "deployed", "troops", "deployed"),
    ("homes destroyed", "other", "homes", "destroyed"),
    ("people evacuated", "displaced", "people", "evacuated"),
    ("people affected", "other", "people", "affected"),
]
SENTENCE = "Officials said {n} people were killed in Ruvania on Monday, the ministry reported. "


def build(path: Path, n_claims: int, stories: int = 500) -> dict:
    """A ledger of `n_claims` claims with its reconciliation tables, written in bulk."""
    docs = max(1, n_claims // CLAIMS_PER_DOC)
    big = docs // 10  # documents of story 0, the big one
    with Ledger(path):
        pass  # the schema
    con = duckdb.connect(str(path))
    sent = len(SENTENCE.format(n="0000"))
    labels = (
        "[" + ", ".join(f"{{'label': '{a}', 'cat': '{b}', 'pop': '{c}', 'st': '{d}'}}" for a, b, c, d in LABELS) + "]"
    )
    story_of = f"(CASE WHEN d < {big} THEN 0 ELSE 1 + ((d - {big}) * {stories - 1}) // greatest({docs - big}, 1) END)"
    con.execute("BEGIN TRANSACTION")
    con.execute(
        f"""CREATE TEMP TABLE d AS SELECT d, 'bw-' || d AS id, {story_of} AS story,
        (DATE '2023-01-01' + ({story_of} * 3 + (d % 60))::INTEGER) AS published FROM range({docs}) t(d)"""
    )
    con.execute(
        f"""INSERT INTO documents (id, hash, simhash, title, outlet, url, published, path, text, near_copy_of,
        extractor_version, language)
        SELECT id, md5(id), hash(id), 'Toll rises in story ' || story || ', report ' || d,
        'Outlet ' || (d % 40), 'https://example.org/' || id, published, NULL,
        (SELECT string_agg(printf('Officials said %04d people were killed in Ruvania on Monday, the ministry '
           || 'reported. ', (d * 20 + j) % 9000 + 100), '' ORDER BY j) FROM range({CLAIMS_PER_DOC}) s(j)),
        CASE WHEN d % 25 = 7 THEN 'bw-' || (d - 1) END, ?, 'en' FROM d""",
        [extractor_version()],
    )
    con.execute(
        f"""CREATE TEMP TABLE c AS SELECT i, i // {CLAIMS_PER_DOC} AS d, i % {CLAIMS_PER_DOC} AS j,
        floor({MEASURES_PER_STORY} * pow(((i * 7919) % 1000) / 1000.0, 2))::INTEGER AS k
        FROM range({docs * CLAIMS_PER_DOC}) t(i)"""
    )
    con.execute(
        f"""INSERT INTO claims SELECT 'bw-' || c.d, c.j * {sent} + 15, c.j * {sent} + 19,
        printf('%04d', (c.d * 20 + c.j) % 9000 + 100), ((c.d * 20 + c.j) % 9000 + 100)::DOUBLE, NULL,
        (['exact','approx','min','max'])[1 + c.i % 4], NULL, NULL,
        CASE WHEN c.k >= {MEASURES_PER_STORY - FOLDED} THEN '' ELSE 'people' END,
        ({labels})[1 + c.k % {len(LABELS)}].cat, 'Source ' || (c.i * 31 % {SOURCES}), NULL, 'on Monday',
        d.published::VARCHAR, 'Ruvania', c.j * {sent}, (c.j + 1) * {sent} - 1
        FROM c JOIN d USING (d)"""
    )
    con.execute(
        f"""INSERT INTO claim_frames SELECT 'bw-' || c.d, c.j * {sent} + 15, c.j * {sent} + 19, 'story-' || d.story,
        'story-' || d.story || '-' || CASE WHEN c.k >= {MEASURES_PER_STORY - FOLDED} THEN 'figure-' || c.k
          ELSE replace(({labels})[1 + c.k % {len(LABELS)}].label, ' ', '-') || '-' || c.k END,
        ({labels})[1 + c.k % {len(LABELS)}].pop, ({labels})[1 + c.k % {len(LABELS)}].st, '', '',
        'src-' || (c.i * 31 % {SOURCES}), 'Source ' || (c.i * 31 % {SOURCES}), d.published::VARCHAR,
        d.published - (c.j % 3)::INTEGER, 'stated' FROM c JOIN d USING (d)"""
    )
    con.execute(
        """INSERT INTO measures SELECT f.measure, any_value(f.story),
        CASE WHEN f.measure LIKE '%-figure-%' THEN 'figure' ELSE any_value(f.population || ' ' || f.state) END,
        any_value(c.category), any_value(f.population), any_value(f.state), '', '', '', '', NULL, count(*),
        count(DISTINCT f.source_key), min(c.value), max(coalesce(c.value_max, c.value)), max(f.as_of_day),
        list_slice(list(DISTINCT lower(c.counted)), 1, 20)
        FROM claim_frames f JOIN claims c ON c.doc = f.doc AND c.start = f.start GROUP BY f.measure"""
    )
    con.execute(
        """INSERT INTO stories SELECT d.story_id, 'Floods in region ' || replace(d.story_id, 'story-', ''), [],
        false, count(*), any_value(m.claims), min(d.published), max(d.published)
        FROM (SELECT 'story-' || story AS story_id, published FROM d) d
        JOIN (SELECT story, sum(claims) AS claims FROM measures GROUP BY story) m ON m.story = d.story_id
        GROUP BY d.story_id"""
    )
    con.execute("INSERT INTO story_documents SELECT id, 'story-' || story FROM d")
    con.execute("INSERT INTO document_dates SELECT id, published, 'metadata' FROM d")
    con.execute(
        f"""INSERT INTO source_entities SELECT 'src-' || s, 'Source ' || s, ['Source ' || s, 'S. ' || s]
        FROM range({SOURCES}) t(s)"""
    )
    # Flags: the first pairs of each measure's claims (up to 5 a measure), as conflicts,
    # revisions and (one in five) misquotes.
    con.execute(
        """INSERT INTO flags SELECT CASE WHEN r % 5 = 0 THEN 'misquote' WHEN r % 2 = 0 THEN 'revision'
        ELSE 'conflict' END, story, measure, doc, start, "end", next_doc, next_start, next_end, [], 'synthetic'
        FROM (SELECT story, measure, doc, start, "end", row_number() OVER w AS r,
          lead(doc) OVER w AS next_doc, lead(start) OVER w AS next_start, lead("end") OVER w AS next_end
          FROM claim_frames WINDOW w AS (PARTITION BY measure ORDER BY doc, start))
        WHERE r % 2 = 1 AND r <= 10 AND next_doc IS NOT NULL"""
    )
    con.execute(
        "INSERT INTO meta VALUES ('reconcile_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [reconcile_version()],
    )
    con.execute("COMMIT")
    con.execute("CHECKPOINT")
    shape = dict(
        zip(
            ("documents", "claims", "stories", "measures", "flags"),
            con.execute(
                "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM claims), "
                "(SELECT count(*) FROM stories), (SELECT count(*) FROM measures), (SELECT count(*) FROM flags)"
            ).fetchone(),
            strict=True,
        )
    )
    con.close()
    return shape


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`crosstally serve --read-only` in a process of its own."""

    def __init__(self, db: Path) -> None:
        self.port = free_port()
        cli = str(Path(sys.executable).with_name("crosstally"))
        self.proc = subprocess.Popen(
            [cli, "serve", "--db", str(db), "--read-only", "--port", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                httpx.get(self.base + "/healthz", timeout=1)
                return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("the server did not start")

    def peak_rss_mb(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def timed_get(client: httpx.Client, url: str) -> tuple[float, float, int, int]:
    """Seconds to the first byte and to the last, the status and the bytes."""
    start = time.perf_counter()
    first = None
    size = 0
    with client.stream("GET", url) as r:
        for chunk in r.iter_bytes():
            if first is None:
                first = time.perf_counter() - start
            size += len(chunk)
        status = r.status_code
    total = time.perf_counter() - start
    return first if first is not None else total, total, status, size


def pick_urls(db: Path) -> list[tuple[str, str]]:
    con = duckdb.connect(str(db), read_only=True)
    big_story, typical_story = (
        con.execute("SELECT id FROM stories ORDER BY claims DESC, id LIMIT 1").fetchone()[0],
        con.execute("SELECT id FROM stories ORDER BY claims, id LIMIT 1 OFFSET 250").fetchone()[0],
    )
    top_measure = con.execute("SELECT measure FROM measures ORDER BY claims DESC, measure LIMIT 1").fetchone()[0]
    top_claims = con.execute("SELECT max(claims) FROM measures").fetchone()[0]
    typical_measure, typical_claims = con.execute(
        "SELECT measure, claims FROM measures WHERE story = ? ORDER BY claims DESC, measure LIMIT 1 OFFSET 3",
        [typical_story],
    ).fetchone()
    doc = con.execute(
        "SELECT doc FROM story_documents WHERE story = ? ORDER BY doc LIMIT 1", [typical_story]
    ).fetchone()[0]
    big_claims = con.execute("SELECT claims FROM stories WHERE id = ?", [big_story]).fetchone()[0]
    con.close()
    return [
        ("overview `/`", "/"),
        ("overview page 10 `/?page=10`", "/?page=10"),
        ("story page, typical story", f"/stories/{typical_story}"),
        (f"story page, largest story ({big_claims:,} claims)", f"/stories/{big_story}"),
        (f"measure page, typical ({typical_claims} claims)", f"/measures/{typical_measure}"),
        (f"measure page, largest ({top_claims:,} claims)", f"/measures/{top_measure}"),
        ("document page", f"/documents/{doc}"),
        ("`/api/stories`", "/api/stories"),
        ("`/api/stories/{id}`", f"/api/stories/{typical_story}"),
        ("`/api/measures`", "/api/measures"),
        ("`/api/measures?story=`", f"/api/measures?story={big_story}"),
        (f"`/api/measures/{{id}}`, typical ({typical_claims} claims)", f"/api/measures/{typical_measure}"),
        (f"`/api/measures/{{id}}`, largest ({top_claims:,} claims, first 100)", f"/api/measures/{top_measure}"),
        ("`/api/claims?per_page=100`", "/api/claims?per_page=100"),
        ("`/api/claims?per_page=100&page=5000`", "/api/claims?per_page=100&page=5000"),
        ("`/api/claims?category=wounded&per_page=100`", "/api/claims?category=wounded&per_page=100"),
        ("`/api/claims?measure=...` (largest)", f"/api/claims?measure={top_measure}&per_page=100"),
        ("`/api/sources`", "/api/sources"),
        ("`/api/documents`", "/api/documents"),
        ("ask page `/ask?q=how many people were killed`", "/ask?q=how+many+people+were+killed"),
        ("`/api/ask?q=how many people were killed`", "/api/ask?q=how+many+people+were+killed"),
        ("export `/api/claims?format=csv&story=` (largest story)", f"/api/claims?format=csv&story={big_story}"),
        ("export `/api/claims?format=jsonl` (all)", "/api/claims?format=jsonl"),
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, default=Path("/tmp/bench-web.duckdb"))
    ap.add_argument("--rebuild", action="store_true", help="build the ledger again even if --db exists")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--only", help="time only the URLs whose label contains this")
    args = ap.parse_args()
    if args.rebuild or not args.db.exists():
        args.db.unlink(missing_ok=True)
        start = time.perf_counter()
        shape = build(args.db, args.claims)
        shape["build_s"] = round(time.perf_counter() - start, 1)
        shape["file_mb"] = round(args.db.stat().st_size / 1e6, 1)
        print(json.dumps({"ledger": shape}), flush=True)
    rows = []
    for label, url in pick_urls(args.db):
        if args.only and args.only not in label:
            continue
        server = Server(args.db)
        try:
            with httpx.Client(base_url=server.base, timeout=600) as client:
                cold_first, cold, status, size = timed_get(client, url)
                warm = [timed_get(client, url) for _ in range(args.repeat)]
            row = {
                "what": label,
                "url": url,
                "status": status,
                "bytes": size,
                "cold_s": round(cold, 3),
                "cold_first_byte_s": round(cold_first, 3),
                "warm_median_s": round(statistics.median(w[1] for w in warm), 3),
                "warm_max_s": round(max(w[1] for w in warm), 3),
                "warm_first_byte_s": round(statistics.median(w[0] for w in warm), 3),
                "server_peak_rss_mb": round(server.peak_rss_mb()),
            }
        finally:
            server.stop()
        rows.append(row)
        print(json.dumps(row), flush=True)
    print()
    print("| request | cold | warm median | warm max | first byte (warm) | bytes | server peak RSS |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['what']} | {r['cold_s'] * 1000:,.0f} ms | {r['warm_median_s'] * 1000:,.0f} ms | "
            f"{r['warm_max_s'] * 1000:,.0f} ms | {r['warm_first_byte_s'] * 1000:,.0f} ms | {r['bytes']:,} | "
            f"{r['server_peak_rss_mb']} MB |"
        )


if __name__ == "__main__":
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    main()
