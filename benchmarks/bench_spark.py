"""Spark local mode on 2 cores against one process, on the same synthetic corpus.

.venv/bin/python benchmarks/bench_spark.py --docs 1000
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def main() -> None:
    from corpus import make_corpus

    from crosstally.extract import DocumentText, extract_many
    from crosstally.nlp import load_pipeline
    from crosstally.options import ExtractOptions
    from crosstally.spark.job import run

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    args = ap.parse_args()
    docs = make_corpus(args.docs)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "docs.jsonl"
        source.write_text("".join(json.dumps(d) + "\n" for d in docs))
        start = time.perf_counter()
        result = run(str(source), str(Path(tmp) / "out"), master="local[2]", partitions=4)
        spark_s = time.perf_counter() - start
    load_pipeline(ExtractOptions().model)
    start = time.perf_counter()
    claims = sum(len(c) for c in extract_many([DocumentText(d["text"], d["id"]) for d in docs]))
    single_s = time.perf_counter() - start
    print(
        json.dumps(
            {
                "docs": args.docs,
                "spark_local2_s": round(spark_s, 1),
                "spark_claims": result["claims"],
                "one_process_s": round(single_s, 1),
                "one_process_claims": claims,
            }
        )
    )


if __name__ == "__main__":
    main()
