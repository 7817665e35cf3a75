"""The pupils met so far: compact per-pupil arrays, so repeat referrals and out-of-school
episodes reuse the same pupil (same id, birth year and municipality)."""

from __future__ import annotations

import numpy as np


class PupilRegistry:
    """Pupil `i` has id `P{i + 1:08d}`; arrays grow by doubling."""

    def __init__(self) -> None:
        self.count = 0
        self.birth_year = np.zeros(1024, dtype=np.int16)
        self.municipality = np.zeros(1024, dtype=np.int16)
        self.need = np.zeros(1024, dtype=np.int8)
        self.year_marks: list[int] = []  # count at the start of each school year

    def add(self, birth_year: np.ndarray, municipality: np.ndarray,
            need: np.ndarray) -> np.ndarray:
        """Register new pupils; returns their indices."""
        new = np.arange(self.count, self.count + birth_year.size)
        if new.size and new[-1] >= self.birth_year.size:
            size = max(2 * self.birth_year.size, int(new[-1]) + 1)
            for name in ("birth_year", "municipality", "need"):
                old = getattr(self, name)
                grown = np.zeros(size, dtype=old.dtype)
                grown[: self.count] = old[: self.count]
                setattr(self, name, grown)
        self.birth_year[new] = birth_year
        self.municipality[new] = municipality
        self.need[new] = need
        self.count += new.size
        return new

    def start_year(self) -> None:
        self.year_marks.append(self.count)

    def recent(self, year: int) -> tuple[int, int]:
        """Index range of pupils first met in the school year before `year` or later."""
        return self.year_marks[max(year - 1, 0)], self.count
