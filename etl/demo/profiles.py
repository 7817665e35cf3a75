"""The two demo profiles: a Dutch samenwerkingsverband and a Flemish ondersteuningsnetwerk."""

from __future__ import annotations

from dataclasses import dataclass

from etl.demo.names import NL_NAMES, VL_NAMES, Names
from etl.demo.regions import GENT_OUTSIDE, GENT_REGION, ZWOLLE_OUTSIDE, ZWOLLE_REGION, Municipality


@dataclass(frozen=True)
class SpecialSector:
    sector: str
    share: float  # pupils as a share of the regular pupils
    school_size: int  # typical pupils per school
    outside_share: float  # share of these pupils at schools outside the region
    trend: float  # yearly growth


@dataclass(frozen=True)
class Profile:
    name: str
    year_start: tuple[int, int]  # (month, day) of the first day of a school year
    municipalities: tuple[Municipality, ...]
    outside: tuple[Municipality, ...]  # hosts of special schools outside the region
    primary: tuple[str, int]  # regular primary sector and typical pupils per school
    secondary: tuple[str, int]
    special: tuple[SpecialSector, ...]
    shortage: tuple[str, str]  # (municipality code, need category) with too little capacity
    receipts_by_month: tuple[float, ...]  # relative referral intake, January first
    wait_by_month: tuple[float, ...]  # waiting-time factor by month of receipt
    holidays: tuple[tuple[int, int, int, int], ...]  # (month, day, month, day), inclusive
    request_mix: tuple[tuple[float, ...], tuple[float, ...]]  # primary, secondary; REQUEST_TYPES
    destination_mix: tuple[tuple[float, ...], tuple[float, ...]]  # primary, secondary
    names: Names
    admission_sectors: tuple[tuple[str, str], ...]  # (request_type, sector of the placed school)
    funding_categories: bool  # SO/VSO TLVs carry a funding category (nl)
    exemption_articles: bool  # exemptions carry a Leerplichtwet article (nl)
    leersteun: bool  # supports carry the Flemish verslag, type and zorgcontinuüm fase (vl)
    income_per_pupil: float  # the network's income per regular pupil, first school year (EUR)

    @property
    def all_municipalities(self) -> tuple[Municipality, ...]:
        return self.municipalities + self.outside


PROFILES = {
    "nl": Profile(
        name="nl",
        year_start=(8, 1),
        municipalities=ZWOLLE_REGION,
        outside=ZWOLLE_OUTSIDE,
        primary=("po", 250),
        secondary=("vo", 1000),
        special=(
            SpecialSector("sbo", 0.020, 180, 0.0, -0.010),
            SpecialSector("so", 0.015, 140, 0.25, 0.015),
            SpecialSector("vso", 0.015, 200, 0.25, 0.010),
        ),
        shortage=("GM0166", "behaviour"),
        receipts_by_month=(0.9, 1.0, 1.1, 1.1, 1.6, 1.9, 1.9, 0.7, 0.9, 1.0, 1.0, 0.9),
        wait_by_month=(0.95, 0.95, 0.95, 1.0, 1.3, 1.45, 1.5, 1.2, 0.85, 0.8, 0.85, 1.05),
        holidays=((7, 15, 8, 17), (12, 23, 1, 5)),
        request_mix=((0.28, 0.34, 0.22, 0.10, 0.0, 0.06), (0.29, 0.38, 0.0, 0.0, 0.26, 0.07)),
        destination_mix=((0.78, 0.09, 0.05, 0.0, 0.04, 0.04), (0.80, 0.0, 0.0, 0.10, 0.05, 0.05)),
        names=NL_NAMES,
        admission_sectors=(("admission_sbo", "sbo"), ("admission_so", "so"),
                           ("admission_vso", "vso")),
        funding_categories=True,
        exemption_articles=True,
        leersteun=False,
        income_per_pupil=560.0,
    ),
    "vl": Profile(
        name="vl",
        year_start=(9, 1),
        municipalities=GENT_REGION,
        outside=GENT_OUTSIDE,
        primary=("bao", 230),
        secondary=("so_vo", 700),
        special=(SpecialSector("buo", 0.045, 180, 0.2, 0.0),),
        shortage=("44019", "behaviour"),
        receipts_by_month=(0.9, 1.0, 1.1, 1.1, 1.6, 1.9, 1.0, 1.0, 0.9, 1.0, 1.0, 0.9),
        wait_by_month=(0.95, 0.95, 0.95, 1.05, 1.35, 1.5, 1.5, 1.25, 0.85, 0.8, 0.85, 1.05),
        holidays=((7, 1, 8, 20), (12, 24, 1, 6)),
        request_mix=((0.30, 0.34, 0.0, 0.28, 0.0, 0.08), (0.31, 0.38, 0.0, 0.24, 0.0, 0.07)),
        destination_mix=((0.82, 0.0, 0.10, 0.0, 0.04, 0.04), (0.82, 0.0, 0.10, 0.0, 0.04, 0.04)),
        names=VL_NAMES,
        admission_sectors=(("admission_so", "buo"),),
        funding_categories=False,
        exemption_articles=False,
        leersteun=True,
        income_per_pupil=310.0,
    ),
}
