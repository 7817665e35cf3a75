"""Dekkend aanbod: demand against capacity per gemeente and need, on a heatmap, a map (with the
region's schools, when the DUO list is loaded) and in a table; the trend over the school years;
support at schools outside the region; participation in special education against the
national figure (`dashboard.context`)."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from dashboard import auth, context, filters
from dashboard.charts import COLOURS, GEO_CONFIG, colour_map, labelled, style
from dashboard.components import definition, has_rows, page_header, suppression_note
from dashboard.data import query
from dashboard.formatting import number, percent
from dashboard.geo import municipalities, municipality_name
from dashboard.labels import code_label, code_labels, label
from etl.settings import get_settings

SHORTAGE, BALANCED, SURPLUS = "#D55E00", "#f7f7f7", "#9ecae1"
RATIO_RANGE = (0.5, 1.5)  # the heatmap colours saturate at 50% and 150%
PLOT_CONFIG = {"displayModeBar": False}


def subtitled(title: str, subtitle: str) -> str:
    return f"{title}<br><sup>{subtitle}</sup>"


def cell_text(row: dict) -> tuple[str, str]:
    """Text in a heatmap cell and its hover line."""
    if row["demand"] is None:
        return "·", label("cov_hover_suppressed", capacity=number(row["capacity"]))
    hover = label("cov_hover", demand=number(row["demand"]), capacity=number(row["capacity"]),
                  gap=number(row["gap"]), ratio=percent(row["coverage_ratio"]))
    if row["coverage_ratio"] is None:
        return "–", hover
    text = percent(row["coverage_ratio"])
    if row["gap"]:
        text += f"<br><b>-{number(row['gap'])}</b>"
    return text, hover


def heatmap(rows: pl.DataFrame, year: str) -> go.Figure:
    """Coverage ratio per gemeente × need; a gap is outlined and its size printed."""
    needs = [c for c in code_labels("need_category") if c in set(rows["need_category"])]
    codes = sorted(set(rows["municipality_code"]), key=municipality_name, reverse=True)
    z = [[None] * len(needs) for _ in codes]
    text = [[""] * len(needs) for _ in codes]
    hover = [[label("cov_hover_none")] * len(needs) for _ in codes]
    fig = go.Figure()
    for row in rows.iter_rows(named=True):
        i, j = codes.index(row["municipality_code"]), needs.index(row["need_category"])
        z[i][j] = row["coverage_ratio"]
        text[i][j], hover[i][j] = cell_text(row)
        if row["gap"]:
            fig.add_shape(type="rect", x0=j - 0.5, x1=j + 0.5, y0=i - 0.5, y1=i + 0.5,
                          line={"color": "#222222", "width": 2})
    fig.add_trace(go.Heatmap(
        z=z, x=[code_label("need_category", c) for c in needs],
        y=[municipality_name(c) for c in codes], text=text, customdata=hover,
        texttemplate="%{text}", textfont={"size": 12},
        hovertemplate="%{y} · %{x}<br>%{customdata}<extra></extra>",
        zmin=RATIO_RANGE[0], zmax=RATIO_RANGE[1], zmid=1, xgap=2, ygap=2,
        colorscale=[[0, SHORTAGE], [0.5, BALANCED], [1, SURPLUS]],
        colorbar={"title": {"text": label("cov_ratio")}, "tickformat": ".0%",
                  "tickvals": [0.5, 0.75, 1, 1.25, 1.5],
                  "ticktext": ["≤50%", "75%", "100%", "125%", "≥150%"]},
    ))
    gaps = rows.filter(pl.col("gap") > 0).sort(["gap", "municipality_code"],
                                               descending=[True, False])
    if gaps.height:
        top = gaps.row(0, named=True)
        title = label("cov_heatmap_title_gap" if gaps.height > 1 else "cov_heatmap_title_gap_one",
                      year=year, n=gaps.height,
                      need=code_label("need_category", top["need_category"]).lower(),
                      municipality=municipality_name(top["municipality_code"]),
                      gap=number(top["gap"]))
    else:
        title = label("cov_heatmap_title_ok", year=year)
    style(fig, title, label("need_category").capitalize(), label("municipality").capitalize())
    fig.update_layout(height=max(320, 60 + 42 * len(codes)))
    fig.update_xaxes(side="bottom", showgrid=False, tickangle=-25)
    fig.update_yaxes(showgrid=False)
    return fig


def centroid(geometry: dict) -> tuple[float, float]:
    """A label point: the mean vertex of the largest outer ring (fine for small gemeenten)."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [
        geometry["coordinates"]]
    ring = max((p[0] for p in polygons), key=len)
    return (sum(x for x, _ in ring) / len(ring), sum(y for _, y in ring) / len(ring))


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


def region_map(coverage: pl.DataFrame, year: str, need: str, geojson: dict,
               schools: list[go.Scattergeo] | None = None) -> go.Figure:
    """The region's gemeenten coloured by the gap for one need; names on the map; the
    region's schools as points when given."""
    rows = coverage.filter(need_category=need)
    codes = [f["id"] for f in geojson["features"]]
    fig = go.Figure(go.Choropleth(
        geojson=geojson, locations=codes, z=[0] * len(codes), featureidkey="id",
        colorscale=[[0, "#e6e6e6"], [1, "#e6e6e6"]], showscale=False,
        marker={"line": {"color": "white", "width": 1}},
        customdata=[municipality_name(c) for c in codes],
        hovertemplate="%{customdata}<br>" + label("cov_map_no_row") + "<extra></extra>",
    ))
    shown = rows.drop_nulls("gap")
    if shown.height:
        top = max(1, shown["gap"].max())
        fig.add_trace(go.Choropleth(
            geojson=geojson, locations=shown["municipality_code"].to_list(),
            z=shown["gap"].to_list(), featureidkey="id", zmin=0, zmax=top,
            colorscale=[[0, "#fbeee6"], [1, SHORTAGE]],
            marker={"line": {"color": "white", "width": 1}},
            showscale=False,
            customdata=[
                [municipality_name(r["municipality_code"]),
                 label("cov_hover", demand=number(r["demand"]), capacity=number(r["capacity"]),
                       gap=number(r["gap"]), ratio=percent(r["coverage_ratio"]))]
                for r in shown.iter_rows(named=True)
            ],
            hovertemplate="%{customdata[0]}<br>%{customdata[1]}<extra></extra>",
        ))
    for trace in schools or []:  # under the names
        fig.add_trace(trace)
    points = [centroid(f["geometry"]) for f in geojson["features"]]
    gap_of = {r["municipality_code"]: r["gap"] for r in shown.iter_rows(named=True)}
    fig.add_trace(go.Scattergeo(
        lon=[p[0] for p in points], lat=[p[1] for p in points], mode="text",
        text=[f"<b>{municipality_name(c)}</b><br>-{number(gap_of[c])}" if gap_of.get(c)
              else municipality_name(c) for c in codes],
        hoverinfo="skip", textfont={"size": 11, "color": "#222222"}, showlegend=False,
    ))
    fig.update_geos(fitbounds="locations", visible=False, projection_type="mercator")
    need_text = code_label("need_category", need).lower()
    gaps = shown.filter(pl.col("gap") > 0).sort("gap", descending=True)
    title = label("cov_map_title", need=need_text, year=year)
    sub = (label("cov_map_sub_gap", municipality=municipality_name(gaps["municipality_code"][0]),
                 gap=number(gaps["gap"][0]))
           if gaps.height else label("cov_map_sub_ok"))
    style(fig, subtitled(title, sub))
    fig.update_layout(height=520, showlegend=bool(schools),
                      legend={"orientation": "h", "y": -0.02, "yanchor": "top"},
                      margin={"l": 0, "r": 0, "t": 70, "b": 0})
    return fig


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
    frame = labelled(frame, "need_category")
    colours = colour_map("need_category")
    needs = [c for c in code_labels("need_category") if c in set(frame["need_category"])]
    years = sorted(set(frame["school_year"]))
    gaps = go.Figure()
    for code in needs:
        part = frame.filter(need_category=code)
        name = code_label("need_category", code)
        gaps.add_trace(go.Bar(
            x=part["school_year"].to_list(), y=part["gap"].to_list(), name=name,
            marker_color=colours[name],
            customdata=[[number(g), number(m), percent(r)] for g, m, r in zip(
                part["gap"], part["municipalities_with_gap"], part["coverage_ratio"],
                strict=True)],
            hovertemplate=name + ": " + label("cov_trend_hover") + "<extra></extra>"))
    this_year = frame.filter(school_year=year).drop_nulls("gap").sort(
        ["gap", "need_category"], descending=[True, False])
    if this_year.height and this_year["gap"][0] > 0:
        top = this_year.row(0, named=True)
        gap_title = subtitled(label("cov_trend_gap_title"), label(
            "cov_trend_gap_sub", year=year, need=top["need_category_label"].lower(),
            gap=number(top["gap"])))
    else:
        gap_title = subtitled(label("cov_trend_gap_title"),
                              label("cov_trend_gap_sub_ok", year=year))
    gaps.update_layout(barmode="stack", height=380, margin={"t": 70})
    style(gaps, gap_title, label("school_year").capitalize(), label("cov_gap_places"))

    # gemeenten with a gap: need x school year, the count printed in each cell
    cells = {(r["need_category"], r["school_year"]): r for r in frame.iter_rows(named=True)}
    z, text = [], []
    for code in reversed(needs):
        row_z, row_t = [], []
        for y in years:
            r = cells.get((code, y))
            value = None if r is None else r["municipalities_with_gap"]
            row_z.append(value)
            row_t.append("·" if r is not None and value is None else number(value)
                         if value is not None else "")
        z.append(row_z)
        text.append(row_t)
    spread = go.Figure(go.Heatmap(
        z=z, x=years, y=[code_label("need_category", c) for c in reversed(needs)], text=text,
        texttemplate="%{text}", textfont={"size": 12}, zmin=0,
        zmax=max(1, max((v for r in z for v in r if v is not None), default=1)),
        colorscale=[[0, BALANCED], [1, SHORTAGE]], showscale=False, xgap=2, ygap=2,
        hovertemplate="%{y} · %{x}: %{text} " + label("cov_municipalities") + "<extra></extra>",
    ))
    spread.update_layout(height=380, margin={"t": 70})
    spread.update_xaxes(showgrid=False)
    spread.update_yaxes(showgrid=False)
    style(spread, subtitled(label("cov_trend_spread_title"), label("cov_trend_spread_sub")),
          label("school_year").capitalize())
    spread.update_layout(margin={"t": 70})
    left, right = st.columns(2)
    with left:
        st.plotly_chart(gaps, width="stretch", config=PLOT_CONFIG)
    with right:
        st.plotly_chart(spread, width="stretch", config=PLOT_CONFIG)
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
        fig = go.Figure(go.Bar(
            x=frame["school_year"].to_list(), y=frame["supports_outside_region"].to_list(),
            marker_color=COLOURS["need_category"]["learning"],
            customdata=[[percent(s, 1), number(p)] for s, p in
                        zip(frame["outside_region_share"], frame["pupils_outside_region"],
                            strict=True)],
            hovertemplate="%{x}: %{y} (%{customdata[0]}; %{customdata[1]} "
                          + label("cov_pupils") + ")<extra></extra>"))
        fig.update_layout(height=300)
        style(fig, label("cov_outside_title"), label("school_year").capitalize(),
              label("cov_outside_axis"))
        st.plotly_chart(fig, width="stretch", config=PLOT_CONFIG)
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
        st.plotly_chart(heatmap(rows, year), width="stretch", config=PLOT_CONFIG)
        st.caption(label("cov_heatmap_help"))
    suppression_note(coverage)
    left, right = st.columns(2)
    with left:
        need = map_need(year, f.need_category)
        geojson = region_geojson(coverage)
        if need is not None and geojson["features"]:
            schools = context.school_traces(f.municipality_code)
            st.plotly_chart(region_map(coverage, year, need, geojson, schools),
                            width="stretch", config=GEO_CONFIG)
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
    definition("coverage", "coverage_trend", "placements_outside_region")
    context.participation_section(year)


render()
