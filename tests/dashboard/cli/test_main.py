"""`pib` exit codes and messages: 0 success, 1 input rejected, 2 usage; never a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import TEST_DATA

PIB = str(Path(sys.executable).with_name("pib"))


def pib(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([PIB, *args], capture_output=True, text=True, timeout=120)


def test_load_success_prints_a_summary(tmp_path):
    shutil.copy(TEST_DATA / "load" / "referrals_bad_rows.csv", tmp_path / "referrals.csv")
    result = pib("load", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "referrals.csv" in result.stdout and "8 rij(en) in quarantaine" in result.stdout
    assert "referrals.csv, regel 5, received_on: geen geldige datum" in result.stdout


def test_rejected_load_exits_1_with_a_sentence_naming_the_file(tmp_path, warehouse):
    shutil.copy(TEST_DATA / "load" / "referrals_missing_column.csv", tmp_path)
    result = pib("load", str(tmp_path / "referrals_missing_column.csv"))
    assert result.returncode == 1
    assert "referrals_missing_column.csv: verplichte kolom ontbreekt" in result.stderr
    assert "Traceback" not in result.stderr and not warehouse.exists()


def test_usage_errors_exit_2():
    assert pib("load").returncode == 2
    assert pib("load", "x.csv", "--no-such-option").returncode == 2
    result = pib("load", "x.csv", "--source", "unknown-export")
    assert result.returncode == 2 and "Onbekende bron" in result.stderr


def test_a_warehouse_held_by_another_program_is_named_by_load_query_and_export(tmp_path):
    db = tmp_path / "wh.duckdb"
    shutil.copy(TEST_DATA / "load" / "referrals_bad_rows.csv", tmp_path / "referrals.csv")
    assert pib("load", str(tmp_path / "referrals.csv"), "--db", str(db)).returncode == 0
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db)!r}); "
                               "print('open', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        for args in (("load", str(tmp_path / "referrals.csv")), ("query", "waiting_times"),
                     ("export", "--report", "bestuur", "--year", "2024-2025", "--format",
                      "xlsx", "--out", str(tmp_path / "b.xlsx"))):
            result = pib(*args, "--db", str(db))
            assert result.returncode == 1, args
            assert f"Het warehouse {db} is vergrendeld door een ander programma" in " ".join(
                result.stderr.split()), args
            assert "Traceback" not in result.stderr
    finally:
        holder.kill()
        holder.wait()


def test_an_unknown_key_in_pib_toml_exits_2_naming_it(isolated_env):
    config = isolated_env / "pib.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "achieved_share =", "achieved_shar ="), encoding="utf-8")
    result = pib("query", "kpi_headline")
    assert result.returncode == 2
    assert f"{config}: onbekende sleutel 'achieved_shar' onder [targets]" in result.stderr
    assert "Traceback" not in result.stderr
