"""Extraction throughput on one core: the scanner alone, the fast path, the full pipeline
on all text, and quantulum3 (when installed) — documents/s, MB/s and peak memory.

Each mode runs in its own process so that its peak memory is its own.

    .venv/bin/python benchmarks/bench_extract.py --docs 2000 --full-docs 300
    .venv/bin/python benchmarks/bench_extract.py --docs 2000 --full-docs 300 --paragraphs 16 --figure-share 0.25
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def run_mode(mode: str, n: int, paragraphs: int, share: float) -> dict:
    from corpus import make_corpus

    docs = make_corpus(n, paragraphs_per_doc=paragraphs, figure_share=share)
    size = sum(len(d["text"].encode()) for d in docs)
    if mode in ("fast", "full"):
        from crosstally import ExtractOptions
        from crosstally.extract import DocumentText, extract_many
        from crosstally.nlp import load_pipeline

        load_pipeline(ExtractOptions().model)
        items = [DocumentText(d["text"], d["id"]) for d in docs]
        start = time.perf_counter()
        claims = sum(len(c) for c in extract_many(items, ExtractOptions(fast=mode == "fast")))
    elif mode == "scan":
        from crosstally.extract.numbers import scan

        start = time.perf_counter()
        claims = sum(len(scan(d["text"])[0]) for d in docs)
    elif mode == "quantulum3":
        from quantulum3 import parser

        start = time.perf_counter()
        claims = sum(len(parser.parse(d["text"])) for d in docs)
    else:
        raise SystemExit(f"unknown mode {mode}")
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "mode": mode,
        "docs": n,
        "mb": round(size / 1e6, 2),
        "seconds": round(seconds, 2),
        "docs_per_s": round(n / seconds, 1),
        "mb_per_s": round(size / 1e6 / seconds, 3),
        "found": claims,
        "peak_rss_mb": round(peak_mb),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--full-docs", type=int, default=300, help="documents for the (slow) full pipeline")
    ap.add_argument("--paragraphs", type=int, default=8, help="paragraphs per document")
    ap.add_argument("--figure-share", type=float, default=0.4, help="share of paragraphs holding figures")
    ap.add_argument("--mode", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.docs, args.paragraphs, args.figure_share)))
        return
    plan = [
        ("scan", args.docs),
        ("fast", args.docs),
        ("fast", args.full_docs),
        ("full", args.full_docs),
        ("quantulum3", args.full_docs),
    ]
    for mode, n in plan:
        proc = subprocess.run(
            [
                sys.executable,
                __file__,
                "--mode",
                mode,
                "--docs",
                str(n),
                "--paragraphs",
                str(args.paragraphs),
                "--figure-share",
                str(args.figure_share),
            ],
            capture_output=True,
            text=True,
            env={"OMP_NUM_THREADS": "1", "PATH": "/usr/bin:/bin"},
        )
        print(proc.stdout.strip() or json.dumps({"mode": mode, "skipped": proc.stderr.strip().splitlines()[-1:]}))


if __name__ == "__main__":
    main()
