"""`pib export --out` replaces only a report of the same format, never another file."""

from __future__ import annotations

import shutil
import stat
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dashboard import access
from dashboard.cli.main import app
from dashboard.report import ReportError, is_report, write_report


def export(out: Path, db: Path, fmt: str = "xlsx"):
    return CliRunner().invoke(app, ["export", "--report", "bestuur", "--year", "2024-2025",
                                    "--format", fmt, "--out", str(out), "--db", str(db)])


@pytest.fixture
def own_db(demo_db: Path, tmp_path: Path) -> Path:
    db = tmp_path / "wh" / "warehouse.duckdb"
    db.parent.mkdir()
    shutil.copy(demo_db, db)
    access.add_user("kim", "kwaliteit", "wachtwoord-kwaliteit", db=db)
    return db


def foreign_xlsx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("docProps/core.xml", "<dc:creator>Iemand anders</dc:creator>")
    return path


@pytest.mark.parametrize("target", ["warehouse", "access", "foreign_xlsx", "pdf_as_xlsx",
                                    "folder", "text"])
def test_export_refuses_to_replace_what_is_not_an_xlsx_report(own_db, tmp_path, target):
    out = {"warehouse": own_db, "access": access.access_path(own_db),
           "foreign_xlsx": foreign_xlsx(tmp_path / "begroting.xlsx"),
           "pdf_as_xlsx": tmp_path / "rapport.xlsx", "folder": tmp_path / "map.xlsx",
           "text": tmp_path / "notities.xlsx"}[target]
    if target == "pdf_as_xlsx":
        out.write_bytes(b"%PDF-1.4\n/Creator (Passend in Beeld)\n")
    elif target == "folder":
        out.mkdir()
    elif target == "text":
        out.write_text("mijn aantekeningen", encoding="utf-8")
    before = out.read_bytes() if out.is_file() else None
    result = export(out, own_db)
    assert result.exit_code == 1, result.output
    assert "bestaat al en is geen xlsx-rapport van Passend in Beeld" in result.stderr
    assert (out.read_bytes() if out.is_file() else None) == before


def test_a_report_replaces_its_own_kind_only_and_is_written_0640(board, tmp_path):
    out = write_report(board, "xlsx", tmp_path / "bestuur.xlsx")
    assert is_report(out, "xlsx") and not is_report(out, "pdf")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    write_report(board, "xlsx", out)  # a report of the same format: replaced
    assert is_report(out, "xlsx")
    with pytest.raises(ReportError, match="geen pdf-rapport"):
        write_report(board, "pdf", out)
    link = tmp_path / "link.xlsx"
    link.symlink_to(out)
    with pytest.raises(ReportError, match="geen xlsx-rapport"):
        write_report(board, "xlsx", link)
