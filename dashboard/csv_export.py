"""CSV that a spreadsheet opens as data: text that would start a formula is neutralised.

Excel, LibreOffice and Google Sheets evaluate a cell that starts with `=`, `+`, `-`, `@`, a tab or
a carriage return (OWASP, "CSV Injection"). Free text from a source file (a file name, a
quarantined raw value, a reason) can start that way, so every CSV the product writes — `pib
query --format csv` and the dashboard's downloads — goes through `to_csv`.
"""

from __future__ import annotations

import polars as pl

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(frame: pl.DataFrame) -> pl.DataFrame:
    """`frame` with every text cell that starts like a formula prefixed by an apostrophe (the
    spreadsheet convention for "this is text"); numbers, dates and other types unchanged."""
    risky = "^[" + "".join({"\t": "\\t", "\r": "\\r", "-": "\\-"}.get(c, c)
                           for c in FORMULA_START) + "]"
    return frame.with_columns(
        pl.when(pl.col(name).str.contains(risky)).then("'" + pl.col(name))
        .otherwise(pl.col(name)).alias(name)
        for name, dtype in frame.schema.items() if dtype == pl.String
    )


def to_csv(frame: pl.DataFrame) -> str:
    """The frame as CSV text (comma-separated, header row), safe to open in a spreadsheet."""
    return neutralise(frame).write_csv()
