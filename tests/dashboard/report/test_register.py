"""The thuiszitters list for the Inspectie (`pib export --report thuiszitters`): the query
out_of_school_register on the hand-made set tests/data/register (worked in its README), the
xlsx read back with openpyxl, and who may make it."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import duckdb
import openpyxl
import pytest
from typer.testing import CliRunner

from dashboard.cli.main import app
from dashboard.report import ReportError, build_register, write_report
from etl.load import load
from queries import QueryError, run_query
from tests.conftest import TEST_DATA
from tests.dashboard.report.conftest import HEADER_ROW

AS_OF = date(2025, 1, 31)
HEADERS = ["Volgnummer", "Gemeente", "Soort", "Artikel", "Startdatum", "Einddatum", "Weken",
           "Aanbod aanwezig", "Afloop"]
# the free-text reason (Angst, Schoolweigering) is never in the list: it may hold names
ROWS = [
    [1, "Zwolle", "Absoluut verzuim", None, datetime(2024, 3, 1), datetime(2024, 8, 1), 21,
     "nee", "Terug naar school"],
    [2, "Kampen", "Vrijstelling", "Art. 5 onder a", datetime(2024, 9, 1), None, 21, "ja", None],
    [3, "Zwolle", "Langdurig relatief verzuim", None, datetime(2024, 10, 1), None, 17, "ja",
     None],
    [4, "Zwolle", "Absoluut verzuim", None, datetime(2025, 1, 31), None, 0, None, None],
]


@pytest.fixture
def register_db(warehouse: Path) -> Path:
    load([TEST_DATA / "register"], db=warehouse)
    return warehouse


def test_query_rows_hand_worked(register_db):
    frame = run_query("out_of_school_register", {"as_of": "2025-01-31"}, db=register_db)
    assert frame.select("row_number", "municipality_code", "kind", "exemption_article",
                        "weeks", "has_offer", "resolution").rows() == [
        (1, "GM0193", "absolute_absence", None, 21, False, "returned"),
        (2, "GM0166", "exemption", "art_5_a", 21, True, None),
        (3, "GM0193", "long_relative_absence", None, 17, True, None),
        (4, "GM0193", "absolute_absence", None, 0, None, None),
    ]
    # a day later in the next school year: only the episodes still active on 1 August 2025
    later = run_query("out_of_school_register", {"as_of": "2025-08-01"}, db=register_db)
    assert later["started_on"].to_list() == [date(2024, 9, 1), date(2025, 1, 31),
                                             date(2025, 2, 1)]


@pytest.mark.parametrize("role", ["bestuur", "school"])
def test_query_answers_exact_roles_only(register_db, role):
    with pytest.raises(QueryError, match="alleen voor de rollen kwaliteit en beheer"):
        run_query("out_of_school_register", {"as_of": "2025-01-31"}, role=role,
                  db=register_db, school_ids=("S1",))


def test_xlsx_rows_and_no_ids(register_db, tmp_path):
    out = write_report(build_register(AS_OF, role="kwaliteit", db=register_db), "xlsx",
                       tmp_path / "thuiszitters.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb["Thuiszitters"]
    headers = [c.value for c in ws[HEADER_ROW] if c.value is not None]
    assert headers == HEADERS
    rows = [[ws.cell(HEADER_ROW + i, j + 1).value for j in range(len(HEADERS))]
            for i in range(1, 6)]
    assert rows[:4] == ROWS
    assert rows[4] == [None] * len(HEADERS)  # nothing more: blank line before the definition
    with duckdb.connect(str(register_db), read_only=True) as con:
        pseudonyms = {r[0] for r in con.sql("select pupil_id from out_of_school").fetchall()}
    ids = pseudonyms | {f"EPI0{i}" for i in range(1, 8)} | {f"LLN0{i}" for i in range(1, 7)}
    ids |= {"Angst", "Schoolweigering"}  # free-text reasons: they may hold names
    assert len(pseudonyms) == 6
    for sheet in wb.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                assert not any(i in str(value) for i in ids), (sheet.title, value)


def test_only_exact_roles_make_it(register_db):
    with pytest.raises(ReportError, match="alleen de rollen kwaliteit en beheer"):
        build_register(AS_OF, role="bestuur", db=register_db)


def test_cli(register_db, tmp_path):
    out = tmp_path / "lijst.xlsx"
    runner = CliRunner()
    # the command of CONTRACT §1 as written: no --role, the CLI's default kwaliteit
    ok = runner.invoke(app, ["export", "--report", "thuiszitters", "--as-of", "2025-01-31",
                             "--format", "xlsx", "--out", str(out)])
    assert ok.exit_code == 0, ok.output
    ws = openpyxl.load_workbook(out)["Thuiszitters"]
    assert ws.cell(HEADER_ROW + 4, 1).value == 4 and ws.cell(HEADER_ROW + 5, 1).value is None
    no_date = runner.invoke(app, ["export", "--report", "thuiszitters", "--format", "xlsx",
                                  "--out", str(tmp_path / "x.xlsx")])
    assert no_date.exit_code == 2 and "--as-of" in no_date.output
    refused = runner.invoke(app, ["export", "--report", "thuiszitters", "--as-of",
                                  "2025-01-31", "--format", "xlsx", "--out",
                                  str(tmp_path / "y.xlsx"), "--role", "bestuur"])
    assert refused.exit_code == 1 and "kwaliteit en beheer" in refused.output
    assert not (tmp_path / "y.xlsx").exists()
    pdf = runner.invoke(app, ["export", "--report", "thuiszitters", "--as-of", "2025-01-31",
                              "--format", "pdf", "--out", str(tmp_path / "z.pdf")])
    assert pdf.exit_code == 2
