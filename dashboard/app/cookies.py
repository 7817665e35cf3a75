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

OIDC login (`st.login`) runs through Streamlit's own routes (`/auth/login`, `/oauth2callback`,
`/auth/logout`), which this middleware passes on. One addition: when the dashboard refused an
OIDC identity (`note_oidc_refusal`, called before `st.logout`), the logout request of the
browser holding that identity cookie gets `pib_login=oidc_refused` on its answer, so the login
form can say why once the browser is back from the provider's logout.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from http.cookies import SimpleCookie
from urllib.parse import parse_qs, urlsplit

import anyio
from starlette.requests import cookie_parser
from streamlit.web.server.starlette.starlette_server_config import USER_COOKIE_NAME

from dashboard import access

SESSION_COOKIE = "pib_session"
FAILED_COOKIE = "pib_login"  # value: failed; read once by the form, lives FAILED_SECONDS
FAILED_SECONDS = 20
FORM_FIELD = "pib_form"  # hidden field: value `login`
USER_FIELD = "pib_user"
PASSWORD_FIELD = "pib_password"
_MAX_BODY = 8192  # bytes: a login form is far smaller
OIDC_COOKIE = USER_COOKIE_NAME  # Streamlit's signed identity cookie after st.login
OIDC_REFUSED = "oidc_refused"  # value of FAILED_COOKIE after a refused OIDC login
REFUSED_SECONDS = 300  # the provider's logout page may take a while
_REFUSED: dict[str, float] = {}  # SHA-256 of a refused identity cookie → monotonic time noted


def note_oidc_refusal(identity_cookie: object) -> None:
    """Remember for REFUSED_SECONDS, in this server process, that the browser holding this
    identity cookie (its raw value; anything else is ignored) was refused, so that its logout
    (`st.logout` → GET /auth/logout) answers with `pib_login=oidc_refused`."""
    if isinstance(identity_cookie, str) and identity_cookie:
        now = time.monotonic()
        for key, noted in list(_REFUSED.items()):
            if now - noted > REFUSED_SECONDS:
                _REFUSED.pop(key, None)
        _REFUSED[hashlib.sha256(identity_cookie.encode()).hexdigest()] = now


def _was_refused(scope: dict) -> bool:
    """Whether this request carries an identity cookie noted as refused (then forgotten)."""
    identity = cookie_parser(_header(scope, b"cookie") or "").get(OIDC_COOKIE)
    if not identity:
        return False
    noted = _REFUSED.pop(hashlib.sha256(identity.encode()).hexdigest(), None)
    return noted is not None and time.monotonic() - noted <= REFUSED_SECONDS


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
        if (scope["type"] == "http" and scope["method"] == "GET"
                and scope["path"].endswith("/auth/logout") and _was_refused(scope)):
            await self.app(scope, receive, _adding_cookie(send, _cookie(
                FAILED_COOKIE, OIDC_REFUSED, scope, REFUSED_SECONDS)))
            return
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


def _adding_cookie(send, cookie: tuple[bytes, bytes]):
    """`send` with `cookie` added to the response's headers."""
    async def wrapped(message):
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message.get("headers", []), cookie]}
        await send(message)
    return wrapped


async def _respond(send, status: int, headers: list[tuple[bytes, bytes]]) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-length", b"0"), (b"cache-control", b"no-store"),
                            *headers]})
    await send({"type": "http.response.body", "body": b""})
