"""Preventief en curatief: the shift from late, individual support to early, school- and
team-level work — share of preventive hours against the target, hours / counts / cost per kind
over the school years, and the kinds of support of the selected year."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.app import auth, filters
from dashboard.app.components import definition, has_rows, page_header, suppression_note
from dashboard.app.data import query
from dashboard.charts import STATIC_CONFIG
from dashboard.figures import prevention as figures
from dashboard.formatting import display_frame, number, percent, points, signed
from dashboard.kpis import kpi
from dashboard.labels import code_label, label

MEASURES = ("hours", "supports", "cost_eur")


def headline(trend: pl.DataFrame, year: str, target: float | None) -> None:
    years = trend["school_year"].to_list()
    i = years.index(year)
    row, before = trend.row(i, named=True), trend.row(i - 1, named=True) if i else None

    def delta(column: str, share: bool = False) -> str | None:
        if before is None or row[column] is None or before[column] is None:
            return None
        change = row[column] - before[column]
        return points(change) if share else signed(change)

    cols = st.columns(4)
    with cols[0]:
        st.metric(label("prev_share"), percent(row["preventive_hours_share"]),
                  delta("preventive_hours_share", share=True), border=True)
        share = row["preventive_hours_share"]
        if share is not None and target is not None:
            if share >= target:
                st.markdown(f":green-badge[:material/check_circle: {label('ov_on_target')}] "
                            + label("ov_target_min", target=percent(target)))
            else:
                st.markdown(f":red-badge[:material/error: {label('ov_off_target')}] "
                            + label("ov_target_min", target=percent(target)))
    with cols[1]:
        st.metric(label("prev_started"), number(row["supports_started"]),
                  delta("supports_started"), delta_color="off", border=True)
    with cols[2]:
        st.metric(label("prev_preventive_started"), number(row["preventive_started"]),
                  delta("preventive_started"), delta_color="off", border=True)
    with cols[3]:
        st.metric(label("prev_hours_total"), number(row["hours_total"]), delta("hours_total"),
                  delta_color="off", border=True)
    if before is not None:
        st.caption(label("prev_delta_note", before=before["school_year"]))


def year_table(year_kinds: pl.DataFrame) -> None:
    shown = display_frame(year_kinds.sort(["prevention_level", "kind"], descending=[True, False]), {
        "prevention_level": (label("prev_col_level"),
                             lambda c: code_label("prevention_level", c)),
        "kind": (label("prev_col_kind"), lambda c: code_label("support_kind", c)),
        "supports": (label("prev_measure_supports"), "int"),
        "hours": (label("prev_measure_hours"), "int"),
        "cost_eur": (label("prev_measure_cost_eur"), "euro"),
    })
    config = {c: st.column_config.TextColumn(c, width=w) for c, w in zip(
        shown.columns[:2], (75, 155), strict=True)}
    config.update({c: st.column_config.TextColumn(c, alignment="right", width=w) for c, w in zip(
        shown.columns[2:], (55, 60, 100), strict=True)})
    st.dataframe(shown, hide_index=True, width="stretch", column_config=config)


def render() -> None:
    auth.require("prevention")
    f = filters.current()
    page_header(label("page_prevention"), label("prev_intro"))
    if f.need_category:
        st.caption(label("prev_no_need_filter"))
    trend = query("prevention_trend", municipality_code=f.municipality_code)
    if not has_rows(trend, "supports_started"):
        return
    year = f.school_year or trend["school_year"][-1]
    has_year = year in trend["school_year"].to_list()
    target = kpi("preventive_hours_share").target_value()
    if has_year:
        headline(trend, year, target)
    else:
        st.info(label("prev_no_year", year=year))

    kinds = query("prevention_by_kind", municipality_code=f.municipality_code)
    measure = st.segmented_control(
        label("prev_measure"), MEASURES, default="hours", key="prev_measure",
        format_func=lambda m: label(f"prev_measure_{m}"), required=True)
    measure = measure or "hours"
    left, right = st.columns([4, 5])
    with left:
        st.plotly_chart(figures.share_chart(trend, year, target), width="stretch",
                        config=STATIC_CONFIG)
    with right:
        if has_rows(kinds, measure):
            st.plotly_chart(figures.by_kind_chart(kinds, measure), width="stretch",
                            config=STATIC_CONFIG)
    suppression_note(trend)

    st.subheader(label("prev_year_heading", year=year))
    year_kinds = kinds.filter(school_year=year)
    if has_year and has_rows(year_kinds, measure):
        left, right = st.columns(2)
        with left:
            st.plotly_chart(figures.year_chart(year_kinds, measure, year), width="stretch",
                            config=STATIC_CONFIG)
        with right:
            year_table(year_kinds)
        suppression_note(year_kinds)
    definition("prevention_trend", "prevention_by_kind")


render()
