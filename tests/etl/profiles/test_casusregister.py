"""The shipped profile `casusregister`: a case register kept in Excel with Dutch headers, made
here with xlsxwriter, loaded through `pib load --source casusregister`; the rows checked by
hand."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import duckdb
import xlsxwriter

PIB = str(Path(sys.executable).with_name("pib"))
HEADER = ["Casusnummer", "Leerlingnummer", "Gemeentecode", "Datum aanmelding", "Aanmelder",
          "Probleem", "Sector", "Dagen thuis", "Uitkomst", "Datum afsluiting", "Opmerking"]


def register(path: Path) -> Path:
    """A register as an onderwijsconsulent keeps it: a title row, Excel date cells (one date
    typed as text), a value the profile does not know, and a count row at the bottom."""
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("Casussen 2024-2025")
    dates = book.add_format({"num_format": "dd-mm-yyyy"})
    sheet.write_row(0, 0, ["Casusregister thuiszittersoverleg 2024-2025"])
    sheet.write_row(2, 0, HEADER)
    rows = [
        ["2024-01", "L100", "1708", datetime(2024, 9, 2), "Ouders", "Geen passend aanbod",
         "VSO", 45, "Geplaatst (v)so", datetime(2024, 12, 11), "wachtlijst"],
        ["2024-02", "L101", "GM0193", datetime(2024, 10, 1), "leerplicht", "Thuiszitter",
         "vo", 92, "Lopend", None, ""],
        ["2024-03", "L102", "193", "3-2-2025", "Wijkteam", "Onderwijs en zorg", "",
         None, "Onderwijs-zorgarrangement", datetime(2025, 3, 3), ""],
        ["2024-04", "L103", "1708", datetime(2025, 1, 6), "Buurman", "Vervoer", "PO", 3,
         "", None, ""],
    ]
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row):
            if isinstance(value, datetime):
                sheet.write_datetime(r, c, value, dates)
            elif value is not None:
                sheet.write(r, c, value)
    sheet.write_row(8, 0, ["Aantal casussen: 4"])
    book.close()
    return path


def test_a_spreadsheet_register_loads_through_the_profile(tmp_path):
    xlsx = register(tmp_path / "casusregister_2024.xlsx")
    db = tmp_path / "wh.duckdb"
    env = {**os.environ, "PIB_SECRET": "casus-test-secret-0123456789abcdefghij",
           "PIB_DB": str(db)}
    done = subprocess.run([PIB, "load", str(xlsx), "--source", "casusregister"],
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        loaded = con.sql(
            "select case_id, municipality_code, opened_on, closed_on, referred_by, "
            "problem_type, sector, days_out_before, outcome from cases order by case_id"
        ).fetchall()
        pupils = {p for (p,) in con.sql("select pupil_id from cases").fetchall()}
        quarantined = con.sql("select line, column_name, reason from quarantine").fetchall()
    assert loaded == [
        ("2024-01", "GM1708", date(2024, 9, 2), date(2024, 12, 11), "parents",
         "no_fitting_place", "vso", 45, "placed_special"),
        ("2024-02", "GM0193", date(2024, 10, 1), None, "attendance_officer", "out_of_school",
         "vo", 92, None),
        ("2024-03", "GM0193", date(2025, 2, 3), date(2025, 3, 3), "care", "care_education",
         None, None, "care_combination"),
    ]
    assert not pupils & {"L100", "L101", "L102"}  # pseudonymised, never stored as given
    assert len(quarantined) == 1
    line, column, reason = quarantined[0]
    assert (line, column) == (7, "referred_by")  # the spreadsheet's row 7
    assert "'Buurman'" in reason and "casusregister" in reason
