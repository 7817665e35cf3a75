"""Preventief en curatief figures: the shift in the title, kinds grouped preventive before
curative, the largest kind of the year named."""

from __future__ import annotations

import polars as pl

from dashboard.charts import COLOURS
from dashboard.figures import prevention as figures
from dashboard.labels import code_label, label

TREND = pl.DataFrame({"school_year": ["2022-2023", "2023-2024", "2024-2025"],
                      "preventive_hours_share": [0.3, 0.35, 0.25]})
KINDS = pl.DataFrame({
    "school_year": ["2024-2025"] * 4,
    "prevention_level": ["curative", "preventive", "preventive", "curative"],
    "kind": ["placement", "consultation", "team_training", "home_visits"],
    "hours": [100, 20, 40, 5], "supports": [2, 4, 1, 1], "cost_eur": [9000, 800, 1500, 200],
})


def test_share_chart_names_the_shift_up_to_the_selected_year():
    up = figures.share_chart(TREND, "2023-2024", 0.4)
    assert label("prev_share_title_up", first="30%", last="35%") in up.layout.title.text
    assert label("target_line", target="40%") in [a.text for a in up.layout.annotations]
    down = figures.share_chart(TREND, "2024-2025", None)
    assert label("prev_share_title_down", first="30%", last="25%") in down.layout.title.text
    assert not down.layout.shapes


def test_by_kind_stacks_preventive_kinds_before_curative_ones():
    fig = figures.by_kind_chart(KINDS, "hours")
    assert [t.name for t in fig.data] == [
        code_label("support_kind", "team_training"), code_label("support_kind", "consultation"),
        code_label("support_kind", "placement"), "home_visits"]  # free text shown as is
    assert [t.legendgroup for t in fig.data] == ["preventive"] * 2 + ["curative"] * 2
    # a kind without a colour of its own takes its level's
    assert fig.data[3].marker.color == COLOURS["prevention_level"]["curative"]


def test_year_chart_names_the_largest_kind_and_shows_euros():
    fig = figures.year_chart(KINDS, "cost_eur", "2024-2025")
    bar = fig.data[0]
    assert bar.y[-1] == code_label("support_kind", "placement")  # largest at the top
    assert bar.text[-1] == "€ 9.000"
    assert "€ 9.000" in fig.layout.title.text
    assert len(fig.data) == 1
