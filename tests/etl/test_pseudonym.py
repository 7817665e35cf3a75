"""The keyed pseudonym is a real HMAC-SHA256, stable per key and different across keys."""

from __future__ import annotations

import hashlib
import hmac
import os
import stat

import polars as pl
import pytest

from etl.load import load
from etl.pseudonym import PSEUDONYM_LENGTH, KeyProblem, Pseudonymiser, key_file, secret_key


def test_pseudonym_is_hmac_sha256_of_the_trimmed_id():
    frame = pl.DataFrame({"pupil_id": [" P-001 ", "P-001", None, ""], "other": [1, 2, 3, 4]})
    out = Pseudonymiser(b"k3y").apply(frame, ["pupil_id"])
    expected = hmac.new(b"k3y", b"P-001", hashlib.sha256).hexdigest()[:PSEUDONYM_LENGTH]
    assert out["pupil_id"].to_list() == [expected, expected, None, None]
    assert out["other"].to_list() == [1, 2, 3, 4]


def test_another_key_gives_another_pseudonym():
    frame = pl.DataFrame({"pupil_id": ["P-001"]})
    a = Pseudonymiser(b"one").apply(frame, ["pupil_id"])
    b = Pseudonymiser(b"two").apply(frame, ["pupil_id"])
    assert a["pupil_id"][0] != b["pupil_id"][0]


def test_key_is_generated_once_with_mode_0600_outside_the_warehouse_folder(monkeypatch,
                                                                           warehouse):
    monkeypatch.delenv("PIB_SECRET")
    first = secret_key()
    assert secret_key() == first and len(first) == 64
    path = key_file()
    assert path == warehouse.parent / "config" / "passend-in-beeld" / "secret"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert not (warehouse.parent / ".secret").exists()
    assert not any(p.name == "secret" for p in warehouse.parent.iterdir())


def test_a_key_file_others_may_read_is_refused(monkeypatch, warehouse):
    monkeypatch.delenv("PIB_SECRET")
    secret_key()
    key_file().chmod(0o644)
    with pytest.raises(KeyProblem, match=r"leesbaar voor anderen \(modus 644\).*chmod 600"):
        secret_key()


def test_an_old_key_file_beside_the_warehouse_is_moved_out(monkeypatch, warehouse):
    monkeypatch.delenv("PIB_SECRET")
    old = warehouse.parent / ".secret"
    old.write_text("a" * 64, encoding="ascii")
    old.chmod(0o600)
    assert secret_key() == b"a" * 64
    assert not old.exists() and key_file().read_text() == "a" * 64


def test_short_keys_are_refused_and_long_keys_hashed_down_as_hmac_does(monkeypatch):
    monkeypatch.setenv("PIB_SECRET", "x")
    with pytest.raises(KeyProblem, match=r"1 bytes lang.*minstens 32 bytes"):
        secret_key()
    long_key = "sleutel-" * 40  # 320 bytes
    monkeypatch.setenv("PIB_SECRET", long_key)
    key = secret_key()
    frame = pl.DataFrame({"pupil_id": ["P-001"]})
    expected = hmac.new(key, b"P-001", hashlib.sha256).hexdigest()[:PSEUDONYM_LENGTH]
    assert Pseudonymiser(key).apply(frame, ["pupil_id"])["pupil_id"][0] == expected


HEADER = "school_id,name,sector,municipality_code,postcode4,in_region\n"


def test_a_load_under_another_key_is_refused_and_changes_nothing(monkeypatch, warehouse,
                                                                 tmp_path):
    (tmp_path / "schools.csv").write_text(
        f"{HEADER}S1,De Es,po,GM0193,8011,true\n",
        encoding="utf-8")
    load([tmp_path / "schools.csv"])
    before = warehouse.read_bytes()
    (tmp_path / "schools2.csv").write_text(
        f"{HEADER}S2,De Eik,po,GM0193,8012,true\n",
        encoding="utf-8")
    monkeypatch.setenv("PIB_SECRET", "een-heel-andere-sleutel-van-32-bytes-of-meer")
    with pytest.raises(KeyProblem, match=r"andere pseudonimiseringssleutel.*niets gewijzigd"):
        load([tmp_path / "schools2.csv"])
    assert warehouse.read_bytes() == before


def test_a_key_with_letters_outside_ascii_gives_the_hmac_of_its_utf8_bytes():
    key = "sleutel-één-twee-drie-vier-vijf-zes".encode()
    frame = pl.DataFrame({"pupil_id": ["P-001"]})
    expected = hmac.new(key, b"P-001", hashlib.sha256).hexdigest()[:PSEUDONYM_LENGTH]
    assert Pseudonymiser(key).apply(frame, ["pupil_id"])["pupil_id"][0] == expected


def test_a_key_that_is_not_text_is_refused():
    with pytest.raises(KeyProblem, match="geen tekst"):
        Pseudonymiser(b"\xff" * 40)
