"""The extractor and reconciliation on Spark: documents in, a ledger's contents out as Parquet.

Documents are keyed and deduplicated on the workers (spark/documents.py); near-copies
are found as the ledger finds them (spark/copies.py); stories are grouped on the driver
over the documents' keys and each story is reconciled on a worker (spark/reconcile.py).
Each partition loads the spaCy pipeline once (`mapPartitions`) and extracts its documents
with the same `extract_many` as one process. A document that fails is logged with its id
and left out of the claims; the job goes on. `crosstally add --claims OUTPUT` loads the
result into a ledger. Needs the `spark` extra.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict
from datetime import date
from pathlib import Path

from ..claims import Claim
from ..extract import DocumentText, extract_many
from ..options import ExtractOptions
from ..reconcile import reconcile_version
from .copies import near_copy_links
from .documents import ORDER, keyed_documents
from .reconcile import PER_STORY, TABLES, entities_of, group, reconcile_stories

log = logging.getLogger("crosstally.spark")

CLAIM_SCHEMA = (
    "doc string, start int, `end` int, mention string, value double, value_max double, qualifier string, "
    "unit string, per string, counted string, category string, source string, via string, time_text string, "
    "date string, location string, evidence_start int, evidence_end int, measure string, pub_date string"
)
#: What documents/ holds per document: what the ledger stores of it.
DOCUMENT_COLUMNS = ("id", "text", "title", "outlet", "url", "published", "story", "hash", "simhash", "near_copy_of")


def extract_partition(rows: Iterator, options: ExtractOptions) -> Iterator[dict]:
    """Claims (as dicts) for the keyed documents of one partition; a document whose
    extraction fails is logged and left out."""
    batch = [
        DocumentText(row["text"], row["id"], date.fromisoformat(row["published"]) if row["published"] else None)
        for row in rows
    ]

    def failed(item: DocumentText, exc: Exception) -> None:
        log.warning("document %r failed: %s", item.doc_id, exc)

    for item, claims in zip(batch, extract_many(batch, options, on_error=failed), strict=True):
        pub_date = item.published.isoformat() if item.published else "unknown"
        for claim in claims:
            yield _row(claim, pub_date)


def _row(claim: Claim, pub_date: str) -> dict:
    data = asdict(claim)
    data["pub_date"] = pub_date
    return data


def run(
    source: str,
    output: str,
    options: ExtractOptions | None = None,
    master: str = "local[2]",
    partitions: int | None = None,
) -> dict:
    """Extract and reconcile `source` into `output`: claims/ (partitioned by pub_date),
    documents/ (with their hash, simhash, copy link and pin) and reconciled/ (the ledger's
    reconciliation tables and the version that made them)."""
    from pyspark import StorageLevel
    from pyspark.sql import SparkSession

    options = options or ExtractOptions()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master(master)
        .appName("crosstally-extract")
        .config("spark.pyspark.python", os.environ["PYSPARK_PYTHON"])
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    out = Path(output)
    clock = _Clock()
    try:
        documents = keyed_documents(spark, source)
        if partitions:
            documents = documents.repartition(partitions)
        documents = documents.persist(StorageLevel.MEMORY_AND_DISK)
        keys = documents.drop("text", "outlet", "url", "hash").collect()
        keys.sort(key=lambda k: tuple(k[c] for c in ORDER))
        links = near_copy_links(documents, [(k["id"], i, k["simhash"], k["published"]) for i, k in enumerate(keys)])
        stories = group(keys, links)
        clock.lap("documents_copies_stories")
        rows = documents.rdd.mapPartitions(lambda part: extract_partition(part, options))
        claims = spark.createDataFrame(rows, schema=CLAIM_SCHEMA).persist(StorageLevel.MEMORY_AND_DISK)
        claims.write.mode("overwrite").partitionBy("pub_date").parquet(str(out / "claims"))
        clock.lap("extract")
        entities = entities_of(r[0] for r in claims.select("source").distinct().collect())
        copy_of = spark.createDataFrame(list(links.items()), "id string, near_copy_of string")
        documents.join(copy_of, "id", "left").select(*DOCUMENT_COLUMNS).write.mode("overwrite").parquet(
            str(out / "documents")
        )
        reconciled = reconcile_stories(documents, claims, stories, links, entities).persist(
            StorageLevel.MEMORY_AND_DISK
        )
        for table in PER_STORY:
            picked = reconciled.filter(lambda item, table=table: item[0] == table).map(lambda item: item[1])
            _write(spark.createDataFrame(picked, TABLES[table]), out, table)
        driver_rows = {
            "story_documents": [(doc, s.id) for s in stories for doc in s.docs],
            "source_entities": [
                (e.key, e.name, list(e.variants)) for e in {e.key: e for e in entities.values()}.values()
            ],
            "meta": [("reconcile_version", reconcile_version())],
        }
        schemas = {**TABLES, "meta": "key string, value string"}
        for table, values in driver_rows.items():
            _write(spark.createDataFrame(values, schemas[table]), out, table)
        names = documents.selectExpr("id AS doc", "names", "counts", "mid_sentence", "day", "month_day")
        _write(names, out, "document_names")
        clock.lap("reconcile")
        return {
            "documents": len(keys),
            "claims": claims.count(),
            "stories": len(stories),
            "near_copies": len(links),
            "seconds": clock.laps,
        }
    finally:
        spark.stop()


class _Clock:
    """Wall-clock seconds of each stage of the job (Spark runs a stage when it writes)."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self.last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round(now - self.last, 2)
        self.last = now


def _write(frame, out: Path, table: str) -> None:
    frame.write.mode("overwrite").parquet(str(out / "reconciled" / table))
