"""Dutch municipalities over time: names to codes on each year's classification, old codes to
today's. THE municipality-name matcher of every importer (`Municipalities.match`).

Reference data (CBS, CC BY 4.0) ships in `etl/reference/` (see its SOURCES.md):
`gemeenten_per_jaar.csv` (jaar, gemeentenaam, code) and the herindelingen in
`samenvoegingen.csv` and `opsplitsingen.csv`. Codes there are four digits; the warehouse uses
`GM` + code.

A split (one municipality divided over several) cannot be apportioned exactly without
population figures per part, so the whole municipality goes to the successor that received the
largest part (`SPLIT_SUCCESSOR`). Totals (and the national row) stay exact; the receiving
municipality is somewhat overstated for the years before the split, which the importer reports.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import polars as pl

REFERENCE = Path(__file__).parent / "reference"

# Split municipality -> successor that received the largest part (inhabitants at the split).
SPLIT_SUCCESSOR = {
    "0055": "0080",  # Boarnsterhim 2014: Grou and 8 villages to Leeuwarden (Heerenveen c. 6,000
    #                  of 19,400 inhabitants; the rest to Súdwest-Fryslân and De Friese Meren)
    "0140": "1900",  # Littenseradiel 2018: 15 of 29 villages, incl. Wommels, to Súdwest-Fryslân
    "0788": "0824",  # Haaren 2021: village Haaren to Oisterwijk; a close call, Helvoirt (c. 4,700
    #                  of 14,300) went to Vught (basisonderwijs 2021/'22: +380 and +350 pupils)
    "1671": "0796",  # Maasdonk 2015: Nuland and Vinkel (6,719 of 11,348) to 's-Hertogenbosch
}
# `samenvoegingen.csv` writes the Maasdonk split as one row to this placeholder code.
_PLACEHOLDER = "0000"
# Mis-decoded characters in the 2013-2014 names of `gemeenten_per_jaar.csv` (Súdwest-Fryslân).
_MOJIBAKE = {"‚": "â", "˙": "ú"}


# A suffix that DUO writes as a bare last word with its own abbreviation (`BERGEN LB` is
# `Bergen (L.)`), as the last word of the CBS key.
PROVINCE_WORDS = {"lb": "l", "l": "l", "nh": "nh", "zh": "zh", "o": "o", "z": "z"}
# `NUENEN CA` (cum annexis) is `Nuenen, Gerwen en Nederwetten`: the name continues.
CUM_ANNEXIS = "ca"


def name_key(name: str) -> str:
    """A matching key for a municipality name: no accents, lower case, every run of other
    characters one space (`S GRAVENHAGE` and `'s-Gravenhage` -> `s gravenhage`, `Bergen (NH.)`
    -> `bergen nh`); the mis-decoded characters of the reference are repaired first."""
    for wrong, right in _MOJIBAKE.items():
        name = name.replace(wrong, right)
    plain = "".join(c for c in unicodedata.normalize("NFKD", name)
                    if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", plain.lower()).strip()


def bare_key(name: str) -> str:
    """The key of a name without a CBS suffix such as `(gemeente)`, `(L.)` or `(NH.)`."""
    return name_key(re.sub(r"\s*\([^)]*\)\s*$", "", name))


@dataclass(frozen=True)
class _Year:
    """One year's classification: key -> code, and bare key -> the codes that have it."""

    whole: dict[str, str]
    bare: dict[str, list[str]]


@dataclass(frozen=True)
class Municipalities:
    years: dict[int, _Year]  # each year's classification
    today: dict[str, str]  # every code that ever existed -> today's code
    splits: dict[str, str]  # split municipality code -> its name, for the report
    first_year: int
    last_year: int

    def code_of(self, name: str, year: int) -> str | None:
        """The four-digit code of `name` on the classification of `year` (years outside the
        reference use the nearest), None when it does not match.

        In order: the whole name (`S GRAVENHAGE` = `'s-Gravenhage`, `SUDWEST-FRYSLAN` =
        `Súdwest-Fryslân`); a last word that is DUO's province suffix (`BERGEN LB` =
        `Bergen (L.)`); the name without a CBS suffix when only one municipality has it that
        year (`HENGELO` = `Hengelo (O.)`, `Groningen (gemeente)` in years listing `Groningen`);
        `NUENEN CA` (cum annexis) = the one municipality whose name starts with `Nuenen`.
        """
        ref = self.years[min(max(year, self.first_year), self.last_year)]
        key = name_key(name)
        stem, _, last = key.rpartition(" ")
        code = ref.whole.get(key)
        if code is None and last in PROVINCE_WORDS:
            code = ref.whole.get(f"{stem} {PROVINCE_WORDS[last]}")
        if code is None and len(loose := ref.bare.get(bare_key(name), [])) == 1:
            code = loose[0]
        if code is None and last == CUM_ANNEXIS:
            longer = [c for k, c in ref.whole.items() if k.startswith(f"{stem} ")]
            code = longer[0] if len(longer) == 1 else None
        return code

    def match(self, frame: pl.DataFrame) -> pl.DataFrame:
        """Add `code` (see `code_of`) and `municipality_code` (`GM` + today's code), both null
        when unmatched, to a frame of `name` (str) and `year` (int)."""
        pairs = frame.select("name", "year").unique()
        codes = pairs.with_columns(pl.Series("code", [
            None if n is None or y is None else self.code_of(n, y) for n, y in pairs.iter_rows()
        ], dtype=pl.String)).with_columns(
            ("GM" + pl.col("code").replace_strict(self.today, default=None))
            .alias("municipality_code")
        )
        return frame.join(codes, on=["name", "year"], how="left", nulls_equal=True)


def _read(name: str) -> pl.DataFrame:
    return pl.read_csv(REFERENCE / name, infer_schema=False, encoding="utf8")


@cache
def municipalities() -> Municipalities:
    """The reference tables, checked: unique names per year, every chain ends today."""
    per_year = _read("gemeenten_per_jaar.csv").select(
        pl.col("jaar").cast(pl.Int32).alias("year"),
        pl.col("gemeentenaam").map_elements(name_key, return_dtype=pl.String).alias("key"),
        pl.col("code"),
        pl.col("gemeentenaam").alias("name"),
    )
    doubles = per_year.filter(pl.len().over("year", "key") > 1)
    if doubles.height:
        raise ValueError(f"gemeentenamen niet eenduidig: {doubles.rows()[:3]}")
    last_year = per_year["year"].max()
    current = set(per_year.filter(pl.col("year") == last_year)["code"])

    moves = pl.concat([
        _read("samenvoegingen.csv").select("code_oud", "code_nieuw"),
        _read("opsplitsingen.csv").select("code_oud", "code_nieuw"),
    ]).filter(pl.col("code_oud") != pl.col("code_nieuw")).unique()
    step: dict[str, str] = {}
    splits: dict[str, str] = {}
    for old, new in moves.group_by("code_oud").agg("code_nieuw").iter_rows():
        if len(new) == 1 and new[0] != _PLACEHOLDER:
            step[old] = new[0]
        elif old in SPLIT_SUCCESSOR:
            step[old] = SPLIT_SUCCESSOR[old]
            splits[old] = per_year.filter(pl.col("code") == old)["name"].first()
        else:
            raise ValueError(f"gemeente {old} is opgesplitst maar heeft geen toewijzing")

    today = {}
    for code in set(per_year["code"]):
        end, seen = code, {code}
        while end in step:
            end = step[end]
            if end in seen:
                raise ValueError(f"kringverwijzing in herindelingen bij {code}")
            seen.add(end)
        if end not in current:
            raise ValueError(f"gemeente {code} komt niet uit bij een gemeente van {last_year}")
        today[code] = end
    years = {}
    for (year,), rows in per_year.group_by("year"):
        bare: dict[str, list[str]] = {}
        for name, code in rows.select("name", "code").iter_rows():
            bare.setdefault(bare_key(name), []).append(code)
        years[year] = _Year(dict(zip(rows["key"], rows["code"], strict=True)), bare)
    return Municipalities(years, today, splits, per_year["year"].min(), last_year)
