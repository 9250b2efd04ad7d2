"""The web app and JSON API over one ledger (FastAPI; the `server` extra).

One process owns the DuckDB file. Reads hold the ledger lock only while they query;
uploads become jobs extracted by a worker thread outside the lock (`jobs.py`), so no read
waits for extraction. Requests pass the guards of `security.py` first (Host, Origin,
streamed body limit, security headers); bodies are validated by the models of
`models.py`; every error leaves in one shape (`errors.py`). No path from a request
reaches the file system: uploads are read from memory.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import math
import secrets
from collections.abc import Iterator
from contextlib import asynccontextmanager
from datetime import date
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from starlette.datastructures import UploadFile

from ..ask import rank_measures
from ..claims import CLAIM_FIELDS
from ..csvsafe import safe_row
from ..errors import (
    CrosstallyError,
    DocumentError,
    InvalidOptionError,
    InvalidRequestBodyError,
    NotFoundError,
    ReadOnlyError,
    TokenRequiredError,
    UploadTooLargeError,
)
from ..read import Document, parse_published, read_bytes, with_language
from ..reconcile.flags import interval
from ..reconcile.misquotes import Misquote
from ..reconcile.view import MeasureView, flag_of
from ..report.data import conflict_dict, misquote_dict
from ..report.html import highlighted, timeline_svg
from ..report.terminal import figure_label
from ..store import queries as q
from ..store.measure_detail import MeasureDetail, measure_details
from ..store.reconciled import refresh
from .docs import install_docs
from .errors import error_body, error_responses, install_error_handlers, status_of
from .jobs import DEFAULT_UPLOAD_LIMIT, Job, JobQueue, LedgerService, Settings
from .models import DocumentIn, MergeIn, parse_json, parse_json_bytes, request_body_doc
from .security import (
    CSRF_FIELD,
    GuardMiddleware,
    allowed_hosts,
    check_csrf,
    csrf_token,
    require_content_type,
    set_csrf_cookie,
)

__all__ = ["DEFAULT_UPLOAD_LIMIT", "Settings", "create_app", "error_body"]

ALLOWED_SUFFIXES = {".txt", ".md", ".html", ".htm", ".jsonl", ".csv"}
# Room for multipart framing around an upload of `upload_limit` bytes.
MULTIPART_OVERHEAD = 64 * 1024
READ_ERRORS = error_responses(404, 422)
WRITE_ERRORS = error_responses(400, 401, 403, 404, 413, 415, 422, 503)
#: The largest page an API list gives; exports (csv, jsonl) stream every row instead.
MAX_PER_PAGE = 1000
EXPORT_CHUNK = 5000
STORIES_PER_PAGE = 20
DOCS_PER_PAGE = 50
ROWS_PER_PAGE = 100
#: Estimates the ask page shows a measure (the measure page has them all).
ASK_ROWS = 20


def create_app(settings: Settings) -> FastAPI:
    """The app for one ledger."""
    service = LedgerService(settings)
    jobs = JobQueue(service, settings.queue_size)

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        yield
        jobs.close()
        service.ledger.close()

    app = FastAPI(
        title="crosstally",
        summary="Who said how many, when: figure claims reconciled.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.service = service
    app.state.jobs = jobs
    folder = resources.files("crosstally") / "serve"
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder / "templates")), autoescape=True)
    templates = Jinja2Templates(env=env)
    templates.env.globals["figure_label"] = figure_label
    app.mount("/static", StaticFiles(directory=str(folder / "static")), name="static")
    install_docs(app)
    install_error_handlers(app, templates)
    app.add_middleware(
        GuardMiddleware,
        hosts=allowed_hosts(settings.extra_hosts),
        body_limit=settings.upload_limit + MULTIPART_OVERHEAD,
    )

    def check_write(request: Request, form_token: str | None = None) -> None:
        if settings.read_only:
            raise ReadOnlyError("this server is read-only", hint="restart it without --read-only")
        if settings.token:
            header = request.headers.get("authorization", "")
            given = header.removeprefix("Bearer ").strip() if header.startswith("Bearer ") else form_token
            if not given or not secrets.compare_digest(given, settings.token):
                raise TokenRequiredError(
                    "a valid token is required to write", hint="send Authorization: Bearer <CROSSTALLY_TOKEN>"
                )

    async def upload_job(upload: UploadFile) -> Job:
        """Check an upload's name and size, then queue it; the bytes are parsed by the
        worker (HTML and CSV parsing are not free either)."""
        name = Path(upload.filename or "upload.txt").name
        if Path(name).suffix.lower() not in ALLOWED_SUFFIXES:
            raise DocumentError(
                f"file type {Path(name).suffix or '(none)'!r} is not accepted",
                hint="upload .txt, .md, .html, .jsonl or .csv",
            )
        data = await upload.read(settings.upload_limit + 1)
        if len(data) > settings.upload_limit:
            raise UploadTooLargeError(f"upload is larger than {settings.upload_limit:,} bytes")
        return jobs.submit(name, lambda: list(read_bytes(data, name, name, settings.upload_limit)), size=len(data))

    async def finished(job: Job) -> dict:
        """Wait for a job without blocking the event loop."""
        return await asyncio.wrap_future(job.future)

    async def read_form(request: Request):
        try:
            return await request.form(max_files=1, max_fields=10)
        except CrosstallyError:
            raise
        except Exception as exc:  # python-multipart's own errors: a malformed body
            raise InvalidRequestBodyError(f"the form could not be read ({exc})") from exc

    # ---- JSON API -------------------------------------------------------------------

    @app.get("/api/documents", tags=["documents"], responses=READ_ERRORS)
    def list_documents(
        outlet: str | None = None,
        since: date | None = None,
        until: date | None = None,
        story: str | None = None,
        page: int = 1,
        per_page: int = 50,
    ):
        """Documents, oldest publication first, filtered and paged in the database."""
        page, per_page = q.clamp_page(page, per_page, 50, 500)
        total, rows = service.view(lambda r: q.documents_page(r.db, page, per_page, outlet, since, until, story))
        return _paged(total, page, per_page, documents=[d.as_dict() for d in rows])

    @app.get("/api/documents/{doc_id:path}", tags=["documents"], responses=READ_ERRORS)
    def get_document(doc_id: str):
        def load(r):
            return r.document(doc_id), q.document_row(r.db, doc_id), q.document_claims(r.db, doc_id)

        doc, row, claims = service.view(load)
        if doc is None:
            raise NotFoundError(f"no document {doc_id!r}")
        return {**row.as_dict(), "text": doc.text, "claims": [c.record() for c in claims]}

    @app.post(
        "/api/documents",
        tags=["documents"],
        status_code=201,
        responses={
            202: {"description": "A large upload: queued as a job; follow its status_url (also the Location header)"},
            **WRITE_ERRORS,
        },
        openapi_extra=request_body_doc(DocumentIn, multipart=True),
    )
    async def post_document(request: Request):
        """Add documents: a multipart `file` upload, or one JSON document. Uploads up to
        the server's sync limit are answered when stored (201); larger ones at once with
        a job (202) whose progress `GET /api/jobs/{id}` shows."""
        check_write(request)
        media = require_content_type(request, "application/json", "multipart/form-data")
        if media == "multipart/form-data":
            form = await read_form(request)
            upload = form.get("file")
            if not isinstance(upload, UploadFile):
                raise DocumentError("multipart upload has no 'file' field")
            job = await upload_job(upload)
        else:
            body = await request.body()
            document = _document_from_json(parse_json_bytes(body, DocumentIn))
            job = jobs.submit(document.id, lambda: [with_language(document)], size=len(body))
        if job.size > settings.sync_limit:
            return JSONResponse({"job": job.summary()}, status_code=202, headers={"Location": f"/api/jobs/{job.id}"})
        return await finished(job)

    @app.get("/api/jobs/{job_id}", tags=["documents"], responses=READ_ERRORS)
    def get_job(job_id: str):
        """An upload job's status (queued, running, done, failed), its progress in
        documents, and when done what was added and what failed."""
        return jobs.get(job_id).summary()

    @app.delete("/api/documents/{doc_id:path}", tags=["documents"], responses=WRITE_ERRORS)
    def delete_document(doc_id: str, request: Request):
        check_write(request)

        def delete(ledger) -> None:
            ledger.delete_document(doc_id)
            refresh(ledger)  # re-reconciles only the story the document left

        service.write(delete)
        return {"deleted": doc_id}

    @app.get("/api/claims", tags=["claims"], responses=READ_ERRORS)
    def list_claims(
        measure: str | None = None,
        story: str | None = None,
        source: str | None = None,
        category: str | None = None,
        since: date | None = None,
        until: date | None = None,
        doc: str | None = None,
        format: str = "json",
        page: int = 1,
        per_page: int = 100,
    ):
        """Claims of stored measures, filtered in the database, in a stable order (document,
        then position). `json` gives one page (`page`, `per_page` up to 1000); `csv` and
        `jsonl` stream every matching claim."""
        flt = q.ClaimFilter(measure, story, source, category, since, until, doc)
        if format in ("csv", "jsonl"):
            media = "text/csv" if format == "csv" else "application/x-ndjson"
            return StreamingResponse(_export(service, flt, format), media_type=media)
        if format != "json":
            raise InvalidOptionError(f"unknown format {format!r}", hint="json, csv or jsonl")
        page, per_page = q.clamp_page(page, per_page, 100, MAX_PER_PAGE)
        total, rows = service.view(lambda r: (q.count_claims(r.db, flt), q.claims_page(r.db, flt, page, per_page)))
        return _paged(total, page, per_page, claims=[c.record() for c in rows])

    @app.get("/api/stories", tags=["stories"], responses=READ_ERRORS)
    def list_stories(page: int = 1, per_page: int = 50):
        """Stories (events), most recent first, paged."""
        page, per_page = q.clamp_page(page, per_page, 50, MAX_PER_PAGE)
        total, rows = service.view(lambda r: q.stories_page(r.db, page, per_page))
        return _paged(total, page, per_page, stories=[s.as_dict() for s in rows])

    @app.get("/api/stories/{story_id}", tags=["stories"], responses=READ_ERRORS)
    def get_story(story_id: str, page: int = 1, per_page: int = 50):
        """One story: its measures (those that name what they count first, most claims
        first) and a page of its documents."""
        page, per_page = q.clamp_page(page, per_page, 50, 500)

        def load(r):
            row = q.story(r.db, story_id)
            if row is None:
                return None
            measures = q.story_measures(r.db, [story_id])[story_id]
            return row, measures, q.documents_page(r.db, page, per_page, story_id=story_id)

        found = service.view(load)
        if found is None:
            raise NotFoundError(f"no story {story_id!r}")
        row, measures, (total, docs) = found
        return {
            **row.as_dict(),
            "measures": [m.as_dict() for m in measures],
            "documents": _paged(total, page, per_page, documents=[d.as_dict() for d in docs]),
        }

    @app.get("/api/measures", tags=["measures"], responses=READ_ERRORS)
    def list_measures(story: str | None = None, page: int = 1, per_page: int = 100):
        """Measures with counts, ranges and flag counts, most recent first (then most
        claims, then id), paged in the database."""
        page, per_page = q.clamp_page(page, per_page, 100, MAX_PER_PAGE)
        total, rows = service.view(lambda r: q.measures_page(r.db, story, page, per_page))
        return _paged(total, page, per_page, measures=[m.as_dict() for m in rows])

    @app.get("/api/measures/{measure}", tags=["measures"], responses=READ_ERRORS)
    def get_measure(measure: str, page: int = 1, per_page: int = 100):
        """One measure: a page of its estimates (by statement date, then source; `page`,
        `per_page` up to 1000), its sources and the latest estimate of each, its
        conflicts, revisions and misquotes, and its flags."""
        page, per_page = q.clamp_page(page, per_page, 100, MAX_PER_PAGE)
        found = service.view(lambda r: _measure_detail(r.db, measure, page, per_page))
        if found is None:
            raise NotFoundError(f"no measure {measure!r}")
        return found

    @app.get("/api/sources", tags=["sources"], responses=READ_ERRORS)
    def list_sources(page: int = 1, per_page: int = 100):
        """Source entities (most cited first) with their name variants and how many claims
        cite them, paged; and the alias table."""
        page, per_page = q.clamp_page(page, per_page, 100, MAX_PER_PAGE)
        total, rows = service.view(lambda r: q.sources_page(r.db, page, per_page))
        aliases = service.view(lambda r: r.aliases())
        return {**_paged(total, page, per_page, sources=[s.as_dict() for s in rows]), "aliases": aliases}

    @app.post("/api/sources/merge", tags=["sources"], responses=WRITE_ERRORS, openapi_extra=request_body_doc(MergeIn))
    async def merge_sources(request: Request):
        """Record that two names are one source: `{"alias", "canonical"}`."""
        check_write(request)
        require_content_type(request, "application/json")
        body = await parse_json(request, MergeIn)
        await asyncio.to_thread(service.write, lambda ledger: ledger.add_alias(body.alias, body.canonical))
        return {"alias": body.alias, "canonical": body.canonical}

    @app.get("/api/ask", tags=["ask"], responses=READ_ERRORS)
    def api_ask(q: str, per_page: int = 100):
        """The measures that answer a question ("how many people died in Libya?"), best
        first, each as `/api/measures/{id}` gives it (its first `per_page` estimates)."""
        per_page = max(1, min(per_page, MAX_PER_PAGE))
        return service.view(lambda r: _answer(r, q, per_page))

    # ---- pages ----------------------------------------------------------------------

    def page(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
        context.setdefault("writable", not settings.read_only)
        context.setdefault("needs_token", bool(settings.token))
        token = csrf_token(request)
        context["csrf_field"], context["csrf_token"] = CSRF_FIELD, token
        response = templates.TemplateResponse(request, name, context, status_code=status_code)
        set_csrf_cookie(response, token)
        return response

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview(request: Request, page_no: int = Query(1, alias="page")):
        """Stories, most recent first, a page of them; under each its measures."""
        page_no, per_page = q.clamp_page(page_no, STORIES_PER_PAGE, STORIES_PER_PAGE, STORIES_PER_PAGE)

        def load(r):
            total, stories = q.stories_page(r.db, page_no, per_page)
            return total, stories, q.story_measures(r.db, [s.id for s in stories]), q.counts(r.db)

        total, stories, measures, counts = service.view(load)
        return page(
            request,
            "overview.html",
            stories=stories,
            measures=measures,
            counts=counts,
            pager=_pager(page_no, per_page, total),
        )

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str, page_no: int = Query(1, alias="page")):
        """One story: its measures and a page of its documents."""
        page_no, per_page = q.clamp_page(page_no, DOCS_PER_PAGE, DOCS_PER_PAGE, DOCS_PER_PAGE)

        def load(r):
            row = q.story(r.db, story_id)
            if row is None:
                return None
            docs = q.documents_page(r.db, page_no, per_page, story_id=story_id)
            return row, q.story_measures(r.db, [story_id])[story_id], docs

        found = service.view(load)
        if found is None:
            raise NotFoundError(f"no story {story_id!r}")
        row, measures, (total, docs) = found
        return page(
            request,
            "story.html",
            story=row,
            measures=measures,
            docs=docs,
            pager=_pager(page_no, per_page, total),
        )

    @app.get("/measures/{measure}", response_class=HTMLResponse, include_in_schema=False)
    def measure_page(request: Request, measure: str, page_no: int = Query(1, alias="page")):
        """One measure: a page of its estimates (in the measure's order, paged in the
        database) with their chart, and its flags with the estimates they name."""
        page_no, per_page = q.clamp_page(page_no, ROWS_PER_PAGE, ROWS_PER_PAGE, ROWS_PER_PAGE)

        def load(r):
            detail = measure_details(r.db, [measure], page_no, per_page).get(measure)
            if detail is None:
                return None
            return detail, q.story(r.db, detail.row.story) if detail.row.story else None

        found = service.view(load)
        if found is None:
            raise NotFoundError(f"no measure {measure!r}")
        detail, story = found
        row, estimates = detail.row, detail.estimates
        m, misquotes = _measure_view(detail)
        rows = [
            {
                "e": e.estimate,
                "i": i,
                "doc_name": e.doc_name,
                "evidence": Markup(_evidence_html(e)),
            }
            for i, e in enumerate(estimates)
        ]
        return page(
            request,
            "measure.html",
            m=m,
            row=row,
            story=story,
            rows=rows,
            chart=Markup(timeline_svg(m, "m0")) if m.estimates else "",
            misquotes=misquotes,
            pager=_pager(page_no, per_page, row.claims),
        )

    @app.get("/documents/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, doc_id: str):
        def load(r):
            doc = r.document(doc_id)
            if doc is None:
                return None
            row = q.document_row(r.db, doc_id)
            story = q.story(r.db, row.story) if row.story else None
            original = q.document_names(r.db, [doc.near_copy_of] if doc.near_copy_of else [])
            return doc, row, story, original, q.document_claims(r.db, doc_id)

        found = service.view(load)
        if found is None:
            raise NotFoundError(f"no document {doc_id!r}")
        doc, row, story, original, claims = found
        return page(
            request,
            "document.html",
            doc=doc,
            row=row,
            story=story,
            original=original.get(doc.near_copy_of or "", doc.near_copy_of),
            claims=claims,
            body=Markup(_highlight_all(doc.text, claims)),
        )

    @app.get("/upload", response_class=HTMLResponse, include_in_schema=False)
    def upload_form(request: Request):
        return page(request, "upload.html", result=None, error=None)

    @app.post("/upload", response_class=HTMLResponse, include_in_schema=False)
    async def upload_page(request: Request):
        """The upload form's post: CSRF-checked, then like the API; a large upload goes
        to the job page, which refreshes itself until the job is done."""
        try:
            require_content_type(request, "multipart/form-data")
            form = await read_form(request)
            given = form.get(CSRF_FIELD)
            check_csrf(request, given if isinstance(given, str) else None)
            token = form.get("token")
            check_write(request, token if isinstance(token, str) else None)
            upload = form.get("file")
            if not isinstance(upload, UploadFile):
                raise DocumentError("choose a file to upload")
            job = await upload_job(upload)
            if job.size > settings.sync_limit:
                return RedirectResponse(f"/jobs/{job.id}", status_code=303)
            result = await finished(job)
        except CrosstallyError as exc:
            return page(request, "upload.html", status_code=status_of(exc), result=None, error=str(exc))
        if len(result["documents"]) == 1 and not result["failures"]:
            return RedirectResponse(f"/documents/{result['documents'][0]['id']}", status_code=303)
        return page(request, "upload.html", result=result, error=None)

    @app.get("/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
    def job_page(request: Request, job_id: str):
        return page(request, "job.html", job=jobs.get(job_id).summary())

    @app.get("/ask", response_class=HTMLResponse, include_in_schema=False)
    def ask_page(request: Request, q: str = ""):
        answer = service.view(lambda r: _answer(r, q, ASK_ROWS)) if q.strip() else None
        return page(request, "ask.html", q=q, answer=answer)

    @app.get("/healthz", include_in_schema=False)
    def health():
        return {"ok": True}

    return app


def _measure_detail(db, measure: str, page: int, per_page: int) -> dict | None:
    """A measure as the API gives it (`_detail_dict`), or None when there is none."""
    detail = measure_details(db, [measure], page, per_page).get(measure)
    return _detail_dict(db, detail, page, per_page) if detail else None


def _detail_dict(db, detail: MeasureDetail, page: int, per_page: int) -> dict:
    """A measure as the API gives it, every part read from the database: a page of its
    estimates, its sources and each one's latest estimate, flags and counts."""
    m, misquotes = _measure_view(detail)
    return {
        **_paged(detail.row.claims, page, per_page),
        "measure": m.measure,
        "story": m.story,
        "label": m.label,
        "parent": m.parent,
        "category": m.category,
        "estimates": [_estimate_dict(e) for e in detail.estimates],
        "sources": list(detail.sources),
        "latest_by_source": {s: figure_label(e.estimate.claim) for s, e in detail.latest.items()},
        "range": [m.low, m.high],
        "conflicts": [conflict_dict(c) for c in m.conflicts],
        "revisions": [
            {"earlier": figure_label(r.earlier.claim), "later": figure_label(r.later.claim), "note": r.note}
            for r in m.revisions
        ],
        "misquotes": [misquote_dict(x) for x in misquotes],
        "independent_estimates": detail.independent,
        "flags": q.measure_flags(db, m.measure),
    }


def _answer(ledger, question: str, per_page: int) -> dict:
    """The answer `crosstally ask` gives (measures ranked in the database), each measure
    with its first `per_page` estimates."""
    names = rank_measures(q.rank_summaries(ledger.db, _categories_of(question)), question)
    details = measure_details(ledger.db, names, 1, per_page)
    measures = [_detail_dict(ledger.db, details[name], 1, per_page) for name in names if name in details]
    return {"question": question, "measures": measures}


def _categories_of(question: str) -> set[str] | None:
    """The categories a question's answer must have (`ask` scores no other measure), or
    None when it names none."""
    import re

    from ..ask import _wanted_categories

    wanted = _wanted_categories(set(re.findall(r"[a-z]+", question.lower())))
    if "casualties" in wanted:
        wanted |= {"killed", "wounded"}  # ask gives them a partial score
    return wanted or None


def _measure_view(detail: MeasureDetail) -> tuple[MeasureView, list[Misquote]]:
    """A measure with one page of its estimates (for the chart and the table) and every
    flag on it, each with the two estimates it names."""
    row = detail.row
    slots: dict[str, list] = {"conflict": [], "revision": [], "misquote": []}
    for kind, a_key, b_key, note in detail.flags:
        a, b = detail.named.get(a_key), detail.named.get(b_key)
        if a is None or b is None:
            continue
        slots[kind].append(flag_of(kind, row.measure, a.estimate, b.estimate, note))
    view = MeasureView(
        row.measure,
        row.category,
        tuple(e.estimate for e in detail.estimates),
        tuple(slots["conflict"]),
        row.low,
        row.high,
        row.story,
        row.label,
        row.parent,
        tuple(slots["revision"]),
        tuple(slots["misquote"]),
    )
    return view, slots["misquote"]


def _estimate_dict(e) -> dict:
    """An estimate as the report's JSON gives it (`report.data.estimate_dict`), from a row
    that carries its evidence sentence instead of the whole document."""
    c = e.estimate.claim
    low, high = interval(c)
    return {
        "claim": c.record(with_measure=True),
        "figure": figure_label(c),
        "source": e.estimate.source_name,
        "source_key": e.estimate.source_key,
        "date": e.estimate.when.isoformat() if e.estimate.when else None,
        "document": {"id": c.doc, "title": e.title, "outlet": e.estimate.outlet, "url": e.url},
        "near_copy_of": e.estimate.near_copy_of,
        "interval": [low, None if math.isinf(high) else high],
        "evidence": {
            "sentence": e.sentence,
            "figure_start": c.start - c.evidence_start,
            "figure_end": c.end - c.evidence_start,
        },
    }


def _evidence_html(e) -> str:
    c = e.estimate.claim
    return highlighted(e.sentence, c.start - c.evidence_start, c.end - c.evidence_start)


def _paged(total: int, page: int, per_page: int, **items) -> dict:
    """A page of a list: how many in all, which page, its size, and the items."""
    return {"total": total, "page": page, "per_page": per_page, "pages": -(-total // per_page), **items}


def _pager(page: int, per_page: int, total: int) -> dict:
    pages = max(1, -(-total // per_page))
    return {
        "page": page,
        "pages": pages,
        "total": total,
        "prev": page - 1 if page > 1 else None,
        "next": page + 1 if page < pages else None,
    }


def _export(service: LedgerService, flt, format: str) -> Iterator[str]:
    """Every matching claim as CSV (formula-neutralised) or JSON Lines, in chunks from one
    query on a cursor of its own: memory stays bounded and no lock is held."""
    reader = service.reader()
    try:
        out = io.StringIO()
        writer = None
        if format == "csv":
            writer = csv.DictWriter(out, fieldnames=[*CLAIM_FIELDS, "measure", "source_entity", "effective_date"])
            writer.writeheader()
        for n, row in enumerate(q.iter_claims(reader.db, flt, EXPORT_CHUNK), start=1):
            record = row.record()
            if writer is not None:
                writer.writerow(safe_row(record))
            else:
                out.write(json.dumps(record) + "\n")
            if n % EXPORT_CHUNK == 0:
                yield out.getvalue()
                out.seek(0)
                out.truncate()
        yield out.getvalue()
    finally:
        reader.db.close()


def _document_from_json(body: DocumentIn) -> Document:
    published, warnings = parse_published(body.published, "published")
    if warnings:
        raise InvalidOptionError(warnings[0], hint="use YYYY-MM-DD")
    doc_id = body.id or f"api-{secrets.token_hex(4)}"
    return Document(
        doc_id, body.text, body.title or None, body.outlet or None, body.url or None, published, story=body.story
    )


def _highlight_all(text: str, rows) -> str:
    """The escaped document text with every claim's figure wrapped in <mark>, linked to
    its measure when it has one that exists."""
    from html import escape
    from urllib.parse import quote

    parts, pos = [], 0
    for c in sorted((r.claim for r in rows), key=lambda c: c.start):
        if c.start < pos:
            continue
        title = escape(f"{c.category} · {c.source or 'the outlet'} · {c.measure or 'no measure'}")
        parts.append(escape(text[pos : c.start]))
        mark = f'<mark title="{title}">{escape(text[c.start : c.end])}</mark>'
        parts.append(f'<a href="/measures/{escape(quote(c.measure, safe=""))}">{mark}</a>' if c.measure else mark)
        pos = c.end
    parts.append(escape(text[pos:]))
    return "".join(parts).replace("\n", "<br>\n")
