"""Leersteun figures (profile vl): the shift from the pupil to the teacher and the team against
the target, hours per target level over the school years, and where the leersteun of one
school year goes (target level, type, phase, verslag)."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from dashboard.charts import ACCENT, COLOURS, TARGET, style, subtitled
from dashboard.formatting import number, percent
from dashboard.labels import code_label, label

LEVELS = ("pupil", "teacher", "team")
SHARE = "teacher_team_hours_share"


def share_chart(trend: pl.DataFrame, year: str, target: float | None) -> go.Figure:
    """The share of teacher- and team-directed hours per school year (support_target_trend)
    against the target; the shift up to the selected year in the title."""
    known = trend.filter(pl.col("school_year") <= year).drop_nulls(SHARE)
    fig = go.Figure(go.Scatter(
        x=trend["school_year"].to_list(), y=trend[SHARE].to_list(),
        mode="lines+markers+text", line={"color": COLOURS["target_level"]["team"], "width": 3},
        text=[percent(v) for v in trend[SHARE]], textposition="top center",
        name=label("ls_kpi_share"), hovertemplate="%{x}: %{text}<extra></extra>",
        marker={"size": [12 if y == year else 7 for y in trend["school_year"]]},
    ))
    if target is not None:
        fig.add_hline(y=target, line_dash="dash", line_color=TARGET,
                      annotation_text=label("target_line", target=percent(target)),
                      annotation_position="bottom right")
    title, sub = label("ls_kpi_share"), ""
    if known.height >= 2:
        first, last = known.row(0, named=True), known.row(-1, named=True)
        key = "ls_share_title_up" if last[SHARE] >= first[SHARE] else "ls_share_title_down"
        title = label(key)
        sub = label("ls_share_sub", first=percent(first[SHARE]), last=percent(last[SHARE]),
                    first_year=first["school_year"], year=last["school_year"])
    style(fig, subtitled(title, sub), label("school_year").capitalize(), label("ls_share_axis"),
          percent=True)
    values = [v for v in trend[SHARE].to_list() if v is not None]
    fig.update_yaxes(range=[0, min(1.0, max([*values, target or 0, 0.1]) * 1.2)])
    fig.update_layout(height=400, showlegend=False, margin={"t": 70})
    return fig


def levels_chart(trend: pl.DataFrame) -> go.Figure:
    """Stacked bars per school year: hours aimed at the pupil, the teacher and the team."""
    fig = go.Figure()
    years = trend["school_year"].to_list()
    for level in LEVELS:
        values = trend[f"hours_{level}"].to_list()
        fig.add_trace(go.Bar(
            x=years, y=values, name=code_label("target_level", level),
            marker_color=COLOURS["target_level"][level],
            customdata=[number(v) for v in values],
            hovertemplate=f"{code_label('target_level', level)}: %{{customdata}} "
                          f"{label('ls_hours').lower()}<extra></extra>",
        ))
    fig.update_layout(barmode="stack", height=400, margin={"t": 70})
    style(fig, subtitled(label("ls_levels_title"), label("ls_levels_sub")),
          label("school_year").capitalize(), label("ls_hours"))
    fig.update_yaxes(tickformat=",.0f")
    return fig


def breakdown_chart(frame: pl.DataFrame, field: str, count: str, title: str, sub: str,
                    colours: list[str] | None = None,
                    notes: list[str] | None = None) -> go.Figure:
    """Horizontal bars of `count` per code of `field`, in the order of the rows (the first on
    top); `colours` per row (default the accent), `notes` a text after each figure."""
    rows = frame.reverse()
    values = rows[count].to_list()
    extra = list(reversed(notes)) if notes else [""] * rows.height
    fig = go.Figure(go.Bar(
        y=[code_label(field, c) for c in rows[field]], x=values, orientation="h",
        marker_color=list(reversed(colours)) if colours else ACCENT,
        text=[f"{number(v)}{n}" for v, n in zip(values, extra, strict=True)],
        textposition="outside", cliponaxis=False,
        hovertemplate="%{y}: %{text}<extra></extra>",
    ))
    style(fig, subtitled(title, sub), label("ls_supports_axis"), None)
    top = max([v for v in values if v is not None] or [1])
    fig.update_xaxes(range=[0, top * 1.5], tickformat=",.0f")
    fig.update_layout(height=max(260, 110 + 38 * rows.height), showlegend=False,
                      margin={"t": 70})
    return fig


def target_chart(by_target: pl.DataFrame, year: str) -> go.Figure:
    """support_by_target of one school year: supports per level, the share of hours beside."""
    return breakdown_chart(
        by_target, "target_level", "supports_started", label("ls_target_title", year=year),
        label("ls_target_sub"),
        colours=[COLOURS["target_level"].get(c, TARGET) for c in by_target["target_level"]],
        notes=[f" ({percent(s)})" if s is not None else "" for s in by_target["hours_share"]],
    )


def type_chart(by_type: pl.DataFrame, year: str) -> go.Figure:
    """support_by_education_type of one school year, coloured brede / kleine types."""
    return breakdown_chart(
        by_type, "education_type", "supports", label("ls_type_title", year=year),
        label("ls_type_sub"),
        colours=[COLOURS["type_group"][g] for g in by_type["type_group"]],
        notes=[f" · {code_label('type_group', g)}" for g in by_type["type_group"]],
    )
