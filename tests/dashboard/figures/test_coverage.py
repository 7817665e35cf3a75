"""Dekkend aanbod figures on tiny hand-made frames: gaps outlined and named, hidden cells, one
trace per need, the map's layers."""

from __future__ import annotations

import polars as pl
import pytest

from dashboard.figures import coverage as figures
from dashboard.labels import code_label, label

YEAR = "2024-2025"
A, B = "GM9901", "GM9902"  # codes without a name on the map: shown as the code


def coverage(**columns: list) -> pl.DataFrame:
    base = {"municipality_code": [A, A, B], "need_category": ["learning", "behaviour", "learning"],
            "demand": [10, 8, None], "capacity": [6, 9, 4], "gap": [4, 0, None],
            "coverage_ratio": [0.6, 1.125, None]}
    return pl.DataFrame({**base, **columns})


def test_heatmap_outlines_a_gap_and_hides_a_suppressed_cell():
    fig = figures.heatmap(coverage(), YEAR)
    heat = fig.data[0]
    assert list(heat.x) == [code_label("need_category", c) for c in ("learning", "behaviour")]
    assert list(heat.y) == [B, A]  # names descending: the first alphabetically on top
    assert heat.text[1][0] == "60%<br><b>-4</b>"
    assert heat.text[0][0] == "·"  # B's learning demand is suppressed
    assert len(fig.layout.shapes) == 1
    assert fig.layout.title.text == label(
        "cov_heatmap_title_gap_one", year=YEAR, n=1,
        need=code_label("need_category", "learning").lower(), municipality=A, gap="4")


def test_heatmap_without_a_gap_says_so():
    fig = figures.heatmap(coverage(gap=[0, 0, None]), YEAR)
    assert not fig.layout.shapes
    assert fig.layout.title.text == label("cov_heatmap_title_ok", year=YEAR)


def square(code: str, x: float) -> dict:
    ring = [[x, 52.0], [x + 0.1, 52.0], [x + 0.1, 52.1], [x, 52.1], [x, 52.0]]
    return {"type": "Feature", "id": code, "properties": {},
            "geometry": {"type": "Polygon", "coordinates": [ring]}}


def test_region_map_draws_the_region_the_gaps_and_the_names():
    geojson = {"type": "FeatureCollection", "features": [square(A, 5.0), square(B, 5.2)]}
    fig = figures.region_map(coverage(), YEAR, "learning", geojson)
    assert [t.type for t in fig.data] == ["choropleth", "choropleth", "scattergeo"]
    assert list(fig.data[1].locations) == [A]  # B's gap is unknown
    assert list(fig.data[2].text) == [f"<b>{A}</b><br>-4", B]
    assert fig.layout.showlegend is False
    assert label("cov_map_sub_gap", municipality=A, gap="4") in fig.layout.title.text
    assert figures.centroid(square(A, 5.0)["geometry"]) == pytest.approx((5.04, 52.04))


TREND = pl.DataFrame({
    "school_year": ["2023-2024", "2024-2025", "2024-2025"],
    "need_category": ["behaviour", "behaviour", "learning"],
    "demand": [5, 6, 9], "gap": [0, 2, 3], "municipalities_with_gap": [0, 1, None],
    "coverage_ratio": [1.0, 0.7, 0.6],
})


def test_gap_trend_has_one_trace_per_need_and_names_the_largest_gap():
    fig = figures.gap_trend(TREND, YEAR)
    assert [t.name for t in fig.data] == [code_label("need_category", c)
                                          for c in ("learning", "behaviour")]
    assert label("cov_trend_gap_sub", year=YEAR,
                 need=code_label("need_category", "learning").lower(),
                 gap="3") in fig.layout.title.text


def test_spread_prints_the_count_and_hides_a_suppressed_one():
    heat = figures.spread(TREND).data[0]
    assert list(heat.y) == [code_label("need_category", c) for c in ("behaviour", "learning")]
    assert [list(row) for row in heat.text] == [["0", "1"], ["", "·"]]


def test_outside_region_is_one_bar_per_school_year():
    frame = pl.DataFrame({"school_year": ["2023-2024", "2024-2025"],
                          "supports_outside_region": [3, 5],
                          "outside_region_share": [0.05, 0.1],
                          "pupils_outside_region": [2, 4]})
    fig = figures.outside_region(frame)
    assert len(fig.data) == 1 and list(fig.data[0].y) == [3, 5]
    assert fig.layout.title.text == label("cov_outside_title")
