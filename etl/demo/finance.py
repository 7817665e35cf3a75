"""The network's books (finance.csv): budget and actuals per school year, with a story a board
member finds: the reserve creeps up, lies above the Inspectie's signaleringswaarde in one
school year (docs/finance.md) and is spent down the year after."""

from __future__ import annotations

import numpy as np
import polars as pl

from etl.demo.context import FINANCE, Context

# Signaleringswaarde for a samenwerkingsverband (docs/finance.md): 0.035 x total income, at
# least EUR 250,000.
SIGNAL_SHARE, SIGNAL_MINIMUM = 0.035, 250_000.0
INCOME_GROWTH = 0.025  # yearly, on top of the change in pupils
# Reserve at each year end as a multiple of that year's signaleringswaarde: rising towards the
# one year above it (the next-to-last school year), then spent down.
RESERVE_RISING = (0.70, 0.95)
RESERVE_ABOVE, RESERVE_AFTER = 1.40, 0.90
INCOME_BUDGET = (0.985, 1.0)  # the budget is cautious about income ...
EXPENSE_BUDGET = (0.985, 1.02)  # ... and generous about spending
RESERVE_ITEM = {"nl": "Algemene reserve per 31 juli", "vl": "Reserve op 31 augustus"}


def finance(ctx: Context) -> pl.DataFrame:
    """Lines of `profile.names.finance` (income shares of the income, expense shares of the
    expenses) plus the reserve at the end of each school year, in whole euros."""
    rng = ctx.rng(FINANCE)
    count = ctx.years.count
    pupils = ctx.schools.regular_pupils.astype(np.float64)
    income = ctx.profile.income_per_pupil * pupils * (1 + INCOME_GROWTH) ** np.arange(count)
    signal = np.maximum(SIGNAL_SHARE * income, SIGNAL_MINIMUM)
    reserve = signal * _reserve_path(count)
    opening = signal[0] * RESERVE_RISING[0] * 0.9
    result = np.diff(np.concatenate([[opening], reserve]))
    expenses = income - result
    rows: list[tuple[str, str, str, float, float]] = []
    for y, label in enumerate(ctx.years.labels):
        for item, category, share in ctx.profile.names.finance:
            total = income[y] if category == "income" else expenses[y]
            actual = round(total * share)
            spread = INCOME_BUDGET if category == "income" else EXPENSE_BUDGET
            rows.append((label, item, category, round(actual * rng.uniform(*spread)), actual))
        budget_result = sum((b if c == "income" else -b)
                            for lab, _, c, b, _ in rows if lab == label)
        previous = opening if y == 0 else reserve[y - 1]
        rows.append((label, RESERVE_ITEM[ctx.profile.name], "reserve_end",
                     round(max(previous + budget_result, 0.0)), round(reserve[y])))
    return pl.DataFrame(rows, schema=["school_year", "item", "category", "budget_eur",
                                      "actual_eur"], orient="row")


def _reserve_path(count: int) -> np.ndarray:
    """Reserve / signaleringswaarde at each year end: above 1 in exactly one school year."""
    if count == 1:
        return np.array([RESERVE_ABOVE])
    rising = np.linspace(*RESERVE_RISING, max(count - 2, 1))[: count - 2]
    return np.concatenate([rising, [RESERVE_ABOVE, RESERVE_AFTER]])
