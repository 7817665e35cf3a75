"""The public page /publiek: only with `[public] enabled = true`, then without login, showing
the same content as `pib export --report publiek`; every other page still needs a login."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import access
from dashboard.labels import label
from dashboard.report.public import build_public, updated_until
from tests.conftest import ROOT
from tests.dashboard.conftest import SCREENSHOTS, browser_page, serving, wait_for_app


def enable_public(config: Path) -> None:
    text = config.read_text(encoding="utf-8")
    assert "[public]\n" in text and "enabled = false" in text
    config.write_text(text.replace("enabled = false", "enabled = true"), encoding="utf-8")


def test_page_shows_the_public_content(use_demo: Path, isolated_env: Path):
    enable_public(isolated_env / "pib.toml")
    at = AppTest.from_file(str(ROOT / "dashboard/app/main.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/public.py").run()
    assert not at.exception, at.exception
    report = build_public(db=use_demo)
    assert at.title[0].value == label("pub_title")
    assert [h.value for h in at.header] == [s.title for s in report.sections]
    texts = " ".join(m.value for m in at.markdown)
    for section in report.sections:
        assert f"**{section.intro}**" in texts
        assert section.notes[0] in texts
    assert any(c.value.startswith(updated_until(report)) for c in at.caption)
    assert len(at.get("plotly_chart")) == len(report.sections)
    # the public page has no filters: no sidebar widgets drawn for it
    assert len(at.sidebar.selectbox) == 0


def test_page_off_says_one_sentence(use_demo: Path):
    at = AppTest.from_file(str(ROOT / "dashboard/app/pages/public.py"), default_timeout=30)
    at.run()
    assert not at.exception
    assert [m.value for m in at.markdown] == [label("pub_off")]
    assert len(at.title) == 0 and len(at.get("plotly_chart")) == 0


# -- in a browser, with users (login on) ----------------------------------------------------


@pytest.fixture(scope="module")
def public_server(login_db: Path, tmp_path_factory: pytest.TempPathFactory):
    """The demo warehouse with users (login on) and `[public] enabled = true`."""
    home = tmp_path_factory.mktemp("public")
    db = home / "warehouse.duckdb"
    shutil.copyfile(login_db, db)
    shutil.copyfile(access.access_path(login_db), access.access_path(db))
    config = home / "pib.toml"
    config.write_text((ROOT / "pib.toml").read_text(encoding="utf-8"), encoding="utf-8")
    enable_public(config)
    server = serving(db, home / "serve.log")
    with pytest.MonkeyPatch.context() as mp:  # for the server's environment only
        mp.setenv("PIB_CONFIG", str(config))
        url = server.__enter__()
    try:
        yield url
    finally:
        server.__exit__(None, None, None)


@pytest.fixture
def page(browser):
    with browser_page(browser, 1280, 2600) as found:
        yield found


def _warm(page, url: str) -> None:
    """First run of a fresh server: Streamlit registers the pages then (streamlit#9624)."""
    from playwright.sync_api import expect

    page.goto(url)
    expect(page.get_by_label(label("login_password"))).to_be_visible()
    wait_for_app(page)


@pytest.mark.browser
def test_public_page_without_login_other_pages_with(public_server, page):
    from playwright.sync_api import expect

    _warm(page, public_server)
    expect(page.get_by_role("link", name=label("pub_login_link"))).to_be_visible()
    page.goto(f"{public_server}/publiek")
    expect(page.locator("h1").first).to_have_text(label("pub_title"))
    expect(page.get_by_text(label("pub_intro"))).to_be_visible()
    expect(page.locator("[data-testid=\"stPlotlyChart\"]")).to_have_count(4)
    wait_for_app(page)
    expect(page.get_by_label(label("login_password"))).to_have_count(0)
    expect(page.locator('[data-testid="stSidebarNav"]')).to_have_count(0)
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "publiek.png"), full_page=True)
    page.goto(f"{public_server}/wachttijden")
    expect(page.get_by_label(label("login_password"))).to_be_visible()
    wait_for_app(page)
    expect(page.locator("h1")).to_have_text([label("app_title")])


@pytest.mark.browser
def test_public_page_off_does_not_exist(login_server, page):
    from playwright.sync_api import expect

    _warm(page, login_server)
    expect(page.get_by_role("link", name=label("pub_login_link"))).to_have_count(0)
    page.goto(f"{login_server}/publiek")
    expect(page.get_by_label(label("login_password"))).to_be_visible()
    wait_for_app(page)
    expect(page.get_by_text(label("pub_title"))).to_have_count(0)
