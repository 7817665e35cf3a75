"""The Leersteun page (profile vl) and the partner view: the figures equal `run_query` for the
role, partners see their own schools, suppressed; the page exists only in the profile vl."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest
from typer.testing import CliRunner

from dashboard import access
from dashboard.app.navigation import BY_KEY, PAGES
from dashboard.cli.main import app
from dashboard.formatting import number, percent
from dashboard.labels import label
from queries import run_query
from tests.conftest import ROOT
from tests.dashboard.conftest import SCREENSHOTS, wait_for_app
from tests.dashboard.test_flemish import (  # noqa: F401 (fixtures)
    DUTCH_ONLY,
    texts,
    use_vl,
    vl_home,
    vl_server,
)

APP = str(ROOT / "dashboard/app/main.py")
PARTNERS = ("school", "clb", "begeleider")
SCHOOLS = ("SCH0001", "SCH0002", "SCH0003", "SCH0004", "SCH0005", "SCH0006")


def run_leersteun(role: str, school_ids: tuple[str, ...] = (), **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.session_state["role"] = role
    at.session_state["school_ids"] = school_ids
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page("pages/leersteun.py").run()
    assert not at.exception, at.exception
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.mark.usefixtures("use_vl")
def test_the_page_shows_the_shift_in_flemish_words():
    at = run_leersteun("kwaliteit", school_year="2024-2025")
    assert [t.value for t in at.title] == ["Leersteun"]
    trend = run_query("support_target_trend").filter(school_year="2024-2025").row(0, named=True)
    shown = metrics(at)
    assert shown[label("ls_share_metric")] == percent(trend["teacher_team_hours_share"])
    assert shown[label("ls_pupil_started")] == number(trend["pupil_started"])
    assert shown[label("ls_team_started")] == number(trend["team_started"])
    charts = at.get("plotly_chart")
    assert len(charts) == 6  # share, hours per level, target level, type, phase, verslag
    text = texts(at)
    for word in ("Leerkrachtgericht", "Teamgericht", "Brede types", "Fase 2", "Verslag IAC",
                 "Sessies per leerling", "Leersteun verschuift naar leerkracht en team"):
        assert word in text, word
    assert not DUTCH_ONLY.search(text)
    [table] = at.dataframe
    duration = run_query("support_duration", {"school_year": "2024-2025"})
    assert table.value[label("ls_col_supports")].tolist() == [
        number(v) for v in duration["supports"]]


@pytest.mark.usefixtures("use_vl")
def test_the_demo_story_is_visible_in_the_figures():
    # the vl demo: leersteun moves from the pupil to the teacher and the team, year on year
    shares = run_query("support_target_trend")["teacher_team_hours_share"].to_list()
    assert shares == sorted(shares) and shares[-1] - shares[0] > 0.2


@pytest.mark.usefixtures("use_vl")
@pytest.mark.parametrize("role", PARTNERS)
def test_a_partner_sees_its_own_schools_suppressed(role):
    at = run_leersteun(role, SCHOOLS[:3], school_year="2024-2025")
    assert label(f"ls_partner_{role}", schools=", ".join(SCHOOLS[:3])) in [
        i.value for i in at.info]
    own = run_query("support_target_trend", role=role, school_ids=SCHOOLS[:3]).filter(
        school_year="2024-2025").row(0, named=True)
    network = run_query("support_target_trend", role="bestuur").filter(
        school_year="2024-2025").row(0, named=True)
    shown = metrics(at)
    assert shown[label("ls_pupil_started")] == number(own["pupil_started"])
    assert own["pupil_started"] is None or own["pupil_started"] < network["pupil_started"]
    assert "suppressed" in own


@pytest.mark.usefixtures("use_vl")
def test_partners_see_the_pages_of_a_school():
    for role in PARTNERS:
        assert [p.key for p in PAGES if role in p.roles] == [
            "overview", "waiting", "prevention", "leersteun", "outcomes"], role


def test_the_page_is_only_in_the_flemish_profile():
    # the default settings of the tests are Dutch: no role sees Leersteun, a direct run refuses
    assert BY_KEY["leersteun"].roles == ()
    at = AppTest.from_file(str(ROOT / "dashboard/app/pages/leersteun.py"), default_timeout=60)
    at.session_state["role"] = "kwaliteit"
    at.run()
    assert [e.value for e in at.error] == [label("forbidden")]


def test_the_page_says_so_on_an_empty_warehouse(vl_home, monkeypatch, tmp_path):  # noqa: F811
    monkeypatch.setenv("PIB_CONFIG", str(vl_home / "pib.toml"))
    monkeypatch.setenv("PIB_DB", str(tmp_path / "empty.duckdb"))
    at = run_leersteun("beheer")
    assert label("no_data") in [i.value for i in at.info]


@pytest.mark.parametrize("role", ["clb", "begeleider"])
def test_pib_users_add_takes_the_partner_roles_with_their_schools(role, warehouse):
    args = ["users", "add", "an", "--role", role, "--password-stdin"]
    refused = CliRunner().invoke(app, args, input="een-lang-wachtwoord\n")
    assert refused.exit_code == 2 and f"De rol {role} vraagt minstens één --school" in (
        refused.output)
    added = CliRunner().invoke(app, [*args, "--school", "SCH0001", "--school", "SCH0002"],
                               input="een-lang-wachtwoord\n")
    assert added.exit_code == 0, added.output
    [user] = access.list_users()
    assert (user.name, user.role, user.school_ids) == ("an", role, ("SCH0001", "SCH0002"))


@pytest.mark.browser
def test_browser_leersteun_shows_the_shift(vl_server, browser):  # noqa: F811
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1400, "height": 2600}, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(180_000)  # six charts on a busy machine
    try:
        page.goto(f"{vl_server}/leersteun?school_year=2024-2025")
        expect(page.locator("h1").first).to_have_text("Leersteun")
        # six charts: the shift, hours per level, level, type, fase, verslag
        expect(page.locator(".js-plotly-plot").nth(5)).to_be_attached()
        expect(page.get_by_text("Leersteun verschuift naar leerkracht en team")).to_be_visible()
        expect(page.locator('[data-testid="stSidebarNav"]')).to_contain_text("Leersteun")
        wait_for_app(page)
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "vl-leersteun.png"), full_page=True)
    finally:
        context.close()
