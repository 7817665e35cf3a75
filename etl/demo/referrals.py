"""Referrals (aanmeldingen): seasonal intake, repeat pupils, waiting times and decisions."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import pairwise

import numpy as np
import polars as pl

from etl.demo.context import PLACEMENTS, REFERRALS, Context, categorical, date, ident, lookup
from etl.demo.pupils import PupilRegistry
from etl.demo.schoolyears import calendar_years, months, next_weekday, to_day
from etl.schema import DECISIONS, FUNDING_CATEGORIES, NEED_CATEGORIES, REQUEST_TYPES

CHUNK_ROWS = 200_000  # referrals per chunk, cut at day boundaries
REPEAT_SHARE = 0.18  # referrals of a pupil met in this or the previous school year
KEEP_NEED_SHARE = 0.7  # a repeat referral keeps the pupil's need category
PRIMARY_SHARE = 0.6  # new referred pupils in primary education
PRIMARY_AGES = np.arange(4, 13)
PRIMARY_AGE_MIX = (0.03, 0.08, 0.12, 0.14, 0.15, 0.15, 0.14, 0.12, 0.07)
SECONDARY_AGES = np.arange(12, 19)
SECONDARY_AGE_MIX = (0.08, 0.2, 0.2, 0.18, 0.15, 0.12, 0.07)
NO_SCHOOL_SHARE = 0.04
URGENT_SHARE = 0.05
ADMISSIONS = np.array([t.startswith("admission_") for t in REQUEST_TYPES])
DECISION_MIX = (0.73, 0.11, 0.09, 0.07)  # DECISIONS, for consultation/arrangement/other
ADMISSION_DECISION_MIX = (0.82, 0.08, 0.06, 0.04)
GRANTED = DECISIONS.index("granted")
MEDIAN_WAIT_DAYS = 28.0  # before the month-of-receipt factor
WAIT_SIGMA = 0.55
URGENT_WAIT_FACTOR = 0.4
COMPLETE_DAYS = (7, 28)  # dossier complete this long after receipt
NO_COMPLETE_SHARE = 0.10  # of decided referrals
OPEN_NO_COMPLETE_SHARE = 0.5  # of undecided referrals
STALE_SHARE = 0.012  # last-year referrals older than STALE_DAYS left undecided
STALE_DAYS = 60
# Funding category of a granted SO/VSO TLV (low, medium, high, none given): the high share
# grows by HIGH_GROWTH a school year, taken from low.
FUNDING_MIX = (0.80, 0.07, 0.10, 0.03)
HIGH_GROWTH = 0.012
FUNDED = ("admission_so", "admission_vso")
VALID_YEARS_MIX = (0.35, 0.45, 0.20)  # a TLV runs to the end of the 1st, 2nd or 3rd school year
SUMMER_DAYS = 42


@dataclass(frozen=True)
class Referrals:
    """One chunk of referrals; -1 marks a missing value."""

    first_id: int
    pupil: np.ndarray
    birth_year: np.ndarray
    municipality: np.ndarray
    school: np.ndarray
    received: np.ndarray
    complete: np.ndarray
    need: np.ndarray
    request: np.ndarray
    urgent: np.ndarray
    decided: np.ndarray
    decision: np.ndarray
    primary: np.ndarray
    placed: np.ndarray  # school index of a granted admission
    funding: np.ndarray  # FUNDING_CATEGORIES index
    valid_until: np.ndarray

    def frame(self, ctx: Context) -> pl.DataFrame:
        return pl.DataFrame({
            "referral_id": np.arange(self.first_id, self.first_id + self.pupil.size),
            "pupil_id": self.pupil,
            "birth_year": self.birth_year,
            "municipality_code": self.municipality,
            "school_id": self.school,
            "received_on": self.received,
            "complete_on": self.complete,
            "need_category": self.need,
            "request_type": self.request,
            "urgent": self.urgent,
            "decided_on": self.decided,
            "decision": self.decision,
            "placed_school_id": self.placed,
            "funding_category": self.funding,
            "valid_until": self.valid_until,
        }).select(
            ident("R", "referral_id"),
            ident("P", "pupil_id"),
            "birth_year",
            lookup("municipality_code", ctx.municipality_codes),
            lookup("school_id", ctx.schools.ids),
            date("received_on"),
            date("complete_on"),
            lookup("need_category", NEED_CATEGORIES),
            lookup("request_type", REQUEST_TYPES),
            "urgent",
            date("decided_on"),
            lookup("decision", DECISIONS),
            lookup("placed_school_id", ctx.schools.ids),
            lookup("funding_category", FUNDING_CATEGORIES),
            date("valid_until"),
        )


def referral_chunks(ctx: Context, pupils: PupilRegistry, year: int, count: int,
                    first_id: int) -> Iterator[Referrals]:
    """`count` referrals received in school year `year`, in order of receipt."""
    days = ctx.years.days(year)
    per_day = ctx.rng(REFERRALS, year).multinomial(
        count, ctx.years.weights(year, ctx.profile.receipts_by_month))
    cumulative = np.cumsum(per_day)
    cuts = np.searchsorted(cumulative, np.arange(CHUNK_ROWS, count, CHUNK_ROWS)) + 1
    edges = [0, *np.unique(cuts).tolist(), days.size]
    for chunk, (lo, hi) in enumerate(pairwise(edges)):
        received = np.repeat(days[lo:hi], per_day[lo:hi])
        if received.size:
            rng = ctx.rng(REFERRALS, year, chunk + 1)
            refs = _referrals(ctx, rng, pupils, year, received, first_id)
            yield _with_placements(ctx, ctx.rng(PLACEMENTS, year, chunk + 1), refs)
            first_id += received.size


def _referrals(ctx: Context, rng: np.random.Generator, pupils: PupilRegistry, year: int,
               received: np.ndarray, first_id: int) -> Referrals:
    n = received.size
    as_of = ctx.years.as_of
    pupil, primary, need = _pupils(ctx, rng, pupils, year, received)
    municipality = pupils.municipality[pupil].astype(np.int64)
    school = ctx.schools.pick(rng, municipality, primary)
    school[rng.random(n) < NO_SCHOOL_SHARE] = -1
    mix = ctx.profile.request_mix
    u = rng.random(n)
    request = np.where(primary, categorical(u, mix[0]), categorical(u, mix[1]))
    urgent = rng.random(n) < URGENT_SHARE
    u = rng.random(n)
    decision = np.where(ADMISSIONS[request], categorical(u, ADMISSION_DECISION_MIX),
                        categorical(u, DECISION_MIX))
    decided = _decision_days(ctx, rng, received, urgent)
    stale = ((year == ctx.years.count - 1) & (received < as_of - STALE_DAYS)
             & (rng.random(n) < STALE_SHARE))
    undecided = (decided > as_of) | stale
    complete = next_weekday(received + rng.integers(COMPLETE_DAYS[0], COMPLETE_DAYS[1] + 1, n))
    complete = np.where(undecided, complete, np.minimum(complete, decided))
    no_complete = rng.random(n) < np.where(undecided, OPEN_NO_COMPLETE_SHARE, NO_COMPLETE_SHARE)
    complete[no_complete | (complete > as_of)] = -1
    decided[undecided] = -1
    decision[undecided] = -1
    none = np.full(n, -1)
    return Referrals(first_id, pupil, pupils.birth_year[pupil], municipality, school, received,
                     complete, need, request, urgent, decided, decision, primary, none, none,
                     none)


def _with_placements(ctx: Context, rng: np.random.Generator, refs: Referrals) -> Referrals:
    """The school, funding category and end of validity of each granted admission (TLV).
    The school is a special school of the admission's sector, chosen by size: schools outside
    the region take their share, which is the network's outgoing border traffic."""
    n = refs.request.size
    granted = refs.decision == GRANTED
    placed = np.full(n, -1)
    schools = ctx.schools
    size = schools.enrolment[:, -1].astype(np.float64) + 1.0
    for request_type, sector in ctx.profile.admission_sectors:
        rows = np.flatnonzero(granted & (refs.request == REQUEST_TYPES.index(request_type)))
        candidates = np.flatnonzero(np.array(schools.sectors) == sector)
        if rows.size and candidates.size:
            weights = size[candidates] / size[candidates].sum()
            placed[rows] = rng.choice(candidates, rows.size, p=weights)
    funding = np.full(n, -1)
    if ctx.profile.funding_categories:
        rows = np.flatnonzero(granted & np.isin(refs.request,
                                                [REQUEST_TYPES.index(t) for t in FUNDED]))
        year = ctx.years.index(refs.decided[rows])
        low, medium, high, _ = FUNDING_MIX  # the rest: no category given
        u = rng.random(rows.size)
        shift = HIGH_GROWTH * year
        funding[rows] = np.where(u < low - shift, 0, np.where(
            u < low - shift + medium, 1, np.where(u < low + medium + high, 2, -1)))
    valid_until = np.full(n, -1)
    rows = np.flatnonzero(placed >= 0)
    if rows.size:
        month, day = ctx.profile.year_start
        first = int(ctx.years.labels[0][:4])
        # last day of school year i (0 = the first generated one), up to one year after as_of
        ends = np.array([to_day(first + i + 1, month, day) - 1
                         for i in range(ctx.years.count + 1)])
        span = 1 + categorical(rng.random(rows.size), VALID_YEARS_MIX)
        # a TLV decided in the last weeks of a school year counts from the next one
        index = ctx.years.index(refs.decided[rows] + SUMMER_DAYS) + span - 1
        valid_until[rows] = ends[np.minimum(index, ends.size - 1)]
    return replace(refs, placed=placed, funding=funding, valid_until=valid_until)


def _pupils(ctx: Context, rng: np.random.Generator, pupils: PupilRegistry, year: int,
            received: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pupil index, primary phase and need per referral; some pupils were met before."""
    n = received.size
    calendar_year = calendar_years(received)
    lo, hi = pupils.recent(year)
    repeat = rng.random(n) < (REPEAT_SHARE if hi > lo else 0.0)
    new = ~repeat
    pupil = np.empty(n, dtype=np.int64)
    pupil[repeat] = rng.integers(lo, max(hi, lo + 1), repeat.sum())
    k = int(new.sum())
    primary = np.empty(n, dtype=bool)
    primary[new] = rng.random(k) < PRIMARY_SHARE
    age = np.where(primary[new], rng.choice(PRIMARY_AGES, k, p=PRIMARY_AGE_MIX),
                   rng.choice(SECONDARY_AGES, k, p=SECONDARY_AGE_MIX))
    pupil[new] = pupils.add(
        calendar_year[new] - age,
        rng.choice(len(ctx.profile.municipalities), k, p=ctx.municipality_mix(year)),
        rng.choice(len(NEED_CATEGORIES), k, p=ctx.need_mix(year)),
    )
    age = calendar_year - pupils.birth_year[pupil]
    primary[repeat] = ((age <= 11) | ((age == 12) & (rng.random(n) < 0.5)))[repeat]
    need = pupils.need[pupil].astype(np.int64)
    change = repeat & (rng.random(n) >= KEEP_NEED_SHARE)
    need[change] = rng.choice(len(NEED_CATEGORIES), int(change.sum()), p=ctx.need_mix(year))
    return pupil, primary, need


def _decision_days(ctx: Context, rng: np.random.Generator, received: np.ndarray,
                   urgent: np.ndarray) -> np.ndarray:
    """Skewed waits, longer for receipts before the summer; decisions fall on weekdays."""
    factor = np.asarray(ctx.profile.wait_by_month)[months(received) - 1]
    factor = factor * np.where(urgent, URGENT_WAIT_FACTOR, 1.0)
    noise = np.exp(WAIT_SIGMA * rng.standard_normal(received.size))
    wait = np.ceil(MEDIAN_WAIT_DAYS * factor * noise).astype(np.int64)
    return next_weekday(received + wait)
