"""`pib export`: exit codes (0 ok, 1 cannot, 2 usage), the written file and the audit entry."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from dashboard.cli.main import app

PIB = str(Path(sys.executable).with_name("pib"))


@pytest.fixture
def own_db(demo_db: Path, tmp_path: Path) -> Path:
    """A copy of the demo warehouse: the export writes an audit file beside it."""
    db = tmp_path / "wh" / "warehouse.duckdb"
    db.parent.mkdir()
    shutil.copy(demo_db, db)
    return db


def test_export_xlsx_exits_0_and_is_audited(own_db, report_year, tmp_path, monkeypatch):
    monkeypatch.setenv("USER", "inspecteur-test")
    out = tmp_path / "inspectie.xlsx"
    result = subprocess.run(
        [PIB, "export", "--report", "inspectie", "--year", report_year, "--format", "xlsx",
         "--out", str(out), "--role", "kwaliteit", "--db", str(own_db)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Rapport geschreven" in result.stdout and "rol bestuur" in result.stdout
    assert openpyxl.load_workbook(out).sheetnames[0] == "Voorblad"
    from dashboard.access import audit_log

    _at, user, role, action, detail = audit_log(db=own_db)[0]
    assert (user, role, action) == ("inspecteur-test", "kwaliteit", "export")
    assert detail == (f"rapport inspectie, schooljaar {report_year}, formaat xlsx, "
                      f"bestand inspectie.xlsx")


@pytest.mark.parametrize(("args", "message"), [
    (["--report", "jaarverslag"], "Onbekend rapport 'jaarverslag'"),
    (["--year", "2024-2026"], "Ongeldig schooljaar '2024-2026'"),
    (["--year", "2024"], "Ongeldig schooljaar '2024'"),
    (["--format", "docx"], "Onbekend formaat 'docx'"),
    (["--role", "admin"], "Onbekende rol 'admin'"),
])
def test_usage_errors_exit_2(args, message, own_db, tmp_path):
    base = {"--report": "bestuur", "--year": "2024-2025", "--format": "xlsx",
            "--out": str(tmp_path / "x.xlsx"), "--db": str(own_db)}
    base.update(dict(zip(args[::2], args[1::2], strict=True)))
    result = CliRunner().invoke(app, ["export", *[x for kv in base.items() for x in kv]])
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_missing_option_exits_2(tmp_path):
    result = CliRunner().invoke(app, ["export", "--report", "bestuur", "--format", "xlsx",
                                      "--out", str(tmp_path / "x.xlsx")])
    assert result.exit_code == 2


def test_cannot_export_exits_1(own_db, tmp_path, monkeypatch):
    result = CliRunner().invoke(app, [
        "export", "--report", "bestuur", "--year", "2024-2025", "--format", "xlsx",
        "--out", str(tmp_path / "x.xlsx"), "--db", str(tmp_path / "geen.duckdb")])
    assert result.exit_code == 1 and "Er is geen warehouse" in result.stderr
    result = CliRunner().invoke(app, [
        "export", "--report", "bestuur", "--year", "2040-2041", "--format", "xlsx",
        "--out", str(tmp_path / "x.xlsx"), "--db", str(own_db)])
    assert result.exit_code == 1 and "geen gegevens" in result.stderr
    result = CliRunner().invoke(app, [
        "export", "--report", "bestuur", "--year", "2024-2025", "--format", "xlsx",
        "--out", str(tmp_path / "geen-map" / "x.xlsx"), "--db", str(own_db)])
    assert result.exit_code == 1 and "bestaat niet" in result.stderr
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "geen-chromium"))
    result = CliRunner().invoke(app, [
        "export", "--report", "bestuur", "--year", "2024-2025", "--format", "pdf",
        "--out", str(tmp_path / "x.pdf"), "--db", str(own_db)])
    assert result.exit_code == 1 and "Chromium" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_export_as_school_refuses_in_a_plain_sentence(own_db, report_year, tmp_path):
    out = tmp_path / "school.xlsx"
    result = CliRunner().invoke(app, [
        "export", "--report", "inspectie", "--year", report_year, "--format", "xlsx",
        "--out", str(out), "--role", "school", "--db", str(own_db)])
    assert result.exit_code == 2
    assert ("Een rapport beschrijft het hele samenwerkingsverband; de rol school ziet alleen de "
            "eigen scholen en kan geen rapport exporteren. Exporteer als bestuur, kwaliteit, "
            "beheer.") in " ".join(result.output.split())
    assert "Traceback" not in result.output
    assert not out.exists()
