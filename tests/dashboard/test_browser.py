"""Browser tests: a real `pib serve` in headless chromium; screenshots under tests/screenshots/.

Every assertion is a Playwright `expect`, which waits (up to EXPECT_TIMEOUT) for the state it
asserts; absences are checked only after the expected page has been drawn and its run ended."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from dashboard.app.navigation import PAGES
from dashboard.labels import label
from tests.dashboard.conftest import SCREENSHOTS, wait_for_app

pytestmark = pytest.mark.browser
CHART_PAGES = {"overview", "coverage", "waiting", "prevention", "out_of_school", "outcomes"}


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize(("key", "slug", "title"), [
    (p.key, "" if p is PAGES[0] else p.slug, p.title) for p in PAGES if p.key != "admin"
])
def test_every_page_shows_its_title_and_charts(app_url, page, key, slug, title):
    page.goto(f"{app_url}/{slug}?school_year=2024-2025")  # the default page lives at /
    expect(page.locator("h1").first).to_have_text(label(title))
    if key in CHART_PAGES:
        expect(page.locator(".js-plotly-plot").nth(1)).to_be_attached()  # at least two charts
    wait_for_app(page)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(page.locator("body")).not_to_contain_text(re.compile("not found", re.IGNORECASE))
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{slug or 'overzicht'}.png"), full_page=True)


def test_a_url_with_filters_opens_with_those_filters_applied(app_url, page):
    page.goto(f"{app_url}/wachttijden?school_year=2023-2024&municipality_code=GM0166"
              "&need_category=behaviour")
    expect(page.locator("h1").first).to_have_text(label("page_waiting"))
    inputs = page.locator('[data-testid="stSidebar"] input')
    expect(inputs).to_have_count(3)
    for i, value in enumerate(["2023-2024", "Kampen", "Gedrag"]):
        expect(inputs.nth(i)).to_have_value(value)
    wait_for_app(page)
    page.locator('[data-testid="stSidebarNav"] a', has_text=label("page_coverage")).click()
    expect(page.locator("h1").first).to_have_text(label("page_coverage"))
    for param in ("school_year=2023-2024", "municipality_code=GM0166",
                  "need_category=behaviour"):
        expect(page).to_have_url(re.compile(re.escape(param)))
