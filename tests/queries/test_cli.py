"""`pib query NAME`: csv and json on stdout, plain sentences and exit 2 for usage errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import polars as pl
from typer.testing import CliRunner

from dashboard.cli.main import app
from tests.queries.conftest import expect

runner = CliRunner()


def pib_query(*args: str):
    return runner.invoke(app, ["query", *args])


def test_csv_has_a_header_empty_nulls_and_unrounded_floats(kpi_db):
    result = pib_query("waiting_times", "--db", str(kpi_db))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "school_year,need_category,decided,median_days,p90_days,within_norm_share"
    assert lines[1].startswith("2023-2024,behaviour,4,29.5,55.5")  # 55.50000000000001: unrounded
    expect(pl.read_csv(io.StringIO(result.stdout)), [
        ("2023-2024", "behaviour", 4, 29.5, 55.5, 0.5),
        ("2023-2024", "communication", 2, 50.0, 56.4, 0.5),
        ("2023-2024", "learning", 5, 30.0, 46.8, 0.8),
        ("2024-2025", "learning", 2, 35.0, 40.6, 1.0),
    ])
    result = pib_query("coverage", "--db", str(kpi_db), "--param", "school_year=2023-2024")
    assert result.stdout.splitlines()[3] == "GM0166,psychiatric,0,4,0,"
    assert result.stdout.splitlines()[5] == "GM0193,learning,3,5,0,1.6666666666666667"


def test_csv_for_bestuur_has_true_false_and_empty_cells(kpi_db):
    result = pib_query("waiting_times", "--db", str(kpi_db), "--role", "bestuur")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].endswith(",within_norm_share,suppressed")
    assert lines[1] == "2023-2024,behaviour,,,,,true"
    assert lines[3] == "2023-2024,learning,5,30.0,46.8,0.8,false"


def test_json_is_a_list_of_objects_with_typed_values(kpi_db):
    result = pib_query("open_referrals", "--db", str(kpi_db), "--param", "as_of=2020-01-01",
                       "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [
        {"open_total": 0, "open_over_6_weeks": 0, "open_over_10_weeks": 0, "oldest_days": None},
    ]
    result = pib_query("waiting_monthly", "--db", str(kpi_db), "--format", "json",
                       "--param", "school_year=2024-2025")
    assert json.loads(result.stdout)[0] == {
        "month": "2024-08-01", "school_year": "2024-2025", "decided": 1, "median_days": 28.0,
        "p90_days": 28.0, "within_norm_share": 1.0,
    }


def test_usage_errors_exit_2_with_a_sentence(kpi_db):
    cases = [
        (["nope"], "onbekende query 'nope'"),
        (["open_referrals", "--param", "as_of=2024-13-01"],
         "ongeldige datum voor as_of: '2024-13-01'"),
        (["open_referrals"], "as_of is verplicht"),
        (["open_referrals", "--param", "as_of"], "gebruik --param KEY=VALUE"),
        (["open_referrals", "--param", "as_of=2024-01-01", "--param", "as_of=2024-02-01"],
         "meer dan eens"),
        (["waiting_times", "--param", "role=kwaliteit", "--role", "bestuur"],
         "onbekende parameter 'role'"),
        (["waiting_times", "--role", "admin"], "onbekende rol 'admin'"),
        (["waiting_times", "--format", "xml"], "kies csv of json"),
    ]
    for args, message in cases:
        result = pib_query(*args, "--db", str(kpi_db))
        assert result.exit_code == 2, args
        assert message in result.stderr, (args, result.stderr)
        assert result.stdout == "" and "Traceback" not in result.stderr


def test_the_installed_script(kpi_db):
    pib = str(Path(sys.executable).with_name("pib"))
    done = subprocess.run([pib, "query", "admissions", "--db", str(kpi_db), "--role", "bestuur"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[:2] == [
        "school_year,request_type,granted,per_1000_pupils,suppressed",
        "2023-2024,admission_sbo,,,true",
    ]
    bad = subprocess.run([pib, "query", "coverage", "--db", str(kpi_db)], capture_output=True,
                         text=True, timeout=60)
    assert bad.returncode == 2 and "school_year is verplicht" in bad.stderr


def test_an_unreadable_warehouse_is_a_sentence_and_exit_1(tmp_path):
    broken = tmp_path / "broken.duckdb"
    broken.write_text("not a warehouse")
    result = pib_query("table_counts", "--db", str(broken))
    assert result.exit_code == 1
    assert "kan niet worden geopend" in result.stderr and "Traceback" not in result.stderr
