"""Extraction cost against document length: one document of 1 KB to 5 MB made of real
reports, with punctuation and as one run-on line without full stops or line breaks —
CPU seconds, peak memory, claims, and the cost relative to the 100 KB document.

Each run is its own one-thread process. `--spacy` also times spaCy's full pipeline over
the same document (up to 1 MB: it refuses longer texts and its memory grows with length).

    .venv/bin/python benchmarks/bench_length.py
    .venv/bin/python benchmarks/bench_length.py --sizes 100000 1000000 --spacy
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_extract import in_subprocess  # noqa: E402

SIZES = (1_000, 10_000, 100_000, 1_000_000, 5_000_000)
SPACY_LIMIT = 1_000_000


def run_one(mode: str, size: int, punctuation: bool) -> dict:
    """Time one document of `size` characters in this process."""
    from corpus import length_text

    from crosstally import ExtractOptions
    from crosstally.extract import extract
    from crosstally.nlp import load_pipeline

    nlp = load_pipeline(ExtractOptions().model)
    extract("Some 300 homes burned, officials said.")
    text = length_text(size, punctuation)
    start, cpu = time.perf_counter(), time.process_time()
    found = len(extract(text)) if mode == "fast" else len(nlp(text).ents)
    return {
        "mode": mode,
        "chars": size,
        "punctuation": punctuation,
        "cpu_s": round(time.process_time() - cpu, 2),
        "wall_s": round(time.perf_counter() - start, 2),
        "found": found,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    ap.add_argument("--spacy", action="store_true", help="also time spaCy alone (sizes up to 1 MB)")
    ap.add_argument("--one", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        mode, size, punctuation = args.one
        print(json.dumps(run_one(mode, int(size), punctuation == "yes")))
        return
    base: dict[tuple[str, bool], float] = {}
    for punctuation in (True, False):
        for size in sorted(args.sizes):
            modes = ["fast"] + (["spacy"] if args.spacy and size <= SPACY_LIMIT else [])
            for mode in modes:
                record = in_subprocess(["--one", mode, str(size), "yes" if punctuation else "no"], __file__)
                if record.get("chars") == 100_000:
                    base[(mode, punctuation)] = record["cpu_s"]
                if (mode, punctuation) in base and "cpu_s" in record:
                    record["cost_vs_100kb"] = round(record["cpu_s"] / base[(mode, punctuation)], 2)
                print(json.dumps(record), flush=True)


if __name__ == "__main__":
    main()
