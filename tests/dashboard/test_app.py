"""Every page renders for every role it is meant for, on the demo and on an empty warehouse."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import access
from dashboard.app import auth, cookies
from dashboard.app.navigation import PAGES
from dashboard.labels import label
from queries.roles import ROLES
from tests.conftest import ROOT

APP = str(ROOT / "dashboard" / "app" / "main.py")
SCHOOLS = ("SCH0001", "SCH0002")


def run_page(page_file: str, role: str | None = None, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if role:
        at.session_state["role"] = role
        at.session_state["school_ids"] = SCHOOLS if ROLES[role].scoped else ()
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page_file != "overview.py":
        at.switch_page(f"pages/{page_file}").run()
    return at


CASES = [(p.file, role) for p in PAGES for role in p.roles]


@pytest.mark.parametrize(("page_file", "role"), CASES)
def test_page_renders_for_its_roles_on_the_demo(use_demo, page_file, role):
    at = run_page(page_file, role, school_year="2024-2025")
    assert not at.exception, at.exception
    assert at.error == [] or page_file == "admin.py"


@pytest.mark.parametrize("page_file", [p.file for p in PAGES if p.roles])  # of this profile
def test_page_renders_on_an_empty_warehouse(page_file):
    at = run_page(page_file, "beheer")
    assert not at.exception, at.exception
    assert at.info, "an empty page says so in Dutch"


@pytest.mark.parametrize(("page_file", "role"), [
    (p.file, role) for p in PAGES for role in access.ROLES if role not in p.roles
])
def test_a_forbidden_page_is_not_in_the_navigation_and_refuses_a_direct_run(
    use_demo, page_file, role
):
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        run_page(page_file, role)
    page = ROOT / "dashboard" / "app" / "pages" / page_file
    at = AppTest.from_file(str(page), default_timeout=60)
    at.session_state["role"] = role
    at.session_state["school_ids"] = SCHOOLS
    at.run()
    assert [e.value for e in at.error] == [label("forbidden")]
    assert not at.dataframe and not at.get("plotly_chart")


def login_form_shown(at: AppTest) -> bool:
    """The login form (and nothing else): an HTML form with the two fields and the button."""
    form = " ".join(h.proto.body for h in at.get("html"))
    return (all(f'name="{field}"' in form for field in (cookies.USER_FIELD,
                                                         cookies.PASSWORD_FIELD))
            and f">{label('login_button')}</button>" in form
            and not at.dataframe and not at.metric and not at.get("plotly_chart")
            and not at.sidebar.button)


@pytest.fixture
def own_db(use_demo, tmp_path, monkeypatch) -> Path:
    """A copy of the demo warehouse with users kim (kwaliteit) and bea (bestuur); PIB_DB points
    at it."""
    db = tmp_path / "warehouse.duckdb"
    db.write_bytes(use_demo.read_bytes())
    monkeypatch.setenv("PIB_DB", str(db))
    access.add_user("kim", "kwaliteit", "wachtwoord-kwaliteit", db=db)
    access.add_user("bea", "bestuur", "wachtwoord-bestuur", db=db)
    return db


def signed_in_app(monkeypatch, token: str | None) -> AppTest:
    """The entry file with `token` as the browser's session cookie."""
    monkeypatch.setattr(auth, "session_token", lambda: token)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def test_login_is_asked_when_users_exist_and_a_role_in_state_does_not_bypass_it(own_db,
                                                                               monkeypatch):
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["role"] = "beheer"
    at.session_state["user"] = "indringer"
    at.run()
    assert login_form_shown(at)


def test_a_session_reads_its_role_afresh_at_every_interaction(own_db, monkeypatch):
    token = access.create_session("kim", own_db)
    at = signed_in_app(monkeypatch, token)
    assert at.session_state["role"] == "kwaliteit" and not login_form_shown(at)
    access.set_role("kim", "bestuur", db=own_db)
    at.run()
    assert at.session_state["role"] == "bestuur"
    shown = [c.value for c in at.sidebar.caption]
    assert label("signed_in_as", user="kim", role="bestuur") in shown
    access.remove_user("kim", db=own_db)
    at.run()
    assert login_form_shown(at)
    assert [e.value for e in at.error] == [label("login_ended")]


def test_logout_ends_the_session(own_db, monkeypatch):
    token = access.create_session("kim", own_db)
    at = signed_in_app(monkeypatch, token)
    at.sidebar.button[0].click().run()
    assert login_form_shown(at) and access.session_user(token, own_db) is None


@pytest.mark.parametrize("damage", ["moved", "emptied", "garbled"])
def test_a_server_that_had_users_never_serves_without_login(own_db, monkeypatch, damage):
    token = access.create_session("kim", own_db)
    at = signed_in_app(monkeypatch, token)
    assert not login_form_shown(at)
    store = access.access_path(own_db)
    if damage == "moved":
        store.rename(store.with_suffix(".weg"))
    elif damage == "emptied":
        access.remove_user("bea", db=own_db)
        access.remove_user("kim", db=own_db)
    else:
        store.write_bytes(b"dit is geen sqlite-bestand " * 100)
    at.run()
    assert login_form_shown(at)
    assert [e.value for e in at.error] == [label("login_store_unavailable")]


def test_login_required_by_serve_holds_for_a_fresh_process_without_a_store(use_demo, tmp_path,
                                                                           monkeypatch):
    db = tmp_path / "warehouse.duckdb"
    db.write_bytes(use_demo.read_bytes())
    monkeypatch.setenv("PIB_DB", str(db))
    monkeypatch.setenv(access.LOGIN_ENV, "required")
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["role"] = "kwaliteit"
    at.run()
    assert login_form_shown(at)
    assert [e.value for e in at.error] == [label("login_store_unavailable")]
    assert not access.access_path(db).exists()  # the dashboard never creates the store


def test_a_csv_download_is_audited_with_who_and_what(warehouse):
    def script() -> None:
        import streamlit as st

        from dashboard.app import auth

        st.session_state.update(user="kim", role="kwaliteit")
        auth.audit_download("csv waiting_times_2024-2025.csv")

    at = AppTest.from_function(script, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    assert [(u, r, a, d) for _, u, r, a, d in access.audit_log()] == [
        ("kim", "kwaliteit", "download", "csv waiting_times_2024-2025.csv")]


def test_a_bad_pib_toml_shows_its_dutch_sentence_not_a_traceback(isolated_env):
    config = isolated_env / "pib.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n[extra]\nkey = 1\n",
                      encoding="utf-8")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == [
        f"{config}: onbekende sectie [extra]; bekend zijn [organisation], [school_year], "
        "[norms], [privacy], [region], [targets], [public]."]
