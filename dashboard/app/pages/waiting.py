"""Wachttijden: how long referrals wait for a decision, against the zorgplicht norm.

For the board: the tiles (the selected school year against the targets) and the monthly chart,
whose title names the spring/summer peak when the data shows one. For quality officers: the
monthly inflow, the distribution in bands, the share within the norm per need category and the
open waiting list on a peildatum (`as_of`, kept in the URL). Every figure is a row of a named
query (`waiting_summary`, `waiting_monthly`, `referral_inflow_monthly`, `waiting_distribution`,
`waiting_times`, `open_referrals`, `open_referrals_ageing`); the page only picks and formats.
"""

from __future__ import annotations

import contextlib
from datetime import date

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
from dashboard.app.data import current_role, query
from dashboard.charts import CHART_CONFIG
from dashboard.figures import waiting as figures
from dashboard.formatting import days, number, percent, points, signed
from dashboard.kpis import kpi
from dashboard.labels import label
from etl.settings import get_settings
from queries.roles import get_role, last_month_end, month_ends

# -- formatting helpers (display only) ---------------------------------------------------------

def day_count(value: float | None) -> str:
    """Days without the unit, for tiles whose label says 'dagen'."""
    return number(value, 0 if value is None or float(value).is_integer() else 1)


# -- sections ----------------------------------------------------------------------------------

def tiles(summary: pl.DataFrame, year: str) -> None:
    settings = get_settings()
    norm, extended = settings.decision_days, settings.decision_days + settings.extension_days
    years = summary["school_year"].to_list()
    if year not in years:
        st.info(label("wt_no_year", what=label("referrals"), year=year))
        return
    i = years.index(year)
    row = summary.row(i, named=True)
    before = summary.row(i - 1, named=True) if i > 0 else None

    def delta(column: str, kind: str) -> str | None:
        if before is None or row[column] is None or before[column] is None:
            return None
        change = row[column] - before[column]
        return points(change) if kind == "share" else signed(change, 0 if float(
            change).is_integer() else 1)

    cols = st.columns(5)
    cols[0].metric(label("decided"), number(row["decided"]), border=True,
                   help=label("wt_tile_decided_help", what=label("referrals").capitalize(),
                              year=year))
    cols[1].metric(label("within_days", days=norm), percent(row["within_norm_share"]),
                   delta("within_norm_share", "share"), border=True,
                   help=label("wt_tile_within_help", days=norm))
    cols[2].metric(label("within_days", days=extended),
                   percent(row["within_extension_share"]),
                   delta("within_extension_share", "share"), border=True,
                   help=label("wt_tile_within_ext_help", days=extended))
    cols[3].metric(label("median_days"), day_count(row["median_days"]),
                   delta("median_days", "days"), delta_color="inverse", border=True,
                   help=label("wt_tile_median_help"))
    cols[4].metric(label("wt_tile_p90"), day_count(row["p90_days"]), delta("p90_days", "days"),
                   delta_color="inverse", border=True, help=label("wt_tile_p90_help"))
    st.markdown(label(
        "wt_verdict", year=year, within=percent(row["within_norm_share"]), norm=norm,
        target_within=target_badge(kpi("within_norm_share"), row["within_norm_share"]),
        median=days(row["median_days"]),
        target_median=target_badge(kpi("median_waiting_days"), row["median_days"]),
    ))
    if before:
        st.caption(label("fig_delta_caption", year=before["school_year"]))


def monthly_section(f: filters.Filters, year: str | None) -> None:
    settings = get_settings()
    norm, extended = settings.decision_days, settings.decision_days + settings.extension_days
    selected = settings.school_year_bounds(year) if year is not None else None
    monthly = query("waiting_monthly", municipality_code=f.municipality_code,
                    need_category=f.need_category)
    if has_rows(monthly, "median_days"):
        st.plotly_chart(figures.monthly(monthly, norm, extended, selected), width="stretch",
                        config=CHART_CONFIG, key="monthly")
        st.caption(label("wt_monthly_caption", what=label("referrals")))
        suppression_note(monthly)

    inflow = query("referral_inflow_monthly", municipality_code=f.municipality_code,
                   need_category=f.need_category)
    if has_rows(inflow, "received"):
        st.plotly_chart(figures.inflow(inflow, selected), width="stretch", config=CHART_CONFIG,
                        key="inflow")
        suppression_note(inflow)
    definition("waiting_monthly", "referral_inflow_monthly")


def distribution_section(f: filters.Filters, year: str, summary: pl.DataFrame) -> None:
    settings = get_settings()
    norm, extended = settings.decision_days, settings.decision_days + settings.extension_days
    left, right = st.columns(2)
    with left:
        dist = query("waiting_distribution", school_year=year,
                     municipality_code=f.municipality_code, need_category=f.need_category)
        if has_rows(dist, "referrals"):
            st.plotly_chart(figures.distribution(dist, summary, year, norm, extended),
                            width="stretch", config=CHART_CONFIG, key="distribution")
            st.caption(label("wt_dist_caption", what=label("referrals"), year=year))
            suppression_note(dist)
    with right:
        per_need = query("waiting_times", school_year=year, municipality_code=f.municipality_code)
        if has_rows(per_need, "within_norm_share"):
            fig = figures.per_need(per_need, f.need_category,
                                   kpi("within_norm_share").target_value(), norm)
            st.plotly_chart(fig, width="stretch", config=CHART_CONFIG, key="per_need")
            if f.need_category:
                st.caption(label("wt_need_all_caption"))
            suppression_note(per_need)
    definition("waiting_summary", "waiting_distribution", "waiting_times")


def default_as_of(year: str | None, month_end: bool = False) -> date:
    """The last day of the selected school year, or today if that is earlier; with
    `month_end` (a suppressed role) the last month end on or before that day."""
    today = date.today()
    day = today if year is None else min(get_settings().school_year_bounds(year)[1], today)
    return last_month_end(day) if month_end else day


def as_of_input(year: str | None) -> date:
    """The peildatum: from the URL on arrival, back to the default when the year changes. A
    suppressed role (bestuur, school) picks from month ends only (CONTRACT §4: stepping the
    peildatum by a day would single out one referral); a date in the link moves back to the
    month end before it."""
    state = st.session_state
    month_end = not get_role(current_role()).exact
    if "as_of" not in state or state.get("_as_of_year") != year:
        value = default_as_of(year, month_end)
        if "as_of" not in state and "_as_of_year" not in state:  # first arrival: the link
            with contextlib.suppress(ValueError):
                value = date.fromisoformat(st.query_params.get("as_of", ""))
        value = min(value, date.today())
        state["as_of"] = last_month_end(value) if month_end else value
        state["_as_of_year"] = year
    if month_end:
        first = (get_settings().school_year_bounds(year)[0] if year
                 else date.today().replace(year=date.today().year - 5))
        options = month_ends(min(first, state["as_of"]), date.today())
        if state["as_of"] not in options:
            state["as_of"] = options[0]
        picked = st.selectbox(label("wt_as_of"), options, key="as_of",
                              format_func=lambda d: d.strftime("%d-%m-%Y"),
                              help=label("wt_as_of_month_end_help"), width=200)
    else:
        picked = st.date_input(label("wt_as_of"), key="as_of", format="DD-MM-YYYY",
                               min_value=date(2000, 1, 1), max_value=date.today(),
                               help=label("wt_as_of_help"), width=200)
    st.query_params["as_of"] = picked.isoformat()
    return picked


def open_section(f: filters.Filters, year: str | None) -> None:
    st.subheader(label("wt_open_header"))
    as_of = as_of_input(year)
    day = as_of.strftime("%d-%m-%Y")
    what = label("referrals")
    opened = query("open_referrals", as_of=as_of.isoformat(),
                   municipality_code=f.municipality_code, need_category=f.need_category)
    row = opened.row(0, named=True)
    cols = st.columns(4)
    cols[0].metric(label("wt_open_total"), number(row["open_total"]), border=True)
    cols[1].metric(label("open_over_6_weeks"), number(row["open_over_6_weeks"]), border=True)
    cols[2].metric(label("open_over_10_weeks"), number(row["open_over_10_weeks"]), border=True)
    cols[3].metric(label("oldest_days"), day_count(row["oldest_days"]), border=True)
    ageing = query("open_referrals_ageing", as_of=as_of.isoformat(),
                   municipality_code=f.municipality_code)
    if f.need_category:
        ageing = ageing.filter(need_category=f.need_category)
    if row["open_total"] == 0:
        st.info(label("wt_open_none", day=day, what=what))
    elif row["open_total"] is not None and has_rows(ageing, "open"):
        fig = figures.ageing(ageing, row["open_total"], row["open_over_6_weeks"], day)
        st.plotly_chart(fig, width="stretch", config=CHART_CONFIG, key="ageing")
    suppression_note(next((frame for frame in (opened, ageing) if "suppressed" in frame.columns
                           and frame["suppressed"].any()), opened))
    definition("open_referrals", "open_referrals_ageing")


def render() -> None:
    auth.require("waiting")
    f = filters.current()
    settings = get_settings()
    page_header(label("page_waiting"), label(
        "wt_intro", what=label("referrals"), norm=settings.decision_days,
        extended=settings.decision_days + settings.extension_days))
    summary = query("waiting_summary", municipality_code=f.municipality_code,
                    need_category=f.need_category)
    inflow = query("referral_inflow_monthly", municipality_code=f.municipality_code,
                   need_category=f.need_category)
    if summary.height == 0 and inflow.height == 0:
        has_rows(summary)
        return
    years = summary["school_year"].to_list()
    year = f.school_year or (years[-1] if years else None)
    if year is not None:
        tiles(summary, year)
        suppression_note(summary)
    monthly_section(f, year)
    if year is not None:
        distribution_section(f, year, summary)
    open_section(f, year)


render()
