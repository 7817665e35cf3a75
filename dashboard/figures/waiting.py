"""Wachttijden figures: waiting times and inflow per month (the spring/summer peak named in the
title), the distribution in bands, the share within the norm per need category, the lead time
per stage against its norms and the open waiting list by age."""

from __future__ import annotations

from datetime import date, timedelta

import plotly.graph_objects as go
import polars as pl

from dashboard.charts import ACCENT, COLOURS, TARGET, present, style, subtitled
from dashboard.formatting import days, number, percent
from dashboard.labels import code_label, code_labels, label

LIGHT = "#9ecae1"  # the second measure next to ACCENT
MEASURES = (("received_to_decided", "wt_to_decided", ACCENT),
            ("received_to_complete", "wt_to_complete", LIGHT))
AGE_BANDS = (("0-42", "wt_age_0_42"), ("43-70", "wt_age_43_70"), ("71+", "wt_age_71"))
# The stages of `lead_times` in process order, each with its colour.
STAGES = (("receipt_to_complete", LIGHT), ("complete_to_decision", ACCENT),
          ("decision_to_start", "#009E73"))
# The norm markers, in colours that stand out on every stage's bar and on white.
NORM_COLOURS = {"complete": "#222222", "decision": "#D55E00", "start": "#CC79A7"}


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


def shade_year(fig: go.Figure, selected: tuple[date, date] | None) -> None:
    """Shade the selected school year (its first and last day), when there is one."""
    if selected is None:
        return
    first, last = selected
    fig.add_vrect(x0=first - timedelta(days=16), x1=last - timedelta(days=14),
                  fillcolor=ACCENT, opacity=0.07, line_width=0, layer="below",
                  annotation_text=label("fig_selected_year"), annotation_position="top left",
                  annotation_font_color=TARGET, annotation_font_size=11)


def monthly(rows: pl.DataFrame, norm: int, extended: int,
            selected: tuple[date, date] | None) -> go.Figure:
    """Median and 90th percentile per month against the norm and the extended norm."""
    peak = peak_months(rows, "median_days")
    if peak:
        top = rows.filter(pl.col("month").dt.month().is_in(peak))["median_days"].max()
        title = label("wt_monthly_peak", what=label("referrals").capitalize(),
                      months=months_text(peak), days=number(top, 0 if float(
                          top).is_integer() else 1))
    else:
        title = label("wt_monthly_plain")
    months = rows["month"].to_list()
    hover = [f"{month_label(m)}: {label('decided').lower()} {number(n)}"
             for m, n in zip(months, rows["decided"].to_list(), strict=True)]
    fig = go.Figure()
    fig.add_scatter(x=months, y=rows["median_days"], name=label("wt_median"),
                    mode="lines+markers", line={"color": ACCENT, "width": 2.5},
                    marker={"size": 5}, customdata=hover,
                    hovertemplate="%{customdata}<br>" + label("wt_median")
                    + ": %{y:,.1f} dagen<extra></extra>")
    fig.add_scatter(x=months, y=rows["p90_days"], name=label("wt_p90"), mode="lines",
                    line={"color": ACCENT, "width": 1.5, "dash": "dot"}, customdata=hover,
                    hovertemplate="%{customdata}<br>" + label("wt_p90")
                    + ": %{y:,.1f} dagen<extra></extra>")
    fig.add_hline(y=norm, line_dash="dash", line_color=TARGET, line_width=1,
                  annotation_text=label("wt_norm_line", days=norm),
                  annotation_position="bottom right")
    fig.add_hline(y=extended, line_dash="dash", line_color=COLOURS["waiting_band"]["71+"],
                  line_width=1, annotation_text=label("wt_ext_line", days=extended),
                  annotation_position="top right")
    shade_year(fig, selected)
    style(fig, title, x=label("fig_month"), y=label("wt_days_axis"))
    month_axis(fig, months)
    fig.update_layout(height=380, legend={"orientation": "h", "y": -0.2})
    return fig


def inflow(rows: pl.DataFrame, selected: tuple[date, date] | None) -> go.Figure:
    """Referrals received per month, stacked by request type; the busy months in the title."""
    totals = rows.group_by("month").agg(pl.col("received").sum()).sort("month")
    busy = peak_months(totals, "received")
    title = (label("wt_inflow_title", what=label("referrals"), months=months_text(busy))
             if busy else label("wt_inflow_plain", what=label("referrals")))
    fig = go.Figure()
    for code, name in code_labels("request_type").items():
        part = rows.filter(request_type=code)
        if part.height == 0:
            continue
        fig.add_bar(x=part["month"], y=part["received"], name=name,
                    marker_color=COLOURS["request_type"].get(code, TARGET),
                    customdata=[month_label(m) for m in part["month"]],
                    hovertemplate="%{customdata}, " + name + ": %{y:,}<extra></extra>")
    shade_year(fig, selected)
    style(fig, title, x=label("fig_month"), y=label("wt_inflow_axis", what=label("referrals")))
    month_axis(fig, totals["month"].to_list())
    fig.update_layout(barmode="stack", height=340, bargap=0.15,
                      legend={"orientation": "h", "y": -0.3, "traceorder": "normal"})
    return fig


def distribution(dist: pl.DataFrame, summary: pl.DataFrame, year: str, norm: int,
                 extended: int) -> go.Figure:
    """The share of referrals per band of waiting days, both measures, the norms as lines."""
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
                      annotation_text=text, annotation_position=side, annotation_font_size=11)
    style(fig, title, x=label("wt_band_axis_days"), y=label("wt_share_axis"), percent=True)
    fig.update_layout(barmode="group", height=420, legend={"orientation": "h", "y": -0.22})
    fig.update_yaxes(rangemode="tozero")
    return fig


def per_need(rows: pl.DataFrame, need_category: str | None, target: float | None,
             norm: int) -> go.Figure:
    """The share within the norm per need category, best first; the filtered need in colour
    (the others grey), a suppressed share as hidden text, the target as a line."""
    shown = rows.sort("within_norm_share", descending=True, nulls_last=True)
    names = [code_label("need_category", c) for c in shown["need_category"]]
    colours = [
        COLOURS["need_category"].get(c, TARGET)
        if need_category in (None, c) else "#d0d0d0"
        for c in shown["need_category"]
    ]
    worst = rows.drop_nulls("within_norm_share").sort(
        ["within_norm_share", "need_category"]).row(0, named=True)
    title = label("wt_need_title",
                  need=code_label("need_category", worst["need_category"]).lower(),
                  share=percent(worst["within_norm_share"]))
    fig = go.Figure(go.Bar(
        x=shown["within_norm_share"], y=names, orientation="h", marker_color=colours,
        text=[f"{percent(s)} (n={number(n)})" if s is not None else label("fig_hidden")
              for s, n in zip(shown["within_norm_share"], shown["decided"], strict=True)],
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
    return fig


def stage_order(rows: pl.DataFrame) -> pl.DataFrame:
    """The rows of `lead_times` by school year, then the stages in process order."""
    order = {stage: i for i, (stage, _) in enumerate(STAGES)}
    return rows.sort("school_year", pl.col("stage").replace_strict(order, default=len(order)))


def lead_times(rows: pl.DataFrame, year: str | None, complete_days: int, decision_days: int,
               start_days: int) -> go.Figure:
    """The median days of each stage of `lead_times` (receipt → dossier complete → decision →
    start of support) one after the other, one bar per school year (the latest on top), with
    the norms as markers: dossier complete `complete_days` and decision `decision_days` after
    receipt, start `start_days` after the decision (where that bar's decision lies). A
    suppressed median counts as 0 and says so; the title words the medians of `year` (or the
    latest year)."""
    rows = stage_order(rows)
    years = rows["school_year"].unique(maintain_order=True).to_list()
    cell = {(r["school_year"], r["stage"]): r for r in rows.iter_rows(named=True)}
    fig = go.Figure()
    for stage, colour in STAGES:
        name = code_label("lead_stage", stage)
        found = [cell.get((y, stage), {}) for y in years]
        medians = [r.get("median_days") for r in found]
        hover = [label("wt_lt_hover", year=y, stage=name, median=days(r.get("median_days")),
                       p25=number(r.get("p25_days"), 1), p75=number(r.get("p75_days"), 1),
                       n=number(r.get("n"))) for y, r in zip(years, found, strict=True)]
        fig.add_bar(y=years, x=[m or 0 for m in medians], name=name, orientation="h",
                    marker_color=colour, customdata=hover,
                    text=[number(m, 0) if m is not None else label("fig_hidden")
                          for m in medians],
                    textposition="inside", insidetextanchor="middle",
                    hovertemplate="%{customdata}<extra></extra>")
    decided = [
        (y, cell[(y, "receipt_to_complete")]["median_days"]
         + cell[(y, "complete_to_decision")]["median_days"])
        for y in years
        if all(cell.get((y, s), {}).get("median_days") is not None
               for s in ("receipt_to_complete", "complete_to_decision"))
    ]
    norms = (
        (label("wt_lt_norm_complete", days=complete_days), [complete_days] * len(years), years,
         NORM_COLOURS["complete"]),
        (label("wt_lt_norm_decision", days=decision_days), [decision_days] * len(years), years,
         NORM_COLOURS["decision"]),
        (label("wt_lt_norm_start", days=start_days), [d + start_days for _, d in decided],
         [y for y, _ in decided], NORM_COLOURS["start"]),
    )
    for name, xs, ys, colour in norms:
        if ys:
            fig.add_scatter(x=xs, y=ys, mode="markers", name=name,
                            marker={"symbol": "line-ns", "size": 40, "color": colour,
                                    "line": {"width": 4, "color": colour}},
                            hovertemplate=name + "<extra></extra>")
    shown = year if year in years else (years[-1] if years else None)
    medians = [cell.get((shown, s), {}).get("median_days") for s, _ in STAGES]
    if shown is not None and all(m is not None for m in medians):
        title = label("wt_lt_title", year=shown, complete=days(medians[0]),
                      decision=days(medians[1]), start=days(medians[2]))
    else:
        title = label("wt_lt_title_plain")
    style(fig, subtitled(title, label("wt_lt_sub")), x=label("wt_lt_axis"), y="")
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=years)
    fig.update_layout(barmode="stack", height=300 + 55 * len(years), margin_t=80,
                      legend={"orientation": "h", "yanchor": "top", "y": -0.3,
                              "traceorder": "normal"})
    return fig


def ageing(rows: pl.DataFrame, total: int, over_6_weeks: int | None, day: str) -> go.Figure:
    """The open referrals on the peildatum per need category, stacked by age band."""
    what = label("referrals")
    title = label("wt_open_title", total=number(total), what=what, day=day,
                  over6=number(over_6_weeks))
    order = present("need_category", rows["need_category"])
    fig = go.Figure()
    for band, key in AGE_BANDS:
        part = rows.filter(age_band=band)
        part = part.sort(pl.col("need_category").replace_strict(
            {c: i for i, c in enumerate(order)}, default=len(order)))
        fig.add_bar(y=[code_label("need_category", c) for c in part["need_category"]],
                    x=part["open"], name=label(key), orientation="h",
                    marker_color=COLOURS["waiting_band"][band],
                    hovertemplate="%{y}, " + label(key) + ": %{x:,}<extra></extra>")
    style(fig, title, x=label("wt_open_axis", what=what), y="")
    fig.update_yaxes(autorange="reversed")
    most = rows["open"].max() or 0
    fig.update_xaxes(tickformat=",d", dtick=1 if most <= 10 else None)
    fig.update_layout(barmode="stack", height=max(240, 160 + 32 * len(order)),
                      margin_t=90, legend={"orientation": "h", "yanchor": "bottom",
                                           "y": 1.0, "x": 0, "traceorder": "normal"})
    return fig
