"""Documents on Spark as the ledger stores them: read in the order `crosstally add` reads
them, keyed, and deduplicated.

The ledger takes documents one after another: the first of two identical texts is kept,
and a near-copy links to an earlier document. So the Spark path needs the same order:
files by path, then rows as they stand in each file (a split's start, then the row's
place in it). Each document's keys are computed here, on the workers, from its text:
the content hash, the simhash, the publication date and the salient names that story
grouping reads; the driver only ever collects these keys, never the texts.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger("crosstally.spark")

#: Where a document stands in the input: file, split start, row in the split.
ORDER = ("file", "block", "row")
KEYED_SCHEMA = (
    "id string, text string, title string, outlet string, url string, published string, story string, "
    "file string, block long, row long, hash string, simhash long, "
    "names array<string>, counts array<int>, mid_sentence array<string>, day date, month_day array<int>"
)


def read_documents(spark, source: str):
    """Documents from JSON Lines, Parquet, or text files (one document a file), with the
    columns a ledger stores and where each stands in the input."""
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
    for column in ("title", "outlet", "url", "published", "story"):
        if column not in frame.columns:
            frame = frame.withColumn(column, F.lit(None).cast("string"))
    return frame.select(
        F.col("id").cast("string"),
        "text",
        F.col("title").cast("string"),
        F.col("outlet").cast("string"),
        F.col("url").cast("string"),
        F.col("published").cast("string"),
        F.col("story").cast("string"),
        F.col("_metadata.file_path").alias("file"),
        F.col("_metadata.file_block_start").alias("block"),
        F.monotonically_increasing_id().alias("row"),
    )


def key_partition(rows: Iterator) -> Iterator[tuple]:
    """Each document of a partition with its keys; one with no id or no text is logged
    and left out (`crosstally add` refuses it too)."""
    from ..read import parse_published
    from ..reconcile.copies import simhash
    from ..reconcile.stories import salient_names
    from ..reconcile.timing import written_on
    from ..store.ledger import content_hash

    for row in rows:
        doc_id, text = row["id"], row["text"]
        if not doc_id or not isinstance(text, str) or not text.strip():
            log.warning("skipped document %r: no id or no text", doc_id)
            continue
        published, _ = parse_published(row["published"])
        counts, mid = salient_names(text, row["title"])
        signed = simhash(text)
        yield (
            doc_id,
            text,
            row["title"],
            row["outlet"],
            row["url"],
            published.isoformat() if published else None,
            row["story"],
            row["file"],
            row["block"],
            row["row"],
            content_hash(text),
            signed - (1 << 64) if signed >= 1 << 63 else signed,
            list(counts),
            list(counts.values()),
            sorted(mid),
            *written_on(text, published),
        )


def keyed_documents(spark, source: str):
    """The documents a ledger would store from `source`: keyed, and the first of each
    text only (in input order)."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    raw = read_documents(spark, source)
    keyed = spark.createDataFrame(raw.rdd.mapPartitions(key_partition), schema=KEYED_SCHEMA)
    first = Window.partitionBy("hash").orderBy(*ORDER)
    return keyed.withColumn("_n", F.row_number().over(first)).where("_n = 1").drop("_n")
