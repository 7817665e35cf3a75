"""The school year: the one time basis of every figure, in Python and in SQL.

A date belongs to school year `Y-(Y+1)` when it falls between the school-year start of Y and the
day before that of Y+1 (CONTRACT §4). The start is `[school_year] start_month, start_day` of
`pib.toml`: 1 August in the Netherlands (Wet op het primair onderwijs art. 7: the school year
runs from 1 August to 31 July), 1 September in Flanders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

PATTERN = r"^\d{4}-\d{4}$"  # `2024-2025`; the second year must follow the first
_TEXT = re.compile(PATTERN)

Start = tuple[int, int]  # (month, day) of the first day of a school year


@dataclass(frozen=True, order=True)
class SchoolYear:
    """A school year, named `2024-2025` after the calendar years it spans.

    `first` is the calendar year in which it starts. `str()` gives the name; `parse` reads one;
    `of` finds the school year of a date; `bounds` gives its first and last day.
    """

    first: int

    def __str__(self) -> str:
        return f"{self.first}-{self.first + 1}"

    @classmethod
    def parse(cls, text: object) -> SchoolYear:
        """The school year named by `text` (`2024-2025`, surrounding spaces allowed).

        Raises ValueError with a Dutch sentence when the text is no school year."""
        clean = text.strip() if isinstance(text, str) else ""
        if not _TEXT.fullmatch(clean) or int(clean[5:]) != int(clean[:4]) + 1:
            raise ValueError(f"Ongeldig schooljaar '{text}': gebruik bijvoorbeeld 2024-2025.")
        return cls(int(clean[:4]))

    @classmethod
    def is_valid(cls, text: object) -> bool:
        """Whether `text` names a school year."""
        try:
            cls.parse(text)
        except ValueError:
            return False
        return True

    @classmethod
    def of(cls, day: date, start: Start) -> SchoolYear:
        """The school year that `day` belongs to, for a school year starting on `start`."""
        return cls(day.year if (day.month, day.day) >= start else day.year - 1)

    def bounds(self, start: Start) -> tuple[date, date]:
        """The first and the last day of this school year."""
        month, day = start
        first = date(self.first, month, day)
        return first, date(self.first + 1, month, day) - timedelta(days=1)

    @property
    def previous(self) -> SchoolYear:
        return SchoolYear(self.first - 1)

    @property
    def next(self) -> SchoolYear:
        return SchoolYear(self.first + 1)


def sql_macros(start: Start, schema: str | None = None) -> str:
    """DDL of the school-year macros for a school year starting on `start` (month, day):
    `school_year_start(d)` the first calendar year of d's school year (2024 for 2025-01-10),
    `school_year_label(y)` its name (`2024-2025`), `school_year(d)` both in one, and
    `in_school_year(d, sy)` true when d falls in school year `sy`, and
    `school_year_first_day(sy)` / `school_year_last_day(sy)` the first and last day of `sy`.
    Queries group by the integer and name the few groups at the end, and filter by
    `in_school_year`, a date range that skips whole row groups: both much cheaper than building
    a string for every row.
    Temporary macros of the connection, or with `schema` macros of that schema."""
    month, day = (int(part) for part in start)  # validated integers, never user text
    create = ("create or replace temp macro " if schema is None
              else f"create or replace macro {schema}.")
    return (
        f"{create}school_year_start(d) as "
        f"year(d) - (month(d) * 100 + day(d) < {month * 100 + day})::int;"
        f"{create}school_year_label(y) as y::varchar || '-' || (y + 1)::varchar;"
        f"{create}school_year(d) as school_year_label(school_year_start(d));"
        f"{create}in_school_year(d, sy) as "
        f"d >= make_date(left(sy, 4)::int, {month}, {day}) "
        f"and d < make_date(left(sy, 4)::int + 1, {month}, {day});"
        f"{create}school_year_first_day(sy) as make_date(left(sy, 4)::int, {month}, {day});"
        f"{create}school_year_last_day(sy) as "
        f"make_date(left(sy, 4)::int + 1, {month}, {day}) - 1;"
    )
