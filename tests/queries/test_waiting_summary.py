"""Known answers for `waiting_summary` on tests/data/kpi (see its README for the days)."""

from __future__ import annotations

import polars as pl

from queries import run_query
from tests.queries.conftest import expect


def test_waiting_summary_over_all_needs(kpi_db):
    # 2023-2024: 7 10 14 20 30 42 42 45 50 58 60 (R07 R01 R09 R02 R03 R04 R15 R08 R05 R14 R10)
    # median = 6th of 11 = 42; p90 at 0.9 x 10 = 9 -> 58; within 42: 7/11; within 70: all.
    # 2024-2025: 28 42 (R11, R12): median 35, p90 28 + 0.9 x 14 = 40.6.
    expect(run_query("waiting_summary", db=kpi_db), [
        ("2023-2024", 11, 42.0, 58.0, 7 / 11, 1.0),
        ("2024-2025", 2, 35.0, 40.6, 1.0, 1.0),
    ])


def test_waiting_summary_filters_and_norms(kpi_db):
    # learning 2023-2024 equals the waiting_times row (R01-R05: 10 20 30 42 50)
    learning = run_query("waiting_summary", {"school_year": "2023-2024",
                                             "need_category": "learning"}, db=kpi_db)
    expect(learning, [("2023-2024", 5, 30.0, 46.8, 0.8, 1.0)])
    row = run_query("waiting_times", {"school_year": "2023-2024"}, db=kpi_db).filter(
        need_category="learning")
    assert learning.drop("within_extension_share").equals(row.drop("need_category"))
    # GM0166: R09 14, R05 50, R14 58, R10 60 -> median 54, p90 58 + 0.7 x 2 = 59.4
    expect(run_query("waiting_summary", {"municipality_code": "GM0166"}, db=kpi_db), [
        ("2023-2024", 4, 54.0, 59.4, 0.25, 1.0),
    ])
    # a norm of 14 days extended by 30: within 14 = 7 10 14; within 44 = 7 of 11
    expect(run_query("waiting_summary", {"school_year": "2023-2024", "norm_days": "14",
                                         "extension_days": "30"}, db=kpi_db), [
        ("2023-2024", 11, 42.0, 58.0, 3 / 11, 7 / 11),
    ])


def test_waiting_summary_is_suppressed_for_bestuur(kpi_db):
    frame = run_query("waiting_summary", role="bestuur", db=kpi_db)
    assert frame.filter(pl.col("school_year") == "2024-2025").row(0) == (
        "2024-2025", None, None, None, None, None, True)
    # 11 decided in 2023-2024 is hidden as well: waiting_distribution's bands of that year
    # (3, 1, 3, 4) are all hidden, and with the filter margins the total would pin them down
    # (complementary suppression, docs/privacy.md).
    assert frame.filter(pl.col("school_year") == "2023-2024")["decided"].to_list() == [None]
