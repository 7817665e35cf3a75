"""Real exports in, without code (issue 12): one file per fault class of real exports, with the
value that must be loaded and the quarantine reason and line (the row a spreadsheet shows)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import duckdb
import openpyxl
import polars as pl
import pytest
from typer.testing import CliRunner

from dashboard.cli.main import app
from etl.dates import latest
from etl.filerules import FileRules
from etl.load import LoadRejected, load
from etl.readers import LINE, _totals
from etl.schema import ENTITIES
from etl.validate import check_batch
from etl.warehouse import WarehouseLocked, writer
from tests.conftest import TEST_DATA

DATA = TEST_DATA / "real_exports"


def rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def quarantine(db: Path) -> list[tuple]:
    return rows(db, "select line, column_name, reason from quarantine order by line")


def copy(name: str, dest: Path, as_name: str | None = None) -> Path:
    return Path(shutil.copy(DATA / name, dest / (as_name or name)))


# --- dates ------------------------------------------------------------------------------------

def test_one_date_grammar_never_reads_a_two_digit_year_and_keeps_to_the_window(
        warehouse, tmp_path):
    load([copy("referrals_dates.csv", tmp_path)])
    assert rows(warehouse, "select referral_id, received_on, decided_on from referrals "
                           "order by 1") == [
        ("D1", date(2024, 9, 2), None), ("D5", date(2024, 9, 3), date(2024, 10, 4)),
    ]
    last = latest(date.today()).isoformat()
    assert quarantine(warehouse) == [
        (3, "received_on", "received_on: tweecijferig jaartal in '03/09/24': dat wordt nooit "
                           "als jaar onder de 100 gelezen; schrijf het jaar voluit (2024) of geef "
                           "in een bronprofiel een datumformaat met %y op"),
        (4, "received_on", "received_on: tweecijferig jaartal in '2-9-24': dat wordt nooit als "
                           "jaar onder de 100 gelezen; schrijf het jaar voluit (2024) of geef in "
                           "een bronprofiel een datumformaat met %y op"),
        (5, "received_on", "received_on: datum 1999-12-31 ligt buiten de toegestane periode "
                           f"2000-01-01 t/m {last}"),
        (7, "decided_on", "decided_on: datum 2099-01-01 ligt buiten de toegestane periode "
                          f"2000-01-01 t/m {last}"),
    ]


def _referrals(values: list[str]) -> pl.DataFrame:
    n = len(values)
    return pl.DataFrame({
        LINE: list(range(2, n + 2)), "referral_id": [f"R{i}" for i in range(n)],
        "pupil_id": ["p"] * n, "municipality_code": ["GM0193"] * n, "received_on": values,
        "need_category": ["learning"] * n, "request_type": ["consultation"] * n,
    })


def test_a_profile_with_percent_y_reads_two_digit_years_and_the_window_follows_the_load_date():
    rules = FileRules(date_formats=("%d-%m-%y", "%d-%m-%Y"), load_date=date(2024, 2, 29))
    checked = check_batch(ENTITIES["referrals"], _referrals(["2-9-24", "28-02-2025", "1-3-2025",
                                                             "2024-09-02"]), rules=rules)
    assert checked.valid["received_on"].to_list() == [date(2024, 9, 2), date(2025, 2, 28)]
    assert checked.rejected.select(LINE, "reason").rows() == [
        (4, "received_on: datum 2025-03-01 ligt buiten de toegestane periode 2000-01-01 t/m "
            "2025-02-28"),
        (5, "received_on: geen geldige datum '2024-09-02' (verwacht DD-MM-JJ of DD-MM-JJJJ)"),
    ]


# --- numbers ----------------------------------------------------------------------------------

def test_a_decimal_comma_file_reads_points_as_thousands_and_says_why_the_rest_fails(
        warehouse, tmp_path):
    report = load([copy("supports_decimal_comma.csv", tmp_path, "supports.csv")])
    assert rows(warehouse, "select support_id, hours, cost_eur from supports order by 1") == [
        ("N1", 12.5, 1250.0), ("N2", 3.0, 1234.56),
    ]
    assert quarantine(warehouse) == [
        (4, "cost_eur", "cost_eur: geen getal: '-' is een streepje; vul 0 in of laat de cel "
                        "leeg"),
        (5, "cost_eur", "cost_eur: geen getal: '12.50' is geschreven met een decimale punt, "
                        "maar dit bestand gebruikt een decimale komma (gevonden in de waarden)"),
    ]
    assert ("supports.csv: decimaalteken komma (gevonden in de waarden: 3 waarde(n) met komma, "
            "1 met punt).") in report.warnings


def test_without_evidence_an_ambiguous_number_is_quarantined(warehouse, tmp_path):
    report = load([copy("supports_no_evidence.csv", tmp_path, "supports.csv")])
    assert rows(warehouse, "select support_id, cost_eur from supports") == [("M2", 100.0)]
    assert quarantine(warehouse) == [
        (2, "cost_eur", "cost_eur: geen getal: '1.250' is dubbelzinnig, 1250 met een decimale "
                        "komma, 1.250 met een decimale punt, en het bestand laat nergens zien "
                        "welke het gebruikt; schrijf het getal zonder scheidingsteken voor "
                        "duizendtallen of geef in een bronprofiel decimal op"),
    ]
    assert not any("decimaalteken" in w for w in report.warnings)


def test_a_profile_decimal_mark_wins_over_the_values():
    raw = pl.DataFrame({LINE: [2, 3], "support_id": ["a", "b"], "kind": ["k", "k"],
                        "prevention_level": ["curative"] * 2, "started_on": ["2024-09-01"] * 2,
                        "hours": ["1.250", "2,5"]})
    checked = check_batch(ENTITIES["supports"], raw, rules=FileRules(decimal="."))
    assert checked.valid["hours"].to_list() == [1.25]
    assert checked.rejected["reason"].to_list() == [
        "hours: geen getal: '2,5' is geschreven met een decimale komma, maar dit bestand "
        "gebruikt een decimale punt (uit het bronprofiel)"]


# --- totals and footer rows -------------------------------------------------------------------

def test_totals_and_footer_rows_are_dropped_and_counted(warehouse, tmp_path):
    report = load([copy("enrolments_totals.csv", tmp_path)])
    assert rows(warehouse, "select school_id, pupils from enrolments order by 1") == [
        ("01AA", 1250), ("02BB", 310)]
    assert report.quarantined == 0
    assert ("enrolments_totals.csv: 2 totaal- of voetregel(s) overgeslagen (regel 4, 6)."
            in report.warnings)
    assert rows(warehouse, "select message like '%2 totaal- of voetregel(s)%' from load_log "
                           "where file = 'enrolments_totals.csv'") == [(True,)]


def test_a_totals_row_whose_first_cells_are_empty_is_found_further_along():
    raw = pl.DataFrame({"school_id": ["01AA", " ", None], "school_year": [
        "2024-2025", "EINDTOTAAL", "Bron: DUO"], "pupils": ["12", "12", None]})
    assert _totals(raw, ["school_id", "school_year", "pupils"]).to_list() == [False, True, True]


# --- municipality codes -----------------------------------------------------------------------

def test_municipality_codes_are_written_as_todays_code(warehouse, tmp_path):
    report = load([copy("schools_municipalities.csv", tmp_path, "schools.csv")])
    assert rows(warehouse, "select school_id, municipality_code from schools order by 1") == [
        ("V1", "GM1992"), ("V2", "GM1992"), ("V3", "GM1992"), ("V4", "GM1992"),
        ("V5", "GM0193"), ("V6", "unknown"), ("V8", "GM1992"),
    ]
    assert quarantine(warehouse) == [
        (8, "municipality_code", "municipality_code: onbekende gemeentecode 'GM9999' (verwacht "
                                 "een CBS-code zoals GM0193, of unknown)"),
    ]
    notes = [w for w in report.warnings if "gemeentecode" in w]
    assert notes == [
        "schools.csv: gemeentecode GM0501 → GM1992 (Voorne aan Zee): 2 rijen.",
        "schools.csv: gemeentecode GM0530 → GM1992 (Voorne aan Zee): 1 rij.",
        "schools.csv: gemeentecode GM0614 → GM1992 (Voorne aan Zee): 2 rijen.",
        "schools.csv: 1 rij met gemeentecode unknown (de bron zegt het niet).",
    ]
    message = rows(warehouse, "select message from load_log")[0][0]
    assert "GM0501 → GM1992 (Voorne aan Zee): 2 rijen" in message


def test_flemish_nis_codes_follow_the_2025_fusions():
    raw = pl.DataFrame({LINE: [2, 3, 4, 5], "school_id": list("abcd"), "name": list("abcd"),
                        "sector": ["bao"] * 4,
                        "municipality_code": ["71022", "73040", "44021", "GM0193"]})
    rules = FileRules(terminology="vl")
    checked = check_batch(ENTITIES["schools"], raw, rules=rules)
    assert checked.valid["municipality_code"].to_list() == ["71072", "71072", "44021"]
    assert checked.rejected["reason"].to_list() == [
        "municipality_code: onbekende gemeentecode 'GM0193' (verwacht een NIS-code zoals "
        "44021, of unknown)"]
    assert rules.notes("scholen.csv", False) == [
        "scholen.csv: gemeentecode 71022 → 71072 (Hasselt): 1 rij.",
        "scholen.csv: gemeentecode 73040 → 71072 (Hasselt): 1 rij.",
    ]


def test_a_flemish_organisation_loads_nis_codes(warehouse, tmp_path, isolated_env):
    config = isolated_env / "pib.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        'terminology = "nl"', 'terminology = "vl"'), encoding="utf-8")
    path = tmp_path / "schools.csv"
    path.write_text("school_id,name,sector,municipality_code\nA,De Linde,bao,73040\n"
                    "B,De Kade,bao,GM0193\n", encoding="utf-8")
    report = load([path])
    assert rows(warehouse, "select school_id, municipality_code from schools") == [("A", "71072")]
    assert "schools.csv: gemeentecode 73040 → 71072 (Hasselt): 1 rij." in report.warnings
    assert quarantine(warehouse) == [
        (3, "municipality_code", "municipality_code: onbekende gemeentecode 'GM0193' (verwacht "
                                 "een NIS-code zoals 44021, of unknown)")]


# --- the header and line numbers --------------------------------------------------------------

def test_a_title_row_above_the_header_and_line_numbers_as_a_spreadsheet_shows(
        warehouse, tmp_path):
    load([copy("referrals_title_rows.csv", tmp_path)])
    assert rows(warehouse, "select referral_id, source_line from referrals order by 1") == [
        ("T1", 4), ("T2", 5)]
    assert rows(warehouse, "select line, column_name from quarantine") == [
        (6, "need_category")]


def test_xlsx_with_a_blank_first_row_and_a_title_row_keeps_excels_row_numbers(
        warehouse, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A2"] = "Aanmeldingen november 2024"
    header = ["referral_id", "pupil_id", "municipality_code", "received_on", "need_category",
              "request_type"]
    for col, name in enumerate(header, start=1):
        sheet.cell(row=4, column=col, value=name)
    for row, values in enumerate([["T1", "L1", "GM0193", "2024-11-04", "learning", "other"],
                                  ["T2", "L2", "GM0193", "2024-11-05", "nap", "other"],
                                  ["Totaal", None, None, None, None, 2]], start=5):
        for col, value in enumerate(values, start=1):
            sheet.cell(row=row, column=col, value=value)
    path = tmp_path / "Aanmeldingen november.xlsx"  # recognised by its header
    book.save(path)
    report = load([path])
    assert rows(warehouse, "select referral_id, source_line from referrals") == [("T1", 5)]
    assert rows(warehouse, "select line, column_name from quarantine") == [(6, "need_category")]
    assert ("Aanmeldingen november.xlsx: 1 totaal- of voetregel(s) overgeslagen (regel 7)."
            in report.warnings)


# --- recognising a file -----------------------------------------------------------------------

def test_a_file_is_recognised_by_its_header_and_unknown_codes_load(warehouse, tmp_path):
    report = load([copy("Export aanmeldingen november.csv", tmp_path)])
    assert report.files[0].entity == "referrals"
    assert rows(warehouse, "select need_category, decision from referrals") == [
        ("unknown", "unknown")]


def test_a_header_that_fits_several_entities_needs_the_entity_option(warehouse, tmp_path):
    path = copy("export_scholen.csv", tmp_path)
    with pytest.raises(LoadRejected, match=r"export_scholen.csv: de bestandsnaam zegt niet welke "
                       r"gegevens dit zijn en de kop \(regel 1\) past bij meer dan één soort: "
                       r"enrolments, schools; kies er een met --entity"):
        load([path])
    assert not warehouse.exists()
    result = CliRunner().invoke(app, ["load", str(path), "--entity", "schools"])
    assert result.exit_code == 0, result.output
    assert rows(warehouse, "select school_id, municipality_code from schools") == [
        ("01AA", "GM0193")]


def test_the_entity_option_names_an_entity(tmp_path):
    result = CliRunner().invoke(app, ["load", str(DATA / "export_scholen.csv"),
                                      "--entity", "leerlingen"])
    assert result.exit_code == 2
    assert "Onbekende soort 'leerlingen'" in result.output


# --- another tool holding the warehouse -------------------------------------------------------

def test_a_warehouse_locked_by_another_process_is_said_in_dutch(warehouse, tmp_path):
    load([copy("enrolments_totals.csv", tmp_path)])
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
         "print('ok', flush=True); time.sleep(60)", str(warehouse)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ok"
        expected = (f"Het warehouse {warehouse} is vergrendeld door een ander programma "
                    f"(proces {holder.pid}: ")
        for args in (["load", str(copy("referrals_title_rows.csv", tmp_path))],
                     ["query", "open_referrals", "--param", "as_of=2024-01-31"]):
            result = CliRunner().invoke(app, args, env={"COLUMNS": "1000"})
            assert result.exit_code == 1, result.output
            assert expected in " ".join(result.output.split())
            assert "Traceback" not in result.output and "Conflicting" not in result.output
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.1)
    assert rows(warehouse, "select count(*) from referrals") == [(0,)]


def test_the_writer_itself_refuses_a_warehouse_locked_by_another_process(warehouse, tmp_path):
    load([copy("enrolments_totals.csv", tmp_path)])
    before = warehouse.read_bytes()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
         "print('ok', flush=True); time.sleep(60)", str(warehouse)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ok"
        with (pytest.raises(WarehouseLocked, match="is vergrendeld door een ander programma"),
              writer(warehouse)):
            pass
    finally:
        holder.kill()
        holder.wait()
    assert warehouse.read_bytes() == before


def test_the_dashboard_says_the_warehouse_is_locked(warehouse, tmp_path):
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    load([copy("enrolments_totals.csv", tmp_path)])
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
         "print('ok', flush=True); time.sleep(60)", str(warehouse)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ok"
        at = AppTest.from_file(str(ROOT / "dashboard/app/main.py"), default_timeout=60).run()
        assert not at.exception, at.exception
        [error] = [e.value for e in at.error]
        assert error.startswith(f"Het warehouse {warehouse} is vergrendeld door een ander "
                                f"programma (proces {holder.pid}: python")
        assert error.endswith("), bijvoorbeeld de DuckDB-CLI of DBeaver met een open verbinding; "
                              "sluit dat programma (of die verbinding) en probeer het opnieuw. "
                              "Er is niets gewijzigd.")
    finally:
        holder.kill()
        holder.wait()
