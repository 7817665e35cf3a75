"""OIDC login end to end in a real browser, offline: `pib serve` (st.App with the login
middleware) with `[auth]` in `.streamlit/secrets.toml` pointing at a small fake OpenID provider
on this computer. It proves that Streamlit's `/auth/login` and `/oauth2callback` routes work
under st.App behind the middleware, that a known address signs in with the store's role and
stays signed in over a reload, and that an unknown one is refused after the logout redirect.
What it cannot prove: how Microsoft or Google behave (their consent pages, their claims)."""

from __future__ import annotations

import secrets
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from dashboard import access
from dashboard.labels import label
from tests.dashboard.conftest import _free_port, serving, wait_for_app

pytestmark = pytest.mark.browser
CLIENT_ID = "pib-test"


class FakeProvider:
    """An OpenID provider that logs in `email` at once: discovery, authorize (straight back
    with a code), token (an RS256-signed ID token with the nonce of the authorize request),
    JWKS. No end_session_endpoint, so Streamlit's logout returns straight to the app."""

    def __init__(self, port: int) -> None:
        from joserfc.jwk import RSAKey

        self.url = f"http://127.0.0.1:{port}"
        self.email = ""
        self.key = RSAKey.generate_key(2048, parameters={"kid": "k1"})
        self.nonces: dict[str, str | None] = {}

    def app(self):
        from joserfc import jwt
        from starlette.applications import Starlette
        from starlette.responses import JSONResponse, RedirectResponse
        from starlette.routing import Route

        async def discovery(request):
            return JSONResponse({
                "issuer": self.url, "authorization_endpoint": f"{self.url}/authorize",
                "token_endpoint": f"{self.url}/token", "jwks_uri": f"{self.url}/jwks",
                "response_types_supported": ["code"], "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"]})

        async def authorize(request):
            code = secrets.token_urlsafe(16)
            self.nonces[code] = request.query_params.get("nonce")
            back = {"code": code, "state": request.query_params["state"]}
            return RedirectResponse(f"{request.query_params['redirect_uri']}?{urlencode(back)}",
                                    status_code=302)

        async def token(request):
            form = await request.form()
            now = int(time.time())
            claims = {"iss": self.url, "sub": self.email, "aud": CLIENT_ID, "iat": now,
                      "exp": now + 600, "email": self.email,
                      "nonce": self.nonces.pop(form["code"])}
            id_token = jwt.encode({"alg": "RS256", "kid": "k1"}, claims, self.key)
            return JSONResponse({"access_token": "a", "token_type": "Bearer",
                                 "expires_in": 600, "id_token": id_token})

        async def jwks(request):
            return JSONResponse({"keys": [self.key.as_dict(private=False)]})

        return Starlette(routes=[
            Route("/.well-known/openid-configuration", discovery),
            Route("/authorize", authorize), Route("/token", token, methods=["POST"]),
            Route("/jwks", jwks)])


@pytest.fixture(scope="module")
def provider() -> Iterator[FakeProvider]:
    import uvicorn

    fake = FakeProvider(_free_port())
    server = uvicorn.Server(uvicorn.Config(fake.app(), host="127.0.0.1",
                                           port=int(fake.url.rsplit(":", 1)[1]),
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield fake
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def oidc_server(demo_db: Path, provider: FakeProvider,
                tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """`pib serve` with kim (kwaliteit, kim@swv.example) and [auth.microsoft] at the fake:
    (its URL, its warehouse)."""
    home = tmp_path_factory.mktemp("oidc")
    db = home / "warehouse.duckdb"
    shutil.copyfile(demo_db, db)
    access.add_user("kim", "kwaliteit", "wachtwoord-kwaliteit", db=db, email="Kim@SWV.example")
    port = _free_port()
    (home / ".streamlit").mkdir()
    (home / ".streamlit" / "secrets.toml").write_text(
        f'[auth]\nredirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_urlsafe(32)}"\n\n[auth.microsoft]\n'
        f'client_id = "{CLIENT_ID}"\nclient_secret = "geheim"\n'
        f'server_metadata_url = "{provider.url}/.well-known/openid-configuration"\n')
    with serving(db, home / "serve.log", cwd=home, port=port) as url:
        yield url, db


def click_provider(page, server: str) -> None:
    page.goto(server)
    button = page.get_by_role("button", name=label("oidc_button", provider="Microsoft"))
    expect(button).to_be_visible()
    expect(page.get_by_label(label("login_user"))).to_be_visible()  # the password form stays
    button.click()


def test_a_known_address_signs_in_with_the_role_from_the_store(oidc_server, provider, page):
    provider.email = "kim@swv.example"
    click_provider(page, oidc_server[0])
    signed_in = page.get_by_text(label("signed_in_as", user="kim", role="kwaliteit"))
    expect(signed_in).to_be_visible()
    page.reload()
    expect(signed_in).to_be_visible()
    wait_for_app(page)


def test_an_unknown_address_is_refused_logged_out_and_told_why(oidc_server, provider, page):
    url, db = oidc_server
    provider.email = "piet@elders.example"
    click_provider(page, url)
    deadline = time.monotonic() + 60  # the refusal's run, then st.logout's redirect back
    while any(c["name"] == "_streamlit_user" for c in page.context.cookies()) or not any(
            c["name"] == "pib_login" for c in page.context.cookies()):
        assert time.monotonic() < deadline, page.context.cookies()
        page.wait_for_timeout(200)
    refused = label("oidc_refused").replace("`", "")  # markdown: the code shows without them
    expect(page.get_by_role("alert")).to_have_text(refused)
    expect(page.get_by_label(label("login_user"))).to_be_visible()
    wait_for_app(page)
    assert access.audit_log(db=db)[0][3:] == (
        "login_refused", "oidc microsoft: onbekend e-mailadres (…@elders.example)")
