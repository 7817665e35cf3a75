"""Admissions (TLV's, Flemish: verslagen) per 1,000 pupils in regular education, per type."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from dashboard.charts import ACCENT, COLOURS, style
from dashboard.labels import code_label, label

TYPES = ("admission_sbo", "admission_so", "admission_vso")


def per_1000(frame: pl.DataFrame) -> go.Figure:
    """One line per admission type over the school years (rows of the query `admissions`)."""
    fig = go.Figure()
    for code in TYPES:
        part = frame.filter(pl.col("request_type") == code)
        fig.add_trace(go.Scatter(
            x=part["school_year"].to_list(), y=part["per_1000_pupils"].to_list(),
            mode="lines+markers", name=code_label("request_type", code),
            line={"color": COLOURS["request_type"].get(code, ACCENT), "width": 3},
            marker={"size": 8},
        ))
    what = label("admissions")
    style(fig, label("rep_admissions", what=what[:1].upper() + what[1:]),
          x=label("fig_school_year"), y=label("per_1000_pupils"))
    count = frame["school_year"].n_unique()
    fig.update_xaxes(type="category", range=[-0.5, max(count, 1) - 0.5])
    fig.update_yaxes(rangemode="tozero")
    fig.update_layout(legend={"orientation": "h", "y": -0.2})
    return fig
