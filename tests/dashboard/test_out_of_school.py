"""Thuiszitters: tiles and charts equal `out_of_school`, `out_of_school_by_kind` and
`out_of_school_reasons` for the same filters and role."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.formatting import number
from dashboard.geo import municipality_name
from dashboard.labels import code_label, code_labels, label
from etl.settings import get_settings
from queries import run_query
from tests.dashboard.apptest import charts, metrics, open_app, values

ROOT = Path(__file__).resolve().parents[2]


def open_page(role: str | None = None, **params: str) -> AppTest:
    return open_app("out_of_school.py", role, **params)


def expected(year: str, role: str = "kwaliteit") -> dict[str, str]:
    row = run_query("out_of_school", role=role).filter(school_year=year).row(0, named=True)
    return {
        label("out_of_school_title"): number(row["pupils_out_of_school"]),
        label("per_1000_pupils"): number(row["per_1000_pupils"], 1),
        label("exempted"): number(row["pupils_exempted"]),
    }


def test_figures_equal_the_queries_and_follow_the_year(use_demo):
    at = open_page(school_year="2024-2025")
    assert metrics(at) == expected("2024-2025")
    specs = charts(at)
    trend = run_query("out_of_school")
    assert values(specs["per_1000"]["data"][0]["y"]) == trend["per_1000_pupils"].to_list()
    target = get_settings().targets["out_of_school_per_1000"]
    assert number(target, 1) in specs["per_1000"]["layout"]["title"]["text"]
    reasons = run_query("out_of_school_reasons", {"school_year": "2024-2025", "limit": 10})
    assert values(specs["reasons"]["data"][0]["x"]) == reasons["pupils"].to_list()
    # another school year: other figures
    at.selectbox(key="school_year").set_value("2025-2026").run()
    assert metrics(at) == expected("2025-2026")
    assert metrics(at) != expected("2024-2025")


def test_the_gemeente_filter_applies_to_kind_and_duration(use_demo):
    at = open_page(school_year="2025-2026", municipality_code="GM0193")
    by_kind = run_query("out_of_school_by_kind", {"municipality_code": "GM0193"})
    codes = {name: code for code, name in code_labels("out_of_school_kind").items()}
    specs = charts(at)
    for key, column in (("by_kind", "pupils"), ("duration", "median_duration_days")):
        for trace in specs[key]["data"]:
            expected_values = by_kind.filter(kind=codes[trace["name"]])[column].to_list()
            assert values(trace["y"]) == expected_values, (key, trace["name"])
    # the per-1,000 figures have no gemeente filter: the page says so
    note = label("os_region_note", municipality=municipality_name("GM0193"))
    assert note in [c.value for c in at.caption]
    assert metrics(at) == expected("2025-2026")


def test_an_empty_warehouse_gets_a_dutch_message():
    at = open_page()
    assert label("no_data") in [i.value for i in at.info]
    assert not at.get("plotly_chart")


def test_bestuur_sees_no_small_counts(use_demo):
    min_cell = get_settings().min_cell
    at = open_page(role="bestuur", school_year="2024-2025")
    for title, value in metrics(at).items():
        if title != label("per_1000_pupils"):
            assert value == "–" or int(value.replace(".", "")) >= min_cell, (title, value)
    assert metrics(at) == expected("2024-2025", role="bestuur")
    for trace in charts(at).get("by_kind", {"data": []})["data"]:
        shown = [v for v in values(trace["y"]) if v is not None]
        assert all(v >= min_cell for v in shown), shown
    # the reasons are free text (they may hold names): not shown to bestuur at all
    assert "reasons" not in charts(at)
    assert label("os_reasons_header") not in [h.value for h in at.subheader]
    notes = [c.value for c in at.caption] + [i.value for i in at.info]
    assert label("suppressed", min_cell=min_cell) in notes


@pytest.mark.parametrize("role", ["kwaliteit", "bestuur"])
def test_the_census_table_equals_the_query(use_demo, role):
    at = open_page(role, school_year="2024-2025")
    census = run_query("out_of_school_census", {"school_year": "2024-2025"}, role=role)
    table = next(d.value for d in at.dataframe if label("os_col_at_start") in d.value.columns)
    assert table[label("os_col_total")].tolist() == [
        number(v) if v is not None else "–" for v in census["total"]]
    assert table[label("os_col_over_3_months")].tolist() == [
        number(v) if v is not None else "–" for v in census["over_3_months"]]
    kinds = table[label("rpt_col_kind")].tolist()
    assert kinds == [code_labels("out_of_school_kind")[k] for k in census["kind"]]
    assert table[label("rpt_col_article")].tolist() == [
        code_label("exemption_article", a) if a is not None else "–"
        for a in census["exemption_article"]]
    assert "exemption" in census["kind"].to_list()  # the demo has exemptions with an article
