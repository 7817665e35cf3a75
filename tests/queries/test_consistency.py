"""Cross-checks on a realistic demo warehouse: figures that are defined twice must agree, and
no suppressed role ever sees a small group. (Known answers are in the other test files.)"""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from etl.demo import generate
from etl.load import load
from etl.settings import get_settings
from queries import describe, list_queries, run_query
from queries.roles import FREE_TEXT_QUERIES


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory):
    home = tmp_path_factory.mktemp("kpi_demo")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PIB_SECRET", "kpi-demo-secret-of-at-least-32-bytes")
        generate(home / "csv", pupils=6000, years=3, seed=7)
        load([home / "csv"], db=home / "wh.duckdb")
    return home / "wh.duckdb"


def _by_year(frame: pl.DataFrame) -> dict[str, dict]:
    return {row["school_year"]: row for row in frame.iter_rows(named=True)}


def test_kpi_headline_agrees_with_the_named_queries(demo_db):
    headline = run_query("kpi_headline", db=demo_db)
    waiting = run_query("waiting_times", db=demo_db).group_by("school_year").agg(
        pl.col("decided").sum(),
        ((pl.col("within_norm_share") * pl.col("decided")).sum() / pl.col("decided").sum())
        .alias("within"),
    )
    admissions = run_query("admissions", db=demo_db).group_by("school_year").agg(
        pl.col("granted").sum(), pl.col("per_1000_pupils").sum())
    prevention = _by_year(run_query("prevention_trend", db=demo_db))
    out = _by_year(run_query("out_of_school", db=demo_db))
    outcomes = _by_year(run_query("outcomes", db=demo_db))
    summary = _by_year(run_query("waiting_summary", db=demo_db))
    waiting, admissions = _by_year(waiting), _by_year(admissions)
    assert headline.height >= 3
    for row in headline.iter_rows(named=True):
        year = row["school_year"]
        if year in waiting:
            assert row["decided"] == waiting[year]["decided"]
            assert row["within_norm_share"] == pytest.approx(waiting[year]["within"])
            # from day frequencies in kpi_headline, by quantile_cont over rows in waiting_summary
            assert row["median_waiting_days"] == pytest.approx(summary[year]["median_days"])
        if year in prevention:
            assert row["supports_started"] == prevention[year]["supports_started"]
            assert row["preventive_hours_share"] == pytest.approx(
                prevention[year]["preventive_hours_share"])
        if year in outcomes:
            assert row["evaluated"] == outcomes[year]["evaluated"]
            assert row["achieved_share"] == pytest.approx(outcomes[year]["achieved_share"])
        assert row["pupils_out_of_school"] == out[year]["pupils_out_of_school"]
        assert row["out_of_school_per_1000"] == pytest.approx(out[year]["per_1000_pupils"])
        assert row["admissions_granted"] == admissions[year]["granted"]
        assert row["admissions_per_1000"] == pytest.approx(admissions[year]["per_1000_pupils"])
        last_day = get_settings().school_year_bounds(year)[1]
        if last_day < date.today():
            opened = run_query("open_referrals", {"as_of": last_day}, db=demo_db)
            assert row["open_at_year_end"] == opened["open_total"][0]


def test_coverage_trend_sums_coverage(demo_db):
    trend = run_query("coverage_trend", db=demo_db)
    for year in trend["school_year"].unique().to_list():
        pairs = run_query("coverage", {"school_year": year}, db=demo_db)
        summed = pairs.group_by("need_category").agg(
            pl.col("demand", "capacity", "gap").sum(),
            (pl.col("demand") > pl.col("capacity")).sum().alias("municipalities_with_gap"),
        ).sort("need_category")
        assert trend.filter(school_year=year).select(summed.columns).equals(summed, null_equal=True)


def test_counts_agree_across_queries(demo_db):
    referrals = dict(run_query("table_counts", db=demo_db).rows())["referrals"]
    assert run_query("referrals_by_decision", db=demo_db)["referrals"].sum() == referrals
    assert run_query("referral_inflow_monthly", db=demo_db)["received"].sum() == referrals
    monthly = run_query("waiting_monthly", db=demo_db)["decided"].sum()
    assert monthly == run_query("waiting_times", db=demo_db)["decided"].sum()


REQUIRED = {"open_referrals": {"as_of": "2024-03-31"},
            "open_referrals_ageing": {"as_of": "2024-03-31"},
            **{name: {"school_year": "2024-2025"} for name in (
                "coverage", "participation", "out_of_school_census", "admissions_by_category",
                "border_traffic", "network_cost")}}


@pytest.mark.parametrize("role", ["bestuur", "school"])
def test_no_suppressed_role_ever_sees_a_small_group(demo_db, role):
    min_cell = get_settings().min_cell
    for name in list_queries():
        rules = describe(name).suppress
        if not rules or name in FREE_TEXT_QUERIES:  # refused: test_suppression.py
            continue
        schools = ("SCH0001", "SCH0002", "SCH0003") if role == "school" else ()
        frame = run_query(name, REQUIRED.get(name), role=role, db=demo_db, school_ids=schools)
        for rule in rules:
            small = frame.filter(pl.col(rule.count) < min_cell)
            assert small.height == 0, (name, rule.count)
            hidden = frame.filter(pl.col(rule.count).is_null())
            assert hidden["suppressed"].all(), name
            for column in rule.derived:
                assert hidden[column].null_count() == hidden.height, (name, column)
