"""Near-copies on Spark, decided as the ledger decides them when documents are added one
after another.

The ledger links a new document to the first of the (at most 20) earlier documents whose
simhash is closest (then earliest published, then first added) that most of its word
trigrams confirm, and through it to the original that one repeats. Here the candidate
pairs come from a join of every document's simhash with every earlier one's (spread over
the cluster: the work grows with the square of the documents, as the ledger's own scan
does), the trigrams are compared on the workers, and only the confirmed pairs (a few per
copy) reach the driver, which follows them in input order.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..reconcile.copies import NEAR_COPY_BITS, contained, trigrams

#: Candidates the ledger checks per new document (its query's LIMIT).
CANDIDATES = 20


def confirm_partition(rows: Iterator) -> Iterator[tuple[str, str, int]]:
    """(copy, earlier document, rank) for each candidate pair whose trigrams confirm it."""
    for row in rows:
        if contained(trigrams(row["text"]), trigrams(row["earlier_text"])):
            yield row["id"], row["earlier"], row["rank"]


def near_copy_links(documents, keys: list[tuple[str, int, int, str | None]]) -> dict[str, str]:
    """{copy id: original id} among `documents` (a keyed frame with their texts), given
    each one's (id, place in the input, simhash, published) collected on the driver."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    spark = documents.sparkSession
    order = {doc: seq for doc, seq, _, _ in keys}
    table = spark.createDataFrame(keys, "id string, seq long, simhash long, published string")
    a, b = table.alias("a"), table.alias("b")
    distance = F.bit_count(F.col("a.simhash").bitwiseXOR(F.col("b.simhash")))
    pairs = a.join(b, (F.col("b.seq") < F.col("a.seq")) & (distance <= NEAR_COPY_BITS)).select(
        F.col("a.id").alias("id"),
        F.col("b.id").alias("earlier"),
        distance.alias("distance"),
        F.col("b.published").alias("published"),
        F.col("b.seq").alias("seq"),
    )
    closest = Window.partitionBy("id").orderBy("distance", F.col("published").asc_nulls_last(), "seq")
    ranked = pairs.withColumn("rank", F.row_number().over(closest)).where(F.col("rank") <= CANDIDATES)
    texts = documents.select("id", "text")
    with_texts = ranked.join(texts, "id").join(
        texts.select(F.col("id").alias("earlier"), F.col("text").alias("earlier_text")), "earlier"
    )
    confirmed = with_texts.rdd.mapPartitions(confirm_partition).collect()
    first: dict[str, tuple[int, str]] = {}
    for copy, earlier, rank in confirmed:
        if copy not in first or rank < first[copy][0]:
            first[copy] = (rank, earlier)
    links: dict[str, str] = {}
    for copy in sorted(first, key=order.__getitem__):
        earlier = first[copy][1]
        links[copy] = links.get(earlier, earlier)
    return links
