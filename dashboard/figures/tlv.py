"""TLV's on Dekkend aanbod: by bekostigingscategorie, and next year's forecast per type."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from dashboard.charts import COLOURS, present, style
from dashboard.formatting import number
from dashboard.labels import code_label, label

# Light to dark: low, medium, high funding; unknown grey.
FUNDING_COLOURS = {"low": "#9ECAE1", "medium": "#4292C6", "high": "#08519C",
                   "unknown": "#BBBBBB"}


def by_category(frame: pl.DataFrame, year: str) -> go.Figure:
    """Stacked bars: granted SO and VSO TLV's per bekostigingscategorie (rows of the query
    `admissions_by_category`; suppressed counts are left out of the bars)."""
    fig = go.Figure()
    types = present("request_type", frame["request_type"])
    for category in present("funding_category", frame["funding_category"]):
        rows = frame.filter(pl.col("funding_category") == category)
        counts = dict(zip(rows["request_type"], rows["granted"], strict=True))
        fig.add_bar(x=[code_label("request_type", t) for t in types],
                    y=[counts.get(t) for t in types],
                    name=code_label("funding_category", category),
                    marker_color=FUNDING_COLOURS[category],
                    hovertemplate="%{x}, %{fullData.name}: %{y}<extra></extra>")
    fig.update_layout(barmode="stack", height=320)
    return style(fig, label("tlv_category_title", year=year), None, label("tlv_axis"))


def next_year(history: pl.DataFrame, forecast: pl.DataFrame, target: str) -> go.Figure:
    """Per TLV type: the granted TLV's of the past school years (lines, query `admissions`) and
    the forecast for `target` (a marker with the prediction interval as error bar; rows of
    `queries.forecast.forecast_next_year`; suppressed forecasts are not drawn)."""
    fig = go.Figure()
    for row in forecast.iter_rows(named=True):
        code = row["request_type"]
        colour = COLOURS["request_type"][code]
        past = history.filter(pl.col("request_type") == code).sort("school_year")
        name = code_label("request_type", code)
        fig.add_scatter(x=past["school_year"].to_list(), y=past["granted"].to_list(),
                        mode="lines+markers", name=name, line_color=colour, legendgroup=code,
                        hovertemplate="%{x}: %{y}<extra>" + name + "</extra>")
        if row["suppressed"]:
            continue
        if past.height:  # a dotted line from the last school year to the forecast
            fig.add_scatter(x=[past["school_year"][-1], target],
                            y=[past["granted"][-1], row["point"]], mode="lines",
                            line={"color": colour, "dash": "dot"}, legendgroup=code,
                            name=name, showlegend=False, hoverinfo="skip")
        text = label("tlv_forecast_hover", point=number(row["point"]),
                     lower=number(row["lower"]), upper=number(row["upper"]))
        fig.add_scatter(
            x=[target], y=[row["point"]], mode="markers", name=name, legendgroup=code,
            showlegend=False,
            marker={"color": colour, "symbol": "diamond-open", "size": 11},
            error_y={"type": "data", "symmetric": False,
                     "array": [row["upper"] - row["point"]],
                     "arrayminus": [row["point"] - row["lower"]], "color": colour},
            hovertemplate=f"%{{x}}: {text}<extra>{name}</extra>")
    fig.update_layout(height=340)
    return style(fig, label("tlv_next_title", year=target), label("school_year").capitalize(),
                 label("tlv_axis"))
