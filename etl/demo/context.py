"""What every part of the generator shares: profile, school years, schools, random streams."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import polars as pl

from etl.demo.profiles import Profile
from etl.demo.schools import Schools
from etl.demo.schoolyears import SchoolYears
from etl.schema import NEED_CATEGORIES

# Independent random streams: a stream is seeded by (seed, stream, *keys), so each school year
# and chunk has its own generator and the output does not depend on how work is split.
SCHOOLS, REFERRALS, SUPPORTS, TEAM_WORK, OFFERS, OUT_OF_SCHOOL = range(1, 7)
# Streams of the columns added later (issue 14): drawn apart, so the earlier columns keep
# their bytes.
PLACEMENTS, SUPPORT_DETAIL, ABSENCE_DETAIL, TARIFFS, FINANCE, CASES = range(7, 13)

NEED_MIX = np.array([0.26, 0.30, 0.08, 0.03, 0.03, 0.07, 0.09, 0.02, 0.05])  # NEED_CATEGORIES
PSYCHIATRIC_GROWTH = 0.015  # added to the psychiatric weight per school year
PSYCHIATRIC = NEED_CATEGORIES.index("psychiatric")


@dataclass
class Context:
    profile: Profile
    seed: int
    years: SchoolYears
    schools: Schools
    residents: np.ndarray  # regular pupils per [year, municipality]
    providers: list[str] = field(init=False)
    need_providers: np.ndarray = field(init=False)  # provider index per [need, option]
    need_provider_count: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        options = self.profile.names.offers
        names = [p for need in NEED_CATEGORIES for p, _ in options[need]]
        providers = list(dict.fromkeys([*names, *self.profile.names.team_providers]))
        width = max(len(options[need]) for need in NEED_CATEGORIES)
        table = np.zeros((len(NEED_CATEGORIES), width), dtype=np.int64)
        for n, need in enumerate(NEED_CATEGORIES):
            table[n, : len(options[need])] = [providers.index(p) for p, _ in options[need]]
        self.providers = providers
        self.need_providers = table
        self.need_provider_count = np.array([len(options[need]) for need in NEED_CATEGORIES])

    def rng(self, stream: int, *keys: int) -> np.random.Generator:
        return random_stream(self.seed, stream, *keys)

    def need_mix(self, year: int) -> np.ndarray:
        mix = NEED_MIX.copy()
        mix[PSYCHIATRIC] += PSYCHIATRIC_GROWTH * year
        return mix / mix.sum()

    def municipality_mix(self, year: int) -> np.ndarray:
        return self.residents[year] / self.residents[year].sum()

    @property
    def municipality_codes(self) -> list[str]:
        return [m.code for m in self.profile.all_municipalities]


def random_stream(seed: int, stream: int, *keys: int) -> np.random.Generator:
    return np.random.default_rng([seed, stream, *keys])


def categorical(u: np.ndarray, probs: np.ndarray | tuple[float, ...]) -> np.ndarray:
    """Category index for uniform draws `u` (zero-probability categories never occur)."""
    cumulative = np.cumsum(probs)
    return np.minimum(np.searchsorted(cumulative / cumulative[-1], u, side="right"),
                      len(cumulative) - 1)


def ident(prefix: str, column: str, width: int = 8) -> pl.Expr:
    """`R00000001`-style id from a 0-based index column; null where the index is -1."""
    text = (pl.col(column) + 1).cast(pl.String).str.zfill(width)
    return pl.when(pl.col(column) >= 0).then(pl.lit(prefix) + text).alias(column)


def lookup(column: str, values: list[str] | tuple[str, ...]) -> pl.Expr:
    """The string at each index; null where the index is -1."""
    mapping = dict(enumerate(values))
    return pl.col(column).replace_strict(mapping, default=None, return_dtype=pl.String)


def date(column: str) -> pl.Expr:
    """A day number as a date; null where it is -1."""
    return pl.when(pl.col(column) >= 0).then(pl.col(column).cast(pl.Int32).cast(pl.Date))
