"""Real municipalities of the two demo regions, with rough pupil weights and postcodes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    weight: float  # relative number of pupils (roughly the population in thousands)
    trend: float  # yearly growth of the pupil count
    postcodes: tuple[int, ...]


ZWOLLE_REGION = (
    Municipality("GM0193", "Zwolle", 132.0, 0.012, (
        8011, 8012, 8013, 8014, 8015, 8016, 8017, 8019, 8021, 8022, 8023, 8024, 8025, 8026,
        8031, 8032, 8033, 8034, 8035, 8041, 8042, 8043, 8044, 8045, 8046,
    )),
    Municipality("GM0166", "Kampen", 55.0, 0.004, (
        8261, 8262, 8263, 8264, 8265, 8266, 8271, 8274,
    )),
    Municipality("GM1708", "Steenwijkerland", 45.0, -0.008, (
        8331, 8332, 8333, 8334, 8325, 8341, 8355, 8375,
    )),
    Municipality("GM0177", "Raalte", 38.5, -0.002, (8101, 8102, 8105, 8111, 8141)),
    Municipality("GM0148", "Dalfsen", 29.5, -0.004, (7711, 7721, 7722, 8152)),
    Municipality("GM1896", "Zwartewaterland", 23.5, 0.006, (8061, 8064, 8281)),
    Municipality("GM1773", "Olst-Wijhe", 18.5, -0.006, (8121, 8124, 8131)),
    Municipality("GM0180", "Staphorst", 17.9, 0.008, (7951, 7954, 7955)),
    Municipality("GM0244", "Hattem", 12.5, 0.002, (8051,)),
)

ZWOLLE_OUTSIDE = (
    Municipality("GM0200", "Apeldoorn", 0.0, 0.0, (7315, 7322, 7333)),
    Municipality("GM0153", "Enschede", 0.0, 0.0, (7513, 7522, 7544)),
)

GENT_REGION = (
    Municipality("44021", "Gent", 267.0, 0.005, (
        9000, 9030, 9031, 9032, 9040, 9041, 9042, 9050, 9051, 9052,
    )),
    Municipality("44083", "Deinze", 51.0, 0.003, (9800, 9850, 9870)),
    Municipality("44088", "Merelbeke-Melle", 37.5, 0.002, (9820, 9090)),
    Municipality("44019", "Evergem", 36.0, 0.001, (9940,)),
    Municipality("44085", "Lievegem", 27.0, -0.002, (9920, 9930, 9950)),
    Municipality("44087", "Lochristi", 23.5, 0.004, (9080,)),
    Municipality("44086", "Nazareth-De Pinte", 23.5, 0.006, (9810, 9840)),
    Municipality("44013", "Destelbergen", 18.5, -0.003, (9070,)),
    Municipality("44064", "Sint-Martens-Latem", 8.8, -0.005, (9830,)),
)

GENT_OUTSIDE = (
    Municipality("41002", "Aalst", 0.0, 0.0, (9300,)),
    Municipality("43005", "Eeklo", 0.0, 0.0, (9900,)),
    Municipality("46021", "Sint-Niklaas", 0.0, 0.0, (9100,)),
)
