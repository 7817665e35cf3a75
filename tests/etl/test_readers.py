"""Encodings, delimiters, BOM, header matching and xlsx: each read to the same known rows."""

from __future__ import annotations

import zipfile
from pathlib import Path

import duckdb
import pytest
import xlsxwriter

from etl import readers
from etl.load import LoadRejected, load
from etl.readers import FileRejected, check_excel_size, detect_delimiter

HEADER = ["episode_id", "pupil_id", "municipality_code", "kind", "started_on", "ended_on",
          "reason"]
ROWS = [
    ["E1", "K-1", "GM0193", "absolute_absence", "2024-10-01", "", "geen passende plek"],
    ["E2", "K-2", "GM0166", "exemption", "01-11-2024", "31/01/2025", "ziekte; één jaar"],
]
EXPECTED = [
    ("E1", "absolute_absence", "2024-10-01", None, "geen passende plek"),
    ("E2", "exemption", "2024-11-01", "2025-01-31", "ziekte; één jaar"),
]


def write_csv(path: Path, delimiter: str, encoding: str, newline: str = "\n") -> Path:
    def line(values: list[str]) -> str:
        return delimiter.join(f'"{v}"' if delimiter in v else v for v in values)

    text = newline.join(line(r) for r in [HEADER, *ROWS]) + newline
    path.write_bytes(text.encode(encoding))
    return path


def loaded(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "select episode_id, kind, started_on::varchar, ended_on::varchar, reason "
            "from out_of_school order by 1"
        ).fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_every_encoding_and_delimiter_reads_the_same_rows(
    warehouse, tmp_path, encoding, delimiter
):
    load([write_csv(tmp_path / "out_of_school.csv", delimiter, encoding, "\r\n")])
    assert loaded(warehouse) == EXPECTED


def test_header_matches_case_insensitively_and_warns_about_extra_columns(warehouse, tmp_path):
    path = tmp_path / "out_of_school.csv"
    path.write_text(
        " Episode_ID ,PUPIL_ID,Municipality_Code,Kind,Started_On,Opmerking\n"
        "E9,K-9,GM0193,ABSOLUTE_ABSENCE,2024-10-01,vrije tekst\n", encoding="utf-8",
    )
    report = load([path])
    assert report.warnings == ["out_of_school.csv: onbekende kolom 'Opmerking' genegeerd."]
    con = duckdb.connect(str(warehouse), read_only=True)
    assert con.execute("select episode_id, kind from out_of_school").fetchall() == [
        ("E9", "absolute_absence")
    ]
    con.close()


def test_xlsx_first_sheet_reads_like_csv(warehouse, tmp_path):
    path = tmp_path / "out_of_school_2024.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("thuiszitters")
    for r, values in enumerate([HEADER, *ROWS]):
        sheet.write_row(r, 0, values)
    book.close()
    load([path])
    assert loaded(warehouse) == EXPECTED


def test_undecodable_bytes_reject_the_file(warehouse, tmp_path):
    path = tmp_path / "out_of_school.csv"
    path.write_bytes(",".join(HEADER).encode() + b"\nE1,K,GM1,exemption,2024-01-01,,\x81\x8d\n")
    with pytest.raises(LoadRejected, match=r"out_of_school.csv: de tekenset is geen UTF-8"):
        load([path])
    assert not warehouse.exists()


def test_empty_file_rejects(warehouse, tmp_path):
    path = tmp_path / "out_of_school.csv"
    path.write_bytes(b"")
    with pytest.raises(LoadRejected, match=r"out_of_school.csv: het bestand is leeg"):
        load([path])


@pytest.mark.parametrize(
    ("header", "expected"),
    [("a,b;c", ","), ("a;b;c", ";"), ("a\tb\tc", "\t"), ('"x;y",b,c', ","), ("single", ",")],
)
def test_detect_delimiter(header, expected):
    assert detect_delimiter(header) == expected


def _workbook(path: Path, dimension: str, padding: int = 0) -> Path:
    """A minimal .xlsx (zip) whose one sheet declares `dimension` and holds one cell, with an
    extra part of `padding` zero bytes (it compresses to almost nothing)."""
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
             f'openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/>'
             '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>school_id</t></is></c>'
             '</row></sheetData></worksheet>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        if padding:
            archive.writestr("xl/media/padding.bin", b"\0" * padding)
    return path


def test_xlsx_over_the_size_limits_is_refused_before_reading(tmp_path, monkeypatch):
    """The attack of issue 13: a small file declaring 2,000 x 16,012 cells. Refused from its
    zip directory and declared dimension, with a Dutch sentence naming the file; likewise a
    file that unpacks to more than the limit (the limit lowered to 1 MB here)."""
    wide = _workbook(tmp_path / "referrals.xlsx", "A1:WQV2000")  # WQV is column 16,012
    assert wide.stat().st_size < 1000
    with pytest.raises(FileRejected, match=r"^referrals\.xlsx: een werkblad .* 2\.000 rijen en "
                                           r"16\.012 kolommen, meer dan de grens"):
        check_excel_size(wide)
    with pytest.raises(LoadRejected, match=r"referrals\.xlsx: een werkblad"):
        load([wide], db=tmp_path / "wh.duckdb")
    tall = _workbook(tmp_path / "tall.xlsx", "A1:T1048576")  # 21 million cells
    with pytest.raises(FileRejected, match=r"20\.000\.000 cellen"):
        check_excel_size(tall)
    check_excel_size(_workbook(tmp_path / "fine.xlsx", "A1:L500000"))  # 6 million: allowed
    monkeypatch.setattr(readers, "MAX_XLSX_UNCOMPRESSED", 1_000_000)
    bomb = _workbook(tmp_path / "bomb.xlsx", "A1:B2", padding=2_000_000)
    assert bomb.stat().st_size < 10_000
    with pytest.raises(FileRejected, match=r"^bomb\.xlsx: het Excel-bestand is uitgepakt 0\.0 GB"):
        check_excel_size(bomb)


@pytest.mark.parametrize(("data", "encoding"), [
    (b"a" * 7 + "é".encode() + b"b" * 20, "utf-8"),   # é split over two chunks of 8 bytes
    (b"a" * 16 + "é".encode() + b"b" * 20, "utf-8"),  # ASCII chunks first, skipped unread
    (b"a" * 16 + "é".encode("cp1252") + b"b" * 20, "cp1252"),  # a lone 0xE9 after them
    (b"a" * 24 + "é".encode()[:1], "cp1252"),  # a character cut off at the end
    # a lead byte, then an ASCII chunk: read, not skipped (C3 A9 would be é without it)
    (b"a" * 7 + b"\xc3" + b"b" * 8 + b"\xa9" + b"c" * 7, "cp1252"),
])
def test_the_encoding_is_found_whatever_the_chunk_boundaries(tmp_path, monkeypatch, data,
                                                              encoding):
    monkeypatch.setattr(readers, "_CHUNK", 8)
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    assert readers.detect_encoding(path) == encoding
