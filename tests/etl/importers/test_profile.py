"""`pib load --source PROFILE`: an export read through a source profile, loaded as canonical."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl.load import LoadRejected, load
from tests.conftest import TEST_DATA

DATA = TEST_DATA / "profiles"


def _rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect()
    con.execute("attach ? as wh (read_only)", [str(db)])
    con.execute("use wh")
    return con.execute(sql).fetchall()


def test_an_indigo_inspection_report_loads_as_referrals(tmp_path, monkeypatch):
    monkeypatch.setenv("PIB_SECRET", "profile-test-secret-0123456789abcdef")
    db = tmp_path / "wh.duckdb"
    report = load([DATA / "indigo_inspectierapportage_povo.csv"], db=db, source="indigo")
    [file] = report.files
    # 8 rows after the header: 4 load, 1 lacks a receipt date (undecided), 1 has a type the
    # profile does not translate, 1 empty row and 1 totals row are dropped and counted
    assert (file.rows_read, file.rows_loaded, file.rows_quarantined) == (8, 4, 2)
    assert "1 rij(en) overgeslagen: totaal- of voetregel" in file.summary()
    assert _rows(db, "select request_type, received_on::varchar, complete_on::varchar, "
                     "decided_on::varchar, decision, municipality_code, need_category "
                     "from referrals order by received_on") == [
        ("admission_so", "2024-09-02", "2024-09-16", "2024-10-14", "granted", "unknown",
         "unknown"),
        ("admission_sbo", "2024-10-16", "2024-10-26", "2024-11-20", "rejected", "unknown",
         "unknown"),
        ("admission_vso", "2024-11-26", "2024-11-26", "2024-12-03", "withdrawn", "unknown",
         "unknown"),
        ("arrangement", "2025-01-20", "2025-01-25", "2025-02-10", "granted", "unknown",
         "unknown"),
    ]
    # the dossier number stands in for the pupil: pseudonymised, in the key too
    ids = _rows(db, "select pupil_id, referral_id from referrals")
    assert all("D-20" not in pupil and "D-20" not in ref for pupil, ref in ids)
    assert _rows(db, "select line, reason from quarantine order by line") == [
        (7, "received_on: verplichte waarde ontbreekt"),
        (9, "request_type: waarde 'Herindicatie' in kolom soort heeft geen vertaling in "
            "profiel indigo"),
    ]
    assert "D-2025" not in str(_rows(db, "select raw_values from quarantine"))
    assert _rows(db, "select source, rows_read, rows_loaded, rows_quarantined from load_log") \
        == [("indigo", 8, 4, 2)]
    again = load([DATA / "indigo_inspectierapportage_povo.csv"], db=db, source="indigo")
    assert again.files[0].skipped


def test_the_duo_file_with_the_duo_profile(tmp_path, monkeypatch):
    monkeypatch.setenv("PIB_SECRET", "profile-test-secret-0123456789abcdef")
    db = tmp_path / "wh.duckdb"
    load([DATA / "09.-alle-vestigingen-sbo-so-en-vso.csv"], db=db, source="duo-vestigingen")
    schools = dict((s, (sector, gm)) for s, sector, gm in _rows(
        db, "select school_id, sector, municipality_code from schools"))
    assert schools["30EF00"] == ("so", "GM0034")  # (V)SO counts as so, 0034 -> GM0034
    assert schools["14AA00"] == ("sbo", "GM0034")  # SBAO; GEMEENTENUMMER 34 zero-padded


def test_a_file_that_fits_no_layout_rejects_the_load_and_changes_nothing(tmp_path):
    db = tmp_path / "wh.duckdb"
    with pytest.raises(LoadRejected, match="past bij geen indeling van profiel indigo"):
        load([DATA / "09.-alle-vestigingen-sbo-so-en-vso.csv"], db=db, source="indigo")
    assert not db.exists()


def test_an_unknown_source_names_the_sources_and_profiles(tmp_path):
    with pytest.raises(ValueError, match=r"Onbekende bron 'indgo'.*duo-vestigingen, indigo"):
        load([DATA / "indigo_pos_export_povo.csv"], db=tmp_path / "wh.duckdb", source="indgo")


def test_a_users_profile_with_match_globs_is_recognised_without_source(
        tmp_path, monkeypatch):
    """A quality officer's own profile in profiles/ beside pib.toml, for a layout nobody has
    seen, picks its files by name."""
    monkeypatch.setenv("PIB_SECRET", "profile-test-secret-0123456789abcdef")
    config = tmp_path / "pib.toml"
    config.write_text("", encoding="utf-8")
    monkeypatch.setenv("PIB_CONFIG", str(config))
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "scholenlijst.toml").write_text('''
[[files]]
entity = "schools"
match = ["*scholenlijst*"]

[files.columns]
school_id = "Code"
name = "Naam"
sector = "Soort"
municipality_code = "Gemeente"

[files.values.sector]
"Basisschool" = "po"
"Speciaal basisonderwijs" = "sbo"
''', encoding="utf-8")
    export = tmp_path / "Export scholenlijst november.csv"
    export.write_text("Code;Naam;Soort;Gemeente\nA1;De Wilg;Basisschool;GM0193\n"
                      "A2;De Es;Speciaal basisonderwijs;GM0193\nA3;De Eik;Kindcentrum;GM0193\n",
                      encoding="utf-8")
    db = tmp_path / "wh.duckdb"
    report = load([export], db=db)
    assert (report.files[0].rows_loaded, report.files[0].rows_quarantined) == (2, 1)
    assert _rows(db, "select school_id, sector from schools order by 1") == [
        ("A1", "po"), ("A2", "sbo")]
    assert _rows(db, "select source from load_log") == [("scholenlijst",)]
