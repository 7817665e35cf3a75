"""Escalated cases (thuiszittersoverleg): a share of the out-of-school episodes reaches the
network's case table some weeks after it started; most cases end in a place."""

from __future__ import annotations

import numpy as np
import polars as pl

from etl.demo.context import CASES, Context, categorical, date, ident, lookup
from etl.schema import CASE_OUTCOMES, CASE_PROBLEMS, CASE_REFERRERS, CASE_SECTORS

CASE_SHARE = 0.6  # of the absence episodes (not exemptions)
DAYS_OUT_BEFORE = (7, 45)
CASE_DAYS = (60.0, 0.7, 7, 400)  # lognormal median, sigma; clipped to a range
REFERRER_MIX = (0.45, 0.15, 0.10, 0.20, 0.07, 0.03)  # CASE_REFERRERS
PROBLEM_MIX = (0.55, 0.20, 0.10, 0.10, 0.03, 0.02)  # CASE_PROBLEMS
SECTOR_MIX = (0.38, 0.45, 0.06, 0.06, 0.03, 0.02)  # CASE_SECTORS
OUTCOME_MIX = (0.35, 0.25, 0.20, 0.05, 0.10, 0.05)  # CASE_OUTCOMES


def cases(ctx: Context, episodes: pl.DataFrame, year: int, first_id: int) -> pl.DataFrame:
    """Cases opened for the absence episodes (canonical frame) of school year `year`."""
    rng = ctx.rng(CASES, year)
    absence = episodes.filter(pl.col("kind") != "exemption")
    started = absence["started_on"].cast(pl.Int32).to_numpy().astype(np.int64)
    ended = absence["ended_on"].cast(pl.Int32).fill_null(-1).to_numpy().astype(np.int64)
    n = started.size
    days_out = rng.integers(DAYS_OUT_BEFORE[0], DAYS_OUT_BEFORE[1] + 1, n)
    opened = started + days_out
    keep = ((rng.random(n) < CASE_SHARE) & (opened <= ctx.years.as_of)
            & ((ended < 0) | (opened <= ended)))
    median, sigma, low, high = CASE_DAYS
    closed = opened + np.clip(np.round(median * np.exp(sigma * rng.standard_normal(n))),
                              low, high).astype(np.int64)
    closed[closed > ctx.years.as_of] = -1
    outcome = np.where(closed >= 0, categorical(rng.random(n), OUTCOME_MIX), -1)
    referrer = categorical(rng.random(n), REFERRER_MIX)
    problem = categorical(rng.random(n), PROBLEM_MIX)
    sector = categorical(rng.random(n), SECTOR_MIX)
    rows = np.flatnonzero(keep)
    order = rows[np.argsort(opened[rows], kind="stable")]
    return pl.DataFrame({
        "case_id": np.arange(first_id, first_id + order.size),
        "pupil_id": absence["pupil_id"].to_numpy()[order],
        "municipality_code": absence["municipality_code"].to_numpy()[order],
        "opened_on": opened[order],
        "closed_on": closed[order],
        "referred_by": referrer[order],
        "problem_type": problem[order],
        "sector": sector[order],
        "days_out_before": days_out[order],
        "outcome": outcome[order],
    }).select(
        ident("C", "case_id", width=7),
        pl.col("pupil_id").cast(pl.String),
        pl.col("municipality_code").cast(pl.String),
        date("opened_on"),
        date("closed_on"),
        lookup("referred_by", CASE_REFERRERS),
        lookup("problem_type", CASE_PROBLEMS),
        lookup("sector", CASE_SECTORS),
        "days_out_before",
        lookup("outcome", CASE_OUTCOMES),
    )
