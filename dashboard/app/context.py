"""Public context on the pages: CBS participation in special education (the region's gemeenten
against the Netherlands) and the DUO school locations. Used by Overzicht and Dekkend aanbod.

Every figure comes from a named query: `participation` (per gemeente and the row NL, one school
year), `participation_region` (the region summed, and NL, per school year; the region is the
`[region] municipalities` list of pib.toml, passed as its `municipalities` parameter) and
`school_locations`. The page only picks rows. CBS figures exist for the Netherlands only: in
the `vl` profile the sections say so instead.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import plotly.graph_objects as go
import polars as pl
import streamlit as st

from dashboard.app.components import definition
from dashboard.app.data import query
from dashboard.charts import ACCENT, GEO_CONFIG, STATIC_CONFIG, TARGET, style
from dashboard.formatting import number, percent
from dashboard.geo import municipalities, municipality_name
from dashboard.labels import code_label, label
from etl.settings import get_settings

MEASURES = ("so_share", "sbo_share", "vso_share")
PUPILS = {"so_share": "pupils_so", "sbo_share": "pupils_sbo", "vso_share": "pupils_vso"}
REGION, NATIONAL = "regio", "NL"
# One colour per sector of the school points (Okabe-Ito, as the other charts).
SECTOR_COLOURS = {
    "po": "#0072B2", "bao": "#0072B2", "vo": "#009E73", "so_vo": "#009E73",
    "sbo": "#E69F00", "so": "#D55E00", "vso": "#CC79A7", "buo": "#D55E00",
}


def available() -> bool:
    """CBS participation figures exist for the Dutch profile only."""
    return get_settings().terminology == "nl"


def region_param() -> str:
    """The region as the `municipalities` parameter of `participation_region`."""
    return ",".join(get_settings().municipalities)


def measure_label(measure: str) -> str:
    return label(f"ctx_measure_{measure}")


@dataclass(frozen=True)
class Participation:
    """The CBS figures a page shows for one selected school year."""

    year: str  # the CBS school year shown
    note: str  # which CBS year, and why
    region: dict  # the region's row of participation_region in `year`
    national: dict  # the NL row of participation_region in `year`
    trend: pl.DataFrame  # participation_region, every year, both areas
    gemeenten: pl.DataFrame  # participation in `year`: the rows of the region and NL


def year_text(year: str, provisional: bool | None) -> str:
    return f"{year}*" if provisional else year


def participation(selected: str | None) -> Participation | str:
    """The figures for the selected school year (the latest CBS year up to it), or the text
    that says why there are none."""
    if not available():
        return label("ctx_not_available")
    trend = query("participation_region", municipalities=region_param())
    years = sorted(set(trend["school_year"]))
    if not years:
        return label("ctx_none")
    if REGION not in set(trend["area"]):
        return label("ctx_no_region")
    usable = [y for y in years if selected is None or y <= selected]
    if not usable:
        return label("ctx_no_year", year=selected, first=years[0])
    year = usable[-1]
    rows = {r["area"]: r for r in trend.filter(school_year=year).iter_rows(named=True)}
    if REGION not in rows:
        return label("ctx_no_region")
    shown = year_text(year, rows[NATIONAL]["provisional"])
    note = (label("ctx_year_same", year=shown) if year == selected or selected is None
            else label("ctx_year_earlier", cbs=shown, year=selected))
    if rows[NATIONAL]["provisional"]:
        note += " " + label("ctx_provisional")
    region = set(get_settings().municipalities) | {NATIONAL}
    per_municipality = query("participation", school_year=year).filter(
        pl.col("municipality_code").is_in(list(region)))
    return Participation(year, note, rows[REGION], rows[NATIONAL], trend, per_municipality)


def measure_picker(key: str) -> str:
    return st.radio(label("ctx_measure"), MEASURES, format_func=measure_label, horizontal=True,
                    key=key, help=label("ctx_measure_help"))


def table_frame(data: Participation) -> pl.DataFrame:
    """The region's gemeenten (by name), the region and the Netherlands: pupils and shares as
    the queries give them."""
    gemeenten = data.gemeenten.filter(pl.col("municipality_code") != NATIONAL).with_columns(
        pl.col("municipality_code").map_elements(municipality_name, return_dtype=pl.String)
        .alias("name")).sort("name")
    columns = ["name", "pupils_bao", "pupils_sbo", "pupils_so", "pupils_vso", "pupils_vo",
               "sbo_share", "so_share", "vso_share"]
    totals = pl.DataFrame([
        {**data.region, "name": label("ctx_region")},
        {**data.national, "name": label("ctx_national")},
    ]).select(columns)
    return pl.concat([gemeenten.select(columns), totals], how="vertical_relaxed")


def table(data: Participation) -> None:
    frame = table_frame(data).with_columns(pl.col(c) * 100 for c in ("sbo_share", "so_share",
                                                                      "vso_share"))
    pupils = {c: st.column_config.NumberColumn(label(f"ctx_col_{c[7:]}"), format="%d",
                                               help=label("ctx_pupils_help"))
              for c in ("pupils_bao", "pupils_sbo", "pupils_so", "pupils_vso", "pupils_vo")}
    shares = {c: st.column_config.NumberColumn(label(f"ctx_col_{c}"), format="%.1f%%")
              for c in ("sbo_share", "so_share", "vso_share")}
    columns = {"name": st.column_config.TextColumn(label("municipality").capitalize()),
               **pupils, **shares}
    st.dataframe(frame, column_config=columns, hide_index=True, width="stretch",
                 height=38 + 35 * frame.height)


def trend_figure(data: Participation, measure: str) -> go.Figure:
    """Region against national, every CBS school year; provisional years marked with *."""
    fig = go.Figure()
    for area, name, colour, dash in ((REGION, label("ctx_region"), ACCENT, "solid"),
                                     (NATIONAL, label("ctx_national"), TARGET, "dash")):
        rows = data.trend.filter(area=area)
        fig.add_trace(go.Scatter(
            x=[year_text(y, p) for y, p in zip(rows["school_year"], rows["provisional"],
                                               strict=True)],
            y=rows[measure].to_list(), name=name, mode="lines+markers",
            line={"color": colour, "dash": dash},
            marker={"size": [10 if y == data.year else 6 for y in rows["school_year"]]},
            customdata=[percent(v, 1) for v in rows[measure]],
            hovertemplate=name + " %{x}: %{customdata}<extra></extra>",
        ))
    title = label("ctx_trend_title", measure=measure_label(measure))
    sub = label("ctx_trend_sub", year=year_text(data.year, data.national["provisional"]),
                region=percent(data.region[measure], 1),
                national=percent(data.national[measure], 1))
    style(fig, f"{title}<br><sup>{sub}</sup>", label("school_year").capitalize(),
          label("ctx_measure"))
    fig.update_yaxes(tickformat=".1%", rangemode="tozero")
    fig.update_layout(height=380, margin={"t": 70},
                      legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 1,
                              "xanchor": "right"})
    return fig


def map_figure(data: Participation, measure: str) -> go.Figure:
    """Every Dutch gemeente coloured by the share; the region's gemeenten outlined."""
    rows = query("participation", school_year=data.year).filter(
        pl.col("municipality_code").str.starts_with("GM"))
    geojson = municipalities("nl")
    known = {f["id"] for f in geojson["features"]}
    rows = rows.filter(pl.col("municipality_code").is_in(list(known)))
    names = [municipality_name(c) for c in rows["municipality_code"]]
    fig = go.Figure(go.Choropleth(
        geojson=geojson, locations=rows["municipality_code"].to_list(),
        z=rows[measure].to_list(), featureidkey="id", colorscale="Blues",
        marker={"line": {"color": "white", "width": 0.3}},
        colorbar={"title": {"text": measure_label(measure)}, "tickformat": ".1%"},
        customdata=[[n, label("ctx_hover", share=percent(v, 1), pupils=number(p))]
                    for n, v, p in zip(names, rows[measure], rows[PUPILS[measure]],
                                       strict=True)],
        hovertemplate="%{customdata[0]}<br>%{customdata[1]}<extra></extra>",
    ))
    region = [c for c in get_settings().municipalities if c in known]
    fig.add_trace(go.Choropleth(
        geojson=geojson, locations=region, z=[0] * len(region), featureidkey="id",
        colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]], showscale=False,
        marker={"line": {"color": "#222222", "width": 2.5}}, hoverinfo="skip",
    ))
    fig.update_geos(fitbounds="locations", visible=False, projection_type="mercator")
    title = label("ctx_map_title", measure=measure_label(measure),
                  year=year_text(data.year, data.national["provisional"]))
    style(fig, f"{title}<br><sup>{label('ctx_map_sub')}</sup>")
    fig.update_layout(height=560, margin={"l": 0, "r": 0, "t": 70, "b": 0})
    return fig


def participation_section(selected: str | None) -> None:
    """Dekkend aanbod: the region's gemeenten against the Netherlands, trend and national map."""
    st.subheader(label("ctx_heading"))
    data = participation(selected)
    if isinstance(data, str):
        st.info(data)
        return
    st.caption(f"{label('ctx_intro')} {data.note}")
    measure = measure_picker("ctx_measure_coverage")
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{label('ctx_table_heading', year=data.year)}**")
        table(data)
    with right:
        st.plotly_chart(trend_figure(data, measure), width="stretch", config=STATIC_CONFIG)
    st.plotly_chart(map_figure(data, measure), width="stretch", config=GEO_CONFIG)
    definition("participation", "participation_region")


def participation_line(selected: str | None) -> None:
    """Overzicht: one compact line, e.g. "SO-deelname regio 2,2% tegen 2,4% landelijk"."""
    with st.container(border=True):
        st.markdown(f"**{label('ctx_overview_title')}**")
        data = participation(selected)
        if isinstance(data, str):
            st.caption(data)
            return
        r, n = data.region, data.national
        st.markdown(label("ctx_line", measure=measure_label("so_share"),
                          region=percent(r["so_share"], 1), national=percent(n["so_share"], 1)))
        st.caption(label("ctx_line_more", sbo_region=percent(r["sbo_share"], 1),
                         sbo_national=percent(n["sbo_share"], 1),
                         vso_region=percent(r["vso_share"], 1),
                         vso_national=percent(n["vso_share"], 1), year=data.note))


def school_traces(municipality: str | None = None) -> list[go.Scattergeo]:
    """The region's school locations (DUO) as points, one trace per sector; none without data
    (or in a warehouse written before the table existed: the next load adds it)."""
    try:
        schools = query("school_locations", municipality_code=municipality)
    except duckdb.CatalogException:
        return []
    traces = []
    for sector in sorted(set(schools["sector"]), key=lambda s: list(SECTOR_COLOURS).index(s)
                         if s in SECTOR_COLOURS else 99):
        part = schools.filter(sector=sector)
        name = code_label("sector", sector)
        traces.append(go.Scattergeo(
            lon=part["lon"].to_list(), lat=part["lat"].to_list(), mode="markers", name=name,
            legendgroup="schools", legendgrouptitle_text=label("ctx_schools_legend"),
            marker={"size": 6, "color": SECTOR_COLOURS.get(sector, "#999999"), "opacity": 0.85,
                    "line": {"color": "white", "width": 0.5}},
            customdata=[label("ctx_schools_hover", name=n, sector=name, pupils=number(p))
                        for n, p in zip(part["name"], part["pupils"], strict=True)],
            hovertemplate="%{customdata}<extra></extra>",
        ))
    return traces
