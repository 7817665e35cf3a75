"""Leersteun (profile vl): where the leersteun of the leersteuncentrum goes — to the pupil, the
teacher or the team — and how it shifts from the pupil to the teacher and the team over the
school years against the target; per type, fase and verslag; duration and frequency. A partner
(school, CLB, pedagogisch begeleider) sees the same page over its own schools, suppressed."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.app import auth, filters
from dashboard.app.components import definition, has_rows, page_header, suppression_note
from dashboard.app.data import query
from dashboard.charts import COLOURS, STATIC_CONFIG
from dashboard.figures import leersteun as figures
from dashboard.formatting import display_frame, number, percent, points
from dashboard.kpis import LEERSTEUN_KPI
from dashboard.labels import code_label, label
from queries.roles import ROLES

SHARE = figures.SHARE


def partner_note() -> None:
    """For a partner (a scoped role): whose view this is and over which schools."""
    role = auth.role()
    if ROLES[role].scoped:
        schools = ", ".join(st.session_state.get("school_ids", ()))
        st.info(label(f"ls_partner_{role}", schools=schools))


def headline(trend: pl.DataFrame, year: str) -> None:
    years = trend["school_year"].to_list()
    i = years.index(year)
    row, before = trend.row(i, named=True), trend.row(i - 1, named=True) if i else None
    share = row[SHARE]
    change = (points(share - before[SHARE]) if before is not None and share is not None
              and before[SHARE] is not None else None)
    cols = st.columns(4)
    with cols[0]:
        st.metric(label("ls_share_metric"), percent(share), change, border=True,
                  help=LEERSTEUN_KPI.name)
        target = LEERSTEUN_KPI.target_value()
        hit = LEERSTEUN_KPI.on_target(share)
        if hit is not None:
            badge = (f":green-badge[:material/check_circle: {label('ov_on_target')}]" if hit
                     else f":red-badge[:material/error: {label('ov_off_target')}]")
            st.markdown(f"{badge} {label('ov_target_min', target=percent(target))}")
    for col, level in zip(cols[1:], figures.LEVELS, strict=True):
        with col:
            st.metric(label(f"ls_{level}_started"), number(row[f"{level}_started"]),
                      border=True)


def untyped(frame: pl.DataFrame, column: str) -> None:
    """The caption under a chart without the `unknown` row: how many supports that row holds."""
    rest = frame.filter(pl.col(column) == "unknown")
    if rest.height:
        st.caption(label(f"ls_without_{column}", n=number(rest["supports"][0])))


def duration_table(duration: pl.DataFrame) -> None:
    shown = display_frame(duration, {
        "target_level": (label("ls_col_level"), lambda c: code_label("target_level", c)),
        "supports": (label("ls_col_supports"), "int"),
        "pupils": (label("ls_col_pupils"), "int"),
        "sessions": (label("ls_col_sessions"), "int"),
        "sessions_per_support": (label("ls_col_sessions_per_support"), "dec1"),
        "sessions_per_pupil": (label("ls_col_sessions_per_pupil"), "dec1"),
        "ended": (label("ls_col_ended"), "int"),
        "median_weeks": (label("ls_col_median_weeks"), "dec1"),
    })
    config = {c: st.column_config.TextColumn(c, alignment="right") for c in shown.columns[1:]}
    st.dataframe(shown, hide_index=True, width="stretch", column_config=config)


def render() -> None:
    auth.require("leersteun")
    f = filters.current()
    page_header(label("page_leersteun"), label("ls_intro"))
    partner_note()
    if f.municipality_code or f.need_category:
        st.caption(label("ls_no_filter"))
    trend = query("support_target_trend")
    if not has_rows(trend, "school_year"):
        return
    year = f.school_year or trend["school_year"][-1]
    if year in trend["school_year"].to_list():
        headline(trend, year)
    else:
        st.info(label("ls_no_year", year=year))
    left, right = st.columns(2)
    with left:
        st.plotly_chart(figures.share_chart(trend, year, LEERSTEUN_KPI.target_value()),
                        width="stretch", config=STATIC_CONFIG)
    with right:
        st.plotly_chart(figures.levels_chart(trend), width="stretch", config=STATIC_CONFIG)
    suppression_note(trend)

    st.subheader(label("ls_year_heading", year=year))
    by_target = query("support_by_target", school_year=year)
    by_type = query("support_by_education_type", school_year=year)
    by_phase = query("support_by_care_phase", school_year=year)
    by_report = query("support_by_report_type", school_year=year)
    left, right = st.columns(2)
    with left:
        if has_rows(by_target, "supports_started"):
            st.plotly_chart(figures.target_chart(by_target, year), width="stretch",
                            config=STATIC_CONFIG)
        if has_rows(by_phase, "supports"):
            st.plotly_chart(figures.breakdown_chart(
                by_phase, "care_phase", "supports", label("ls_phase_title", year=year),
                label("ls_phase_sub")), width="stretch", config=STATIC_CONFIG)
    with right:
        # team-level work has no type and no verslag: counted beside the chart, not as a bar
        typed = by_type.filter(pl.col("type_group") != "unknown")
        if has_rows(typed, "supports"):
            st.plotly_chart(figures.type_chart(typed, year), width="stretch",
                            config=STATIC_CONFIG)
            untyped(by_type, "type_group")
        reported = by_report.filter(pl.col("report_type") != "unknown")
        if has_rows(reported, "supports"):
            st.plotly_chart(figures.breakdown_chart(
                reported, "report_type", "supports", label("ls_report_title", year=year),
                label("ls_report_sub"), colours=[COLOURS["type_group"]["broad"]] * reported.height),
                width="stretch", config=STATIC_CONFIG)
            untyped(by_report, "report_type")
    for frame in (by_target, by_type, by_phase, by_report):
        if "suppressed" in frame.columns and frame["suppressed"].any():
            suppression_note(frame)
            break

    st.subheader(label("ls_duration_heading", year=year))
    duration = query("support_duration", school_year=year)
    if has_rows(duration, "target_level"):
        duration_table(duration)
        st.caption(label("ls_duration_caption"))
        suppression_note(duration)
    definition("support_target_trend", "support_by_target", "support_by_education_type",
               "support_by_care_phase", "support_by_report_type", "support_duration")


render()
