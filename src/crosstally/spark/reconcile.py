"""Reconciliation on Spark: stories grouped on the driver, each story reconciled on a worker.

Story grouping links documents across the whole corpus (shared names, dates, copies), so
it runs on the driver over the keys collected per document (salient names and their
counts, title, date, copy link, pin), as the ledger's refresh runs it over its stored
names. Source entities are resolved once over the distinct source names, as the ledger
resolves them over all its sources. After that stories are independent: each is
reconciled by `reconcile` on a worker over its own documents and claims, and comes back
as the rows of the ledger's reconciliation tables (`store/reconciled.py`), written as
Parquet for `crosstally add --claims` to load.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import fields
from datetime import date

from ..claims import Claim
from ..reconcile import DocInfo, reconcile
from ..reconcile.sources import SourceEntity, is_source_name, resolve_sources
from ..reconcile.stories import Story, StoryInput, group_stories

#: The ledger's reconciliation tables, as Spark writes them (DuckDB loads them by name).
TABLES = {
    "stories": "id string, title string, names array<string>, pinned boolean, documents int, claims int, "
    "first_day date, last_day date",
    "story_documents": "doc string, story string",
    "document_names": "doc string, names array<string>, counts array<int>, mid_sentence array<string>, day date, "
    "month_day array<int>",
    "document_dates": "doc string, day date, origin string",
    "claim_frames": "doc string, start int, `end` int, story string, measure string, population string, "
    "state string, `group` string, scope string, source_key string, source_name string, as_of string, "
    "as_of_day date, as_of_origin string",
    "measures": "measure string, story string, label string, category string, population string, state string, "
    "`group` string, scope string, per string, unit string, parent string, claims int, sources int, low double, "
    "high double, last_day date, words array<string>",
    "source_entities": "key string, name string, variants array<string>",
    "flags": "type string, story string, measure string, a_doc string, a_start int, a_end int, b_doc string, "
    "b_start int, b_end int, docs array<string>, note string",
}
#: The tables each story's reconciliation fills on a worker.
PER_STORY = ("stories", "document_dates", "claim_frames", "measures", "flags")
_CLAIM_FIELDS = [f.name for f in fields(Claim) if f.name != "measure"]


def group(keys: Iterable, links: dict[str, str]) -> list[Story]:
    """Stories over the collected document keys, in the ledger's order (earliest
    published first, then id)."""
    inputs = [
        StoryInput(
            k["id"],
            "",
            k["title"],
            date.fromisoformat(k["published"]) if k["published"] else k["day"],
            links.get(k["id"]),
            k["story"],
            (Counter(dict(zip(k["names"], k["counts"], strict=True))), set(k["mid_sentence"])),
            k["month_day"],
        )
        for k in keys
    ]
    inputs.sort(key=lambda i: (i.published or date.max, i.doc))
    return group_stories(inputs)


def entities_of(names: Iterable[str | None]) -> dict[str, SourceEntity]:
    """Source entities over every distinct source name, in the order the ledger resolves
    them (sorted: which variant names an entity depends on it)."""
    return resolve_sources(sorted({n for n in names if is_source_name(n)}))


def story_rows(story: Story, docs: list[DocInfo], claims: list[Claim], entities: dict[str, SourceEntity]) -> dict:
    """One story's reconciliation as rows of the tables in `PER_STORY`.

    A near-copy whose original lies in another story still gets its flag: the original
    is passed by id alone (reconcile reads no more of it)."""
    docs = sorted(docs, key=lambda d: (d.published or date.max, d.id))
    claims = sorted(claims, key=lambda c: (c.doc, c.start))
    here = {d.id for d in docs}
    elsewhere = sorted({d.near_copy_of for d in docs if d.near_copy_of and d.near_copy_of not in here})
    r = reconcile(docs + [DocInfo(o, "") for o in elsewhere], claims, entities=entities, stories=[story])
    frames = list(r.frames.values())
    days = [f.as_of_day for f in frames if f.as_of_day]
    return {
        "stories": [
            (
                story.id,
                story.title,
                list(story.names),
                story.pinned,
                len(story.docs),
                len(frames),
                min(days, default=None),
                max(days, default=None),
            )
        ],
        "document_dates": [(d.id, r.doc_dates[d.id].day, r.doc_dates[d.id].origin) for d in docs],
        "claim_frames": [_values(f) for f in frames],
        "measures": [_values(m) for m in r.measures],
        "flags": [f.row() for f in r.flags],
    }


def _values(row) -> tuple:
    return tuple(list(v) if isinstance(v, tuple) else v for v in (getattr(row, f.name) for f in fields(row)))


def reconcile_partition(groups: Iterator, stories: dict[str, Story], entities: dict[str, SourceEntity]) -> Iterator:
    """(table, row) for every story of a partition: (story id, (document rows, claim rows))."""
    for story_id, (doc_rows, claim_rows) in groups:
        docs = [
            DocInfo(
                d["id"],
                d["text"],
                d["title"],
                d["outlet"],
                date.fromisoformat(d["published"]) if d["published"] else None,
                d["near_copy_of"],
                d["story"],
            )
            for d in doc_rows
        ]
        claims = [Claim(**{name: c[name] for name in _CLAIM_FIELDS}) for c in claim_rows]
        for table, rows in story_rows(stories[story_id], docs, claims, entities).items():
            for row in rows:
                yield table, row


def reconcile_stories(documents, claims, stories: list[Story], links: dict[str, str], entities):
    """The rows of `PER_STORY` tables, as an RDD of (table, row), one story per group.

    `documents` is the keyed frame, `claims` the extracted claims."""
    spark = documents.sparkSession
    assignment = spark.createDataFrame(
        [(doc, s.id, links.get(doc)) for s in stories for doc in s.docs],
        "id string, story_id string, near_copy_of string",
    )
    docs = documents.join(assignment, "id").rdd.map(lambda d: (d["story_id"], d))
    claim_rows = claims.join(assignment.withColumnRenamed("id", "doc"), "doc").rdd.map(lambda c: (c["story_id"], c))
    by_id = spark.sparkContext.broadcast({s.id: s for s in stories})
    known = spark.sparkContext.broadcast(entities)
    return docs.cogroup(claim_rows).mapPartitions(lambda part: reconcile_partition(part, by_id.value, known.value))
