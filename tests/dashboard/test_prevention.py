"""Preventief en curatief: the figures equal `prevention_trend` / `prevention_by_kind`."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from dashboard.charts import COLOURS, colour_map
from dashboard.formatting import number, percent
from dashboard.labels import CODES, code_label, label
from etl.settings import get_settings
from queries import run_query
from tests.dashboard.apptest import metrics, open_app

ROOT = Path(__file__).resolve().parents[2]
YEAR = "2025-2026"
SMALL = "GM0244"  # Hattem: the smallest gemeente of the demo, every group below min_cell


def open_page(role: str | None = None, **params: str) -> AppTest:
    at = open_app("prevention.py", role, **params)
    assert [t.value for t in at.title] == [label("page_prevention")]
    return at


def expected(role: str = "kwaliteit", municipality: str | None = None) -> dict[str, str]:
    params = {"municipality_code": municipality} if municipality else {}
    row = run_query("prevention_trend", params, role=role).filter(school_year=YEAR).row(
        0, named=True)
    return {
        label("prev_share"): percent(row["preventive_hours_share"]),
        label("prev_started"): number(row["supports_started"]),
        label("prev_preventive_started"): number(row["preventive_started"]),
        label("prev_hours_total"): number(row["hours_total"]),
    }


def kind_table(at: AppTest) -> list[tuple[str, str]]:
    frame = at.dataframe[0].value
    return list(zip(frame[label("prev_measure_supports")], frame[label("prev_measure_hours")],
                    strict=True))


def test_figures_equal_the_queries(use_demo):
    at = open_page(school_year=YEAR)
    assert metrics(at) == expected()
    kinds = run_query("prevention_by_kind", {"school_year": YEAR}).sort(
        ["prevention_level", "kind"], descending=[True, False])
    assert kind_table(at) == [(number(s), number(h)) for s, h in zip(
        kinds["supports"], kinds["hours"], strict=True)]
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    share = next(s for s in specs if s["data"][0].get("mode", "").startswith("lines"))
    trend = run_query("prevention_trend")
    assert share["data"][0]["y"] == trend["preventive_hours_share"].to_list()
    target = get_settings().targets["preventive_hours_share"]
    assert any(shape.get("y0") == target for shape in share["layout"].get("shapes", []))


def test_a_filter_change_changes_the_figures(use_demo):
    region = metrics(open_page(school_year=YEAR))
    zwolle = metrics(open_page(school_year=YEAR, municipality_code="GM0193"))
    assert zwolle != region
    assert zwolle == expected(municipality="GM0193")


def test_empty_warehouse_shows_a_dutch_message():
    at = open_page()
    assert label("no_data") in [i.value for i in at.info]
    assert not at.metric and not at.get("plotly_chart")


def test_bestuur_sees_no_small_counts(use_demo):
    min_cell = get_settings().min_cell
    exact = open_page(school_year=YEAR, municipality_code=SMALL)
    assert any(0 < int(n.replace(".", "")) < min_cell for n, _ in kind_table(exact))
    at = open_page(role="bestuur", school_year=YEAR, municipality_code=SMALL)
    assert metrics(at) == expected(role="bestuur", municipality=SMALL)
    shown = [*metrics(at).values(), *(n for pair in kind_table(at) for n in pair)] \
        if at.dataframe else list(metrics(at).values())
    counts = [int(v.replace(".", "")) for v in shown if v.replace(".", "").isdigit()]
    assert all(n >= min_cell for n in counts)
    messages = [i.value for i in at.info] + [c.value for c in at.caption]
    assert label("suppressed", min_cell=min_cell) in messages


def test_kinds_have_their_code_labels_and_colours(use_demo):
    """Every kind the demo makes is in CODES['support_kind'] and COLOURS['support_kind'];
    the page names and colours them from there: greens preventive, oranges curative."""
    assert set(run_query("prevention_by_kind")["kind"]) == set(CODES["support_kind"])
    assert set(COLOURS["support_kind"]) == set(CODES["support_kind"])
    at = open_page(school_year=YEAR)
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    stacked = next(s for s in specs if s["layout"].get("barmode") == "stack")
    assert {t["name"]: t["marker"]["color"] for t in stacked["data"]} == colour_map(
        "support_kind")
    assert [t["legendgroup"] for t in stacked["data"]] == sorted(
        (t["legendgroup"] for t in stacked["data"]), key=["preventive", "curative"].index)
    kinds = set(at.dataframe[0].value[label("prev_col_kind")])
    assert kinds <= {code_label("support_kind", c) for c in CODES["support_kind"]}


def test_flemish_kinds(isolated_env):
    (isolated_env / "pib.toml").write_text('[organisation]\nterminology = "vl"\n')
    assert code_label("support_kind", "individual_arrangement") == "Uitbreiding van zorg"
    assert code_label("support_kind", "placement") == "Plaatsing"
    assert code_label("support_kind", "own text") == "own text"  # free text stays as it is
