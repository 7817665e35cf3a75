"""Financiën: the verdict, tiles and figures equal finance_years and finance_lines for the
roles of the page (AppTest), and the figure builders on hand-made rows."""

from __future__ import annotations

import polars as pl
import pytest

from dashboard.figures import finance as figures
from dashboard.formatting import euro, percent
from dashboard.labels import label
from queries import run_query
from tests.dashboard.apptest import charts, metrics, open_app, values


@pytest.mark.parametrize("role", ["bestuur", "kwaliteit"])
def test_the_page_shows_the_reserve_verdict_of_every_year(use_demo, role):
    years = run_query("finance_years", role=role)
    assert years["above_signal"].sum() >= 1  # the demo's story: one year above
    for row in years.iter_rows(named=True):
        at = open_app("finance.py", role, school_year=row["school_year"])
        assert [t.value for t in at.title] == [label("page_finance")]
        signal = euro(row["signaleringswaarde_eur"])
        if row["above_signal"]:
            assert [w.value for w in at.warning] == [label(
                "fin_above", amount=euro(row["above_eur"]), year=row["school_year"],
                signal=signal)]
        else:
            assert [s.value for s in at.success] == [label(
                "fin_below", amount=euro(-row["above_eur"]), year=row["school_year"],
                signal=signal)]
        assert metrics(at) == {
            label("fin_tile_income"): euro(row["income_eur"]),
            label("fin_tile_expense"): euro(row["expense_eur"]),
            label("fin_tile_preventive_share"): percent(row["preventive_share"]),
            label("fin_tile_reserve"): euro(row["reserve_eur"]),
        }
        shown = charts(at)
        assert values(shown["reserves"]["data"][1]["y"]) == pytest.approx(
            years["signaleringswaarde_eur"].to_list())
        lines = run_query("finance_lines", {"school_year": row["school_year"]}, role=role)
        table = at.dataframe[0].value
        assert table[label("fin_col_item")].tolist() == lines["item"].to_list()
        # money through the one formatter: a negative difference reads '€ −9.652'
        difference = table[label("fin_col_difference")].tolist()
        assert difference == [euro(v) for v in lines["difference_eur"]]
        assert not any(text.startswith(("€ -", "-")) for text in difference)


# A school user is refused this page, and an empty warehouse says so: tests/dashboard/test_app.py
# runs every page of navigation.PAGES for both.


YEARS = pl.DataFrame({
    "school_year": ["2023-2024", "2024-2025"], "income_eur": [5_100_000.0, 10_000_000.0],
    "expense_eur": [4_720_000.0, 8_000_000.0], "preventive_eur": [1_100_000.0, 2_000_000.0],
    "curative_eur": [3_100_000.0, 6_000_000.0], "preventive_share": [1.1 / 4.2, 0.25],
    "reserve_eur": [400_000.0, 300_000.0], "signaleringswaarde_eur": [250_000.0, 350_000.0],
    "above_eur": [150_000.0, -50_000.0], "above_signal": [True, False],
})


def test_reserve_figure_marks_the_year_above_in_the_warning_colour():
    fig = figures.reserves(YEARS, "2023-2024")
    bars, line = fig.data
    assert list(bars.marker.color) == [figures.ABOVE, figures.ACTUAL]
    assert list(bars.marker.line.width) == [3, 0]
    assert list(line.y) == [250_000.0, 350_000.0]
    assert list(bars.text) == ["€ 400.000", "€ 300.000"]


def test_prevention_figure_and_budget_by_category():
    fig = figures.preventive_curative(YEARS, "2024-2025")
    assert fig.layout.title.text == label("fin_prevention_title", share="25%", year="2024-2025")
    assert list(fig.data[2].text) == ["26%", "25%"]
    lines = pl.DataFrame({
        "category": ["income", "arrangements", "income"], "item": ["a", "b", "c"],
        "budget_eur": [100.0, 50.0, None], "actual_eur": [90.0, 60.0, 5.0],
    })
    assert figures.by_category(lines).rows() == [("income", 100.0, 95.0),
                                                  ("arrangements", 50.0, 60.0)]
