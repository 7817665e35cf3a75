"""Browser tests: a real `pib serve` in headless chromium; screenshots under tests/screenshots/."""

from __future__ import annotations

import re

import pytest

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
    wait_for_app(page)
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{slug or 'overzicht'}.png"), full_page=True)
    assert "not found" not in page.inner_text("body").lower()
    heading = page.locator("h1").first
    assert heading.inner_text().strip() == label(title)
    assert page.locator('[data-testid="stException"]').count() == 0
    if key in CHART_PAGES:
        page.wait_for_selector(".js-plotly-plot", timeout=20_000)
        assert page.locator(".js-plotly-plot").count() >= 2


def test_a_url_with_filters_opens_with_those_filters_applied(app_url, page):
    page.goto(f"{app_url}/wachttijden?school_year=2023-2024&municipality_code=GM0166"
              "&need_category=behaviour")
    wait_for_app(page)
    shown = page.locator('[data-testid="stSidebar"] input').evaluate_all(
        "inputs => inputs.map(i => i.value)")
    assert shown == ["2023-2024", "Kampen", "Gedrag"]
    page.locator('[data-testid="stSidebarNav"] a', has_text=label("page_coverage")).click()
    wait_for_app(page)
    assert re.search(r"school_year=2023-2024", page.url)
    assert "municipality_code=GM0166" in page.url and "need_category=behaviour" in page.url
