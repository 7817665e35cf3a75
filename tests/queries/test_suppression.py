"""Small-cell suppression (CONTRACT section 4): enforced in the layer, for every non-exact role."""

from __future__ import annotations

from datetime import date
from itertools import product

import polars as pl
import pytest

from queries import QueryError, describe, list_queries, run_query
from tests.queries.conftest import expect


def test_bestuur_sees_min_cell_exactly_and_min_cell_minus_one_empty(kpi_db):
    expect(run_query("waiting_times", role="bestuur", db=kpi_db), [
        ("2023-2024", "behaviour", None, None, None, None, True),  # 4 = min_cell - 1
        ("2023-2024", "communication", None, None, None, None, True),
        ("2023-2024", "learning", 5, 30.0, 46.8, 0.8, False),  # 5 = min_cell: exact
        ("2024-2025", "learning", None, None, None, None, True),
    ])


def test_kwaliteit_and_beheer_see_exact_figures_without_a_suppressed_column(kpi_db):
    for role in ("kwaliteit", "beheer"):
        frame = run_query("waiting_times", role=role, db=kpi_db)
        assert "suppressed" not in frame.columns
        assert frame["decided"].to_list() == [4, 2, 5, 2]


def test_school_role_is_suppressed(kpi_db):
    frame = run_query("waiting_times", role="school", db=kpi_db, school_ids=("NO_SUCH",))
    assert "suppressed" in frame.columns and frame.height == 0


def test_min_cell_comes_from_the_settings(kpi_db, isolated_env):
    (isolated_env / "pib.toml").write_text("[privacy]\nmin_cell = 3\n")
    frame = run_query("waiting_times", role="bestuur", db=kpi_db)
    # 2023-2024: behaviour 4, communication 2 (hidden), learning 5 of 11 decided; waiting_summary
    # shows 11, so 11 - 4 - 5 would give the 2: the smallest other row (behaviour 4) goes too.
    assert frame["decided"].to_list() == [None, None, 5, None]
    assert frame["suppressed"].to_list() == [True, True, False, True]


def test_counts_that_are_not_children_stay(kpi_db):
    expect(run_query("coverage", {"school_year": "2023-2024"}, role="bestuur", db=kpi_db), [
        ("GM0166", "communication", None, 0, None, None, True),
        ("GM0166", "learning", None, 0, None, None, True),
        ("GM0166", "psychiatric", None, 4, None, None, True),  # capacity is places, it stays
        ("GM0193", "behaviour", None, 1, None, None, True),
        ("GM0193", "learning", None, 5, None, None, True),
    ])


def test_one_row_queries_and_several_groups_per_row(kpi_db):
    expect(run_query("open_referrals", {"as_of": "2024-03-31"}, role="bestuur", db=kpi_db),
           [(None, None, None, None, True)])
    headline = run_query("kpi_headline", role="bestuur", db=kpi_db).filter(
        school_year="2023-2024")
    expect(headline, [
        # 13 received are shown; every group of fewer than 5 is empty. The 11 decided are
        # hidden too: waiting_distribution's bands of 2023-2024 (3, 1, 3, 4) are all hidden and
        # the filter margins of the waiting queries would pin them down from the total
        # (complementary suppression, queries/disclosure.py), so the total goes with them.
        ("2023-2024", 13, None, None, None, None, None, None, None, None, None, None, None,
         None, True),
    ])


def test_free_text_only_for_the_data_quality_roles(kpi_db):
    """Reasons are free text that may hold names: bestuur, school and every export (which run
    as bestuur) are refused; kwaliteit and beheer read them."""
    for role, ids in (("bestuur", ()), ("school", ("S1",))):
        with pytest.raises(QueryError, match="vrije tekst"):
            run_query("out_of_school_reasons", role=role, db=kpi_db, school_ids=ids)
    exact = run_query("out_of_school_reasons", role="beheer", db=kpi_db)
    assert exact.equals(run_query("out_of_school_reasons", role="kwaliteit", db=kpi_db))
    assert exact.height and "suppressed" not in exact.columns


def _refused(name: str, db, **params: object) -> bool:
    try:
        run_query(name, params, role="bestuur", db=db)
    except QueryError:
        return True
    return False


def test_norm_days_and_as_of_take_the_grid_only(kpi_db):
    """CONTRACT §4: stepping norm_days or the peildatum by one would show the children between
    two answers, so a suppressed role gets the configured norms (42, 42 + 28) and month ends
    only; the exact roles still step freely."""
    allowed = [n for n in range(0, 120) if not _refused("waiting_times", kpi_db, norm_days=n)]
    assert allowed == [42, 70]
    march = [date(2024, 3, d) for d in range(1, 32)]
    assert [d for d in march if not _refused("open_referrals", kpi_db, as_of=d)] == [
        date(2024, 3, 31)]
    with pytest.raises(QueryError, match="geen laatste dag van een maand"):
        run_query("open_referrals", {"as_of": "2024-03-30"}, role="school", db=kpi_db,
                  school_ids=("S1",))
    assert run_query("waiting_times", {"norm_days": 49}, role="kwaliteit", db=kpi_db).height
    assert run_query("open_referrals", {"as_of": "2024-03-30"}, role="kwaliteit", db=kpi_db
                     ).height


def test_parameters_cannot_switch_suppression_off(kpi_db):
    for sneaky in ({"role": "kwaliteit"}, {"min_cell": 0}, {"suppressed": "false"},
                   {"columns": "decided"}):
        with pytest.raises(QueryError, match="onbekende parameter"):
            run_query("waiting_times", sneaky, role="bestuur", db=kpi_db)
    # A parameter value is bound, never pasted into SQL.
    frame = run_query("waiting_times", {"municipality_code": "x' or '1'='1"}, role="bestuur",
                      db=kpi_db)
    assert frame.height == 0
    # Every filter combination still suppresses; norm_days only on its grid (42 or 70 days).
    for school_year, norm_days in product(("2023-2024", "2024-2025"), (42, 70)):
        frame = run_query("waiting_times", {"school_year": school_year, "norm_days": norm_days},
                          role="bestuur", db=kpi_db)
        assert frame.filter(pl.col("decided") < 5).height == 0
    with pytest.raises(QueryError, match="norm_days 0 is niet toegestaan; kies 42 of 70"):
        run_query("waiting_times", {"norm_days": 0}, role="bestuur", db=kpi_db)


@pytest.mark.parametrize("role", ["Bestuur", "bestuur ", "admin", ""])
def test_unknown_roles_are_refused(kpi_db, role):
    with pytest.raises(QueryError, match="onbekende rol"):
        run_query("waiting_times", role=role, db=kpi_db)


def test_a_query_without_suppression_says_why():
    for name in list_queries():
        meta = describe(name)
        assert meta.counts or "no suppression" in meta.definition, name
