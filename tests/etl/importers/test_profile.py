"""`pib load --source PROFILE`: an export read through a source profile, loaded as canonical."""

from __future__ import annotations

import hashlib
import hmac
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


SECRET = "profile-test-secret-0123456789abcdef"


def _pseudonym(pupil: str) -> str:
    return hmac.new(SECRET.encode(), pupil.encode(), hashlib.sha256).hexdigest()[:24]


def test_a_key_from_the_pupil_number_is_led_by_the_pupils_pseudonym(tmp_path, monkeypatch):
    # the pos export has no request number: the key is pupil number + request date + request
    # type. The loader puts the pupil's pseudonym (one HMAC) before the date and type as read,
    # which the row holds anyway, instead of pseudonymising the whole key (a second HMAC)
    monkeypatch.setenv("PIB_SECRET", SECRET)
    db = tmp_path / "wh.duckdb"
    load([DATA / "indigo_pos_export_povo.csv"], db=db, source="indigo")
    assert _rows(db, "select referral_id, pupil_id from referrals order by source_line") == [
        (f"{_pseudonym('100234')}|02-09-2024|TLV SO", _pseudonym("100234")),
        (f"{_pseudonym('100234')}|03-03-2025|TLV VSO", _pseudonym("100234")),
        (f"{_pseudonym('100871')}|1-10-2024|TLV SBO", _pseudonym("100871")),
        (f"{_pseudonym('100990')}|15-01-2025|ONDWARR", _pseudonym("100990")),
    ]
    # a later export with the same request decided: it replaces the row, no second referral
    later = tmp_path / "later" / "indigo_pos_export_povo.csv"
    later.parent.mkdir()
    later.write_text("lokaal_leerlingnummer;aanvraagtype;datum_aanvraag;besluitdatum;"
                     "ontvangst_tot_besluit;datum_update\n"
                     "100234;TLV VSO;03-03-2025;17-04-2025;45;18-04-2025\n", encoding="utf-8")
    load([later], db=db, source="indigo")
    assert _rows(db, "select count(*), count(decided_on) from referrals") == [(4, 4)]
    assert _rows(db, "select referral_id, decided_on::varchar from referrals "
                     "where request_type = 'admission_vso'") \
        == [(f"{_pseudonym('100234')}|03-03-2025|TLV VSO", "2025-04-17")]
    assert "100234" not in str(_rows(db, "select * from referrals"))


def test_an_episode_numbered_by_the_pupil_is_the_pupils_pseudonym(tmp_path, monkeypatch):
    monkeypatch.setenv("PIB_SECRET", SECRET)
    db = tmp_path / "wh.duckdb"
    load([DATA / "indigo_verzuim_povo.csv"], db=db, source="indigo")
    assert _rows(db, "select episode_id, pupil_id from out_of_school order by source_line") \
        == [(_pseudonym(n), _pseudonym(n)) for n in ("V-3001", "V-3002", "V-3004")]


def test_keys_in_the_form_of_an_earlier_version_refuse_the_load(tmp_path, monkeypatch):
    # before, the whole key was pseudonymised (24 hex characters): a new export would not
    # replace those rows but count them twice, so the load is refused and changes nothing
    monkeypatch.setenv("PIB_SECRET", SECRET)
    db = tmp_path / "wh.duckdb"
    load([DATA / "indigo_pos_export_povo.csv"], db=db, source="indigo")
    con = duckdb.connect(str(db))
    con.execute("update referrals set referral_id = left(sha256(referral_id), 24)")
    con.close()
    before = db.read_bytes()
    later = tmp_path / "later" / "indigo_pos_export_povo.csv"
    later.parent.mkdir()
    later.write_text("lokaal_leerlingnummer;aanvraagtype;datum_aanvraag;besluitdatum\n"
                     "100234;TLV VSO;03-03-2025;17-04-2025\n", encoding="utf-8")
    with pytest.raises(LoadRejected, match=r"4 rij\(en\) uit een eerdere lading met profiel "
                       r"indigo.*dubbel tellen.*nieuw warehouse"):
        load([later], db=db, source="indigo")
    assert db.read_bytes() == before


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
