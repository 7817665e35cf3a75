"""School years and day arithmetic; a date is an int: days since 1970-01-01."""

from __future__ import annotations

import numpy as np

from etl.demo.profiles import Profile

LAST_START_YEAR = 2025  # the last generated school year is 2025-2026
_EPOCH = np.datetime64("1970-01-01", "D")
HOLIDAY_FACTOR = 0.12
WEEKEND_FACTOR = 0.05


def to_day(year: int, month: int, day: int) -> int:
    return int((np.datetime64(f"{year:04d}-{month:02d}-{day:02d}", "D") - _EPOCH).astype(int))


def months(days: np.ndarray) -> np.ndarray:
    """Calendar month (1-12) of each day."""
    return (days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64) % 12) + 1


def calendar_years(days: np.ndarray) -> np.ndarray:
    return days.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970


def weekdays(days: np.ndarray) -> np.ndarray:
    """0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday)."""
    return (days + 3) % 7


def next_weekday(days: np.ndarray) -> np.ndarray:
    """The day itself, or the Monday after when it falls in a weekend."""
    weekday = weekdays(days)
    return days + np.where(weekday == 5, 2, np.where(weekday == 6, 1, 0))


class SchoolYears:
    """The generated school years; `as_of` (the extract date) is the last day of the last one."""

    def __init__(self, profile: Profile, count: int) -> None:
        first = LAST_START_YEAR - count + 1
        month, day = profile.year_start
        self.profile = profile
        self.count = count
        self.starts = np.array([to_day(first + i, month, day) for i in range(count + 1)])
        self.labels = [f"{first + i}-{first + i + 1}" for i in range(count)]
        self.as_of = int(self.starts[-1]) - 1

    def days(self, year: int) -> np.ndarray:
        return np.arange(self.starts[year], self.starts[year + 1], dtype=np.int64)

    def index(self, days: np.ndarray) -> np.ndarray:
        """School-year index of each day (-1 before the first, `count` after the last)."""
        return np.searchsorted(self.starts, days, side="right") - 1

    def weights(self, year: int, by_month: tuple[float, ...] | None = None) -> np.ndarray:
        """Probability of each day of a school year: low at weekends and in the holidays."""
        days = self.days(year)
        month = months(days)
        weight = np.ones(days.size) if by_month is None else np.asarray(by_month)[month - 1]
        weight = weight * np.where(weekdays(days) >= 5, WEEKEND_FACTOR, 1.0)
        weight = weight * np.where(self._in_holiday(days, month), HOLIDAY_FACTOR, 1.0)
        return weight / weight.sum()

    def _in_holiday(self, days: np.ndarray, month: np.ndarray) -> np.ndarray:
        month_day = month * 100 + (days - _month_starts(days))
        inside = np.zeros(days.size, dtype=bool)
        for m1, d1, m2, d2 in self.profile.holidays:
            start, end = m1 * 100 + d1 - 1, m2 * 100 + d2 - 1
            if start <= end:
                inside |= (month_day >= start) & (month_day <= end)
            else:
                inside |= (month_day >= start) | (month_day <= end)
        return inside


def _month_starts(days: np.ndarray) -> np.ndarray:
    return (days.astype("datetime64[D]").astype("datetime64[M]").astype("datetime64[D]")
            - _EPOCH).astype(np.int64)
