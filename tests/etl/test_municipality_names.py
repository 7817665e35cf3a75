"""THE municipality-name matcher of every importer, on the reference that ships in etl/reference/
(gemeenten_per_jaar.csv: `2013,s-Gravenhage,0518`, `2015,Groesbeek,0241`,
`2016,Berg en Dal,1945`, `2024,"Nuenen, Gerwen en Nederwetten",0820`, ...)."""

from __future__ import annotations

import polars as pl

from etl.municipality_names import bare_key, municipalities, name_key


def test_name_keys_ignore_case_accents_punctuation_and_the_cbs_suffix():
    assert name_key("'s-Gravenhage") == name_key("S GRAVENHAGE") == "s gravenhage"
    assert name_key("Súdwest-Fryslân") == name_key("SUDWEST-FRYSLAN") == "sudwest fryslan"
    assert name_key("Gaasterl‚n-Sleat") == "gaasterlan sleat"  # mis-decoded in the reference
    assert name_key("Bergen (NH.)") == "bergen nh" and bare_key("Bergen (NH.)") == "bergen"
    assert bare_key("Groningen (gemeente)") == "groningen"


def test_cbs_and_duo_spellings_match_the_same_code():
    ref = municipalities()
    assert (ref.first_year, ref.last_year) == (2013, 2025)
    cases = {
        ("'s-Gravenhage (gemeente)", 2013): "0518",  # CBS: suffix, leading apostrophe
        ("S GRAVENHAGE", 2024): "0518",  # DUO capitals
        ("Hengelo (O.)", 2013): "0164",  # CBS suffix, the reference lists `Hengelo`
        ("BERGEN LB", 2024): "0893",  # DUO province word: Bergen (L.)
        ("BERGEN NH", 2024): "0373",
        ("BERGEN", 2024): None,  # two Bergens: ambiguous
        ("NUENEN CA", 2024): "0820",  # cum annexis: Nuenen, Gerwen en Nederwetten
        ("Groesbeek", 2010): "0241",  # before the reference: its first year
        ("Groesbeek", 2016): None,  # renamed Berg en Dal that year
        ("Atlantis", 2020): None,
    }
    assert {case: ref.code_of(*case) for case in cases} == cases


def test_match_adds_the_code_of_the_year_and_todays_code():
    frame = pl.DataFrame({"name": ["Groesbeek", "Berg en Dal", "Atlantis", None],
                          "year": [2015, 2016, 2015, 2015], "pupils": [1, 2, 3, 4]})
    assert municipalities().match(frame).rows() == [
        ("Groesbeek", 2015, 1, "0241", "GM1945"),
        ("Berg en Dal", 2016, 2, "1945", "GM1945"),
        ("Atlantis", 2015, 3, None, None),
        (None, 2015, 4, None, None),
    ]
