"""Extraction throughput on one core, on real-shaped news: crosstally's scanner alone, its
fast path, `--full-parse`, spaCy's full pipeline over the same documents, and
quantulum3 (when installed) — CPU seconds, MB/s, peak memory and the ratios.

Each mode runs in its own process (one thread), so its peak memory is its own; with
`--rounds N` the modes are interleaved N times and every run is printed. Each line of
output is one JSON record; the last gives the ratios of the medians.

    .venv/bin/python benchmarks/bench_extract.py --docs 240
    .venv/bin/python benchmarks/bench_extract.py --docs 2000 --corpus synthetic
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

MODES = ("scan", "fast", "full", "spacy", "quantulum3")


def documents(corpus: str, n: int) -> list[dict]:
    from corpus import make_corpus, real_corpus

    if corpus == "real":
        return real_corpus(n)
    return make_corpus(n, paragraphs_per_doc=16, figure_share=0.25)


def run_mode(mode: str, corpus: str, n: int) -> dict:
    """Time one mode over the corpus in this process."""
    docs = documents(corpus, n)
    texts = [d["text"] for d in docs]
    if mode in ("fast", "full", "spacy"):
        from crosstally import ExtractOptions
        from crosstally.extract import DocumentText, extract_many
        from crosstally.nlp import load_pipeline

        nlp = load_pipeline(ExtractOptions().model)
        list(extract_many([DocumentText(texts[0])]))
    elif mode == "quantulum3":
        from quantulum3 import parser

        parser.parse(texts[0])
    start, cpu = time.perf_counter(), time.process_time()
    if mode in ("fast", "full"):
        items = [DocumentText(t, d["id"]) for t, d in zip(texts, docs, strict=True)]
        found = sum(len(c) for c in extract_many(items, ExtractOptions(fast=mode == "fast")))
    elif mode == "spacy":
        found = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=ExtractOptions().batch_size))
    elif mode == "scan":
        from crosstally.extract.numbers import scan

        found = sum(len(scan(t)[0]) for t in texts)
    elif mode == "quantulum3":
        found = sum(len(parser.parse(t)) for t in texts)
    else:
        raise SystemExit(f"unknown mode {mode}")
    cpu = time.process_time() - cpu
    size = sum(len(t.encode()) for t in texts)
    return {
        "mode": mode,
        "corpus": corpus,
        "docs": n,
        "mb": round(size / 1e6, 3),
        "cpu_s": round(cpu, 2),
        "wall_s": round(time.perf_counter() - start, 2),
        "mb_per_cpu_s": round(size / 1e6 / cpu, 4),
        "found": found,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def in_subprocess(args: list[str], script: str = __file__) -> dict:
    """Run `script` with `args` in a fresh one-thread process; its last JSON record."""
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    proc = subprocess.run([sys.executable, script, *args], capture_output=True, text=True, env=env)
    if proc.returncode != 0 or not proc.stdout.strip():
        return {"args": args, "skipped": proc.stderr.strip().splitlines()[-1:]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=240)
    ap.add_argument("--corpus", choices=("real", "synthetic"), default="real")
    ap.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES))
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--mode", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.corpus, args.docs)))
        return
    if args.corpus == "real":
        from corpus import real_corpus, sentence_share

        units, share = sentence_share([d["text"] for d in real_corpus(args.docs)])
        print(json.dumps({"corpus": "real", "units": units, "share_of_units_with_a_figure": round(share, 3)}))
    cpu: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        for mode in args.modes:
            record = in_subprocess(["--mode", mode, "--corpus", args.corpus, "--docs", str(args.docs)])
            print(json.dumps(record), flush=True)
            if "cpu_s" in record:
                cpu.setdefault(mode, []).append(record["cpu_s"])
    median = {mode: statistics.median(times) for mode, times in cpu.items()}
    ratios = {
        f"{other}/fast": round(median[other] / median["fast"], 2)
        for other in ("full", "spacy", "quantulum3")
        if other in median and "fast" in median
    }
    print(json.dumps({"median_cpu_s": median, "ratios": ratios}))


if __name__ == "__main__":
    main()
