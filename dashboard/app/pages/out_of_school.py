"""Thuiszitters: pupils without education per 1,000 pupils against the target, by kind of
absence, how long episodes last and the reasons given.

`out_of_school` (per 1,000, the board's figure) has no filters: it is always regional.
`out_of_school_by_kind` follows the gemeente filter, `out_of_school_reasons` the school year.
The need-category filter does not apply (episodes carry no need). The page picks and formats
rows; it computes no figure of its own.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.app import auth, filters
from dashboard.app.components import (
    definition,
    has_rows,
    page_header,
    suppression_note,
    target_badge,
)
from dashboard.app.data import current_role, query
from dashboard.charts import CHART_CONFIG
from dashboard.figures import out_of_school as figures
from dashboard.formatting import number, rate, signed
from dashboard.geo import municipality_name
from dashboard.kpis import kpi
from dashboard.labels import code_label, code_labels, label
from dashboard.tables import Column
from etl.settings import get_settings
from queries.roles import get_role

REASONS = 10


def tiles(trend: pl.DataFrame, year: str, target: float | None) -> None:
    years = trend["school_year"].to_list()
    if year not in years:
        st.info(label("no_data"))
        return
    i = years.index(year)
    row = trend.row(i, named=True)
    before = trend.row(i - 1, named=True) if i > 0 else None

    def delta(column: str, decimals: int) -> str | None:
        if before is None or row[column] is None or before[column] is None:
            return None
        return signed(row[column] - before[column], decimals)

    what = label("out_of_school_title")
    cols = st.columns(3)
    cols[0].metric(what, number(row["pupils_out_of_school"]),
                   delta("pupils_out_of_school", 0), delta_color="inverse", border=True,
                   help=label("os_tile_help"))
    cols[1].metric(label("per_1000_pupils"), rate(row["per_1000_pupils"]),
                   delta("per_1000_pupils", 1), delta_color="inverse", border=True)
    cols[2].metric(label("exempted"), number(row["pupils_exempted"]),
                   delta("pupils_exempted", 0), delta_color="off", border=True,
                   help=label("os_tile_help"))
    verdict = target_badge(kpi("out_of_school_per_1000"), row["per_1000_pupils"])
    st.markdown(label("os_verdict", year=year, per_1000=rate(row["per_1000_pupils"]),
                      what=label("out_of_school"), target=verdict))
    if before:
        st.caption(label("fig_delta_caption", year=before["school_year"]))


def trend_chart(trend: pl.DataFrame, year: str, target: float | None) -> None:
    if not has_rows(trend, "per_1000_pupils"):
        return
    st.plotly_chart(figures.per_1000(trend, year, target), width="stretch", config=CHART_CONFIG,
                    key="per_1000")


def kind_charts(by_kind: pl.DataFrame, year: str) -> None:
    left, right = st.columns(2)
    with left:
        if has_rows(by_kind, "pupils"):
            st.plotly_chart(figures.by_kind(by_kind, year), width="stretch", config=CHART_CONFIG,
                            key="by_kind")
            st.caption(label("os_kind_caption"))
    with right:
        if has_rows(by_kind, "median_duration_days"):
            st.plotly_chart(figures.duration(by_kind, year), width="stretch", config=CHART_CONFIG,
                            key="duration")
            st.caption(label("os_duration_caption"))
    suppression_note(by_kind)


def reasons_chart(year: str) -> None:
    options = [None, *code_labels("out_of_school_kind")]
    kind = st.segmented_control(
        label("os_reasons_kind"), options, default=None, key="os_reason_kind",
        format_func=lambda c: label("os_all_kinds") if c is None
        else code_label("out_of_school_kind", c))
    reasons = query("out_of_school_reasons", school_year=year, kind=kind, limit=REASONS)
    if not has_rows(reasons, "pupils"):
        return
    st.plotly_chart(figures.reasons(reasons, year, kind), width="stretch", config=CHART_CONFIG,
                    key="reasons")
    st.caption(label("os_reasons_caption", limit=REASONS))
    suppression_note(reasons)


def census_columns() -> tuple[Column, ...]:
    """The columns of the leerplicht census (query out_of_school_census) as the page shows them."""
    return (
        Column("kind", label("rpt_col_kind"), "code:out_of_school_kind"),
        Column("exemption_article", label("rpt_col_article"), "text"),
        Column("at_start", label("os_col_at_start"), "count"),
        Column("new_in_year", label("os_col_new"), "count"),
        Column("total", label("os_col_total"), "count"),
        Column("over_3_months", label("os_col_over_3_months"), "count"),
        Column("ended_in_year", label("os_col_ended"), "count"),
        Column("open_at_end", label("os_col_open_at_end"), "count"),
    )


def census(year: str) -> None:
    """The leerplicht census of the school year: per kind (and article), distinct pupils at
    the start, new, in all, over three months, ended and open at the end."""
    frame = query("out_of_school_census", school_year=year)
    if not has_rows(frame, "total"):
        return
    frame = frame.with_columns(pl.col("exemption_article").map_elements(
        lambda code: code_label("exemption_article", code), return_dtype=pl.String))
    columns = census_columns()
    st.dataframe(pl.DataFrame({c.header: [c.text(v) for v in frame[c.source]] for c in columns},
                              schema={c.header: pl.String for c in columns}),
                 hide_index=True, width="stretch")
    first, last = get_settings().school_year_bounds(year)
    st.caption(label("os_census_caption", year=year, first=f"{first:%d-%m-%Y}",
                     last=f"{last:%d-%m-%Y}"))
    suppression_note(frame)


def render() -> None:
    auth.require("out_of_school")
    f = filters.current()
    kinds = code_labels("out_of_school_kind")
    page_header(label("page_out_of_school"), label(
        "os_intro", absolute=kinds["absolute_absence"].lower(),
        relative=kinds["long_relative_absence"].lower(), exemption=kinds["exemption"]))
    trend = query("out_of_school")
    by_kind = query("out_of_school_by_kind", municipality_code=f.municipality_code)
    if trend.height == 0 and by_kind.height == 0:
        has_rows(trend)
        return
    years = trend["school_year"].to_list()
    year = f.school_year or years[-1]
    target = kpi("out_of_school_per_1000").target_value()
    if f.need_category:
        st.caption(label("fig_need_not_used"))
    if f.municipality_code:
        st.caption(label("os_region_note", municipality=municipality_name(f.municipality_code)))
    tiles(trend, year, target)
    trend_chart(trend, year, target)
    suppression_note(trend)
    definition("out_of_school")
    st.subheader(label("os_kind_header"))
    kind_charts(by_kind, year)
    definition("out_of_school_by_kind")
    st.subheader(label("os_census_header"))
    census(year)
    definition("out_of_school_census")
    if get_role(current_role()).data_quality:  # free text: data-quality roles only
        st.subheader(label("os_reasons_header"))
        reasons_chart(year)
        definition("out_of_school_reasons")


render()
