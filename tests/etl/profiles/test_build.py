"""A profile built from form choices (the mapping page): TOML text, validation through the
model's loader, names, saving beside pib.toml."""

from __future__ import annotations

import pytest

from etl.profiles import (
    Mapping,
    ProfileError,
    apply,
    build_profile,
    check_name,
    is_shipped,
    load_profile,
    mapping_text,
    read_export,
    save_profile,
)
from tests.etl.profiles.test_engine import UNSEEN

COLUMNS = {"referral_id": "Dossiernr", "pupil_id": "Leerling",
           "municipality_code": "Woongemeente", "received_on": "Datum aanmelding",
           "request_type": "Soort aanvraag", "decision": "Besluit",
           "decided_on": "Datum besluit"}


def mapping(**changes) -> Mapping:
    base = {"entity": "referrals", "columns": dict(COLUMNS), "header_row": 3,
            "date_formats": ("%d-%m-%y",),
            "values": {"request_type": {"Sbo-plaatsing": "admission_sbo",
                                        "Arrangement": "arrangement"},
                       "decision": {"Akkoord": "granted", "Niet akkoord": "rejected"},
                       "need_category": {"Gedrag": "behaviour"}},  # not mapped: left out
            "constants": {"need_category": "unknown"}}
    return Mapping(**(base | changes))


def test_the_text_is_the_toml_a_person_would_write():
    assert mapping_text(mapping(description='Loket "A"')) == (
        'description = "Loket \\"A\\""\n\n[[files]]\nentity = "referrals"\nheader_row = 3\n'
        'date_formats = ["%d-%m-%y"]\n\n[files.columns]\nreferral_id = "Dossiernr"\n'
        'pupil_id = "Leerling"\nmunicipality_code = "Woongemeente"\n'
        'received_on = "Datum aanmelding"\nrequest_type = "Soort aanvraag"\n'
        'decision = "Besluit"\ndecided_on = "Datum besluit"\n\n'
        '[files.values.request_type]\n"Sbo-plaatsing" = "admission_sbo"\n'
        '"Arrangement" = "arrangement"\n\n[files.values.decision]\n"Akkoord" = "granted"\n'
        '"Niet akkoord" = "rejected"\n\n[files.constants]\nneed_category = "unknown"\n')


def test_a_built_profile_applies_and_quarantines_the_unmapped_value(tmp_path):
    path = tmp_path / "loket.csv"
    path.write_text(UNSEEN, encoding="cp1252")
    _text, profile = build_profile(mapping(), "loket")
    canonical, rejected, _ = apply(profile, path, "referrals")
    # A-3 is a Consultatie, which has no mapping
    assert canonical["referral_id"].to_list() == ["A-1", "A-2"]
    assert canonical["received_on"].to_list() == ["2024-09-03", "2024-09-10"]
    assert rejected["line"].to_list() == [6]
    assert rejected["column_name"].to_list() == ["request_type"]
    assert "Consultatie" in rejected["reason"][0] and "loket" in rejected["reason"][0]


def test_a_code_column_with_nothing_translated_quarantines_every_value(tmp_path):
    path = tmp_path / "loket.csv"
    path.write_text(UNSEEN, encoding="cp1252")
    chosen = mapping()
    chosen.values["decision"] = {}
    text, profile = build_profile(chosen, "loket")
    assert "[files.values.decision]\n\n" in text
    canonical, rejected, _ = apply(profile, path, "referrals")
    assert canonical["referral_id"].to_list() == ["A-2"]  # the one row without a decision
    assert sorted(rejected.select("line", "column_name").rows()) == [
        (4, "decision"), (6, "decision"), (6, "request_type")]


@pytest.mark.parametrize(("changes", "message"), [
    ({"columns": {k: v for k, v in COLUMNS.items() if k != "received_on"}},
     "verplichte kolom(men) van referrals worden niet gevuld: received_on"),
    ({"constants": {"need_category": "angst"}}, "'angst' is geen code van need_category"),
    ({"constants": {"decision": "granted"}}, "constants.decision: staat ook onder "
                                             "[files.columns]"),
])
def test_an_invalid_mapping_is_refused_in_dutch(changes, message):
    with pytest.raises(ProfileError, match=r"profiles/loket\.toml") as err:
        build_profile(mapping(**changes), "loket")
    assert message in str(err.value)


@pytest.mark.parametrize("name", ["", "Loket", "../etc", "a b", "-x", "x" * 61, "loket.toml"])
def test_bad_names_are_refused(name):
    with pytest.raises(ProfileError, match="Ongeldige profielnaam"):
        check_name(name)


def test_save_writes_a_profile_load_profile_reads(isolated_env):
    text, _ = build_profile(mapping(), "loket-2024")
    path = save_profile(text, " loket-2024 ")
    assert path == isolated_env / "profiles" / "loket-2024.toml"
    profile = load_profile("loket-2024")
    assert profile.path == path
    assert profile.layouts[0].values["decision"] == {"Akkoord": "granted",
                                                     "Niet akkoord": "rejected"}
    with pytest.raises(ProfileError, match="geen geldige TOML"):
        save_profile("[[files]\n", "stuk")
    assert not (isolated_env / "profiles" / "stuk.toml").exists()


def test_a_shipped_name_is_known_and_a_saved_one_overrides_it():
    assert is_shipped("indigo") and not is_shipped("loket")
    text, _ = build_profile(mapping(), "indigo")
    save_profile(text, "indigo")
    assert load_profile("indigo").layouts[0].columns == COLUMNS


def test_read_export_finds_header_matches_values_and_date_formats(tmp_path):
    path = tmp_path / "loket.csv"
    path.write_text(UNSEEN, encoding="cp1252")
    export = read_export(path, "referrals")
    assert export.header_row == 3
    assert export.header[-1] == "Behandelaar"
    assert export.matched["decision"] == "Besluit"
    assert export.distinct("Besluit") == ["Akkoord", "Niet akkoord"]
    assert export.distinct("Leerling", limit=2) == ["L-77", "L-78"]
    assert export.date_formats({"received_on": "Datum aanmelding", "decision": "Besluit"}) == (
        "%d-%m-%y",)
