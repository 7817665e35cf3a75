"""Resultaten: tiles, the trend against the target and the destinations equal `outcomes` and
`outcome_destinations` for the same filters and role."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from dashboard.formatting import number, percent
from dashboard.labels import code_label, label
from etl.settings import get_settings
from queries import run_query
from tests.dashboard.apptest import charts, metrics, open_app, values

ROOT = Path(__file__).resolve().parents[2]
YEAR = "2024-2025"


def open_page(role: str | None = None, **params: str) -> AppTest:
    return open_app("outcomes.py", role, **params)


def expected(year: str, role: str = "kwaliteit", **params: str) -> dict[str, str]:
    row = run_query("outcomes", params, role=role).filter(school_year=year).row(0, named=True)
    return {
        label("evaluations"): number(row["evaluated"]),
        label("goals_achieved"): percent(row["achieved_share"]),
        label("oc_tile_partly"): percent(row["achieved_or_partly_share"]),
    }


def destination_table(at: AppTest) -> list[tuple[str, str, str]]:
    frame = at.dataframe[0].value  # the only table on the page
    return [tuple(row) for row in frame.itertuples(index=False)]


def test_figures_equal_the_queries(use_demo):
    at = open_page(school_year=YEAR)
    assert metrics(at) == expected(YEAR)
    outcomes = run_query("outcomes")
    specs = charts(at)
    achieved = next(t for t in specs["achieved"]["data"]
                    if t["name"] == label("goals_achieved"))
    assert values(achieved["y"]) == outcomes["achieved_share"].to_list()
    target = get_settings().targets["achieved_share"]
    assert percent(target) in specs["achieved"]["layout"]["title"]["text"]
    dest = run_query("outcome_destinations").filter(school_year=YEAR)
    shown = sorted(destination_table(at))
    assert shown == sorted(
        (code_label("destination", r["destination"]), number(r["evaluations"]),
         percent(r["share"])) for r in dest.iter_rows(named=True))


def test_the_gemeente_filter_changes_the_figures(use_demo):
    at = open_page(school_year=YEAR, municipality_code="GM0166")
    assert metrics(at) == expected(YEAR, municipality_code="GM0166")
    assert metrics(at) != expected(YEAR)


def test_an_empty_warehouse_gets_a_dutch_message():
    at = open_page()
    assert label("no_data") in [i.value for i in at.info]
    assert not at.get("plotly_chart")


def test_bestuur_sees_no_small_counts(use_demo):
    min_cell = get_settings().min_cell
    at = open_page(role="bestuur", school_year=YEAR, municipality_code="GM0177")
    assert metrics(at) == expected(YEAR, role="bestuur", municipality_code="GM0177")
    evaluated = metrics(at)[label("evaluations")]
    assert evaluated == "–" or int(evaluated.replace(".", "")) >= min_cell
    for _, count, _ in destination_table(at):
        assert count == "–" or int(count.replace(".", "")) >= min_cell
    for trace in charts(at)["destinations"]["data"]:
        assert all(c == "–" or int(c.replace(".", "")) >= min_cell
                   for c in trace["customdata"])
    notes = [c.value for c in at.caption] + [i.value for i in at.info]
    assert label("suppressed", min_cell=min_cell) in notes
