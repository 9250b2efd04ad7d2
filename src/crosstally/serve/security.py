"""Request guards that hold before any route runs: Host, Origin, body size, headers.

- Host: only the names the server was told it answers to (loopback names by default,
  plus `--host` and `--allow-host`), so a DNS-rebinding page cannot reach the app.
- Origin: a write (any method but GET, HEAD, OPTIONS) whose `Origin` is another site,
  or which a browser marks `Sec-Fetch-Site: cross-site`, is refused with 403, token or
  not: a page elsewhere must never add documents or merge sources.
- Body: a declared `Content-Length` over the limit is refused before reading; a body
  streamed without one is counted as it arrives and reading stops at the limit (413), so
  a 300 MB body never sits in memory.
- Headers: every response carries a Content-Security-Policy (no scripts on our pages,
  no framing), nosniff, a Referrer-Policy and friends. The referrer policy is
  `same-origin`, not `no-referrer`: under `no-referrer` a browser sends `Origin: null`
  with its own form posts, which the Origin check (rightly) refuses.

Form posts also carry a CSRF token (double-submit: an HttpOnly SameSite=Strict cookie and
a hidden field that must match); JSON writes must say `application/json`.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import CrossSiteRequestError, UnsupportedMediaTypeError, UploadTooLargeError
from .errors import error_body, wants_json

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_COOKIE = "crosstally_csrf"
CSRF_FIELD = "csrf_token"

PAGE_CSP = (
    "default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
# Swagger UI and ReDoc start from a small inline script and ReDoc runs a blob: worker.
DOCS_CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
DOCS_PATHS = ("/docs", "/redoc")
SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


def allowed_hosts(extra: Iterable[str] = ()) -> frozenset[str]:
    """Host names (without port, lower case, IPv6 without brackets) the app answers to."""
    return frozenset(_bare_host(h) for h in (*LOOPBACK_HOSTS, *extra) if h)


def _bare_host(value: str) -> str:
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    if value.count(":") == 1:
        return value.split(":", 1)[0]
    return value


class GuardMiddleware:
    """Host and Origin checks, the streaming body limit and the security headers, as one
    plain ASGI middleware (no buffering of bodies or responses)."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str], body_limit: int) -> None:
        self.app = app
        self.hosts = hosts
        self.body_limit = body_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        path = scope.get("path", "")
        send = _with_security_headers(send, path)
        host = _bare_host(headers.get("host", ""))
        if "*" not in self.hosts and host not in self.hosts:
            await _refuse(send, path, 400, "InvalidHostError", f"this server does not answer to the host {host!r}")
            return
        if scope["method"] not in SAFE_METHODS:
            problem = _cross_site(headers)
            if problem:
                await _refuse(send, path, 403, "CrossSiteRequestError", problem)
                return
        declared = headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.body_limit:
            await _refuse(send, path, 413, "UploadTooLargeError", _too_large(self.body_limit))
            return
        await self.app(scope, _limited(receive, self.body_limit), send)


def _cross_site(headers: dict[str, str]) -> str | None:
    """Why a write is cross-site, or None: its Origin is not this server's own, or the
    browser says it comes from another site."""
    origin = headers.get("origin")
    if origin is not None:
        parts = urlsplit(origin)
        if origin == "null" or not parts.netloc or parts.netloc.lower() != headers.get("host", "").lower():
            return f"writes from another origin ({origin}) are refused"
    if headers.get("sec-fetch-site") in ("cross-site", "same-site"):
        return "writes from another site are refused"
    return None


def _too_large(limit: int) -> str:
    return f"the body is larger than {limit:,} bytes"


def _limited(receive: Receive, limit: int) -> Receive:
    """`receive` that counts body bytes and raises once they pass the limit, before the
    next chunk is read: the handler's exception handler answers 413."""
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise UploadTooLargeError(_too_large(limit))
        return message

    return wrapped


def _with_security_headers(send: Send, path: str) -> Send:
    csp = DOCS_CSP if path in DOCS_PATHS else PAGE_CSP

    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"content-security-policy"]
            headers.append((b"content-security-policy", csp.encode()))
            names = {k.lower() for k, _ in headers}
            headers.extend((k, v) for k, v in SECURITY_HEADERS if k not in names)
            message = {**message, "headers": headers}
        await send(message)

    return wrapped


async def _refuse(send: Send, path: str, status: int, kind: str, message: str) -> None:
    if wants_json(path):
        body, media = json.dumps(error_body(kind, message, status)).encode(), b"application/json"
    else:
        from html import escape

        text = f"<!doctype html><title>{status} · crosstally</title><h1>{status}</h1><p>{escape(message)}</p>"
        body, media = text.encode(), b"text/html; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", media), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


def require_content_type(request: Request, *accepted: str) -> str:
    """The request's media type when it is one of `accepted`, else 415: a form-less
    text/plain POST (what a cross-site page can send without a preflight) never writes."""
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media not in accepted:
        raise UnsupportedMediaTypeError(
            f"content type {media or '(none)'!r} is not accepted here", hint=f"send {' or '.join(accepted)}"
        )
    return media


def csrf_token(request: Request) -> str:
    """This browser's CSRF token: the one its cookie holds, or a fresh one to set."""
    token = request.cookies.get(CSRF_COOKIE, "")
    return token if len(token) >= 32 else secrets.token_urlsafe(32)


def set_csrf_cookie(response, token: str) -> None:
    response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")


def check_csrf(request: Request, given: str | None) -> None:
    """A form post's hidden token must match its cookie (double submit)."""
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not given or not secrets.compare_digest(cookie, given):
        raise CrossSiteRequestError(
            "the form's CSRF token is missing or does not match", hint="reload the upload page and try again"
        )
