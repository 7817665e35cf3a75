"""Preventief en curatief figures: the preventive share of hours against the target, hours /
counts / cost per kind of support over the school years, and the kinds of the selected year."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from dashboard.charts import COLOURS, TARGET, colour_map, style, subtitled
from dashboard.formatting import euro, number, percent
from dashboard.labels import code_label, label

LEVELS = ("preventive", "curative")
KIND_ORDER = {code: i for i, code in enumerate(COLOURS["support_kind"])}
UNKNOWN_KIND = "#999999"


def kind_label(code: str | None) -> str:
    """The Dutch label of a support kind (`kind` is free text: other text is shown as is)."""
    return code_label("support_kind", code)


def kind_colour(colours: dict[str, str], level: str | None, code: str | None) -> str:
    """A kind's colour from `colour_map("support_kind")` (greens preventive, oranges curative);
    a kind without one takes its level's colour, an empty kind grey."""
    if code is None:
        return UNKNOWN_KIND
    return colours.get(kind_label(code)) or COLOURS["prevention_level"].get(level, UNKNOWN_KIND)


def level_kinds(kinds: pl.DataFrame, level: str) -> list[str]:
    """The kinds of a level, in the order of the colours (other kinds after, alphabetically)."""
    codes = set(kinds.filter(prevention_level=level)["kind"].drop_nulls())
    return sorted(codes, key=lambda c: (KIND_ORDER.get(c, len(KIND_ORDER)), c))


def fmt_measure(measure: str, value: float | None) -> str:
    """Hours and counts as numbers, cost in euros."""
    return euro(value) if measure == "cost_eur" else number(value)


def share_chart(trend: pl.DataFrame, year: str, target: float | None) -> go.Figure:
    """The preventive share of hours per school year against the target; the shift up to the
    selected year in the title."""
    known = trend.filter(pl.col("school_year") <= year).drop_nulls("preventive_hours_share")
    fig = go.Figure(go.Scatter(
        x=trend["school_year"].to_list(), y=trend["preventive_hours_share"].to_list(),
        mode="lines+markers+text", line={"color": COLOURS["prevention_level"]["preventive"],
                                         "width": 3},
        text=[percent(v) for v in trend["preventive_hours_share"]], textposition="top center",
        name=label("prev_share"), hovertemplate="%{x}: %{text}<extra></extra>",
        marker={"size": [12 if y == year else 7 for y in trend["school_year"]]},
    ))
    if target is not None:
        fig.add_hline(y=target, line_dash="dash", line_color=TARGET,
                      annotation_text=label("target_line", target=percent(target)),
                      annotation_position="bottom right")
    title, sub = label("prev_share"), ""
    if known.height >= 2:
        first, last = known.row(0, named=True), known.row(-1, named=True)
        key = ("prev_share_title_up" if last["preventive_hours_share"]
               >= first["preventive_hours_share"] else "prev_share_title_down")
        title = label(key, first=percent(first["preventive_hours_share"]),
                      last=percent(last["preventive_hours_share"]))
        sub = label("prev_share_sub", first_year=first["school_year"], year=last["school_year"])
    style(fig, subtitled(title, sub), label("school_year").capitalize(), label("prev_share_axis"),
          percent=True)
    values = [v for v in trend["preventive_hours_share"].to_list() if v is not None]
    top = max([*values, target or 0, 0.1])
    fig.update_yaxes(range=[0, min(1, top * 1.2)])
    fig.update_layout(height=400, showlegend=False, margin={"t": 70})
    return fig


def by_kind_chart(kinds: pl.DataFrame, measure: str) -> go.Figure:
    """Stacked bars per school year: preventive kinds (greens) below curative (oranges)."""
    colours = colour_map("support_kind")
    fig = go.Figure()
    years = sorted(set(kinds["school_year"]))
    for level in LEVELS:
        for code in level_kinds(kinds, level):
            part = kinds.filter(prevention_level=level, kind=code)
            values = dict(zip(part["school_year"], part[measure], strict=True))
            name = kind_label(code)
            fig.add_trace(go.Bar(
                x=years, y=[values.get(y) for y in years], name=name,
                marker_color=kind_colour(colours, level, code),
                legendgroup=level, legendgrouptitle_text=code_label("prevention_level", level),
                customdata=[fmt_measure(measure, values.get(y)) for y in years],
                hovertemplate=f"{code_label('prevention_level', level)} · {name}: "
                              "%{customdata}<extra></extra>",
            ))
    fig.update_layout(barmode="stack", height=400, margin={"t": 70},
                      legend={"groupclick": "toggleitem"})
    style(fig, subtitled(label(f"prev_kind_title_{measure}"), label("prev_kind_sub")),
          label("school_year").capitalize(), label(f"prev_measure_{measure}"))
    fig.update_yaxes(tickformat=",.0f", tickprefix="€ " if measure == "cost_eur" else "")
    return fig


def year_chart(year_kinds: pl.DataFrame, measure: str, year: str) -> go.Figure:
    """The kinds of the selected year, largest first, coloured by level."""
    colours = colour_map("support_kind")
    rows = year_kinds.sort([measure, "kind"], descending=[False, True], nulls_last=False)
    fig = go.Figure(go.Bar(
        y=[kind_label(k) for k in rows["kind"]], x=rows[measure].to_list(), orientation="h",
        marker_color=[kind_colour(colours, lvl, k)
                      for lvl, k in zip(rows["prevention_level"], rows["kind"], strict=True)],
        text=[fmt_measure(measure, v) for v in rows[measure]], textposition="outside",
        customdata=[code_label("prevention_level", lvl) for lvl in rows["prevention_level"]],
        hovertemplate="%{y} (%{customdata}): %{text}<extra></extra>", cliponaxis=False,
    ))
    largest = rows.drop_nulls(measure)
    sub = ""
    if largest.height:
        top = largest.row(-1, named=True)
        sub = label("prev_year_sub", kind=kind_label(top["kind"]).lower(),
                    level=code_label("prevention_level", top["prevention_level"]).lower(),
                    value=fmt_measure(measure, top[measure]))
    style(fig, subtitled(label(f"prev_year_title_{measure}", year=year), sub),
          label(f"prev_measure_{measure}"), None)
    top_value = max([v for v in rows[measure].to_list() if v is not None] or [1])
    fig.update_xaxes(range=[0, top_value * 1.25])
    fig.update_xaxes(tickformat=",.0f", tickprefix="€ " if measure == "cost_eur" else "")
    fig.update_layout(height=max(300, 90 + 40 * rows.height), showlegend=False,
                      margin={"t": 70})
    return fig
