"""pib.toml: defaults, validation with clear messages, school-year arithmetic."""

from __future__ import annotations

from datetime import date

import pytest

from etl.schoolyear import SchoolYear
from etl.settings import TARGET_KEYS, SettingsError, parse_settings


def test_defaults_apply_to_an_empty_file():
    s = parse_settings({})
    assert (s.school_year_start, s.min_cell, s.decision_days, s.terminology) == (
        (8, 1), 5, 42, "nl")


def test_invalid_value_names_the_key():
    with pytest.raises(SettingsError, match=r"\[min_cell\] moet een geheel getal"):
        parse_settings({"privacy": {"min_cell": "vijf"}})


def test_school_year_of_and_bounds():
    s = parse_settings({})
    assert str(SchoolYear.of(date(2025, 7, 31), s.school_year_start)) == "2024-2025"
    assert str(SchoolYear.of(date(2025, 8, 1), s.school_year_start)) == "2025-2026"
    assert s.school_year_bounds("2024-2025") == (date(2024, 8, 1), date(2025, 7, 31))


def test_repository_pib_toml_is_valid():
    from etl.settings import ROOT, _load

    s = _load(ROOT / "pib.toml", 0.0)
    assert len(s.municipalities) == 9 and s.targets["within_norm_share"] == 0.9


@pytest.mark.parametrize(("raw", "named"), [
    ({"norms": {"decison_days": 30}}, "'decison_days' onder [norms]"),
    ({"targets": {"within_norm_shar": 0.9}}, "'within_norm_shar' onder [targets]"),
    ({"target": {"within_norm_share": 0.9}}, "onbekende sectie [target]"),
    ({"public": {"enabeld": True}}, "'enabeld' onder [public]"),
])
def test_an_unknown_section_or_key_is_an_error_naming_it(raw, named):
    with pytest.raises(SettingsError) as caught:
        parse_settings(raw)
    assert named in str(caught.value)


def test_public_is_off_by_default_and_must_be_a_boolean():
    assert parse_settings({}).public is False
    assert parse_settings({"public": {"enabled": True}}).public is True
    with pytest.raises(SettingsError, match=r"\[enabled\] onder \[public\] moet true of false"):
        parse_settings({"public": {"enabled": "ja"}})


def test_every_known_section_and_key_is_accepted():
    raw = {
        "organisation": {"name": "SWV", "terminology": "vl"},
        "school_year": {"start_month": 9, "start_day": 1},
        "norms": {"decision_days": 42, "extension_days": 28, "complete_days": 21,
                  "start_days": 28},
        "privacy": {"min_cell": 10}, "region": {"municipalities": ["GM0193"]},
        "targets": dict.fromkeys(TARGET_KEYS, 1.0), "public": {"enabled": True},
    }
    s = parse_settings(raw)
    assert (s.terminology, s.min_cell, s.public, len(s.targets)) == ("vl", 10, True, 7)
