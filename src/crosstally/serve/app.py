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
import secrets
from contextlib import asynccontextmanager
from datetime import date
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from starlette.datastructures import UploadFile

from ..ask import ask
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
from ..report.data import answer_dict, measure_dict
from ..report.html import highlighted, timeline_svg
from ..report.terminal import figure_label
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
        page: int = 1,
        per_page: int = 50,
    ):
        docs = service.read(lambda ledger: ledger.documents())
        docs = [
            d
            for d in docs
            if (not outlet or d.outlet == outlet)
            and (not since or (d.published and d.published >= since))
            and (not until or (d.published and d.published <= until))
        ]
        per_page = max(1, min(per_page, 500))
        chunk = docs[(max(page, 1) - 1) * per_page : max(page, 1) * per_page]
        return {"total": len(docs), "page": page, "per_page": per_page, "documents": [_doc_summary(d) for d in chunk]}

    @app.get("/api/documents/{doc_id:path}", tags=["documents"], responses=READ_ERRORS)
    def get_document(doc_id: str):
        doc = service.read(lambda ledger: ledger.document(doc_id))
        if doc is None:
            raise NotFoundError(f"no document {doc_id!r}")
        claims = service.read(lambda ledger: ledger.claims("doc = ?", [doc_id]))
        return {**_doc_summary(doc), "text": doc.text, "claims": [c.record(with_measure=True) for c in claims]}

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
        service.write(lambda ledger: ledger.delete_document(doc_id))
        return {"deleted": doc_id}

    @app.get("/api/claims", tags=["claims"], responses=READ_ERRORS)
    def list_claims(
        measure: str | None = None,
        source: str | None = None,
        category: str | None = None,
        since: date | None = None,
        until: date | None = None,
        doc: str | None = None,
        format: str = "json",
    ):
        view = service.view()
        rows = []
        for m in view.measures:
            if measure and m.measure != measure:
                continue
            for e in m.estimates:
                c = e.claim
                if (category and c.category != category) or (doc and c.doc != doc):
                    continue
                if source and source.lower() not in (e.source_name.lower(), (c.source or "").lower()):
                    continue
                if since and (e.when is None or e.when < since) or until and (e.when is None or e.when > until):
                    continue
                rows.append(
                    {
                        **c.record(with_measure=True),
                        "source_entity": e.source_name,
                        "effective_date": e.when.isoformat() if e.when else None,
                    }
                )
        if format == "csv":
            out = io.StringIO()
            writer = csv.DictWriter(out, fieldnames=[*CLAIM_FIELDS, "measure", "source_entity", "effective_date"])
            writer.writeheader()
            writer.writerows(safe_row(r) for r in rows)
            return PlainTextResponse(out.getvalue(), media_type="text/csv")
        if format == "jsonl":
            return PlainTextResponse("".join(json.dumps(r) + "\n" for r in rows), media_type="application/x-ndjson")
        if format != "json":
            raise InvalidOptionError(f"unknown format {format!r}", hint="json, csv or jsonl")
        return {"total": len(rows), "claims": rows}

    @app.get("/api/measures", tags=["measures"], responses=READ_ERRORS)
    def list_measures():
        view = service.view()
        return {
            "measures": [
                {
                    "measure": m.measure,
                    "category": m.category,
                    "estimates": len(m.estimates),
                    "sources": m.sources,
                    "range": [m.low, m.high],
                    "conflicts": len(m.conflicts),
                    "last_date": m.last_date.isoformat() if m.last_date else None,
                }
                for m in view.measures
            ]
        }

    @app.get("/api/measures/{measure}", tags=["measures"], responses=READ_ERRORS)
    def get_measure(measure: str):
        view = service.view()
        m = view.measure(measure)
        if m is None:
            raise NotFoundError(f"no measure {measure!r}")
        misquotes = [q for q in view.misquotes if q.odd.claim.measure == measure or q.usual.claim.measure == measure]
        from ..report.data import misquote_dict

        return {**measure_dict(m, view.documents), "misquotes": [misquote_dict(q) for q in misquotes]}

    @app.get("/api/sources", tags=["sources"], responses=READ_ERRORS)
    def list_sources():
        view = service.view()
        aliases = service.read(lambda ledger: ledger.aliases())
        seen: dict[str, dict] = {}
        for m in view.measures:
            for e in m.estimates:
                entry = seen.setdefault(
                    e.source_key, {"key": e.source_key, "name": e.source_name, "variants": set(), "claims": 0}
                )
                entry["claims"] += 1
                if e.claim.source:
                    entry["variants"].add(e.claim.source)
        return {"sources": [{**v, "variants": sorted(v["variants"])} for v in seen.values()], "aliases": aliases}

    @app.post("/api/sources/merge", tags=["sources"], responses=WRITE_ERRORS, openapi_extra=request_body_doc(MergeIn))
    async def merge_sources(request: Request):
        """Record that two names are one source: `{"alias", "canonical"}`."""
        check_write(request)
        require_content_type(request, "application/json")
        body = await parse_json(request, MergeIn)
        await asyncio.to_thread(service.write, lambda ledger: ledger.add_alias(body.alias, body.canonical))
        return {"alias": body.alias, "canonical": body.canonical}

    @app.get("/api/ask", tags=["ask"], responses=READ_ERRORS)
    def api_ask(q: str):
        view = service.view()
        return answer_dict(ask(view, q), view.documents)

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
    def overview(request: Request):
        view = service.view()
        return page(request, "overview.html", view=view, counts=service.read(lambda ledger: ledger.counts()))

    @app.get("/measures/{measure}", response_class=HTMLResponse, include_in_schema=False)
    def measure_page(request: Request, measure: str):
        view = service.view()
        m = view.measure(measure)
        if m is None:
            raise NotFoundError(f"no measure {measure!r}")
        from ..report.data import evidence

        rows = []
        for i, e in enumerate(m.estimates):
            ev = evidence(e, view.documents)
            rows.append(
                {
                    "e": e,
                    "i": i,
                    "doc": view.documents.get(e.claim.doc),
                    "evidence": Markup(highlighted(ev["sentence"], ev["figure_start"], ev["figure_end"])),
                }
            )
        misquotes = [q for q in view.misquotes if measure in (q.odd.claim.measure, q.usual.claim.measure)]
        return page(request, "measure.html", m=m, rows=rows, chart=Markup(timeline_svg(m, "m0")), misquotes=misquotes)

    @app.get("/documents/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, doc_id: str):
        doc = service.read(lambda ledger: ledger.document(doc_id))
        if doc is None:
            raise NotFoundError(f"no document {doc_id!r}")
        claims = service.read(lambda ledger: ledger.claims("doc = ?", [doc_id]))
        return page(request, "document.html", doc=doc, claims=claims, body=Markup(_highlight_all(doc.text, claims)))

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
        view = service.view()
        answer = ask(view, q) if q.strip() else None
        return page(request, "ask.html", q=q, answer=answer)

    @app.get("/healthz", include_in_schema=False)
    def health():
        return {"ok": True}

    return app


def _doc_summary(d) -> dict:
    return {
        "id": d.id,
        "title": d.title,
        "outlet": d.outlet,
        "url": d.url,
        "published": d.published.isoformat() if d.published else None,
        "near_copy_of": d.near_copy_of,
    }


def _document_from_json(body: DocumentIn) -> Document:
    published, warnings = parse_published(body.published, "published")
    if warnings:
        raise InvalidOptionError(warnings[0], hint="use YYYY-MM-DD")
    doc_id = body.id or f"api-{secrets.token_hex(4)}"
    return Document(doc_id, body.text, body.title or None, body.outlet or None, body.url or None, published)


def _highlight_all(text: str, claims) -> str:
    """The escaped document text with every claim's figure wrapped in <mark>, linked to
    its measure."""
    from html import escape

    parts, pos = [], 0
    for c in sorted(claims, key=lambda c: c.start):
        if c.start < pos:
            continue
        title = escape(f"{c.category} · {c.source or 'the outlet'} · {c.measure}")
        parts.append(escape(text[pos : c.start]))
        parts.append(
            f'<a href="/measures/{escape(c.measure or "")}"><mark title="{title}">'
            f"{escape(text[c.start : c.end])}</mark></a>"
        )
        pos = c.end
    parts.append(escape(text[pos:]))
    return "".join(parts).replace("\n", "<br>\n")
