"""The xlsx export read back with openpyxl: sheets, headers, formats, figures equal to the
named queries (role bestuur), suppression whatever the role, no formulas from data, same bytes."""

from __future__ import annotations

import json
import zipfile

import openpyxl
import polars as pl
import pytest
from typer.testing import CliRunner

from dashboard.cli.main import app
from dashboard.geo import municipality_name
from dashboard.labels import CODES, code_label
from dashboard.report import build_report, write_report
from dashboard.report.content import suppressed_header
from etl.settings import get_settings
from queries import describe, run_query
from queries.roles import is_data_quality_query
from tests.dashboard.report.conftest import GENERATED_AT, HEADER_ROW, INJECTION


def read_table(ws, height: int) -> tuple[list[str], list[list[object]]]:
    headers = []
    for cell in ws[HEADER_ROW]:
        if cell.value is None:
            break
        headers.append(cell.value)
    rows = [[ws.cell(HEADER_ROW + i, j + 1).value for j in range(len(headers))]
            for i in range(1, height + 1)]
    return headers, rows


STAGES = ("receipt_to_complete", "complete_to_decision", "decision_to_start")
# query columns whose codes a report shows by the labels of another code field
CODE_FIELDS = {"stage": "lead_stage", "kind": "out_of_school_kind"}


def expected_frame(section, db) -> pl.DataFrame:
    # the loads table comes only with an export by a data-quality role, which that query answers
    role = "kwaliteit" if is_data_quality_query(section.query) else "bestuur"
    frame = run_query(section.query, section.params, role=role, db=db)
    if section.scope and section.scope.startswith("schooljaren tot en met"):
        frame = frame.filter(pl.col("school_year") <= section.scope.rsplit(" ", 1)[1])
    if section.query == "lead_times":  # the stages in process order, as a reader follows them
        frame = frame.sort("school_year", pl.col("stage").replace_strict(
            {s: i for i, s in enumerate(STAGES)}))
    return frame


def shown(header: str, source: str, value: object) -> object:
    """How the report shows a query value of `source` under `header` (an empty code stays
    empty)."""
    if source == "suppressed":
        return "ja" if value else "nee"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if header == "Gemeente":
        return municipality_name(value)
    field = CODE_FIELDS.get(source, source)
    if field in CODES and value is not None:
        return code_label(field, value)
    return value


def test_sheets_cover_and_headers(inspection, inspection_book, report_year):
    names = inspection_book.sheetnames
    assert names[0] == "Voorblad"
    assert names[1:] == [s.sheet for s in inspection.sections] + ["Ladingen"]
    assert names[1:] == [
        "Aanmeldingen en besluiten", "Wachttijden tot besluit", "Openstaand einde schooljaar",
        "TLV's per 1.000 leerlingen", "Dekkend aanbod", "Thuiszitters",
        "Preventief en curatief", "Resultaten", "Doorlooptijden per fase", "Leerplichttelling",
        "TLV's per categorie", "Grensverkeer", "Kosten van het aanbod", "Ladingen",
    ]
    assert all(len(n) <= 31 for n in names)
    cover = [[c for c in row if c is not None]
             for row in inspection_book["Voorblad"].iter_rows(values_only=True)]
    flat = [str(c) for row in cover for c in row]
    assert "Inspectiedossier passend onderwijs" in flat
    assert get_settings().organisation in flat
    assert any(c.startswith(f"{report_year} (") for c in flat)
    assert "01-09-2025 10:00" in flat
    assert ["Gegevensbron", "Laatst geladen", "Bestand", "Rijen"] in cover
    assert any(row[:1] == ["Aanmeldingen"] and "referrals.csv" in row for row in cover)

    ws = inspection_book["Wachttijden tot besluit"]
    headers, _ = read_table(ws, 0)
    assert headers == ["Schooljaar", "Ondersteuningsbehoefte", "Besluiten",
                       "Mediane wachttijd (dagen)", "90e percentiel (dagen)", "Binnen 42 dagen",
                       suppressed_header()]
    assert ws.freeze_panes == f"A{HEADER_ROW + 1}"
    assert all(cell.font.b for cell in ws[HEADER_ROW][: len(headers)])
    formats = {h: ws.cell(HEADER_ROW + 1, i + 1).number_format for i, h in enumerate(headers)}
    assert formats["Besluiten"] == "#,##0"
    assert formats["Mediane wachttijd (dagen)"] == "0.0"
    assert formats["Binnen 42 dagen"] == "0.0%"
    # definition and source under the table
    texts = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
    assert "Definitie (Wachttijd tot besluit)" in texts
    assert any(t and t.startswith("Aanmeldingen met een besluitdatum") for t in texts)
    assert any(t and t.startswith("Bron: pib query waiting_times --role bestuur") for t in texts)


def test_every_figure_equals_the_named_query_for_role_bestuur(inspection, inspection_book,
                                                               demo_db):
    checked = 0
    for section in [*inspection.sections[1:], inspection.loads]:
        ws = inspection_book[section.sheet]
        headers, rows = read_table(ws, section.table.height)
        assert headers == section.shown_columns, section.key
        expected = expected_frame(section, demo_db)
        assert len(rows) == expected.height, section.key
        for header, source in section.sources.items():
            got = [row[headers.index(header)] for row in rows]
            want = [shown(header, source, v) for v in expected[source].to_list()]
            for g, w in zip(got, want, strict=True):
                if isinstance(w, float):
                    assert g == pytest.approx(w, rel=1e-12), (section.key, header)
                elif hasattr(w, "hour"):  # datetimes: Excel keeps milliseconds
                    assert abs((g - w).total_seconds()) < 0.001, (section.key, header)
                else:
                    assert g == w, (section.key, header)
                checked += 1
    assert checked > 500


def test_decision_table_equals_referrals_by_decision(inspection, inspection_book, demo_db,
                                                      report_year):
    section = inspection.sections[0]
    ws = inspection_book[section.sheet]
    headers, rows = read_table(ws, section.table.height)
    expected = run_query("referrals_by_decision", {}, role="bestuur", db=demo_db).filter(
        pl.col("school_year") == report_year
    )
    assert expected.height > 0
    cells = {(row[0], h): v for row in rows for h, v in zip(headers[1:], row[1:], strict=True)}
    seen = set()
    for r in expected.iter_rows(named=True):
        decision = ("Nog geen besluit" if r["decision"] == "undecided"
                    else code_label("decision", r["decision"]))
        key = (code_label("request_type", r["request_type"]), decision)
        assert cells[key] == r["referrals"], key
        seen.add(key)
    assert all(v is None for k, v in cells.items() if k not in seen)


def test_pib_query_gives_the_same_figures(inspection, inspection_book, demo_db):
    section = next(s for s in inspection.sections if s.key == "waiting_times")
    args = ["query", section.query, "--db", str(demo_db), "--role", "bestuur", "--format", "json"]
    for key, value in section.params.items():
        args += ["--param", f"{key}={value}"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    headers, sheet = read_table(inspection_book[section.sheet], section.table.height)
    assert [r[headers.index("Besluiten")] for r in sheet] == [r["decided"] for r in rows]
    assert [r[headers.index("Mediane wachttijd (dagen)")] for r in sheet] == [
        r["median_days"] for r in rows]


def test_suppression_holds_in_every_sheet_even_for_role_kwaliteit(inspection, inspection_book,
                                                                  board, demo_db, tmp_path):
    min_cell = get_settings().min_cell
    assert inspection.role == "kwaliteit" and inspection.query_role == "bestuur"
    emptied = small_exact = 0
    for section in inspection.sections:
        counts = {rule.count for rule in describe(section.query).suppress}
        ws = inspection_book[section.sheet]
        headers, rows = read_table(ws, section.table.height)
        for header, source in section.sources.items():
            if source not in counts:
                continue
            values = [row[headers.index(header)] for row in rows]
            assert all(v is None or v >= min_cell for v in values), (section.key, header)
            emptied += sum(v is None for v in values)
        exact = run_query(section.query, section.params, role="kwaliteit", db=demo_db)
        small_exact += sum(
            int((exact[c] < min_cell).sum()) for c in counts if c in exact.columns
        )
    assert emptied > 0 and small_exact > 0  # the demo has small groups, and they are hidden

    path = write_report(board, "xlsx", tmp_path / "bestuur.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Voorblad", "Kerncijfers", "Kerncijfers per jaar",
                               "Doorlooptijden per fase", "Leerplichttelling",
                               "TLV's per categorie", "Grensverkeer", "Kosten van het aanbod",
                               "Financiën"]
    trend = board.sections[1]
    headers, rows = read_table(book["Kerncijfers per jaar"], trend.table.height)
    counts = {rule.count for rule in describe("kpi_headline").suppress}
    for header, source in trend.sources.items():
        if source in counts:
            assert all(r[headers.index(header)] is None
                       or r[headers.index(header)] >= min_cell for r in rows)


def test_board_headline_against_targets_and_last_year(board, demo_db, report_year):
    book_section = board.sections[0]
    table = book_section.table
    assert table.columns[:6] == ["Kerncijfer", report_year, board.sections[0].table.columns[2],
                                 "Verschil", "Doel", "Beoordeling"]
    exact = run_query("kpi_headline", {}, role="bestuur", db=demo_db)
    now = exact.filter(pl.col("school_year") == report_year).row(0, named=True)
    row = table.filter(pl.col("Kerncijfer") == "Doelen behaald").row(0, named=True)
    assert row[report_year] == pytest.approx(now["achieved_share"])
    target = get_settings().targets["achieved_share"]
    assert row["Doel"] == target
    assert row["Beoordeling"] == ("op koers" if now["achieved_share"] >= target
                                  else "niet op koers")


def test_same_input_same_bytes(inspection, inspection_xlsx, demo_db, report_year, tmp_path):
    again = build_report("inspectie", report_year, role="kwaliteit", db=demo_db,
                         generated_at=GENERATED_AT)
    path = write_report(again, "xlsx", tmp_path / "again.xlsx")
    assert path.read_bytes() == inspection_xlsx.read_bytes()
    props = openpyxl.load_workbook(path).properties
    assert props.created == GENERATED_AT


def test_formula_in_the_data_stays_text(injection_db, tmp_path):
    report = build_report("inspectie", "2024-2025", role="bestuur", db=injection_db,
                          generated_at=GENERATED_AT)
    path = write_report(report, "xlsx", tmp_path / "injectie.xlsx")
    book = openpyxl.load_workbook(path)
    ws = book["Dekkend aanbod"]
    headers, rows = read_table(ws, 1)
    for header in ("Gemeentecode", "Gemeente"):
        cell = ws.cell(HEADER_ROW + 1, headers.index(header) + 1)
        assert cell.value == INJECTION
        assert cell.data_type == "s" and cell.value.startswith("=")
    assert rows[0][headers.index("Vraag (leerlingen)")] == 6
    with zipfile.ZipFile(path) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        assert not any("<f>" in z.read(n).decode() for n in sheets)
