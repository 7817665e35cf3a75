"""Wachttijden: tiles, charts and the open waiting list equal the named queries for the same
filters, peildatum and role; the spring/summer peak of the demo is named in a chart title."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from streamlit.testing.v1 import AppTest

from dashboard.formatting import number, percent
from dashboard.labels import label
from etl.settings import get_settings
from queries import run_query
from tests.dashboard.apptest import charts, metrics, open_app, values

ROOT = Path(__file__).resolve().parents[2]
YEAR = "2024-2025"


def open_page(role: str | None = None, **params: str) -> AppTest:
    return open_app("waiting.py", role, **params)


def day_count(value: float | None) -> str:
    return number(value, 0 if value is None or value % 1 == 0 else 1)


def default_as_of(year: str) -> date:
    return min(get_settings().school_year_bounds(year)[1], date.today())


def expected_tiles(row: dict) -> dict[str, str]:
    s = get_settings()
    return {
        label("decided"): number(row["decided"]),
        label("within_days", days=s.decision_days): percent(row["within_norm_share"]),
        label("within_days", days=s.decision_days + s.extension_days):
            percent(row["within_extension_share"]),
        label("median_days"): day_count(row["median_days"]),
        label("wt_tile_p90"): day_count(row["p90_days"]),
    }


def expected_open(as_of: date, role: str = "kwaliteit", **filters: str) -> dict[str, str]:
    row = run_query("open_referrals", {"as_of": as_of.isoformat(), **filters},
                    role=role).row(0, named=True)
    return {
        label("wt_open_total"): number(row["open_total"]),
        label("open_over_6_weeks"): number(row["open_over_6_weeks"]),
        label("open_over_10_weeks"): number(row["open_over_10_weeks"]),
        label("oldest_days"): day_count(row["oldest_days"]),
    }


def test_figures_equal_the_queries_and_the_peak_is_named(use_demo):
    at = open_page(school_year=YEAR)
    shown = metrics(at)
    row = run_query("waiting_summary").filter(school_year=YEAR).row(0, named=True)
    for title, value in expected_tiles(row).items():
        assert shown[title] == value, title
    as_of = default_as_of(YEAR)
    for title, value in expected_open(as_of).items():
        assert shown[title] == value, title
    assert at.query_params["as_of"] == as_of.isoformat()  # the peildatum is in the link
    specs = charts(at)
    # the demo's referrals received May–July wait longest: the board reads it in the title
    assert "mei t/m juli" in specs["monthly"]["layout"]["title"]["text"]
    dist = run_query("waiting_distribution", {"school_year": YEAR}).filter(
        measure="received_to_decided")
    decided = specs["distribution"]["data"][0]
    assert values(decided["y"]) == dist["share"].to_list()
    assert values(decided["customdata"]) == dist["referrals"].to_list()
    # the 42- and 70-day lines are drawn
    lines = [a["text"] for a in specs["monthly"]["layout"]["annotations"]]
    assert label("wt_norm_line", days=42) in lines and label("wt_ext_line", days=70) in lines


def test_filters_change_the_figures(use_demo):
    at = open_page(school_year=YEAR, municipality_code="GM0193", need_category="learning")
    shown = metrics(at)
    params = {"municipality_code": "GM0193", "need_category": "learning"}
    row = run_query("waiting_summary", {"school_year": YEAR, **params}).row(0, named=True)
    assert shown[label("decided")] == number(row["decided"])
    whole = run_query("waiting_summary", {"school_year": YEAR}).row(0, named=True)
    assert shown[label("decided")] != number(whole["decided"])
    for title, value in expected_open(default_as_of(YEAR), **params).items():
        assert shown[title] == value, title
    inflow = run_query("referral_inflow_monthly", params)
    bars = charts(at)["inflow"]["data"]
    assert sum(sum(values(bar["y"])) for bar in bars) == inflow["received"].sum()


def test_the_peildatum_comes_from_the_link_and_the_date_field(use_demo):
    at = open_page(school_year=YEAR, as_of="2025-03-31")
    shown = metrics(at)
    for title, value in expected_open(date(2025, 3, 31)).items():
        assert shown[title] == value, title
    at.date_input(key="as_of").set_value(date(2024, 12, 2)).run()
    assert not at.exception
    shown = metrics(at)
    for title, value in expected_open(date(2024, 12, 2)).items():
        assert shown[title] == value, title
    assert at.query_params["as_of"] == "2024-12-02"


def test_bestuur_picks_the_peildatum_from_month_ends_only(use_demo):
    """CONTRACT §4: for a suppressed role as_of takes month ends only; a day from the link moves
    back to the month end before it, and the field offers nothing else."""
    at = open_page(role="bestuur", school_year=YEAR, as_of="2025-03-15")
    assert not at.exception
    picker = at.selectbox(key="as_of")
    assert picker.value == date(2025, 2, 28)
    offered = [datetime.strptime(o, "%d-%m-%Y").date() for o in picker.options]
    assert all((d + timedelta(days=1)).day == 1 for d in offered)
    assert date(2025, 7, 31) in offered and date(2024, 8, 31) in offered
    shown = metrics(at)
    for title, value in expected_open(date(2025, 2, 28), role="bestuur").items():
        assert shown[title] == value, title
    assert at.query_params["as_of"] == "2025-02-28"
    assert not at.date_input  # no free date for bestuur


def test_an_empty_warehouse_gets_a_dutch_message():
    at = open_page()
    assert label("no_data") in [i.value for i in at.info]
    assert not at.get("plotly_chart")


def test_bestuur_sees_no_small_counts(use_demo):
    min_cell = get_settings().min_cell
    at = open_page(role="bestuur", school_year=YEAR, municipality_code="GM0177",
                   need_category="sensory")
    counts = [label("decided"), label("wt_open_total"), label("open_over_6_weeks"),
              label("open_over_10_weeks")]
    for title in counts:
        value = metrics(at)[title]
        assert value == "–" or int(value.replace(".", "")) >= min_cell, (title, value)
    specs = charts(at)
    for key, axis in (("inflow", "y"), ("ageing", "x")):
        for trace in specs.get(key, {"data": []})["data"]:
            shown = [v for v in values(trace[axis]) if v is not None]
            assert all(v >= min_cell for v in shown), (key, shown)
    for trace in specs.get("distribution", {"data": []})["data"]:
        shown = [v for v in values(trace["customdata"]) if v is not None]
        assert all(v >= min_cell for v in shown)
    notes = [c.value for c in at.caption] + [i.value for i in at.info]
    assert label("suppressed", min_cell=min_cell) in notes
