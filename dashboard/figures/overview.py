"""Overzicht figures: the sparkline of a headline tile."""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard.charts import ACCENT, TARGET, sparkline


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
