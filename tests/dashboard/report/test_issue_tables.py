"""The tables the reports gained with issue 14, on the hand-made data of tests/data/figures
(its README works every figure out on paper): the board report written as xlsx and pdf and
read back, suppressed as every export is; the Flemish profile leaves the Dutch-only tables out.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from dashboard.report import build_report, write_report
from dashboard.tables import board_tables, inspection_tables
from etl.load import load
from tests.conftest import TEST_DATA
from tests.dashboard.report.conftest import GENERATED_AT, HEADER_ROW

YEAR = "2024-2025"
MINUS = "\u2212"


@pytest.fixture(scope="module")
def figures_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The board report of 2024-2025 on tests/data/figures, asked for by kwaliteit (the
    export suppresses all the same), as xlsx and pdf."""
    home = tmp_path_factory.mktemp("issue-tables")
    db = home / "wh.duckdb"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PIB_SECRET", "figures-test-secret-0123456789abcdef")
        load([TEST_DATA / "figures"], db=db)
        report = build_report("bestuur", YEAR, role="kwaliteit", db=db,
                              generated_at=GENERATED_AT)
        return (write_report(report, "xlsx", home / "bestuur.xlsx"),
                write_report(report, "pdf", home / "bestuur.pdf"))


def sheet_rows(path: Path, sheet: str) -> tuple[list[str], list[tuple]]:
    """The header and the rows of a section's table (up to the first empty row)."""
    ws = openpyxl.load_workbook(path)[sheet]
    header = [c.value for c in ws[HEADER_ROW] if c.value is not None]
    rows = []
    for row in ws.iter_rows(min_row=HEADER_ROW + 1, max_col=len(header), values_only=True):
        if all(v is None for v in row):
            break
        rows.append(row)
    return header, rows


def test_lead_times_in_process_order_with_the_small_stage_hidden(figures_report):
    xlsx, _ = figures_report
    header, rows = sheet_rows(xlsx, "Doorlooptijden per fase")
    assert header == ["Schooljaar", "Fase", "Aantal", "P25 (dagen)", "Mediaan (dagen)",
                      "P75 (dagen)", "Binnen de norm", "Onderdrukt"]
    assert rows == [
        # receipt → complete: 0 7 7 7 14 14 21 30 (README); 7 of 8 within 21 days
        ("2024-2025", "Ontvangst → dossier compleet", 8, 7, 10.5, 15.75, 0.875, "nee"),
        ("2024-2025", "Dossier compleet → besluit", 7, 14, 21, 25, None, "nee"),  # no norm
        # four referrals reach the start of support: fewer than 5, hidden
        ("2024-2025", "Besluit → start ondersteuning", None, None, None, None, None, "ja"),
    ]


def test_cost_of_the_offer_in_euros_and_census_and_categories_suppressed(figures_report):
    xlsx, _ = figures_report
    header, rows = sheet_rows(xlsx, "Kosten van het aanbod")
    assert header == ["Gemeentecode", "Gemeente", "Ondersteuningsbehoefte", "Plaatsen",
                      "Kosten"]
    assert rows == [
        ("GM0166", "Kampen", "Gedrag", 2, 16000),  # OF4: 2 x 8,000
        ("GM0193", "Zwolle", "Gedrag", 3, 0),  # OF3 has no tariff: 0 euro
        ("GM0193", "Zwolle", "Leren", 14, 24505),  # 10 x 1,250.50 + 4 x 3,000
    ]
    ws = openpyxl.load_workbook(xlsx)["Kosten van het aanbod"]
    assert ws.cell(HEADER_ROW + 1, 5).number_format == f'"€ "#,##0;"€ {MINUS}"#,##0'
    # TLV's per category: only `low` of so (F02, F08, F12–F14) reaches 5
    _, rows = sheet_rows(xlsx, "TLV's per categorie")
    assert rows == [
        ("TLV so", "Hoog", None, "ja"), ("TLV so", "Laag", 5, "nee"),
        ("TLV so", "Onbekend", None, "ja"), ("TLV vso", "Hoog", None, "ja"),
        ("TLV vso", "Midden", None, "ja"),
    ]
    # the census: an article stays empty when there is none; absolute verzuim counts 5 pupils
    # (Q01–Q05), its parts 2 at the start, 3 new, 3 over 3 months, 5 ended and 2 open: all
    # below 5 but `ended`, hidden with `open` (they nearly add up); every other group < 5
    _, rows = sheet_rows(xlsx, "Leerplichttelling")
    assert [r[:2] for r in rows] == [
        ("Absoluut verzuim", None), ("Vrijstelling", None), ("Vrijstelling", "Art. 15"),
        ("Vrijstelling", "Art. 5 onder a"), ("Langdurig relatief verzuim", None)]
    assert rows[0][2:] == (None, None, 5, None, None, None, "ja")
    assert all(r[2:] == (None,) * 6 + ("ja",) for r in rows[1:])
    _, rows = sheet_rows(xlsx, "Grensverkeer")
    assert [r[0] for r in rows] == ["TLV sbo", "TLV so", "TLV vso"]
    assert all(r[1:] == (None, None, None, "ja") for r in rows)  # 2 out, 1 in: too small


def test_the_pdf_reads_the_same(figures_report):
    _, pdf = figures_report
    text = "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
    for title in ("Doorlooptijd per fase tegen de normen", "Leerplichttelling",
                  "Grensverkeer", "Plaatsen en kosten van het aanbod", "Financiën"):
        assert title in text, title
    assert "Ontvangst → dossier compleet 8 7,0 10,5 15,8 87,5%" in text
    assert "GM0193 Zwolle Leren 14 € 24.505" in text
    assert "GM0193 Zwolle Gedrag 3 € 0" in text
    assert "Normen (pib.toml): dossier compleet binnen 21 dagen na ontvangst" in text


def test_the_flemish_profile_leaves_the_dutch_only_tables_out(isolated_env):
    config = isolated_env / "pib.toml"
    assert [t.key for t in board_tables(YEAR)] == [
        "lead_times", "out_of_school_census", "admissions_by_category", "border_traffic",
        "network_cost", "finance_years"]
    config.write_text('[organisation]\nterminology = "vl"\n'
                      '[region]\nmunicipalities = ["11002"]\n', encoding="utf-8")
    # the leerplicht census, the bekostigingscategorie and the signaleringswaarde are Dutch
    assert [t.key for t in board_tables(YEAR)] == ["lead_times", "border_traffic",
                                                   "network_cost"]
    keys = [t.key for t in inspection_tables(YEAR)]
    assert keys[-3:] == ["lead_times", "border_traffic", "network_cost"]
    assert "out_of_school_census" not in keys and "admissions_by_category" not in keys
