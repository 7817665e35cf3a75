"""Logins and roles in a real browser: each role sees exactly its pages; refusals hold."""

from __future__ import annotations

import pytest

from dashboard.app.navigation import PAGES
from dashboard.labels import label
from tests.dashboard.conftest import USERS, wait_for_app

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def sign_in(page, url: str, name: str, password: str) -> None:
    page.goto(url)
    wait_for_app(page)
    page.get_by_label(label("login_user")).fill(name)
    page.get_by_label(label("login_password")).fill(password)
    page.get_by_role("button", name=label("login_button")).click()
    wait_for_app(page)


@pytest.mark.parametrize("name", list(USERS))
def test_each_role_sees_exactly_its_pages(login_server, page, name):
    role, password, _ = USERS[name]
    sign_in(page, login_server, name, password)
    nav = page.locator('[data-testid="stSidebarNav"] a').all_inner_texts()
    expected = [label(p.title) for p in PAGES if role in p.roles]
    assert [n.strip().splitlines()[-1] for n in nav] == expected
    assert label("signed_in_as", user=name, role=role) in page.inner_text("body")


def test_a_wrong_password_is_refused(login_server, page):
    sign_in(page, login_server, "kim", "niet-het-wachtwoord")
    assert label("login_failed") in page.inner_text("body")
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0


def test_a_direct_url_to_a_forbidden_page_is_refused(login_server, page):
    sign_in(page, login_server, "bea", USERS["bea"][1])
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
