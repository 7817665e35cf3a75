"""Schools of the region (plus special schools outside it) and their yearly enrolments."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from etl.demo.names import NamePool
from etl.demo.profiles import Profile

PRIMARY_SHARE = 0.58  # share of the regular pupils in primary education
SIZE_SPREAD = 0.4  # lognormal sigma of school sizes
ENROLMENT_NOISE = 0.015  # year-to-year noise per school
PRIMARY, SECONDARY, SPECIAL = 0, 1, 2  # school roles


def growth(trend: float, years: int) -> np.ndarray:
    """Pupil-count factor per year, 1 in the middle year."""
    return (1.0 + trend) ** (np.arange(years) - (years - 1) / 2)


def _weights(profile: Profile) -> np.ndarray:
    weights = np.array([m.weight for m in profile.municipalities])
    return weights / weights.sum()


def residents(profile: Profile, pupils: int, years: int) -> np.ndarray:
    """Regular pupils living in each municipality, per [year, municipality]."""
    base = pupils * _weights(profile)
    return np.stack([base[g] * growth(m.trend, years)
                     for g, m in enumerate(profile.municipalities)], axis=1)


@dataclass(frozen=True)
class Schools:
    ids: list[str]
    names: list[str]
    sectors: list[str]
    municipality: np.ndarray  # index into profile.all_municipalities
    postcode: np.ndarray
    role: np.ndarray  # PRIMARY, SECONDARY or SPECIAL
    in_region: np.ndarray
    enrolment: np.ndarray  # pupils per [school, year]

    @property
    def regular_pupils(self) -> np.ndarray:
        """Pupils in regular education per year."""
        return self.enrolment[self.role != SPECIAL].sum(axis=0)

    def pick(self, rng: np.random.Generator, municipality: np.ndarray,
             primary: np.ndarray) -> np.ndarray:
        """A regular school per pupil, weighted by size: of the pupil's phase in the pupil's
        municipality, or anywhere in the region when the municipality has none."""
        chosen = np.full(municipality.size, -1, dtype=np.int64)
        size = self.enrolment[:, -1].astype(np.float64) + 1.0
        for role in (PRIMARY, SECONDARY):
            phase = primary == (role == PRIMARY)
            for g in np.unique(municipality[phase]):
                rows = np.flatnonzero(phase & (municipality == g))
                candidates = np.flatnonzero((self.role == role) & (self.municipality == g))
                if candidates.size == 0:
                    candidates = np.flatnonzero(self.role == role)
                cumulative = np.cumsum(size[candidates])
                draw = rng.random(rows.size) * cumulative[-1]
                chosen[rows] = candidates[np.searchsorted(cumulative, draw, side="right")]
        return chosen

    def frame(self, profile: Profile) -> pl.DataFrame:
        codes = [m.code for m in profile.all_municipalities]
        return pl.DataFrame({
            "school_id": self.ids,
            "name": self.names,
            "sector": self.sectors,
            "municipality_code": [codes[g] for g in self.municipality],
            "postcode4": [str(p) for p in self.postcode],
            "in_region": self.in_region,
        })

    def enrolment_frame(self, labels: list[str]) -> pl.DataFrame:
        schools, years = self.enrolment.shape
        return pl.DataFrame({
            "school_id": np.repeat(self.ids, years),
            "school_year": np.tile(labels, schools),
            "pupils": self.enrolment.reshape(-1),
        })


def build_schools(profile: Profile, pupils: int, years: int,
                  rng: np.random.Generator) -> Schools:
    """Regular schools summing to about `pupils` per year, and special schools on top."""
    munis = profile.municipalities
    weights = _weights(profile)
    phases = _regular_pupils(profile, pupils * weights)
    rows: list[tuple[int, int, str, float, float]] = []  # municipality, role, sector, base, trend
    for role, (sector, size) in ((PRIMARY, profile.primary), (SECONDARY, profile.secondary)):
        for g, total in enumerate(phases[role]):
            if total > 0:
                count = max(1, round(total / size))
                rows += [(g, role, sector, b, munis[g].trend) for b in _split(rng, total, count)]
    for special in profile.special:
        total = pupils * special.share
        for outside, share in ((False, 1 - special.outside_share), (True, special.outside_share)):
            if share == 0:
                continue
            count = max(1, round(total * share / special.school_size))
            if outside:
                places = [len(munis) + i % len(profile.outside) for i in range(count)]
            else:
                places = [0, *rng.choice(len(munis), count - 1, p=weights)]
            sizes = _split(rng, total * share, count)
            rows += [(int(g), SPECIAL, special.sector, b, special.trend)
                     for g, b in zip(places, sizes, strict=True)]
    return _schools(profile, rows, years, rng)


def _regular_pupils(profile: Profile, resident: np.ndarray) -> np.ndarray:
    """Pupils per [phase, municipality]; towns too small for a secondary school send their
    secondary pupils to the largest municipality."""
    primary = resident * PRIMARY_SHARE
    secondary = resident * (1 - PRIMARY_SHARE)
    largest = int(np.argmax(resident))
    too_small = secondary < profile.secondary[1] / 2
    too_small[largest] = False
    secondary[largest] += secondary[too_small].sum()
    secondary[too_small] = 0.0
    return np.stack([primary, secondary])


def _split(rng: np.random.Generator, total: float, count: int) -> np.ndarray:
    shares = rng.lognormal(0.0, SIZE_SPREAD, count)
    return total * shares / shares.sum()


def _schools(profile: Profile, rows: list[tuple[int, int, str, float, float]], years: int,
             rng: np.random.Generator) -> Schools:
    munis = profile.all_municipalities
    municipality = np.array([r[0] for r in rows])
    role = np.array([r[1] for r in rows])
    sectors = [r[2] for r in rows]
    factor = np.stack([growth(r[4], years) for r in rows])
    noise = 1.0 + ENROLMENT_NOISE * rng.standard_normal((len(rows), years))
    base = np.array([r[3] for r in rows])[:, None]
    enrolment = np.maximum(np.round(base * factor * noise), 0).astype(np.int64)
    width = max(4, len(str(len(rows))))
    names: list[str] = []  # rows come grouped by sector
    seen: set[str] = set()
    for sector in dict.fromkeys(sectors):
        places = [munis[g].name for g, s in zip(municipality, sectors, strict=True) if s == sector]
        names += _names(rng, profile.names.schools[sector], places, seen)
    return Schools(
        ids=[f"SCH{i + 1:0{width}d}" for i in range(len(rows))],
        names=names,
        sectors=sectors,
        municipality=municipality,
        postcode=np.array([rng.choice(munis[g].postcodes) for g in municipality]),
        role=role,
        in_region=municipality < len(profile.municipalities),
        enrolment=enrolment,
    )


def _names(rng: np.random.Generator, pool: NamePool, places: list[str],
           seen: set[str]) -> list[str]:
    """Invented names; a repeat gets its place name (and then a number) appended."""
    prefixes, bases = pool
    combos = [f"{p} {b}" for p in prefixes for b in bases]
    order = rng.permutation(len(combos))
    names = []
    for i, place in enumerate(places):
        name = combos[order[i % len(combos)]]
        if name in seen:
            name = f"{name} {place}"
        candidate, number = name, 2
        while candidate in seen:
            candidate, number = f"{name} {number}", number + 1
        seen.add(candidate)
        names.append(candidate)
    return names
