"""Known answers for `signals` and `funnel_points` (CONTRACT section 4) on a tiny hand-made
warehouse; every expected figure is worked out by hand in the comments.

The warehouse (school years 2023-2024 and 2024-2025, start 1 August):
- schools A (po, GM0193) 100 pupils, B (po, GM0193) 1,400, C (vo, GM0166) 1,500 in both years;
  D (po, GM0193) has no enrolments.
- 2024-2025 referrals at schools: A 5 (granted admission_so, received 2 Sep 2024, decided 12 Sep:
  10 days; GM0193 behaviour), B 10, C 10 (undecided consultations of 1 Oct 2024), D 3 (left out:
  no enrolments). Network p = (5 + 10 + 10) / 3000 = 25/3000.
- referrals without a school (GM0193 learning, granted): received on the 1st of Mar, Apr, May,
  Jun of 2025 with 10, 20, 30, 40 days to the decision, and one GM0166 learning in Jun 2025 with
  40 days; in 2024 the same months with 10, 30, 20, 40 days (GM0193 learning).
- offers: GM0193 learning 2 places in 2023-2024 and 1 in 2024-2025; GM0193 behaviour 10 in
  2024-2025.
- thuiszitters (absolute_absence, GM0166): 2024-2025 'schoolangst' 8 pupils and 'ziekte' 8; in
  2023-2024 'schoolangst' 2 and 'ziekte' 4 (episodes within Oct-Dec of their year).
- cases: no_fitting_place 1 (2023-2024) and 6 (2024-2025); transport 2 and 3.
- targets: median_waiting_days 35, out_of_school_per_1000 1.5 (no other targets).
"""

from __future__ import annotations

import pytest

from queries import run_query
from tests.queries.conftest import fill_signals_warehouse

YEAR = {"school_year": "2024-2025"}


@pytest.fixture
def signals_db(warehouse, isolated_env):
    return fill_signals_warehouse(isolated_env)


def _by_signal(role: str = "kwaliteit") -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for row in run_query("signals", YEAR, role=role).iter_rows(named=True):
        found.setdefault(row["signal"], []).append(row)
    return found


def test_funnel_limits_of_a_small_school_by_hand(signals_db):
    # p = 25/3000 = 0.0083333; school A: n = 100, 5 referrals, rate 1000 * 5/100 = 50.
    # sqrt(p(1 - p)/n) = sqrt(0.0083333 * 0.9916667 / 100) = sqrt(0.000082639) = 0.0090906;
    # 99.8%: 1000 * (0.0083333 -/+ 3.09 * 0.0090906) = 8.3333 -/+ 28.0900 = -19.757 .. 36.423;
    # 95%:   1000 * (0.0083333 -/+ 1.96 * 0.0090906) = 8.3333 -/+ 17.8176 = -9.484 .. 26.151.
    # The lower limits stay unclipped (below 0), as the contract's formula gives them; the figure
    # draws them from 0. A lies above 36.4: a signal.
    points = run_query("funnel_points", {**YEAR, "measure": "referrals", "level": "school"})
    a = points.row(0, named=True)
    assert points["subject"].to_list() == ["A", "B", "C"]  # D has no enrolments
    assert (a["pupils"], a["cases"], a["rate"]) == (100, 5, 50.0)
    assert a["network_rate"] == pytest.approx(8.3333, abs=1e-4)
    assert (a["lower_998"], a["upper_998"]) == (pytest.approx(-19.757, abs=1e-3),
                                               pytest.approx(36.423, abs=1e-3))
    assert (a["lower_95"], a["upper_95"]) == (pytest.approx(-9.484, abs=1e-3),
                                             pytest.approx(26.151, abs=1e-3))
    # B: n = 1400, rate 7.143; 3.09 * sqrt(0.0083333 * 0.9916667 / 1400) = 3.09 * 0.0024296 =
    # 0.0075074: limits 0.826 .. 15.841, inside. C: n = 1500, rate 6.667, 3.09 * 0.0023472 =
    # 0.0072528: limits 1.081 .. 15.586, inside.
    b = points.row(1, named=True)
    assert (b["lower_998"], b["upper_998"]) == (pytest.approx(0.826, abs=1e-3),
                                               pytest.approx(15.841, abs=1e-3))
    funnel = _by_signal()["funnel_school_referrals"]
    assert [(r["subject"], r["value"], r["cases"]) for r in funnel] == [("A", 50.0, 5)]
    assert funnel[0]["upper_limit"] == pytest.approx(36.423, abs=1e-3)
    assert funnel[0]["message"] == ("School De Akker heeft 50,0 aanmeldingen per 1.000 "
                                    "leerlingen, boven de grenzen van 99,8% (-19,8 tot 36,4) "
                                    "rond het netwerkgemiddelde van 8,3.")


def test_gemeente_funnels_do_not_fire_within_the_limits(signals_db):
    # Thuiszitters 2024-2025: GM0166 16 pupils, GM0193 none; each gemeente has 1,500 pupils.
    # p = 16/3000 = 0.0053333; 3.09 * sqrt(0.0053333 * 0.9946667 / 1500) = 3.09 * 0.0018806 =
    # 0.0058110: limits -0.478 .. 11.144 around 5.333; GM0166 10.667 and GM0193 0 lie inside.
    points = run_query("funnel_points", {**YEAR, "measure": "out_of_school"})
    assert points["subject"].to_list() == ["GM0166", "GM0193"]
    assert points["cases"].to_list() == [16, 0]
    assert points["upper_998"].to_list() == pytest.approx([11.144, 11.144], abs=1e-3)
    assert points["lower_998"].to_list() == pytest.approx([-0.478, -0.478], abs=1e-3)
    # Referrals: GM0193 15 of 1,500, GM0166 10 of 1,500: 10.0 and 6.7 per 1,000, inside.
    found = _by_signal()
    assert "funnel_municipality_out_of_school" not in found
    assert "funnel_municipality_referrals" not in found
    # Admissions: only A's 5 (p = 5/3000); A at 50 lies above 1000 * (0.0016667 + 3.09 *
    # sqrt(0.0016667 * 0.9983333 / 100)) = 14.271.
    assert [(r["subject"], r["upper_limit"]) for r in found["funnel_school_admissions"]] == [
        ("A", pytest.approx(14.271, abs=1e-3))]


def test_waiting_rising_three_months_in_a_row(signals_db):
    # 2024-2025: the last four months with decisions are Mar-Jun 2025 with medians 10, 20, 30 and
    # 40 (Jun: 40 and 40): three rises. cases = 1 + 1 + 1 + 2 decisions.
    (row,) = _by_signal()["waiting_rising"]
    assert (row["subject"], row["value"], row["reference"], row["cases"]) == (
        "network", 40.0, 10.0, 5)
    assert row["message"] == ("De mediane wachttijd tot een besluit steeg drie maanden op rij: "
                              "van 10,0 dagen (aanmeldingen van 2025-03) tot 40,0 dagen "
                              "(2025-06).")
    # 2023-2024: 10, 30, 20, 40 is no rise three times in a row.
    earlier = run_query("signals", {"school_year": "2023-2024"})
    assert "waiting_rising" not in earlier["signal"].to_list()


def test_coverage_gap_persisting_over_two_years(signals_db):
    # GM0193 learning: demand 4 (2023-2024) against 2 places, 4 (2024-2025) against 1: gaps 2
    # and 3, two years running. GM0166 learning: a gap of 1 in 2024-2025 only: no signal.
    # GM0193 behaviour: demand 5 (A's admissions) against 10 places: no gap.
    (row,) = _by_signal()["coverage_gap_persisting"]
    assert (row["subject"], row["value"], row["reference"], row["lower_limit"], row["cases"]) == (
        "GM0193:learning", 3.0, 2.0, 2.0, 4)
    # 4 pupils behind it: for bestuur everything that identifies the finding is gone.
    (hidden,) = _by_signal("bestuur")["coverage_gap_persisting"]
    assert hidden["suppressed"] and hidden["subject"] is None and hidden["message"] is None


def test_growth_of_reasons_and_case_problems(signals_db):
    # schoolangst 2 -> 8: at least 1.5 x and 5 more: a signal; ziekte 4 -> 8: only 4 more.
    # no_fitting_place 1 -> 6: a signal; transport 2 -> 3: no.
    found = _by_signal()
    assert [(r["subject"], r["value"], r["reference"], r["cases"])
            for r in found["out_of_school_reason_growth"]] == [("schoolangst", 8.0, 2.0, 8)]
    assert [(r["subject"], r["value"], r["reference"])
            for r in found["case_problem_growth"]] == [("no_fitting_place", 6.0, 1.0)]
    assert found["out_of_school_reason_growth"][0]["message"] == (
        "Het aantal thuiszitters met reden 'schoolangst' groeide van 2 naar 8 ten opzichte van "
        "vorig schooljaar.")


def test_growth_for_the_board_hides_a_small_base_and_every_reason(signals_db):
    """no_fitting_place grew from 1 to 6: the sentence "groeide van 1 naar 6" would show a case
    count of 1, so smallest_group (1) hides the finding's figures and sentence for the board.
    The reason-growth signal names a free-text reason: the board does not get the row at all."""
    board = _by_signal("bestuur")
    assert "out_of_school_reason_growth" not in board
    (problem,) = board["case_problem_growth"]
    assert (problem["subject"], problem["value"], problem["reference"], problem["message"],
            problem["smallest_group"], problem["suppressed"]) == (
        None, None, None, None, None, True)
    (exact,) = _by_signal()["case_problem_growth"]
    assert exact["smallest_group"] == 1 and exact["cases"] == 6


def test_target_missed_two_years_running(signals_db):
    # Thuiszitters per 1,000: 6/3000 = 2.0 (2023-2024) and 16/3000 = 5.333 (2024-2025), both
    # above the target 1.5: a signal. Median waiting days 2024-2025: 10 of the 10 decided
    # referrals (five at 10 days, then 10, 20, 30, 40, 40) = 10, within 35: none.
    (row,) = _by_signal()["target_missed_twice"]
    assert (row["subject"], row["reference"], row["lower_limit"], row["cases"]) == (
        "out_of_school_per_1000", 1.5, 2.0, 16)
    assert row["value"] == pytest.approx(16 / 3)
    assert row["message"] == ("Het doel voor thuiszitters per 1.000 leerlingen (hoogstens 1,5) "
                              "is twee schooljaren op rij niet gehaald: 2,0 vorig schooljaar, "
                              "5,3 nu.")


def test_funnel_for_the_board_hides_a_second_unit_and_the_signal(signals_db, isolated_env):
    """With min_cell 6, school A's 5 referrals are hidden; the network rate times the pupils
    gives all 25 (network_cases), so 25 - 10 - 10 would give A away: a second school is
    hidden, B (10; B and C tie at 10, the first in order goes). The signal on A keeps only
    which school it is. Admissions: A's 5 are all of the network's, so the network total, its
    rate and the limits go too (they would give the 5 back)."""
    config = isolated_env / "pib.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n[privacy]\nmin_cell = 6\n",
                      encoding="utf-8")
    points = run_query("funnel_points", {**YEAR, "measure": "referrals", "level": "school"},
                       role="bestuur")
    assert points["subject"].to_list() == ["A", "B", "C"]
    assert points["cases"].to_list() == [None, None, 10]
    assert points["rate"].to_list()[:2] == [None, None]
    assert points["network_cases"].to_list() == [25, 25, 25]
    assert points["suppressed"].to_list() == [True, True, False]
    (signal,) = [r for r in run_query("signals", YEAR, role="bestuur").iter_rows(named=True)
                 if r["signal"] == "funnel_school_referrals"]
    assert (signal["cases"], signal["value"], signal["message"]) == (None, None, None)
    admissions = run_query("funnel_points", {**YEAR, "measure": "admissions", "level": "school"},
                           role="bestuur")
    assert admissions["cases"].to_list() == [None, None, None]  # a group of 0 is below 6 too
    assert admissions["network_cases"].to_list() == [None, None, None]
    assert admissions["network_rate"].null_count() == admissions["upper_998"].null_count() == 3
