"""The shipped profiles `indigo` and `duo-vestigingen` on small files with the real headers
(tests/data/profiles): the values each canonical column gets, worked out by hand."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
import xlsxwriter

from etl.profiles import apply, load_profile
from etl.readers import FileRejected
from tests.conftest import TEST_DATA

DATA = TEST_DATA / "profiles"


@pytest.fixture(scope="module")
def indigo():
    return load_profile("indigo")


@pytest.fixture(scope="module")
def duo():
    return load_profile("duo-vestigingen")


def rows(frame, *columns):
    return [tuple(r) for r in frame.select(*columns).iter_rows()]


def test_pos_export_keys_from_pupil_date_and_type_and_unknown_decisions(indigo):
    canonical, rejected, summary = apply(indigo, DATA / "indigo_pos_export_povo.csv")
    assert (summary.entity, summary.layout, summary.header_row) == ("referrals", 1, 1)
    assert rows(canonical, "referral_id", "pupil_id", "request_type", "received_on",
                "decided_on", "decision", "source_line") == [
        ("100234|02-09-2024|TLV SO", "100234", "admission_so", "02-09-2024", "14-10-2024",
         "unknown", 2),
        ("100234|03-03-2025|TLV VSO", "100234", "admission_vso", "03-03-2025", None, None, 3),
        ("100871|1-10-2024|TLV SBO", "100871", "admission_sbo", "1-10-2024", "20-11-2024",
         "unknown", 4),
        ("100990|15-01-2025|ONDWARR", "100990", "arrangement", "15-01-2025", "05-02-2025",
         "unknown", 5),
    ]
    assert set(canonical["municipality_code"]) == {"unknown"}
    assert set(canonical["need_category"]) == {"unknown"}
    # the key holds the pupil number: the loader must pseudonymise it like pupil_id
    assert summary.also_pseudonymise == ("referral_id",)
    assert rows(rejected, "line", "column_name", "reason") == [
        (6, "request_type",
         "waarde 'Herindicatie' in kolom aanvraagtype heeft geen vertaling in profiel indigo")]
    assert "lokaal_leerlingnummer" not in json.loads(rejected["raw_values"][0])
    assert summary.dropped["totaal- of voetregel"] == 1
    assert (summary.rows_read, summary.rows_out, summary.rows_rejected) == (6, 4, 1)
    assert summary.derived == {"referral_id": 4, "decision": 3}
    assert summary.unknown == {"municipality_code": 4, "need_category": 4, "decision": 3}


def test_inspectierapportage_derives_receipt_from_the_decision_and_durations(indigo):
    """Windows-1252, two title rows above the header, an empty and a totals row below."""
    canonical, rejected, summary = apply(indigo, DATA / "indigo_inspectierapportage_povo.csv")
    assert (summary.layout, summary.header_row) == (2, 3)
    assert rows(canonical, "referral_id", "request_type", "received_on", "complete_on",
                "decided_on", "decision", "source_line") == [
        # 14-10-2024 - 42 days = 2024-09-02; + 14 days complete = 2024-09-16
        ("D-2024-001|TLV SO", "admission_so", "2024-09-02", "2024-09-16", "14-10-2024",
         "granted", 4),
        ("D-2024-002|TLV SBO", "admission_sbo", "2024-10-16", "2024-10-26", "20-11-2024",
         "rejected", 5),
        ("D-2024-003|TLV VSO", "admission_vso", "2024-11-26", "2024-11-26", "03-12-2024",
         "withdrawn", 6),
        ("D-2025-004|TLV SO", "admission_so", None, None, None, None, 7),
        ("D-2025-005|ONDWARR", "arrangement", "2025-01-20", "2025-01-25", "10-02-2025",
         "granted", 8),
    ]
    assert canonical["pupil_id"].to_list() == canonical["referral_id"].str.split("|").list \
        .first().to_list()
    assert rows(rejected, "line", "reason") == [
        (9, "waarde 'Herindicatie' in kolom soort heeft geen vertaling in profiel indigo")]
    assert json.loads(rejected["raw_values"][0])["beoogde_school"] == "Café De Zon"
    assert summary.dropped == {"lege regel": 1, "totaal- of voetregel": 1}
    assert summary.derived["received_on"] == 4 and summary.derived["complete_on"] == 4


def test_tlv_report_from_xlsx_gives_funding_category_and_valid_until(indigo, tmp_path):
    path = tmp_path / "indigo_rapportage_afgegeven_toelaatbaarheidsverklaringen_po_vo.xlsx"
    header = ["beschikkingsnummer", "categorie", "datum_besluit", "duur_in_jaren",
              "leeftijd_op_datum_besluit", "overgang", "soort", "soort_overgang",
              "sleutel_beschikking_gebdat", "datum_update"]
    data = [
        ["B-101", "Hoog", "15-03-2024", "2", "9", "Nee", "TLV SO", "", "B-101|2015-01-02",
         "16-03-2024"],
        ["B-102", "", "01-08-2024", "1", "7", "Nee", "TLV SBO", "", "B-102|2017-05-06",
         "02-08-2024"],
        ["B-103", "Midden", "10-09-2024", "3", "13", "Ja", "TLV VSO", "SO-VSO",
         "B-103|2011-04-05", "11-09-2024"],
        ["B-104", "Extra hoog", "10-09-2024", "1", "8", "Nee", "TLV SO", "", "B-104|2016-01-01",
         "11-09-2024"],
    ]
    with xlsxwriter.Workbook(path) as book:  # rows 1 and 2 left empty: the header is row 3
        sheet = book.add_worksheet("TLV")
        for r, values in enumerate([header, *data], start=2):
            sheet.write_row(r, 0, values)
        sheet.write_datetime(4, 2, datetime(2024, 8, 1), book.add_format(
            {"num_format": "dd-mm-yyyy"}))  # B-102: a real Excel date cell
    canonical, rejected, summary = apply(indigo, path)
    assert (summary.layout, summary.header_row) == (3, 3)
    assert rows(canonical, "referral_id", "request_type", "funding_category", "decision",
                "received_on", "decided_on", "valid_until", "source_line") == [
        ("B-101", "admission_so", "high", "granted", "15-03-2024", "15-03-2024", "2026-03-14", 4),
        ("B-102", "admission_sbo", None, "granted", "2024-08-01 00:00:00",
         "2024-08-01 00:00:00", "2025-07-31", 5),  # the loader drops the time part
        ("B-103", "admission_vso", "medium", "granted", "10-09-2024", "10-09-2024",
         "2027-09-09", 6),
    ]
    assert canonical["pupil_id"][0] == "B-101|2015-01-02"
    assert rows(rejected, "line", "column_name", "reason") == [
        (7, "funding_category",
         "waarde 'Extra hoog' in kolom categorie heeft geen vertaling in profiel indigo")]


def test_verzuim_only_thuiszitters_become_episodes(indigo):
    canonical, rejected, summary = apply(indigo, DATA / "indigo_verzuim_povo.csv")
    assert summary.entity == "out_of_school"
    assert rows(canonical, "episode_id", "kind", "started_on", "ended_on", "reason") == [
        ("V-3001", "long_relative_absence", "06-01-2025", None, "Psychische problematiek"),
        ("V-3002", "long_relative_absence", "02-09-2024", "15-11-2024", "Schoolweigering"),
        ("V-3004", "long_relative_absence", "13-01-2025", "24-03-2025", "Gepest"),  # JA
    ]
    assert summary.dropped["kolom thuiszitter is 'Nee'"] == 1  # V-3003: no episode
    assert rows(rejected, "line", "reason") == [
        (6, "waarde 'Misschien' in kolom thuiszitter heeft geen vertaling in profiel indigo")]
    assert summary.also_pseudonymise == ("episode_id",)


def test_duo_sbo_so_vso_file(duo):
    canonical, rejected, summary = apply(duo, DATA / "09.-alle-vestigingen-sbo-so-en-vso.csv")
    assert summary.layout == 1 and rejected.is_empty()
    assert rows(canonical, "school_id", "name", "sector", "municipality_code", "postcode4") == [
        ("30EF00", "Olivijn", "so", "GM0034", "1318"),  # (V)SO counts as so
        ("23HU12", "Nautilus SO", "so", "GM0034", "1328"),
        ("14AA00", "SBO De Kameleon", "sbo", "GM0034", "1326"),  # GEMEENTENUMMER 34 padded
        ("06SV09", "De Aventurijn", "so", "GM0118", "7901"),
        ("23HU15", "Aurum College", "vso", "GM0995", "8223"),
    ]


def test_duo_bo_file_rejects_an_unknown_school_type(duo):
    canonical, rejected, _summary = apply(
        duo, DATA / "02.-alle-schoolvestigingen-basisonderwijs.csv")
    assert rows(canonical, "school_id", "sector", "municipality_code") == [
        ("12AB00", "po", "GM0034"), ("12AB01", "po", "GM0034")]
    assert rows(rejected, "line", "column_name", "reason") == [
        (4, "sector", "waarde 'ONDWARR' in kolom SOORT PRIMAIR ONDERWIJS heeft geen vertaling "
                      "in profiel duo-vestigingen")]


def test_duo_vo_file_is_all_vo(duo):
    canonical, rejected, summary = apply(duo, DATA / "02.-alle-vestigingen-vo.csv")
    assert summary.layout == 2 and rejected.is_empty()
    assert rows(canonical, "school_id", "name", "sector", "municipality_code", "postcode4") == [
        ("17PJ00", "Echnaton Lyceum", "vo", "GM0034", "1326"),
        ("17PJ01", "Echnaton Lyceum Stad", "vo", "GM0034", "1335"),
        ("02QZ00", "Het Nieuwe Lyceum", "vo", "GM0310", "3723"),
    ]


def test_a_file_that_fits_no_layout_is_rejected_naming_the_missing_columns(duo, tmp_path):
    path = tmp_path / "scholen.csv"
    path.write_text("VESTIGINGSCODE;NAAM\n01AB00;De Linde\n", encoding="utf-8")
    with pytest.raises(FileRejected) as caught:
        apply(duo, path)
    assert str(caught.value).startswith("scholen.csv: past bij geen indeling van profiel "
                                        "duo-vestigingen")
    assert "VESTIGINGSNAAM" in str(caught.value)
