"""Logins and roles in a real browser: each role sees exactly its pages; refusals hold.

Every assertion is a Playwright `expect`, which waits (up to EXPECT_TIMEOUT) for the state it
asserts: after a login the sidebar's "Ingelogd als" or the refusal, never a snapshot of the
page taken while the login's run may still be going on."""

from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import expect

from dashboard import access
from dashboard.app.navigation import PAGES
from dashboard.labels import label
from tests.dashboard.conftest import SCREENSHOTS, USERS, serving, wait_for_app

pytestmark = pytest.mark.browser
NAV = '[data-testid="stSidebarNav"]'


def submit_login(page, name: str, password: str) -> None:
    """Fill in the login form once it is shown, and send it."""
    user = page.get_by_label(label("login_user"))
    expect(user).to_be_visible()
    user.fill(name)
    page.get_by_label(label("login_password")).fill(password)
    page.get_by_role("button", name=label("login_button")).click()


def expect_signed_in(page, name: str) -> None:
    """Wait until the run after the login has drawn the sidebar with the user and the role's
    navigation, and has ended."""
    role = USERS[name][0]
    expect(page.get_by_text(label("signed_in_as", user=name, role=role))).to_be_visible()
    titles = [label(p.title) for p in PAGES if role in p.roles]
    # each link reads "<icon name> <title>"
    expect(page.locator(f"{NAV} a")).to_have_text(
        [re.compile(rf"(^|\s){re.escape(t)}\s*$") for t in titles], use_inner_text=True)
    wait_for_app(page)


@pytest.mark.parametrize("name", list(USERS))
def test_each_role_sees_exactly_its_pages(login_server, page, name):
    page.goto(login_server)
    submit_login(page, name, USERS[name][1])
    expect_signed_in(page, name)
    expect(page.get_by_label(label("login_user"))).to_have_count(0)


def test_a_wrong_password_is_refused(login_server, page):
    page.goto(login_server)
    submit_login(page, "kim", "niet-het-wachtwoord")
    expect(page.get_by_text(label("login_failed"))).to_be_visible()
    wait_for_app(page)
    expect(page.locator(NAV)).to_have_count(0)
    expect(page.get_by_label(label("login_user"))).to_be_visible()


def test_a_direct_url_to_a_forbidden_page_is_refused(login_server, page):
    page.goto(login_server)
    submit_login(page, "bea", USERS["bea"][1])
    expect_signed_in(page, "bea")
    page.goto(f"{login_server}/datakwaliteit")
    wait_for_app(page)
    if page.locator('[data-testid="stSidebarNav"]').count() == 0:  # new session: login again
        page.get_by_label(label("login_user")).fill("bea")
        page.get_by_label(label("login_password")).fill(USERS["bea"][1])
        page.get_by_role("button", name=label("login_button")).click()
        wait_for_app(page)
    body = page.inner_text("body")
    assert label("page_quality") not in page.locator('[data-testid="stSidebarNav"]').inner_text()
    assert "quarantaine" not in body.lower()


def fill_login(page, name: str, password: str) -> None:
    """Fill the login form that is shown and send it (a full page load follows)."""
    page.get_by_label(label("login_user")).fill(name)
    page.get_by_label(label("login_password")).fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name=label("login_button")).click()
    wait_for_app(page)


def expect_logged_out(page) -> None:
    """Wait until the run that follows a logout or a removal shows the login form and no
    navigation (a snapshot taken before that run ends would still show the old page)."""
    expect(page.get_by_label(label("login_password"))).to_have_count(1, timeout=60_000)
    expect(page.locator('[data-testid="stSidebarNav"] a')).to_have_count(0, timeout=60_000)
    wait_for_app(page)


def nav_links(page) -> list[str]:
    return [n.strip().splitlines()[-1]
            for n in page.locator('[data-testid="stSidebarNav"] a').all_inner_texts()]


def test_a_deep_link_survives_the_login_and_the_login_survives_a_reload(login_server, page):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.goto(login_server)  # warm-up: a fresh server knows its pages after one run (#9624)
    wait_for_app(page)
    link = f"{login_server}/wachttijden?school_year=2023-2024&as_of=2024-03-15"
    page.goto(link)
    wait_for_app(page)
    assert page.url == link and nav_links(page) == []
    assert label("page_waiting") not in [h.strip() for h in page.locator("h1").all_inner_texts()]
    page.screenshot(path=str(SCREENSHOTS / "login-deep-link-form.png"))
    fill_login(page, "kim", USERS["kim"][1])
    assert page.url == link
    assert page.locator("h1").first.inner_text().strip() == label("page_waiting")
    assert page.locator('[data-testid="stDateInput"] input').input_value() == "2024-03-15"
    year = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first
    assert "2023-2024" in year.inner_text() + year.locator("input").input_value()
    cookie = next(c for c in page.context.cookies() if c["name"] == "pib_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    page.screenshot(path=str(SCREENSHOTS / "login-deep-link-landed.png"))
    page.reload()
    wait_for_app(page)
    assert label("signed_in_as", user="kim", role="kwaliteit") in page.inner_text("body")
    assert page.locator("h1").first.inner_text().strip() == label("page_waiting")
    page.screenshot(path=str(SCREENSHOTS / "login-after-reload.png"))
    page.get_by_role("button", name=label("logout")).click()
    expect_logged_out(page)
    page.reload()
    expect_logged_out(page)


def test_a_role_change_and_a_removal_reach_an_open_session(login_server, login_db, page):
    db = login_db
    access.add_user("tijdelijk", "kwaliteit", "wachtwoord-tijdelijk", db=db)
    page.goto(login_server)
    wait_for_app(page)
    fill_login(page, "tijdelijk", "wachtwoord-tijdelijk")
    assert label("page_quality") in nav_links(page)
    access.set_role("tijdelijk", "bestuur", db=db)
    page.locator('[data-testid="stSidebarNav"] a').first.click()  # the next interaction
    expect(page.locator("body")).to_contain_text(
        label("signed_in_as", user="tijdelijk", role="bestuur"), timeout=60_000)
    wait_for_app(page)
    assert label("page_quality") not in nav_links(page)
    access.remove_user("tijdelijk", db=db)
    page.locator('[data-testid="stSidebarNav"] a').first.click()
    expect(page.locator("body")).to_contain_text(label("login_ended"), timeout=60_000)
    expect_logged_out(page)


def test_a_server_with_users_stays_closed_when_the_store_is_moved_away(demo_db, tmp_path, browser):
    db = tmp_path / "warehouse.duckdb"
    shutil.copyfile(demo_db, db)
    access.add_user("kim", "kwaliteit", USERS["kim"][1], db=db)
    store = access.access_path(db)
    with serving(db, tmp_path / "serve.log") as url:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        page.goto(url)
        wait_for_app(page)
        fill_login(page, "kim", USERS["kim"][1])
        assert label("page_quality") in nav_links(page)
        store.rename(tmp_path / "elders.sqlite")
        for visit in (url, f"{url}/datakwaliteit"):
            page.goto(visit)
            wait_for_app(page)
            assert nav_links(page) == []
            body = page.inner_text("body")
            assert label("login_store_unavailable").split("`")[0] in body  # `code` is rendered
            assert "quarantaine" not in body.lower()
        page.screenshot(path=str(SCREENSHOTS / "login-store-moved.png"))
        context.close()
    assert "127.0.0.1" in (tmp_path / "serve.log").read_text()
