"""Signalen: the findings are the sentences of `signals`, the three furthest from their
reference first, each with a link to the page and filters that explain it; the funnel plots draw
`funnel_points`; suppressed roles see no finding about a small group."""

from __future__ import annotations

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.app.navigation import BY_KEY, PAGES
from dashboard.app.pages.signals import change, readable
from dashboard.labels import label
from queries import run_query
from tests.conftest import ROOT
from tests.dashboard.apptest import charts, open_app, values
from tests.queries.conftest import fill_signals_warehouse

YEAR = "2024-2025"


def sentences(at) -> list[str]:
    """The bold sentences of the findings, in page order."""
    return [m.value.strip("*") for m in at.markdown
            if m.value.startswith("**") and m.value.endswith(".**")]


def test_findings_are_the_query_sentences_furthest_first(use_demo):
    at = open_app("signals.py", school_year=YEAR)
    answer = run_query("signals", {"school_year": YEAR})
    rows = sorted(answer.iter_rows(named=True), key=change, reverse=True)
    assert answer.height >= 3
    assert sentences(at) == [readable(row["message"]) for row in rows]
    assert at.subheader[0].value == label("sg_top", year=YEAR)
    # The first three sit above the expander with the rest.
    assert len(at.expander[0].markdown) >= 1
    # Every finding the role can follow links to a page with the school year in the URL.
    links = [m.value for m in at.markdown if m.value.startswith("[Bekijk op ")]
    assert links and all(f"school_year={YEAR}" in link for link in links)
    gap = next((r for r in rows if r["signal"] == "coverage_gap_persisting"), None)
    if gap is not None:
        municipality, need = gap["subject"].split(":")
        assert any(link.startswith(f"[Bekijk op {label('page_coverage')}](dekkend-aanbod?")
                   and f"municipality_code={municipality}" in link
                   and f"need_category={need}" in link for link in links)


def test_funnel_plot_draws_every_school(use_demo):
    at = open_app("signals.py", school_year=YEAR)
    spec = charts(at)["funnel_school_referrals"]
    points = run_query("funnel_points", {"school_year": YEAR, "measure": "referrals",
                                         "level": "school"})
    drawn = [t for t in spec["data"] if t["mode"] == "markers"]
    assert sorted(x for t in drawn for x in values(t["x"])) == sorted(points["pupils"])
    assert sorted(y for t in drawn for y in values(t["y"])) == sorted(points["rate"])
    upper = next(t for t in spec["data"] if t["name"] == label("sg_limit_998") and t["showlegend"])
    by_pupils = points.sort("pupils").unique("pupils", keep="first", maintain_order=True)
    assert values(upper["y"]) == by_pupils["upper_998"].to_list()
    lower = next(t for t in spec["data"] if t["name"] == label("sg_limit_998")
                 and not t["showlegend"])
    assert values(lower["y"]) == by_pupils["lower_998"].clip(lower_bound=0).to_list()
    outside = points.filter((pl.col("rate") > pl.col("upper_998"))
                            | (pl.col("rate") < pl.col("lower_998"))).height
    drawn_units = points["rate"].drop_nulls().len()
    assert f"{outside} van {drawn_units} buiten" in spec["layout"]["title"]["text"]


def test_bestuur_sees_no_finding_about_a_small_group(isolated_env):
    # The hand-made warehouse of tests/queries/test_signals.py: the persisting coverage gap of
    # GM0193 concerns 4 pupils, fewer than min_cell 5; the case problem no_fitting_place grew
    # from 1 to 6, a sentence that would show the 1; the reason growth names a free-text
    # reason and is not in the board's answer at all.
    fill_signals_warehouse(isolated_env)
    at = open_app("signals.py", role="bestuur", school_year=YEAR)
    answer = run_query("signals", {"school_year": YEAR}, role="bestuur")
    assert answer.filter(pl.col("suppressed"))["signal"].to_list() == [
        "case_problem_growth", "coverage_gap_persisting"]
    assert "out_of_school_reason_growth" not in answer["signal"].to_list()
    visible = answer.filter(~pl.col("suppressed"))
    assert sorted(sentences(at)) == sorted(readable(m) for m in visible["message"])
    assert not any("GM0193, behoefte" in s for s in sentences(at))
    assert label("sg_hidden", n=2, min_cell=5) in [c.value for c in at.caption]
    exact = open_app("signals.py", role="kwaliteit", school_year=YEAR)
    assert len(sentences(exact)) == answer.height + 1  # the reason growth


def test_signals_heads_the_navigation_for_the_board_not_for_schools():
    assert PAGES[0] is BY_KEY["signals"]
    assert set(BY_KEY["signals"].roles) == {"bestuur", "kwaliteit", "beheer"}


def test_school_role_has_no_signals_page(use_demo):
    at = AppTest.from_file(str(ROOT / "dashboard/app/main.py"), default_timeout=30)
    at.session_state["role"] = "school"
    at.session_state["school_ids"] = ("SCH0001",)
    at.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/signals.py")
