"""Casussen figures: cases per problem type over the school years, per month of the school
year, by outcome, by who brought them, by sector and by days without education before."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from dashboard.charts import ACCENT, COLOURS, style
from dashboard.formatting import days, number
from dashboard.labels import code_label, code_labels, label

SECONDARY = "#D55E00"  # the vo/vso cases of the month chart: the story's colour
MUTED = "#BBBBBB"


def _top(rows: pl.DataFrame, column: str, key: str) -> dict | None:
    """The row with the most `column` (ties: the first by `key`); None when none shows."""
    known = rows.drop_nulls(column)
    if known.height == 0:
        return None
    return known.sort([column, key], descending=[True, False]).row(0, named=True)


def trend(rows: pl.DataFrame, year: str) -> go.Figure:
    """Cases per school year, one line per problem type (cases_trend rows); the problem with
    the most cases in `year` drawn thick, with its first year and `year` in the title."""
    top = _top(rows.filter(school_year=year), "cases", "problem_type")
    title = label("cs_trend_plain")
    if top is not None:
        line = rows.filter(problem_type=top["problem_type"]).drop_nulls("cases")
        first = line.row(0, named=True)
        if first["school_year"] != year:
            title = label("cs_trend_title",
                          problem=code_label("case_problem", top["problem_type"]),
                          cases=number(top["cases"]), year=year, first=number(first["cases"]),
                          first_year=first["school_year"])
    fig = go.Figure()
    years = sorted(set(rows["school_year"]))
    for code, name in code_labels("case_problem").items():
        part = rows.filter(problem_type=code)
        if part.height == 0:
            continue
        by_year = dict(zip(part["school_year"], part["cases"], strict=True))
        main = top is not None and code == top["problem_type"]
        fig.add_scatter(
            x=years, y=[by_year.get(y) for y in years], name=name, mode="lines+markers",
            line={"color": COLOURS["case_problem"][code], "width": 4 if main else 1.5},
            marker={"size": 9 if main else 5},
            hovertemplate="%{x}, " + name + ": %{y} casussen<extra></extra>",
        )
    style(fig, title, x=label("fig_school_year"), y=label("cs_cases_axis"))
    fig.update_yaxes(rangemode="tozero")
    fig.update_layout(height=380, legend={"orientation": "h", "y": -0.25})
    return fig


def month_names(rows: pl.DataFrame) -> list[str]:
    """The short names of the twelve months in school-year order, read from the rows of
    cases_moments (position 1 is the month the school year starts in); [] without rows."""
    if rows.height == 0:
        return []
    short = label("fig_months_short").split()
    row = rows.row(0, named=True)
    start = (row["month"] - row["position"]) % 12  # 0-based calendar month of position 1
    return [short[(start + i) % 12] for i in range(12)]


def moments(rows: pl.DataFrame, year: str) -> go.Figure:
    """Cases and vo/vso cases per month of the school year (cases_moments rows), all twelve
    months on the axis; the peak month in the title."""
    names = month_names(rows)
    full = label("fig_months").split()
    top = _top(rows, "cases", "position")
    if top is not None:
        title = label("cs_moments_title", month=full[top["month"] - 1], cases=number(top["cases"]),
                      secondary=number(top["cases_secondary"]))
    else:
        title = label("cs_moments_plain", year=year)
    by_position = {r["position"]: r for r in rows.iter_rows(named=True)}
    fig = go.Figure()
    for column, name, colour in (("cases", label("cs_all_cases"), MUTED),
                                 ("cases_secondary", label("cs_secondary_cases"), SECONDARY)):
        values = [by_position.get(p, {}).get(column) for p in range(1, 13)]
        inside = column == "cases_secondary"
        fig.add_bar(x=names, y=values, name=name, marker_color=colour,
                    text=[number(v) if v else "" for v in values],
                    textposition="inside" if inside else "outside",
                    insidetextanchor="end", textangle=0,
                    textfont={"color": "white" if inside else None},
                    hovertemplate="%{x}: %{y} " + name.lower() + "<extra></extra>")
    style(fig, title, x=label("cs_month_axis"), y=label("cs_cases_axis"))
    fig.update_layout(barmode="overlay", height=360, legend={"orientation": "h", "y": -0.3},
                      uniformtext={"minsize": 10, "mode": "hide"})
    fig.update_traces(selector={"name": label("cs_secondary_cases")}, width=0.5)
    return fig


def outcomes(rows: pl.DataFrame, year: str) -> go.Figure:
    """Cases per problem type (bars) stacked by outcome (cases_summary rows); median days open
    on hover."""
    problems = [c for c in code_labels("case_problem") if c in set(rows["problem_type"])]
    fig = go.Figure()
    for code, name in code_labels("case_outcome").items():
        part = rows.filter(outcome=code)
        if part.height == 0:
            continue
        by_problem = {r["problem_type"]: r for r in part.iter_rows(named=True)}
        cells = [by_problem.get(p, {}) for p in problems]
        fig.add_bar(
            y=[code_label("case_problem", p) for p in problems],
            x=[c.get("cases") for c in cells], name=name, orientation="h",
            marker_color=COLOURS["case_outcome"][code],
            customdata=[days(c.get("median_days_open")) for c in cells],
            hovertemplate="%{y}, " + name + ": %{x} casussen (mediaan %{customdata})"
                          "<extra></extra>",
        )
    style(fig, label("cs_outcome_title", year=year), x=label("cs_cases_axis"))
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(barmode="stack", height=340, legend={"orientation": "h", "y": -0.25})
    return fig


def requesters(rows: pl.DataFrame, year: str) -> go.Figure:
    """Cases per referrer (cases_by_requester rows), the largest named in the title; the
    median days without education before the case on hover."""
    top = _top(rows, "cases", "referred_by")
    title = (label("cs_requester_title", who=code_label("case_referrer", top["referred_by"])
                   .lower(), cases=number(top["cases"]), year=year)
             if top else label("cs_requester_plain", year=year))
    fig = go.Figure(go.Bar(
        y=[code_label("case_referrer", c) for c in rows["referred_by"]], x=rows["cases"],
        orientation="h", marker_color=ACCENT, text=[number(v) for v in rows["cases"]],
        textposition="outside", cliponaxis=False,
        customdata=[days(v) for v in rows["median_days_out_before"]],
        hovertemplate="%{y}: %{x} casussen; mediaan %{customdata} zonder onderwijs"
                      "<extra></extra>",
    ))
    style(fig, title, x=label("cs_cases_axis"))
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(height=340, showlegend=False)
    return fig


def sectors(rows: pl.DataFrame, year: str) -> go.Figure:
    """Cases per sector of the pupil and how many of them are open (cases_by_sector rows)."""
    names = [code_label("case_sector", c) for c in rows["sector"]]
    fig = go.Figure()
    fig.add_bar(y=names, x=rows["cases"], name=label("cs_cases_axis"), marker_color=ACCENT,
                orientation="h", text=[number(v) for v in rows["cases"]],
                textposition="outside", cliponaxis=False,
                hovertemplate="%{y}: %{x} casussen<extra></extra>")
    fig.add_bar(y=names, x=rows["open_cases"], name=label("cs_open"), orientation="h",
                marker_color=COLOURS["case_outcome"]["open"],
                hovertemplate="%{y}: %{x} open<extra></extra>")
    style(fig, label("cs_sector_title", year=year), x=label("cs_cases_axis"))
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(barmode="group", height=340, legend={"orientation": "h", "y": -0.25})
    return fig


def band_name(low: int | None, high: int | None) -> str:
    """A band of cases_days_out in words: 0 → '0 dagen', (1, 28) → '1–28 dagen', (92, None) →
    '92 dagen of meer', no bounds → 'Onbekend'."""
    if low is None:
        return label("cs_band_unknown")
    if high is None:
        return label("cs_band_open", low=low)
    if high == 0:
        return label("cs_band_zero")
    return label("cs_band", low=low, high=high)


def days_out(rows: pl.DataFrame, year: str) -> go.Figure:
    """Cases per band of days without education before the case (cases_days_out rows); the
    open-ended band (three months or more) in the warning colour and counted in the title."""
    last = rows.filter(pl.col("min_days").is_not_null() & pl.col("max_days").is_null())
    late = last["cases"][0] if last.height else None
    title = (label("cs_days_out_title", cases=number(late), year=year) if late
             else label("cs_days_out_plain", year=year))
    colours = [SECONDARY if lo is not None and hi is None else MUTED if lo is None else ACCENT
               for lo, hi in zip(rows["min_days"], rows["max_days"], strict=True)]
    fig = go.Figure(go.Bar(
        x=[band_name(lo, hi) for lo, hi in zip(rows["min_days"], rows["max_days"], strict=True)],
        y=rows["cases"], marker_color=colours, text=[number(v) for v in rows["cases"]],
        textposition="outside", hovertemplate="%{x}: %{y} casussen<extra></extra>",
    ))
    style(fig, title, x=label("cs_days_axis"), y=label("cs_cases_axis"))
    fig.update_layout(height=340, showlegend=False)
    return fig
