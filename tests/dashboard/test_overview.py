"""Overzicht: headline tiles against targets, equal to `kpi_headline` for the same year and role."""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
from streamlit.testing.v1 import AppTest

from dashboard.formatting import number, percent
from dashboard.labels import label
from etl.settings import get_settings
from queries import run_query

ROOT = Path(__file__).resolve().parents[2]


def open_page(role: str | None = None, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard/app/main.py"), default_timeout=30)
    for key, value in params.items():
        at.query_params[key] = value
    if role:
        at.session_state["role"] = role
    at.run()  # the entry file registers the pages; the overview is its default page
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == [label("page_overview")]
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def expected(year: str, role: str = "kwaliteit") -> dict[str, str]:
    row = run_query("kpi_headline", role=role).filter(school_year=year).row(0, named=True)
    days = row["median_waiting_days"]
    return {
        label("ov_tile_within_norm", days=get_settings().decision_days):
            percent(row["within_norm_share"]),
        label("ov_tile_median"):
            label("fig_days", value=number(days, 0 if days % 1 == 0 else 1)),
        label("ov_tile_preventive"): percent(row["preventive_hours_share"]),
        label("ov_tile_per_1000", what=label("out_of_school_title")[:1].upper()
              + label("out_of_school_title")[1:]):
            number(row["out_of_school_per_1000"], 1),
        label("ov_tile_achieved"): percent(row["achieved_share"]),
        label("ov_tile_per_1000", what=label("admissions")[:1].upper() + label("admissions")[1:]):
            number(row["admissions_per_1000"], 1),
    }


def largest_gap(year: str, role: str = "kwaliteit") -> dict:
    return (run_query("coverage", {"school_year": year}, role=role).drop_nulls("gap")
            .sort(["gap", "municipality_code", "need_category"], descending=[True, False, False])
            .row(0, named=True))


def test_tiles_equal_the_query(use_demo):
    at = open_page(school_year="2025-2026")
    shown = metrics(at)
    for title, value in expected("2025-2026").items():
        assert shown[title] == value, title
    gap = largest_gap("2025-2026")
    assert shown[label("ov_tile_coverage")] == label("ov_places", value=number(gap["gap"]))
    # every tile says on or off target in words, and links to its page with the filters.
    # Demo 2025-2026 against pib.toml [targets]: within norm 77.7% < 90% off, median 29 <= 35
    # days on, preventive hours 55.1% >= 50% on, thuiszitters 2.18 > 1.5 per 1,000 off,
    # achieved 53.1% < 60% off, TLV's 14.2 <= 20 per 1,000 on.
    verdicts = [label("ov_on_target") if label("ov_on_target") in m.value else
                label("ov_off_target") for m in at.markdown
                if label("ov_on_target") in m.value or label("ov_off_target") in m.value]
    off, on = label("ov_off_target"), label("ov_on_target")
    assert verdicts == [off, on, on, off, off, on]
    links = at.get("page_link")
    assert links and all("school_year=2025-2026" in link.proto.query_string for link in links)
    assert len(at.get("plotly_chart")) == 7  # one sparkline per tile


def test_the_summary_counts_the_targets(use_demo):
    at = open_page(school_year="2025-2026")
    row = run_query("kpi_headline").filter(school_year="2025-2026").row(0, named=True)
    targets = get_settings().targets
    lower = {"median_waiting_days", "out_of_school_per_1000", "admissions_per_1000"}
    hit = sum((row[k] <= t) if k in lower else (row[k] >= t) for k, t in targets.items())
    assert hit == 3  # median waiting days, preventive hours share, TLV's per 1,000 (see above)
    summary = " ".join(m.value for m in at.markdown)
    assert label("ov_summary", year="2025-2026", hit=hit, total=len(targets)) in summary


def test_a_year_change_changes_the_figures(use_demo):
    later = metrics(open_page(school_year="2025-2026"))
    earlier = metrics(open_page(school_year="2024-2025"))
    assert earlier != later
    for title, value in expected("2024-2025").items():
        assert earlier[title] == value


def test_empty_warehouse_shows_a_dutch_message():
    at = open_page()
    assert not at.metric
    assert label("no_data") in [i.value for i in at.info]


def test_bestuur_sees_the_suppressed_figures(use_demo):
    at = open_page(role="bestuur", school_year="2025-2026")
    shown = metrics(at)
    for title, value in expected("2025-2026", role="bestuur").items():
        assert shown[title] == value
    min_cell = get_settings().min_cell
    text = " ".join(c.value for c in at.caption)
    pupils = [int(n.replace(".", "")) for n in re.findall(r"([\d.]+) leerlingen op", text)]
    assert pupils and all(n >= min_cell for n in pupils)
    frame = run_query("coverage", {"school_year": "2025-2026"}, role="bestuur")
    assert frame.filter(pl.col("suppressed")).height > 0  # the test data has small groups


def test_a_school_sees_only_the_tiles_of_its_pages(use_demo):
    at = AppTest.from_file(str(ROOT / "dashboard/app/main.py"), default_timeout=30)
    at.session_state["role"] = "school"
    at.session_state["school_ids"] = ("SCH0001",)
    at.run()
    assert not at.exception, at.exception
    titles = {m.label for m in at.metric}
    assert label("ov_tile_preventive") in titles
    assert label("ov_tile_coverage") not in titles  # the school role has no coverage page
    assert all(link.proto.page not in ("dekkend-aanbod", "rapportage", "thuiszitters")
               for link in at.get("page_link"))
