from datetime import date

import pytest

from etl.schoolyear import SchoolYear


def test_parse_and_name():
    year = SchoolYear.parse(" 2024-2025 ")
    assert year == SchoolYear(2024)
    assert str(year) == "2024-2025"
    assert str(year.previous) == "2023-2024"
    assert str(year.next) == "2025-2026"


@pytest.mark.parametrize("text", ["2024-2026", "2024/2025", "24-25", "", None, "2024-2025x"])
def test_parse_refuses_what_is_no_school_year(text):
    with pytest.raises(ValueError, match="Ongeldig schooljaar"):
        SchoolYear.parse(text)
    assert not SchoolYear.is_valid(text)


@pytest.mark.parametrize(("start", "day", "expected"), [
    ((8, 1), date(2025, 7, 31), "2024-2025"),
    ((8, 1), date(2025, 8, 1), "2025-2026"),
    ((9, 1), date(2025, 8, 31), "2024-2025"),
    ((9, 1), date(2025, 9, 1), "2025-2026"),
])
def test_of(start, day, expected):
    assert str(SchoolYear.of(day, start)) == expected


def test_bounds():
    assert SchoolYear(2024).bounds((8, 1)) == (date(2024, 8, 1), date(2025, 7, 31))
    assert SchoolYear(2023).bounds((9, 1)) == (date(2023, 9, 1), date(2024, 8, 31))
