"""Thuiszitters figures: the target in the title and as a line, one trace per kind, exemptions
hidden at first, a suppressed reason shown as hidden."""

from __future__ import annotations

import polars as pl

from dashboard.figures import out_of_school as figures
from dashboard.labels import code_label, code_labels, label

TREND = pl.DataFrame({"school_year": ["2023-2024", "2024-2025"],
                      "per_1000_pupils": [2.5, 3.25], "pupils_out_of_school": [25, 33]})
BY_KIND = pl.DataFrame({
    "school_year": ["2024-2025"] * 3,
    "kind": ["absolute_absence", "long_relative_absence", "exemption"],
    "pupils": [4, 9, 2], "median_duration_days": [30.0, None, 200.0],
    "episodes_ended": [3, None, 2],
})


def test_per_1000_says_whether_the_year_is_above_the_target():
    what = label("out_of_school_title")
    above = figures.per_1000(TREND, "2024-2025", 3.0)
    assert above.layout.title.text == label("os_trend_above", what=what, value="3,3",
                                            year="2024-2025", target="3,0")
    assert label("fig_target_max", target="3,0") in [a.text for a in above.layout.annotations]
    plain = figures.per_1000(TREND, "2024-2025", None)
    assert plain.layout.title.text == label("os_trend_plain", what=what)
    assert not plain.layout.shapes


def test_by_kind_has_a_trace_per_kind_and_names_the_largest():
    fig = figures.by_kind(BY_KIND, "2024-2025")
    assert [t.name for t in fig.data] == list(code_labels("out_of_school_kind").values())
    kind = code_label("out_of_school_kind", "long_relative_absence").lower()
    assert fig.layout.title.text == label("os_kind_title", year="2024-2025", kind=kind,
                                          pupils="9")


def test_duration_hides_exemptions_at_first_and_lists_the_known_medians():
    fig = figures.duration(BY_KIND, "2024-2025")
    assert [t.visible for t in fig.data] == [True, True, "legendonly"]
    kind = code_label("out_of_school_kind", "absolute_absence").lower()
    assert fig.layout.title.subtitle.text == f"30 dagen {kind}"


def test_reasons_show_a_suppressed_reason_as_hidden():
    reasons = pl.DataFrame({"reason": ["ziekte", "unknown", None],
                            "pupils": [7, 5, None], "episodes": [8, 5, None]})
    fig = figures.reasons(reasons, "2024-2025", "exemption")
    bar = fig.data[0]
    assert list(bar.y) == ["ziekte", label("os_reason_unknown"), label("fig_hidden")]
    assert list(bar.text) == ["7", "5", ""]
    assert bar.marker.color == "#0072B2"  # the colour of exemptions
    assert fig.layout.title.text == label("os_reasons_title", year="2024-2025", pupils="7",
                                          reason="ziekte")
