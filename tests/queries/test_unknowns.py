"""`unknown` gemeente and need are groups of their own, and references to schools the schools
file does not know are counted: the hand-worked values of tests/data/unknowns/README.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.load import load
from queries import run_query
from queries.layer import QueryError
from tests.conftest import TEST_DATA
from tests.queries.conftest import expect

YEAR = "2024-2025"


@pytest.fixture
def unknowns_db(warehouse: Path) -> Path:
    report = load([TEST_DATA / "unknowns"], db=warehouse)
    assert report.quarantined == 0
    return warehouse


def test_coverage_keeps_unknown_gemeente_and_need(unknowns_db):
    frame = run_query("coverage", {"school_year": YEAR}, db=unknowns_db)
    expect(frame, [
        ("GM0166", "unknown", 1, 2, 0, 2.0),
        ("GM0193", "learning", 2, 3, 0, 1.5),
        ("unknown", "behaviour", 1, 0, 1, 0.0),
        ("unknown", "learning", 2, 0, 2, 0.0),
    ])
    trend = run_query("coverage_trend", {}, db=unknowns_db)
    expect(trend.select("need_category", "demand", "gap"), [
        ("behaviour", 1, 1), ("learning", 4, 2), ("unknown", 1, 0),
    ])


def test_waiting_times_keep_unknown_need(unknowns_db):
    frame = run_query("waiting_times", {"school_year": YEAR}, db=unknowns_db)
    expect(frame, [
        (YEAR, "behaviour", 1, 28.0, 28.0, 1.0),
        (YEAR, "learning", 5, 20.0, 36.0, 1.0),
        (YEAR, "unknown", 2, 32.5, 54.5, 0.5),
    ])


def test_unknown_schools_per_column(unknowns_db):
    frame = run_query("unknown_schools", {}, db=unknowns_db)
    expect(frame, [
        ("enrolments", "school_id", 1, 1, "S9"),
        ("referrals", "placed_school_id", 1, 1, "S8"),
        ("referrals", "school_id", 2, 2, "S7, S9"),
        ("supports", "school_id", 1, 1, "S6"),
    ])


def test_unknown_schools_is_data_quality_only(unknowns_db):
    with pytest.raises(QueryError, match="unknown_schools"):
        run_query("unknown_schools", {}, role="bestuur", db=unknowns_db)
