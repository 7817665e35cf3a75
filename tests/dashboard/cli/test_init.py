"""`pib init`: a settings file for a new Dutch or Flemish network, checked before it is written."""

from __future__ import annotations

import tomllib

from typer.testing import CliRunner

from dashboard.cli.main import app
from etl.settings import parse_settings


def _init(*args: str):
    return CliRunner().invoke(app, ["init", *args])


def test_a_flemish_network_from_names_and_codes(tmp_path):
    out = tmp_path / "pib.toml"
    result = _init("--profile", "vl", "--name", "Leersteuncentrum Oost", "--region",
                   "gent, Deinze", "--region", "71072", "--region", "Gent", "--out", str(out))
    assert result.exit_code == 0, result.output
    settings = parse_settings(tomllib.loads(out.read_text(encoding="utf-8")))
    assert settings.organisation == "Leersteuncentrum Oost"
    assert settings.terminology == "vl"
    assert settings.school_year_start == (9, 1)
    # Hasselt after its fusion with Kortessem (1 January 2025) is 71072; Gent once
    assert settings.municipalities == ("44021", "44083", "71072")
    assert '"71072",  # Hasselt' in out.read_text(encoding="utf-8")


def test_a_dutch_network_accepts_bare_and_padded_codes(tmp_path):
    out = tmp_path / "pib.toml"
    result = _init("--region", "Zwolle", "--region", "166", "--region", "GM0148",
                   "--out", str(out))
    assert result.exit_code == 0, result.output
    settings = parse_settings(tomllib.loads(out.read_text(encoding="utf-8")))
    assert (settings.terminology, settings.school_year_start) == ("nl", (8, 1))
    assert settings.municipalities == ("GM0193", "GM0166", "GM0148")


def test_the_demo_networks(tmp_path):
    for profile, first in (("nl", "GM0193"), ("vl", "44021")):
        out = tmp_path / f"{profile}.toml"
        assert _init("--profile", profile, "--demo", "--out", str(out)).exit_code == 0
        settings = parse_settings(tomllib.loads(out.read_text(encoding="utf-8")))
        assert settings.municipalities[0] == first and len(settings.municipalities) == 9


def test_refusals_are_sentences(tmp_path):
    out = tmp_path / "pib.toml"
    unknown = _init("--profile", "vl", "--region", "Gentt", "--out", str(out))
    assert unknown.exit_code == 2
    assert "Onbekende gemeente 'Gentt' voor profiel vl. Bedoelt u Gent" in unknown.output
    empty = _init("--out", str(out))
    assert empty.exit_code == 2 and "Geef de gemeenten van het netwerk met --region" in (
        " ".join(empty.output.split()))
    assert _init("--profile", "be", "--demo", "--out", str(out)).exit_code == 2
    assert not out.exists()
    out.write_text("# mijn instellingen\n", encoding="utf-8")
    exists = _init("--demo", "--out", str(out))
    assert exists.exit_code == 1 and "bestaat al" in exists.output
    assert out.read_text(encoding="utf-8") == "# mijn instellingen\n"


def test_a_name_with_quotes_stays_one_toml_string(tmp_path):
    out = tmp_path / "pib.toml"
    assert _init("--demo", "--name", 'SWV "De Brug" \\ Zuid', "--out", str(out)).exit_code == 0
    settings = parse_settings(tomllib.loads(out.read_text(encoding="utf-8")))
    assert settings.organisation == 'SWV "De Brug" \\ Zuid'
