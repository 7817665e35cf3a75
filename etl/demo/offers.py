"""The support offer (aanbod): capacity that roughly covers demand, except in one
municipality where capacity for one need is clearly short."""

from __future__ import annotations

import numpy as np
import polars as pl

from etl.demo.context import OFFERS, TARIFFS, Context
from etl.schema import NEED_CATEGORIES

COVERAGE = (0.85, 1.35)  # capacity / demand, usually
SHORT_COVERAGE = (0.40, 0.60)  # in the shortage municipality and need
SPARE_SHARE = 0.3  # pairs without demand that still have some capacity
SPARE_CAPACITY = (1, 5)
MAX_OFFERS = 3  # offers (providers) per municipality, need and year
# Cost of one place for a school year (EUR) per need category, first school year; each offer
# deviates by TARIFF_SPREAD and tariffs are indexed yearly. Some offers have no tariff.
TARIFFS_BY_NEED = {
    "learning": 2500.0, "behaviour": 4500.0, "communication": 4000.0, "sensory": 6000.0,
    "physical": 5500.0, "intellectual": 5000.0, "psychiatric": 7000.0, "giftedness": 1500.0,
    "other": 3000.0,
}
TARIFF_SPREAD = (0.8, 1.25)
INDEXATION = 0.03
NO_TARIFF_SHARE = 0.05


def offers(ctx: Context, demand: np.ndarray) -> pl.DataFrame:
    """Offers from demand per [year, municipality, need] (distinct pupils granted)."""
    rng = ctx.rng(OFFERS)
    capacity = np.ceil(demand * rng.uniform(*COVERAGE, demand.shape)).astype(np.int64)
    code, need = ctx.profile.shortage
    g = [m.code for m in ctx.profile.municipalities].index(code)
    n = NEED_CATEGORIES.index(need)
    short = rng.uniform(*SHORT_COVERAGE, ctx.years.count)
    capacity[:, g, n] = np.floor(demand[:, g, n] * short).astype(np.int64)
    spare = (demand == 0) & (rng.random(demand.shape) < SPARE_SHARE)
    capacity[spare] = rng.integers(SPARE_CAPACITY[0], SPARE_CAPACITY[1] + 1, int(spare.sum()))
    rows: list[tuple[str, str, str, str, str, int]] = []
    for y, g, n in zip(*np.nonzero(capacity), strict=True):
        options = ctx.profile.names.offers[NEED_CATEGORIES[n]]
        total = int(capacity[y, g, n])
        count = min(len(options), total, int(rng.integers(1, MAX_OFFERS + 1)))
        chosen = np.sort(rng.choice(len(options), count, replace=False))
        split = 1 + rng.multinomial(total - count, rng.dirichlet(np.ones(count)))
        for option, places in zip(chosen, split, strict=True):
            provider, offer_type = options[option]
            rows.append((provider, NEED_CATEGORIES[n], offer_type,
                         ctx.profile.municipalities[g].code, ctx.years.labels[y], int(places)))
    columns = ["provider", "need_category", "offer_type", "municipality_code", "school_year",
               "capacity"]
    frame = pl.DataFrame(rows, schema=columns, orient="row")
    ids = [f"O{i + 1:06d}" for i in range(frame.height)]
    return frame.select(pl.Series("offer_id", ids, dtype=pl.String), *columns,
                        pl.Series("tariff_eur", _tariffs(ctx, frame)).fill_nan(None))


def _tariffs(ctx: Context, frame: pl.DataFrame) -> np.ndarray:
    """A tariff per offer in whole euros; NaN where an offer has no tariff."""
    rng = ctx.rng(TARIFFS)
    n = frame.height
    base = np.array([TARIFFS_BY_NEED[need] for need in frame["need_category"]])
    year = np.array([ctx.years.labels.index(label) for label in frame["school_year"]])
    tariff = np.round(base * rng.uniform(*TARIFF_SPREAD, n) * (1 + INDEXATION) ** year)
    return np.where(rng.random(n) < NO_TARIFF_SHARE, np.nan, tariff)
