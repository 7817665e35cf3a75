"""Encodings, delimiters, BOM, header matching and xlsx: each read to the same known rows."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
import xlsxwriter

from etl.load import LoadRejected, load
from etl.readers import detect_delimiter

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
