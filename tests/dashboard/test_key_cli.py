"""`pib key show`: the key's source and fingerprint, and whether the warehouse was built with it."""

from __future__ import annotations

import hashlib
import hmac

from typer.testing import CliRunner

from dashboard.cli.main import app
from etl.load import load

HEADER = "school_id,name,sector,municipality_code,postcode4,in_region\n"
KEY = "test-secret-key-of-at-least-32-bytes"  # as tests/conftest.py sets PIB_SECRET


def test_key_show_names_the_source_and_the_fingerprint_never_the_key(warehouse, tmp_path,
                                                                      monkeypatch):
    fingerprint = hmac.new(KEY.encode(), b"passend-in-beeld pseudonym key fingerprint",
                           hashlib.sha256).hexdigest()[:16]
    result = CliRunner().invoke(app, ["key", "show"])
    assert result.exit_code == 0, result.output
    assert f"Sleutel uit: PIB_SECRET\nVingerafdruk: {fingerprint}\n" in result.stdout
    assert "nog geen sleutel vastgelegd" in result.stdout and KEY not in result.stdout
    (tmp_path / "schools.csv").write_text(f"{HEADER}S1,De Es,po,GM0193,8011,true\n",
                                          encoding="utf-8")
    load([tmp_path / "schools.csv"])
    result = CliRunner().invoke(app, ["key", "show"])
    assert result.exit_code == 0 and f"gebouwd met vingerafdruk {fingerprint}" in result.stdout
    monkeypatch.setenv("PIB_SECRET", "een-heel-andere-sleutel-van-32-bytes-of-meer")
    result = CliRunner().invoke(app, ["key", "show"])
    assert result.exit_code == 1 and "pib load zal weigeren" in result.stderr
    monkeypatch.setenv("PIB_SECRET", "kort")
    result = CliRunner().invoke(app, ["key", "show"])
    assert result.exit_code == 1 and "4 bytes lang" in result.stderr
