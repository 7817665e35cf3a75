"""Support (ondersteuning) and its evaluations: individual support answering granted
referrals, and preventive school- and team-level work that grows over the years."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from etl.demo.context import SUPPORT_DETAIL, Context, categorical, date, ident, lookup
from etl.demo.referrals import GRANTED, Referrals
from etl.demo.schools import SPECIAL
from etl.demo.schoolyears import next_weekday
from etl.schema import (
    DESTINATIONS,
    EDUCATION_TYPES,
    GOAL_ATTAINMENTS,
    NEED_CATEGORIES,
    PREVENTION_LEVELS,
    REPORT_TYPES,
    REQUEST_TYPES,
    TARGET_LEVELS,
)

KINDS = (
    "individual_arrangement", "ambulant_support", "placement", "consultation",  # individual
    "team_training", "classroom_support", "school_consultation", "early_intervention",  # team
)
CONSULTATION, FIRST_TEAM_KIND = KINDS.index("consultation"), KINDS.index("team_training")
ARRANGEMENT_MIX = (0.55, 0.35, 0.10)  # individual_arrangement, ambulant_support, placement
TEAM_MIX = (0.30, 0.30, 0.25, 0.15)
DAYS = np.array([(60, 300), (45, 240), (60, 200), (14, 70),  # duration range per kind
                 (14, 120), (30, 200), (14, 90), (30, 150)])
HOURS = np.array([(20, 200), (20, 160), (40, 200), (6, 24),  # hours range per kind
                  (10, 60), (20, 80), (10, 40), (15, 80)])
HOURS_SHAPE = (1.6, 3.0)  # beta shape within the range: right-skewed
EURO_PER_HOUR = (70.0, 110.0)
PREVENTIVE, CURATIVE = PREVENTION_LEVELS.index("preventive"), PREVENTION_LEVELS.index("curative")
SUPPORT_SHARE = 0.9  # granted consultation/arrangement referrals that get a support
START_LAG_DAYS = (3, 28)
CONSULTATION_REQUEST, ARRANGEMENT_REQUEST = (REQUEST_TYPES.index(t)
                                             for t in ("consultation", "arrangement"))
PREVENTIVE_SHARE = (0.30, 0.55)  # target preventive share of hours, first and last year
EVALUATION_LAG_DAYS = (0, 35)
SECOND_EVALUATION_SHARE = 0.12
SECOND_EVALUATION_DAYS = (30, 120)
ACHIEVED = (0.52, 0.015, 0.65)  # achieved share: first year, yearly gain, ceiling
PARTLY = 0.30
PUPIL, TEACHER, TEAM = (TARGET_LEVELS.index(t) for t in ("pupil", "teacher", "team"))
# Team-level kinds aim at the team, the teacher, the team, the pupil (early intervention).
TEAM_KIND_TARGET = (TEAM, TEACHER, TEAM, PUPIL)
HOURS_PER_SESSION = (1.5, 3.0)
# Leersteun (vl): support answering a pupil's question is aimed at the pupil in the first
# school year in this share, in the last in the second; the rest coaches the teacher or team.
LEERSTEUN_PUPIL_SHARE = (0.85, 0.45)
LEERSTEUN_TEACHER_SHARE = 0.75  # of the rest; the others aim at the team
# Flemish type per need (EDUCATION_TYPES weights): the brede types basic, type_3 and type_9
# against the kleine types 2, 4, 6 and 7.
_TYPE_BY_NEED = {
    "learning": {"basic": 1.0}, "behaviour": {"type_3": 0.85, "type_9": 0.15},
    "communication": {"type_9": 0.6, "type_7": 0.4}, "sensory": {"type_6": 0.5, "type_7": 0.5},
    "physical": {"type_4": 1.0}, "intellectual": {"type_2": 1.0},
    "psychiatric": {"type_3": 0.5, "type_9": 0.5}, "giftedness": {"basic": 1.0},
    "other": {"basic": 0.8, "type_3": 0.2},
}
TYPE_MIX = np.array([[_TYPE_BY_NEED[need].get(t, 0.0) for t in EDUCATION_TYPES]
                     for need in NEED_CATEGORIES])
IAC_SHARE = (0.7, 0.06)  # individueel aangepast curriculum: type_2, other types
OV4_SHARE = 0.25  # secondary pupils with a verslag for opleidingsvorm 4
GC, IAC, OV4 = (REPORT_TYPES.index(t) for t in ("gc", "iac", "ov4"))
TYPE_2 = EDUCATION_TYPES.index("type_2")
# Zorgcontinuüm fase of team-level work per kind: brede basiszorg (0), verhoogde zorg (1).
TEAM_KIND_PHASE = (0, 1, 0, 1)


@dataclass(frozen=True)
class Supports:
    """A batch of supports; -1 marks a missing value; phase -1 is team-level work."""

    first_id: int
    referral: np.ndarray
    school: np.ndarray
    kind: np.ndarray
    level: np.ndarray
    provider: np.ndarray
    municipality: np.ndarray
    started: np.ndarray
    ended: np.ndarray
    hours: np.ndarray
    cost: np.ndarray
    phase: np.ndarray
    need: np.ndarray  # NEED_CATEGORIES index of the referral; -1 for team-level work

    @property
    def ids(self) -> np.ndarray:
        return np.arange(self.first_id, self.first_id + self.kind.size)

    def hours_by_year(self, ctx: Context, level: int) -> np.ndarray:
        """Hours of one prevention level per school year of start."""
        mask = self.level == level
        return np.bincount(ctx.years.index(self.started[mask]), weights=self.hours[mask],
                           minlength=ctx.years.count)

    def frame(self, ctx: Context) -> pl.DataFrame:
        detail = _details(ctx, ctx.rng(SUPPORT_DETAIL, self.first_id), self)
        return pl.DataFrame({
            "support_id": self.ids,
            "referral_id": self.referral,
            "school_id": self.school,
            "kind": self.kind,
            "prevention_level": self.level,
            "provider": self.provider,
            "municipality_code": self.municipality,
            "started_on": self.started,
            "ended_on": self.ended,
            "hours": self.hours,
            "cost_eur": self.cost,
            **detail,
        }).select(
            ident("S", "support_id"),
            ident("R", "referral_id"),
            lookup("school_id", ctx.schools.ids),
            lookup("kind", KINDS),
            lookup("prevention_level", PREVENTION_LEVELS),
            lookup("provider", ctx.providers),
            lookup("municipality_code", ctx.municipality_codes),
            date("started_on"),
            date("ended_on"),
            "hours",
            "cost_eur",
            lookup("target_level", TARGET_LEVELS),
            "sessions",
            lookup("report_type", REPORT_TYPES),
            lookup("education_type", EDUCATION_TYPES),
            pl.when(pl.col("care_phase") >= 0).then(pl.col("care_phase")).alias("care_phase"),
        )


def _details(ctx: Context, rng: np.random.Generator, sup: Supports) -> dict[str, np.ndarray]:
    """Target level and sessions of every support; for the Flemish profile also the verslag,
    type and zorgcontinuüm fase. Leersteun shifts from the pupil to the teacher and the team
    over the years. -1 marks a missing value."""
    m = sup.kind.size
    team = sup.referral < 0
    sessions = np.maximum(1, np.round(sup.hours / rng.uniform(*HOURS_PER_SESSION, m)))
    target = np.where(team, np.asarray(TEAM_KIND_TARGET)[np.maximum(sup.kind - FIRST_TEAM_KIND,
                                                                     0)], PUPIL)
    report = np.full(m, -1)
    education = np.full(m, -1)
    phase = np.full(m, -1)
    if ctx.profile.leersteun:
        year = np.clip(ctx.years.index(sup.started), 0, ctx.years.count - 1)
        pupil_share = np.interp(year, (0, max(ctx.years.count - 1, 1)), LEERSTEUN_PUPIL_SHARE)
        u = rng.random(m)
        coached = ~team & (u >= pupil_share)
        teacher = rng.random(m) < LEERSTEUN_TEACHER_SHARE
        target = np.where(coached, np.where(teacher, TEACHER, TEAM), target)
        need = np.maximum(sup.need, 0)
        cumulative = np.cumsum(TYPE_MIX[need], axis=1)
        drawn = (rng.random(m)[:, None] > cumulative).sum(axis=1)
        education = np.where(team, -1, np.minimum(drawn, len(EDUCATION_TYPES) - 1))
        u = rng.random(m)
        iac = u < np.where(education == TYPE_2, *IAC_SHARE)
        ov4 = ~iac & (sup.phase == 1) & (rng.random(m) < OV4_SHARE)
        report = np.where(team, -1, np.where(iac, IAC, np.where(ov4, OV4, GC)))
        phase = np.where(team, np.asarray(TEAM_KIND_PHASE)[np.maximum(sup.kind - FIRST_TEAM_KIND,
                                                                      0)],
                         np.where(iac, 3, 2))
    return {"target_level": target, "sessions": sessions.astype(np.int64),
            "report_type": report, "education_type": education, "care_phase": phase}


def individual_supports(ctx: Context, rng: np.random.Generator, refs: Referrals,
                        first_id: int) -> Supports:
    """Support for most granted consultation and arrangement referrals of a chunk."""
    n = refs.request.size
    wanted = ((refs.decision == GRANTED)
              & np.isin(refs.request, (CONSULTATION_REQUEST, ARRANGEMENT_REQUEST))
              & (rng.random(n) < SUPPORT_SHARE))
    rows = np.flatnonzero(wanted)
    lag = rng.integers(START_LAG_DAYS[0], START_LAG_DAYS[1] + 1, rows.size)
    started = next_weekday(refs.decided[rows] + lag)
    keep = started <= ctx.years.as_of
    rows, started = rows[keep], started[keep]
    m = rows.size
    consultation = refs.request[rows] == CONSULTATION_REQUEST
    kind = np.where(consultation, CONSULTATION, categorical(rng.random(m), ARRANGEMENT_MIX))
    need = refs.need[rows]
    option = (rng.random(m) * ctx.need_provider_count[need]).astype(np.int64)
    return _supports(
        ctx, rng, first_id,
        referral=refs.first_id + rows,
        school=refs.school[rows],
        kind=kind,
        level=np.where(consultation, PREVENTIVE, CURATIVE),
        provider=ctx.need_providers[need, option],
        municipality=refs.municipality[rows],
        started=started,
        phase=np.where(refs.primary[rows], 0, 1),
        need=need,
    )


def team_work_count(hours: float) -> int:
    """How many pieces of team-level work add up to about `hours`."""
    low, high = HOURS[FIRST_TEAM_KIND:, 0], HOURS[FIRST_TEAM_KIND:, 1]
    a, b = HOURS_SHAPE
    return round(hours / ((low + (high - low) * a / (a + b)) @ np.asarray(TEAM_MIX)))


def team_supports(ctx: Context, rng: np.random.Generator, year: int, m: int,
                  first_id: int) -> Supports:
    """`m` pieces of preventive school- and team-level work started in `year`."""
    started = np.sort(rng.choice(ctx.years.days(year), m, p=ctx.years.weights(year)))
    schools = ctx.schools
    size = np.where(schools.role != SPECIAL, schools.enrolment[:, year], 0).astype(np.float64)
    school = rng.choice(size.size, m, p=size / size.sum())
    team = ctx.profile.names.team_providers
    return _supports(
        ctx, rng, first_id,
        referral=np.full(m, -1),
        school=school,
        kind=FIRST_TEAM_KIND + categorical(rng.random(m), TEAM_MIX),
        level=np.full(m, PREVENTIVE),
        provider=np.array([ctx.providers.index(p) for p in team])[rng.integers(0, len(team), m)],
        municipality=schools.municipality[school],
        started=started,
        phase=np.full(m, -1),
        need=np.full(m, -1),
    )


def preventive_targets(ctx: Context, preventive: np.ndarray, curative: np.ndarray) -> np.ndarray:
    """Team-work hours per year that bring the preventive share of hours on its target."""
    share = np.linspace(*PREVENTIVE_SHARE, ctx.years.count)
    return np.maximum(share * curative / (1 - share) - preventive, 0.0)


def _supports(ctx: Context, rng: np.random.Generator, first_id: int, *, kind: np.ndarray,
              started: np.ndarray, **columns: np.ndarray) -> Supports:
    """Add duration, end, hours and cost to supports of known kind and start."""
    m = kind.size
    low, high = DAYS[kind, 0], DAYS[kind, 1]
    ended = started + low + (rng.random(m) * (high - low + 1)).astype(np.int64)
    ended[ended > ctx.years.as_of] = -1
    low, high = HOURS[kind, 0], HOURS[kind, 1]
    hours = np.round(low + (high - low) * rng.beta(*HOURS_SHAPE, m)).astype(np.int64)
    cost = np.round(hours * rng.uniform(*EURO_PER_HOUR, m), 2)
    return Supports(first_id=first_id, kind=kind, started=started, ended=ended, hours=hours,
                    cost=cost, **columns)


def outcomes(ctx: Context, rng: np.random.Generator, sup: Supports) -> pl.DataFrame:
    """One evaluation (sometimes two) after the end of each ended support."""
    rows = np.flatnonzero(sup.ended >= 0)
    lag = rng.integers(EVALUATION_LAG_DAYS[0], EVALUATION_LAG_DAYS[1] + 1, rows.size)
    first = next_weekday(sup.ended[rows] + lag)
    gap = rng.integers(SECOND_EVALUATION_DAYS[0], SECOND_EVALUATION_DAYS[1] + 1, rows.size)
    second = next_weekday(first + gap)
    twice = rng.random(rows.size) < SECOND_EVALUATION_SHARE
    support = np.concatenate([rows, rows[twice]])
    evaluated = np.concatenate([first, second[twice]])
    keep = evaluated <= ctx.years.as_of
    support, evaluated = support[keep], evaluated[keep]
    order = np.lexsort((evaluated, support))
    support, evaluated = support[order], evaluated[order]
    start, gain, ceiling = ACHIEVED
    achieved = np.minimum(start + gain * ctx.years.index(evaluated), ceiling)
    u = rng.random(support.size)
    attainment = np.where(u < achieved, 0, np.where(u < achieved + PARTLY, 1, 2))
    phase = sup.phase[support]
    u = rng.random(support.size)
    mix = ctx.profile.destination_mix
    destination = np.where(phase < 0, -1, np.where(phase == 0, categorical(u, mix[0]),
                                                   categorical(u, mix[1])))
    return pl.DataFrame({
        "support_id": sup.first_id + support,
        "evaluated_on": evaluated,
        "goal_attainment": attainment,
        "destination": destination,
    }).select(
        ident("S", "support_id"),
        date("evaluated_on"),
        lookup("goal_attainment", GOAL_ATTAINMENTS),
        lookup("destination", DESTINATIONS),
    )
