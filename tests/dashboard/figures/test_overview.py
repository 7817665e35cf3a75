"""Overzicht figures: the sparkline marks the selected year and dashes the target."""

from __future__ import annotations

from dashboard.figures import overview as figures

YEARS = ["2022-2023", "2023-2024", "2024-2025"]


def test_spark_marks_the_selected_year_and_shows_the_texts_on_hover():
    fig = figures.spark(YEARS, [0.5, 0.6, None], ["50%", "60%", "–"], "2023-2024", None)
    line = fig.data[0]
    assert list(line.x) == YEARS
    assert list(line.customdata) == ["50%", "60%", "–"]
    assert list(line.marker.size) == [5, 9, 5]
    assert not fig.layout.shapes


def test_spark_dashes_the_target_and_keeps_it_in_view():
    fig = figures.spark(YEARS, [10, 12, 11], ["10", "12", "11"], "2024-2025", 20)
    assert [s.y0 for s in fig.layout.shapes] == [20]
    low, high = fig.layout.yaxis.range
    assert low < 10 and high > 20
