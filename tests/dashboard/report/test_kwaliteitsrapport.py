"""The Flemish kwaliteitsrapport leersteun, written as xlsx and pdf and read back, on the tiny
hand-worked warehouse of tests/queries/test_leersteun.py (min_cell 3; every export suppressed)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from dashboard.cli.main import app
from dashboard.report import ReportError, build_report, write_report
from tests.dashboard.report.conftest import HEADER_ROW
from tests.queries.test_leersteun import leersteun_db  # noqa: F401 (a fixture)

WHEN = datetime(2026, 6, 30, 9, 0)


@pytest.fixture
def db(leersteun_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:  # noqa: F811
    """The hand-worked warehouse, with its own (Flemish, min_cell 3) settings."""
    monkeypatch.setenv("PIB_CONFIG", str(leersteun_db / "pib.toml"))
    return leersteun_db / "wh.duckdb"


def rows(ws, start: int = HEADER_ROW) -> list[tuple]:
    """The table of a section sheet: header and rows up to the first empty row."""
    found = []
    for row in ws.iter_rows(min_row=start, values_only=True):
        if row[0] is None:
            break
        found.append(tuple(v for v in row if v is not None))
    return found


def test_the_xlsx_holds_the_leersteun_tables_in_flemish_words(db, tmp_path):
    report = build_report("kwaliteitsrapport", "2025-2026", role="kwaliteit", db=db,
                          generated_at=WHEN)
    path = write_report(report, "xlsx", tmp_path / "kwaliteitsrapport.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Voorblad", "Verschuiving", "Doelgroep", "Type", "Fase",
                               "Verslag", "Duur en frequentie"]
    assert book["Voorblad"]["A1"].value == "Kwaliteitsrapport leersteun"
    # hand-worked (test_leersteun): pupil 3 supports, 36 of 100 hours; the rest below min_cell 3
    assert rows(book["Doelgroep"]) == [
        ("Doelgroep", "Gestart", "Uren", "Aandeel uren", "Onderdrukt"),
        ("Leerlinggericht", 3, 36, 0.36, "nee"),
        ("Leerkrachtgericht", "ja"), ("Teamgericht", "ja"), ("Zonder doelgroep", "ja"),
    ]
    assert rows(book["Fase"]) == [
        ("Fase", "Gestart", "Uren", "Onderdrukt"),
        ("Fase 0 (brede basiszorg)", "ja"), ("Fase 1 (verhoogde zorg)", "ja"),
        ("Fase 2 (uitbreiding van zorg)", 3, 42, "nee"), ("Fase 3 (IAC)", "ja"),
        ("Fase onbekend", "ja"),
    ]
    # IAC (1) is hidden, and GC (3) with it: the 7 supports of the year (prevention_trend)
    # less GC 3 and "zonder verslag" 3 would give IAC's 1 away
    assert rows(book["Verslag"])[1:] == [("Verslag GC", "ja"), ("Verslag IAC", "ja"),
                                        ("Zonder verslag", 3, 52, "nee")]
    # the trend up to the year: 2025-2026 pupil 3 (36 h) shows, teacher 1 and team 2 do not
    assert rows(book["Verschuiving"])[-1] == ("2025-2026", 3, 36, "ja")
    assert rows(book["Duur en frequentie"])[1] == ("Leerlinggericht", 3, 16, 16 / 3, "ja")


def test_the_pdf_reads_back(db, tmp_path):
    report = build_report("kwaliteitsrapport", "2025-2026", role="bestuur", db=db,
                          generated_at=WHEN)
    text = "\n".join(p.extract_text() or "" for p in PdfReader(
        write_report(report, "pdf", tmp_path / "kwaliteitsrapport.pdf")).pages)
    assert "Kwaliteitsrapport leersteun" in text and "Leersteuncentrum Test" in text
    assert "Leerlinggericht 3 36 36,0%" in text
    assert "Fase 2 (uitbreiding van zorg) 3 42" in text
    assert "pib query support_duration --role bestuur --param school_year=2025-2026" in text
    assert "thuiszit" not in text.lower() and "samenwerkingsverband" not in text.lower()


def test_the_cli_writes_it_and_a_partner_may_not(db, tmp_path):
    out = tmp_path / "kr.xlsx"
    args = ["export", "--report", "kwaliteitsrapport", "--year", "2025-2026", "--format",
            "xlsx", "--db", str(db)]
    result = CliRunner().invoke(app, [*args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(out)["Doelgroep"]["A1"].value == (
        "Leersteun naar doelgroep, 2025-2026")
    refused = CliRunner().invoke(app, [*args, "--out", str(tmp_path / "clb.xlsx"),
                                       "--role", "clb"])
    assert refused.exit_code == 2 and not (tmp_path / "clb.xlsx").exists()


def test_the_dutch_profile_has_no_kwaliteitsrapport(leersteun_db):  # noqa: F811
    # the autouse settings are the repository's Dutch pib.toml
    with pytest.raises(ReportError, match="Vlaamse profiel"):
        build_report("kwaliteitsrapport", "2025-2026", db=leersteun_db / "wh.duckdb")
