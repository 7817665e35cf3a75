"""The seeded demo generator: same arguments, same bytes."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from etl.demo.absence import out_of_school
from etl.demo.cases import cases
from etl.demo.context import SCHOOLS, SUPPORTS, TEAM_WORK, Context, random_stream
from etl.demo.finance import finance
from etl.demo.offers import offers
from etl.demo.profiles import PROFILES
from etl.demo.pupils import PupilRegistry
from etl.demo.referrals import CHUNK_ROWS, GRANTED, Referrals, referral_chunks
from etl.demo.schools import build_schools, residents
from etl.demo.schoolyears import SchoolYears
from etl.demo.supports import (
    CURATIVE,
    PREVENTIVE,
    Supports,
    individual_supports,
    outcomes,
    preventive_targets,
    team_supports,
    team_work_count,
)
from etl.demo.writer import CsvSink, Progress
from etl.schema import NEED_CATEGORIES

REFERRAL_RATE = 0.06  # referrals per regular pupil per school year
MIN_PUPILS, MAX_YEARS, MAX_REFERRAL_RATE = 100, 15, 5.0
PUPIL_BITS = 40  # demand keys: (municipality, need) above the pupil index


def generate(out: Path, pupils: int = 25_000, years: int = 5, seed: int = 42,
             profile: str = "nl", referral_rate: float | None = None,
             progress: Progress | None = None) -> dict[str, int]:
    """Write the canonical CSV files into `out` (created if missing); return rows written per
    file. The last school year is 2025-2026; `progress(file, rows)` is called per chunk with
    the number of rows just written."""
    rate = REFERRAL_RATE if referral_rate is None else referral_rate
    _check(pupils, years, seed, profile, rate)
    prof = PROFILES[profile]
    schools = build_schools(prof, pupils, years, random_stream(seed, SCHOOLS))
    ctx = Context(prof, seed, SchoolYears(prof, years), schools, residents(prof, pupils, years))
    registry = PupilRegistry()
    demand = np.zeros((years, len(prof.municipalities), len(NEED_CATEGORIES)), dtype=np.int64)
    hours = np.zeros((2, years))  # [PREVENTIVE or CURATIVE, year of start]
    with CsvSink(Path(out), progress) as sink:
        sink.write("schools", schools.frame(prof))
        sink.write("enrolments", schools.enrolment_frame(ctx.years.labels))
        next_referral = next_support = next_episode = next_case = 0
        for year in range(years):
            registry.start_year()
            keys = []
            count = round(rate * schools.regular_pupils[year])
            for chunk, refs in enumerate(referral_chunks(ctx, registry, year, count,
                                                         next_referral)):
                sink.write("referrals", refs.frame(ctx))
                next_referral += refs.pupil.size
                keys.append(_granted_keys(refs))
                rng = ctx.rng(SUPPORTS, year, chunk)
                sup = individual_supports(ctx, rng, refs, next_support)
                hours += _write_supports(ctx, sink, rng, sup)
                next_support += sup.kind.size
            demand[year] = _distinct_pupils(keys, demand.shape[1:])
            episodes = out_of_school(ctx, registry, year, next_episode)
            sink.write("out_of_school", episodes)
            next_episode += episodes.height
            opened = cases(ctx, episodes, registry, year, next_case)
            sink.write("cases", opened)
            next_case += opened.height
        targets = preventive_targets(ctx, hours[PREVENTIVE], hours[CURATIVE])
        for year in range(years):
            count = team_work_count(float(targets[year]))
            for part, start in enumerate(range(0, count, CHUNK_ROWS)):
                rng = ctx.rng(TEAM_WORK, year, part)
                sup = team_supports(ctx, rng, year, min(CHUNK_ROWS, count - start), next_support)
                _write_supports(ctx, sink, rng, sup)
                next_support += sup.kind.size
        sink.write("offers", offers(ctx, demand))
        sink.write("finance", finance(ctx))
    return sink.rows


def _check(pupils: int, years: int, seed: int, profile: str, rate: float) -> None:
    if pupils < MIN_PUPILS:
        raise ValueError(f"pupils must be at least {MIN_PUPILS}, not {pupils}.")
    if not 1 <= years <= MAX_YEARS:
        raise ValueError(f"years must be between 1 and {MAX_YEARS}, not {years}.")
    if seed < 0:
        raise ValueError(f"seed must be zero or positive, not {seed}.")
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}; choose one of {', '.join(PROFILES)}.")
    if not 0 <= rate <= MAX_REFERRAL_RATE:
        raise ValueError(f"referral_rate must be between 0 and {MAX_REFERRAL_RATE}, not {rate}.")


def _write_supports(ctx: Context, sink: CsvSink, rng: np.random.Generator,
                    sup: Supports) -> np.ndarray:
    """Write supports and their outcomes; return hours per [level, year of start]."""
    sink.write("supports", sup.frame(ctx))
    sink.write("outcomes", outcomes(ctx, rng, sup))
    return np.stack([sup.hours_by_year(ctx, level) for level in (PREVENTIVE, CURATIVE)])


def _granted_keys(refs: Referrals) -> np.ndarray:
    """One key per granted referral: municipality and need above the pupil."""
    yes = refs.decision == GRANTED
    group = refs.municipality[yes] * len(NEED_CATEGORIES) + refs.need[yes]
    return (group << PUPIL_BITS) | refs.pupil[yes]


def _distinct_pupils(keys: list[np.ndarray], shape: tuple[int, ...]) -> np.ndarray:
    """Distinct pupils with a granted referral per [municipality, need]."""
    unique = np.unique(np.concatenate(keys)) if keys else np.zeros(0, dtype=np.int64)
    return np.bincount(unique >> PUPIL_BITS, minlength=shape[0] * shape[1]).reshape(shape)
