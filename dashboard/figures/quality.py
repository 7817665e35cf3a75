"""Datakwaliteit figures: quarantined rows per reason, stacked by source."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from dashboard.charts import COLOURS, style
from dashboard.formatting import EMPTY, number
from dashboard.labels import code_label, label


def entity(code: str | None) -> str:
    """The Dutch name of a source (entity), a dash for none."""
    return code_label("entity", code) if code else EMPTY


def reason_class(code: str) -> str:
    return label(f"dq_reason_{code}")


def quarantine(summary: pl.DataFrame) -> go.Figure:
    """Quarantined rows per reason class, stacked by source; the largest in the title."""
    top = summary.sort(["rows", "entity", "reason_class"], descending=[True, False, False]).row(
        0, named=True)
    title = label("dq_summary_title", reason=reason_class(top["reason_class"]),
                  entity=entity(top["entity"]), rows=number(top["rows"]))
    fig = go.Figure()
    for code in summary["entity"].unique(maintain_order=True):
        part = summary.filter(entity=code)
        fig.add_bar(y=[reason_class(r) for r in part["reason_class"]], x=part["rows"],
                    name=entity(code), orientation="h",
                    marker_color=COLOURS["entity"].get(code, "#999999"),
                    hovertemplate="%{y}, " + entity(code) + ": %{x:,} rijen<extra></extra>")
    style(fig, title, x=label("dq_quarantine_rows"), y="")
    classes = summary["reason_class"].unique().len()
    fig.update_layout(barmode="stack", height=160 + 34 * classes,
                      legend={"orientation": "h", "y": -0.35})
    fig.update_yaxes(categoryorder="total ascending")
    fig.update_xaxes(tickformat=",d", dtick=1 if summary["rows"].max() <= 10 else None)
    return fig
