"""The login form's POST, answered below Streamlit: the session cookie and the redirect."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor

import anyio

from dashboard import access
from dashboard.app.cookies import LoginMiddleware


def post(body: bytes, path: str = "/wachttijden", query: bytes = b"", headers=(),
         scheme: str = "http", client=("10.0.0.5", 50000)) -> tuple[int, dict, bool]:
    """One request through the middleware: (status, headers by name (set-cookie as a list),
    whether Streamlit behind it was called)."""
    passed: list[bool] = []
    sent: list[dict] = []

    async def streamlit(scope, receive, send):
        passed.append(True)

    async def receive():
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": path, "query_string": query,
             "headers": [(b"host", b"pib.example:8501"), *headers], "scheme": scheme,
             "client": client, "root_path": ""}
    # in a thread of its own: Playwright's sync API may keep an event loop on this one
    with ThreadPoolExecutor(1) as pool:
        pool.submit(anyio.run, LoginMiddleware(streamlit), scope, receive, send).result()
    if not sent:
        return 0, {}, bool(passed)
    found: dict = {"set-cookie": []}
    for name, value in sent[0]["headers"]:
        if name == b"set-cookie":
            found["set-cookie"].append(value.decode())
        else:
            found[name.decode()] = value.decode()
    return sent[0]["status"], found, bool(passed)


FORM = b"pib_form=login&pib_user=kim&pib_password=wachtwoord-kwaliteit"


def test_a_right_login_sets_an_httponly_strict_cookie_and_returns_to_the_same_url(warehouse):
    access.add_user("kim", "kwaliteit", "wachtwoord-kwaliteit")
    status, headers, passed = post(FORM, query=b"school_year=2023-2024&gemeente=GM0363")
    assert (status, passed) == (303, False)
    assert headers["location"] == "/wachttijden?school_year=2023-2024&gemeente=GM0363"
    session = next(c for c in headers["set-cookie"] if c.startswith("pib_session="))
    token = session.split(";")[0].removeprefix("pib_session=")
    assert "HttpOnly" in session and "SameSite=Strict" in session and "Path=/" in session
    assert "Max-Age" not in session and "Secure" not in session  # browser-session cookie
    assert access.session_user(token).name == "kim"
    con = sqlite3.connect(access.access_path())
    assert con.execute("select user, role, action, source from audit").fetchall() == [
        ("kim", "kwaliteit", "login", "10.0.0.5")]
    con.close()


def test_over_https_the_cookie_is_secure(warehouse):
    access.add_user("kim", "kwaliteit", "wachtwoord-kwaliteit")
    _, headers, _ = post(FORM, scheme="https")
    assert "Secure" in next(c for c in headers["set-cookie"] if c.startswith("pib_session="))


def test_a_wrong_login_sets_only_the_short_failed_flag(warehouse):
    access.add_user("kim", "kwaliteit", "wachtwoord-kwaliteit")
    status, headers, _ = post(b"pib_form=login&pib_user=kim&pib_password=fout", path="/")
    assert (status, headers["location"]) == (303, "/")
    assert headers["set-cookie"] == [
        "pib_login=failed; HttpOnly; Max-Age=20; Path=/; SameSite=Strict"]


def test_a_post_from_another_site_or_without_the_form_field_is_refused(warehouse):
    access.add_user("kim", "kwaliteit", "wachtwoord-kwaliteit")
    assert post(FORM, headers=[(b"origin", b"https://evil.example")])[:2] == (400, {
        "set-cookie": [], "content-length": "0", "cache-control": "no-store"})
    assert post(b"pib_user=kim&pib_password=wachtwoord-kwaliteit")[0] == 400
    assert post(FORM, headers=[(b"origin", b"http://pib.example:8501")])[0] == 303
    assert post(b"x" * 10_000)[0] == 400


def test_other_requests_go_to_streamlit_untouched(warehouse):
    assert post(FORM, path="/_stcore/upload_file")[2] is True


def test_a_login_against_a_missing_store_fails_and_does_not_create_it(warehouse):
    status, headers, _ = post(FORM)
    assert status == 303 and headers["set-cookie"][0].startswith("pib_login=failed")
    assert not access.access_path().exists()
