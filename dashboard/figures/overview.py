"""Overzicht figures: the sparkline of a headline tile, and a KPI's trend for the board report."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from dashboard.charts import ACCENT, TARGET, sparkline, style, target_line
from dashboard.kpis import Kpi
from dashboard.labels import label


def spark(years: list[str], values: list[float | None], texts: list[str], year: str,
          target: float | None) -> go.Figure:
    """The figure over the school years (`texts` on hover), the selected year marked, the
    target dashed."""
    fig = sparkline(values, ACCENT)
    fig.update_traces(x=years, customdata=texts, hovertemplate="%{x}: %{customdata}<extra></extra>",
                      marker={"size": [9 if y == year else 5 for y in years]})
    known = [v for v in values if v is not None]
    if target is not None:
        fig.add_hline(y=target, line_dash="dash", line_color=TARGET, line_width=1)
        known.append(target)
    if known:
        low, high = min(known), max(known)
        pad = (high - low) * 0.15 or abs(high) * 0.1 or 1
        fig.update_yaxes(range=[low - pad, high + pad])
    fig.update_layout(height=70)
    return fig


def kpi_trend(frame: pl.DataFrame, kpi: Kpi) -> go.Figure:
    """A KPI over the school years (rows of `kpi_headline`) with its target dashed, on a scale
    from zero (a board compares heights); the board report's chart per KPI."""
    fig = go.Figure(go.Scatter(
        x=frame["school_year"].to_list(), y=frame[kpi.column].to_list(), mode="lines+markers",
        line={"color": ACCENT, "width": 3}, marker={"size": 8}, name=kpi.name,
        connectgaps=False,
    ))
    style(fig, kpi.name, x=label("fig_school_year"), y="", percent=kpi.kind == "share")
    target = kpi.target_value()
    if target is not None:
        target_line(fig, target, label("target_line", target=kpi.headline(target)))
    fig.update_layout(showlegend=False)
    fig.update_xaxes(type="category", range=[-0.5, max(frame.height, 1) - 0.5])
    fig.update_yaxes(rangemode="tozero")
    return fig
