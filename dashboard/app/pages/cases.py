"""Casussen: the case register of the thuiszittersoverleg (issue 16). What recurs first (the
gemeente and problem pairs of `cases_recurring`, the problems over the years of `cases_trend`,
the months of `cases_moments`), then the year's problems, outcomes and duration
(`cases_summary`), who brought the cases and how late (`cases_by_requester`, `cases_by_sector`,
`cases_days_out`).

For the network roles (kwaliteit, beheer, bestuur); the school role sees no cases (they are not
a school's). The queries take no gemeente parameter, so no figure can be set against the
network's; the gemeente filter only narrows the rows of the recurring table. The need filter
does not apply (cases carry no need). The page picks and formats rows; it computes no figure
of its own.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.app import auth, filters
from dashboard.app.components import definition, has_rows, page_header, suppression_note
from dashboard.app.data import query
from dashboard.charts import CHART_CONFIG
from dashboard.figures import cases as figures
from dashboard.formatting import days, number
from dashboard.geo import municipality_name
from dashboard.labels import code_label, label
from etl.settings import get_settings

FINDINGS = 3  # recurring pairs told in sentences


def count(value: int | None) -> str:
    """A count as the page writes it; a hidden one (privacy) as 'een verborgen aantal'."""
    return number(value) if value is not None else label("cs_fewer",
                                                          min_cell=get_settings().min_cell)


def findings(recurring: pl.DataFrame, year: str, years_so_far: int) -> None:
    """The pairs that came back most, in sentences: a case in at least two school years and at
    least `min_cell` cases this year (the same pairs for every role; fewer is no pattern yet)."""
    top = (recurring.drop_nulls("cases")
           .filter((pl.col("years_with_cases") >= 2)
                   & (pl.col("cases") >= get_settings().min_cell))
           .sort(["cases", "municipality_code", "problem_type"], descending=[True, False, False])
           .head(FINDINGS))
    if top.height == 0:
        st.info(label("cs_findings_none", year=year, min_cell=get_settings().min_cell))
        return
    lines = [label("cs_findings_intro", year=year, min_cell=get_settings().min_cell)]
    for row in top.iter_rows(named=True):
        lines.append("- " + label(
            "cs_finding", municipality=municipality_name(row["municipality_code"]),
            problem=code_label("case_problem", row["problem_type"]).lower(),
            cases=number(row["cases"]), year=year, previous=count(row["cases_previous"]),
            years=number(row["years_with_cases"]), of=number(years_so_far),
            secondary=count(row["cases_secondary"]),
            first_quarter=count(row["cases_first_quarter"])))
    st.markdown("\n".join(lines))


def recurring_table(recurring: pl.DataFrame, year: str, municipality: str | None) -> None:
    rows = recurring if municipality is None else recurring.filter(
        municipality_code=municipality)
    rows = rows.sort(["cases", "cases_previous", "municipality_code", "problem_type"],
                     descending=[True, True, False, False], nulls_last=True)
    if not has_rows(rows):
        return
    st.dataframe(pl.DataFrame({
        label("cs_col_municipality"): [municipality_name(c) for c in rows["municipality_code"]],
        label("cs_col_problem"): [code_label("case_problem", c) for c in rows["problem_type"]],
        label("cs_col_cases", year=year): [number(v) for v in rows["cases"]],
        label("cs_col_previous"): [number(v) for v in rows["cases_previous"]],
        label("cs_col_years"): [number(v) for v in rows["years_with_cases"]],
        label("cs_col_secondary"): [number(v) for v in rows["cases_secondary"]],
        label("cs_col_first_quarter"): [number(v) for v in rows["cases_first_quarter"]],
    }), hide_index=True, width="stretch")
    st.caption(label("cs_recurring_caption", year=year))
    suppression_note(rows)


def chart(fig: object, key: str) -> None:
    st.plotly_chart(fig, width="stretch", config=CHART_CONFIG, key=key)


def recurring_section(trend: pl.DataFrame, year: str, municipality: str | None) -> None:
    st.subheader(label("cs_recurring_header"))
    recurring = query("cases_recurring", school_year=year)
    years_so_far = len({y for y in trend["school_year"] if y <= year})
    findings(recurring, year, years_so_far)
    if has_rows(trend, "cases"):
        chart(figures.trend(trend, year), "trend")
    recurring_table(recurring, year, municipality)
    definition("cases_recurring", "cases_trend")
    st.subheader(label("cs_moments_header"))
    moments = query("cases_moments", school_year=year)
    if has_rows(moments, "cases"):
        chart(figures.moments(moments, year), "moments")
        st.caption(label("cs_moments_caption"))
        suppression_note(moments)
    definition("cases_moments")


def year_section(year: str) -> None:
    st.subheader(label("cs_year_header", year=year))
    summary = query("cases_summary", school_year=year)
    if not has_rows(summary, "cases"):
        return
    chart(figures.outcomes(summary, year), "outcomes")
    st.dataframe(pl.DataFrame({
        label("cs_col_problem"): [code_label("case_problem", c) for c in summary["problem_type"]],
        label("cs_col_outcome"): [code_label("case_outcome", c) for c in summary["outcome"]],
        label("cs_cases_axis"): [number(v) for v in summary["cases"]],
        label("cs_col_median_days"): [days(v) for v in summary["median_days_open"]],
    }), hide_index=True, width="stretch")
    st.caption(label("cs_outcome_caption"))
    suppression_note(summary)
    definition("cases_summary")


def who_section(year: str) -> None:
    st.subheader(label("cs_who_header"))
    left, right = st.columns(2)
    requesters = query("cases_by_requester", school_year=year)
    sectors = query("cases_by_sector", school_year=year)
    with left:
        if has_rows(requesters, "cases"):
            chart(figures.requesters(requesters, year), "requesters")
            st.caption(label("cs_requester_caption"))
    with right:
        if has_rows(sectors, "cases"):
            chart(figures.sectors(sectors, year), "sectors")
    suppression_note(next((f for f in (requesters, sectors)
                           if "suppressed" in f.columns and f["suppressed"].any()), requesters))
    bands = query("cases_days_out", school_year=year)
    if has_rows(bands, "cases"):
        chart(figures.days_out(bands, year), "days_out")
        suppression_note(bands)
    definition("cases_by_requester", "cases_by_sector", "cases_days_out")


def render() -> None:
    auth.require("cases")
    f = filters.current()
    page_header(label("page_cases"), label("cs_intro"))
    trend = query("cases_trend")
    if not has_rows(trend):
        return
    year = f.school_year or trend["school_year"].max()
    if f.need_category:
        st.caption(label("fig_need_not_used"))
    if f.municipality_code:
        st.caption(label("cs_filter_note", municipality=municipality_name(f.municipality_code),
                         organisation=label("organisation")))
    if year not in set(trend["school_year"]):
        st.info(label("cs_no_year", year=year))
        return
    recurring_section(trend, year, f.municipality_code)
    year_section(year)
    who_section(year)


render()
