"""Known-answer tests of `pib load` on tiny hand-written files (tests/data/load/)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest

from etl.importers.canonical import _key_hashes, _may_repeat
from etl.load import LoadRejected, load
from etl.schema import ENTITIES
from tests.conftest import TEST_DATA

DATA = TEST_DATA / "load"


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "absent"


def rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def copy(name: str, dest: Path, as_name: str | None = None) -> Path:
    target = dest / (as_name or name)
    shutil.copyfile(DATA / name, target)
    return target


def test_valid_file_loads_with_all_three_date_formats(warehouse, tmp_path):
    report = load([copy("referrals_ok.csv", tmp_path)])
    assert [(f.rows_read, f.rows_loaded, f.rows_quarantined) for f in report.files] == [(3, 3, 0)]
    got = rows(warehouse, "select referral_id, received_on::varchar, complete_on::varchar, "
                          "urgent, decided_on::varchar, decision from referrals order by 1")
    assert got == [
        ("R001", "2024-09-02", "2024-09-16", False, "2024-10-01", "granted"),
        ("R002", "2024-09-03", None, True, None, None),
        ("R003", "2024-09-04", "2024-09-10", True, "2024-09-30", "rejected"),
    ]


def test_each_row_rule_quarantines_exactly_the_broken_row(warehouse, tmp_path):
    report = load([copy("referrals_bad_rows.csv", tmp_path, "referrals.csv")])
    assert (report.files[0].rows_read, report.files[0].rows_loaded) == (9, 1)
    assert rows(warehouse, "select referral_id from referrals") == [("B08",)]
    got = rows(warehouse, "select line, column_name, reason from quarantine order by line")
    assert got == [
        (2, "referral_id", "referral_id: sleutel komt meer dan eens voor in het bestand "
                           "(regels 2, 9)"),
        (3, "pupil_id", "pupil_id: verplichte waarde ontbreekt"),
        (4, "need_category", "need_category: onbekende code; toegestaan: learning, behaviour, "
                             "communication, sensory, physical, intellectual, psychiatric, "
                             "giftedness, other, unknown"),
        (5, "received_on", "received_on: geen geldige datum '31-02-2024' (verwacht "
                           "JJJJ-MM-DD, DD-MM-JJJJ of DD/MM/JJJJ)"),
        (6, "decided_on", "decided_on: ligt voor received_on"),
        (7, "decided_on, decision", "decided_on, decision: moeten allebei leeg of allebei "
                                    "gevuld zijn"),
        (8, "urgent", "urgent: geen ja/nee-waarde (true/false, 1/0, ja/nee)"),
        (9, "referral_id", "referral_id: sleutel komt meer dan eens voor in het bestand "
                           "(regels 2, 9)"),
    ]
    raw = rows(warehouse, "select raw_values from quarantine where line = 5")[0][0]
    assert '"received_on":"31-02-2024"' in raw and '"need_category":"learning"' in raw


def test_number_rules_and_decimal_comma(warehouse, tmp_path):
    load([copy("supports_bad_rows.csv", tmp_path, "supports.csv")])
    assert rows(warehouse, "select support_id, hours, cost_eur from supports") == [
        ("S01", 12.5, 900.0)
    ]
    assert rows(warehouse, "select line, reason from quarantine order by line") == [
        (3, "ended_on: ligt voor started_on"),
        (4, "hours: waarde is kleiner dan 0"),
        (5, "hours: geen getal: 'veel' (alleen cijfers, een decimaalteken en eventueel € en "
            "scheidingstekens voor duizendtallen)"),
    ]


def test_missing_required_column_rejects_and_leaves_warehouse_unchanged(warehouse, tmp_path):
    load([copy("referrals_ok.csv", tmp_path)])
    before = checksum(warehouse)
    bad = copy("referrals_missing_column.csv", tmp_path)
    with pytest.raises(LoadRejected, match=r"referrals_missing_column.csv: verplichte kolom "
                                           "ontbreekt: request_type"):
        load([copy("out_of_school_ok.csv", tmp_path), bad])
    assert checksum(warehouse) == before
    assert not list(warehouse.parent.glob(".warehouse.duckdb.*"))


def test_strict_turns_a_quarantined_row_into_a_rejected_load(warehouse, tmp_path):
    load([copy("referrals_ok.csv", tmp_path)])
    before = checksum(warehouse)
    with pytest.raises(LoadRejected, match=r"--strict: 3 rij"):
        load([copy("supports_bad_rows.csv", tmp_path, "supports.csv")], strict=True)
    assert checksum(warehouse) == before


def test_unknown_file_name_and_header_rejects_the_load(warehouse, tmp_path):
    path = tmp_path / "leerlingen.csv"
    path.write_text("leerling,klas\nL1,3b\n", encoding="utf-8")
    with pytest.raises(LoadRejected, match=r"leerlingen.csv: onbekende bestandsnaam en geen kop "
                                           r"met de verplichte kolommen"):
        load([path])
    assert not warehouse.exists()


def test_loading_the_same_file_twice_changes_nothing(warehouse, tmp_path):
    path = copy("referrals_ok.csv", tmp_path)
    load([path])
    before = checksum(warehouse)
    report = load([path])
    assert report.files[0].skipped
    assert checksum(warehouse) == before


def test_a_changed_row_is_upserted_by_key(warehouse, tmp_path):
    load([copy("referrals_ok.csv", tmp_path)])
    newer = tmp_path / "referrals_newer.csv"
    newer.write_text(
        "referral_id,pupil_id,municipality_code,received_on,need_category,request_type,"
        "decided_on,decision\n"
        "R002,LLN-1002,GM0166,2024-09-03,behaviour,arrangement,2024-10-15,granted\n"
        "R004,LLN-1004,GM0166,2024-09-05,learning,consultation,,\n",
        encoding="utf-8",
    )
    load([newer])
    got = rows(warehouse, "select referral_id, decision, load_id from referrals order by 1")
    assert got == [
        ("R001", "granted", 1), ("R002", "granted", 2), ("R003", "rejected", 1),
        ("R004", None, 2),
    ]
    assert rows(warehouse, "select load_id, file, rows_read, rows_loaded, outcome "
                           "from load_log order by 1") == [
        (1, "referrals_ok.csv", 3, 3, "ok"), (2, "referrals_newer.csv", 2, 2, "ok"),
    ]


def test_raw_pupil_ids_appear_nowhere_in_the_warehouse(warehouse, tmp_path):
    load([copy("referrals_ok.csv", tmp_path), copy("out_of_school_ok.csv", tmp_path),
          copy("referrals_bad_rows.csv", tmp_path, "referrals_bad.csv")])
    raw_ids = [f"LLN-{n}" for n in (1001, 1002, 1003, *range(2001, 2010))]
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        columns = con.execute(
            "select table_name, column_name from information_schema.columns "
            "where data_type = 'VARCHAR'"
        ).fetchall()
        assert len(columns) > 20
        for table, column in columns:
            values = {v for (v,) in con.execute(f'select "{column}" from "{table}"').fetchall()}
            text = " ".join(str(v) for v in values)
            assert not any(i in text for i in raw_ids), (table, column)
    finally:
        con.close()
    assert not any(i.encode() in warehouse.read_bytes() for i in raw_ids)


def test_one_pupil_links_across_files_and_loads_by_pseudonym(warehouse, tmp_path):
    load([copy("referrals_ok.csv", tmp_path)])
    load([copy("out_of_school_ok.csv", tmp_path)])
    got = rows(warehouse, "select r.referral_id, length(r.pupil_id) from referrals r "
                          "join out_of_school o using (pupil_id)")
    assert got == [("R002", 24)]


def test_a_load_failing_midway_leaves_no_temporary_files(warehouse, tmp_path):
    with pytest.raises(LoadRejected):
        load([copy("referrals_ok.csv", tmp_path),
              copy("supports_bad_rows.csv", tmp_path, "supports.csv")], strict=True)
    assert sorted(p.name for p in warehouse.parent.iterdir() if "warehouse" in p.name) == [
        "warehouse.duckdb.lock"
    ]


def test_key_hashes_repeat_exactly_when_keys_repeat():
    """The SQL duplicate check is skipped when the keys' hashes are all distinct
    (etl.importers.canonical._may_repeat); that is exact only for keys whose SQL equality is
    the equality of the values hashed: text, school years and dates."""
    assert {ENTITIES[e].column(k).kind for e in ENTITIES for k in ENTITIES[e].key} <= {
        "text", "school_year", "date"}
    outcomes = ENTITIES["outcomes"]  # key (support_id, evaluated_on)
    first = pl.DataFrame({"support_id": ["s1", "s1"], "evaluated_on": ["2024-01-01", "2024-02-01"]})
    again = pl.DataFrame({"support_id": ["s1"], "evaluated_on": ["2024-02-01"]})
    assert not _may_repeat([_key_hashes(first, outcomes)])
    assert _may_repeat([_key_hashes(first, outcomes), _key_hashes(again, outcomes)])
    referrals = ENTITIES["referrals"]  # a key of one column, hashed as itself
    keys = pl.DataFrame({"referral_id": ["r1", "r2", None]})
    assert not _may_repeat([_key_hashes(keys, referrals)])
    assert _may_repeat([_key_hashes(keys, referrals), _key_hashes(keys.head(1), referrals)])
