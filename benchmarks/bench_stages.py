"""Where the fast path's CPU goes, on real-shaped news: each pipeline component (spaCy's or
its stand-in), the rules that read the parses, and the scanner with the cutting into
units — exclusive CPU seconds of each, in one process (one thread), after a warm-up.

    .venv/bin/python benchmarks/bench_stages.py --docs 240

Each stage is timed around every call that enters it, less the time of the stages it
calls in turn (the components run as a chain of generators), so the stages add up to
the total; the timing itself adds a few per cent. The last line is one JSON record.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


class _Clock:
    """Exclusive CPU time per stage, for nested calls."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)
        self._inner: list[float] = []

    def call(self, name: str, fn: Callable) -> Callable:
        def timed(*args, **kwargs):
            self._inner.append(0.0)
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                elapsed = time.process_time() - start
                self.spent[name] += elapsed - self._inner.pop()
                if self._inner:
                    self._inner[-1] += elapsed

        return timed

    def generator(self, name: str, fn: Callable) -> Callable:
        def timed(*args, **kwargs) -> Iterator:
            step = self.call(name, fn(*args, **kwargs).__next__)
            while True:
                try:
                    yield step()
                except StopIteration:
                    return

        return timed


class _Timed:
    """A pipeline component whose `pipe` is timed as stage `name`."""

    def __init__(self, clock: _Clock, name: str, component) -> None:
        self.pipe = clock.generator(name, component.pipe)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=240)
    args = ap.parse_args()

    from corpus import real_corpus

    from crosstally import ExtractOptions
    from crosstally.extract import DocumentText, extract_many
    from crosstally.extract.stream import DocumentJob
    from crosstally.nlp import load_parser

    docs = real_corpus(args.docs)
    list(extract_many([DocumentText(docs[0]["text"])]))
    clock = _Clock()
    parser = load_parser(ExtractOptions().model)
    parser._stages = [(name, _Timed(clock, name, component)) for name, component in parser._stages]
    parser.nlp.make_doc = clock.call("tokenizer", parser.nlp.make_doc)
    job = DocumentJob
    job._read_parsed = clock.call("rules (reading the parses)", job._read_parsed)
    job.plan = clock.call("scanner, units, names", job.plan)

    items = [DocumentText(d["text"], d["id"]) for d in docs]
    start = time.process_time()
    claims = sum(len(c) for c in extract_many(items, ExtractOptions(fast=True)))
    total = time.process_time() - start
    stages = dict(sorted(clock.spent.items(), key=lambda kv: -kv[1]))
    stages["other"] = total - sum(stages.values())
    for name, spent in stages.items():
        print(f"{name:28s} {spent:6.2f} s  {spent / total:4.0%}")
    record = {"docs": args.docs, "claims": claims, "cpu_s": round(total, 2)}
    print(json.dumps(record | {"stages": {k: round(v, 3) for k, v in stages.items()}}))


if __name__ == "__main__":
    main()
