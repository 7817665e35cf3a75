"""Back-test of the demand forecasts (queries/forecast.py, docs/forecast.md) on a warehouse.

    .venv/bin/python -m benchmarks.forecast_backtest [--db WAREHOUSE]

Without `--db` it generates the demo (`pib demo`, 5 school years, seed 42) into a temporary
folder and loads it. Prints, per forecast, the coverage of the 90% prediction intervals and the
mean absolute error:

1. next school year's TLV's per type (query `admissions`): fit on the years before Y, predict Y;
2. next school year's granted demand per gemeente × need (query `coverage` of every year);
3. the rest of the school year at the end of October, January and April (query
   `admissions_year_to_date`): the rest of year Y from the years before it.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from datetime import date
from pathlib import Path

import polars as pl

from etl.demo import generate
from etl.load import load
from etl.schoolyear import SchoolYear
from queries import run_query
from queries.forecast import backtest, backtest_summary, forecast_rest_of_year

CUTOFF_MONTHS = (10, 1, 4)  # end of October, January and April


def demo_warehouse(folder: Path) -> Path:
    """The demo data set generated into `folder` and loaded into `folder/wh.duckdb`."""
    generate(folder / "csv")
    db = folder / "wh.duckdb"
    os.environ.setdefault("PIB_SECRET", "forecast-backtest-secret-0123456789")
    load([folder / "csv"], db=db)
    return db


def rest_of_year_backtest(db: Path, years: list[str]) -> pl.DataFrame:
    """Per school year after the first and cut-off month: the forecast of the rest of the year
    against what came (rows of `forecast_rest_of_year` with actual, covered, abs_error)."""
    frames = []
    for year in years[1:]:
        first = SchoolYear.parse(year).first
        for month in CUTOFF_MONTHS:
            as_of = date(first + (month < 8), month, 1)
            ytd = run_query("admissions_year_to_date", {"as_of": as_of}, db=db)
            actual = ytd.filter(pl.col("school_year") == year).select(
                "request_type", pl.col("granted_after").alias("actual"))
            frames.append(forecast_rest_of_year(ytd, year).join(actual, on="request_type")
                          .with_columns(pl.lit(year).alias("school_year"),
                                        pl.lit(as_of.strftime("%m")).alias("month")))
    return pl.concat(frames).with_columns(
        pl.col("actual").is_between(pl.col("rest_lower"), pl.col("rest_upper")).alias("covered"),
        (pl.col("actual") - pl.col("rest_point")).abs().alias("abs_error"),
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a loaded warehouse (default: the demo)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or demo_warehouse(Path(tmp))
        years = sorted(run_query("filter_school_years", db=db)["school_year"].to_list())
        admissions = run_query("admissions", db=db)
        demand = pl.concat(run_query("coverage", {"school_year": y}, db=db)
                           .select(pl.lit(y).alias("school_year"), "municipality_code",
                                   "need_category", "demand") for y in years)
        pl.Config.set_tbl_rows(40)
        tlv = backtest(admissions, ["request_type"], "granted")
        print("\nTLV's per type, next school year (fit on the years before, predict the year)")
        print(tlv.drop("abs_error"))
        print(backtest_summary(tlv))
        print("\nGranted demand per gemeente x need, next school year")
        print(backtest_summary(backtest(demand, ["municipality_code", "need_category"],
                                        "demand")))
        rest = rest_of_year_backtest(db, years)
        print("\nTLV's in the rest of the school year (cut-off end of Oct, Jan, Apr)")
        print(rest.select("school_year", "month", "request_type", "granted_to_date", "actual",
                          "rest_point", "rest_lower", "rest_upper", "covered"))
        print(backtest_summary(rest))


if __name__ == "__main__":
    main()
