"""Every page renders for every role it is meant for, on the demo and on an empty warehouse."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import access
from dashboard.app.navigation import PAGES
from dashboard.labels import label
from tests.conftest import ROOT

APP = str(ROOT / "dashboard" / "app" / "main.py")
SCHOOLS = ("SCH0001", "SCH0002")


def run_page(page_file: str, role: str | None = None, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if role:
        at.session_state["role"] = role
        at.session_state["school_ids"] = SCHOOLS if role == "school" else ()
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


@pytest.mark.parametrize("page_file", [p.file for p in PAGES])
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


def test_login_is_asked_when_users_exist(use_demo, tmp_path, monkeypatch):
    db = tmp_path / "warehouse.duckdb"
    db.write_bytes(use_demo.read_bytes())
    monkeypatch.setenv("PIB_DB", str(db))
    access.add_user("kim", "kwaliteit", "wachtwoord-kwaliteit", db=db)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert [t.label for t in at.text_input] == [label("login_user"), label("login_password")]
    at.text_input[0].input("kim")
    at.text_input[1].input("fout-wachtwoord")
    at.button[0].click().run()
    assert label("login_failed") in [e.value for e in at.error]
    at.text_input[1].input("wachtwoord-kwaliteit")
    at.button[0].click().run()
    assert at.session_state["role"] == "kwaliteit" and not at.exception


def test_a_bad_pib_toml_shows_its_dutch_sentence_not_a_traceback(isolated_env):
    config = isolated_env / "pib.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n[extra]\nkey = 1\n",
                      encoding="utf-8")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == [
        f"{config}: onbekende sectie [extra]; bekend zijn [organisation], [school_year], "
        "[norms], [privacy], [region], [targets], [public]."]
