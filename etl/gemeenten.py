"""Today's municipalities of the Netherlands (CBS codes) and Flanders/Brussels (NIS codes).

From the shipped reference tables (etl/reference/SOURCES.md): the CBS list of 2025
(`gemeenten_per_jaar.csv`, its latest year) and the Flemish list after the fusions of
1 January 2025 (`gemeenten_vl_2025.csv`).
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

REFERENCE = Path(__file__).parent / "reference"


@cache
def current_municipalities(terminology: str) -> dict[str, str]:
    """Code → name of today's municipalities: `GM0193` → `Zwolle` for `nl`, `44021` → `Gent`
    for `vl`. ValueError for another terminology."""
    if terminology == "nl":
        with open(REFERENCE / "gemeenten_per_jaar.csv", encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        latest = max(row["jaar"] for row in rows)
        return {f"GM{row['code']}": row["gemeentenaam"] for row in rows if row["jaar"] == latest}
    if terminology == "vl":
        with open(REFERENCE / "gemeenten_vl_2025.csv", encoding="utf-8", newline="") as fh:
            return {row["nis"]: row["gemeentenaam"] for row in csv.DictReader(fh)}
    raise ValueError(f"Onbekende terminologie '{terminology}': kies nl of vl.")


def find_municipality(text: str, terminology: str) -> str | None:
    """The code of the municipality named or coded by `text` (a name, any case; `GM0193`,
    `193` or `0193` for nl; a NIS code for vl), or None when there is none."""
    known = current_municipalities(terminology)
    clean = text.strip()
    if terminology == "nl" and clean.upper().removeprefix("GM").isdigit():
        code = "GM" + clean.upper().removeprefix("GM").zfill(4)
        return code if code in known else None
    if clean in known:
        return clean
    by_name = {name.casefold(): code for code, name in known.items()}
    return by_name.get(clean.casefold())
