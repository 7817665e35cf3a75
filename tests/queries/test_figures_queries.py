"""Known answers for the named queries of issue 14 (CONTRACT section 4) on tests/data/figures.

Every expected figure was worked out by hand in tests/data/figures/README.md; the comments
repeat the reasoning for the edges.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import duckdb
import polars as pl
import pytest

from etl.load import load
from queries import run_query
from tests.queries.conftest import expect

YEAR = {"school_year": "2024-2025"}


def test_new_columns_are_loaded_and_broken_rows_quarantined(figures_db):
    con = duckdb.connect(str(figures_db), read_only=True)
    try:
        reasons = con.execute("select entity, line, column_name, reason from quarantine "
                          "order by entity").fetchall()
        referral = con.execute("select placed_school_id, funding_category, valid_until::varchar "
                           "from referrals where referral_id = 'F01'").fetchone()
        episode = con.execute("select exemption_article, has_offer, resolution from out_of_school "
                          "where episode_id = 'E11'").fetchone()
        support = con.execute("select target_level, sessions, care_phase from supports "
                          "where support_id = 'SP11'").fetchone()
        tariff = con.execute("select tariff_eur from offers where offer_id = 'OF1'").fetchone()
    finally:
        con.close()
    assert [row[:3] for row in reasons] == [
        ("out_of_school", 15, "exemption_article"), ("referrals", 17, "funding_category"),
        ("supports", 11, "care_phase"),
    ]
    for (*_, reason), text in zip(reasons, (
        "mag alleen gevuld zijn bij kind exemption",
        "onbekende code; toegestaan: low, medium, high", "is hoger dan 3",
    ), strict=True):
        assert reason.endswith(text)
    assert referral == ("A3", "high", "2026-07-31")
    assert episode == ("art_5_a", True, "returned")  # `ja` is true
    assert support == ("team", 2, 2)
    assert tariff == (1250.5,)


def test_out_of_school_census(figures_db):
    expect(run_query("out_of_school_census", YEAR, db=figures_db), [
        # at_start, new_in_year, total, over_3_months, ended_in_year, open_at_end
        # Q01 ends on the first day (at start); Q02 exactly three months (not over), Q03 one
        # day more (over); Q04 ends on the last day (ended and open at the end); Q05 twice,
        # out of school on the first day, so its second episode is not new.
        ("absolute_absence", None, 2, 3, 5, 3, 5, 2),
        ("exemption", None, 1, 0, 1, 1, 0, 1),  # Q11 starts on the first day: at start
        ("exemption", "art_15", 0, 1, 1, 1, 0, 1),
        ("exemption", "art_5_a", 1, 1, 2, 1, 1, 1),
        ("long_relative_absence", None, 0, 1, 1, 0, 1, 0),
    ])


def test_out_of_school_census_previous_year(figures_db):
    expect(run_query("out_of_school_census", {"school_year": "2023-2024"}, db=figures_db), [
        # Q06 ends on 31 July 2024, the last day: ended and open at the end; Q01's 1 June + 3
        # months = 1 September is not before the last day: not over.
        ("absolute_absence", None, 1, 2, 3, 2, 1, 3),
        ("exemption", "art_5_a", 1, 0, 1, 1, 0, 1),
    ])


def test_out_of_school_census_for_bestuur(figures_db):
    frame = run_query("out_of_school_census", YEAR, role="bestuur", db=figures_db)
    absolute = frame.row(0, named=True)
    # total 5 = min_cell shows; at_start 2 and new_in_year 3 add up to it, so both go;
    # ended_in_year 5 would give open_at_end 2 away (5 - 5 + 2 both): it goes with it.
    assert absolute["total"] == 5
    assert [absolute[c] for c in ("at_start", "new_in_year", "over_3_months",
                                  "ended_in_year", "open_at_end")] == [None] * 5
    assert absolute["suppressed"] is True
    for row in frame.rows(named=True)[1:]:  # groups of 1 or 2 pupils: every count hidden
        assert row["total"] is None and row["suppressed"] is True
        assert all(row[c] in (None, 0) for c in ("at_start", "new_in_year", "over_3_months",
                                                   "ended_in_year", "open_at_end"))


def test_out_of_school_census_hides_counts_in_pairs(figures_db, isolated_env):
    (isolated_env / "pib.toml").write_text("[privacy]\nmin_cell = 3\n")
    absolute = run_query("out_of_school_census", YEAR, role="bestuur",
                         db=figures_db).row(0, named=True)
    # at_start 2 < 3 takes new_in_year 3 along (2 + 3 = total 5); open_at_end 2 takes
    # ended_in_year 5 along; over_3_months 3 stays.
    assert [absolute[c] for c in ("at_start", "new_in_year", "total", "over_3_months",
                                  "ended_in_year", "open_at_end")] == [
        None, None, 5, 3, None, None]


def test_lead_times(figures_db):
    expect(run_query("lead_times", db=figures_db), [
        ("2023-2024", "complete_to_decision", 1, 56.0, 56.0, 56.0, None),
        ("2023-2024", "decision_to_start", 1, 28.0, 28.0, 28.0, 1.0),  # F08: 28 = norm
        ("2023-2024", "receipt_to_complete", 1, 7.0, 7.0, 7.0, 1.0),
        ("2024-2025", "complete_to_decision", 7, 14.0, 21.0, 25.0, None),  # no norm
        # SP1 started before F09's decision and F02 has only such a support: ignored
        ("2024-2025", "decision_to_start", 4, 15.75, 24.5, 31.5, 0.75),  # 0 21 28 42
        ("2024-2025", "receipt_to_complete", 8, 7.0, 10.5, 15.75, 0.875),  # F03's 30 > 21
    ])


def test_lead_times_parameters(figures_db):
    frame = run_query("lead_times", {**YEAR, "complete_days": 7, "start_days": 21},
                      db=figures_db)
    # within 7 days: 0 7 7 7 of 8; within 21 days of the decision: 0 21 of 4
    assert frame["within_norm_share"].to_list() == [None, 0.5, 0.5]
    expect(run_query("lead_times", {"municipality_code": "GM0363"}, db=figures_db), [
        ("2024-2025", "complete_to_decision", 1, 11.0, 11.0, 11.0, None),  # F03 only
        ("2024-2025", "decision_to_start", 1, 28.0, 28.0, 28.0, 1.0),
        ("2024-2025", "receipt_to_complete", 1, 30.0, 30.0, 30.0, 0.0),
    ])


def test_lead_times_norms_come_from_the_settings(figures_db, isolated_env):
    (isolated_env / "pib.toml").write_text("[norms]\ncomplete_days = 14\nstart_days = 42\n")
    frame = run_query("lead_times", YEAR, db=figures_db)
    # 0 7 7 7 14 14 of 8 within 14 days; 0 21 28 42 all within 42 days
    assert frame["within_norm_share"].to_list() == [None, 1.0, 6 / 8]


def test_border_traffic_region_comes_from_the_settings(figures_db, isolated_env):
    (isolated_env / "pib.toml").write_text('[region]\nmunicipalities = ["GM0363"]\n')
    expect(run_query("border_traffic", YEAR, db=figures_db), [
        ("admission_sbo", 0, 0, 0),  # GM0166 to GM0166: both outside now
        # out: F03 (GM0363 to A2 in GM0193); in: F01, F08 (GM0193 to A3 in GM0363)
        ("admission_so", 1, 2, 1),
        ("admission_vso", 0, 0, 0),  # F04 GM0193 to GM0153: both outside
    ])


def test_lead_times_for_bestuur(figures_db):
    expect(run_query("lead_times", YEAR, role="bestuur", db=figures_db), [
        ("2024-2025", "complete_to_decision", 7, 14.0, 21.0, 25.0, None, False),
        ("2024-2025", "decision_to_start", None, None, None, None, None, True),  # 4 referrals
        ("2024-2025", "receipt_to_complete", 8, 7.0, 10.5, 15.75, 0.875, False),
    ])


def test_admissions_by_category(figures_db):
    expect(run_query("admissions_by_category", YEAR, db=figures_db), [
        ("admission_so", "high", 1),  # F07 (rejected) not counted
        ("admission_so", "low", 5),  # F08 received in 2023-2024, decided in 2024-2025
        ("admission_so", "unknown", 1),  # F03: a TLV without category
        ("admission_vso", "high", 1),  # F11, placed school unknown: still a granted TLV
        ("admission_vso", "medium", 2),
    ])
    assert run_query("admissions_by_category", {"school_year": "2023-2024"},
                     db=figures_db).height == 0


def test_admissions_by_category_for_bestuur(figures_db):
    frame = run_query("admissions_by_category", YEAR, role="bestuur", db=figures_db)
    assert frame["granted"].to_list() == [None, 5, None, None, None]
    assert frame["suppressed"].to_list() == [True, False, True, True, True]


def test_border_traffic(figures_db):
    expect(run_query("border_traffic", YEAR, db=figures_db), [
        ("admission_sbo", 0, 0, 0),  # F05 stays inside the region
        # out: F01 and F08 to A3 in GM0363 (in_region true in the file, not in pib.toml);
        # in: F03 from GM0363 to A2
        ("admission_so", 2, 1, -1),
        ("admission_vso", 1, 0, -1),  # F04 out; F11 (unknown school), F15 (gemeente unknown)
    ])


def test_border_traffic_for_bestuur(figures_db):
    frame = run_query("border_traffic", YEAR, role="bestuur", db=figures_db)
    so, vso = frame.row(1, named=True), frame.row(2, named=True)
    assert (so["outgoing"], so["incoming"], so["balance"], so["suppressed"]) == (
        None, None, None, True)
    assert (vso["outgoing"], vso["balance"], vso["suppressed"]) == (None, None, True)


def test_network_cost(figures_db):
    for role in ("kwaliteit", "bestuur"):  # places and money: no suppression
        expect(run_query("network_cost", YEAR, role=role, db=figures_db), [
            ("GM0166", "behaviour", 2, 16000.0),
            ("GM0193", "behaviour", 3, 0.0),  # OF3 has no tariff: 0 euro
            ("GM0193", "learning", 14, 24505.0),  # 10 x 1,250.50 + 4 x 3,000
        ])


def test_network_cost_on_files_without_the_new_columns(kpi_db):
    # tests/data/kpi/offers.csv has no tariff_eur column: it loads, and costs nothing.
    expect(run_query("network_cost", {"school_year": "2023-2024"}, db=kpi_db), [
        ("GM0166", "psychiatric", 4, 0.0),
        ("GM0193", "behaviour", 1, 0.0),
        ("GM0193", "learning", 5, 0.0),
    ])


@pytest.mark.parametrize("name", ["out_of_school_census", "admissions_by_category",
                                  "border_traffic", "network_cost"])
def test_school_year_is_required(name, figures_db):
    from queries import QueryError
    with pytest.raises(QueryError, match="verplicht"):
        run_query(name, db=figures_db)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_lead_times_percentiles_from_day_counts_equal_quantile_cont(tmp_path, monkeypatch, seed):
    # the query interpolates its percentiles from the day frequencies (fast at national
    # scale); on random days, with ties and odd and even counts, they equal quantile_cont
    rng = random.Random(seed)
    lines = ["referral_id,pupil_id,municipality_code,received_on,complete_on,need_category,"
             "request_type"]
    for i in range(rng.randint(5, 60)):
        received = date(2024, 9, 1) + timedelta(days=rng.randint(0, 200))
        complete = received + timedelta(days=rng.choice([0, 3, 7, 7, 14, rng.randint(0, 90)]))
        lines.append(f"R{i},P{i},GM0193,{received},{complete},learning,admission_so")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "referrals.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv("PIB_SECRET", "lead-times-test-secret-0123456789abcdef")
    db = tmp_path / "wh.duckdb"
    load([folder], db=db)
    got = run_query("lead_times", YEAR, db=db).filter(pl.col("stage") == "receipt_to_complete")
    con = duckdb.connect(str(db), read_only=True)
    want = con.execute("select count(*), quantile_cont(d, 0.25), quantile_cont(d, 0.5), "
                       "quantile_cont(d, 0.75) from (select complete_on - received_on as d "
                       "from referrals)").fetchone()
    con.close()
    assert got.select("n", "p25_days", "median_days", "p75_days").row(0) == pytest.approx(want)
