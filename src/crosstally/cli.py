"""The `crosstally` command: parses arguments, calls the library, formats the result."""

from __future__ import annotations

import csv
import functools
import json
import sys
from pathlib import Path

import click

from . import __version__
from .claims import CLAIM_FIELDS, Claim
from .errors import CrosstallyError, DocumentError, InvalidOptionError
from .options import ExtractOptions
from .read import DEFAULT_MAX_BYTES, Document, parse_published, read_paths


def _fail(exc: CrosstallyError) -> None:
    click.echo(f"error: {exc}", err=True)
    sys.exit(exc.exit_code)


def handles_errors(func):
    """Turn crosstally's own errors into a one-line message and an exit code."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except CrosstallyError as exc:
            _fail(exc)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="crosstally")
def main() -> None:
    """Who said how many, when: figure claims from news, reconciled across reports."""


PUBLISHED_OPTION = click.option("--published", help="Publication date (YYYY-MM-DD) for documents without one.")
MAX_BYTES_OPTION = click.option(
    "--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True, help="Skip documents larger than this."
)


def _published_option(value: str | None):
    if value is None:
        return None
    published, warnings = parse_published(value)
    if warnings:
        raise InvalidOptionError(f"--published {value!r} is not a date", hint="use YYYY-MM-DD")
    return published


def _check_output(output: str | None) -> None:
    """Refuse `-o` into a directory that does not exist before any work is done."""
    if output and output != "-" and not Path(output).resolve().parent.is_dir():
        from .errors import OutputDirectoryMissingError

        raise OutputDirectoryMissingError(
            f"-o {output}: the directory {Path(output).resolve().parent} does not exist", hint="create it first"
        )


def gather(paths, max_bytes: int, failures: list[DocumentError]) -> list[Document]:
    """Read every input, reporting (and collecting) the ones that fail."""
    documents = []
    for item in read_paths(paths, max_bytes):
        if isinstance(item, DocumentError):
            failures.append(item)
            click.echo(f"error: {item}", err=True)
            continue
        for warning in item.warnings:
            click.echo(f"warning: {warning}", err=True)
        documents.append(item)
    return documents


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl", "csv"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@PUBLISHED_OPTION
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write to this file instead of standard output.",
)
@MAX_BYTES_OPTION
@click.option("--full-parse", is_flag=True, help="Parse every paragraph (slower, same output).")
@handles_errors
def extract(paths, fmt, published, output, max_bytes, full_parse) -> None:
    """Extract figure claims from PATHS (files, directories, or - for stdin)."""
    from dataclasses import replace

    from .ingest import claims_of

    _check_output(output)
    default_date = _published_option(published)
    failures: list[DocumentError] = []
    documents = [replace(d, published=d.published or default_date) for d in gather(paths, max_bytes, failures)]

    def extraction_failed(item, exc: Exception) -> None:
        failures.append(DocumentError(f"extraction failed ({exc!r}); no claims from it", path=item.doc_id))
        click.echo(f"error: {item.doc_id}: extraction failed ({exc!r}); no claims from it", err=True)

    claims = claims_of(documents, ExtractOptions(fast=not full_parse), on_error=extraction_failed)
    with click.open_file(output or "-", "w", encoding="utf-8") as stream:
        if fmt == "jsonl":
            for claim in claims:
                stream.write(json.dumps(claim.record(with_measure=True), ensure_ascii=False) + "\n")
        elif fmt == "csv":
            from .csvsafe import safe_row

            writer = csv.DictWriter(stream, fieldnames=[*CLAIM_FIELDS, "measure"])
            writer.writeheader()
            for claim in claims:
                writer.writerow(safe_row(claim.record(with_measure=True)))
        else:
            texts = {d.id: d.text for d in documents}
            _print_table(claims, texts, stream)
    click.echo(
        f"{len(claims)} claims from {len(documents)} documents" + (f"; {len(failures)} failed" if failures else ""),
        err=True,
    )
    if failures:
        sys.exit(1)


def _print_table(claims: list[Claim], texts: dict[str, str], stream) -> None:
    from .report.terminal import claims_table

    claims_table(claims, texts, stream)


@main.command("eval")
@click.option(
    "--gold",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Gold claims (JSON Lines).",
)
@click.option(
    "--docs",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Directory holding the documents the gold file names.",
)
@click.option(
    "--stories",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Score end to end on a story folder (docs/, gold/, flags.jsonl) or a folder of them; repeatable.",
)
@click.option("--together", is_flag=True, help="With --stories: reconcile every story in one batch, as one ledger.")
@click.option(
    "--pred",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Score these predictions instead of extracting afresh.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the whole result as JSON.")
@handles_errors
def evaluate(gold, docs, stories, together, pred, as_json) -> None:
    """Score extraction against a gold file (figure P/R/F1, category, qualifier, source,
    grouping), or whole story folders (also statement dates and flags)."""
    from dataclasses import asdict

    from .evaluate import load_gold, score

    if stories:
        _evaluate_stories(list(stories), together, as_json)
        return
    if not (gold and docs):
        raise InvalidOptionError("give --gold and --docs, or --stories", hint="crosstally eval --help")

    gold_claims = load_gold(gold)
    if pred:
        predictions = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        predictions = _predict(docs, sorted({g["doc"] for g in gold_claims}))
    result = score(gold_claims, predictions, docs)
    if as_json:
        click.echo(json.dumps(asdict(result), indent=2))
        return
    for key in ("missed", "spurious", "wrong_source", "wrong_category", "wrong_qualifier"):
        for line in getattr(result, key):
            click.echo(f"{key}: {line}")
    click.echo(f"gold {result.gold}  predicted {result.predicted}  matched {result.matched}")
    click.echo(
        f"figure P {result.figure_precision:.3f} R {result.figure_recall:.3f} "
        f"F1 {result.figure_f1:.3f} | category {result.category_acc:.3f} "
        f"qualifier {result.qualifier_acc:.3f} source {result.source_acc:.3f} | "
        f"grouping pair-F1 {result.grouping_pair_f1:.3f}"
    )


def _evaluate_stories(stories: list[Path], together: bool, as_json: bool) -> None:
    from .story_eval import KEYS, evaluate_stories

    results = evaluate_stories(stories, together)
    if as_json:
        click.echo(json.dumps(results, indent=2))
        return
    for name, r in results.items():
        scores = " ".join(f"{k.replace('_acc', '').replace('_pair_f1', '')}={r[k]:.3f}" for k in KEYS)
        click.echo(f"{name:28} {scores}  (gold {r['gold']}, dated {r['dated']})")
    for kind, f in results["POOL"]["flags"].items():
        click.echo(f"  {kind:10} P {f['precision']:.3f} R {f['recall']:.3f} F1 {f['f1']:.3f} (gold {f['gold']})")


def _predict(docs: Path, names: list[str]) -> list[dict]:
    from .ingest import claims_of

    documents = gather([docs / n for n in names], DEFAULT_MAX_BYTES, [])
    return [c.record(with_measure=True) for c in claims_of(documents)]


DB_OPTION = click.option(
    "--db",
    default="crosstally.duckdb",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The ledger file (DuckDB).",
)


@main.command()
@click.argument("paths", nargs=-1)
@DB_OPTION
@PUBLISHED_OPTION
@MAX_BYTES_OPTION
@click.option(
    "--claims",
    "claims_dir",
    type=click.Path(exists=True, file_okay=False),
    help="Load the Parquet output of `crosstally spark-extract` instead of reading documents.",
)
@handles_errors
def add(paths, db, published, max_bytes, claims_dir) -> None:
    """Add documents (files, directories, - for stdin) and their claims to the ledger."""
    from dataclasses import replace

    if claims_dir:
        from .ingest import extractor_version
        from .store import Ledger
        from .store.reconciled import refresh

        with Ledger(db) as ledger:
            documents, claims, reconciled = ledger.import_parquet(claims_dir, extractor_version())
            if not reconciled:
                refresh(ledger)
        click.echo(f"loaded {documents} new documents and {claims} claims from {claims_dir}", err=True)
        return
    if not paths:
        raise InvalidOptionError("nothing to add", hint="give files or directories, or --claims DIR")

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from .ingest import Failure, add_documents
    from .read import read_paths
    from .store import Ledger

    default_date = _published_option(published)
    items = list(read_paths(paths, max_bytes))
    if default_date:
        items = [replace(i, published=i.published or default_date) if isinstance(i, Document) else i for i in items]
    tally = {"added": 0, "near-copy": 0, "duplicate": 0, "claims": 0, "failed": 0}
    with (
        Ledger(db) as ledger,
        Progress(
            TextColumn("[bold]adding"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[status]}"),
            console=_stderr_console(),
            transient=False,
        ) as progress,
    ):
        task = progress.add_task("add", total=len(items), status="")

        def step(result) -> None:
            if isinstance(result, Failure):
                tally["failed"] += 1
                progress.console.print(f"error: {result.where}: {result.reason}")
            else:
                tally[result.status] += 1
                tally["claims"] += result.claims
            progress.update(
                task,
                advance=1,
                status=(
                    f"{tally['added'] + tally['near-copy']} new, {tally['duplicate']} already stored, "
                    f"{tally['claims']} claims, {tally['failed']} failed"
                ),
            )

        for item in items:
            if isinstance(item, Document):
                for warning in item.warnings:
                    progress.console.print(f"warning: {warning}")
        add_documents(ledger, items, progress=step)
        from .language import record_languages

        record_languages(ledger, [i for i in items if isinstance(i, Document)])
        counts = ledger.counts()
    click.echo(
        f"ledger {db}: {counts['documents']} documents, {counts['claims']} claims, {counts['measures']} measures",
        err=True,
    )
    if tally["failed"]:
        sys.exit(1)


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


@main.command()
@DB_OPTION
@click.option("--all", "everything", is_flag=True, help="Re-extract every document, not only stale ones.")
@handles_errors
def reextract(db, everything) -> None:
    """Refresh claims extracted by an older extractor version."""
    from .ingest import extractor_version
    from .ingest import reextract as run
    from .store import Ledger

    with Ledger(db) as ledger:
        count = run(ledger, everything=everything)
    click.echo(f"re-extracted {count} documents with extractor {extractor_version()}", err=True)


@main.command()
@DB_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["terminal", "md", "html", "json"]),
    default="terminal",
    show_default=True,
    help="Report format.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report here.")
@click.option("--summary", is_flag=True, help="One line per measure, computed in the database (fast at any size).")
@click.option("--story", help="Only this story (see `crosstally story list`).")
@handles_errors
def report(db, fmt, output, summary, story) -> None:
    """Per story and measure: estimates by source and date, range, flags."""
    from .reconcile.view import view_of
    from .store import Ledger

    _check_output(output)
    with Ledger(db, read_only=True) as ledger:
        if summary:
            from dataclasses import asdict

            from .report.terminal import summary_table

            rows = [r for r in ledger.measure_summaries() if story is None or r.story == story]
            with click.open_file(output or "-", "w", encoding="utf-8") as stream:
                if fmt == "json":
                    stream.write(json.dumps([asdict(r) for r in rows], default=str) + "\n")
                else:
                    summary_table(rows, stream)
            return
        if story is not None:
            from .store.reconciled import story_documents

            story_documents(ledger, story)
        view = view_of(ledger, story=story)
    _write_report(view, fmt, output)


def _write_report(view, fmt: str, output: str | None) -> None:
    from .report.data import view_dict
    from .report.html import render_html
    from .report.markdown import render_markdown
    from .report.terminal import ledger_report

    with click.open_file(output or "-", "w", encoding="utf-8") as stream:
        if fmt == "json":
            stream.write(json.dumps(view_dict(view), indent=2, default=str) + "\n")
        elif fmt == "md":
            stream.write(render_markdown(view))
        elif fmt == "html":
            stream.write(render_html(view))
        else:
            ledger_report(view, stream)


@main.command()
@click.argument("question")
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="Answer as JSON.")
@handles_errors
def ask(question, db, as_json) -> None:
    """Answer "how many ...?" with every estimate and its source."""
    from .ask import ask_ledger
    from .report.data import answer_dict
    from .report.terminal import answer_report
    from .store import Ledger

    with Ledger(db, read_only=True) as ledger:
        answer, view = ask_ledger(ledger, question)
    if as_json:
        click.echo(json.dumps(answer_dict(answer, view.documents), indent=2, default=str))
    else:
        answer_report(answer, view.documents, sys.stdout)
    if not answer.measures:
        sys.exit(1)


@main.group()
def alias() -> None:
    """The alias table: which names are the same source."""


@alias.command("add")
@click.argument("name")
@click.argument("canonical")
@DB_OPTION
@handles_errors
def alias_add(name, canonical, db) -> None:
    """Record that NAME is CANONICAL (e.g. "Zelenskiy" "Volodymyr Zelensky")."""
    from .store import Ledger

    with Ledger(db) as ledger:
        ledger.add_alias(name, canonical)
    click.echo(f"{name} → {canonical}")


@alias.command("list")
@DB_OPTION
@handles_errors
def alias_list(db) -> None:
    """List the alias table."""
    from .store import Ledger

    with Ledger(db, read_only=True) as ledger:
        for name, canonical in ledger.aliases().items():
            click.echo(f"{name}\t{canonical}")


@alias.command("remove")
@click.argument("name")
@DB_OPTION
@handles_errors
def alias_remove(name, db) -> None:
    """Remove NAME from the alias table."""
    from .store import Ledger

    with Ledger(db) as ledger:
        ledger.remove_alias(name)


@main.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default="crosstally-report.html",
    show_default=True,
    help="Where to write the HTML report.",
)
@handles_errors
def demo(output) -> None:
    """Build a ledger from the bundled examples in a temporary place, print the report,
    write the HTML report."""
    import tempfile
    from importlib import resources

    from .ingest import add_documents
    from .read import read_paths
    from .reconcile.view import view_of
    from .store import Ledger

    _check_output(output)
    corpus = resources.files("crosstally") / "examples" / "derna-floods.jsonl"
    with (
        tempfile.TemporaryDirectory() as tmp,
        resources.as_file(corpus) as path,
        Ledger(Path(tmp) / "demo.duckdb") as ledger,
    ):
        add_documents(ledger, read_paths([path]))
        view = view_of(ledger)
    _write_report(view, "terminal", None)
    _write_report(view, "html", output)
    click.echo(f"HTML report written to {Path(output).resolve()}")


@main.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--read-only", is_flag=True, help="Refuse every write (uploads, deletes, merges).")
@click.option("--upload-limit", default=5_000_000, show_default=True, type=int, help="Largest upload in bytes.")
@click.option(
    "--allow-host",
    "allowed_hosts",
    multiple=True,
    help="Host name the server answers to besides the loopback names and --host (repeatable).",
)
@handles_errors
def serve(db, host, port, read_only, upload_limit, allowed_hosts) -> None:
    """Serve the web app and JSON API over a ledger (writes need CROSSTALLY_TOKEN if set)."""
    import os

    try:
        import uvicorn

        from .serve.app import Settings, create_app
    except ImportError as exc:
        raise InvalidOptionError(
            "the web server needs the server extra", hint="pip install 'crosstally[server]'"
        ) from exc
    token = os.environ.get("CROSSTALLY_TOKEN") or None
    hosts = [*allowed_hosts, *([host] if host not in ("0.0.0.0", "::") else [])]
    app = create_app(
        Settings(db, read_only=read_only, token=token, upload_limit=upload_limit, extra_hosts=tuple(hosts))
    )
    click.echo(
        f"serving {db} on http://{host}:{port} ({'read-only' if read_only else 'read-write'}"
        f"{', token required for writes' if token else ''})",
        err=True,
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.command("spark-extract")
@click.argument("source", type=click.Path(exists=True))
@click.argument("output", type=click.Path())
@click.option("--master", default="local[2]", show_default=True, help="Spark master URL.")
@click.option("--partitions", type=int, help="Repartition the documents into this many partitions.")
@handles_errors
def spark_extract(source, output, master, partitions) -> None:
    """Extract and reconcile on Spark: SOURCE (.jsonl, .parquet or .txt files) to OUTPUT Parquet
    (`crosstally add --claims OUTPUT` loads it into a ledger)."""
    try:
        from .spark.job import run
    except ImportError as exc:
        raise InvalidOptionError("spark-extract needs the spark extra", hint="pip install 'crosstally[spark]'") from exc
    result = run(source, output, master=master, partitions=partitions)
    click.echo(
        f"{result['claims']} claims from {result['documents']} documents in {result['stories']} stories "
        f"({result['near_copies']} near-copies) written to {output}",
        err=True,
    )


# The story and reconcile commands live in their own module; importing it registers them.
from . import cli_stories  # noqa: E402, F401
