"""Datakwaliteit: load log, freshness, counts and quarantined rows equal their queries; only
the roles kwaliteit and beheer get the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.formatting import number
from dashboard.labels import capital, code_label, label
from etl.load import load
from queries import run_query
from tests.conftest import TEST_DATA

ROOT = Path(__file__).resolve().parents[2]


def open_page(role: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard/app/main.py"), default_timeout=30)
    if role:
        at.session_state["role"] = role
    at.run()
    at.switch_page("pages/quality.py").run()
    assert not at.exception, at.exception
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_figures_equal_the_queries(use_demo):
    at = open_page()
    counts = dict(run_query("table_counts").iter_rows())
    shown = metrics(at)
    assert shown[label("dq_tile_loads")] == number(counts["load_log"])
    assert shown[label("dq_quarantine_rows")] == number(counts["quarantine"])
    freshness, tables, log = (frame.value for frame in at.dataframe[:3])
    fresh = run_query("data_freshness")
    assert freshness[label("dq_rows")].tolist() == [number(n) for n in fresh["rows"]]
    assert freshness[label("dq_file")].tolist() == fresh["last_file"].to_list()
    assert tables[label("dq_rows")].tolist() == [number(n) for n in run_query(
        "table_counts")["rows"]]
    history = run_query("load_history").reverse()  # newest first on the page
    assert log[label("dq_load")].tolist() == history["load_id"].to_list()
    assert log[label("dq_read")].tolist() == [number(n) for n in history["rows_read"]]
    assert log[label("dq_loaded")].tolist() == [number(n) for n in history["rows_loaded"]]
    assert label("dq_no_quarantine") in [s.value for s in at.success]  # the demo is clean


def test_quarantined_rows_are_listed_filtered_and_downloadable(warehouse):
    load([TEST_DATA / "kpi"], db=warehouse)  # two rows quarantined on purpose
    at = open_page(role="beheer")
    rows = at.dataframe[3].value
    expected = run_query("quarantine_rows")
    assert sorted(rows[label("dq_line")].tolist()) == sorted(expected["line"].to_list())
    assert set(rows[label("dq_reason")]) == set(expected["reason"])
    assert set(rows[label("dq_raw")]) == set(expected["raw_values"])
    assert metrics(at)[label("dq_quarantine_rows")] == "2"
    buttons = at.get("download_button")
    assert [b.proto.label for b in buttons] == [label("download_csv")]
    at.selectbox(key="dq_entity").set_value("supports").run()
    rows = at.dataframe[3].value
    assert rows[label("dq_file")].tolist() == ["supports.csv"]
    assert rows[label("dq_line")].tolist() == [8]
    chart = at.get("plotly_chart")[0].proto.spec
    assert code_label("entity", "referrals") in chart and code_label("entity", "supports") in chart


@pytest.mark.parametrize("role", ["bestuur", "school"])
def test_other_roles_are_refused(use_demo, role):
    # not in their navigation ...
    # a suppressed role's first page runs its disclosure bundle (tests/dashboard/apptest.py)
    at = AppTest.from_file(str(ROOT / "dashboard/app/main.py"), default_timeout=300)
    at.session_state["role"] = role
    at.session_state["school_ids"] = ["S001"]
    at.run()
    with pytest.raises(ValueError, match=r"quality\.py"):
        at.switch_page("pages/quality.py")
    # ... and the page itself refuses them when reached anyway
    page = AppTest.from_file(str(ROOT / "dashboard/app/pages/quality.py"), default_timeout=30)
    page.session_state["role"] = role
    page.run()
    assert not page.exception
    assert label("forbidden") in [e.value for e in page.error]
    assert not page.dataframe and not page.metric and not page.get("download_button")


def test_an_empty_warehouse_renders_with_dutch_messages():
    at = open_page()
    assert label("no_data") in [i.value for i in at.info]
    warnings = " ".join(w.value for w in at.warning)
    assert code_label("entity", "referrals") in warnings  # never loaded
    assert not at.get("download_button")
    assert label("dq_no_tariff_none") in [s.value for s in at.success]


def test_offers_without_tariff_are_listed(warehouse):
    # tests/data/figures: OF3 (Zorgaanbieder B, 3 places, 2024-2025) has no tariff
    load([TEST_DATA / "figures"], db=warehouse)
    at = open_page(role="kwaliteit")
    tables = [frame.value for frame in at.dataframe
              if label("dq_offer_ids") in frame.value.columns]
    assert len(tables) == 1
    assert tables[0].to_dict("records") == [{
        capital(label("school_year")): "2024-2025", label("dq_provider"): "Zorgaanbieder B",
        label("dq_offers"): "1", label("dq_places"): "3", label("dq_offer_ids"): "OF3",
    }]
    assert label("dq_no_tariff_caption", offers="1", places="3") in [c.value for c in at.caption]


def test_the_demo_offers_without_tariff_equal_the_query(use_demo):
    at = open_page()
    shown = run_query("quarantine_offers_without_tariff")
    assert shown.height > 0  # the demo leaves some offers without a tariff
    table = next(frame.value for frame in at.dataframe
                 if label("dq_offer_ids") in frame.value.columns)
    assert table[label("dq_offer_ids")].tolist() == shown["offer_ids"].to_list()
    assert label("dq_no_tariff_none") not in [s.value for s in at.success]
