"""Resultaten figures: the share of goals (partly) achieved against the target, and where pupils
went after support."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from dashboard.charts import COLOURS, TARGET, style
from dashboard.formatting import EMPTY, number, percent
from dashboard.labels import code_labels, label


def achieved(outcomes: pl.DataFrame, year: str, target: float | None) -> go.Figure:
    """Achieved and (partly) achieved shares over the school years against the target."""
    row = outcomes.filter(school_year=year)
    value = row["achieved_share"][0] if row.height else None
    if value is not None and target is not None:
        title = label("oc_trend_title", value=percent(value), year=year,
                      verdict=label("oc_above" if value >= target else "oc_below"),
                      target=percent(target))
    else:
        title = label("oc_trend_plain")
    years = outcomes["school_year"].to_list()
    fig = go.Figure()
    for column, key, colour, where in (
        ("achieved_or_partly_share", "oc_tile_partly", COLOURS["goal_attainment"]["partly"],
         "top center"),
        ("achieved_share", "goals_achieved", COLOURS["goal_attainment"]["achieved"],
         "bottom center"),
    ):
        fig.add_scatter(
            x=years, y=outcomes[column], name=label(key), mode="lines+markers+text",
            line={"color": colour, "width": 2.5},
            marker={"size": [13 if y == year else 7 for y in years], "color": colour},
            text=[percent(v) if v is not None else "" for v in outcomes[column]],
            textposition=where,
            customdata=[number(n) if n is not None else EMPTY for n in outcomes["evaluated"]],
            hovertemplate="%{x}: %{y:.0%} van %{customdata} evaluaties<extra>"
            + label(key) + "</extra>",
        )
    if target is not None:
        fig.add_hline(y=target, line_dash="dash", line_color=TARGET,
                      annotation_text=label("fig_target_min", target=percent(target)),
                      annotation_position="top left")
    style(fig, title, x=label("fig_school_year"), y=label("oc_share_axis"), percent=True)
    fig.update_yaxes(range=[0, 1.05])
    fig.update_layout(height=380, legend={"orientation": "h", "y": -0.25})
    return fig


def year_destinations(dest: pl.DataFrame, year: str) -> pl.DataFrame:
    """The destinations of `year`, in code-list order."""
    order = {code: i for i, code in enumerate(code_labels("destination"))}
    return dest.filter(school_year=year).sort(
        pl.col("destination").replace_strict(order, default=len(order)))


def destinations(dest: pl.DataFrame, year: str) -> go.Figure:
    """The share per destination over the school years, stacked; `year` in the title."""
    this = year_destinations(dest, year)
    share = dict(zip(this["destination"], this["share"], strict=True))
    regular, unknown = share.get("regular"), share.get("unknown")
    if this.height and regular is not None and unknown is not None:
        title = label("oc_dest_title", year=year, regular=percent(regular),
                      unknown=percent(unknown))
    else:
        title = label("oc_dest_plain")
    fig = go.Figure()
    for code, name in code_labels("destination").items():
        part = dest.filter(destination=code)
        if part.height == 0:
            continue
        fig.add_bar(x=part["school_year"], y=part["share"], name=name,
                    marker_color=COLOURS["destination"][code],
                    customdata=[number(n) if n is not None else EMPTY
                                for n in part["evaluations"]],
                    hovertemplate="%{x}, " + name + ": %{y:.0%} (%{customdata})"
                    "<extra></extra>")
    style(fig, title, x=label("fig_school_year"), y=label("oc_share_axis"), percent=True)
    fig.update_layout(barmode="stack", height=420,
                      legend={"orientation": "h", "y": -0.25, "traceorder": "normal"})
    return fig
