"""Thuiszitters figures: pupils without education per 1,000 against the target, pupils and the
median duration by kind of absence, and the reasons given."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from dashboard.charts import ACCENT, COLOURS, TARGET, style
from dashboard.formatting import EMPTY, days, number, rate
from dashboard.labels import code_label, code_labels, label

ABSENCE = ("absolute_absence", "long_relative_absence")


def per_1000(trend: pl.DataFrame, year: str, target: float | None) -> go.Figure:
    """Per 1,000 pupils over the school years, the selected year marked, the target dashed."""
    what = label("out_of_school_title")
    row = trend.filter(school_year=year)
    value = row["per_1000_pupils"][0] if row.height else None
    if value is not None and target is not None:
        key = "os_trend_above" if value > target else "os_trend_below"
        title = label(key, what=what, value=rate(value), year=year, target=rate(target))
    else:
        title = label("os_trend_plain", what=what)
    years = trend["school_year"].to_list()
    fig = go.Figure(go.Scatter(
        x=years, y=trend["per_1000_pupils"], mode="lines+markers+text", name=what,
        line={"color": ACCENT, "width": 2.5},
        marker={"size": [13 if y == year else 7 for y in years], "color": ACCENT},
        text=[rate(v) if v is not None else "" for v in trend["per_1000_pupils"]],
        textposition="top center",
        customdata=[number(n) for n in trend["pupils_out_of_school"]],
        hovertemplate="%{x}: %{y:,.1f} per 1.000 (%{customdata} leerlingen)<extra></extra>",
    ))
    if target is not None:
        fig.add_hline(y=target, line_dash="dash", line_color=TARGET,
                      annotation_text=label("fig_target_max", target=rate(target)),
                      annotation_position="bottom right")
    style(fig, title, x=label("fig_school_year"), y=label("per_1000_pupils"))
    known = trend["per_1000_pupils"].drop_nulls()
    top = max([*known, target or 0]) if known.len() else None
    fig.update_yaxes(range=[0, top * 1.2] if top else None, rangemode="tozero")
    fig.update_layout(height=360, showlegend=False)
    return fig


def by_kind(rows: pl.DataFrame, year: str) -> go.Figure:
    """Pupils per kind of absence and school year; the largest kind of `year` in the title."""
    this = rows.filter(school_year=year).drop_nulls("pupils")
    if this.height:
        top = this.sort(["pupils", "kind"], descending=[True, False]).row(0, named=True)
        title = label("os_kind_title", year=year,
                      kind=code_label("out_of_school_kind", top["kind"]).lower(),
                      pupils=number(top["pupils"]))
    else:
        title = label("os_kind_plain", what=label("out_of_school_title"))
    fig = go.Figure()
    for code, name in code_labels("out_of_school_kind").items():
        part = rows.filter(kind=code)
        fig.add_bar(x=part["school_year"], y=part["pupils"], name=name,
                    marker_color=COLOURS["out_of_school_kind"][code],
                    hovertemplate="%{x}, " + name + ": %{y:,} leerlingen<extra></extra>")
    style(fig, title, x=label("fig_school_year"), y=label("os_pupils_axis"))
    fig.update_layout(barmode="group", height=380, legend={"orientation": "h", "y": -0.25})
    return fig


def duration(rows: pl.DataFrame, year: str) -> go.Figure:
    """The median duration of ended episodes per kind (exemptions hidden at first); the
    medians of `year` as subtitle."""
    this = rows.filter(school_year=year)
    parts = [
        f"{days(r['median_duration_days'])} "
        f"{code_label('out_of_school_kind', r['kind']).lower()}"
        for r in this.filter(pl.col("kind").is_in(ABSENCE)).iter_rows(named=True)
        if r["median_duration_days"] is not None
    ]
    title = label("os_duration_title", year=year) if parts else label("os_duration_plain")
    fig = go.Figure()
    for code, name in code_labels("out_of_school_kind").items():
        part = rows.filter(kind=code)
        fig.add_bar(x=part["school_year"], y=part["median_duration_days"], name=name,
                    marker_color=COLOURS["out_of_school_kind"][code],
                    visible=True if code in ABSENCE else "legendonly",
                    customdata=[number(n) if n is not None else EMPTY
                                for n in part["episodes_ended"]],
                    hovertemplate="%{x}, " + name + ": mediaan %{y:,.1f} dagen "
                    "(%{customdata} " + label("os_episodes_ended") + ")<extra></extra>")
    style(fig, title, x=label("fig_school_year"), y=label("os_duration_axis"))
    if parts:
        fig.update_layout(title_subtitle_text=", ".join(parts), margin_t=80)
    fig.update_layout(barmode="group", height=380, legend={"orientation": "h", "y": -0.25})
    return fig


def reasons(rows: pl.DataFrame, year: str, kind: str | None) -> go.Figure:
    """The reasons given, most pupils first, in the colour of the picked kind; a suppressed
    reason as hidden text."""
    names = [
        label("fig_hidden") if r is None
        else label("os_reason_unknown") if r == "unknown" else r
        for r in rows["reason"]
    ]
    top = rows.row(0, named=True)
    if top["pupils"] is not None and top["reason"] is not None:
        title = label("os_reasons_title", year=year, pupils=number(top["pupils"]),
                      reason=names[0])
    else:
        title = label("os_reasons_plain", year=year)
    colour = COLOURS["out_of_school_kind"].get(kind, ACCENT) if kind else ACCENT
    fig = go.Figure(go.Bar(
        x=rows["pupils"], y=names, orientation="h", marker_color=colour,
        text=[number(n) if n is not None else "" for n in rows["pupils"]],
        textposition="auto",
        customdata=[number(n) if n is not None else EMPTY for n in rows["episodes"]],
        hovertemplate="%{y}: %{x:,} leerlingen (%{customdata} perioden)<extra></extra>",
    ))
    style(fig, title, x=label("os_pupils_axis"), y="")
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(height=140 + 30 * rows.height, showlegend=False)
    return fig
