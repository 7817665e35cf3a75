"""Resultaten figures: both shares against the target, destinations without rows left out."""

from __future__ import annotations

import polars as pl

from dashboard.figures import outcomes as figures
from dashboard.labels import code_label, label

OUTCOMES = pl.DataFrame({"school_year": ["2023-2024", "2024-2025"],
                         "achieved_share": [0.5, 0.7], "achieved_or_partly_share": [0.8, None],
                         "evaluated": [40, 50]})
DEST = pl.DataFrame({
    "school_year": ["2024-2025"] * 3 + ["2023-2024"],
    "destination": ["unknown", "regular", "so", "regular"],
    "share": [0.1, 0.6, 0.3, 1.0], "evaluations": [5, 30, 15, 40],
})


def test_achieved_draws_both_shares_and_the_target():
    fig = figures.achieved(OUTCOMES, "2024-2025", 0.6)
    assert [t.name for t in fig.data] == [label("oc_tile_partly"), label("goals_achieved")]
    assert list(fig.data[0].text) == ["80%", ""]  # no share: no text
    assert list(fig.data[1].marker.size) == [7, 13]
    assert label("fig_target_min", target="60%") in [a.text for a in fig.layout.annotations]
    assert "70%" in fig.layout.title.text
    assert figures.achieved(OUTCOMES, "2024-2025", None).layout.title.text == label(
        "oc_trend_plain")


def test_destinations_leave_out_codes_without_rows_in_code_order():
    fig = figures.destinations(DEST, "2024-2025")
    assert [t.name for t in fig.data] == [code_label("destination", c)
                                          for c in ("regular", "so", "unknown")]
    assert fig.layout.title.text == label("oc_dest_title", year="2024-2025", regular="60%",
                                          unknown="10%")
    assert figures.year_destinations(DEST, "2024-2025")["destination"].to_list() == [
        "regular", "so", "unknown"]
    assert figures.destinations(DEST, "2023-2024").layout.title.text == label("oc_dest_plain")
