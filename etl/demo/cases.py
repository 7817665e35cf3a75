"""Escalated cases (thuiszittersoverleg): a share of the out-of-school episodes reaches the
network's case table some weeks after it started; most cases end in a place.

The story of the demo (issue 16): in one gemeente (`STORY_MUNICIPALITY`, Steenwijkerland in
the Dutch profile) more pupils of secondary age (11 to 13, known from earlier referrals or
episodes) find no fitting place every year: cases `no_fitting_place` of sector vso or vo that
open mostly in the first three months of the school year, at the move from po to vo, and run
longer than other cases. The Casussen page must show it."""

from __future__ import annotations

import numpy as np
import polars as pl

from etl.demo.context import CASES, Context, categorical, date, ident, lookup
from etl.demo.pupils import PupilRegistry
from etl.demo.schoolyears import calendar_years
from etl.schema import CASE_OUTCOMES, CASE_PROBLEMS, CASE_REFERRERS, CASE_SECTORS

CASE_SHARE = 0.6  # of the absence episodes (not exemptions)
DAYS_OUT_BEFORE = (7, 45)
CASE_DAYS = (60.0, 0.7, 7, 400)  # lognormal median, sigma; clipped to a range
REFERRER_MIX = (0.45, 0.15, 0.10, 0.20, 0.07, 0.03)  # CASE_REFERRERS
PROBLEM_MIX = (0.55, 0.20, 0.10, 0.10, 0.03, 0.02)  # CASE_PROBLEMS
SECTOR_MIX = (0.38, 0.45, 0.06, 0.06, 0.03, 0.02)  # CASE_SECTORS
OUTCOME_MIX = (0.35, 0.25, 0.20, 0.05, 0.10, 0.05)  # CASE_OUTCOMES

STORY_MUNICIPALITY = 2  # index into the profile's municipalities
STORY_CASES = (3.0, 1.5, 20_000)  # cases in the first year, growth per year, per regular pupils
STORY_AGES = (11, 13)  # age at the start of the school year
STORY_MONTHS = (4.0, 4.0, 2.5) + (0.35,) * 9  # weight per month of the school year
STORY_AT_SCHOOL = 0.3  # share still at (po) school: 0 days out before the case
STORY_DAYS_OUT = (14, 120)
STORY_CASE_DAYS = (120.0, 0.6, 14, 400)
STORY_REFERRER_MIX = (0.30, 0.45, 0.0, 0.25, 0.0, 0.0)  # CASE_REFERRERS
STORY_SECTOR_MIX = (0.0, 0.4, 0.0, 0.6, 0.0, 0.0)  # CASE_SECTORS: vo, vso
STORY_OUTCOME_MIX = (0.05, 0.35, 0.30, 0.10, 0.20, 0.0)  # CASE_OUTCOMES


def cases(ctx: Context, episodes: pl.DataFrame, pupils: PupilRegistry, year: int,
          first_id: int) -> pl.DataFrame:
    """Cases opened in school year `year` (canonical frame, in order of opening): those of the
    absence episodes of the year, and the story's cases (`story`)."""
    rng = ctx.rng(CASES, year)
    absence = episodes.filter(pl.col("kind") != "exemption")
    started = absence["started_on"].cast(pl.Int32).to_numpy().astype(np.int64)
    ended = absence["ended_on"].cast(pl.Int32).fill_null(-1).to_numpy().astype(np.int64)
    n = started.size
    days_out = rng.integers(DAYS_OUT_BEFORE[0], DAYS_OUT_BEFORE[1] + 1, n)
    opened = started + days_out
    keep = ((rng.random(n) < CASE_SHARE) & (opened <= ctx.years.as_of)
            & ((ended < 0) | (opened <= ended)))
    closed = opened + _duration(rng, CASE_DAYS, n)
    outcome = categorical(rng.random(n), OUTCOME_MIX)
    referrer = categorical(rng.random(n), REFERRER_MIX)
    problem = categorical(rng.random(n), PROBLEM_MIX)
    sector = categorical(rng.random(n), SECTOR_MIX)
    codes = np.array(ctx.municipality_codes)
    municipality = absence["municipality_code"].to_numpy()
    rows = {
        "pupil_id": absence["pupil_id"].to_numpy()[keep],
        "municipality_code": municipality[keep],
        "opened_on": opened[keep], "closed_on": closed[keep], "referred_by": referrer[keep],
        "problem_type": problem[keep], "sector": sector[keep],
        "days_out_before": days_out[keep], "outcome": outcome[keep],
    }
    extra = story(ctx, pupils, year)
    rows = {k: np.concatenate([v, extra[k] if k != "municipality_code"
                               else codes[extra[k]]]) for k, v in rows.items()}
    order = np.argsort(rows["opened_on"], kind="stable")
    rows = {k: v[order] for k, v in rows.items()}
    open_ = rows["closed_on"] > ctx.years.as_of
    rows["closed_on"][open_] = -1
    rows["outcome"][open_] = -1
    return pl.DataFrame({
        "case_id": np.arange(first_id, first_id + order.size), **rows,
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


def story(ctx: Context, pupils: PupilRegistry, year: int) -> dict[str, np.ndarray]:
    """The story's cases of school year `year` as columns of indices (municipality: index into
    the profile's municipalities; codes: indices into the code lists; dates: day numbers):
    `no_fitting_place` for pupils of secondary age of `STORY_MUNICIPALITY`, more every year,
    opened mostly in the first months of the school year. Pupils are drawn from those met so
    far (ids `P...`), without repeats within the year; fewer cases when too few are known."""
    rng = ctx.rng(CASES, year, 1)
    first, growth, per_pupils = STORY_CASES
    wanted = round(first * growth ** year * ctx.schools.regular_pupils[year] / per_pupils)
    start = int(ctx.years.starts[year])
    calendar = int(calendar_years(np.array([start]))[0])
    age = calendar - pupils.birth_year[: pupils.count]
    known = np.flatnonzero((pupils.municipality[: pupils.count] == STORY_MUNICIPALITY)
                           & (age >= STORY_AGES[0]) & (age <= STORY_AGES[1]))
    n = min(wanted, known.size)
    pupil = np.sort(rng.choice(known, n, replace=False)) if n else known[:0]
    opened = np.sort(rng.choice(ctx.years.days(year), n,
                                p=ctx.years.weights(year, _rotate(ctx, STORY_MONTHS))))
    days_out = np.where(rng.random(n) < STORY_AT_SCHOOL, 0,
                        rng.integers(STORY_DAYS_OUT[0], STORY_DAYS_OUT[1] + 1, n))
    return {
        "pupil_id": np.array([f"P{i + 1:08d}" for i in pupil], dtype=object),
        "municipality_code": np.full(n, STORY_MUNICIPALITY),
        "opened_on": opened,
        "closed_on": opened + _duration(rng, STORY_CASE_DAYS, n),
        "referred_by": categorical(rng.random(n), STORY_REFERRER_MIX),
        "problem_type": np.full(n, CASE_PROBLEMS.index("no_fitting_place")),
        "sector": categorical(rng.random(n), STORY_SECTOR_MIX),
        "days_out_before": days_out,
        "outcome": categorical(rng.random(n), STORY_OUTCOME_MIX),
    }


def _rotate(ctx: Context, weights: tuple[float, ...]) -> tuple[float, ...]:
    """Weights per month of the school year as weights per calendar month (January first)."""
    start = ctx.profile.year_start[0]
    return tuple(weights[(month - start) % 12] for month in range(1, 13))


def _duration(rng: np.random.Generator, spec: tuple[float, float, int, int],
              n: int) -> np.ndarray:
    """Days a case runs: lognormal around the median, clipped to the range of `spec`."""
    median, sigma, low, high = spec
    return np.clip(np.round(median * np.exp(sigma * rng.standard_normal(n))),
                   low, high).astype(np.int64)
