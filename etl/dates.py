"""The one date grammar of every date column of every entity (CONTRACT §2).

Accepted by default: `YYYY-MM-DD`, `DD-MM-YYYY` and `DD/MM/YYYY`, day and month with one or two
digits; a time after the date is dropped. A source profile may give its own list of `strptime`
formats (`FileRules.date_formats`), tried in order; `%d` and `%m` accept one digit.

A year is read only from as many digits as its directive says: `%Y` four, `%y` two. So a
two-digit year is never read as a year below 100 (`2-9-24` is not 2 September 24): unless a
format with `%y` says how to read it, such a value is quarantined as a two-digit year. A date
before 2000-01-01 or more than one year after the day of the load is quarantined too; the
reason names the value and the window.
"""

from __future__ import annotations

import re
from datetime import date

import polars as pl

DEFAULT_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")
EARLIEST = date(2000, 1, 1)
TIME_PART = r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$"  # a time part after a date: dropped
_DIRECTIVES = {"Y": r"\d{4}", "y": r"\d{2}", "d": r"\d{1,2}", "m": r"\d{1,2}",
               "e": r"\s?\d{1,2}", "%": "%"}
_TWO_DIGIT_YEAR = r"^\d{1,2}[-/.]\d{1,2}[-/.]\d{2}$"


def latest(load_date: date) -> date:
    """The last plausible date of a load on `load_date`: one year later (28 February for a
    load on 29 February)."""
    try:
        return load_date.replace(year=load_date.year + 1)
    except ValueError:
        return load_date.replace(year=load_date.year + 1, day=28)


def _tokens(fmt: str) -> list[tuple[bool, str]]:
    """A `strptime` format as (is a directive, its letter or the literal character) pairs:
    `%d-%m` is [(True, 'd'), (False, '-'), (True, 'm')]."""
    tokens, i = [], 0
    while i < len(fmt):
        directive = fmt[i] == "%" and i + 1 < len(fmt)
        tokens.append((directive, fmt[i + 1] if directive else fmt[i]))
        i += 2 if directive else 1
    return tokens


def _shape(fmt: str) -> str | None:
    """A regex for the text a `strptime` format accepts, or None when the format uses a
    directive without a fixed shape (month names: those values are parsed unguarded)."""
    parts = ["^"]
    for directive, char in _tokens(fmt):
        if directive and char not in _DIRECTIVES:
            return None
        parts.append(_DIRECTIVES[char] if directive else re.escape(char))
    return "".join(parts) + "$"


def parse_date(raw: pl.Expr, formats: tuple[str, ...] = DEFAULT_DATE_FORMATS) -> pl.Expr:
    """The date of a stripped text value (null where empty or not a date under `formats`).
    Each format only reads values of its own shape, so `%Y` never reads `24`."""
    day = raw.str.replace(TIME_PART, "")
    tries = []
    for fmt in formats:
        parsed = day.str.strptime(pl.Date, fmt, strict=False)
        shape = _shape(fmt)
        tries.append(parsed if shape is None else pl.when(day.str.contains(shape)).then(parsed))
    return pl.coalesce(tries)


def common_format(value: str, formats: tuple[str, ...] = DEFAULT_DATE_FORMATS) -> str | None:
    """The format of `formats` whose common spelling `value` has (day and month in two digits,
    e.g. `01-08-2024` for `%d-%m-%Y`), if `parse_date` reads every value of that spelling with
    that format: no earlier format's shape fits the spelling (nor has none) and such a value
    holds nothing that is stripped. None otherwise. Used to pick `quick_date` for a batch."""
    for i, fmt in enumerate(formats):
        example = _example(fmt)
        if example is None or not re.fullmatch(_common_shape(fmt), value):
            continue
        earlier = [_shape(f) for f in formats[:i]]
        if (any(shape is None or re.search(shape, example) for shape in earlier)
                or re.search(TIME_PART, example) or example != example.strip()):
            return None
        return fmt
    return None


def quick_date(raw: pl.Expr, fmt: str) -> pl.Expr:
    """The date of a text value in the common spelling of `fmt` (see `common_format`), null
    for any other value: where it gives a date, `parse_date` gives that date."""
    return pl.when(raw.str.contains(_common_shape(fmt))).then(
        raw.str.strptime(pl.Date, fmt, strict=False))


_COMMON = {"Y": (r"\d{4}", "0000"), "y": (r"\d{2}", "00"), "d": (r"\d{2}", "00"),
           "m": (r"\d{2}", "00"), "%": ("%", "%")}  # per directive: regex, example


def _common_parts(fmt: str) -> list[tuple[str, str]] | None:
    """(regex, example text) per part of `fmt` in its common spelling; None for a directive
    without one (month names, `%e`)."""
    parts = []
    for directive, char in _tokens(fmt):
        if directive and char not in _COMMON:
            return None
        parts.append(_COMMON[char] if directive else (re.escape(char), char))
    return parts


def _common_shape(fmt: str) -> str:
    return "^" + "".join(rx for rx, _ in _common_parts(fmt) or []) + "$"


def _example(fmt: str) -> str | None:
    parts = _common_parts(fmt)
    return None if parts is None else "".join(text for _, text in parts)


def date_reason(raw: pl.Expr, formats: tuple[str, ...] = DEFAULT_DATE_FORMATS) -> pl.Expr:
    """Why a stripped text value is no date, for values `parse_date` left empty."""
    spelled = [_spelled(f) for f in formats]
    shown = " of ".join(filter(None, (", ".join(spelled[:-1]), spelled[-1])))
    reason = pl.format("geen geldige datum '{}' (verwacht {})", raw, pl.lit(shown))
    if any("%y" in f for f in formats):
        return reason
    return (pl.when(raw.str.replace(TIME_PART, "").str.contains(_TWO_DIGIT_YEAR)).then(pl.format(
        "tweecijferig jaartal in '{}': dat wordt nooit als jaar onder de 100 gelezen; schrijf "
        "het jaar voluit (2024) of geef in een bronprofiel een datumformaat met %y op", raw))
        .otherwise(reason))


def window_reason(value: pl.Expr, load_date: date) -> pl.Expr:
    """Why a parsed date is implausible (null when it lies within 2000-01-01 … load date + 1
    year)."""
    last = latest(load_date)
    return pl.when((value < EARLIEST) | (value > last)).then(pl.format(
        "datum {} ligt buiten de toegestane periode {} t/m {}", value.dt.strftime("%Y-%m-%d"),
        pl.lit(EARLIEST.isoformat()), pl.lit(last.isoformat())))


def _spelled(fmt: str) -> str:
    """`%d-%m-%Y` as the Dutch reader writes it: DD-MM-JJJJ."""
    for directive, text in (("%Y", "JJJJ"), ("%y", "JJ"), ("%d", "DD"), ("%m", "MM")):
        fmt = fmt.replace(directive, text)
    return fmt
