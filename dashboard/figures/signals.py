"""Signalen figures: the funnel plot of schools or gemeenten against the network.

Input is the answer of the named query `funnel_points` for one measure and level: one row per
school or gemeente with `pupils`, `cases`, `rate` (per 1,000 pupils, empty where suppressed),
`network_rate` and the limits `lower_95`, `upper_95`, `lower_998`, `upper_998` at the unit's own
number of pupils. The limit curves are drawn through those limits (sorted by pupils), so every
drawn number is one the query gives; a lower limit below 0 is drawn at 0 (a rate cannot be
negative; the query keeps the unclipped value).
"""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from dashboard.charts import ACCENT, TARGET, style
from dashboard.formatting import number, rate
from dashboard.labels import label

INSIDE = "#7F7F7F"
OUTSIDE_95 = "#E69F00"
OUTSIDE_998 = "#D55E00"
LIMIT_95 = "#56B4E9"
LIMIT_998 = "#0072B2"


def position(row: dict) -> str:
    """Where a unit lies: `outside_998`, `outside_95` or `inside` (`hidden` when suppressed)."""
    value = row["rate"]
    if value is None:
        return "hidden"
    if value < row["lower_998"] or value > row["upper_998"]:
        return "outside_998"
    if value < row["lower_95"] or value > row["upper_95"]:
        return "outside_95"
    return "inside"


def funnel(points: pl.DataFrame, title: str, what: str) -> go.Figure:
    """A funnel plot: one point per unit (x = pupils, y = rate per 1,000), the network rate as a
    line and the 95% and 99.8% limit curves; points outside the limits in warm colours, their
    names in the hover. `what` names the counted thing in the hover ('aanmeldingen')."""
    fig = go.Figure()
    curve = points.sort("pupils").unique("pupils", keep="first", maintain_order=True)
    for low, high, colour, key, dash in (
        ("lower_998", "upper_998", LIMIT_998, "sg_limit_998", "dash"),
        ("lower_95", "upper_95", LIMIT_95, "sg_limit_95", "dot"),
    ):
        for column, show in ((high, True), (low, False)):
            fig.add_scatter(
                x=curve["pupils"], y=curve[column].clip(lower_bound=0), mode="lines",
                name=label(key), legendgroup=key, showlegend=show, hoverinfo="skip",
                line={"color": colour, "width": 1.5, "dash": dash, "shape": "spline"},
            )
    if points.height:
        network = points["network_rate"][0]
        fig.add_hline(y=network, line_color=TARGET, line_width=1.5,
                      annotation_text=label("sg_network_line", rate=rate(network)),
                      annotation_position="top right")
    rows = [dict(row, where=position(row)) for row in points.iter_rows(named=True)]
    for where, colour, key, size in (
        ("inside", INSIDE, "sg_inside", 7), ("outside_95", OUTSIDE_95, "sg_outside_95", 9),
        ("outside_998", OUTSIDE_998, "sg_outside_998", 11),
    ):
        shown = [row for row in rows if row["where"] == where]
        if not shown:
            continue
        fig.add_scatter(
            x=[row["pupils"] for row in shown], y=[row["rate"] for row in shown],
            mode="markers", name=label(key),
            marker={"color": colour, "size": size, "line": {"color": "white", "width": 1}},
            customdata=[[row["name"] or row["subject"], number(row["cases"]),
                         number(row["pupils"]), rate(row["rate"])] for row in shown],
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[3]} per 1.000 · "
            + "%{customdata[1]} " + what + " · %{customdata[2]} leerlingen<extra></extra>",
        )
    style(fig, title, x=label("sg_axis_pupils"), y=label("sg_axis_rate"))
    fig.update_yaxes(rangemode="tozero")
    fig.update_xaxes(tickformat=",d")  # 2.000, not 2k
    fig.update_layout(height=420, legend={"orientation": "h", "y": -0.2},
                      hoverlabel={"bgcolor": "white"}, colorway=[ACCENT])
    return fig
