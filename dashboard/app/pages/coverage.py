"""Dekkend aanbod: demand against capacity per gemeente and need, on a heatmap, a map (with the
region's schools, when the DUO list is loaded) and in a table; the trend over the school years;
support at schools outside the region; participation in special education against the
national figure (`dashboard.app.context`)."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.app import auth, context, demand, filters
from dashboard.app.components import definition, has_rows, page_header, suppression_note
from dashboard.app.data import query
from dashboard.charts import GEO_CONFIG, STATIC_CONFIG, labelled
from dashboard.figures import coverage as figures
from dashboard.formatting import number, percent
from dashboard.geo import municipalities, municipality_name
from dashboard.labels import label
from etl.schema import UNKNOWN
from etl.settings import get_settings


def map_need(year: str, need: str | None) -> str | None:
    """The need shown on the map: the filter's, else the one with the largest total gap."""
    if need:
        return need
    trend = query("coverage_trend").filter(school_year=year).drop_nulls("gap")
    if trend.height == 0:
        return None
    return trend.sort(["gap", "need_category"], descending=[True, False])["need_category"][0]


def region_geojson(coverage: pl.DataFrame) -> dict:
    """The boundaries of the region's gemeenten on the profile's map (CBS or NIS codes)."""
    region = set(get_settings().municipalities) | set(coverage["municipality_code"])
    return {"type": "FeatureCollection",
            "features": [f for f in municipalities()["features"] if f["id"] in region]}


def unknown_note(coverage: pl.DataFrame, need: str) -> None:
    """A caption for the map: pupils whose referral names no gemeente (`unknown`) are counted in
    the table and the heatmap, but have no place on the map."""
    rows = coverage.filter(municipality_code=UNKNOWN, need_category=need)
    if rows.height == 0:
        return
    demand = rows["demand"][0]
    if demand is None:
        st.caption(label("cov_map_unknown_suppressed"))
    elif demand:
        st.caption(label("cov_map_unknown", n=number(demand)))


def table(rows: pl.DataFrame) -> None:
    shown = labelled(rows, "need_category").with_columns(
        pl.col("municipality_code").map_elements(municipality_name, return_dtype=pl.String)
        .alias("municipality"),
        (pl.col("coverage_ratio") * 100).alias("coverage_percent"),
    ).sort(["gap", "municipality", "need_category_label"], descending=[True, False, False],
           nulls_last=True)
    columns = {
        "municipality": st.column_config.TextColumn(label("municipality").capitalize(),
                                                    width=110),
        "need_category_label": st.column_config.TextColumn(label("cov_col_need"), width=100),
        "demand": st.column_config.NumberColumn(label("cov_col_demand"), format="%d",
                                                help=label("col_demand"), width=56),
        "capacity": st.column_config.NumberColumn(label("cov_col_capacity"), format="%d",
                                                  help=label("col_capacity"), width=56),
        "gap": st.column_config.NumberColumn(label("col_gap"), format="%d", width=56),
        "coverage_percent": st.column_config.NumberColumn(
            label("cov_col_ratio"), format="%.0f%%", help=label("col_coverage_ratio"),
            width=56),
    }
    st.dataframe(shown.select(list(columns)), column_config=columns, hide_index=True,
                 width="stretch", height=min(420, 38 + 35 * shown.height))


def trend(municipality: str | None, need: str | None, year: str) -> None:
    frame = query("coverage_trend", municipality_code=municipality)
    if need:
        frame = frame.filter(need_category=need)
    st.subheader(label("cov_trend_heading"))
    if not has_rows(frame, "demand"):
        return
    left, right = st.columns(2)
    with left:
        st.plotly_chart(figures.gap_trend(frame, year), width="stretch", config=STATIC_CONFIG)
    with right:
        st.plotly_chart(figures.spread(frame), width="stretch", config=STATIC_CONFIG)
    suppression_note(frame)


def outside_region(municipality: str | None, year: str) -> None:
    st.subheader(label("cov_outside_heading"))
    frame = query("placements_outside_region", municipality_code=municipality)
    if not has_rows(frame, "supports_at_schools"):
        return
    row = frame.filter(school_year=year)
    if row.height:
        r = row.row(0, named=True)
        st.markdown(label("cov_outside_text", year=year,
                          outside=number(r["supports_outside_region"]),
                          total=number(r["supports_at_schools"]),
                          share=percent(r["outside_region_share"], 1),
                          pupils=number(r["pupils_outside_region"])))
    if (frame["supports_outside_region"].drop_nulls() > 0).any():
        st.plotly_chart(figures.outside_region(frame), width="stretch", config=STATIC_CONFIG)
    else:
        st.caption(label("cov_outside_none"))
    suppression_note(frame)


def render() -> None:
    auth.require("coverage")
    f = filters.current()
    page_header(label("page_coverage"), label("cov_intro"))
    if f.school_year is None:
        st.info(label("no_data"))
        return
    year = f.school_year
    coverage = query("coverage", school_year=year)
    if not has_rows(coverage):
        return
    rows = coverage
    if f.municipality_code:
        rows = rows.filter(municipality_code=f.municipality_code)
    if f.need_category:
        rows = rows.filter(need_category=f.need_category)

    if has_rows(rows):
        st.plotly_chart(figures.heatmap(rows, year), width="stretch", config=STATIC_CONFIG)
        st.caption(label("cov_heatmap_help"))
    suppression_note(coverage)
    left, right = st.columns(2)
    with left:
        need = map_need(year, f.need_category)
        geojson = region_geojson(coverage)
        if need is not None and geojson["features"]:
            schools = context.school_traces(f.municipality_code)
            st.plotly_chart(figures.region_map(coverage, year, need, geojson, schools),
                            width="stretch", config=GEO_CONFIG)
            unknown_note(coverage, need)
            if f.need_category is None:
                st.caption(label("cov_map_help"))
            if schools:
                st.caption(label("ctx_schools_caption",
                                 n=number(sum(len(t.lon) for t in schools))))
        elif need is not None:
            st.caption(label("cov_map_none"))
    with right:
        if rows.height:
            st.markdown(f"**{label('cov_table_heading', year=year)}**")
            table(rows)
    trend(f.municipality_code, f.need_category, year)
    outside_region(f.municipality_code, year)
    demand.forecast_section(year, f.municipality_code, f.need_category)
    demand.tlv_section(year)
    demand.border_section(year)
    demand.cost_section(year, f.municipality_code, f.need_category)
    definition("coverage", "coverage_trend", "placements_outside_region", "admissions_rolling",
               "admissions_by_category", "admissions_validity", "admissions_year_to_date",
               "border_traffic", "network_cost")
    context.participation_section(year)


render()
