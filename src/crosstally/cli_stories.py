"""`crosstally reconcile` and `crosstally story ...`: the reconciliation stage and an
analyst's overrides of which documents report one event."""

from __future__ import annotations

import click

from .cli import DB_OPTION, handles_errors, main


@main.command()
@DB_OPTION
@handles_errors
def reconcile(db) -> None:
    """Re-run reconciliation over the whole ledger (stories, measures, sources, times, flags)."""
    from .store import Ledger
    from .store.reconciled import refresh

    with Ledger(db) as ledger:
        result = refresh(ledger, everything=True)
        counts = ledger.counts()
    click.echo(
        f"reconciled {result.stories} stories: {counts['measures']} measures over {counts['claims']} claims "
        f"(reconciliation {result.version})",
        err=True,
    )


@main.group()
def story() -> None:
    """List, show and correct the stories (events) documents are grouped into."""


@story.command("list")
@DB_OPTION
@handles_errors
def story_list(db) -> None:
    """Every story with its documents, claims and dates."""
    from .store import Ledger
    from .store.reconciled import stories

    with Ledger(db, read_only=True) as ledger:
        rows = stories(ledger)
    for s in rows:
        days = f"{s.first_day or '?'} – {s.last_day or '?'}"
        pinned = " (pinned)" if s.pinned else ""
        click.echo(f"{s.id}{pinned}\t{s.documents} documents, {s.claims} claims, {days}\t{s.title}")


@story.command("show")
@click.argument("story_id")
@DB_OPTION
@handles_errors
def story_show(story_id, db) -> None:
    """A story's documents and measures."""
    from .store import Ledger
    from .store.reconciled import story_documents

    with Ledger(db, read_only=True) as ledger:
        docs = ledger.documents(set(story_documents(ledger, story_id)))
        measures = ledger.db.execute(
            "SELECT measure, claims, sources FROM measures WHERE story = ? ORDER BY claims DESC, measure", [story_id]
        ).fetchall()
    click.echo(f"story {story_id}: {len(docs)} documents")
    for d in docs:
        click.echo(f"  {d.id}\t{d.published or 'undated'}\t{d.outlet or ''}\t{d.title or ''}")
    click.echo(f"{len(measures)} measures")
    for measure, claims, sources in measures:
        click.echo(f"  {measure}\t{claims} claims from {sources} sources")


def _changed(db, action) -> None:
    from .store import Ledger
    from .store.reconciled import refresh

    with Ledger(db) as ledger:
        action(ledger)
        refresh(ledger)


@story.command("rename")
@click.argument("old")
@click.argument("new")
@DB_OPTION
@handles_errors
def story_rename(old, new, db) -> None:
    """Give story OLD the id NEW (its documents are pinned to it)."""
    from .store.reconciled import rename_story

    _changed(db, lambda ledger: rename_story(ledger, old, new))
    click.echo(f"story {old} is now {new}", err=True)


@story.command("merge")
@click.argument("target")
@click.argument("others", nargs=-1, required=True)
@DB_OPTION
@handles_errors
def story_merge(target, others, db) -> None:
    """Put the documents of OTHERS into story TARGET."""
    from .store.reconciled import merge_stories

    _changed(db, lambda ledger: merge_stories(ledger, target, list(others)))
    click.echo(f"merged {', '.join(others)} into {target}", err=True)


@story.command("split")
@click.argument("story_id")
@click.argument("docs", nargs=-1, required=True)
@click.option("--into", "new", required=True, help="The id of the new story the documents move to.")
@DB_OPTION
@handles_errors
def story_split(story_id, docs, new, db) -> None:
    """Move DOCS out of STORY_ID into a new story."""
    from .store.reconciled import split_story

    _changed(db, lambda ledger: split_story(ledger, story_id, list(docs), new))
    click.echo(f"moved {len(docs)} documents from {story_id} to {new}", err=True)


@story.command("move")
@click.argument("docs", nargs=-1, required=True)
@click.option("--to", "target", required=True, help="The story the documents belong to.")
@DB_OPTION
@handles_errors
def story_move(docs, target, db) -> None:
    """Pin DOCS to story TARGET (an existing or a new one)."""
    from .store.reconciled import pin

    _changed(db, lambda ledger: pin(ledger, list(docs), target))
    click.echo(f"moved {len(docs)} documents to {target}", err=True)


@main.command()
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The file to write.")
@click.option(
    "--format", "fmt", type=click.Choice(["parquet", "csv", "jsonl"]), default=None, help="Default: from the file name."
)
@click.option("--story", help="Only this story's claims.")
@DB_OPTION
@handles_errors
def export(output, fmt, story, db) -> None:
    """Every claim with its measure, story, state, source entity and statement time, as
    Parquet, CSV or JSON Lines (streamed by the database, fine at any size)."""
    from pathlib import Path

    from .errors import InvalidOptionError
    from .store import Ledger
    from .store.reconciled import export_claims, story_documents

    fmt = fmt or {".parquet": "parquet", ".csv": "csv", ".jsonl": "jsonl"}.get(Path(output).suffix.lower())
    if fmt is None:
        raise InvalidOptionError(f"cannot tell the format of {output}", hint="use --format parquet|csv|jsonl")
    if not Path(output).resolve().parent.is_dir():
        raise InvalidOptionError(f"no directory for {output}", hint="create it first")
    with Ledger(db, read_only=True) as ledger:
        if story:
            story_documents(ledger, story)
        rows = export_claims(ledger, output, fmt, story)
    click.echo(f"wrote {rows} claims to {output}", err=True)
