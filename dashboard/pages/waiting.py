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
from datetime import date, timedelta

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from dashboard import auth, filters
from dashboard.charts import ACCENT, COLOURS, TARGET, style
from dashboard.components import definition, has_rows, page_header, suppression_note
from dashboard.data import query
from dashboard.formatting import EMPTY, number, percent, points, signed
from dashboard.labels import code_label, code_labels, label
from etl.settings import get_settings

CONFIG = {"displaylogo": False}
LIGHT = "#9ecae1"  # the second measure next to ACCENT
MEASURES = (("received_to_decided", "wt_to_decided", ACCENT),
            ("received_to_complete", "wt_to_complete", LIGHT))
AGE_BANDS = (("0-42", "wt_age_0_42"), ("43-70", "wt_age_43_70"), ("71+", "wt_age_71"))


# -- formatting helpers (display only) ---------------------------------------------------------

def days(value: float | None) -> str:
    if value is None:
        return EMPTY
    return label("fig_days", value=number(value, 0 if float(value).is_integer() else 1))


def day_count(value: float | None) -> str:
    """Days without the unit, for tiles whose label says 'dagen'."""
    return number(value, 0 if value is None or float(value).is_integer() else 1)


def months_text(months: list[int]) -> str:
    """[5, 6, 7] → 'mei t/m juli'; [5, 6] → 'mei en juni'; [7] → 'juli'."""
    names = label("fig_months").split()
    if len(months) == 1:
        return names[months[0] - 1]
    joiner = " en " if len(months) == 2 else " t/m "
    return names[months[0] - 1] + joiner + names[months[-1] - 1]


def month_label(day: date) -> str:
    return f"{label('fig_months_short').split()[day.month - 1]} {day.year}"


def month_axis(fig: go.Figure, months: list[date]) -> None:
    """Dutch month ticks: every month for one year, else February and August."""
    ticks = months if len(months) <= 14 else [m for m in months if m.month in (2, 8)]
    fig.update_xaxes(tickvals=ticks, ticktext=[month_label(m) for m in ticks])


def badge(value: float | None, target: float | None, higher_is_better: bool,
          target_text: str) -> str:
    """On/off target in words, an icon and a colour (never colour alone); '' without target."""
    if target is None:
        return ""
    kind = "min" if higher_is_better else "max"
    if value is None:
        return f":gray-badge[{label(f'fig_target_{kind}', target=target_text)}]"
    hit = value >= target if higher_is_better else value <= target
    if hit:
        return (f":green-badge[:material/check_circle: "
                f"{label(f'fig_meets_{kind}', target=target_text)}]")
    return f":red-badge[:material/error: {label(f'fig_misses_{kind}', target=target_text)}]"


def peak_months(frame: pl.DataFrame, column: str, factor: float = 1.15,
                width: int = 3) -> list[int] | None:
    """The `width` consecutive calendar months with the highest mean of `column` over the years
    shown, when that mean is at least `factor` x the mean of the other months; else None.
    Only words a title: it is never shown as a figure."""
    known = frame.drop_nulls(column).with_columns(pl.col("month").dt.month().alias("m"))
    if known["m"].n_unique() < 12:
        return None
    means = dict(known.group_by("m").agg(pl.col(column).mean()).iter_rows())
    windows = [[(start + i - 1) % 12 + 1 for i in range(width)] for start in range(1, 13)]

    def split(window: list[int]) -> tuple[float, float]:
        inside = [means[m] for m in window]
        outside = [v for m, v in means.items() if m not in window]
        return sum(inside) / len(inside), sum(outside) / len(outside)

    best = max(windows, key=lambda w: split(w)[0])
    peak, rest = split(best)
    return best if rest > 0 and peak >= factor * rest else None


def shade_year(fig: go.Figure, year: str | None) -> None:
    if year is None:
        return
    first, last = get_settings().school_year_bounds(year)
    fig.add_vrect(x0=first - timedelta(days=16), x1=last - timedelta(days=14),
                  fillcolor=ACCENT, opacity=0.07, line_width=0, layer="below",
                  annotation_text=label("fig_selected_year"), annotation_position="top left",
                  annotation_font_color=TARGET, annotation_font_size=11)


# -- sections ----------------------------------------------------------------------------------

def tiles(summary: pl.DataFrame, year: str) -> None:
    settings = get_settings()
    norm, extended = settings.decision_days, settings.decision_days + settings.extension_days
    targets = settings.targets
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
    within_target = targets.get("within_norm_share")
    median_target = targets.get("median_waiting_days")
    st.markdown(label(
        "wt_verdict", year=year, within=percent(row["within_norm_share"]), norm=norm,
        target_within=badge(row["within_norm_share"], within_target, True,
                            percent(within_target)),
        median=days(row["median_days"]),
        target_median=badge(row["median_days"], median_target, False, days(median_target)),
    ))
    if before:
        st.caption(label("fig_delta_caption", year=before["school_year"]))


def monthly_section(f: filters.Filters, year: str | None) -> None:
    settings = get_settings()
    norm, extended = settings.decision_days, settings.decision_days + settings.extension_days
    monthly = query("waiting_monthly", municipality_code=f.municipality_code,
                    need_category=f.need_category)
    if has_rows(monthly, "median_days"):
        peak = peak_months(monthly, "median_days")
        if peak:
            top = monthly.filter(pl.col("month").dt.month().is_in(peak))["median_days"].max()
            title = label("wt_monthly_peak", what=label("referrals").capitalize(),
                          months=months_text(peak), days=number(top, 0 if float(
                              top).is_integer() else 1))
        else:
            title = label("wt_monthly_plain")
        months = monthly["month"].to_list()
        hover = [f"{month_label(m)}: {label('decided').lower()} {number(n)}"
                 for m, n in zip(months, monthly["decided"].to_list(), strict=True)]
        fig = go.Figure()
        fig.add_scatter(x=months, y=monthly["median_days"], name=label("wt_median"),
                        mode="lines+markers", line={"color": ACCENT, "width": 2.5},
                        marker={"size": 5}, customdata=hover,
                        hovertemplate="%{customdata}<br>" + label("wt_median")
                        + ": %{y:,.1f} dagen<extra></extra>")
        fig.add_scatter(x=months, y=monthly["p90_days"], name=label("wt_p90"), mode="lines",
                        line={"color": ACCENT, "width": 1.5, "dash": "dot"}, customdata=hover,
                        hovertemplate="%{customdata}<br>" + label("wt_p90")
                        + ": %{y:,.1f} dagen<extra></extra>")
        fig.add_hline(y=norm, line_dash="dash", line_color=TARGET, line_width=1,
                      annotation_text=label("wt_norm_line", days=norm),
                      annotation_position="bottom right")
        fig.add_hline(y=extended, line_dash="dash", line_color=COLOURS["waiting_band"]["71+"],
                      line_width=1, annotation_text=label("wt_ext_line", days=extended),
                      annotation_position="top right")
        shade_year(fig, year)
        style(fig, title, x=label("fig_month"), y=label("wt_days_axis"))
        month_axis(fig, months)
        fig.update_layout(height=380, legend={"orientation": "h", "y": -0.2})
        st.plotly_chart(fig, width="stretch", config=CONFIG, key="monthly")
        st.caption(label("wt_monthly_caption", what=label("referrals")))
        suppression_note(monthly)

    inflow = query("referral_inflow_monthly", municipality_code=f.municipality_code,
                   need_category=f.need_category)
    if has_rows(inflow, "received"):
        totals = inflow.group_by("month").agg(pl.col("received").sum()).sort("month")
        busy = peak_months(totals, "received")
        title = (label("wt_inflow_title", what=label("referrals"), months=months_text(busy))
                 if busy else label("wt_inflow_plain", what=label("referrals")))
        fig = go.Figure()
        for code, name in code_labels("request_type").items():
            part = inflow.filter(request_type=code)
            if part.height == 0:
                continue
            fig.add_bar(x=part["month"], y=part["received"], name=name,
                        marker_color=COLOURS["request_type"].get(code, TARGET),
                        customdata=[month_label(m) for m in part["month"]],
                        hovertemplate="%{customdata}, " + name + ": %{y:,}<extra></extra>")
        shade_year(fig, year)
        style(fig, title, x=label("fig_month"),
              y=label("wt_inflow_axis", what=label("referrals")))
        month_axis(fig, totals["month"].to_list())
        fig.update_layout(barmode="stack", height=340, bargap=0.15,
                          legend={"orientation": "h", "y": -0.3, "traceorder": "normal"})
        st.plotly_chart(fig, width="stretch", config=CONFIG, key="inflow")
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
            row = summary.filter(school_year=year)
            if row.height and row["within_norm_share"][0] is not None:
                title = label("wt_dist_title", year=year, within=percent(
                    row["within_norm_share"][0]), norm=norm, within_ext=percent(
                    row["within_extension_share"][0]), extended=extended)
            else:
                title = label("wt_dist_plain", year=year)
            fig = go.Figure()
            for measure, key, colour in MEASURES:
                part = dist.filter(measure=measure)
                bands = [b.replace("-", "–") for b in part["band"]]
                fig.add_bar(x=bands, y=part["share"], name=label(key), marker_color=colour,
                            text=[percent(s) if s is not None else "" for s in part["share"]],
                            textposition="outside", customdata=part["referrals"],
                            hovertemplate=label(key) + ", %{x}: %{y:.0%} (%{customdata:,})"
                            "<extra></extra>")
            for x, text, side in ((2.5, label("wt_norm_line", days=norm), "top left"),
                                  (3.5, label("wt_ext_line", days=extended), "top right")):
                fig.add_vline(x=x, line_dash="dash", line_color=TARGET, line_width=1,
                              annotation_text=text, annotation_position=side,
                              annotation_font_size=11)
            style(fig, title, x=label("wt_band_axis_days"), y=label("wt_share_axis"),
                  percent=True)
            fig.update_layout(barmode="group", height=420, legend={"orientation": "h",
                                                                   "y": -0.22})
            fig.update_yaxes(rangemode="tozero")
            st.plotly_chart(fig, width="stretch", config=CONFIG, key="distribution")
            st.caption(label("wt_dist_caption", what=label("referrals"), year=year))
            suppression_note(dist)
    with right:
        per_need = query("waiting_times", school_year=year, municipality_code=f.municipality_code)
        if has_rows(per_need, "within_norm_share"):
            target = settings.targets.get("within_norm_share")
            shown = per_need.sort("within_norm_share", descending=True, nulls_last=True)
            names = [code_label("need_category", c) for c in shown["need_category"]]
            colours = [
                COLOURS["need_category"].get(c, TARGET)
                if f.need_category in (None, c) else "#d0d0d0"
                for c in shown["need_category"]
            ]
            worst = per_need.drop_nulls("within_norm_share").sort(
                ["within_norm_share", "need_category"]).row(0, named=True)
            title = label("wt_need_title",
                          need=code_label("need_category", worst["need_category"]).lower(),
                          share=percent(worst["within_norm_share"]))
            fig = go.Figure(go.Bar(
                x=shown["within_norm_share"], y=names, orientation="h", marker_color=colours,
                text=[f"{percent(s)} (n={number(n)})" if s is not None else label("fig_hidden")
                      for s, n in zip(shown["within_norm_share"], shown["decided"],
                                      strict=True)],
                textposition="auto", hovertemplate="%{y}: %{x:.0%}<extra></extra>",
            ))
            if target is not None:
                fig.add_vline(x=target, line_dash="dash", line_color=TARGET,
                              annotation_text=label("target_line", target=percent(target)),
                              annotation_position="top")
            style(fig, title, x=label("wt_need_axis", norm=norm), y="")
            for name, share in zip(names, shown["within_norm_share"], strict=True):
                if share is None:
                    fig.add_annotation(x=0, y=name, text=label("fig_hidden"), showarrow=False,
                                       xanchor="left", font={"color": TARGET, "size": 11})
            fig.update_xaxes(tickformat=".0%", range=[0, 1.02])
            fig.update_yaxes(autorange="reversed")
            fig.update_layout(height=420, showlegend=False)
            st.plotly_chart(fig, width="stretch", config=CONFIG, key="per_need")
            if f.need_category:
                st.caption(label("wt_need_all_caption"))
            suppression_note(per_need)
    definition("waiting_summary", "waiting_distribution", "waiting_times")


def default_as_of(year: str | None) -> date:
    """The last day of the selected school year, or today if that is earlier."""
    today = date.today()
    if year is None:
        return today
    return min(get_settings().school_year_bounds(year)[1], today)


def as_of_input(year: str | None) -> date:
    """The peildatum: from the URL on arrival, back to the default when the year changes."""
    state = st.session_state
    if "as_of" not in state or state.get("_as_of_year") != year:
        value = default_as_of(year)
        if "as_of" not in state and "_as_of_year" not in state:  # first arrival: the link
            with contextlib.suppress(ValueError):
                value = date.fromisoformat(st.query_params.get("as_of", ""))
        state["as_of"] = min(value, date.today())
        state["_as_of_year"] = year
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
        title = label("wt_open_title", total=number(row["open_total"]), what=what, day=day,
                      over6=number(row["open_over_6_weeks"]))
        order = [c for c in code_labels("need_category") if c in set(ageing["need_category"])]
        fig = go.Figure()
        for band, key in AGE_BANDS:
            part = ageing.filter(age_band=band)
            part = part.sort(pl.col("need_category").replace_strict(
                {c: i for i, c in enumerate(order)}, default=len(order)))
            fig.add_bar(y=[code_label("need_category", c) for c in part["need_category"]],
                        x=part["open"], name=label(key), orientation="h",
                        marker_color=COLOURS["waiting_band"][band],
                        hovertemplate="%{y}, " + label(key) + ": %{x:,}<extra></extra>")
        style(fig, title, x=label("wt_open_axis", what=what), y="")
        fig.update_yaxes(autorange="reversed")
        most = ageing["open"].max() or 0
        fig.update_xaxes(tickformat=",d", dtick=1 if most <= 10 else None)
        fig.update_layout(barmode="stack", height=max(240, 160 + 32 * len(order)),
                          margin_t=90, legend={"orientation": "h", "yanchor": "bottom",
                                               "y": 1.0, "x": 0, "traceorder": "normal"})
        st.plotly_chart(fig, width="stretch", config=CONFIG, key="ageing")
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
