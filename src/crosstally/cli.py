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


def _published_option(value: str | None):
    if value is None:
        return None
    published, warnings = parse_published(value)
    if warnings:
        raise InvalidOptionError(f"--published {value!r} is not a date", hint="use YYYY-MM-DD")
    return published


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
@click.option("--published", help="Publication date (YYYY-MM-DD) for documents without one.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write to this file instead of standard output.",
)
@click.option(
    "--max-bytes",
    type=int,
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Skip documents larger than this.",
)
@click.option("--full-parse", is_flag=True, help="Parse every paragraph (slower, same output).")
@handles_errors
def extract(paths, fmt, published, output, max_bytes, full_parse) -> None:
    """Extract figure claims from PATHS (files, directories, or - for stdin)."""
    from .extract import DocumentText, extract_many

    default_date = _published_option(published)
    failures: list[DocumentError] = []
    documents = gather(paths, max_bytes, failures)
    options = ExtractOptions(fast=not full_parse)
    items = [DocumentText(d.text, d.id, d.published or default_date) for d in documents]
    claims_per_doc = list(extract_many(items, options))
    claims = [c for group in claims_per_doc for c in group]
    from .reconcile import assign_measures

    claims = assign_measures(claims, {d.id: d.text for d in documents})
    with click.open_file(output or "-", "w", encoding="utf-8") as stream:
        if fmt == "jsonl":
            for claim in claims:
                stream.write(json.dumps(claim.record(with_measure=True), ensure_ascii=False) + "\n")
        elif fmt == "csv":
            writer = csv.DictWriter(stream, fieldnames=[*CLAIM_FIELDS, "measure"])
            writer.writeheader()
            for claim in claims:
                writer.writerow(claim.record(with_measure=True))
        else:
            texts = {d.id: d.text for d in documents}
            _print_table(claims, texts, stream)
    click.echo(
        f"{len(claims)} claims from {len(documents)} documents"
        + (f"; {len(failures)} failed" if failures else ""),
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
    required=True,
    help="Gold claims (JSON Lines).",
)
@click.option(
    "--docs",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    required=True,
    help="Directory holding the documents the gold file names.",
)
@click.option(
    "--pred",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Score these predictions instead of extracting afresh.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the whole result as JSON.")
@handles_errors
def evaluate(gold, docs, pred, as_json) -> None:
    """Score extraction against a gold file: figure P/R/F1, category, qualifier, source."""
    from dataclasses import asdict

    from .evaluate import load_gold, score

    gold_claims = load_gold(gold)
    if pred:
        predictions = [
            json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines() if line.strip()
        ]
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


def _predict(docs: Path, names: list[str]) -> list[dict]:
    from .extract import DocumentText, extract_many
    from .reconcile import assign_measures

    failures: list[DocumentError] = []
    documents = gather([docs / n for n in names], DEFAULT_MAX_BYTES, failures)
    items = [DocumentText(d.text, d.id, d.published) for d in documents]
    claims = [c for group in extract_many(items) for c in group]
    texts = {d.id: d.text for d in documents}
    return [c.record(with_measure=True) for c in assign_measures(claims, texts)]


@main.command()
@handles_errors
def demo() -> None:
    """Extract the bundled example corpus and print its claims."""
    from importlib import resources

    from .extract import DocumentText, extract_many
    from .reconcile import assign_measures

    corpus = resources.files("crosstally") / "examples" / "derna-floods.jsonl"
    with resources.as_file(corpus) as path:
        documents = gather([path], DEFAULT_MAX_BYTES, [])
    items = [DocumentText(d.text, d.id, d.published) for d in documents]
    claims = [c for group in extract_many(items) for c in group]
    texts = {d.id: d.text for d in documents}
    claims = assign_measures(claims, texts)
    _print_table(claims, texts, sys.stdout)
    click.echo(f"{len(claims)} claims from {len(documents)} example documents")
