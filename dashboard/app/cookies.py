"""The login form's POST and the session cookie, handled below Streamlit (ASGI middleware).

A Streamlit script cannot set a cookie, and one set by JavaScript cannot be HttpOnly. So the
login form (`auth.login_form`) is a plain HTML form that posts to the page it is shown on; this
middleware takes that POST before Streamlit sees it, checks the name and password
(`access.authenticate`, with the connection's address as the source of the try), creates a
server-side session and answers `303 See Other` back to the very same URL (page path and query
string: the filters and `as_of` of a deep link survive the login) with the cookie
`pib_session=<random token>; HttpOnly; SameSite=Strict; Path=/` (plus `Secure` over https).
It is a browser-session cookie: a reload keeps it, closing the browser ends it; the server ends
the session after `access.SESSION_IDLE` without use or at logout. A failed try answers the same
redirect with a short-lived `pib_login=failed` cookie the form shows as an error.
"""

from __future__ import annotations

import os
import sqlite3
from http.cookies import SimpleCookie
from urllib.parse import parse_qs, urlsplit

import anyio

from dashboard import access

SESSION_COOKIE = "pib_session"
FAILED_COOKIE = "pib_login"  # value: failed; read once by the form, lives FAILED_SECONDS
FAILED_SECONDS = 20
FORM_FIELD = "pib_form"  # hidden field: value `login`
USER_FIELD = "pib_user"
PASSWORD_FIELD = "pib_password"
_MAX_BODY = 8192  # bytes: a login form is far smaller


def _header(scope: dict, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1")
    return None


def _cookie(name: str, value: str, scope: dict, max_age: int | None = None) -> tuple[bytes,
                                                                                       bytes]:
    morsel = SimpleCookie()
    morsel[name] = value
    attrs = morsel[name]
    attrs["path"] = "/"
    attrs["httponly"] = True
    attrs["samesite"] = "Strict"
    if max_age is not None:
        attrs["max-age"] = max_age
    if scope.get("scheme") == "https":
        attrs["secure"] = True
    return b"set-cookie", attrs.OutputString().encode("latin-1")


def _same_origin(scope: dict) -> bool:
    """A form post from another site (login CSRF) has a foreign Origin; browsers send it."""
    origin = _header(scope, b"origin")
    if origin is None or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == _header(scope, b"host")


class LoginMiddleware:
    """ASGI middleware: a POST of the login form (field `pib_form=login`, any page path) is
    answered here; every other request goes on to Streamlit unchanged."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"].startswith(
                "/_stcore/"):
            await self.app(scope, receive, send)
            return
        body = b""
        more = True
        while more and len(body) <= _MAX_BODY:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        form = parse_qs(body.decode("utf-8", "replace"), max_num_fields=8)
        if len(body) > _MAX_BODY or form.get(FORM_FIELD) != ["login"] or not _same_origin(scope):
            await _respond(send, 400, [])
            return
        name = form.get(USER_FIELD, [""])[0]
        password = form.get(PASSWORD_FIELD, [""])[0]
        source = (scope.get("client") or (access.LOCAL,))[0]
        db = os.environ.get("PIB_DB")
        token = await anyio.to_thread.run_sync(_sign_in, name, password, source, db)
        if token:
            cookies = [_cookie(SESSION_COOKIE, token, scope), _cookie(FAILED_COOKIE, "", scope, 0)]
        else:
            cookies = [_cookie(FAILED_COOKIE, "failed", scope, FAILED_SECONDS)]
        query = scope.get("query_string", b"").decode("latin-1")
        location = scope.get("root_path", "") + scope["path"] + (f"?{query}" if query else "")
        await _respond(send, 303, [(b"location", location.encode("latin-1")), *cookies])


def _sign_in(name: str, password: str, source: str, db: str | None) -> str | None:
    """A new session token when the name and password are right; None otherwise (also when
    the user store is missing or broken: fail closed)."""
    try:
        access.check_store(db)  # never creates a store that was moved away
        user = access.authenticate(name, password, db, source=source)
        return access.create_session(user.name, db) if user else None
    except (access.StoreUnavailable, sqlite3.Error, OSError, ValueError):
        return None


async def _respond(send, status: int, headers: list[tuple[bytes, bytes]]) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-length", b"0"), (b"cache-control", b"no-store"),
                            *headers]})
    await send({"type": "http.response.body", "body": b""})
