"""OIDC login (st.login) beside the password login: the mapping identity → user → role or
refusal, the e-mail column of the user store, `pib users --email`, the login page's button and
the Streamlit glue with `st.user` replaced by AppTest's fake. Offline: no provider is asked."""

from __future__ import annotations

import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor

import anyio
import pytest
from streamlit.testing.v1 import AppTest
from typer.testing import CliRunner

from dashboard import access, oidc
from dashboard.app import auth, cookies
from dashboard.cli.main import app
from dashboard.labels import label
from tests.dashboard.test_app import APP, login_form_shown, own_db, run_page  # noqa: F401

NOW = 1_800_000_000.0
KIM = access.User("kim", "kwaliteit", (), False, "kim@swv.example")
BEA = access.User("bea", "bestuur", (), False, "bea@swv.example")
AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
        "microsoft": {"client_id": "id", "client_secret": "geheim",
                      "server_metadata_url": "https://login.microsoftonline.com/tenant/v2.0/"
                                             ".well-known/openid-configuration"}}


def claims(email: str | None = "kim@swv.example", issued: float = NOW, **more) -> dict:
    found = {"iss": "https://login.microsoftonline.com/tenant/v2.0", "sub": "abc",
             "iat": issued, "nonce": "n1", "provider": "microsoft", **more}
    return found if email is None else {**found, "email": email}


# the pure mapping


def test_a_known_address_is_its_user_whatever_the_case():
    assert oidc.match_identity(claims("Kim@SWV.Example "), [BEA, KIM], NOW) == oidc.Match(KIM)


def test_an_unknown_address_is_refused_naming_only_its_domain():
    match = oidc.match_identity(claims("piet@elders.example"), [BEA, KIM], NOW)
    assert (match.user, match.outcome) == (None, "unknown")
    assert match.detail == "onbekend e-mailadres (…@elders.example)"


@pytest.mark.parametrize("verified", [False, "false", "False"])
def test_an_address_the_provider_calls_unverified_is_refused(verified):
    match = oidc.match_identity(claims(email_verified=verified), [KIM], NOW)
    assert (match.user, match.outcome) == (None, "unverified")


@pytest.mark.parametrize("verified", [True, "true"])
def test_a_verified_address_or_a_provider_that_does_not_say_is_accepted(verified):
    assert oidc.match_identity(claims(email_verified=verified), [KIM], NOW).user == KIM
    assert oidc.match_identity(claims(), [KIM], NOW).user == KIM  # Entra ID: no claim


def test_no_address_is_refused():
    assert oidc.match_identity(claims(None), [KIM], NOW).outcome == "no_email"
    assert oidc.match_identity(claims("  "), [KIM], NOW).outcome == "no_email"


@pytest.mark.parametrize(("issued", "outcome"), [
    (NOW - oidc.FRESH_SECONDS, ""), (NOW - oidc.FRESH_SECONDS - 1, "stale"),
    (NOW + oidc.CLOCK_SKEW, ""), (NOW + oidc.CLOCK_SKEW + 1, "stale"), (None, "stale"),
])
def test_only_a_fresh_identity_opens_a_session(issued, outcome):
    assert oidc.match_identity(claims(issued=issued), [KIM], NOW).outcome == outcome


def test_a_user_without_address_never_matches():
    assert oidc.match_identity(claims(), [access.User("kim", "beheer", (), False)],
                               NOW).outcome == "unknown"


def test_providers_come_from_the_auth_section_only():
    assert oidc.providers(None) == [] and oidc.providers({}) == []
    assert oidc.providers({"redirect_uri": "x", "cookie_secret": "y"}) == []
    assert oidc.providers(AUTH) == [("microsoft", "Microsoft")]
    assert oidc.providers({**AUTH, "google": {"client_id": "g"}, "okta": {"client_id": "o"}}) == [
        ("microsoft", "Microsoft"), ("google", "Google"), ("okta", "okta")]
    assert oidc.providers({"client_id": "c", "server_metadata_url": "u"}) == [(None, "")]


def test_the_session_key_is_stable_per_login_and_differs_between_logins():
    assert oidc.session_key(claims()) == oidc.session_key(dict(claims()))
    assert oidc.session_key(claims()) != oidc.session_key(claims(issued=NOW + 1))
    assert oidc.session_key(claims()).startswith("oidc:")


# the store


def test_oidc_login_of_a_known_user_opens_an_audited_session(warehouse):
    access.add_user("kim", "kwaliteit", "wachtwoord-kwaliteit", email="Kim@SWV.example")
    user, outcome = access.oidc_login(claims("KIM@swv.example"), "microsoft",
                                      source="10.0.0.7", now=NOW)
    assert (user.name, user.role, outcome) == ("kim", "kwaliteit", "")
    assert access.session_user(oidc.session_key(claims("KIM@swv.example"))).name == "kim"
    con = sqlite3.connect(access.access_path())
    assert con.execute("select user, role, action, detail, source from audit").fetchall() == [
        ("kim", "kwaliteit", "login", "oidc microsoft", "10.0.0.7")]
    con.close()


def test_oidc_login_of_an_unknown_address_is_refused_and_audited_without_the_address(
        warehouse):
    access.add_user("kim", "kwaliteit", "wachtwoord-kwaliteit", email="kim@swv.example")
    user, outcome = access.oidc_login(claims("piet.jansen@elders.example"), "google", now=NOW)
    assert (user, outcome) == (None, "unknown")
    assert access.session_user(oidc.session_key(claims("piet.jansen@elders.example"))) is None
    assert access.audit_log()[0][1:] == (None, None, "login_refused",
                                         "oidc google: onbekend e-mailadres (…@elders.example)")
    assert b"piet.jansen" not in access.access_path().read_bytes()


def test_a_stale_identity_opens_nothing_and_is_not_audited(warehouse):
    access.add_user("kim", "kwaliteit", "wachtwoord-kwaliteit", email="kim@swv.example")
    assert access.oidc_login(claims(issued=NOW - 3600), "microsoft", now=NOW) == (None, "stale")
    assert access.audit_log() == []


def test_removal_and_role_change_reach_an_oidc_session(warehouse):
    access.add_user("kim", "kwaliteit", "wachtwoord-kwaliteit", email="kim@swv.example")
    access.oidc_login(claims(), "microsoft", now=NOW)
    key = oidc.session_key(claims())
    access.set_role("kim", "bestuur")
    assert access.session_user(key).role == "bestuur"
    access.remove_user("kim")
    assert access.session_user(key) is None
    access.add_user("bea", "bestuur", "wachtwoord-bestuur")  # the store keeps a user
    assert access.oidc_login(claims(), "microsoft", now=NOW) == (None, "unknown")


def test_oidc_login_fails_closed_without_a_store(warehouse):
    with pytest.raises(access.StoreUnavailable):
        access.oidc_login(claims(), "microsoft", now=NOW)
    assert not access.access_path().exists()


def test_an_old_store_gets_the_email_column_and_keeps_its_users(warehouse):
    path = access.access_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path)
    con.execute("create table users (name text primary key, role text not null, password_hash "
                "text not null, school_ids text not null default '', demo integer not null "
                "default 0, created_at text not null, updated_at text not null)")
    con.execute("insert into users values ('oud', 'bestuur', 'h', '', 0, 'x', 'x')")
    con.commit()
    con.close()
    assert access.list_users() == [access.User("oud", "bestuur", (), False, None)]
    access.set_email("oud", "Oud@SWV.example")
    access.add_user("nieuw", "kwaliteit", "wachtwoord-kwaliteit", email="nieuw@swv.example")
    assert [(u.name, u.email) for u in access.list_users()] == [
        ("nieuw", "nieuw@swv.example"), ("oud", "oud@swv.example")]


def test_an_address_is_unique_case_insensitively_and_checked(warehouse):
    access.add_user("kim", "kwaliteit", "wachtwoord-kwaliteit", email="kim@swv.example")
    with pytest.raises(access.AccessError, match="hoort al bij gebruiker 'kim'"):
        access.add_user("bea", "bestuur", "wachtwoord-bestuur", email="KIM@swv.example")
    access.add_user("bea", "bestuur", "wachtwoord-bestuur")
    with pytest.raises(access.AccessError, match="hoort al bij gebruiker 'kim'"):
        access.set_email("bea", "Kim@Swv.Example")
    for bad in ("kim", "kim@", "@swv.example", "kim@swv", "k im@swv.example", "a@b@c.nl"):
        with pytest.raises(access.AccessError, match="geen geldig e-mailadres"):
            access.set_email("bea", bad)
    with pytest.raises(access.AccessError, match="bestaat niet"):
        access.set_email("niemand", "niemand@swv.example")


def test_changing_the_address_ends_the_users_sessions(warehouse):
    access.add_user("kim", "kwaliteit", "wachtwoord-kwaliteit", email="kim@swv.example")
    access.oidc_login(claims(), "microsoft", now=NOW)
    token = access.create_session("kim")
    access.set_email("kim", None)
    assert access.session_user(token) is None
    assert access.session_user(oidc.session_key(claims())) is None
    assert access.list_users()[0].email is None


# the CLI


def test_pib_users_add_takes_an_email_and_set_email_changes_it(warehouse):
    runner = CliRunner()
    added = runner.invoke(app, ["users", "add", "kim", "--role", "kwaliteit", "--email",
                                "Kim@SWV.example", "--password-stdin"],
                          input="wachtwoord-kwaliteit\n")
    assert added.exit_code == 0, added.output
    assert access.list_users()[0].email == "kim@swv.example"
    assert "kim@swv.example" in runner.invoke(app, ["users", "list"]).output
    changed = runner.invoke(app, ["users", "set-email", "kim", "k.de.vries@swv.example"])
    assert changed.exit_code == 0, changed.output
    assert access.list_users()[0].email == "k.de.vries@swv.example"
    assert runner.invoke(app, ["users", "set-email", "kim", "--remove"]).exit_code == 0
    assert access.list_users()[0].email is None
    assert [a for _, _, _, a, _ in access.audit_log()] == [
        "user_set_email", "user_set_email", "user_add"]


def test_pib_users_refuses_a_bad_email_with_a_sentence(warehouse):
    runner = CliRunner()
    bad = runner.invoke(app, ["users", "add", "kim", "--role", "kwaliteit", "--email", "kim",
                              "--password-stdin"], input="wachtwoord-kwaliteit\n")
    assert bad.exit_code == 2 and "'kim' is geen geldig e-mailadres." in bad.output
    assert access.list_users() == []
    both = runner.invoke(app, ["users", "set-email", "kim", "a@b.nl", "--remove"])
    assert both.exit_code == 2 and "niet allebei" in both.output


# the login page and the glue (AppTest: at.secrets holds [auth], at.user fakes st.user)


def oidc_app(user: dict | None = None, auth: dict | None = AUTH) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if auth:
        at.secrets["auth"] = auth
    if user is not None:
        at.user = user
    at.run()
    assert not at.exception, at.exception
    return at


def provider_buttons(at: AppTest) -> list[str]:
    return [b.label for b in at.button if b.key and b.key.startswith("oidc-")]


def test_the_login_page_offers_the_provider_only_when_auth_is_configured(own_db):  # noqa: F811
    without = oidc_app(auth=None)
    assert login_form_shown(without) and provider_buttons(without) == []
    with_auth = oidc_app()
    assert provider_buttons(with_auth) == [label("oidc_button", provider="Microsoft")]
    assert "Inloggen met Microsoft" in provider_buttons(with_auth)
    assert f">{label('login_button')}</button>" in " ".join(
        h.proto.body for h in with_auth.get("html"))  # the password form stays


def test_a_known_identity_is_signed_in_with_the_role_from_the_store(own_db):  # noqa: F811
    access.set_email("kim", "kim@swv.example", own_db)
    identity = {"is_logged_in": True, **claims("KIM@swv.example", issued=time.time())}
    at = oidc_app(identity)
    assert not login_form_shown(at)
    assert label("signed_in_as", user="kim", role="kwaliteit") in [c.value for c in
                                                                   at.sidebar.caption]
    access.set_role("kim", "bestuur", db=own_db)  # reaches the open session
    at.run()
    assert label("signed_in_as", user="kim", role="bestuur") in [c.value for c in
                                                                 at.sidebar.caption]
    access.remove_user("kim", own_db)  # and so does removal: refused, logged out
    at.run()
    assert login_form_shown(at) and label("oidc_refused") in [e.value for e in at.error]
    assert at.user["is_logged_in"] is False
    actions = [(a, u) for _, u, _, a, _ in access.audit_log(db=own_db)]
    assert actions == [("login_refused", None), ("login", "kim")]


def test_an_unknown_identity_is_refused_logged_out_and_audited(own_db):  # noqa: F811
    at = oidc_app({"is_logged_in": True, **claims("piet@elders.example", issued=time.time())})
    assert login_form_shown(at) and label("oidc_refused") in [e.value for e in at.error]
    assert at.user["is_logged_in"] is False  # st.logout() ended the OIDC session
    assert access.audit_log(db=own_db)[0][3:] == (
        "login_refused", "oidc microsoft: onbekend e-mailadres (…@elders.example)")


def test_an_identity_without_auth_configured_is_ignored(own_db):  # noqa: F811
    access.set_email("kim", "kim@swv.example", own_db)
    at = oidc_app({"is_logged_in": True, **claims(issued=time.time())}, auth=None)
    assert login_form_shown(at) and access.audit_log(db=own_db) == []


def test_a_stale_identity_asks_to_log_in_again(own_db):  # noqa: F811
    access.set_email("kim", "kim@swv.example", own_db)
    at = oidc_app({"is_logged_in": True, **claims(issued=time.time() - 3600)})
    assert login_form_shown(at) and [e.value for e in at.error] == [label("oidc_stale")]
    assert provider_buttons(at) == ["Inloggen met Microsoft"]


# the refusal survives the provider's logout (middleware)


def logout_cookies(identity: str | None) -> list[str]:
    header = [(b"cookie", f"{cookies.OIDC_COOKIE}={identity}".encode())] if identity else []
    answered: list[list] = []

    async def streamlit(scope, receive, send):
        await send({"type": "http.response.start", "status": 302,
                    "headers": [(b"location", b"/")]})
        await send({"type": "http.response.body", "body": b""})

    async def send(message):
        if message["type"] == "http.response.start":
            answered.append([v.decode() for k, v in message["headers"] if k == b"set-cookie"])

    scope = {"type": "http", "method": "GET", "path": "/auth/logout", "query_string": b"",
             "headers": header, "scheme": "http", "client": ("10.0.0.5", 1), "root_path": ""}
    with ThreadPoolExecutor(1) as pool:
        pool.submit(anyio.run, cookies.LoginMiddleware(streamlit), scope, None, send).result()
    return answered[0]


def test_the_logout_after_a_refusal_carries_the_reason_once():
    cookies.note_oidc_refusal("2|1:0|10:1|abc")
    assert logout_cookies("2|1:0|10:2|other") == []
    assert logout_cookies("2|1:0|10:1|abc") == [
        f"pib_login=oidc_refused; HttpOnly; Max-Age={cookies.REFUSED_SECONDS}; Path=/; "
        "SameSite=Strict"]
    assert logout_cookies("2|1:0|10:1|abc") == []  # once
    assert logout_cookies(None) == []


def test_the_admin_page_shows_the_addresses(own_db, monkeypatch):  # noqa: F811
    access.set_email("kim", "Kim@SWV.example", own_db)
    access.add_user("ben", "beheer", "wachtwoord-beheer", db=own_db)
    token = access.create_session("ben", own_db)
    monkeypatch.setattr(auth, "session_token", lambda: token)
    at = run_page("admin.py")
    assert not at.exception, at.exception
    users = at.dataframe[0].value
    assert dict(zip(users[label("login_user")], users[label("oidc_admin_email")],
                    strict=True)) == {"bea": "", "ben": "", "kim": "kim@swv.example"}
