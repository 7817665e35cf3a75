"""Dekkend aanbod: heatmap, map, table and trend, equal to `coverage` for the same filters."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from dashboard.geo import municipality_name
from dashboard.labels import code_label, label
from etl.settings import get_settings
from queries import run_query
from tests.dashboard.apptest import open_app

ROOT = Path(__file__).resolve().parents[2]
YEAR = "2025-2026"


def open_page(role: str | None = None, **params: str) -> AppTest:
    at = open_app("coverage.py", role, **params)
    assert [t.value for t in at.title] == [label("page_coverage")]
    return at


def table_rows(at: AppTest) -> set[tuple]:
    frame = at.dataframe[0].value  # the page's columns; Dutch headers are column_config
    return {
        (r["municipality"], r["need_category_label"],
         None if r["demand"] != r["demand"] else int(r["demand"]),  # NaN: suppressed
         int(r["capacity"]))
        for r in frame.to_dict("records")
    }


def query_rows(role: str = "kwaliteit", municipality: str | None = None) -> set[tuple]:
    frame = run_query("coverage", {"school_year": YEAR}, role=role)
    if municipality:
        frame = frame.filter(municipality_code=municipality)
    return {
        (municipality_name(r["municipality_code"]), code_label("need_category", r["need_category"]),
         r["demand"], r["capacity"])
        for r in frame.iter_rows(named=True)
    }


def figures(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def test_table_heatmap_and_map_equal_the_query(use_demo):
    at = open_page(school_year=YEAR)
    assert table_rows(at) == query_rows()
    specs = figures(at)
    kinds = [trace["type"] for spec in specs for trace in spec["data"]]
    assert "heatmap" in kinds and "choropleth" in kinds and "bar" in kinds
    # the map shows the region's gemeenten, and gets an offline base map
    choropleth = next(t for s in specs for t in s["data"] if t["type"] == "choropleth")
    assert set(get_settings().municipalities) <= set(choropleth["locations"])
    # the heatmap title names the largest gap, as the query has it
    gaps = run_query("coverage", {"school_year": YEAR}).sort("gap", descending=True)
    top = gaps.row(0, named=True)
    heat = next(s for s in specs if s["data"][0]["type"] == "heatmap")
    assert municipality_name(top["municipality_code"]) in heat["layout"]["title"]["text"]


def test_a_filter_change_changes_the_figures(use_demo):
    all_rows = table_rows(open_page(school_year=YEAR))
    kampen = table_rows(open_page(school_year=YEAR, municipality_code="GM0166"))
    assert kampen == query_rows(municipality="GM0166")
    assert kampen < all_rows
    earlier = open_page(school_year="2024-2025")
    assert table_rows(earlier) != all_rows


def test_empty_warehouse_shows_a_dutch_message():
    at = open_page()
    assert label("no_data") in [i.value for i in at.info]
    assert not at.get("plotly_chart")


def test_bestuur_sees_no_small_counts(use_demo):
    min_cell = get_settings().min_cell
    exact = table_rows(open_page(school_year=YEAR))
    assert any(d is not None and 0 < d < min_cell for _, _, d, _ in exact)  # small groups exist
    at = open_page(role="bestuur", school_year=YEAR)
    rows = table_rows(at)
    assert rows == query_rows(role="bestuur")
    assert all(d is None or d >= min_cell for _, _, d, _ in rows)
    assert label("suppressed", min_cell=min_cell) in [c.value for c in at.caption]
