"""Financiën: the network's budget against actuals per category and line for the selected
school year (`finance_lines`), preventive against curative spending and the reserve against
the signaleringswaarde over the school years (`finance_years`, which computes the
signaleringswaarde in SQL). Money, not counts: no suppression. The gemeente and need filters
do not apply (the books are the network's). The page picks and formats rows; it computes no
figure of its own.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.app import auth, filters
from dashboard.app.components import definition, has_rows, page_header
from dashboard.app.data import query
from dashboard.charts import CHART_CONFIG
from dashboard.figures import finance as figures
from dashboard.formatting import euro, percent
from dashboard.labels import code_label, label


def verdict(row: dict) -> None:
    """The reserve of the year against the signaleringswaarde, in words (warning when above)."""
    year = row["school_year"]
    if row["reserve_eur"] is None:
        st.info(label("fin_no_reserve", year=year))
        return
    signal = euro(row["signaleringswaarde_eur"])
    if row["above_signal"]:
        st.warning(label("fin_above", amount=euro(row["above_eur"]), year=year, signal=signal),
                   icon=":material/warning:")
    else:
        st.success(label("fin_below", amount=euro(-row["above_eur"]), year=year,
                         signal=signal), icon=":material/check_circle:")


def tiles(row: dict) -> None:
    cols = st.columns(4)
    cols[0].metric(label("fin_tile_income"), euro(row["income_eur"]), border=True)
    cols[1].metric(label("fin_tile_expense"), euro(row["expense_eur"]), border=True)
    cols[2].metric(label("fin_tile_preventive_share"), percent(row["preventive_share"]),
                   border=True)
    cols[3].metric(label("fin_tile_reserve"), euro(row["reserve_eur"]), border=True)


def lines_table(lines: pl.DataFrame, year: str) -> None:
    st.markdown(f"**{label('fin_lines', year=year)}**")
    st.dataframe(pl.DataFrame({
        label("fin_col_category"): [code_label("finance_category", c) for c in lines["category"]],
        label("fin_col_item"): lines["item"].to_list(),
        label("fin_budget"): [euro(v) for v in lines["budget_eur"]],
        label("fin_actual"): [euro(v) for v in lines["actual_eur"]],
        label("fin_col_difference"): [euro(v) for v in lines["difference_eur"]],
        label("fin_col_spent"): [percent(v) for v in lines["spent_share"]],
    }), hide_index=True, width="stretch")


def render() -> None:
    auth.require("finance")
    f = filters.current()
    page_header(label("page_finance"), label("fin_intro"))
    years = query("finance_years")
    if f.school_year is None or not has_rows(years):
        return
    year = f.school_year
    this = years.filter(school_year=year)
    if this.height == 0:
        st.info(label("fin_no_year", year=year))
    else:
        row = this.row(0, named=True)
        verdict(row)
        tiles(row)
    st.plotly_chart(figures.reserves(years, year), width="stretch", config=CHART_CONFIG,
                    key="reserves")
    lines = query("finance_lines", school_year=year)
    if lines.height:
        st.plotly_chart(figures.budget_actual(lines, year), width="stretch", config=CHART_CONFIG,
                        key="budget")
        lines_table(lines, year)
    st.plotly_chart(figures.preventive_curative(years, year), width="stretch", config=CHART_CONFIG,
                    key="prevention")
    definition("finance_years", "finance_lines")


render()
