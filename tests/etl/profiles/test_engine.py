"""The profile engine: strict validation with Dutch errors, lookup (a user's profile wins),
date formats and decimal marks, derivations, and a drafted profile completed and applied."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from etl.profiles import (
    ProfileError,
    apply,
    available_profiles,
    draft_profile,
    load_profile,
    parse_profile,
    translate,
)
from etl.profiles.transform import read_dates

GOOD = """
[[files]]
entity = "out_of_school"
[files.columns]
episode_id = "Nr"
pupil_id = "Leerling"
kind = "Soort"
started_on = "Vanaf"
[files.values.kind]
"Thuis" = "absolute_absence"
[files.constants]
municipality_code = "GM0034"
"""


def parse(text: str):
    return parse_profile(text, Path("profiles/mijn.toml"))


@pytest.mark.parametrize(("text", "message"), [
    (GOOD.replace('entity = "out_of_school"', 'entity = "out_of_school"\nheaderrow = 2'),
     "Profiel profiles/mijn.toml: [[files]] nr. 1: onbekende sleutel 'headerrow'"),
    (GOOD.replace('"out_of_school"', '"thuiszitters"'),
     "Profiel profiles/mijn.toml: [[files]] nr. 1.entity: onbekende entiteit 'thuiszitters'"),
    (GOOD.replace('episode_id = "Nr"', 'episode_id = "Nr"\nepisode = "Melding"'),
     "Profiel profiles/mijn.toml: [[files]] nr. 1.columns.episode: 'episode' is geen kolom "
     "van out_of_school"),
    (GOOD.replace('"Thuis" = "absolute_absence"', '"Thuis" = "absent"'),
     "[[files]] nr. 1.values.kind.\"Thuis\": 'absent' is geen code van kind"),
    (GOOD.replace('[files.values.kind]', '[files.values.reason]'),
     "[[files]] nr. 1.values.reason: kolom reason staat niet onder [files.columns]"),
    (GOOD.replace('started_on = "Vanaf"\n', ''),
     "[[files]] nr. 1: verplichte kolom(men) van out_of_school worden niet gevuld: started_on"),
    ("titel = 'x'\n" + GOOD, "bovenste niveau: onbekende sleutel 'titel'"),
    (GOOD + "[files\n", "Profiel profiles/mijn.toml: geen geldige TOML"),
    (GOOD + 'drop_rows = ["^Totaal"]\n',  # lands under [files.constants]
     "[[files]] nr. 1.constants.drop_rows: 'drop_rows' is geen kolom van out_of_school"),
    (GOOD.replace('entity = "out_of_school"', 'entity = "out_of_school"\ndrop_rows = ["(T"]'),
     "[[files]] nr. 1.drop_rows: ongeldige reguliere expressie '(T'"),
    (GOOD + '[files.derive]\nended_on = { date = "Tot", plus_weeks = 2 }\n',
     "[[files]] nr. 1.derive.ended_on.plus_weeks: onbekende sleutel bij 'date'"),
    (GOOD + '[files.derive]\nkind = { value = "Soort" }\n',
     "[[files]] nr. 1.derive.kind: kolom kind wordt al gevuld"),
    ("description = 'leeg'\n", "files: verwacht minstens een tabel [[files]]"),
])
def test_a_bad_profile_is_a_dutch_error_naming_file_and_key(text, message):
    with pytest.raises(ProfileError) as caught:
        parse(text)
    assert message in str(caught.value)


def test_a_users_profile_wins_over_the_shipped_one(isolated_env):
    shipped = load_profile("indigo")
    assert shipped.path.parent.name == "shipped" and len(shipped.layouts) == 4
    own = Path(os.environ["PIB_CONFIG"]).parent / "profiles"
    own.mkdir()
    (own / "indigo.toml").write_text(GOOD, encoding="utf-8")
    assert available_profiles()["indigo"] == own / "indigo.toml"
    mine = load_profile("indigo")
    assert mine.path == own / "indigo.toml" and mine.layouts[0].entity.name == "out_of_school"
    with pytest.raises(ProfileError, match="Onbekend bronprofiel 'magister'; bekend zijn: "
                                           "casusregister, duo-vestigingen, indigo"):
        load_profile("magister")


def test_date_formats_and_decimal_comma_give_iso_dates_and_points(tmp_path):
    profile = parse("""
[[files]]
entity = "supports"
date_formats = ["%d-%m-%y", "%d-%m-%Y"]
decimal = ","
[files.columns]
support_id = "Inzet"
kind = "Soort"
prevention_level = "Niveau"
started_on = "Start"
ended_on = "Eind"
hours = "Uren"
[files.values.prevention_level]
"Preventief" = "preventive"
"Curatief" = "curative"
""")
    path = tmp_path / "inzet.csv"
    path.write_text("Inzet;Soort;Niveau;Start;Eind;Uren\n"
                    "I1;Coaching;Preventief;1-3-24;15-07-2024;12,5\n"
                    "I2;Training; curatief ;28-02-25;;1.250,75\n"
                    "I3;Coaching;Preventief;1 maart 2024;;3\n"
                    "I4;Coaching;Preventief;2024-03-01 00:00:00;;3\n", encoding="utf-8")
    canonical, rejected, _summary = apply(profile, path)
    assert [tuple(r) for r in canonical.select(
        "support_id", "prevention_level", "started_on", "ended_on", "hours").iter_rows()] == [
        ("I1", "preventive", "2024-03-01", "2024-07-15", "12.5"),
        ("I2", "curative", "2025-02-28", None, "1250.75"),
        ("I4", "preventive", "2024-03-01", None, "3"),  # ISO, as from an Excel date cell
    ]
    assert [tuple(r) for r in rejected.select("line", "column_name", "reason").iter_rows()] == [
        (4, "started_on", "datum '1 maart 2024' in kolom Start past bij geen datumnotatie van "
                          "profiel mijn (%d-%m-%y, %d-%m-%Y)")]


def test_header_row_drop_rows_and_derivations(tmp_path):
    profile = parse("""
[[files]]
entity = "schools"
header_row = 2
drop_rows = ["^Subtotaal"]
[files.columns]
name = "Naam"
[files.constants]
sector = "po"
[files.derive]
school_id = { key = ["Brin", "Vestiging"], separator = "" }
municipality_code = { value = "Gemeente", pad = 4, prefix = "GM" }
postcode4 = { value = "Postcode", first = 4 }
""")
    path = tmp_path / "scholen.csv"
    path.write_text("Scholenlijst 2025,,,,\n"
                    "BRIN, vestiging ,Naam,Gemeente,Postcode\n"
                    "01AB,00,De Linde,34,1318 ED\n"
                    "Subtotaal Almere,,,,\n"
                    "01AB,01,De Eik,0034,1325AB\n"
                    "Bron: DUO,,,,\n", encoding="utf-8")
    canonical, _rejected, summary = apply(profile, path)
    assert [tuple(r) for r in canonical.iter_rows()] == [
        ("01AB00", "De Linde", "po", "GM0034", "1318", 3),
        ("01AB01", "De Eik", "po", "GM0034", "1325", 5),
    ]
    assert canonical.columns == ["school_id", "name", "sector", "municipality_code",
                                 "postcode4", "source_line"]
    assert summary.dropped == {"lege regel": 0, "totaal- of voetregel": 1,
                               "eerste cel past bij '^Subtotaal' (drop_rows)": 1}
    assert summary.derived == {"school_id": 2, "municipality_code": 2, "postcode4": 2}


@pytest.mark.parametrize("with_a_time", [False, True])
def test_dates_are_read_with_or_without_a_time_part_in_the_batch(with_a_time):
    """The time part is stripped only in a batch that has one (a `:`); the dates without one
    read the same either way, and a year below 100 is never taken."""
    values = ["01-08-2024", "2024-08-02", "3-8-24", None, "31-02-2024"]
    values += ["2024-08-04 10:30", "05-08-2024T08:00:00"] if with_a_time else []
    got = read_dates(pl.Series("d", values), ("%d-%m-%Y", "%d-%m-%y")).to_list()
    assert got[:5] == [date(2024, 8, 1), date(2024, 8, 2), date(2024, 8, 3), None, None]
    assert got[5:] == ([date(2024, 8, 4), date(2024, 8, 5)] if with_a_time else [])
    assert read_dates(pl.Series(["01-08-24"]), ("%d-%m-%Y",)).to_list() == [None]


def test_a_row_dropped_for_two_reasons_counts_once_for_the_first(tmp_path):
    profile = parse("""
[[files]]
entity = "schools"
drop_rows = ["^Tot", "^Sub"]
[files.columns]
school_id = "Brin"
name = "Naam"
[files.constants]
sector = "po"
municipality_code = "GM0034"
""")
    path = tmp_path / "scholen.csv"
    path.write_text("Brin,Naam\n01AB,De Linde\nTotaal,3\nSubtotaal,2\n,\nTot slot,1\n",
                    encoding="utf-8")
    canonical, _rejected, summary = apply(profile, path)
    assert canonical["school_id"].to_list() == ["01AB"]
    assert summary.dropped == {"lege regel": 1, "totaal- of voetregel": 1,
                               "eerste cel past bij '^Tot' (drop_rows)": 1,
                               "eerste cel past bij '^Sub' (drop_rows)": 1}


def test_a_streamed_export_gives_what_one_pass_gives(tmp_path):
    """The loader translates an export batch by batch: with batches of one or two rows the
    rows, their spreadsheet lines, the rejections and the summary's counts are those of one
    pass (in the file: a totals row in the middle, a bad date in the second batch)."""
    profile = parse(GOOD.replace('entity = "out_of_school"',
                                 'entity = "out_of_school"\ndate_formats = ["%d-%m-%Y"]'))
    path = tmp_path / "verzuim.csv"
    path.write_text("Nr;Leerling;Soort;Vanaf\n"
                    "E1;L1;Thuis;01-09-2024\n"
                    "Totaal;;;\n"
                    "E2;L2;Thuis;31-02-2024\n"
                    "E3;L3;Thuis;02-10-2024\n"
                    "E4;L4;Weg;03-10-2024\n", encoding="utf-8")
    whole = apply(profile, path)
    assert whole.canonical.select("episode_id", "started_on", "source_line").rows() == [
        ("E1", "2024-09-01", 2), ("E3", "2024-10-02", 5)]
    assert whole.rejected.select("line", "column_name").rows() == [
        (4, "started_on"), (6, "kind")]
    for size in (1, 2):
        translation = translate(profile, path, None, tmp_path)
        parts = list(translation.batches(size))
        assert pl.concat([c for c, _ in parts]).equals(whole.canonical)
        assert pl.concat([r for _, r in parts]).equals(whole.rejected)
        assert translation.summary == whole.summary
    assert (whole.summary.rows_read, whole.summary.rows_out, whole.summary.rows_rejected,
            whole.summary.dropped["totaal- of voetregel"]) == (5, 2, 2, 1)


UNSEEN = ("Export aanmeldingen Loket\n"
          "\n"
          "Dossiernr;Leerling;Woongemeente;Datum aanmelding;Soort aanvraag;Hulpvraag;"
          "Besluit;Datum besluit;Behandelaar\n"
          "A-1;L-77;0034;3-9-24;Sbo-plaatsing;Gedrag;Akkoord;1-10-24;Jansen\n"
          "A-2;L-78;GM0034;10-9-24;Arrangement;Leren;;;De Vries\n"
          "A-3;L-79;34;12-9-24;Consultatie;Gedrag;Niet akkoord;20-9-24;Jansen\n")


def test_a_drafted_profile_completed_by_hand_is_applied(tmp_path):
    path = tmp_path / "loket.csv"
    path.write_text(UNSEEN, encoding="cp1252")
    draft = draft_profile(path, "referrals")
    assert "header_row = 3" in draft
    assert 'date_formats = ["%d-%m-%y"]' in draft
    for line in ('referral_id = "Dossiernr"', 'pupil_id = "Leerling"',
                 'municipality_code = "Woongemeente"', 'received_on = "Datum aanmelding"',
                 'request_type = "Soort aanvraag"', 'need_category = "Hulpvraag"',
                 'decision = "Besluit"', 'decided_on = "Datum besluit"',
                 '"Sbo-plaatsing" = ""  # nog in te vullen',
                 '"Arrangement" = "arrangement"',  # the value is the code already
                 '# Niet gebruikte bronkolommen: "Behandelaar".'):
        assert line in draft
    # the user fills in the mapping
    done = draft
    for source, code in (("Sbo-plaatsing", "admission_sbo"), ("Consultatie", "consultation"),
                         ("Gedrag", "behaviour"), ("Leren", "learning"), ("Akkoord", "granted"),
                         ("Niet akkoord", "rejected")):
        done = done.replace(f'"{source}" = ""  # nog in te vullen', f'"{source}" = "{code}"')
    canonical, rejected, _summary = apply(parse_profile(done, tmp_path / "loket.toml"), path)
    assert rejected.is_empty()
    assert [tuple(r) for r in canonical.select(
        "referral_id", "municipality_code", "received_on", "request_type", "need_category",
        "decided_on", "decision").iter_rows()] == [
        ("A-1", "0034", "2024-09-03", "admission_sbo", "behaviour", "2024-10-01", "granted"),
        ("A-2", "GM0034", "2024-09-10", "arrangement", "learning", None, None),
        ("A-3", "34", "2024-09-12", "consultation", "behaviour", "2024-09-20", "rejected"),
    ]


def test_a_draft_names_the_required_columns_it_could_not_find(tmp_path):
    path = tmp_path / "lijst.csv"
    path.write_text("Leerling,Datum aanmelding\nL-1,2024-09-03\n", encoding="utf-8")
    draft = draft_profile(path, "referrals")
    assert ("# VERPLICHT, niet gevonden: referral_id, municipality_code, need_category, "
            "request_type.") in draft
    with pytest.raises(ProfileError, match=r"verplichte kolom.*referral_id, municipality_code, "
                                           "need_category, request_type"):
        parse_profile(draft, tmp_path / "lijst.toml")


KEYED = """
[[files]]
entity = "referrals"
[files.columns]
pupil_id = "Leerling"
received_on = "Datum"
request_type = "Soort"
[files.values.request_type]
"TLV SO" = "admission_so"
[files.constants]
municipality_code = "unknown"
need_category = "unknown"
[files.derive]
referral_id = { key = ["Leerling", "Datum", "Soort"], separator = "/" }
"""


@pytest.mark.parametrize(("text", "keys", "whole", "key"), [
    # the key's other parts are columns the row holds: the loader puts the pupil's
    # pseudonym in front of them (one HMAC per row)
    (KEYED, {"referral_id": "/"}, (), "2024-09-02/TLV SO"),
    # a part the row does not hold (a birth date): the whole key is pseudonymised
    (KEYED.replace('"Soort"],', '"Geboortedatum"],'), {}, ("referral_id",),
     "7/2024-09-02/2012-05-01"),
    # pupil_id made with options is not the pupil number as it stands
    (KEYED.replace('pupil_id = "Leerling"\n', '').replace(
        '[files.derive]', '[files.derive]\npupil_id = { value = "Leerling", prefix = "L" }'),
     {}, ("referral_id",), "7/2024-09-02/TLV SO"),
])
def test_which_columns_the_loader_builds_from_the_pupils_pseudonym(tmp_path, text, keys,
                                                                     whole, key):
    path = tmp_path / "export.csv"
    path.write_text("Leerling,Datum,Soort,Geboortedatum\n7,2024-09-02,TLV SO,2012-05-01\n",
                    encoding="utf-8")
    loading = translate(parse(text), path, None, tmp_path, split_keys=True)
    assert (loading.summary.pupil_keys, loading.summary.also_pseudonymise) == (keys, whole)
    [(canonical, _rejected)] = list(loading.batches())
    assert canonical["referral_id"].to_list() == [key]
    # a preview shows the key whole
    canonical, _rejected, summary = apply(parse(text), path)
    assert canonical["referral_id"].to_list() == ["7/" + key.removeprefix("7/")]
    assert summary.pupil_keys == {} and summary.also_pseudonymise == ("referral_id",)
