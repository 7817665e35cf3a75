"""Report fixtures: the reports of the demo warehouse, built once, and their xlsx files."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from dashboard.report import Report, build_report, write_report
from etl import models
from etl.load import load
from etl.warehouse import writer
from tests.conftest import ROOT

GENERATED_AT = datetime(2025, 9, 1, 10, 0)
HEADER_ROW = 4  # openpyxl row of the table header on a section sheet
INJECTION = '=HYPERLINK("http://x","y")'


@pytest.fixture(scope="session")
def report_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's pib.toml, copied: session fixtures run before the autouse isolation."""
    config = tmp_path_factory.mktemp("report-config") / "pib.toml"
    config.write_text((ROOT / "pib.toml").read_text(encoding="utf-8"), encoding="utf-8")
    return config


@pytest.fixture(scope="session")
def session_env(report_config: Path):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PIB_CONFIG", str(report_config))
        yield


@pytest.fixture(scope="session")
def report_year(demo_db: Path, session_env) -> str:
    """The last school year of the demo data that has a year before it."""
    from queries import run_query

    years = run_query("kpi_headline", {}, role="bestuur", db=demo_db)["school_year"].to_list()
    assert len(years) >= 2, years
    return years[-1]


@pytest.fixture(scope="session")
def inspection(demo_db: Path, report_year: str, session_env) -> Report:
    """The inspection pack, asked for by an exact role (an export suppresses all the same)."""
    return build_report("inspectie", report_year, role="kwaliteit", db=demo_db,
                        generated_at=GENERATED_AT)


@pytest.fixture(scope="session")
def board(demo_db: Path, report_year: str, session_env) -> Report:
    return build_report("bestuur", report_year, role="beheer", db=demo_db,
                        generated_at=GENERATED_AT)


@pytest.fixture(scope="session")
def inspection_xlsx(inspection: Report, tmp_path_factory: pytest.TempPathFactory,
                    session_env) -> Path:
    return write_report(inspection, "xlsx", tmp_path_factory.mktemp("xlsx") / "inspectie.xlsx")


@pytest.fixture(scope="session")
def inspection_book(inspection_xlsx: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(inspection_xlsx)


def _write_csv(path: Path, rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="session")
def injection_db(tmp_path_factory: pytest.TempPathFactory, session_env) -> Path:
    """A tiny warehouse whose referrals carry a formula as municipality code. `pib load`
    quarantines that (not a municipality code), so it is written straight into the warehouse,
    as another tool could."""
    home = tmp_path_factory.mktemp("injection")
    src = home / "csv"
    src.mkdir()
    _write_csv(src / "schools.csv", [
        {"school_id": "S1", "name": INJECTION, "sector": "po", "municipality_code": "GM0193"},
    ])
    _write_csv(src / "enrolments.csv", [
        {"school_id": "S1", "school_year": "2024-2025", "pupils": "500"},
    ])
    _write_csv(src / "referrals.csv", [
        {"referral_id": f"R{i}", "pupil_id": f"P{i}", "municipality_code": "GM0193",
         "received_on": "2024-10-01", "need_category": "behaviour",
         "request_type": "arrangement", "decided_on": "2024-10-20", "decision": "granted"}
        for i in range(6)
    ])
    _write_csv(src / "out_of_school.csv", [
        {"episode_id": "E1", "pupil_id": "P1", "municipality_code": "GM0193",
         "kind": "absolute_absence", "started_on": "2024-09-01", "ended_on": "",
         "reason": INJECTION},
    ])
    db = home / "wh.duckdb"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PIB_SECRET", "report-test-secret-of-at-least-32-bytes")
        report = load([src], db=db)
    assert report.quarantined == 0
    with writer(db) as con:
        con.execute("update referrals set municipality_code = ?", [INJECTION])
        models.build(con, {"referrals"})
    return db

