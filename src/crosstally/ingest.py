"""Documents into the ledger: extract, store atomically one at a time, then reconcile the
stories the new documents touch.

One document that fails (to read, extract or store) is recorded with its reason and the
batch goes on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from . import __version__
from .claims import Claim
from .errors import CrosstallyError, DocumentError
from .extract import DocumentText, extract_many
from .options import ExtractOptions
from .read import Document
from .reconcile import DocInfo, Reconciliation, reconcile
from .reconcile.copies import near_copies
from .store import AddResult, Ledger
from .store.reconciled import pin, refresh


@cache
def extractor_version() -> str:
    """The package version and a digest of the lexicon and the extractor's code: claims
    change when any of them does, so a ledger knows which documents to extract again."""
    digest = hashlib.sha1()
    package = resources.files("crosstally")
    for folder, suffix in ((package / "lexicon", ".tsv"), (package / "extract", ".py")):
        for entry in sorted(folder.iterdir(), key=lambda p: p.name):
            if entry.name.endswith(suffix):
                digest.update(entry.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:8]}"


@dataclass(frozen=True)
class Failure:
    """A document that could not be added, and why."""

    where: str
    reason: str


def claims_of(
    documents: list[Document],
    options: ExtractOptions | None = None,
    on_error: Callable[[DocumentText, Exception], None] | None = None,
) -> list[Claim]:
    """Every claim of the documents, with measures and statement dates reconciled across
    them (the batch is treated as a ledger of its own)."""
    items = [DocumentText(d.text, d.id, d.published) for d in documents]
    claims = [c for group in extract_many(items, options, on_error=on_error) for c in group]
    return reconcile_batch(documents, claims).measured(claims)


def reconcile_batch(documents: list[Document], claims: list[Claim]) -> Reconciliation:
    """Reconcile a batch of documents held in memory (near-copies found among them)."""
    copies = near_copies([(d.id, d.text) for d in documents])
    docs = [DocInfo(d.id, d.text, d.title, d.outlet, d.published, copies.get(d.id), d.story) for d in documents]
    return reconcile(docs, claims)


def add_documents(
    ledger: Ledger,
    items: Iterable[Document | DocumentError],
    options: ExtractOptions | None = None,
    progress: Callable[[AddResult | Failure], None] | None = None,
) -> list[AddResult | Failure]:
    """Add documents (and record read failures) to the ledger."""
    results: list[AddResult | Failure] = []

    def note(result: AddResult | Failure) -> None:
        results.append(result)
        if progress:
            progress(result)

    pending: list[Document] = []
    for item in items:
        if isinstance(item, DocumentError):
            note(Failure(item.where() or "?", item.message))
            continue
        existing = ledger.has_hash(item.text)
        if existing:
            note(AddResult(existing, "duplicate", 0))
            continue
        pending.append(item)
        if len(pending) >= 32:
            _store(ledger, pending, options, note)
            pending = []
    if pending:
        _store(ledger, pending, options, note)
    refresh(ledger)
    return results


def _store(ledger: Ledger, docs: list[Document], options, note) -> None:
    inputs = [DocumentText(d.text, d.id, d.published) for d in docs]
    failed: set[str] = set()

    def fail(item: DocumentText, exc: Exception) -> None:
        failed.add(item.doc_id)

    for doc, claims in zip(docs, extract_many(inputs, options, on_error=fail), strict=True):
        where = f"{doc.path}:{doc.line}" if doc.line else (doc.path or doc.id)
        if doc.id in failed:
            note(Failure(where, "extraction failed on this document; it was not added"))
            continue
        try:
            result = ledger.add(doc, claims, extractor_version())
            if doc.story and result.status != "duplicate":
                pin(ledger, [result.doc_id], doc.story)
            note(result)
        except CrosstallyError as exc:
            note(Failure(where, exc.message))


def reextract(ledger: Ledger, options: ExtractOptions | None = None, everything: bool = False) -> int:
    """Re-run extraction where the stored claims come from another extractor version."""
    version = extractor_version()
    stale = [d for d in ledger.documents() if everything or d.extractor_version != version]
    inputs = [DocumentText(d.text, d.id, d.published) for d in stale]
    for doc, claims in zip(stale, extract_many(inputs, options), strict=True):
        ledger.replace_claims(doc.id, claims, version)
    refresh(ledger, touched={d.id for d in stale})
    return len(stale)
