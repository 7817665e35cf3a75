"""DUO school locations (`pib load FILE.zip --source duo-scholen`), on an excerpt of the real
November 2024 file.

Known values are quoted from tests/data/public/scholen20241122.geo.zip (`scholen.geo.json`;
feature numbers count from 1): 610 of the 8,717 features of the national file, unchanged and in
their order (see the README there): every feature of the 9 municipalities of pib.toml's region
and of Urk, and the first feature of every other gemeente name and of every school type.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import duckdb
import polars as pl
import pytest

from etl.importers.duo_scholen import is_duo_schools, match_municipalities, read_features, sector_of
from etl.load import LoadRejected, load
from etl.municipality_names import municipalities
from etl.settings import get_settings
from tests.conftest import PUBLIC_DATA, TEST_DATA

ZIP = PUBLIC_DATA / "scholen20241122.geo.zip"
PIB = str(Path(sys.executable).with_name("pib"))
ZWOLLE = ("GM0193", "GM0166", "GM0148", "GM0244", "GM1896", "GM0180", "GM1708", "GM1773",
          "GM0177")



@pytest.fixture(scope="module")
def features() -> pl.DataFrame:
    return read_features(ZIP)


def rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_every_duo_gemeente_name_matches_a_cbs_code(features):
    names = sorted(set(features["gemeente"]))
    codes = match_municipalities(names)
    unmatched = sorted(name for name, code in codes.items() if code is None)
    assert unmatched == []  # every one of the 342 names of the national file
    assert len(names) == 342
    today = {"GM" + c for c in municipalities().today.values()}
    assert set(codes.values()) == today  # one name per municipality of 2025, none twice
    assert {name: codes[name] for name in (
        "S GRAVENHAGE", "S HERTOGENBOSCH", "BERGEN LB", "BERGEN NH", "NUENEN CA", "HENGELO",
        "BEEK", "SUDWEST-FRYSLAN", "NOARDEAST-FRYSLAN", "ZWOLLE", "OLST-WIJHE",
    )} == {
        "S GRAVENHAGE": "GM0518", "S HERTOGENBOSCH": "GM0796", "BERGEN LB": "GM0893",
        "BERGEN NH": "GM0373", "NUENEN CA": "GM0820", "HENGELO": "GM0164", "BEEK": "GM0888",
        "SUDWEST-FRYSLAN": "GM1900", "NOARDEAST-FRYSLAN": "GM1970", "ZWOLLE": "GM0193",
        "OLST-WIJHE": "GM1773",
    }
    assert match_municipalities(["ATLANTIS", "BERGEN"]) == {"ATLANTIS": None, "BERGEN": None}


def test_every_duo_type_has_a_sector(features):
    kinds = Counter(features["type"])
    assert {kind: sector_of(kind) for kind in kinds} == {
        "basisschool": "po", "SBAO": "sbo", "SO": "so", "VSO": "vso", "(V)SO": "so",
        "PRO": "vo", "BRUGJAAR": "vo", "VBO": "vo", "MAVO": "vo", "HAVO": "vo", "VWO": "vo",
        "VBO/MAVO": "vo", "VBO/MAVO/HAVO/VWO": "vo", "HAVO/VWO": "vo", "MAVO/HAVO/VWO": "vo",
        "VBO/MAVO/HAVO": "vo", "VBO/MAVO/PRO": "vo", "VBO/MAVO/HAVO/VWO/PRO": "vo",
        "MAVO/HAVO": "vo", "VBO/HAVO": "vo", "VBO/HAVO/VWO": "vo", "VBO/PRO": "vo",
    }
    assert sector_of("MBO") is None and sector_of("VBO/MBO") is None


def test_load_imports_the_zwolle_region_and_a_second_load_changes_nothing(warehouse):
    assert get_settings().municipalities == ZWOLLE  # the repository's pib.toml
    assert is_duo_schools(ZIP)
    report = load([ZIP])  # recognised by the scholen.geo.json in the zip
    [duo] = report.files
    assert (duo.entity, duo.rows_read, duo.rows_loaded, duo.rows_quarantined) == (
        "schools", 610, 247, 0)
    assert duo.unmatched == [] and duo.sectors == {"po": 175, "sbo": 8, "so": 15, "vo": 49}
    assert "363 vestigingen buiten de regio overgeslagen." in " ".join(report.warnings)
    assert rows(warehouse, "select municipality_code, count(*) from schools "
                           "where in_region group by all order by 1") == [
        ("GM0148", 18), ("GM0166", 43), ("GM0177", 22), ("GM0180", 11), ("GM0193", 86),
        ("GM0244", 6), ("GM1708", 37), ("GM1773", 8), ("GM1896", 16),
    ]  # distinct vestigingscodes per DUO gemeente name (DALFSEN, KAMPEN, RAALTE, ...)
    # feature 412: "de Ambelt", (V)SO, ZWOLLE, 8025AK, leerlingen 185,
    #   [6.127454733764501, 52.51024976946682], brin_nummer 02YN, vestigingscode 02YN21
    assert rows(warehouse, "select * exclude (load_id) from schools "
                           "where school_id = '02YN21'") == [
        ("02YN21", "de Ambelt", "so", "GM0193", "8025", True, 412)]
    assert rows(warehouse, "select school_id, lat, lon, pupils from school_locations "
                           "where school_id = '02YN21'") == [
        ("02YN21", 52.51024976946682, 6.127454733764501, 185)]
    assert rows(warehouse, "select count(*), count(pupils) from school_locations") == [
        (247, 232)]
    assert rows(warehouse, "select entity, source, rows_read, rows_loaded, outcome "
                           "from load_log") == [("schools", "duo-scholen", 610, 247, "ok")]
    before = warehouse.read_bytes()
    again = load([ZIP], source="duo-scholen")
    assert [f.skipped for f in again.files] == [True]
    assert warehouse.read_bytes() == before


def test_another_region_is_a_new_load_and_a_flemish_region_is_refused(warehouse, isolated_env):
    load([ZIP])
    config = isolated_env / "pib.toml"
    config.write_text('[region]\nmunicipalities = ["GM0184"]\n')
    again = load([ZIP])
    # Urk: 17 features, 17 vestigingscodes (grep -c '"gemeente": "URK"' scholen.geo.json)
    assert [(f.skipped, f.rows_loaded) for f in again.files] == [(False, 17)]
    assert rows(warehouse, "select count(*) from schools where municipality_code = 'GM0184'"
                ) == [(17,)]
    before = warehouse.read_bytes()
    config.write_text('[organisation]\nterminology = "vl"\n[region]\nmunicipalities = '
                      '["44021"]\n')
    with pytest.raises(LoadRejected, match="geen CBS-gemeentecodes"):
        load([ZIP])
    assert warehouse.read_bytes() == before


def feature(code: str, name: str, kind: str = "basisschool", gemeente: str = "HATTEM",
            point: tuple[float, float] | None = (6.06, 52.47), pupils: int | None = 100) -> dict:
    return {"type": "Feature", "geometry": None if point is None else {
        "type": "Point", "coordinates": list(point)}, "properties": {
        "naam": name, "type": kind, "brin_nummer": code[:4], "vestigingscode": code,
        "gemeente": gemeente, "postcode": "8051AB", "leerlingen": pupils}}


def test_duplicates_unknown_values_and_upserts(warehouse, tmp_path):
    # A canonical schools file first: DUO replaces the row with the same school_id.
    (tmp_path / "schools.csv").write_text(
        "school_id,name,sector,municipality_code\n99AA00,Oude naam,po,GM0244\n")
    load([tmp_path / "schools.csv"])
    collection = {"type": "FeatureCollection", "features": [
        feature("99AA00", "Nieuwe naam", point=(6.05, 52.48)),
        feature("99AA00", "Nieuwe naam", point=(6.07, 52.49)),  # a second BAG point: dropped
        feature("99BB00", "Twee namen"), feature("99BB00", "Andere naam"),  # quarantined
        feature("99CC00", "Hogeschool", kind="HBO"),  # unknown type: quarantined
        feature("99DD00", "Nergens", gemeente="ATLANTIS"),  # unknown gemeente: quarantined
        feature("99EE00", "Zonder punt", kind="VSO", point=None, pupils=None),
        feature("99FF00", "Buiten de regio", gemeente="UTRECHT"),  # skipped
    ]}
    archive = tmp_path / "scholen_test.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("data/scholen.geo.json", json.dumps(collection))
    report = load([archive])
    duo = report.files[0]
    assert (duo.rows_read, duo.rows_loaded, duo.rows_quarantined) == (8, 2, 4)
    assert duo.unmatched == ["ATLANTIS"]
    assert rows(warehouse, "select school_id, name, sector, source_line from schools "
                           "order by 1") == [
        ("99AA00", "Nieuwe naam", "po", 1), ("99EE00", "Zonder punt", "vso", 7)]
    assert rows(warehouse, "select school_id, lat, lon from school_locations") == [
        ("99AA00", 52.48, 6.05)]
    assert rows(warehouse, "select line, column_name, reason from quarantine order by 1") == [
        (3, "vestigingscode",
         "vestigingscode '99BB00' komt meer dan eens voor met andere schoolgegevens"),
        (4, "vestigingscode",
         "vestigingscode '99BB00' komt meer dan eens voor met andere schoolgegevens"),
        (5, "type", "onbekend schooltype 'HBO'"),
        (6, "gemeente", "gemeentenaam 'ATLANTIS' komt niet voor in de CBS-gemeentelijst van 2024"),
    ]
    text = " ".join(report.warnings)
    assert "1 extra adrespunt(en)" in text and "1 vestiging(en) zonder puntlocatie" in text


def test_cli_source_and_refusals(warehouse, tmp_path):
    done = subprocess.run([PIB, "load", str(ZIP), "--source", "duo-scholen"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "niet herkende gemeentenamen: geen" in done.stdout
    not_duo = tmp_path / "other.zip"
    with zipfile.ZipFile(not_duo, "w") as z:
        z.writestr("readme.txt", "hallo")
    refused = subprocess.run([PIB, "load", str(not_duo), "--source", "duo-scholen"],
                             capture_output=True, text=True)
    assert refused.returncode == 1 and "geen scholen.geo.json" in refused.stderr
    unknown = subprocess.run([PIB, "load", str(ZIP), "--source", "duo"],
                             capture_output=True, text=True)
    assert unknown.returncode == 2 and "duo-scholen" in unknown.stderr


def test_a_duo_vestigingen_csv_given_as_duo_scholen_is_refused_in_a_sentence(warehouse):
    """The JSON parser's own words ("Expecting value") never reach the user."""
    export = TEST_DATA / "profiles" / "09.-alle-vestigingen-sbo-so-en-vso.csv"
    with pytest.raises(LoadRejected) as refused:
        load([export], source="duo-scholen")
    message = str(refused.value)
    assert ("09.-alle-vestigingen-sbo-so-en-vso.csv: dit is geen DUO-scholenlijst met locaties "
            "(een zip met scholen.geo.json, of dat GeoJSON-bestand zelf). Een 'alle "
            "vestigingen'-bestand van DUO (.csv) laadt met --source duo-vestigingen.") in message
    assert "Expecting value" not in message
