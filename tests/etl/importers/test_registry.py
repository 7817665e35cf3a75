"""The registry: which importer takes a file, `--source` names, the CLI help, import order."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest
from typer.testing import CliRunner

from dashboard.cli.main import app
from etl.importers import IMPORTERS, importer_for, recognise
from etl.load import load


def test_each_file_goes_to_the_first_importer_that_recognises_it(tmp_path):
    cbs = tmp_path / "85701NED.csv"
    cbs.write_text('\ufeff"Geslacht";"Onderwijssoort";"Perioden";"Regiokenmerken";'
                   '"Leerlingen/studenten (aantal)"\n', encoding="utf-8")
    duo = tmp_path / "scholen20241122.geo.zip"
    with zipfile.ZipFile(duo, "w") as archive:
        archive.writestr("scholen.geo.json", json.dumps({"type": "FeatureCollection",
                                                         "features": []}))
    other_zip = tmp_path / "referrals.zip"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("readme.txt", "hallo")
    referrals = tmp_path / "referrals.csv"
    referrals.write_text("referral_id\n")
    assert list(IMPORTERS) == ["cbs-85701", "duo-scholen", "canonical"]
    assert {p.name: recognise(p).name for p in (cbs, duo, other_zip, referrals)} == {
        "85701NED.csv": "cbs-85701", "scholen20241122.geo.zip": "duo-scholen",
        "referrals.zip": "canonical", "referrals.csv": "canonical",
    }


def test_an_unknown_source_names_the_known_ones(tmp_path):
    assert importer_for("duo-scholen") is IMPORTERS["duo-scholen"]
    assert importer_for("indigo").name == "indigo"  # a shipped source profile
    with pytest.raises(ValueError, match="bekend zijn: cbs-85701, duo-scholen, canonical en de "
                                         "bronprofielen casusregister, duo-vestigingen, indigo"):
        importer_for("indgo")
    with pytest.raises(ValueError, match="Onbekende bron 'indgo'"):
        load([tmp_path], source="indgo")


def test_cli_help_lists_every_importer():
    result = CliRunner().invoke(app, ["load", "--help"])
    assert result.exit_code == 0
    help_text = " ".join(result.output.replace("│", " ").split())  # without the help box
    for importer in IMPORTERS.values():
        assert importer.name in help_text and importer.description in help_text


@pytest.mark.parametrize("module", ["etl.importers.cbs_85701", "etl.importers.duo_scholen",
                                    "etl.importers.canonical", "etl.load"])
def test_every_module_imports_first_without_a_cycle(module):
    """Imported first in a fresh interpreter (a cycle fails on a half-initialised module), and
    no importer pulls in the loader above it."""
    code = f"import sys, {module}; print('etl.load' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(module == "etl.load")
