"""pib.toml: defaults, validation with clear messages, school-year arithmetic."""

from __future__ import annotations

from datetime import date

import pytest

from etl.schoolyear import SchoolYear
from etl.settings import SettingsError, parse_settings


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
