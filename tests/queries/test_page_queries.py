"""Known answers for the dashboard's page queries on tests/data/kpi (see its README)."""

from __future__ import annotations

from datetime import date

from queries import run_query
from tests.queries.conftest import expect

BANDS = ("0-14", "15-28", "29-42", "43-70", "71+")


def test_waiting_distribution(kpi_db):
    frame = run_query("waiting_distribution", {"school_year": "2023-2024"}, db=kpi_db)
    expect(frame, [
        # to complete: 7 7 14 0 14 7 | 21 20 21 21 | 29 (R10 across 29 February)
        *[("2023-2024", "received_to_complete", b, n, n / 11)
          for b, n in zip(BANDS, (6, 4, 1, 0, 0), strict=True)],
        # to decision: 7 10 14 | 20 | 30 42 42 | 45 50 58 60
        *[("2023-2024", "received_to_decided", b, n, n / 11)
          for b, n in zip(BANDS, (3, 1, 3, 4, 0), strict=True)],
    ])
    learning = run_query("waiting_distribution", {"school_year": "2023-2024",
                                                  "need_category": "learning"}, db=kpi_db)
    assert learning.filter(measure="received_to_decided")["referrals"].to_list() == [1, 1, 2, 1, 0]
    urgent = run_query("waiting_distribution", {"urgent": "ja"}, db=kpi_db)  # R07 and R11
    assert urgent.filter(measure="received_to_decided", referrals=1)["band"].to_list() == [
        "0-14", "15-28",
    ]


def test_waiting_monthly(kpi_db):
    frame = run_query("waiting_monthly", {"school_year": "2023-2024"}, db=kpi_db)
    assert frame.height == 9  # no decided referral was received in March or May 2024
    expect(frame.filter(month=date(2023, 9, 1)), [
        (date(2023, 9, 1), "2023-2024", 2, 27.5, 41.5, 0.5),  # R01 10, R08 45
    ])
    expect(frame.filter(month=date(2023, 11, 1)), [
        (date(2023, 11, 1), "2023-2024", 2, 22.0, 28.4, 1.0),  # R03 30, R09 14
    ])


def test_open_referrals_ageing(kpi_db):
    expect(run_query("open_referrals_ageing", {"as_of": "2024-03-31"}, db=kpi_db), [
        ("behaviour", "0-42", 0),
        ("behaviour", "43-70", 1),  # R10, 59 days
        ("behaviour", "71+", 1),  # R13, 121 days
        ("learning", "0-42", 1),  # R06, 27 days
        ("learning", "43-70", 0),
        ("learning", "71+", 0),
    ])


def test_referral_inflow_monthly(kpi_db):
    frame = run_query("referral_inflow_monthly", {"school_year": "2024-2025"}, db=kpi_db)
    expect(frame, [
        (date(2024, 8, 1), "2024-2025", "admission_sbo", 1),
        (date(2024, 9, 1), "2024-2025", "arrangement", 1),
    ])
    whole = run_query("referral_inflow_monthly", db=kpi_db)
    assert whole["received"].sum() == 15  # the quarantined R16 is not there
    expect(whole.filter(month=date(2023, 11, 1)), [
        (date(2023, 11, 1), "2023-2024", "consultation", 2),
    ])


def test_coverage_trend(kpi_db):
    expect(run_query("coverage_trend", db=kpi_db), [
        ("2023-2024", "behaviour", 2, 1, 1, 0.5, 1),
        ("2023-2024", "communication", 1, 0, 1, 0.0, 1),
        # GM0193 has one place too many, GM0166 one too few: the gap is 1, not 0.
        ("2023-2024", "learning", 4, 5, 1, 1.25, 1),
        ("2023-2024", "psychiatric", 0, 4, 0, None, 0),
        ("2024-2025", "learning", 2, 10, 0, 5.0, 0),
    ])


def test_placements_outside_region(kpi_db):
    expect(run_query("placements_outside_region", db=kpi_db), [
        ("2023-2024", 3, 0, 0, 0.0),
        ("2024-2025", 3, 1, 1, 1 / 3),  # SU4 at S5 (in_region false) for P11 via R11
    ])


def test_prevention_by_kind(kpi_db):
    expect(run_query("prevention_by_kind", db=kpi_db), [
        ("2023-2024", "curative", "arrangement", 1, 10.0, 1000.0),
        ("2023-2024", "preventive", "team_training", 2, 10.0, 300.0),  # SU3 has no cost
        ("2024-2025", "curative", "placement", 2, 20.0, 5000.0),
        ("2024-2025", "preventive", "observation", 1, 0.0, 0.0),  # SU7 quarantined
    ])


def test_out_of_school_by_kind(kpi_db):
    expect(run_query("out_of_school_by_kind", db=kpi_db), [
        ("2022-2023", "absolute_absence", 1, 0, None),  # E1 has not ended yet
        ("2022-2023", "exemption", 0, 0, None),
        ("2022-2023", "long_relative_absence", 1, 1, 333.0),  # E6
        ("2023-2024", "absolute_absence", 1, 1, 228.0),  # E1 ended 15 October 2023
        ("2023-2024", "exemption", 2, 1, 365.0),  # E4 and E7 overlap; E4 ended
        ("2023-2024", "long_relative_absence", 1, 1, 30.0),  # Q02 twice; E3 ended
        ("2024-2025", "absolute_absence", 1, 1, 60.0),  # E5
        ("2024-2025", "exemption", 1, 1, 1.0),  # E7 ended 1 August 2024
        ("2024-2025", "long_relative_absence", 1, 0, None),  # E2 still running
    ])


def test_out_of_school_reasons(kpi_db):
    expect(run_query("out_of_school_reasons", db=kpi_db), [
        ("angst", 2, 3),  # Q02 (E2, E3) and Q05 (E6)
        ("geen passende plek", 2, 2),
        ("lichamelijk", 1, 1),
        ("unknown", 1, 1),  # E4 has no reason
    ])
    expect(run_query("out_of_school_reasons", {"school_year": "2024-2025", "limit": 2},
                     db=kpi_db), [("angst", 1, 1), ("geen passende plek", 1, 1)])


def test_outcome_destinations(kpi_db):
    expect(run_query("outcome_destinations", db=kpi_db), [
        ("2023-2024", "regular", 2, 2 / 3),
        ("2023-2024", "unknown", 1, 1 / 3),
        ("2024-2025", "sbo", 1, 0.5),
        ("2024-2025", "unknown", 1, 0.5),
    ])


def test_referrals_by_decision(kpi_db):
    expect(run_query("referrals_by_decision", {"municipality_code": "GM0193"}, db=kpi_db), [
        ("2023-2024", "admission_sbo", "granted", 1),  # R04
        ("2023-2024", "admission_sbo", "rejected", 1),  # R15
        ("2023-2024", "arrangement", "granted", 4),  # R01 R02 R07 R08
        ("2023-2024", "arrangement", "undecided", 2),  # R06 R13
        ("2023-2024", "consultation", "granted", 1),  # R03
        ("2024-2025", "admission_sbo", "granted", 1),  # R11
        ("2024-2025", "arrangement", "granted", 1),  # R12
    ])


def test_kpi_headline(kpi_db):
    expect(run_query("kpi_headline", db=kpi_db), [
        # E1 and E6 make 2022-2023 a year; nothing else happened in it.
        ("2022-2023", 0, 0, None, None, 0, 0, None, 2, None, 0, None, 0, None),
        # 13 received (not R11 R12); 11 decided: 7 10 14 20 30 42 42 | 45 50 58 60;
        # open on 31 July 2024: R05 R06 R13 (R14 was decided that day).
        ("2023-2024", 13, 11, 42.0, 7 / 11, 3, 3, 0.5, 2, 2000 / 1150, 3, 1 / 3, 2, 2.0),
        # open on 31 July 2025: R06 R13; admissions R05 + R11 over 1,250 regular pupils.
        ("2024-2025", 2, 2, 35.0, 1.0, 2, 3, 0.0, 2, 2000 / 1400, 2, 0.5, 2, 1.6),
    ])


def test_data_freshness_and_table_counts(kpi_db):
    fresh = run_query("data_freshness", db=kpi_db)
    assert fresh.select("entity", "last_file", "rows").rows() == [
        ("enrolments", "enrolments.csv", 9), ("offers", "offers.csv", 5),
        ("out_of_school", "out_of_school.csv", 7), ("outcomes", "outcomes.csv", 5),
        ("referrals", "referrals.csv", 15), ("schools", "schools.csv", 6),
        ("supports", "supports.csv", 6),
    ]
    assert fresh["last_loaded_at"].null_count() == 0
    counts = dict(run_query("table_counts", db=kpi_db).rows())
    assert counts == {"enrolments": 9, "load_log": 7, "offers": 5, "out_of_school": 7,
                      "outcomes": 5, "quarantine": 2, "referrals": 15, "schools": 6,
                      "supports": 6}


def test_quarantine_summary_has_classes_and_no_raw_values(kpi_db):
    frame = run_query("quarantine_summary", db=kpi_db)
    expect(frame, [("referrals", "unknown_code", 1), ("supports", "below_minimum", 1)])
    assert "dyslexia" not in frame.write_csv() and "P15" not in frame.write_csv()


def test_filters(kpi_db):
    assert run_query("filter_school_years", db=kpi_db)["school_year"].to_list() == [
        "2022-2023", "2023-2024", "2024-2025",
    ]
    assert run_query("filter_municipalities", db=kpi_db)["municipality_code"].to_list() == [
        "GM0166", "GM0193", "GM0244",
    ]
