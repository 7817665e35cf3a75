"""The case-register queries on the hand-made set tests/data/cases (worked in its README)."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.load import load
from queries import QueryError, run_query
from tests.conftest import TEST_DATA
from tests.queries.conftest import expect

YEAR = {"school_year": "2024-2025"}


@pytest.fixture(scope="module")
def cases_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cases") / "wh.duckdb"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PIB_SECRET", "cases-test-secret-0123456789abcdefgh")
        assert load([TEST_DATA / "cases"], db=db).quarantined == 0
    return db


def test_cases_summary(cases_db):
    expect(run_query("cases_summary", YEAR, db=cases_db), [
        ("care_education", "withdrawn", 1, 0.0),
        ("no_fitting_place", "care_combination", 1, 130.0),
        ("no_fitting_place", "open", 1, None),
        ("no_fitting_place", "placed_special", 5, 100.0),
        ("out_of_school", "open", 1, None),
        ("out_of_school", "placed_regular", 1, 30.0),
        ("transport", "placed_regular", 1, 10.0),
    ])


def test_cases_summary_for_the_board_hides_the_small_groups_and_their_complement(cases_db):
    """Six groups of 1 are hidden; placed_special (5) is hidden as well, because cases_trend
    shows no_fitting_place 2024-2025 = 7 to the board: 7 - 5 = 2 would give the two hidden
    no_fitting_place groups together (care_combination 1 + open 1), a group of 2."""
    frame = run_query("cases_summary", YEAR, role="bestuur", db=cases_db)
    assert frame.height == 7 and frame["suppressed"].all()
    assert frame["cases"].null_count() == frame["median_days_open"].null_count() == 7
    trend = run_query("cases_trend", role="bestuur", db=cases_db)
    assert trend.filter(school_year="2024-2025", problem_type="no_fitting_place")[
        "cases"].to_list() == [7]


def test_cases_summary_needs_a_school_year(cases_db):
    with pytest.raises(QueryError, match="school_year is verplicht"):
        run_query("cases_summary", db=cases_db)


def test_cases_trend(cases_db):
    expect(run_query("cases_trend", db=cases_db), [
        ("2022-2023", "no_fitting_place", 1),
        ("2022-2023", "support_not_offered", 1),
        ("2023-2024", "no_fitting_place", 2),
        ("2023-2024", "out_of_school", 1),
        ("2024-2025", "care_education", 1),
        ("2024-2025", "no_fitting_place", 7),
        ("2024-2025", "out_of_school", 2),
        ("2024-2025", "transport", 1),
        ("2025-2026", "other", 1),
    ])


def test_cases_by_requester(cases_db):
    expect(run_query("cases_by_requester", YEAR, db=cases_db), [
        ("attendance_officer", 2, 60.5),
        ("care", 1, 91.0),
        ("parents", 4, 52.5),
        ("school", 4, 1.0),
    ])


def test_cases_by_sector(cases_db):
    expect(run_query("cases_by_sector", YEAR, db=cases_db), [
        ("po", 2, 0), ("unknown", 1, 0), ("vo", 2, 1), ("vso", 6, 1),
    ])


def test_cases_by_sector_for_the_board(cases_db):
    frame = run_query("cases_by_sector", YEAR, role="bestuur", db=cases_db)
    assert frame.rows() == [
        ("po", None, None, True), ("unknown", None, None, True), ("vo", None, None, True),
        ("vso", 6, None, True),  # 1 open case of 6: the count is hidden, the row stays
    ]


def test_cases_days_out(cases_db):
    expect(run_query("cases_days_out", YEAR, db=cases_db), [
        (0, 0, 1), (1, 28, 3), (29, 91, 4), (92, None, 2), (None, None, 1),
    ])


def test_cases_moments(cases_db):
    expect(run_query("cases_moments", YEAR, db=cases_db), [
        (1, 8, 2, 2), (2, 9, 3, 3), (3, 10, 2, 2), (4, 11, 1, 0), (6, 1, 1, 1), (8, 3, 1, 0),
        (12, 7, 1, 0),
    ])


def test_cases_recurring(cases_db):
    expect(run_query("cases_recurring", YEAR, db=cases_db), [
        ("GM0193", "care_education", 1, 0, 1, 0, 0),
        ("GM0193", "out_of_school", 2, 1, 2, 1, 0),
        ("GM1708", "no_fitting_place", 7, 2, 3, 7, 7),
        ("GM1708", "transport", 1, 0, 1, 0, 0),
    ])


def test_cases_recurring_for_the_board(cases_db):
    frame = run_query("cases_recurring", YEAR, role="bestuur", db=cases_db)
    assert frame.filter(municipality_code="GM1708", problem_type="no_fitting_place").rows() == [
        ("GM1708", "no_fitting_place", 7, None, 3, 7, 7, True)]
    assert frame["cases"].null_count() == frame.height - 1
