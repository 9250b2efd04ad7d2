"""A bounded load test on loopback: concurrent reads while documents are added."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
READERS, READS_EACH, WRITES = 8, 40, 12


def test_reads_during_writes_lose_nothing(live_server):
    urls = ["/api/measures", "/api/claims?category=killed", "/", "/api/ask?q=how+many+died"]

    def reader(n: int) -> list[int]:
        codes = []
        with httpx.Client(base_url=live_server, timeout=30) as client:
            for i in range(READS_EACH):
                r = client.get(urls[(n + i) % len(urls)])
                if r.headers["content-type"].startswith("application/json"):
                    json.loads(r.text)
                codes.append(r.status_code)
        return codes

    def writer() -> list[str]:
        ids = []
        with httpx.Client(base_url=live_server, timeout=60) as client:
            for i in range(WRITES):
                r = client.post(
                    "/api/documents",
                    json={
                        "id": f"load-{i}",
                        "text": f"Officials said {100 + i} people were evacuated from village number {i} in Ruvania.",
                    },
                )
                assert r.status_code == 201, r.text
                ids.append(r.json()["documents"][0]["id"])
        return ids

    start = time.perf_counter()
    with ThreadPoolExecutor(READERS + 1) as pool:
        write_job = pool.submit(writer)
        read_jobs = [pool.submit(reader, n) for n in range(READERS)]
        codes = [c for job in read_jobs for c in job.result()]
        written = write_job.result()
    elapsed = time.perf_counter() - start
    assert codes.count(200) == len(codes) == READERS * READS_EACH
    with httpx.Client(base_url=live_server) as client:
        stored = {d["id"] for d in client.get("/api/documents", params={"per_page": 500}).json()["documents"]}
    assert set(written) <= stored
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "load-test.json").write_text(
        json.dumps(
            {
                "reads": len(codes),
                "writes": len(written),
                "seconds": round(elapsed, 2),
                "requests_per_second": round((len(codes) + len(written)) / elapsed, 1),
            }
        )
    )
