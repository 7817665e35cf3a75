"""Row-level security: role school sees only the rows of its own schools."""

from __future__ import annotations

import pytest

from etl.load import load
from queries import QueryError, run_query


@pytest.fixture
def two_schools(warehouse, tmp_path):
    (tmp_path / "referrals.csv").write_text(
        "referral_id,pupil_id,municipality_code,school_id,received_on,need_category,"
        "request_type,decided_on,decision\n"
        + "".join(f"A{i},PA{i},GM0193,SCH_A,2024-09-02,learning,consultation,2024-09-{10 + i}"
                  f",granted\n" for i in range(6))
        + "".join(f"B{i},PB{i},GM0193,SCH_B,2024-09-02,learning,consultation,2024-10-01"
                  f",granted\n" for i in range(7)),
        encoding="utf-8",
    )
    load([tmp_path / "referrals.csv"])


def test_school_role_sees_only_its_own_referrals(two_schools):
    own = run_query("waiting_times", role="school", school_ids=("SCH_A",))
    # SCH_A: 6 referrals decided after 8..13 days → median 10.5
    assert own.select("decided", "median_days").rows() == [(6, 10.5)]
    everyone = run_query("waiting_times", role="kwaliteit")
    assert everyone["decided"].to_list() == [13]


def test_school_role_without_schools_is_refused(two_schools):
    with pytest.raises(QueryError, match="school_id"):
        run_query("waiting_times", role="school")


def test_school_role_sees_no_out_of_school_episodes(two_schools):
    # table_counts is for data quality only; out_of_school_by_kind has a row per year and kind
    # with any episode, so none at all for a school.
    assert run_query("out_of_school_by_kind", role="school", school_ids=("SCH_A",)).height == 0


def test_school_role_demand_counts_only_its_own_pupils(two_schools):
    own = run_query("coverage", {"school_year": "2024-2025"}, role="school",
                    school_ids=("SCH_A",))
    assert own.select("demand").rows() == [(6,)]
    assert run_query("coverage", {"school_year": "2024-2025"})["demand"].to_list() == [13]
