"""The bad-input corpus: every case of tests/data/bad_input/cases.toml through `pib load`.

Each case starts from a warehouse holding the small valid set in base/. For every case: the CLI
exits 1 (rejected) or 0 (loaded, perhaps with quarantine) and never shows a traceback; the
message names the file, and the line and column where they apply; a rejected load leaves the
warehouse byte-for-byte as it was; quarantined rows keep their raw values; no raw pupil id
(`LLN-...`) is stored anywhere; no temporary file is left behind.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import hashlib
import io
import json
import shutil
import subprocess
import sys
import tempfile
import tomllib
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
import xlsxwriter
from typer.testing import CliRunner

from dashboard.cli.main import app
from etl.load import LoadRejected, load
from etl.readers import MAX_FIELDS, MAX_RECORD_BYTES
from tests.conftest import ROOT, TEST_DATA

DATA = TEST_DATA / "bad_input"
CASES = tomllib.loads((DATA / "cases.toml").read_text(encoding="utf-8"))["case"]
REFERRAL_HEADER = ["referral_id", "pupil_id", "municipality_code", "received_on",
                   "need_category", "request_type", "decided_on", "decision"]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def source_rows(name: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO((DATA / name).read_text(encoding="utf-8"))))


# --- recipes for input that is generated rather than committed --------------------------------

def encode(case: dict, folder: Path) -> Path:
    text = (DATA / case["source"]).read_text(encoding="utf-8")
    if "delimiter" in case:
        out = io.StringIO()
        csv.writer(out, delimiter=case["delimiter"], lineterminator="\n").writerows(
            csv.reader(io.StringIO(text)))
        text = out.getvalue()
    if "replace" in case:
        text = text.replace(*case["replace"])
    text = text.replace("\n", case.get("newline", "\n"))
    encoding = case.get("encoding", "utf-8")
    data = (codecs.BOM_UTF16_BE + text.encode("utf-16-be") if encoding == "utf-16-be-bom"
            else text.encode(encoding))
    (path := folder / case["name"]).write_bytes(data)
    return path


def undecodable(case: dict, folder: Path) -> Path:
    text = (DATA / "out_of_school_encoded.csv").read_text(encoding="utf-8")
    path = folder / "out_of_school_broken.csv"
    path.write_bytes(text.encode("cp1252").replace(b"ruzie", b"ru\x81zie"))  # 0x81: no char
    return path


def png(case: dict, folder: Path) -> Path:
    (path := folder / "referrals.csv").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(64)))
    return path


def workbook(path: Path, sheets: dict[str, list[list]]) -> Path:
    book = xlsxwriter.Workbook(path)
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name)
        for r, values in enumerate(rows):
            sheet.write_row(r, 0, values)
    book.close()
    return path


def zip_as_csv(case: dict, folder: Path) -> Path:
    xlsx = workbook(folder / "export.xlsx", {"Data": source_rows("referrals_ok_source.csv")})
    shutil.move(xlsx, path := folder / "referrals_export.csv")
    return path


def xlsx_second_sheet(case: dict, folder: Path) -> Path:
    return workbook(folder / "referrals_2024.xlsx",
                    {"Blad1": [], "Data": source_rows("referrals_ok_source.csv")})


def xlsx_other_header(case: dict, folder: Path) -> Path:
    return workbook(folder / "referrals_2024.xlsx", {
        "Toelichting": [["Toelichting", "bij de export"], ["Bron", "LVS"]],
        "Data": source_rows("referrals_ok_source.csv"),
    })


def xlsx_corrupt(case: dict, folder: Path) -> Path:
    whole = workbook(folder / "whole.xlsx", {"Data": source_rows("referrals_ok_source.csv")})
    (path := folder / "referrals_2024.xlsx").write_bytes(whole.read_bytes()[:400])
    whole.unlink()
    return path


def csv_as_xlsx(case: dict, folder: Path) -> Path:
    shutil.copyfile(DATA / "referrals_ok_source.csv", path := folder / "referrals_2024.xlsx")
    return path


def xlsx_dates(case: dict, folder: Path) -> Path:
    """Date cells (one with a time), a bare serial, an empty row, a formula whose cached value
    is empty, and a stray note two columns right of the header."""
    path = folder / "referrals_2024.xlsx"
    book = xlsxwriter.Workbook(path)
    day = book.add_format({"num_format": "dd-mm-yyyy"})
    sheet = book.add_worksheet("Aanmeldingen")
    sheet.write_row(0, 0, [*REFERRAL_HEADER, "urgent"])
    sheet.write_row(1, 0, ["X1", "LLN-4001", "GM0193"])
    sheet.write_datetime(1, 3, datetime.datetime(2024, 3, 1), day)
    sheet.write_row(1, 4, ["learning", "consultation"])
    sheet.write_datetime(1, 6, datetime.datetime(2024, 3, 20, 13, 45), day)
    sheet.write_row(1, 7, ["granted", True])
    sheet.write_row(2, 0, ["X2", "LLN-4002", "GM0193", 45352, "learning", "consultation"])
    sheet.write_row(4, 0, ["X3", "LLN-4003", "GM0193", "2024-09-02", "learning", "consultation"])
    sheet.write_formula(4, 6, "=D5+1", None, "")
    sheet.write_row(5, 0, ["X4", "LLN-4004", "GM0193", "2024-09-02", "learning", "consultation"])
    sheet.write(5, 10, "bellen")
    book.close()
    return path


def huge_line(case: dict, folder: Path) -> Path:
    """Line 3 is one byte over the limit; line 4 is fine again."""
    lines = (DATA / "out_of_school_encoded.csv").read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2] + "x" * (MAX_RECORD_BYTES + 1 - len(lines[2].encode()))
    lines.append("E13,LLN-1103,GM0193,exemption,2024-11-01,,ziekte")
    (path := folder / "out_of_school_huge.csv").write_text("\n".join(lines) + "\n")
    return path


def wide_line(case: dict, folder: Path) -> Path:
    """Line 3 has MAX_FIELDS + 1 fields: short in bytes, absurd in columns."""
    lines = (DATA / "out_of_school_encoded.csv").read_text(encoding="utf-8").splitlines()
    lines[2] += "," * MAX_FIELDS
    (path := folder / "out_of_school_wide.csv").write_text("\n".join(lines) + "\n")
    return path


MAKERS: dict[str, Callable[[dict, Path], Path]] = {
    f.__name__: f for f in (encode, undecodable, png, zip_as_csv, xlsx_second_sheet,
                            xlsx_other_header, xlsx_corrupt, csv_as_xlsx, xlsx_dates, huge_line,
                            wide_line)
}


# --- fixtures ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def base_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse with base/ loaded once per module, under the test key."""
    home = tmp_path_factory.mktemp("base")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PIB_DB", str(home / "warehouse.duckdb"))
        env.setenv("PIB_SECRET", "test-secret-key-of-at-least-32-bytes")
        env.setenv("PIB_CONFIG", str(ROOT / "pib.toml"))
        load([DATA / "base"])
    return home / "warehouse.duckdb"


@pytest.fixture
def base(warehouse: Path, base_template: Path) -> Path:
    shutil.copyfile(base_template, warehouse)
    return warehouse


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder the loader uses, so leftovers can be seen."""
    folder = tmp_path / "systemp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def pib_load(target: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["load", str(target)], env={"COLUMNS": "1000"})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, " ".join(result.output.split())


def plain(value: object) -> object:
    return "null" if value is None else value


def varchar_values(con: duckdb.DuckDBPyConnection) -> str:
    columns = con.execute("select table_name, column_name from information_schema.columns "
                          "where data_type = 'VARCHAR'").fetchall()
    return " ".join(str(v) for t, c in columns
                    for (v,) in con.execute(f'select distinct "{c}" from "{t}"').fetchall())


# --- the corpus -------------------------------------------------------------------------------

def test_the_corpus_is_big_enough_and_every_case_is_well_formed():
    assert len(CASES) >= 30
    assert len({c["id"] for c in CASES}) == len(CASES)
    for case in CASES:
        assert ("file" in case) != ("make" in case), case["id"]
        assert case["outcome"] in ("load", "quarantine", "reject"), case["id"]
        assert ("message" in case) == (case["outcome"] == "reject"), case["id"]
        assert bool(case.get("quarantine")) == (case["outcome"] == "quarantine"), case["id"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict, base: Path, tmp_path: Path, private_tmp: Path):
    if "make" in case:
        (folder := tmp_path / "input").mkdir()
        target = MAKERS[case["make"]](case, folder)
    else:
        target = DATA / case["file"]
    before = sha256(base)
    code, out = pib_load(target)

    assert "Traceback" not in out
    assert list(private_tmp.iterdir()) == []
    assert [p.name for p in base.parent.iterdir() if "warehouse" in p.name
            and p.name not in ("warehouse.duckdb", "warehouse.duckdb.lock")] == []
    if case["outcome"] == "reject":
        assert code == 1, out
        assert "Lading afgekeurd, het warehouse is niet gewijzigd: " in out
        assert case["message"] in out, out
        assert sha256(base) == before
        return

    assert code == 0, out
    con = duckdb.connect(str(base), read_only=True)
    try:
        logs = con.execute("select file, rows_read, rows_loaded, rows_quarantined, outcome "
                           "from load_log where load_id > 3 order by load_id").fetchall()
        assert logs, "every file of a load is in load_log"
        assert all(read == loaded + held and outcome == "ok"
                   for _, read, loaded, held, outcome in logs), logs
        assert sum(row[2] for row in logs) == case["loaded"]
        held = con.execute("select source_file, line, column_name, reason, raw_values "
                           "from quarantine where load_id > 3 order by line").fetchall()
        expected = case.get("quarantine", [])
        assert [(line, column) for _, line, column, _, _ in held] == [
            (line, column) for line, column, _ in expected]
        for (file, line, _, reason, raw), (_, _, fragment) in zip(held, expected, strict=True):
            assert fragment in reason
            assert f"{file}, regel {line}, {fragment}" in out  # the summary names them too
            assert json.loads(raw)  # the raw values are kept, as text
        if "sql" in case:
            got = [[plain(v) for v in row] for row in con.execute(case["sql"]).fetchall()]
            assert got == case["rows"]
        assert "LLN-" not in varchar_values(con)
    finally:
        con.close()
    assert b"LLN-" not in base.read_bytes()
    for warning in case.get("warnings", []):
        assert f"Let op: {warning}" in out, out


# --- what the table cannot say ----------------------------------------------------------------

def test_huge_line_is_rejected_without_reading_the_file_into_memory(base, tmp_path):
    """A 48 MiB line (stand-in for 1 GB) is rejected after the first chunk: the Python heap
    never holds more than a fraction of it, and the message names the line."""
    path = tmp_path / "referrals.csv"
    with open(path, "wb") as fh:
        fh.write((",".join(REFERRAL_HEADER) + "\nR1,LLN-1,GM0193,").encode())
        block = b"x" * (1 << 20)
        for _ in range(48):
            fh.write(block)
    before = sha256(base)
    tracemalloc.start()
    try:
        with pytest.raises(LoadRejected, match=r"referrals.csv, regel 2: deze regel is langer "
                                               r"dan 1 MiB"):
            load([path])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 24 << 20, f"peak {peak / 2**20:.0f} MiB"
    assert sha256(base) == before


def test_an_unterminated_quote_in_a_big_file_is_named_not_read_to_the_end(base, tmp_path):
    path = tmp_path / "out_of_school.csv"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("episode_id,pupil_id,municipality_code,kind,started_on,ended_on,reason\n")
        fh.write('E1,LLN-1,GM0193,exemption,2024-11-01,,"ziek\n')
        fh.writelines(f"E{i},LLN-{i},GM0193,exemption,2024-11-01,,ziek\n"
                      for i in range(2, 60_000))
    with pytest.raises(LoadRejected) as caught:
        load([path])
    assert ("out_of_school.csv, regel 2: deze regel is langer dan 1 MiB" in str(caught.value)
            and "het aanhalingsteken op regel 2, kolom reason, wordt niet gesloten"
            in str(caught.value))


def test_line_numbers_stay_right_after_multiline_values_across_batches(base, tmp_path):
    """Records spanning lines shift every later line number, also in later batches."""
    path = tmp_path / "out_of_school.csv"
    rows = ["episode_id,pupil_id,municipality_code,kind,started_on,ended_on,reason"]
    for i in range(1, 40):
        note = '"twee\nregels"' if i % 3 == 0 else "kort"
        ended = "2024-10-01" if i % 10 == 0 else ""
        rows.append(f"E{i},LLN-{i},GM0193,exemption,2024-11-01,{ended},{note}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    report = load([path], batch_size=7)
    assert report.files[0].rows_quarantined == 3
    con = duckdb.connect(str(base), read_only=True)
    try:
        held = con.execute("select line from quarantine where load_id > 3 order by 1").fetchall()
        lines = con.execute("select episode_id, source_line from out_of_school "
                            "where episode_id in ('E3', 'E4', 'E39')").fetchall()
    finally:
        con.close()
    text = path.read_text(encoding="utf-8").split("\n")
    for (line,) in held:  # the line named is the line the row starts on
        assert text[line - 1].startswith("E") and text[line - 1].split(",")[0] in (
            "E10", "E20", "E30")
    assert sorted(lines) == [("E3", 4), ("E39", 52), ("E4", 6)]


def test_strict_rejects_a_corpus_file_with_quarantine_and_changes_nothing(base):
    before = sha256(base)
    with pytest.raises(LoadRejected, match=r"--strict: 2 rij\(en\) afgekeurd"):
        load([DATA / "referrals_duplicate_keys.csv"], strict=True)
    assert sha256(base) == before


def test_the_real_pib_command_exits_1_without_a_traceback(base, tmp_path):
    """The installed entry point too (the table runs the same Typer app in-process)."""
    png(None, tmp_path)
    pib = str(Path(sys.executable).with_name("pib"))
    for target, code in ((DATA / "out_of_school_unterminated_quote.csv", 1),
                         (tmp_path / "referrals.csv", 1),
                         (DATA / "referrals_impossible_date.csv", 0)):
        result = subprocess.run([pib, "load", str(target)], capture_output=True, text=True,
                                timeout=120)
        assert result.returncode == code, result.stderr
        assert "Traceback" not in result.stderr + result.stdout
        assert target.name in result.stderr + result.stdout
