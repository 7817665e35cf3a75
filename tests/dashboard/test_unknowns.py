"""Pages show `unknown` gemeente and need as their own labelled group, the map says how many
pupils it cannot place, and Datakwaliteit lists references to unknown schools: the hand-worked
values of tests/data/unknowns/README.md."""

from __future__ import annotations

import pytest

from dashboard.labels import label
from dashboard.tables import inspection_tables
from etl.load import load
from queries import run_query
from tests.conftest import TEST_DATA
from tests.dashboard.apptest import charts, open_app

YEAR = "2024-2025"


@pytest.fixture
def unknowns(warehouse):
    assert load([TEST_DATA / "unknowns"], db=warehouse).quarantined == 0
    return warehouse


def test_coverage_page_shows_onbekend_and_the_map_says_how_many(unknowns):
    at = open_app("coverage.py", school_year=YEAR)
    rows = {(r["municipality"], r["need_category_label"], int(r["demand"]), int(r["capacity"]))
            for r in at.dataframe[0].value.to_dict("records")}
    assert rows == {("Kampen", "Onbekend", 1, 2), ("Zwolle", "Leren", 2, 3),
                    ("Onbekend", "Gedrag", 1, 0), ("Onbekend", "Leren", 2, 0)}
    # the map shows the need with the largest gap (learning): 2 pupils without a gemeente
    assert label("cov_map_unknown", n="2") in [c.value for c in at.caption]


def test_need_filter_offers_onbekend(unknowns):
    at = open_app("coverage.py", school_year=YEAR, need_category="unknown")
    rows = [(r["municipality"], r["need_category_label"])
            for r in at.dataframe[0].value.to_dict("records")]
    assert rows == [("Kampen", "Onbekend")]
    # no pupil of an unknown need lacks a gemeente: no caption about the map
    captions = [c.value for c in at.caption]
    assert not any("zonder gemeente" in c for c in captions)


def test_quality_page_lists_unknown_schools(unknowns):
    at = open_app("quality.py", "kwaliteit")
    table = next(d.value for d in at.dataframe if label("dq_unknown_ids") in d.value.columns)
    assert table[label("dq_unknown_ids")].tolist() == ["S9", "S8", "S7, S9", "S6"]
    assert table[label("dq_unknown_rows")].tolist() == ["1", "1", "2", "1"]
    assert table[label("dq_ref_column")].tolist() == [
        "school", "school van plaatsing", "school", "school"]


def test_inspection_tables_label_unknown_rows(unknowns):
    tables = {t.key: t for t in inspection_tables(YEAR)}
    coverage = tables["coverage"]
    frame = run_query("coverage", coverage.params)
    shown = [tuple(c.text(r[c.source]) for c in coverage.columns[1:3])
             for r in frame.iter_rows(named=True)]
    assert shown == [("Kampen", "Onbekend"), ("Zwolle", "Leren"), ("Onbekend", "Gedrag"),
                     ("Onbekend", "Leren")]
    decisions = tables["referrals_by_decision"]
    frame = run_query("referrals_by_decision", decisions.params).filter(school_year=YEAR)
    column = decisions.columns[1]
    assert ("Onbekend", 1) in {(column.text(r["decision"]), r["referrals"])
                               for r in frame.iter_rows(named=True)}


def test_waiting_page_shows_unknown_need_as_onbekend(unknowns):
    at = open_app("waiting.py", school_year=YEAR)
    bars = charts(at)["per_need"]["data"][0]
    shown = dict(zip(bars["y"], bars["text"], strict=True))
    assert shown["Onbekend"] == "50% (n=2)"  # 5 and 60 days, norm 42
    assert shown["Leren"] == "100% (n=5)"
