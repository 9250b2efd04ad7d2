"""The extractor on Spark: documents in, claims out as Parquet partitioned by date.

Each partition loads the spaCy pipeline once (`mapPartitions`) and extracts its documents
with the same `extract_many` as one process. A document that fails is logged with its id
and left out of the output; the job goes on. Needs the `spark` extra.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

from ..claims import Claim
from ..extract import DocumentText, extract_many
from ..options import ExtractOptions

log = logging.getLogger("crosstally.spark")

CLAIM_SCHEMA = (
    "doc string, start int, `end` int, mention string, value double, value_max double, qualifier string, "
    "unit string, per string, counted string, category string, source string, via string, time_text string, "
    "date string, location string, evidence_start int, evidence_end int, measure string, pub_date string"
)
DOCUMENT_SCHEMA = "id string, text string, title string, outlet string, url string, published string"


def extract_partition(rows: Iterator, options: ExtractOptions) -> Iterator[dict]:
    """Claims (as dicts) for the documents of one partition; failures logged and skipped."""
    from ..read import parse_published

    batch = []
    for row in rows:
        record = row.asDict() if hasattr(row, "asDict") else dict(row)
        doc_id = str(record.get("id") or "")
        text = record.get("text")
        if not doc_id or not isinstance(text, str) or not text.strip():
            log.warning("skipped document %r: no id or no text", doc_id)
            continue
        published, _ = parse_published(record.get("published"))
        batch.append(DocumentText(text, doc_id, published))

    def failed(item: DocumentText, exc: Exception) -> None:
        log.warning("document %r failed: %s", item.doc_id, exc)

    results = list(zip(batch, extract_many(batch, options, on_error=failed), strict=True))
    for item, claims in results:
        pub_date = item.published.isoformat() if item.published else "unknown"
        for claim in claims:
            yield _row(claim, pub_date)


def _row(claim: Claim, pub_date: str) -> dict:
    data = asdict(claim)
    data["pub_date"] = pub_date
    return data


def read_documents(spark, source: str):
    """Documents from JSON Lines, Parquet, or text files (one document a file)."""
    from pyspark.sql import functions as F

    path = Path(source)
    files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
    suffixes = {p.suffix.lower() for p in files}
    if suffixes <= {".parquet"}:
        frame = spark.read.parquet(source)
    elif suffixes <= {".jsonl", ".json", ".ndjson"}:
        frame = spark.read.json(source)
    elif suffixes <= {".txt", ".md"}:
        frame = (
            spark.read.text(source, wholetext=True)
            .withColumn("id", F.element_at(F.split(F.input_file_name(), "/"), -1))
            .withColumnRenamed("value", "text")
        )
    else:
        from ..errors import UnsupportedFormatError

        raise UnsupportedFormatError(
            f"mixed or unsupported input types {sorted(suffixes)}",
            path=source,
            hint="give a folder of .jsonl, .parquet or .txt files",
        )
    for column in ("title", "outlet", "url", "published"):
        if column not in frame.columns:
            frame = frame.withColumn(column, F.lit(None).cast("string"))
    return frame.select(
        F.col("id").cast("string"),
        "text",
        F.col("title").cast("string"),
        F.col("outlet").cast("string"),
        F.col("url").cast("string"),
        F.col("published").cast("string"),
    )


def run(
    source: str,
    output: str,
    options: ExtractOptions | None = None,
    master: str = "local[2]",
    partitions: int | None = None,
) -> dict:
    """Extract `source` into `output`/claims (partitioned by pub_date) and `output`/documents."""
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
    try:
        documents = read_documents(spark, source)
        if partitions:
            documents = documents.repartition(partitions)
        documents = documents.cache()
        claims = documents.rdd.mapPartitions(lambda rows: extract_partition(rows, options))
        frame = spark.createDataFrame(claims, schema=CLAIM_SCHEMA)
        frame.write.mode("overwrite").partitionBy("pub_date").parquet(str(Path(output) / "claims"))
        documents.write.mode("overwrite").parquet(str(Path(output) / "documents"))
        written = spark.read.parquet(str(Path(output) / "claims")).count()
        return {"documents": documents.count(), "claims": written}
    finally:
        spark.stop()
