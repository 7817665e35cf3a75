"""Rapportage: each table equals its named query; the CSV download is `pib query`'s CSV."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from dashboard.formatting import euro, number, percent
from dashboard.labels import code_label, label
from etl.settings import get_settings
from queries import run_query
from tests.dashboard.apptest import open_app

ROOT = Path(__file__).resolve().parents[2]
YEAR = "2025-2026"
TABLES = ("referrals_by_decision", "waiting_times", "open_referrals", "admissions", "coverage",
          "out_of_school", "prevention_trend", "outcomes", "lead_times", "out_of_school_census",
          "admissions_by_category", "border_traffic", "network_cost")


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """The bytes of every download button, by file name."""
    files: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, data, mimetype, kind, filename=None):
        files[filename] = data if isinstance(data, bytes) else data.encode()
        return original(self, data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return files


def open_page(role: str | None = None, **params: str) -> AppTest:
    at = open_app("reports.py", role, **params)
    assert [t.value for t in at.title] == [label("page_reports")]
    return at


def table(at: AppTest, header: str) -> list[dict]:
    """The shown table that has a column `header`."""
    frame = next(d.value for d in at.dataframe if header in d.value.columns)
    return frame.to_dict("records")


def test_every_table_equals_its_query_and_downloads_its_csv(use_demo, downloads):
    at = open_page(school_year=YEAR)
    assert len(at.dataframe) == len(TABLES)
    waiting = run_query("waiting_times", {"school_year": YEAR})
    assert table(at, label("decided")) == [
        {label("need_category").capitalize(): code_label("need_category", r["need_category"]),
         label("decided"): number(r["decided"]),
         label("median_days"): number(r["median_days"], 1),
         label("rep_col_p90_days"): number(r["p90_days"], 1),
         label("within_days", days=get_settings().decision_days):
             percent(r["within_norm_share"], 1)}
        for r in waiting.iter_rows(named=True)
    ]
    referrals = run_query("referrals_by_decision").filter(school_year=YEAR)
    shown = table(at, label("rep_col_decision"))
    assert [r[label("referrals").capitalize()] for r in shown] == [
        number(n) for n in referrals["referrals"]]
    # the open list is taken on the last day of the school year
    last_day = get_settings().school_year_bounds(YEAR)[1]
    opened = run_query("open_referrals", {"as_of": last_day.isoformat()}).row(0, named=True)
    assert table(at, label("rep_col_open_total"))[0][label("rep_col_open_total")] == number(
        opened["open_total"])
    # every download is exactly the CSV of `pib query` with the shown parameters
    assert downloads["waiting_times_2025-2026.csv"] == waiting.write_csv().encode()
    assert downloads["referrals_by_decision.csv"] == run_query(
        "referrals_by_decision").write_csv().encode()
    assert downloads["coverage_2025-2026.csv"] == run_query(
        "coverage", {"school_year": YEAR}).write_csv().encode()
    assert len(downloads) == len(TABLES)
    commands = " ".join(c.value for c in at.caption)
    assert "pib query waiting_times --param school_year=2025-2026 --format csv" in commands
    # lead times: the stages in process order on the page, the query's own order in the CSV
    lead = run_query("lead_times", {"school_year": YEAR})
    assert [r[label("wt_lt_col_stage")] for r in table(at, label("wt_lt_col_stage"))] == [
        code_label("lead_stage", s) for s in (
            "receipt_to_complete", "complete_to_decision", "decision_to_start")]
    assert downloads["lead_times_2025-2026.csv"] == lead.write_csv().encode()
    # money through the one formatter
    cost = run_query("network_cost", {"school_year": YEAR})
    assert [r[label("rpt_col_cost")] for r in table(at, label("rpt_col_cost"))] == [
        euro(v) for v in cost["cost_eur"]]


def test_a_filter_change_changes_the_tables(use_demo, downloads):
    region = table(open_page(school_year=YEAR), label("decided"))
    at = open_page(school_year=YEAR, municipality_code="GM0166")
    kampen = table(at, label("decided"))
    assert kampen != region
    expected = run_query("waiting_times", {"school_year": YEAR, "municipality_code": "GM0166"})
    assert [r[label("decided")] for r in kampen] == [number(n) for n in
                                                             expected["decided"]]
    assert downloads["waiting_times_2025-2026.csv"] == expected.write_csv().encode()
    # a query without a gemeente parameter says so, instead of silently showing the region
    note = label("rep_not_filtered", filters=label("rep_filter_municipality_code"))
    assert note in [c.value for c in at.caption]


def test_empty_warehouse_shows_a_dutch_message():
    at = open_page()
    assert label("no_data") in [i.value for i in at.info]
    assert not at.dataframe


def test_bestuur_sees_no_small_counts(use_demo, downloads):
    min_cell = get_settings().min_cell
    headers = (label("referrals").capitalize(), label("decided"), label("col_demand"),
               label("rep_col_open_total"), label("rep_col_granted"), label("evaluations"))
    exact = open_page(school_year=YEAR, municipality_code="GM0244")
    small = [v for d in exact.dataframe for h in headers if h in d.value.columns
             for v in d.value[h] if v.isdigit() and 0 < int(v) < min_cell]
    assert small  # the exact role does see small groups here
    at = open_page(role="bestuur", school_year=YEAR, municipality_code="GM0244")
    for frame in (d.value for d in at.dataframe):
        for header in headers:
            if header in frame.columns:
                counts = [int(v.replace(".", "")) for v in frame[header] if v != "–"]
                assert all(n >= min_cell for n in counts), header
    assert b"suppressed" in downloads["referrals_by_decision.csv"].splitlines()[0]
    assert label("suppressed", min_cell=min_cell) in [c.value for c in at.caption]
    commands = " ".join(c.value for c in at.caption)
    assert "pib query coverage --role bestuur --param school_year=2025-2026" in commands


def test_report_downloads_build_an_audited_xlsx(use_demo):
    from dashboard.access import audit_log
    from dashboard.report import deferred_report

    data = deferred_report("inspectie", "xlsx", "2024-2025", "kwaliteit", "kim", use_demo)()
    assert data[:2] == b"PK"
    assert [(u, r, a) for _, u, r, a, _ in audit_log(db=use_demo)][:1] == [
        ("kim", "kwaliteit", "export")
    ]


@pytest.mark.parametrize(("role", "shown"), [("kwaliteit", True), ("beheer", True),
                                             ("bestuur", False)])
def test_the_thuiszitters_list_is_offered_to_exact_roles_only(use_demo, role, shown):
    at = open_page(role=role, school_year=YEAR)
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert (label("rep_download_register") in labels) is shown
    assert bool([d for d in at.date_input if d.key == "register-as-of"]) is shown


def test_the_thuiszitters_download_builds_an_audited_xlsx(use_demo):
    from datetime import date

    from dashboard.access import audit_log
    from dashboard.report import deferred_register

    data = deferred_register(date(2025, 3, 31), "beheer", "kim", use_demo)()
    assert data[:2] == b"PK"
    assert [(u, r, a) for _, u, r, a, _ in audit_log(db=use_demo)][:1] == [
        ("kim", "beheer", "export")]
