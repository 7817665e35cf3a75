"""Out-of-school episodes (thuiszitters): absence and exemptions, often of referred pupils."""

from __future__ import annotations

import numpy as np
import polars as pl

from etl.demo.context import (
    ABSENCE_DETAIL,
    OUT_OF_SCHOOL,
    Context,
    categorical,
    date,
    ident,
    lookup,
)
from etl.demo.pupils import PupilRegistry
from etl.demo.schoolyears import calendar_years
from etl.schema import EXEMPTION_ARTICLES, NEED_CATEGORIES, OUT_OF_SCHOOL_KINDS, RESOLUTIONS

ABSENCE_RATE = 1.6e-3  # new absence episodes per regular pupil per school year
EXEMPTION_RATE = 0.3e-3
ABSOLUTE_SHARE = 0.35  # of absence episodes: not enrolled at all
ABSENCE_DAYS = (50.0, 0.9, 28, 720)  # lognormal median, sigma; clipped to a range
EXEMPTION_DAYS = (180.0, 0.5, 60, 1000)
REFERRED_SHARE = 0.6  # episodes of a pupil who also has a referral
AGES = (6, 17)
NO_REASON_SHARE = 0.1
# Article of an exemption (nl): the reasons name 5 onder a, b and c in this order; without a
# reason, this mix over EXEMPTION_ARTICLES.
REASON_ARTICLES = ("art_5_a", "art_5_b", "art_5_c")
UNNAMED_ARTICLE_MIX = (0.55, 0.0, 0.0, 0.05, 0.3, 0.1)
OFFER_SHARE = ((0.30, 0.50), 0.45)  # an offer in place: absence (first, last year), exemption
# How an ended episode ended (RESOLUTIONS): absence, exemption.
ABSENCE_RESOLUTION_MIX = (0.40, 0.15, 0.20, 0.10, 0.08, 0.04, 0.03)
EXEMPTION_RESOLUTION_MIX = (0.45, 0.05, 0.20, 0.15, 0.10, 0.0, 0.05)


def out_of_school(ctx: Context, pupils: PupilRegistry, year: int,
                  first_id: int) -> pl.DataFrame:
    """Episodes starting in school year `year`, in order of start; call it right after the
    referrals of that year, so linked pupils come from this and the previous year."""
    rng = ctx.rng(OUT_OF_SCHOOL, year)
    base = ctx.schools.regular_pupils[year]
    absences, exemptions = rng.poisson(ABSENCE_RATE * base), rng.poisson(EXEMPTION_RATE * base)
    kind = np.concatenate([np.where(rng.random(absences) < ABSOLUTE_SHARE, 0, 1),
                           np.full(exemptions, 2)])
    n = kind.size
    started = rng.choice(ctx.years.days(year), n, p=ctx.years.weights(year))
    order = np.argsort(started, kind="stable")
    kind, started = kind[order], started[order]
    exempt = kind == 2
    ended = started + np.where(exempt, _days(rng, EXEMPTION_DAYS, n), _days(rng, ABSENCE_DAYS, n))
    ended[ended > ctx.years.as_of] = -1
    lo, hi = pupils.recent(year)
    referred = rng.random(n) < (REFERRED_SHARE if hi > lo else 0.0)
    pupil = np.empty(n, dtype=np.int64)
    pupil[referred] = rng.integers(lo, max(hi, lo + 1), int(referred.sum()))
    k = int((~referred).sum())
    pupil[~referred] = pupils.add(
        calendar_years(started[~referred]) - rng.integers(AGES[0], AGES[1] + 1, k),
        rng.choice(len(ctx.profile.municipalities), k, p=ctx.municipality_mix(year)),
        rng.choice(len(NEED_CATEGORIES), k, p=ctx.need_mix(year)),
    )
    names = ctx.profile.names
    reasons = (*names.absence_reasons, *names.exemption_reasons)
    u = rng.random(n)
    reason = np.where(exempt, len(names.absence_reasons) + u * len(names.exemption_reasons),
                      u * len(names.absence_reasons)).astype(np.int64)
    reason[rng.random(n) < NO_REASON_SHARE] = -1
    article, offer, resolution = _details(ctx, ctx.rng(ABSENCE_DETAIL, year), year, exempt,
                                          reason - len(names.absence_reasons), ended)
    return pl.DataFrame({
        "episode_id": np.arange(first_id, first_id + n),
        "pupil_id": pupil,
        "municipality_code": pupils.municipality[pupil].astype(np.int64),
        "kind": kind,
        "started_on": started,
        "ended_on": ended,
        "reason": reason,
        "exemption_article": article,
        "has_offer": offer,
        "resolution": resolution,
    }).select(
        ident("E", "episode_id", width=7),
        ident("P", "pupil_id"),
        lookup("municipality_code", ctx.municipality_codes),
        lookup("kind", OUT_OF_SCHOOL_KINDS),
        date("started_on"),
        date("ended_on"),
        lookup("reason", reasons),
        lookup("exemption_article", EXEMPTION_ARTICLES),
        "has_offer",
        lookup("resolution", RESOLUTIONS),
    )


def _details(ctx: Context, rng: np.random.Generator, year: int, exempt: np.ndarray,
             exemption_reason: np.ndarray, ended: np.ndarray
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Article (exemptions, nl only), whether an offer is in place (more often in later
    years) and how an ended episode ended; -1 marks a missing value."""
    n = exempt.size
    article = np.full(n, -1)
    if ctx.profile.exemption_articles:
        named = np.array([EXEMPTION_ARTICLES.index(a) for a in REASON_ARTICLES])
        drawn = categorical(rng.random(n), UNNAMED_ARTICLE_MIX)
        from_reason = named[np.clip(exemption_reason, 0, named.size - 1)]
        article = np.where(exempt, np.where(exemption_reason >= 0, from_reason, drawn), -1)
    absence_share = np.interp(year, (0, max(ctx.years.count - 1, 1)), OFFER_SHARE[0])
    offer = rng.random(n) < np.where(exempt, OFFER_SHARE[1], absence_share)
    u = rng.random(n)
    resolution = np.where(exempt, categorical(u, EXEMPTION_RESOLUTION_MIX),
                          categorical(u, ABSENCE_RESOLUTION_MIX))
    return article, offer, np.where(ended >= 0, resolution, -1)


def _days(rng: np.random.Generator, spec: tuple[float, float, int, int], n: int) -> np.ndarray:
    median, sigma, low, high = spec
    days = median * np.exp(sigma * rng.standard_normal(n))
    return np.clip(np.round(days), low, high).astype(np.int64)
