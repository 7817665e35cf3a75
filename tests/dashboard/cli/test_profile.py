"""`pib profile init|check`: Dutch messages, exit codes 0/1/2, and a dry run changes nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import TEST_DATA

PIB = str(Path(sys.executable).with_name("pib"))
DATA = TEST_DATA / "profiles"


def pib(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([PIB, *args], capture_output=True, text=True, timeout=120)


def test_check_reports_what_would_load_and_why_rows_would_be_quarantined(warehouse):
    result = pib("profile", "check", "indigo", str(DATA / "indigo_pos_export_povo.csv"),
                 str(DATA / "indigo_verzuim_povo.csv"))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert ("indigo_pos_export_povo.csv: indeling 1 van profiel indigo (referrals, kopregel op "
            "rij 1); 6 rij(en) gelezen, 4 om te laden, 1 in quarantaine.") in out
    assert ("quarantaine: indigo_pos_export_povo.csv, regel 6, request_type: waarde "
            "'Herindicatie' in kolom aanvraagtype heeft geen vertaling in profiel indigo.") in out
    assert "indigo_verzuim_povo.csv: 1 rij(en) overgeslagen: kolom thuiszitter is 'Nee'." in out
    assert "Proefdraai: er is niets geladen of gewijzigd." in out
    assert not warehouse.exists()


def test_check_exits_1_for_a_file_that_fits_no_layout(tmp_path):
    other = tmp_path / "export.csv"
    other.write_text("a;b\n1;2\n", encoding="utf-8")
    result = pib("profile", "check", "duo-vestigingen", str(other))
    assert result.returncode == 1
    assert result.stderr.startswith("Afgekeurd: export.csv: past bij geen indeling van profiel "
                                    "duo-vestigingen")
    assert "Traceback" not in result.stderr


def test_unknown_or_invalid_profiles_exit_2(tmp_path):
    result = pib("profile", "check", "magister", str(DATA / "indigo_verzuim_povo.csv"))
    assert result.returncode == 2 and "Onbekend bronprofiel 'magister'" in result.stderr
    bad = tmp_path / "mijn.toml"
    bad.write_text('[[files]]\nentity = "referrals"\nkolommen = {}\n', encoding="utf-8")
    result = pib("profile", "check", str(bad), str(DATA / "indigo_verzuim_povo.csv"))
    assert result.returncode == 2
    assert f"Profiel {bad}: [[files]] nr. 1: onbekende sleutel 'kolommen'" in result.stderr
    result = pib("profile", "init", str(DATA / "indigo_verzuim_povo.csv"), "--entity", "x")
    assert result.returncode == 2 and "Onbekende entiteit 'x'" in result.stderr


def test_init_writes_a_draft_that_check_accepts_once_completed(tmp_path):
    out = tmp_path / "verzuim.toml"
    source = str(DATA / "indigo_verzuim_povo.csv")
    result = pib("profile", "init", source, "--entity", "out_of_school", "--out", str(out))
    assert result.returncode == 0, result.stderr
    draft = out.read_text(encoding="utf-8")
    assert 'started_on = "verzuim_sinds"' in draft and 'ended_on = "einde_verzuim"' in draft
    assert "# VERPLICHT, niet gevonden:" in draft
    assert pib("profile", "init", source, "--entity", "out_of_school", "--out",
               str(out)).returncode == 1  # never overwrites
    done = draft + ('\n[files.constants]\nkind = "long_relative_absence"\n'
                    'municipality_code = "unknown"\n'
                    '[files.derive]\npupil_id = { value = "melding_nummer" }\n')
    out.write_text(done, encoding="utf-8")
    result = pib("profile", "check", str(out), source)
    assert result.returncode == 0, result.stderr
    assert "5 rij(en) gelezen, 5 om te laden, 0 in quarantaine." in result.stdout
