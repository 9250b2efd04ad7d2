"""The ledger behind a lock, and extraction jobs that never hold it while they extract.

Reads and writes share one DuckDB connection, serialised by `LedgerService.lock`. An
upload becomes a `Job` run by one worker thread: it reads the bytes, extracts (the slow
part, seconds per article) with the lock free, and takes the lock only for each short
ledger call (`LockedLedger`), so page and API reads keep answering throughout. The queue
is bounded: when it is full a new upload is refused with 503 and Retry-After instead of
piling up memory. Finished jobs are kept (the most recent `KEEP_JOBS`) for their status.
"""

from __future__ import annotations

import copy
import itertools
import queue
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import CrosstallyError, DocumentError, NotFoundError, QueueFullError
from ..ingest import Failure, add_documents
from ..language import record_languages
from ..read import Document
from ..store import Ledger

KEEP_JOBS = 200
DEFAULT_UPLOAD_LIMIT = 5_000_000
# Ledger methods that only read (run under the lock, but never as writes).
_READS = frozenset({"has_hash", "document", "documents", "claims", "counts", "aliases", "texts", "measure_summaries"})


@dataclass
class Settings:
    """How the app runs: which ledger, whether writes are allowed, with what token, which
    host names it answers to, and how big an upload and the job queue may be."""

    db: str
    read_only: bool = False
    token: str | None = None
    upload_limit: int = DEFAULT_UPLOAD_LIMIT
    extra_hosts: tuple[str, ...] = ()
    queue_size: int = 4
    # Uploads up to this many bytes are answered when stored (201); larger ones at once
    # with a job to follow (202).
    sync_limit: int = 64_000


class LedgerService:
    """The ledger behind a lock for writes; reads run on their own DuckDB cursors.

    Nothing reconciled is cached here: the reconciliation tables are the view, and every
    request queries them for what it shows (`store/queries.py`). A write takes the lock;
    a read (`view`) takes it only to open a cursor, then queries without it, seeing the
    last committed state (DuckDB's MVCC), so a long export never holds up a write.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.lock = threading.Lock()
        if settings.read_only and not Path(settings.db).exists():
            raise NotFoundError(
                f"no ledger at {settings.db}; --read-only never creates one",
                hint="give the --db of an existing ledger, or start without --read-only",
            )
        self.ledger = Ledger(settings.db, read_only=settings.read_only)

    def reader(self) -> Ledger:
        """A view of the ledger on a cursor of its own (close its `db` when done)."""
        with self.lock:
            cursor = self.ledger.db.cursor()
        reader = copy.copy(self.ledger)
        reader.db = cursor
        return reader

    def view(self, action: Callable[[Ledger], Any]) -> Any:
        """Run a read-only query on a cursor of its own, without holding the lock."""
        reader = self.reader()
        try:
            return action(reader)
        finally:
            reader.db.close()

    def write(self, action: Callable[[Ledger], Any]) -> Any:
        with self.lock:
            return action(self.ledger)

    def read(self, action: Callable[[Ledger], Any]) -> Any:
        with self.lock:
            return action(self.ledger)


class LockedLedger:
    """The service's ledger seen from a worker: each method call holds the lock for that
    call only, so extraction between calls never blocks a reader.

    It works on its own DuckDB connection to the same database (`cursor()`), so that code
    which reaches for `ledger.db` directly (reconciliation after a batch) never shares a
    connection, its transaction or its pending result with a request thread; DuckDB's
    MVCC keeps readers on the last committed state meanwhile. Close it when done.
    """

    def __init__(self, service: LedgerService) -> None:
        self._service = service
        self._ledger = copy.copy(service.ledger)
        self._ledger.db = service.ledger.db.cursor()

    def close(self) -> None:
        self._ledger.db.close()

    def __getattr__(self, name: str) -> Any:
        target = getattr(self._ledger, name)
        if not callable(target):
            return target

        def call(*args: Any, **kwargs: Any) -> Any:
            if name in _READS:
                return self._service.read(lambda _: target(*args, **kwargs))
            return self._service.write(lambda _: target(*args, **kwargs))

        return call


@dataclass
class Job:
    """One upload on its way into the ledger, with progress for the status endpoint."""

    id: str
    name: str
    parse: Callable[[], list[Document | DocumentError]]
    status: str = "queued"
    size: int = 0
    total: int | None = None
    done: int = 0
    created: float = field(default_factory=time.time)
    finished: float | None = None
    result: dict | None = None
    error: str | None = None
    future: Future = field(default_factory=Future)

    def summary(self) -> dict:
        """What the status endpoint shows."""
        return {
            "id": self.id,
            "name": self.name,
            "bytes": self.size,
            "status": self.status,
            "total": self.total,
            "done": self.done,
            "result": self.result,
            "error": self.error,
            "status_url": f"/api/jobs/{self.id}",
        }


def result_dict(results: list, items: list | None = None) -> dict:
    """Documents added (or found already stored), the failures, and the warnings reading
    gave (a guessed encoding, a non-English language), as the API answers."""
    added = [r for r in results if not isinstance(r, Failure)]
    warnings = [w for i in items or () if isinstance(i, Document) for w in i.warnings]
    return {
        "documents": [
            {"id": r.doc_id, "status": r.status, "claims": r.claims, "near_copy_of": r.near_copy_of} for r in added
        ],
        "failures": [{"where": r.where, "reason": r.reason} for r in results if isinstance(r, Failure)],
        "warnings": warnings,
    }


class JobQueue:
    """A bounded queue of upload jobs and the one worker thread that runs them (spaCy is
    CPU-bound: a second worker would only share the same cores)."""

    def __init__(self, service: LedgerService, size: int) -> None:
        self.service = service
        self.jobs: OrderedDict[str, Job] = OrderedDict()
        self._queue: queue.Queue[Job | None] = queue.Queue(maxsize=max(1, size))
        self._ids = itertools.count(1)
        self._guard = threading.Lock()
        self._worker = threading.Thread(target=self._run, name="crosstally-jobs", daemon=True)
        self._worker.start()

    def submit(self, name: str, parse: Callable[[], list[Document | DocumentError]], size: int = 0) -> Job:
        """Queue an upload of `size` bytes; QueueFullError (503) when the queue is full."""
        with self._guard:
            job = Job(f"job-{next(self._ids)}", name, parse, size=size)
            try:
                self._queue.put_nowait(job)
            except queue.Full:
                raise QueueFullError(
                    f"{self._queue.maxsize} uploads are already waiting to be extracted",
                    retry_after=10,
                    hint="retry after the Retry-After header's seconds",
                ) from None
            self.jobs[job.id] = job
            while len(self.jobs) > KEEP_JOBS:
                self.jobs.popitem(last=False)
        return job

    def get(self, job_id: str) -> Job:
        job = self.jobs.get(job_id)
        if job is None:
            raise NotFoundError(f"no job {job_id!r}")
        return job

    def close(self) -> None:
        """Let the worker finish its current job and stop."""
        self._queue.put(None)
        self._worker.join(timeout=30)

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            self._execute(job)

    def _execute(self, job: Job) -> None:
        job.status = "running"
        try:
            items = job.parse()
            job.total = len(items)

            def step(_result) -> None:
                job.done += 1

            ledger = LockedLedger(self.service)
            try:
                results = add_documents(ledger, items, progress=step)  # type: ignore[arg-type]
            finally:
                ledger.close()
            self.service.write(lambda db: record_languages(db, [i for i in items if isinstance(i, Document)]))
            job.result = result_dict(results, items)
            job.status = "done"
            job.future.set_result(job.result)
        except CrosstallyError as exc:
            job.status, job.error = "failed", str(exc)
            job.future.set_exception(exc)
        except Exception as exc:  # a bug must fail one job, never the worker
            job.status, job.error = "failed", f"the server failed on this upload ({type(exc).__name__})"
            job.future.set_exception(exc)
        finally:
            job.finished = time.time()
