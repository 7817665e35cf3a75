"""What the reports hold: sections from named queries, suppressed roles only, no Streamlit."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dashboard.report import ReportError, build_report
from dashboard.report.content import query_role
from etl.settings import get_settings
from queries import describe


def test_report_package_does_not_import_streamlit():
    code = ("import sys, dashboard.report, dashboard.report.xlsx, dashboard.report.pdf; "
            "sys.exit('streamlit' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


def test_inspection_sections_come_from_named_queries(inspection, report_year):
    keys = [s.key for s in inspection.sections]
    assert keys == ["referrals_by_decision", "waiting_times", "open_referrals", "admissions",
                    "coverage", "out_of_school", "prevention_trend", "outcomes", "lead_times",
                    "out_of_school_census", "admissions_by_category", "border_traffic",
                    "network_cost"]
    _, last_day = get_settings().school_year_bounds(report_year)
    by_key = {s.key: s for s in inspection.sections}
    assert by_key["open_referrals"].params == {"as_of": last_day.isoformat()}
    assert by_key["coverage"].params == {"school_year": report_year}
    for key in ("lead_times", "out_of_school_census", "admissions_by_category", "border_traffic",
                "network_cost"):
        assert by_key[key].params["school_year"] == report_year, key
    assert by_key["waiting_times"].params == {
        "norm_days": get_settings().decision_days, "school_year": report_year}
    for section in inspection.sections:
        meta = describe(section.query)
        assert section.definition == meta.definitie.replace("`", "")  # Dutch, plain
        assert section.query_title == meta.titel
        assert section.command.startswith(f"pib query {section.query} --role bestuur")
        assert len(section.sheet) <= 31
    assert inspection.loads is not None and inspection.loads.query == "load_history"
    assert inspection.freshness.columns == ["Gegevensbron", "Laatst geladen", "Bestand", "Rijen"]


@pytest.mark.parametrize("role", ["kwaliteit", "beheer", "bestuur"])
def test_exports_always_run_a_suppressed_role(role):
    assert query_role(role) == "bestuur"


def test_a_school_cannot_export_a_network_report():
    with pytest.raises(ReportError, match="De rol school ziet alleen de eigen scholen"):
        query_role("school")


def test_the_loads_table_comes_only_with_an_export_by_a_data_quality_role(demo_db, report_year):
    board_pack = build_report("inspectie", report_year, role="bestuur", db=demo_db)
    assert board_pack.loads is None


def test_bad_requests_are_refused_in_dutch(demo_db):
    with pytest.raises(ReportError, match="Onbekende rol 'admin'"):
        build_report("inspectie", "2024-2025", role="admin", db=demo_db)
    with pytest.raises(ReportError, match="Onbekend rapport"):
        build_report("jaarverslag", "2024-2025", db=demo_db)
    for year in ("2024", "2024-2026", "24-25", ""):
        with pytest.raises(ReportError, match="Ongeldig schooljaar"):
            build_report("bestuur", year, db=demo_db)


def test_a_year_without_data_is_refused(demo_db):
    with pytest.raises(ReportError, match="Voor schooljaar 2040-2041 zijn er geen gegevens"):
        build_report("inspectie", "2040-2041", db=demo_db)
