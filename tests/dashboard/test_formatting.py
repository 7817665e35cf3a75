"""One formatter: the same value is the same text on a page, in the xlsx and in the pdf.

Rounding is half up on the value as written: 2.25 → 2,3 (Python's own float formatting says
2,2, the bug this replaces), 0.0625 → 6,3%.
"""

from __future__ import annotations

import csv
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from dashboard.formatting import excel_format, excel_value, text
from dashboard.labels import label
from dashboard.report import build_report, write_report
from etl.load import load
from tests.dashboard.apptest import metrics, open_app
from tests.dashboard.report.conftest import HEADER_ROW


def excel_display(value: float, num_format: str) -> str:
    """What Excel (Dutch locale) shows for a number under the formats `excel_format` makes:
    the section for the value's sign (a negative section shows the absolute value with its own
    literal text; a one-section format puts '-' first), rounded half away from zero on the
    decimal value, thousands grouped with a point."""
    sections = num_format.split(";")
    if value < 0 and len(sections) > 1:
        body, sign = sections[1], ""
    elif value == 0 and len(sections) > 2:
        body, sign = sections[2], ""
    else:
        body, sign = sections[0], "-" if value < 0 else ""
    if body[:1] in "+-":  # a sign written in the format itself
        sign, body = body[0], body[1:]
    literal = re.match(r'"([^"]*)"', body)
    prefix = literal[1] if literal else ""
    body = body[literal.end():] if literal else body
    percent = "%" in body and '"' not in body
    number = Decimal(repr(abs(value))) * (100 if percent else 1)
    decimals = len(body.split(".")[1].rstrip('%"').split('"')[0]) if "." in body else 0
    rounded = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    digits = f"{rounded:,.{decimals}f}" if "," in body else f"{rounded:.{decimals}f}"
    digits = digits.replace(",", "\0").replace(".", ",").replace("\0", ".")
    suffix = "%" if percent else (" %-punt" if "%-punt" in body else "")
    return f"{sign}{prefix}{digits}{suffix}"


@pytest.mark.parametrize(("value", "kind", "change", "shown"), [
    (2.25, "rate", False, "2,3"), (2.35, "days", False, "2,4"), (29.0, "days", False, "29,0"),
    (1234.5, "count", False, "1.235"), (0.0625, "share", False, "6,3%"),
    (0.032, "share", True, "+3,2 %-punt"), (-2.25, "rate", True, "-2,3"),
    (12345.5, "euro", False, "€ 12.346"), (2.675, "dec1", False, "2,7"),
    # a negative amount: the euro sign first, then the minus sign (U+2212), as CLDR nl writes it
    (-9651.5, "euro", False, "€ \u22129.652"), (-9652.0, "euro", True, "€ \u22129.652"),
    (300.0, "euro", True, "€ +300"), (0.0, "euro", True, "€ 0"),
])
def test_text_and_the_excel_format_show_the_same(value, kind, change, shown):
    assert text(value, kind, change=change) == shown
    fmt = excel_format(kind, change=change)
    assert excel_display(excel_value(value, kind, change=change), fmt) == shown


def test_empty_is_a_dash_and_flags_are_words():
    assert text(None, "rate") == text(float("nan"), "share") == "–"
    assert (text(True, "flag"), text(False, "flag")) == (label("yes"), label("no"))


def _write_csv(path: Path, rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def rate_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """9 pupils out of school among 4,000: 2.25 per 1,000 pupils in 2024-2025."""
    src = tmp_path / "csv"
    src.mkdir()
    _write_csv(src / "schools.csv", [{"school_id": "S1", "name": "De Es", "sector": "po",
                                      "municipality_code": "GM0193"}])
    _write_csv(src / "enrolments.csv", [{"school_id": "S1", "school_year": "2024-2025",
                                         "pupils": "4000"}])
    _write_csv(src / "out_of_school.csv", [
        {"episode_id": f"E{i}", "pupil_id": f"P{i}", "municipality_code": "GM0193",
         "kind": "absolute_absence", "started_on": "2024-09-02", "ended_on": "2024-12-20"}
        for i in range(9)
    ])
    db = tmp_path / "wh.duckdb"
    load([src], db=db)
    monkeypatch.setenv("PIB_DB", str(db))
    return db


def test_a_page_the_xlsx_and_the_pdf_write_2_25_as_2_3(rate_db, tmp_path):
    header = label("per_1000_pupils")
    page = open_app("out_of_school.py", school_year="2024-2025")
    assert metrics(page)[header] == "2,3"
    reports = open_app("reports.py", school_year="2024-2025")
    table = next(d.value for d in reports.dataframe if header in d.value.columns)
    assert list(table[header]) == ["2,3"]

    report = build_report("inspectie", "2024-2025", role="bestuur", db=rate_db)
    section = next(s for s in report.sections if s.key == "out_of_school")
    book = openpyxl.load_workbook(write_report(report, "xlsx", tmp_path / "r.xlsx"))
    ws = book[section.sheet]
    headers = [c.value for c in ws[HEADER_ROW]]
    cell = ws.cell(HEADER_ROW + 1, headers.index(header) + 1)
    assert cell.value == 2.25  # a number, shown by its format
    assert excel_display(cell.value, cell.number_format) == "2,3"

    pdf = "\n".join(p.extract_text() for p in PdfReader(
        write_report(report, "pdf", tmp_path / "r.pdf")).pages)
    assert re.search(r"\b2,3\b", pdf) and not re.search(r"\b2,2\b|2,25", pdf)
