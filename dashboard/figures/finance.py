"""Financiën figures: budget against actuals per category, preventive against curative spending
and the reserve against the signaleringswaarde over the school years. Pure Plotly from the rows
of the named queries `finance_lines` and `finance_years` (no query, no Streamlit)."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from dashboard.charts import COLOURS, TARGET, style
from dashboard.formatting import euro, percent
from dashboard.labels import code_label, code_labels, label

BUDGET = "#9EB9D4"
ACTUAL = "#1F5F8B"
ABOVE = "#D55E00"


def by_category(lines: pl.DataFrame) -> pl.DataFrame:
    """The lines of `finance_lines` summed per category, in code-list order: category,
    budget_eur, actual_eur (euros; an empty amount counts as 0)."""
    order = {code: i for i, code in enumerate(code_labels("finance_category"))}
    return (lines.group_by("category")
            .agg(pl.col("budget_eur").fill_null(0).sum(), pl.col("actual_eur").fill_null(0).sum())
            .sort(pl.col("category").replace_strict(order, default=len(order))))


def budget_actual(lines: pl.DataFrame, year: str) -> go.Figure:
    """Budget and actuals per category of one school year, side by side (horizontal bars)."""
    cats = by_category(lines)
    names = [code_label("finance_category", c) for c in cats["category"]]
    fig = go.Figure()
    for column, key, colour in (("budget_eur", "fin_budget", BUDGET),
                                ("actual_eur", "fin_actual", ACTUAL)):
        fig.add_bar(y=names, x=cats[column], name=label(key), orientation="h",
                    marker_color=colour, text=[euro(v) for v in cats[column]],
                    textposition="auto", hovertemplate="%{y}: %{text}<extra>" + label(key)
                    + "</extra>")
    style(fig, label("fin_budget_title", year=year), x=label("fin_euro_axis"))
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(barmode="group", height=120 + 60 * len(names),
                      legend={"orientation": "h", "y": -0.15})
    return fig


def preventive_curative(years: pl.DataFrame, year: str) -> go.Figure:
    """Preventive (school_support) and curative (arrangements + afdracht) spending per school
    year, stacked, with the preventive share as text; `year` in the title."""
    row = years.filter(school_year=year)
    share = row["preventive_share"][0] if row.height else None
    fig = go.Figure()
    for column, key, colour in (
        ("preventive_eur", "fin_preventive", COLOURS["prevention_level"]["preventive"]),
        ("curative_eur", "fin_curative", COLOURS["prevention_level"]["curative"]),
    ):
        fig.add_bar(x=years["school_year"], y=years[column], name=label(key),
                    marker_color=colour, customdata=[euro(v) for v in years[column]],
                    hovertemplate="%{x}: %{customdata}<extra>" + label(key) + "</extra>")
    fig.add_scatter(x=years["school_year"], y=years["preventive_eur"] + years["curative_eur"],
                    mode="text", text=[percent(s) for s in years["preventive_share"]],
                    textposition="top center", showlegend=False, hoverinfo="skip")
    style(fig, label("fin_prevention_title", share=percent(share), year=year),
          x=label("fig_school_year"), y=label("fin_euro_axis"))
    fig.update_layout(barmode="stack", height=380, legend={"orientation": "h", "y": -0.25})
    return fig


def reserves(years: pl.DataFrame, year: str) -> go.Figure:
    """The reserve at the end of each school year (bars; above the signaleringswaarde in the
    warning colour) against the signaleringswaarde (dashed line); `year` marked by its
    outline."""
    above = years["above_signal"].fill_null(False).to_list()
    fig = go.Figure()
    fig.add_bar(x=years["school_year"], y=years["reserve_eur"], name=label("fin_reserve"),
                marker_color=[ABOVE if a else ACTUAL for a in above],
                marker_line_width=[3 if y == year else 0 for y in years["school_year"]],
                marker_line_color=TARGET, text=[euro(v) for v in years["reserve_eur"]],
                textposition="outside",
                hovertemplate="%{x}: %{text}<extra>" + label("fin_reserve") + "</extra>")
    fig.add_scatter(x=years["school_year"], y=years["signaleringswaarde_eur"],
                    name=label("fin_signal"), mode="lines+markers",
                    line={"color": TARGET, "dash": "dash", "width": 2},
                    customdata=[euro(v) for v in years["signaleringswaarde_eur"]],
                    hovertemplate="%{x}: %{customdata}<extra>" + label("fin_signal")
                    + "</extra>")
    style(fig, label("fin_reserve_title"), x=label("fig_school_year"), y=label("fin_euro_axis"))
    fig.update_layout(height=380, legend={"orientation": "h", "y": -0.25})
    return fig
