"""Dekkend aanbod figures: the coverage heatmap (gemeente x need), the map of the gaps for one
need, the gap and its spread over the school years, and support outside the region."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from dashboard.charts import COLOURS, colour_map, labelled, present, style, subtitled
from dashboard.formatting import number, percent
from dashboard.geo import municipality_name
from dashboard.labels import code_label, label

SHORTAGE, BALANCED, SURPLUS = "#D55E00", "#f7f7f7", "#9ecae1"
RATIO_RANGE = (0.5, 1.5)  # the heatmap colours saturate at 50% and 150%


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
    needs = present("need_category", rows["need_category"])
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


def gap_trend(trend: pl.DataFrame, year: str) -> go.Figure:
    """The gap in places per school year, stacked by need; the largest of `year` in the title."""
    trend = labelled(trend, "need_category")
    colours = colour_map("need_category")
    fig = go.Figure()
    for code in present("need_category", trend["need_category"]):
        part = trend.filter(need_category=code)
        name = code_label("need_category", code)
        fig.add_trace(go.Bar(
            x=part["school_year"].to_list(), y=part["gap"].to_list(), name=name,
            marker_color=colours[name],
            customdata=[[number(g), number(m), percent(r)] for g, m, r in zip(
                part["gap"], part["municipalities_with_gap"], part["coverage_ratio"],
                strict=True)],
            hovertemplate=name + ": " + label("cov_trend_hover") + "<extra></extra>"))
    this_year = trend.filter(school_year=year).drop_nulls("gap").sort(
        ["gap", "need_category"], descending=[True, False])
    if this_year.height and this_year["gap"][0] > 0:
        top = this_year.row(0, named=True)
        title = subtitled(label("cov_trend_gap_title"), label(
            "cov_trend_gap_sub", year=year, need=top["need_category_label"].lower(),
            gap=number(top["gap"])))
    else:
        title = subtitled(label("cov_trend_gap_title"),
                          label("cov_trend_gap_sub_ok", year=year))
    fig.update_layout(barmode="stack", height=380, margin={"t": 70})
    style(fig, title, label("school_year").capitalize(), label("cov_gap_places"))
    return fig


def spread(trend: pl.DataFrame) -> go.Figure:
    """Gemeenten with a gap: need x school year, the count printed in each cell (· hidden)."""
    needs = list(reversed(present("need_category", trend["need_category"])))
    years = sorted(set(trend["school_year"]))
    cells = {(r["need_category"], r["school_year"]): r for r in trend.iter_rows(named=True)}
    z, text = [], []
    for code in needs:
        row_z, row_t = [], []
        for y in years:
            r = cells.get((code, y))
            value = None if r is None else r["municipalities_with_gap"]
            row_z.append(value)
            row_t.append("·" if r is not None and value is None else number(value)
                         if value is not None else "")
        z.append(row_z)
        text.append(row_t)
    fig = go.Figure(go.Heatmap(
        z=z, x=years, y=[code_label("need_category", c) for c in needs], text=text,
        texttemplate="%{text}", textfont={"size": 12}, zmin=0,
        zmax=max(1, max((v for r in z for v in r if v is not None), default=1)),
        colorscale=[[0, BALANCED], [1, SHORTAGE]], showscale=False, xgap=2, ygap=2,
        hovertemplate="%{y} · %{x}: %{text} " + label("cov_municipalities") + "<extra></extra>",
    ))
    fig.update_layout(height=380, margin={"t": 70})
    fig.update_xaxes(showgrid=False)
    fig.update_yaxes(showgrid=False)
    style(fig, subtitled(label("cov_trend_spread_title"), label("cov_trend_spread_sub")),
          label("school_year").capitalize())
    fig.update_layout(margin={"t": 70})
    return fig


def outside_region(frame: pl.DataFrame) -> go.Figure:
    """Supports at schools outside the region per school year."""
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
    return fig
