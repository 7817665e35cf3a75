import polars as pl

from dashboard.csv_export import to_csv


def test_text_that_starts_like_a_formula_is_neutralised():
    frame = pl.DataFrame({
        "file": ["=HYPERLINK(\"x\")", "+31", "-2", "@SUM(A1)", "\tx", "gewoon.csv", None],
        "rows": [-5, 1, 2, 3, 4, 5, 6],
    })
    assert to_csv(frame).splitlines() == [
        "file,rows",
        "\"'=HYPERLINK(\"\"x\"\")\",-5",
        "'+31,1",
        "'-2,2",
        "'@SUM(A1),3",
        "'\tx,4",
        "gewoon.csv,5",
        ",6",
    ]
