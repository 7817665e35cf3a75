"""Public context on Dekkend aanbod and Overzicht: CBS participation (region against NL) and the
DUO school points, equal to `participation`, `participation_region` and `school_locations`, on
the excerpts of the real public files in tests/data/public."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.app.context import region_param
from dashboard.formatting import percent
from dashboard.geo import municipality_name
from dashboard.labels import code_label, label
from etl.load import load
from etl.settings import get_settings
from queries import run_query
from tests.conftest import PUBLIC_DATA, ROOT

CBS = PUBLIC_DATA / "speciaal_onderwijs.csv"
DUO = PUBLIC_DATA / "scholen20241122.geo.zip"
CBS_YEAR = "2023-2024"  # the last CBS school year (provisional)


@pytest.fixture(scope="module")
def public_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo warehouse plus the real CBS export and DUO school list."""
    db = tmp_path_factory.mktemp("public") / "warehouse.duckdb"
    shutil.copyfile(demo_db, db)
    load([CBS, DUO], db=db)
    return db


def open_page(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard/app/main.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page != "overview.py":
        at.switch_page(f"pages/{page}").run()
    assert not at.exception, at.exception
    assert not at.error
    return at


def figures(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def traces(at: AppTest, kind: str) -> list[dict]:
    return [t for spec in figures(at) for t in spec["data"] if t["type"] == kind]


def test_dekkend_aanbod_shows_the_query_figures(public_db, monkeypatch):
    monkeypatch.setenv("PIB_DB", str(public_db))
    at = open_page("coverage.py", school_year="2025-2026")
    region = list(get_settings().municipalities)
    per = run_query("participation", {"school_year": CBS_YEAR})
    areas = run_query("participation_region", {"municipalities": region_param()})
    this_year = {r["area"]: r for r in areas.filter(school_year=CBS_YEAR).iter_rows(named=True)}
    # which CBS year, and that it is provisional
    note = label("ctx_year_earlier", cbs=f"{CBS_YEAR}*", year="2025-2026")
    assert any(note in c.value and label("ctx_provisional") in c.value for c in at.caption)
    # the table: the region's gemeenten, the region and NL, exactly as the queries give them
    [table] = [d.value for d in at.dataframe if "pupils_bao" in d.value.columns]
    shown = {r["name"]: r for r in table.to_dict("records")}
    expected = {municipality_name(r["municipality_code"]): r for r in
                per.filter(pl.col("municipality_code").is_in(region)).iter_rows(named=True)}
    expected[label("ctx_region")] = this_year["regio"]
    expected[label("ctx_national")] = this_year["NL"]
    assert set(shown) == set(expected) and len(shown) == len(region) + 2
    for name, row in expected.items():
        for column in ("pupils_bao", "pupils_sbo", "pupils_so", "pupils_vso", "pupils_vo"):
            assert shown[name][column] == row[column], (name, column)
        for column in ("sbo_share", "so_share", "vso_share"):
            assert shown[name][column] == pytest.approx(row[column] * 100), (name, column)
    assert this_year["NL"]["pupils_so"] == per.filter(municipality_code="NL")["pupils_so"][0]
    # the trend: region against NL, every CBS year
    lines = {t["name"]: t for t in traces(at, "scatter")}
    for name, area in ((label("ctx_region"), "regio"), (label("ctx_national"), "NL")):
        assert lines[name]["y"] == pytest.approx(areas.filter(area=area)["so_share"].to_list())
    assert lines[label("ctx_region")]["x"][-1] == f"{CBS_YEAR}*"
    # the national map: every gemeente coloured by its so_share, the region outlined
    national, outline = [t for t in traces(at, "choropleth") if len(t["locations"]) >= 9][-2:]
    gemeenten = per.filter(pl.col("municipality_code").str.starts_with("GM"))
    assert dict(zip(national["locations"], national["z"], strict=True)) == pytest.approx(
        dict(zip(gemeenten["municipality_code"], gemeenten["so_share"], strict=True)))
    assert len(national["locations"]) == 342
    assert sorted(outline["locations"]) == sorted(region)
    assert outline["marker"]["line"]["width"] >= 2
    # the school points on the coverage map: one trace per sector, every school_locations row
    schools = run_query("school_locations")
    points = {t["name"]: t for t in traces(at, "scattergeo") if t.get("mode") == "markers"}
    assert {name: len(t["lat"]) for name, t in points.items()} == {
        code_label("sector", s): n for s, n in schools.group_by("sector").len().iter_rows()}
    assert sum(len(t["lat"]) for t in points.values()) == schools.height == 247
    # another share: the map and the trend follow
    at.radio(key="ctx_measure_coverage").set_value("sbo_share").run()
    national = [t for t in traces(at, "choropleth") if len(t["locations"]) == 342][-1]
    assert dict(zip(national["locations"], national["z"], strict=True)) == pytest.approx(
        dict(zip(gemeenten["municipality_code"], gemeenten["sbo_share"], strict=True)))


def test_overview_line_and_the_same_cbs_year(public_db, monkeypatch):
    monkeypatch.setenv("PIB_DB", str(public_db))
    at = open_page("overview.py", school_year=CBS_YEAR)
    areas = run_query("participation_region", {"municipalities": region_param()})
    rows = {r["area"]: r for r in areas.filter(school_year=CBS_YEAR).iter_rows(named=True)}
    line = label("ctx_line", measure=label("ctx_measure_so_share"),
                 region=percent(rows["regio"]["so_share"], 1),
                 national=percent(rows["NL"]["so_share"], 1))
    assert line in [m.value for m in at.markdown]
    # Vensters' so-share, so / (bao + sbo), of the 2023/'24* lines of the excerpt
    # (tests/data/public/README.md): region 740 / (32160 + 850) = 2.2%; NL 34660 / (34790 + 880)
    # = 97.2%, as most municipalities have only their so line in the excerpt (the whole
    # national file gives about 2.5%).
    assert line == "**SO-deelname regio 2,2% tegen 97,2% landelijk**"
    assert any(label("ctx_year_same", year=f"{CBS_YEAR}*") in c.value for c in at.caption)


def test_without_cbs_data_a_hint_and_no_error(use_demo):
    at = open_page("coverage.py", school_year="2025-2026")
    assert label("ctx_none") in [i.value for i in at.info]
    assert not [t for t in traces(at, "scattergeo") if t.get("mode") == "markers"]
    overview = open_page("overview.py", school_year="2025-2026")
    assert label("ctx_none") in [c.value for c in overview.caption]
