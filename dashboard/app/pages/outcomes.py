"""Resultaten: were the goals of support met (against the board's target), and where did pupils
go after support. Both queries (`outcomes`, `outcome_destinations`) follow the gemeente filter
(the support's municipality) and count by school year of the evaluation; the need-category
filter does not apply. The page picks and formats rows; it computes no figure of its own.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.app import auth, filters
from dashboard.app.components import (
    definition,
    has_rows,
    page_header,
    suppression_note,
    target_badge,
)
from dashboard.app.data import query
from dashboard.charts import CHART_CONFIG
from dashboard.figures import outcomes as figures
from dashboard.formatting import number, percent, points, signed
from dashboard.kpis import kpi
from dashboard.labels import code_label, label

UNKNOWN_WARNING = 0.2  # say so when more than this share of destinations is not filled in


def tiles(outcomes: pl.DataFrame, year: str, target: float | None) -> None:
    years = outcomes["school_year"].to_list()
    if year not in years:
        st.info(label("oc_no_year", year=year))
        return
    i = years.index(year)
    row = outcomes.row(i, named=True)
    before = outcomes.row(i - 1, named=True) if i > 0 else None

    def delta(column: str) -> str | None:
        if before is None or row[column] is None or before[column] is None:
            return None
        change = row[column] - before[column]
        return points(change) if column.endswith("share") else signed(change)

    cols = st.columns(3)
    cols[0].metric(label("evaluations"), number(row["evaluated"]), delta("evaluated"),
                   delta_color="off", border=True, help=label("oc_tile_evaluated_help"))
    cols[1].metric(label("goals_achieved"), percent(row["achieved_share"]),
                   delta("achieved_share"), border=True)
    cols[2].metric(label("oc_tile_partly"), percent(row["achieved_or_partly_share"]),
                   delta("achieved_or_partly_share"), border=True)
    st.markdown(label("oc_verdict", year=year, achieved=percent(row["achieved_share"]),
                      target=target_badge(kpi("achieved_share"), row["achieved_share"])))
    if before:
        st.caption(label("fig_delta_caption", year=before["school_year"]))


def trend_chart(outcomes: pl.DataFrame, year: str, target: float | None) -> None:
    if not has_rows(outcomes, "achieved_share"):
        return
    st.plotly_chart(figures.achieved(outcomes, year, target), width="stretch", config=CHART_CONFIG,
                    key="achieved")
    suppression_note(outcomes)


def destinations(dest: pl.DataFrame, year: str) -> None:
    if not has_rows(dest, "evaluations"):
        return
    this = figures.year_destinations(dest, year)
    unknown = dict(zip(this["destination"], this["share"], strict=True)).get("unknown")
    left, right = st.columns([3, 2])
    with left:
        st.plotly_chart(figures.destinations(dest, year), width="stretch", config=CHART_CONFIG,
                        key="destinations")
    with right:
        st.markdown(f"**{label('oc_dest_table', year=year)}**")
        if this.height == 0:
            st.info(label("no_data"))
        else:
            table = pl.DataFrame({
                label("oc_destination"): [code_label("destination", c)
                                          for c in this["destination"]],
                label("evaluations"): [number(n) for n in this["evaluations"]],
                label("oc_share"): [percent(s) for s in this["share"]],
            })
            st.dataframe(table, hide_index=True, width="stretch", key="destination_table")
        if unknown is not None and unknown > UNKNOWN_WARNING:
            st.warning(label("oc_unknown_warning", unknown=percent(unknown), year=year))
    suppression_note(dest)


def render() -> None:
    auth.require("outcomes")
    f = filters.current()
    page_header(label("page_outcomes"), label("oc_intro"))
    outcomes = query("outcomes", municipality_code=f.municipality_code)
    dest = query("outcome_destinations", municipality_code=f.municipality_code)
    if outcomes.height == 0:
        has_rows(outcomes)
        return
    if f.need_category:
        st.caption(label("fig_need_not_used"))
    year = f.school_year or outcomes["school_year"][-1]
    target = kpi("achieved_share").target_value()
    tiles(outcomes, year, target)
    trend_chart(outcomes, year, target)
    definition("outcomes")
    st.subheader(label("oc_dest_header"))
    destinations(dest, year)
    definition("outcome_destinations")


render()
