"""Dekkend aanbod's TLV, forecast, grensverkeer and cost sections, equal to their queries and to
queries/forecast.py for the same role (demo: 3 school years up to 2025-2026, all complete)."""

from __future__ import annotations

import json

import polars as pl
from streamlit.testing.v1 import AppTest

from dashboard.formatting import euro, number
from dashboard.labels import code_label, label
from etl.settings import get_settings
from queries import run_query
from queries.forecast import forecast_next_year
from tests.dashboard.apptest import metrics, open_app

YEAR, NEXT, PEIL = "2025-2026", "2026-2027", "2026-06-30"  # the last month end before year end


def open_page(role: str | None = None) -> AppTest:
    at = open_app("coverage.py", role, school_year=YEAR)
    assert not at.error
    return at


def history(role: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    years = sorted(run_query("filter_school_years", role=role)["school_year"])
    admissions = run_query("admissions", role=role).filter(pl.col("school_year").is_in(years))
    demand = pl.concat([run_query("coverage", {"school_year": y}, role=role).select(
        pl.lit(y).alias("school_year"), "municipality_code", "need_category", "demand")
        for y in years])
    return admissions, demand


def test_sections_equal_their_queries(use_demo):
    at = open_page()
    headings = [s.value for s in at.subheader]
    assert label("fc_heading", year=NEXT) in headings
    assert label("bt_heading") in headings
    # no offers of 2026-2027 in the demo: the page says so
    assert label("fc_no_capacity", year=NEXT) in [i.value for i in at.info]
    shown = metrics(at)
    rolling = run_query("admissions_rolling", {"as_of": PEIL})
    for row in rolling.iter_rows(named=True):
        name = label("tlv_rolling_metric", type=code_label("request_type", row["request_type"]))
        assert shown[name] == number(row["per_1000_pupils"], 1)
    cost = run_query("network_cost", {"school_year": YEAR})
    assert shown[label("nc_cost")] == euro(cost["cost_eur"].sum())
    assert shown[label("nc_places")] == number(cost["places"].sum())
    # the forecast markers: one per TLV type at 2026-2027, at the forecast's point
    admissions, demand = history("kwaliteit")
    expected = forecast_next_year(admissions, ["request_type"], "granted", NEXT)
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    markers = [t for s in specs for t in s["data"] if t.get("x") == [NEXT]]
    assert sorted(t["y"][0] for t in markers) == sorted(expected["point"].to_list())
    # the demand table holds every gemeente × need with its forecast
    table = next(d.value for d in at.dataframe if "interval" in d.value.columns)
    forecast = forecast_next_year(demand, ["municipality_code", "need_category"], "demand", NEXT)
    assert len(table) == forecast.height
    assert sorted(table["point"].round(6)) == sorted(forecast["point"].round(6).to_list())
    # grensverkeer as the query has it
    border = run_query("border_traffic", {"school_year": YEAR})
    frame = next(d.value for d in at.dataframe if label("bt_col_balance") in d.value.columns)
    assert frame[label("bt_col_balance")].tolist() == border["balance"].to_list()


def test_bestuur_sees_no_forecast_from_small_counts(use_demo):
    at = open_page("bestuur")
    _, demand = history("bestuur")
    forecast = forecast_next_year(demand, ["municipality_code", "need_category"], "demand", NEXT,
                                  min_cell=get_settings().min_cell)
    hidden = forecast["suppressed"].sum()
    assert hidden > 0  # the small demo has gemeenten × needs with fewer than 5 pupils
    assert label("fc_suppressed", n=number(hidden), min_cell=5) in [c.value for c in at.caption]
    table = next(d.value for d in at.dataframe if "interval" in d.value.columns)
    # a hidden series has no point in the table
    assert table["point"].isna().sum() == hidden
