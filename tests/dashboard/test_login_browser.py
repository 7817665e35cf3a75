"""Logins and roles in a real browser: each role sees exactly its pages; refusals hold.

Every assertion is a Playwright `expect`, which waits (up to EXPECT_TIMEOUT) for the state it
asserts: after a login the sidebar's "Ingelogd als" or the refusal, never a snapshot of the
page taken while the login's run may still be going on."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from dashboard.app.navigation import PAGES
from dashboard.labels import label
from tests.dashboard.conftest import USERS, wait_for_app

pytestmark = pytest.mark.browser
NAV = '[data-testid="stSidebarNav"]'


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    yield page
    context.close()


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
    # a new page load is a new session: the login form again, or (should the session survive)
    # straight the navigation; wait for whichever comes
    form, nav = page.get_by_label(label("login_user")), page.locator(NAV)
    expect(form.or_(nav)).to_be_visible()
    if form.is_visible():
        submit_login(page, "bea", USERS["bea"][1])
    expect_signed_in(page, "bea")
    expect(nav).not_to_contain_text(label("page_quality"))
    expect(page.locator("body")).not_to_contain_text(re.compile("quarantaine", re.IGNORECASE))
