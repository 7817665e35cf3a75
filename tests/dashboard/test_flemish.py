"""The Flemish profile: a `pib demo --profile vl` warehouse with `terminology = "vl"` renders every
page with Flemish words, NIS codes and the Flemish map; one browser screenshot of its map."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect
from streamlit.testing.v1 import AppTest

from dashboard.app.navigation import PAGES
from dashboard.geo import municipalities, municipality_names
from dashboard.labels import label
from etl.demo import generate
from etl.load import load
from etl.settings import get_settings
from queries import describe, list_queries
from tests.conftest import ROOT
from tests.dashboard.conftest import SCREENSHOTS, serving, wait_for_app

GENT = ["44021", "44083", "44088", "44019", "44085", "44087", "44086", "44013", "44064"]
CONFIG = ('[organisation]\nname = "Ondersteuningsnetwerk Gent (demo)"\nterminology = "vl"\n\n'
          f"[region]\nmunicipalities = {json.dumps(GENT)}\n")
DUTCH_ONLY = re.compile(r"thuiszit|samenwerkingsverband|\bTLV", re.IGNORECASE)


@pytest.fixture(scope="module")
def vl_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A loaded vl demo warehouse and a pib.toml for it."""
    home = tmp_path_factory.mktemp("vl")
    (home / "pib.toml").write_text(CONFIG, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PIB_CONFIG", str(home / "pib.toml"))
        mp.setenv("PIB_SECRET", "vl-test-secret-of-at-least-32-bytes")
        generate(home / "csv", pupils=4000, years=3, seed=11, profile="vl")
        load([home / "csv"], db=home / "warehouse.duckdb")
    return home


@pytest.fixture
def use_vl(vl_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PIB_DB", str(vl_home / "warehouse.duckdb"))
    monkeypatch.setenv("PIB_CONFIG", str(vl_home / "pib.toml"))
    return vl_home


def texts(at: AppTest) -> str:
    """Every text a user reads on the page, plotly figures included; not the query definitions
    under "Definitie" (the Dutch `definitie:` of the SQL headers, one text for both profiles)."""
    definitions = [describe(name).definitie for name in list_queries()]
    found = []
    for kind in ("title", "subheader", "markdown", "caption", "info", "warning", "metric",
                 "radio", "selectbox", "expander", "tabs"):
        for element in at.get(kind):
            found += [str(getattr(element, a, "") or "") for a in ("label", "value")]
    found = [t for t in found if not any(d in t for d in definitions)]
    # The target of a markdown link is a URL (e.g. the contract's slug `thuiszitters`), not read.
    found = [re.sub(r"\]\([^)]*\)", "]", t) for t in found]
    found += [chart.proto.spec for chart in at.get("plotly_chart")]
    found += [" ".join(map(str, d.value.columns)) + d.value.to_string() for d in at.dataframe]
    return "\n".join(found)


def test_every_page_speaks_flemish(use_vl):
    settings = get_settings()
    assert (settings.terminology, settings.school_year_start) == ("vl", (9, 1))
    assert not [p.title for p in PAGES if DUTCH_ONLY.search(label(p.title))]
    seen = {}
    for page in PAGES:
        at = AppTest.from_file(str(ROOT / "dashboard/app/main.py"), default_timeout=60)
        at.session_state["role"] = "beheer"
        at.run()
        if page.file != "overview.py":
            at.switch_page(f"pages/{page.file}").run()
        assert not at.exception, (page.file, at.exception)
        assert not at.error, page.file
        titles = [t.value for t in at.title]
        assert titles == [label(page.title)]
        assert not DUTCH_ONLY.search(" ".join(titles))
        seen[page.key] = texts(at)
        if page.key == "overview":  # the gemeente filter lists Flemish names
            assert "Gent" in at.selectbox(key="municipality_code").options
    assert label("page_out_of_school") == "Problematische afwezigheid"
    assert "Problematische afwezigheid" in seen["overview"]
    assert "Problematische afwezigheid" in seen["out_of_school"]
    for key in ("overview", "waiting", "reports"):
        assert re.search(r"ondersteuningsvra(ag|gen)", seen[key]), key
    assert "Beslissing binnen 42 dagen" in seen["overview"]
    assert "verslagen" in seen["overview"].lower()
    for key, text in seen.items():
        assert not DUTCH_ONLY.search(text), (key, DUTCH_ONLY.search(text))


def test_the_map_uses_nis_codes_and_cbs_figures_are_said_to_be_dutch_only(use_vl):
    assert len(municipalities()["features"]) == 304
    assert municipality_names()["44021"] == "Gent"
    at = AppTest.from_file(str(ROOT / "dashboard/app/main.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/coverage.py").run()
    assert not at.exception
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    [choropleth, *_] = [t for s in specs for t in s["data"] if t["type"] == "choropleth"]
    assert set(GENT) <= set(choropleth["locations"])
    assert all(re.fullmatch(r"\d{5}", code) for code in choropleth["locations"])
    [names] = [t["text"] for s in specs for t in s["data"]
               if t["type"] == "scattergeo" and t.get("mode") == "text"]
    assert any("Gent" in n for n in names) and any("Merelbeke-Melle" in n for n in names)
    assert label("ctx_not_available") in [i.value for i in at.info]


@pytest.fixture
def vl_server(use_vl: Path, browser) -> Iterator[str]:
    """`pib serve` on the vl warehouse, PIB_CONFIG passed on in its environment; warmed up."""
    assert os.environ["PIB_CONFIG"] == str(use_vl / "pib.toml")
    with serving(use_vl / "warehouse.duckdb", use_vl / "serve.log") as url:
        page = browser.new_page()
        page.goto(url)
        expect(page.locator("h1").first).to_have_text(label("page_overview"))
        wait_for_app(page)
        page.close()
        yield url


@pytest.mark.browser
def test_browser_dekkend_aanbod_draws_the_flemish_map(vl_server, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1900}, locale="nl-BE")
    page = context.new_page()
    try:
        page.goto(f"{vl_server}/dekkend-aanbod")
        # wait (expect) for the drawn page: its title, the navigation, the map's shapes
        expect(page.locator("h1").first).to_have_text("Dekkend aanbod")
        nav = page.locator('[data-testid="stSidebarNav"]')
        expect(nav).to_contain_text("Problematische afwezigheid")
        shapes = page.locator(".js-plotly-plot .choroplethlayer").first.locator("path")
        expect(shapes.nth(len(GENT) - 1)).to_be_attached()
        wait_for_app(page)
        expect(nav).not_to_contain_text("Thuiszitters")
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "vl-dekkend-aanbod.png"), full_page=True)
        # every gemeente of the region is drawn as a shape of its own, not as the inverse of
        # the globe (wrong ring winding fills the whole plot area)
        plot = page.locator(".js-plotly-plot .geo").first.bounding_box()
        for i in range(shapes.count()):
            box = shapes.nth(i).bounding_box()
            assert box is not None and box["width"] < plot["width"] * 0.8
    finally:
        context.close()


def _report_texts(path: Path) -> list[str]:
    """Every text cell of a workbook written by the report code, without the queries' own
    Dutch definitions and titles (from the SQL headers, the same in both profiles)."""
    import openpyxl

    texts = []
    for ws in openpyxl.load_workbook(path).worksheets:
        in_definition = False
        for row in ws.iter_rows(values_only=True):
            for value in row:
                if not isinstance(value, str):
                    continue
                if value.startswith(label("rpt_definition", title="")[:-2]):
                    in_definition = True
                elif value.startswith(label("rpt_source", command="")):
                    in_definition = False
                elif not in_definition:
                    texts.append(value)
    return texts


def test_a_flemish_export_uses_the_flemish_words(use_vl, tmp_path):
    from dashboard.report import build_report, write_report
    from queries import run_query

    year = run_query("kpi_headline", role="bestuur")["school_year"][-1]
    path = write_report(build_report("inspectie", year, role="bestuur"), "xlsx",
                        tmp_path / "vl.xlsx")
    texts = _report_texts(path)
    words = " ".join(texts)
    # GLOSSARY: beslissing (not besluit), ondersteuningsvraag (not aanmelding), verslag (not TLV)
    assert {"Beslissingen", "Nog geen beslissing",
            "Ondersteuningsvragen naar type en beslissing"} <= set(texts)
    assert "Ondersteuningsvragen" in words and "Verslagen per 1.000 leerlingen" in words
    assert "Ondersteuningsnetwerk" in texts
    assert not re.search(r"besluit|aanmelding|samenwerkingsverband|thuiszit|\bTLV",
                         words, re.IGNORECASE), re.search(
        r".{40}(besluit|aanmelding|samenwerkingsverband|thuiszit|\bTLV).{40}", words,
        re.IGNORECASE)
