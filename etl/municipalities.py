"""Municipality codes in canonical files: written as today's code (CONTRACT §2).

The code system follows `[organisation] terminology`: `nl` CBS codes (`GM0614`; `614`, `0614`
and `GM614` mean the same), `vl` NIS codes of five digits. A code of a municipality merged
since is replaced by today's code: CBS samenvoegingen (and splits, to the largest successor)
from `etl.municipality_names`, the Flemish fusions of 2025 from
`reference/vl_gemeenten_2024_2025.csv` (see reference/SOURCES.md). `unknown` (any case) is a
value of its own: the source does not say. Anything else is an unknown code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import polars as pl

from etl.municipality_names import REFERENCE, municipalities
from etl.schema import UNKNOWN


@dataclass(frozen=True)
class CodeSystem:
    label: str  # how a reason names the system
    example: str
    today: dict[str, str]  # every accepted code, normalised -> today's code
    names: dict[str, str]  # today's code -> name

    def normalise(self, raw: pl.Expr) -> pl.Expr:
        """The code in this system's spelling (`GM0614`), `unknown`, or the value as given."""
        text = raw.str.strip_chars()
        if self.label == "CBS":
            digits = text.str.to_uppercase().str.extract(r"^(?:GM)?(\d{1,4})$")
            text = pl.when(digits.is_not_null()).then("GM" + digits.str.zfill(4)).otherwise(text)
        return pl.when(raw.str.to_lowercase().str.strip_chars() == UNKNOWN).then(
            pl.lit(UNKNOWN)).otherwise(text)


def _read(name: str) -> pl.DataFrame:
    return pl.read_csv(REFERENCE / name, infer_schema=False, encoding="utf8")


@cache
def code_system(terminology: str) -> CodeSystem:
    """The codes of `terminology` (`nl` or `vl`) and where each leads today."""
    if terminology == "vl":
        names = dict(_read("vl_gemeenten_2025.csv").iter_rows())
        today = dict(_read("vl_gemeenten_2024_2025.csv").iter_rows())
        today.update({code: code for code in names})
        return CodeSystem("NIS", "44021", today, names)
    ref = municipalities()
    per_year = _read("gemeenten_per_jaar.csv")
    last = per_year.filter(pl.col("jaar") == pl.col("jaar").max())
    names = {f"GM{code}": name for name, code in last.select("gemeentenaam", "code").iter_rows()}
    today = {f"GM{old}": f"GM{new}" for old, new in ref.today.items()}
    return CodeSystem("CBS", "GM0193", today, names)


def today_code(raw: pl.Expr, system: CodeSystem) -> pl.Expr:
    """Today's code of a text value; `unknown` stays; null for an empty or unknown code."""
    code = system.normalise(raw)
    return pl.when(code == UNKNOWN).then(pl.lit(UNKNOWN)).otherwise(
        code.replace_strict(system.today, default=None, return_dtype=pl.String))


def unknown_reason(raw: pl.Expr, system: CodeSystem) -> pl.Expr:
    """Why a value is no municipality code."""
    return pl.format(f"onbekende gemeentecode '{{}}' (verwacht een {system.label}-code zoals "
                     f"{system.example}, of unknown)", raw.str.strip_chars())


def find_municipality(text: str, terminology: str) -> str | None:
    """Today's code of the municipality that `text` names or codes, or None: a name (any case),
    a code in any spelling of the system (`193`, `GM0193`; a NIS code), also the code of a
    municipality merged since (then today's code)."""
    system = code_system(terminology)
    clean = text.strip()
    code = pl.select(system.normalise(pl.lit(clean))).item()
    if code in system.today:
        return system.today[code]
    return {name.casefold(): c for c, name in system.names.items()}.get(clean.casefold())
