"""The keyed pseudonym is a real HMAC-SHA256, stable per key and different across keys."""

from __future__ import annotations

import hashlib
import hmac
import os
import stat

import polars as pl

from etl.pseudonym import PSEUDONYM_LENGTH, Pseudonymiser, secret_key


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


def test_key_is_generated_once_with_mode_0600(monkeypatch, warehouse):
    monkeypatch.delenv("PIB_SECRET")
    first = secret_key()
    assert secret_key() == first and len(first) == 64
    mode = stat.S_IMODE(os.stat(warehouse.parent / ".secret").st_mode)
    assert mode == 0o600
