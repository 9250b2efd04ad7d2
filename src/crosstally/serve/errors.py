"""One error shape for the whole app: JSON for the API, an HTML page for the pages.

Every failure, expected or not, leaves as `{"error": {"type", "message", "status"}}`
under /api (and /healthz, /openapi.json), or as the same facts on an HTML error page for
a browser route, so that no client ever sees a plain-text 500 or a Python repr. The
OpenAPI document describes the error responses with the same model.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import (
    CrossSiteRequestError,
    CrosstallyError,
    DocumentError,
    InvalidOptionError,
    InvalidRequestBodyError,
    LedgerDamagedError,
    NotFoundError,
    QueueFullError,
    ReadOnlyError,
    TokenRequiredError,
    UnsupportedMediaTypeError,
    UploadTooLargeError,
)

log = logging.getLogger("crosstally.serve")

JSON_PREFIXES = ("/api/", "/api", "/healthz", "/openapi.json")


class ErrorDetail(BaseModel):
    """What went wrong: the condition's name, a message for people, the HTTP status."""

    type: str
    message: str
    status: int


class ErrorResponse(BaseModel):
    """The one shape every error response has."""

    error: ErrorDetail


_DESCRIPTIONS = {
    400: "Bad request (for instance a Host the server does not answer to)",
    401: "A valid token is required to write (Authorization: Bearer <CROSSTALLY_TOKEN>)",
    403: "Forbidden: the server is read-only, or the write came from another origin or without its CSRF token",
    404: "No such document, measure, job or route",
    413: "The body is larger than the server accepts",
    415: "The body's content type is not one this endpoint accepts",
    422: "The request's parameters or body are not valid",
    503: "The extraction queue is full; retry after the Retry-After header's seconds",
}


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entries for these statuses, in the real error shape."""
    return {code: {"model": ErrorResponse, "description": _DESCRIPTIONS[code]} for code in codes}


def error_body(kind: str, message: str, status: int) -> dict:
    return {"error": {"type": kind, "message": message, "status": status}}


def status_of(exc: CrosstallyError) -> int:
    """The HTTP status for one of crosstally's own errors."""
    table: list[tuple[type[CrosstallyError], int]] = [
        (NotFoundError, 404),
        (ReadOnlyError, 403),
        (CrossSiteRequestError, 403),
        (TokenRequiredError, 401),
        (UploadTooLargeError, 413),
        (UnsupportedMediaTypeError, 415),
        (QueueFullError, 503),
        (LedgerDamagedError, 500),
        (InvalidRequestBodyError, 422),
        (DocumentError, 422),
        (InvalidOptionError, 422),
    ]
    for kind, status in table:
        if isinstance(exc, kind):
            return status
    return 400


def wants_json(path: str) -> bool:
    """API routes answer errors in JSON; browser pages get an HTML page."""
    return path.startswith(JSON_PREFIXES)


def install_error_handlers(app: FastAPI, templates: Jinja2Templates) -> None:
    """Register the handlers that turn every exception into the one error shape."""

    def respond(request: Request, kind: str, message: str, status: int, headers: dict | None = None) -> Response:
        if wants_json(request.url.path):
            return JSONResponse(error_body(kind, message, status), status_code=status, headers=headers)
        try:
            return templates.TemplateResponse(
                request,
                "error.html",
                {"kind": kind, "message": message, "status": status, "writable": False, "needs_token": False},
                status_code=status,
                headers=headers,
            )
        except Exception:  # the error page itself failed: a bare page, still no traceback
            from html import escape

            text = f"<!doctype html><title>{status}</title><h1>{status}: {escape(kind)}</h1><p>{escape(message)}</p>"
            return HTMLResponse(text, status_code=status, headers=headers)

    @app.exception_handler(CrosstallyError)
    async def crosstally_error(request: Request, exc: CrosstallyError) -> Response:
        status = status_of(exc)
        headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, QueueFullError) else None
        return respond(request, type(exc).__name__, str(exc), status, headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        kind = {404: "NotFoundError", 405: "MethodNotAllowedError"}.get(exc.status_code, "HTTPError")
        message = "no such route" if exc.status_code == 404 and exc.detail == "Not Found" else str(exc.detail)
        return respond(request, kind, message, exc.status_code, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return respond(request, "ValidationError", validation_message(exc.errors()), 422)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return respond(request, "InternalError", "the server failed on this request; it has been logged", 500)


def validation_message(errors) -> str:
    """Pydantic's errors as one readable line: `where: what` for each."""
    parts = []
    for e in errors:
        where = ".".join(str(p) for p in e.get("loc", ()) if p != "body") or "body"
        parts.append(f"{where}: {e.get('msg', 'invalid')}")
    return "; ".join(parts)
