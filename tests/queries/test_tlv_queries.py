"""admissions_validity, admissions_rolling and admissions_year_to_date on a tiny hand-made
warehouse; every number below is worked out by hand from the rows in `ROWS`.

The peildatum: as_of 2025-02-10 means the month end d = 2025-02-28 (school year 2024-2025,
starting 1 August). Regular pupils: 2024-2025 S1 600 + S3 400 = 1,000 (the so school S2 does not
count); 2023-2024 S1 500.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from etl.load import load
from queries import run_query
from tests.queries.conftest import expect

SCHOOLS = """school_id,name,sector,municipality_code
S1,De Linde,po,GM0193
S2,De Brug,so,GM0193
S3,Het Lyceum,vo,GM0193
"""
ENROLMENTS = """school_id,school_year,pupils
S1,2024-2025,600
S2,2024-2025,50
S3,2024-2025,400
S1,2023-2024,500
"""
HEADER = ("referral_id,pupil_id,municipality_code,received_on,need_category,request_type,"
          "decided_on,decision,funding_category,valid_until")
ROWS = [
    # the first day of the rolling window; valid_until = d itself (still valid: band 0-3)
    "R01,P01,GM0193,2024-02-01,behaviour,admission_so,2024-03-01,granted,high,2025-02-28",
    # the day before the window (2024 is a leap year); valid to 31 July: band 3-6 months
    "R02,P02,GM0193,2024-02-01,behaviour,admission_so,2024-02-29,granted,low,2025-07-31",
    # the last day of the window, no end date
    "R03,P03,GM0193,2025-02-01,learning,admission_so,2025-02-28,granted,,",
    # decided the day after d: neither valid on d nor in the window
    "R04,P04,GM0193,2025-02-20,learning,admission_so,2025-03-01,granted,medium,2026-07-31",
    # expired the day before d
    "R05,P05,GM0193,2024-09-02,behaviour,admission_vso,2024-10-01,granted,low,2025-02-27",
    # expires 2026-01-31, before last_day(d + 12 months) = 2026-02-28: band 6-12 months
    "R06,P06,GM0193,2024-09-02,behaviour,admission_vso,2024-09-15,granted,low,2026-01-31",
    # expires 2026-03-01: later
    "R07,P07,GM0193,2024-09-02,behaviour,admission_vso,2024-09-20,granted,low,2026-03-01",
    # rejected: counts nowhere
    "R08,P08,GM0193,2024-09-01,learning,admission_sbo,2024-10-01,rejected,,",
    # undecided: open on d
    "R09,P09,GM0193,2025-01-15,learning,admission_sbo,,,,",
    # open on d, granted after it
    "R10,P10,GM0193,2025-02-01,learning,admission_sbo,2025-03-10,granted,,2027-07-31",
    # an arrangement is no TLV
    "R11,P11,GM0193,2024-09-02,learning,arrangement,2024-10-01,granted,,",
    # expires 2025-05-31 = last_day(d + 3 months); d + 3 months alone would be 2025-05-28
    "R12,P12,GM0193,2024-09-02,behaviour,admission_vso,2024-11-01,granted,high,2025-05-31",
]


@pytest.fixture(scope="module")
def tlv_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tlv")
    (folder / "schools.csv").write_text(SCHOOLS, encoding="utf-8")
    (folder / "enrolments.csv").write_text(ENROLMENTS, encoding="utf-8")
    (folder / "referrals.csv").write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    db = folder / "wh.duckdb"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PIB_SECRET", "tlv-test-secret-0123456789abcdef0123")
        assert load([folder], db=db).quarantined == 0
    return db


def test_validity_bands(tlv_db):
    expect(run_query("admissions_validity", {"as_of": "2025-02-10"}, db=tlv_db), [
        ("admission_so", "0_3_months", 1),   # R01
        ("admission_so", "3_6_months", 1),   # R02
        ("admission_so", "no_end_date", 1),  # R03
        ("admission_vso", "0_3_months", 1),  # R12
        ("admission_vso", "6_12_months", 1),  # R06
        ("admission_vso", "later", 1),       # R07
    ])


def test_validity_any_day_of_a_month_is_its_month_end(tlv_db):
    first = run_query("admissions_validity", {"as_of": "2025-02-01"}, db=tlv_db)
    assert first.equals(run_query("admissions_validity", {"as_of": "2025-02-28"}, db=tlv_db))


def test_rolling_rate(tlv_db):
    # so: R01 (first day) and R03 (last day), not R02 (day before) nor R04 (day after);
    # vso: R05, R06, R07, R12; per 1,000 of the 1,000 regular pupils of 2024-2025
    expect(run_query("admissions_rolling", {"as_of": "2025-02-10"}, db=tlv_db), [
        ("admission_sbo", date(2024, 3, 1), date(2025, 2, 28), 0, 0.0),
        ("admission_so", date(2024, 3, 1), date(2025, 2, 28), 2, 2.0),
        ("admission_vso", date(2024, 3, 1), date(2025, 2, 28), 4, 4.0),
    ])


def test_rolling_rate_without_enrolments(tlv_db):
    # window 2024-10-01 .. 2025-09-30 in school year 2025-2026, which has no enrolments
    expect(run_query("admissions_rolling", {"as_of": "2025-09-30"}, db=tlv_db), [
        ("admission_sbo", date(2024, 10, 1), date(2025, 9, 30), 1, None),  # R10
        ("admission_so", date(2024, 10, 1), date(2025, 9, 30), 2, None),   # R03, R04
        ("admission_vso", date(2024, 10, 1), date(2025, 9, 30), 2, None),  # R05, R12
    ])


def test_rolling_rate_suppressed_for_bestuur(tlv_db):
    frame = run_query("admissions_rolling", {"as_of": "2025-02-28"}, role="bestuur", db=tlv_db)
    # so 2 and vso 4 are below min_cell 5 (whether a 0 shows is the layer's rule, not tested here)
    hidden = frame.filter(pl.col("request_type").is_in(["admission_so", "admission_vso"]))
    assert hidden["granted"].to_list() == [None, None]
    assert hidden["per_1000_pupils"].to_list() == [None, None]
    assert hidden["suppressed"].to_list() == [True, True]


def test_year_to_date(tlv_db):
    # cut-offs: 2025-02-28 for 2024-2025 and last_day(2024-02-28) = 2024-02-29 for 2023-2024
    expect(run_query("admissions_year_to_date", {"as_of": "2025-02-10"}, db=tlv_db), [
        ("2023-2024", "admission_sbo", date(2024, 2, 29), 0, 0, 0),
        # R02 on the cut-off day, R01 the day after; R01 is open on the cut-off
        ("2023-2024", "admission_so", date(2024, 2, 29), 1, 1, 1),
        ("2023-2024", "admission_vso", date(2024, 2, 29), 0, 0, 0),
        # R10 granted after the cut-off; R09 and R10 open on it (R08 decided before)
        ("2024-2025", "admission_sbo", date(2025, 2, 28), 0, 1, 2),
        # R03 on the cut-off, R04 after it and open on it
        ("2024-2025", "admission_so", date(2025, 2, 28), 1, 1, 1),
        # R05, R06, R07, R12
        ("2024-2025", "admission_vso", date(2025, 2, 28), 4, 0, 0),
    ])
