"""The web app and JSON API over one ledger (FastAPI; the `server` extra).

One process owns the DuckDB file; a lock serialises ledger access between request
threads, and extraction for uploads runs outside it. Every error leaves as one JSON
shape: {"error": {"type", "message", "status"}}. No path from a request reaches the
file system: uploads are read from memory.
"""

from __future__ import annotations

import csv
import io
import json
import secrets
import threading
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated

from fastapi import FastAPI, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..ask import ask
from ..claims import CLAIM_FIELDS
from ..errors import (
    CrosstallyError,
    DocumentError,
    InvalidOptionError,
    NotFoundError,
    ReadOnlyError,
    TokenRequiredError,
    UploadTooLargeError,
)
from ..ingest import Failure, add_documents
from ..read import Document, parse_published, read_bytes
from ..reconcile.view import LedgerView, view_of
from ..report.data import answer_dict, measure_dict
from ..report.html import highlighted, timeline_svg
from ..report.terminal import figure_label
from ..store import Ledger

ALLOWED_SUFFIXES = {".txt", ".md", ".html", ".htm", ".jsonl", ".csv"}
DEFAULT_UPLOAD_LIMIT = 5_000_000


@dataclass
class Settings:
    """How the app runs: which ledger, whether writes are allowed, and with what token."""

    db: str
    read_only: bool = False
    token: str | None = None
    upload_limit: int = DEFAULT_UPLOAD_LIMIT


class LedgerService:
    """The ledger behind a lock, with a cached reconciled view invalidated by writes."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.lock = threading.Lock()
        self.ledger = Ledger(settings.db, read_only=settings.read_only and Path(settings.db).exists())
        self._view: LedgerView | None = None

    def view(self) -> LedgerView:
        with self.lock:
            if self._view is None:
                self._view = view_of(self.ledger)
            return self._view

    def write(self, action):
        with self.lock:
            try:
                return action(self.ledger)
            finally:
                self._view = None

    def read(self, action):
        with self.lock:
            return action(self.ledger)


def error_body(kind: str, message: str, status: int) -> dict:
    return {"error": {"type": kind, "message": message, "status": status}}


def _status(exc: CrosstallyError) -> int:
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, ReadOnlyError | TokenRequiredError):
        return 403 if isinstance(exc, ReadOnlyError) else 401
    if isinstance(exc, UploadTooLargeError):
        return 413
    if isinstance(exc, DocumentError | InvalidOptionError):
        return 422
    return 400


def create_app(settings: Settings) -> FastAPI:
    """The app for one ledger."""
    service = LedgerService(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        yield
        service.ledger.close()

    app = FastAPI(title="crosstally", summary="Who said how many, when: figure claims reconciled.", lifespan=lifespan)
    app.state.service = service
    folder = resources.files("crosstally") / "serve"
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder / "templates")), autoescape=True)
    templates = Jinja2Templates(env=env)
    templates.env.globals["figure_label"] = figure_label
    app.mount("/static", StaticFiles(directory=str(folder / "static")), name="static")

    @app.exception_handler(CrosstallyError)
    async def crosstally_error(request: Request, exc: CrosstallyError):
        status = _status(exc)
        return JSONResponse(error_body(type(exc).__name__, str(exc), status), status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return JSONResponse(error_body("HTTPError", str(exc.detail), exc.status_code), status_code=exc.status_code)

    from fastapi.exceptions import RequestValidationError

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        message = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        return JSONResponse(error_body("ValidationError", message, 422), status_code=422)

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

    def add_items(items) -> dict:
        results = service.write(lambda ledger: add_documents(ledger, items))
        added = [r for r in results if not isinstance(r, Failure)]
        failed = [{"where": r.where, "reason": r.reason} for r in results if isinstance(r, Failure)]
        return {
            "documents": [
                {"id": r.doc_id, "status": r.status, "claims": r.claims, "near_copy_of": r.near_copy_of} for r in added
            ],
            "failures": failed,
        }

    async def read_upload(upload: UploadFile) -> list:
        name = Path(upload.filename or "upload.txt").name
        if Path(name).suffix.lower() not in ALLOWED_SUFFIXES:
            raise DocumentError(
                f"file type {Path(name).suffix or '(none)'!r} is not accepted",
                hint="upload .txt, .md, .html, .jsonl or .csv",
            )
        data = await upload.read(settings.upload_limit + 1)
        if len(data) > settings.upload_limit:
            raise UploadTooLargeError(f"upload is larger than {settings.upload_limit:,} bytes")
        return list(read_bytes(data, name, name, settings.upload_limit))

    # ---- JSON API -------------------------------------------------------------------

    @app.get("/api/documents", tags=["documents"])
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

    @app.get("/api/documents/{doc_id:path}", tags=["documents"])
    def get_document(doc_id: str):
        doc = service.read(lambda ledger: ledger.document(doc_id))
        if doc is None:
            raise NotFoundError(f"no document {doc_id!r}")
        claims = service.read(lambda ledger: ledger.claims("doc = ?", [doc_id]))
        return {**_doc_summary(doc), "text": doc.text, "claims": [c.record(with_measure=True) for c in claims]}

    @app.post("/api/documents", tags=["documents"], status_code=201)
    async def post_document(request: Request):
        check_write(request)
        kind = request.headers.get("content-type", "")
        if kind.startswith("multipart/form-data"):
            form = await request.form()
            upload = form.get("file")
            if upload is None or isinstance(upload, str):
                raise DocumentError("multipart upload has no 'file' field")
            items = await read_upload(upload)
        else:
            body = await request.body()
            if len(body) > settings.upload_limit:
                raise UploadTooLargeError(f"body is larger than {settings.upload_limit:,} bytes")
            try:
                payload = json.loads(body or b"{}")
            except json.JSONDecodeError as exc:
                raise DocumentError(f"the body is not JSON ({exc.msg})") from exc
            items = [_document_from_json(payload)]
        return add_items(items)

    @app.delete("/api/documents/{doc_id:path}", tags=["documents"])
    def delete_document(doc_id: str, request: Request):
        check_write(request)
        service.write(lambda ledger: ledger.delete_document(doc_id))
        return {"deleted": doc_id}

    @app.get("/api/claims", tags=["claims"])
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
            writer.writerows(rows)
            return PlainTextResponse(out.getvalue(), media_type="text/csv")
        if format == "jsonl":
            return PlainTextResponse("".join(json.dumps(r) + "\n" for r in rows), media_type="application/x-ndjson")
        if format != "json":
            raise InvalidOptionError(f"unknown format {format!r}", hint="json, csv or jsonl")
        return {"total": len(rows), "claims": rows}

    @app.get("/api/measures", tags=["measures"])
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

    @app.get("/api/measures/{measure}", tags=["measures"])
    def get_measure(measure: str):
        view = service.view()
        m = view.measure(measure)
        if m is None:
            raise NotFoundError(f"no measure {measure!r}")
        misquotes = [q for q in view.misquotes if q.odd.claim.measure == measure or q.usual.claim.measure == measure]
        from ..report.data import misquote_dict

        return {**measure_dict(m, view.documents), "misquotes": [misquote_dict(q) for q in misquotes]}

    @app.get("/api/sources", tags=["sources"])
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

    @app.post("/api/sources/merge", tags=["sources"])
    async def merge_sources(request: Request):
        check_write(request)
        payload = await request.json()
        alias, canonical = payload.get("alias"), payload.get("canonical")
        if not alias or not canonical:
            raise InvalidOptionError("both 'alias' and 'canonical' are required")
        service.write(lambda ledger: ledger.add_alias(alias, canonical))
        return {"alias": alias, "canonical": canonical}

    @app.get("/api/ask", tags=["ask"])
    def api_ask(q: str):
        view = service.view()
        return answer_dict(ask(view, q), view.documents)

    # ---- pages ----------------------------------------------------------------------

    def page(request: Request, name: str, **context) -> HTMLResponse:
        context.setdefault("writable", not settings.read_only)
        context.setdefault("needs_token", bool(settings.token))
        return templates.TemplateResponse(request, name, context)

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
    async def upload_page(
        request: Request, file: Annotated[UploadFile, File()], token: Annotated[str | None, Form()] = None
    ):
        try:
            check_write(request, token)
            result = add_items(await read_upload(file))
        except CrosstallyError as exc:
            return page(request, "upload.html", result=None, error=str(exc))
        if len(result["documents"]) == 1 and not result["failures"]:
            return RedirectResponse(f"/documents/{result['documents'][0]['id']}", status_code=303)
        return page(request, "upload.html", result=result, error=None)

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


def _document_from_json(payload) -> Document:
    if not isinstance(payload, dict) or not isinstance(payload.get("text"), str) or not payload["text"].strip():
        raise DocumentError(
            "JSON body needs a non-empty 'text'",
            hint='{"text": "...", "title": "...", "outlet": "...", "published": "YYYY-MM-DD"}',
        )
    published, warnings = parse_published(payload.get("published"), "body")
    if warnings:
        raise InvalidOptionError(warnings[0])
    doc_id = str(payload.get("id") or f"api-{secrets.token_hex(4)}")
    return Document(doc_id, payload["text"], payload.get("title"), payload.get("outlet"), payload.get("url"), published)


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
