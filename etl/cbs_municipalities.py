"""Dutch municipalities over time: CBS names per year to codes, and old codes to today's.

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


def name_key(name: pl.Expr) -> pl.Expr:
    """A matching key for a municipality name: case, extra whitespace and a leading apostrophe
    (`'s-Gravenhage`) do not count."""
    return (
        name.str.replace_many(list(_MOJIBAKE), list(_MOJIBAKE.values()))
        .str.replace_all(r"\s+", " ")
        .str.strip_chars()
        .str.replace(r"^['’`]", "")
        .str.to_lowercase()
    )


def bare_key(key: pl.Expr) -> pl.Expr:
    """A key without a CBS suffix such as `(gemeente)`, `(L.)` or `(NH.)`."""
    return key.str.replace(r"\s*\([^)]*\)$", "")


@dataclass(frozen=True)
class Municipalities:
    names: pl.DataFrame  # year (i32), key, bare, code: each year's classification
    today: dict[str, str]  # every code that ever existed -> today's code
    splits: dict[str, str]  # split municipality code -> its name, for the report
    first_year: int
    last_year: int

    def match(self, frame: pl.DataFrame) -> pl.DataFrame:
        """Add `code` (null when unmatched) to a frame of `name` and `year`.

        A name matches the classification of its year (years outside the reference use the
        nearest): on the whole name first, else on the name without its CBS suffix when that is
        unambiguous that year (`Groningen (gemeente)`, `Beek (L.)` in years listing `Beek`).
        """
        keyed = frame.with_columns(
            pl.col("year").clip(self.first_year, self.last_year).alias("_year"),
            name_key(pl.col("name")).alias("_key"),
        ).with_columns(bare_key(pl.col("_key")).alias("_bare"))
        exact = self.names.select(
            pl.col("year").alias("_year"), pl.col("key").alias("_key"),
            pl.col("code").alias("_exact"),
        )
        loose = self.names.filter(pl.len().over("year", "bare") == 1).select(
            pl.col("year").alias("_year"), pl.col("bare").alias("_bare"),
            pl.col("code").alias("_loose"),
        )
        return (
            keyed.join(exact, on=["_year", "_key"], how="left")
            .join(loose, on=["_year", "_bare"], how="left")
            .with_columns(pl.coalesce("_exact", "_loose").alias("code"))
            .drop("_year", "_key", "_bare", "_exact", "_loose")
        )


def _read(name: str) -> pl.DataFrame:
    return pl.read_csv(REFERENCE / name, infer_schema=False, encoding="utf8")


@cache
def municipalities() -> Municipalities:
    """The reference tables, checked: unique names per year, every chain ends today."""
    per_year = _read("gemeenten_per_jaar.csv").select(
        pl.col("jaar").cast(pl.Int32).alias("year"),
        name_key(pl.col("gemeentenaam")).alias("key"),
        pl.col("code"),
        pl.col("gemeentenaam").alias("name"),
    ).with_columns(bare_key(pl.col("key")).alias("bare"))
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
    return Municipalities(
        per_year.drop("name"), today, splits, per_year["year"].min(), last_year
    )
