"""The support offer (aanbod): capacity that roughly covers demand, except in one
municipality where capacity for one need is clearly short."""

from __future__ import annotations

import numpy as np
import polars as pl

from etl.demo.context import OFFERS, Context
from etl.schema import NEED_CATEGORIES

COVERAGE = (0.85, 1.35)  # capacity / demand, usually
SHORT_COVERAGE = (0.40, 0.60)  # in the shortage municipality and need
SPARE_SHARE = 0.3  # pairs without demand that still have some capacity
SPARE_CAPACITY = (1, 5)
MAX_OFFERS = 3  # offers (providers) per municipality, need and year


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
    return frame.select(pl.Series("offer_id", ids, dtype=pl.String), *columns)
