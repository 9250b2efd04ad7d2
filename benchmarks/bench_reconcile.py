"""How reconciliation grows with the number of documents, and what adding one document
to a ledger costs.

Documents are the dev stories' real reports (`../shared/gold/stories`), extracted once,
then replicated with new ids: either as copies of the same two stories (a few very large
stories, the hard case for story grouping) or with every capitalised name changed and
the dates moved 60 days per copy, so that every copy is a story of its own (many small
stories, the usual ledger).

    .venv/bin/python benchmarks/bench_reconcile.py --sizes 250 1000 4000
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from crosstally.extract import DocumentText, extract_many
from crosstally.ingest import extractor_version, reconcile_batch
from crosstally.store import Ledger
from crosstally.store.reconciled import refresh
from crosstally.story_eval import story_documents, story_folders

STORIES = Path(__file__).resolve().parents[2] / "shared" / "gold" / "stories"
_NAME = re.compile(r"\b([A-Z][A-Za-z]{2,})\b")


def _renamed(text: str, copy: int) -> str:
    """Every capitalised name given a suffix of letters for this copy ("Derna" -> "Dernabc"),
    so that each copy is an event of its own with names of its own."""
    suffix = "".join(chr(97 + int(d)) for d in str(copy))
    return _NAME.sub(lambda m: m.group(1) + suffix, text)


def base_corpus():
    """(documents, claims) of every dev story."""
    docs = [d for folder in story_folders([STORIES]) for d in story_documents(folder)]
    claims = [c for group in extract_many([DocumentText(d.text, d.id, d.published) for d in docs]) for c in group]
    return docs, claims


def replicate(docs, claims, n: int, distinct: bool):
    """About `n` documents: copies of the corpus, each copy its own story if `distinct`."""
    out_docs, out_claims = [], []
    copy = 0
    while len(out_docs) < n:
        for d in docs:
            text, title = d.text, d.title or ""
            if distinct:
                text, title = _renamed(text, copy), _renamed(title, copy)
            doc_id = f"{copy}-{d.id}"
            published = d.published + timedelta(days=60 * copy) if distinct and d.published else d.published
            out_docs.append(
                replace(d, id=doc_id, text=text + f"\nFiled as report {copy}.", title=title, published=published)
            )
            # Offsets stay valid: the swaps keep lengths only approximately, so claims are
            # re-extracted for distinct copies below.
            if not distinct:
                out_claims += [replace(c, doc=doc_id) for c in claims if c.doc == d.id]
        copy += 1
    if distinct:
        items = [DocumentText(d.text, d.id, d.published) for d in out_docs]
        out_claims = [c for group in extract_many(items) for c in group]
    return out_docs, out_claims


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[250, 1000, 4000])
    ap.add_argument("--json", type=Path, help="Also write the results here.")
    args = ap.parse_args()
    docs, claims = base_corpus()
    results = []
    for distinct in (False, True):
        for n in args.sizes:
            batch_docs, batch_claims = replicate(docs, claims, n, distinct)
            started = time.perf_counter()
            rec = reconcile_batch(batch_docs, batch_claims)
            batch_s = time.perf_counter() - started
            with tempfile.TemporaryDirectory() as tmp, Ledger(Path(tmp) / "l.duckdb") as ledger:
                by_doc: dict[str, list] = {}
                for c in batch_claims:
                    by_doc.setdefault(c.doc, []).append(c)
                for d in batch_docs[:-1]:
                    ledger.add(d, by_doc.get(d.id, []), extractor_version())
                started = time.perf_counter()
                refresh(ledger, everything=True)
                full_s = time.perf_counter() - started
                last = batch_docs[-1]
                ledger.add(last, by_doc.get(last.id, []), extractor_version())
                started = time.perf_counter()
                refresh(ledger)
                one_s = time.perf_counter() - started
            row = {
                "stories": "many small" if distinct else "two large",
                "documents": len(batch_docs),
                "claims": len(batch_claims),
                "story_count": len(rec.stories),
                "batch_reconcile_s": round(batch_s, 2),
                "ledger_full_refresh_s": round(full_s, 2),
                "ledger_add_one_s": round(one_s, 2),
            }
            results.append(row)
            print(json.dumps(row), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
