"""Dutch number formatting for the pages: 1.234 · 45% · 1,9 · € 12.345 · +3,2 %-punt.

Display only: a page formats a figure of the query layer, it never rounds the figure itself.
An empty figure (None: not computable or suppressed) is shown as a dash, never as 0.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import polars as pl

from dashboard.labels import label

EMPTY = "–"


def _missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def number(value: float | None, decimals: int = 0) -> str:
    """1234.5 → '1.235' (decimals=0) or '1.234,5' (decimals=1)."""
    if _missing(value):
        return EMPTY
    rounded = Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def percent(share: float | None, decimals: int = 0) -> str:
    """A share 0–1 as a percentage: 0.4567 → '46%'."""
    return EMPTY if _missing(share) else f"{number(share * 100, decimals)}%"


def euro(value: float | None) -> str:
    """12345.6 → '€ 12.346'."""
    return EMPTY if _missing(value) else f"€ {number(value)}"


def signed(value: float | None, decimals: int = 0, unit: str = "") -> str:
    """A change with its sign: 3.21 → '+3,2', -2 → '-2' (minus first, as st.metric reads it)."""
    if _missing(value):
        return EMPTY
    text = number(abs(value), decimals)
    sign = "+" if value > 0 else "-" if value < 0 else ""
    if text.strip("0,") == "":  # rounds to zero: no sign
        sign = ""
    return f"{sign}{text}{unit}"


def points(share_change: float | None, decimals: int = 1) -> str:
    """A change of a share in percentage points: 0.032 → '+3,2 %-punt'."""
    if _missing(share_change):
        return EMPTY
    return signed(share_change * 100, decimals, " %-punt")


def auto(value: float | None) -> str:
    """Whole numbers without decimals, others with one: 29.0 → '29', 29.5 → '29,5'."""
    if _missing(value):
        return EMPTY
    return number(value, 0 if float(value).is_integer() else 1)


def days(value: float | None) -> str:
    """A number of days in words: 29 → '29 dagen', 29.5 → '29,5 dagen'."""
    return EMPTY if value is None else label("fig_days", value=auto(value))


def rate(value: float | None) -> str:
    """A figure per 1,000 pupils, with one decimal: 4.25 → '4,3'."""
    return number(value, 1)


def yes_no(value: bool | None) -> str:
    return EMPTY if value is None else ("ja" if value else "nee")


FORMATS: dict[str, Callable[[Any], str]] = {
    "int": number,
    "dec1": lambda v: number(v, 1),
    "auto": auto,
    "share": lambda v: percent(v, 1),
    "euro": euro,
    "bool": yes_no,
    "text": lambda v: EMPTY if v is None else str(v),
}


def display_frame(frame: pl.DataFrame,
                  spec: dict[str, tuple[str, str | Callable[[Any], str]]]) -> pl.DataFrame:
    """A frame for reading: the columns of `spec` ({column: (Dutch header, format)}) as text.

    A format is a key of FORMATS or a function (e.g. a code's label). The figures are not
    changed, only written the Dutch way; an empty figure shows as a dash.
    """
    out = {}
    for column, (header, kind) in spec.items():
        fn = FORMATS[kind] if isinstance(kind, str) else kind
        out[header] = [fn(v) for v in frame[column].to_list()]
    return pl.DataFrame(out, schema={h: pl.String for h, _ in spec.values()})
