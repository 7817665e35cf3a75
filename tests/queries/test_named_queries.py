"""Known answers for the named queries of CONTRACT section 4 on tests/data/kpi.

Every expected figure was worked out by hand from the tables in tests/data/kpi/README.md.
"""

from __future__ import annotations

from queries import run_query
from tests.queries.conftest import expect


def test_waiting_times(kpi_db):
    expect(run_query("waiting_times", db=kpi_db), [
        # R07 was received on 1 August 2023: first day of 2023-2024; R05 on 31 July 2024: last.
        ("2023-2024", "behaviour", 4, 29.5, 55.5, 0.5),  # 7 14 45 60: even-sized median
        ("2023-2024", "communication", 2, 50.0, 56.4, 0.5),  # 42 58
        ("2023-2024", "learning", 5, 30.0, 46.8, 0.8),  # 10 20 30 42 50; 42 is within the norm
        ("2024-2025", "learning", 2, 35.0, 40.6, 1.0),  # 28 42; R06 (undecided) not counted
    ])


def test_waiting_times_parameters(kpi_db):
    expect(run_query("waiting_times", {"norm_days": 30, "school_year": "2023-2024"}, db=kpi_db), [
        ("2023-2024", "behaviour", 4, 29.5, 55.5, 0.5),  # 7 14 within 30 days
        ("2023-2024", "communication", 2, 50.0, 56.4, 0.0),
        ("2023-2024", "learning", 5, 30.0, 46.8, 0.6),  # 10 20 30
    ])
    expect(run_query("waiting_times", {"municipality_code": "GM0166"}, db=kpi_db), [
        ("2023-2024", "behaviour", 2, 37.0, 55.4, 0.5),  # R09 14, R10 60
        ("2023-2024", "communication", 1, 58.0, 58.0, 0.0),  # R14
        ("2023-2024", "learning", 1, 50.0, 50.0, 0.0),  # R05
    ])


def test_open_referrals(kpi_db):
    # R06 27 days, R10 59 days (decided on 1 April, after the day), R13 121 days.
    expect(run_query("open_referrals", {"as_of": "2024-03-31"}, db=kpi_db), [(3, 2, 1, 121)])
    # On 19 February R04 is decided (decided_on = as_of is closed); R10 is 18 days, R13 80.
    expect(run_query("open_referrals", {"as_of": "2024-02-19"}, db=kpi_db), [(2, 1, 1, 80)])
    # Received on the day itself: age 0.
    expect(run_query("open_referrals", {"as_of": "2024-03-04", "need_category": "learning"},
                     db=kpi_db), [(1, 0, 0, 0)])


def test_open_referrals_is_one_row_when_nothing_is_open(kpi_db):
    expect(run_query("open_referrals", {"as_of": "2020-01-01"}, db=kpi_db), [(0, 0, 0, None)])


def test_coverage(kpi_db):
    expect(run_query("coverage", {"school_year": "2023-2024"}, db=kpi_db), [
        ("GM0166", "communication", 1, 0, 1, 0.0),  # demand without capacity
        ("GM0166", "learning", 1, 0, 1, 0.0),
        ("GM0166", "psychiatric", 0, 4, 0, None),  # capacity without demand: no ratio
        ("GM0193", "behaviour", 2, 1, 1, 0.5),
        ("GM0193", "learning", 3, 5, 0, 5 / 3),  # P02 granted twice counts once; O1 + O2
    ])
    expect(run_query("coverage", {"school_year": "2024-2025"}, db=kpi_db), [
        ("GM0193", "learning", 2, 10, 0, 5.0),  # P11 and P01
    ])
    expect(run_query("coverage", {"school_year": "2021-2022"}, db=kpi_db), [])


def test_prevention_trend(kpi_db):
    expect(run_query("prevention_trend", db=kpi_db), [
        ("2023-2024", 3, 2, 20.0, 10.0, 0.5),  # SU1 10 cur, SU2 4.5 + SU3 5.5 (31 July) prev
        ("2024-2025", 3, 1, 20.0, 0.0, 0.0),  # SU4 20 (1 August), SU5 0, SU6 0 prev
    ])
    expect(run_query("prevention_trend", {"municipality_code": "GM0166"}, db=kpi_db), [
        ("2023-2024", 1, 1, 5.5, 5.5, 1.0),
        ("2024-2025", 1, 0, 0.0, 0.0, None),  # no hours at all: no share
    ])


def test_out_of_school(kpi_db):
    expect(run_query("out_of_school", db=kpi_db), [
        ("2022-2023", 2, None, 0),  # E1, E6; no enrolments that year
        ("2023-2024", 2, 2 * 1000 / 1150, 2),  # Q01 (E1 spans two years), Q02 (E2 + E3); E4, E7
        ("2024-2025", 2, 2 * 1000 / 1400, 1),  # Q02 (ongoing), Q04; E7 ended 1 August
    ])


def test_outcomes(kpi_db):
    expect(run_query("outcomes", db=kpi_db), [
        ("2023-2024", 3, 1 / 3, 2 / 3),  # achieved, partly (31 July), not_achieved
        ("2024-2025", 2, 1 / 2, 1 / 2),  # not_achieved (1 August), achieved
    ])
    expect(run_query("outcomes", {"municipality_code": "GM0166"}, db=kpi_db), [
        ("2024-2025", 1, 1.0, 1.0),  # only SU5 is in GM0166 and evaluated
    ])


def test_admissions(kpi_db):
    expect(run_query("admissions", db=kpi_db), [
        ("2023-2024", "admission_sbo", 1, 1.0),  # R04; R15 rejected; per 1,000 regular pupils
        ("2023-2024", "admission_so", 0, 0.0),
        ("2023-2024", "admission_vso", 1, 1.0),  # R14 decided 31 July 2024
        ("2024-2025", "admission_sbo", 1, 0.8),  # R11 / 1,250
        ("2024-2025", "admission_so", 1, 0.8),  # R05: received 2023-2024, decided 2024-2025
        ("2024-2025", "admission_vso", 0, 0.0),
    ])


def test_vl_profile_moves_the_school_year_to_1_september(kpi_db, isolated_env):
    (isolated_env / "pib.toml").write_text('[organisation]\nterminology = "vl"\n')
    expect(run_query("waiting_times", db=kpi_db).select("school_year", "need_category",
                                                         "decided"), [
        ("2022-2023", "behaviour", 1),  # R07, 1 August 2023, is still 2022-2023
        ("2023-2024", "behaviour", 3),
        ("2023-2024", "communication", 2),
        ("2023-2024", "learning", 6),  # R11, 1 August 2024, joins R01-R05
        ("2024-2025", "learning", 1),  # R12, 2 September 2024
    ])
