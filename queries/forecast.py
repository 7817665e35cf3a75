"""Forecasts of demand with honest prediction intervals (docs/forecast.md).

Two forecasts, both from the answers of named queries (Polars frames in, Polars frames out; no
Streamlit):

- next school year: one Poisson GLM per series (a TLV type, or a gemeente × need) on the
  yearly counts, log link: the mean, or a linear trend when there are at least `TREND_YEARS`
  years and a likelihood-ratio test at 5% says the history shows one — `forecast_next_year`;
- the rest of the current school year: the rest of each earlier year in proportion to what had
  been granted up to the same month end (a Poisson GLM with the log of the part-so-far as
  offset), applied to this year's part so far — `forecast_rest_of_year`.

The prediction interval (level `LEVEL`, the 5th to the 95th percentile) mixes the two sources
of error: the fitted mean is uncertain (its log is normal with the GLM's standard error) and a
count scatters around its mean (Poisson, or negative binomial with variance φ·μ when the
quasi-Poisson dispersion φ > 1). The quantiles of that mixture are computed by Gauss–Hermite
quadrature, deterministic (no simulation). `backtest` refits on years up to Y − 1, predicts Y
and records whether the interval held the outcome; `backtest_summary` gives coverage and mean
absolute error.

Disclosure control: with `min_cell` given (the suppressed roles), a series whose history has a
suppressed (empty) count or a count from 1 to min_cell − 1 gets no forecast (`suppressed`).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import polars as pl
import statsmodels.api as sm
from scipy import stats

from etl.schoolyear import SchoolYear

LEVEL = 0.9  # the prediction interval runs from the 5th to the 95th percentile
TREND_YEARS = 4  # a linear trend needs at least four years (φ from two degrees of freedom)
TREND_TEST = 0.95  # and must beat the mean in a likelihood-ratio test at 5% (docs/forecast.md)
_NODES, _WEIGHTS = np.polynomial.hermite.hermgauss(40)


@dataclass(frozen=True)
class Prediction:
    """A forecast count: point = the fitted mean, lower/upper = whole-number bounds of the
    prediction interval, se = standard error of the log of the mean, phi = the dispersion used,
    method = `trend`, `mean`, `ratio` or `none` (a history of zeros only)."""

    point: float
    lower: int
    upper: int
    se: float
    phi: float
    method: str


def mixture_interval(eta: float, se: float, phi: float, level: float = LEVEL) -> tuple[int, int]:
    """The central `level` interval of a count Y with log-mean ~ N(eta, se²) and, given the
    mean μ, Y ~ Poisson(μ) (phi ≤ 1) or negative binomial with mean μ, variance phi·μ.

    Returns (lower, upper): the smallest k with P(Y ≤ k) ≥ (1 − level)/2, and with ≥ (1 + level)/2.
    """
    means = np.exp(eta + np.sqrt(2.0) * se * _NODES)
    weights = _WEIGHTS / np.sqrt(np.pi)
    dist = stats.nbinom(means / (phi - 1), 1 / phi) if phi > 1 else stats.poisson(means)

    def quantile(q: float) -> int:
        """The smallest k with P(Y ≤ k) ≥ q: doubling, then bisection (the cdf rises in k)."""
        def reaches(k: int) -> bool:
            return float(weights @ dist.cdf(k)) >= q - 1e-12
        low, high = -1, 1
        while not reaches(high) and high < 2**40:  # 2**40: a bound no count of TLV's nears
            low, high = high, high * 2
        while high - low > 1:
            middle = (low + high) // 2
            low, high = (low, middle) if reaches(middle) else (middle, high)
        return high

    return quantile((1 - level) / 2), quantile((1 + level) / 2)


def _fit(y: np.ndarray, design: np.ndarray, offset: np.ndarray | None):
    """A Poisson GLM (log link) of y on design; a perfect fit is no problem here."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", sm.tools.sm_exceptions.PerfectSeparationWarning)
        warnings.simplefilter("ignore", RuntimeWarning)  # exp overflow of a diverging trend
        return sm.GLM(y, design, family=sm.families.Poisson(), offset=offset).fit()


def predict(counts: Sequence[float], years: Sequence[int], target: int, *,
            exposure: Sequence[float] | None = None, target_exposure: float | None = None,
            level: float = LEVEL) -> Prediction:
    """Forecast the count of year `target` from `counts` of `years` (at least one year).

    Without exposure: a Poisson GLM with log link, the intercept alone (`mean`), or intercept
    plus linear trend in the year (`trend`) when there are `TREND_YEARS` years or more and the
    trend lowers the deviance, divided by the trend model's dispersion, by more than the 95th
    percentile of χ² with one degree of freedom (a likelihood-ratio test at 5%); never from a
    history with fewer than two non-zero years (0, 0, 6 has no finite trend: it explodes).
    With exposure (all > 0) and target_exposure > 0: intercept alone with offset
    log(exposure), i.e. the count is the pooled ratio Σcounts / Σexposure times
    target_exposure. The dispersion φ is the Pearson χ² over the residual degrees of freedom
    (at least 1; 1 without residual degrees of freedom). A history of zeros only cannot be
    fitted: the point is 0 (method `none`) and the upper bound the `level`-quantile of a
    Poisson count at the upper confidence bound of its mean, −ln((1 − level)/2) / years.
    """
    y = np.asarray(counts, dtype=float)
    x = np.asarray(years, dtype=float) - target
    if y.size == 0:
        raise ValueError("predict needs at least one year of history")
    if y.sum() == 0:
        mean_upper = -np.log((1 - level) / 2) / y.size
        return Prediction(0.0, 0, int(stats.poisson(mean_upper).ppf((1 + level) / 2)),
                          float("nan"), 1.0, "none")
    offset = None if exposure is None else np.log(np.asarray(exposure, dtype=float))
    fit, method, new = _fit(y, np.ones((y.size, 1)), offset), "mean", np.array([1.0])
    if exposure is not None:
        method = "ratio"
    elif y.size >= TREND_YEARS and np.count_nonzero(y) >= 2:
        trend = _fit(y, np.column_stack([np.ones(y.size), x]), None)
        phi = max(1.0, float(trend.pearson_chi2 / trend.df_resid))
        if trend.converged and (fit.deviance - trend.deviance) / phi > stats.chi2(1).ppf(
                TREND_TEST):
            fit, method, new = trend, "trend", np.array([1.0, 0.0])
    df = fit.df_resid
    phi = max(1.0, float(fit.pearson_chi2 / df)) if df >= 1 else 1.0
    eta = float(new @ fit.params) + (np.log(target_exposure) if offset is not None else 0.0)
    se = float(np.sqrt(phi * new @ fit.cov_params() @ new))
    lower, upper = mixture_interval(eta, se, phi, level)
    return Prediction(float(np.exp(eta)), lower, upper, se, phi, method)


def _hidden(values: list[int | None], min_cell: int | None) -> bool:
    """Whether disclosure control hides a forecast made from these counts."""
    return min_cell is not None and any(v is None or 0 < v < min_cell for v in values)


def _series(history: pl.DataFrame, keys: list[str], value: str) -> pl.DataFrame:
    """One row per key with the years and counts as lists, every year of the history present
    (a key absent in a year counts 0 there; a suppressed, empty count stays empty)."""
    years = history.select(pl.col("school_year").unique().sort())
    grid = history.select(keys).unique().join(years, how="cross")
    full = grid.join(history.select(*keys, "school_year", value, pl.lit(True).alias("_seen")),
                     on=[*keys, "school_year"], how="left")
    full = full.with_columns(
        pl.when(pl.col("_seen")).then(pl.col(value)).otherwise(0).alias(value)
    ).sort([*keys, "school_year"])
    return full.group_by(keys, maintain_order=True).agg(pl.col("school_year"), pl.col(value))


_OUT = {"years": pl.Int64, "point": pl.Float64, "lower": pl.Int64, "upper": pl.Int64,
        "method": pl.String, "suppressed": pl.Boolean}


def forecast_next_year(history: pl.DataFrame, keys: list[str], value: str, target: str, *,
                       level: float = LEVEL, min_cell: int | None = None) -> pl.DataFrame:
    """Forecast `value` for school year `target` per series of `keys` from the rows of
    `history` (a query answer with `school_year`, the keys and the count `value`) of school
    years before `target`.

    Returns one row per series, sorted by the keys: the keys, years (of history used), point,
    lower, upper (the `level` prediction interval), method (see `predict`) and suppressed (true
    when `min_cell` is given and the history holds a count that disclosure control hides or a
    count from 1 to min_cell − 1; then point, lower and upper are empty).
    """
    goal = SchoolYear.parse(target).first
    past = history.filter(pl.col("school_year") < target)
    rows = []
    for row in _series(past, keys, value).iter_rows(named=True):
        counts = row[value]
        first = {k: row[k] for k in keys}
        if _hidden(counts, min_cell):
            rows.append({**first, "years": len(counts), "point": None, "lower": None,
                         "upper": None, "method": None, "suppressed": True})
            continue
        known = [(SchoolYear.parse(y).first, c) for y, c in zip(row["school_year"], counts,
                                                                  strict=True) if c is not None]
        p = predict([c for _, c in known], [y for y, _ in known], goal, level=level)
        rows.append({**first, "years": len(known), "point": p.point, "lower": p.lower,
                     "upper": p.upper, "method": p.method, "suppressed": False})
    schema = {**{k: history.schema[k] for k in keys}, **_OUT}
    return pl.DataFrame(rows, schema=schema, orient="row").sort(keys)


def forecast_rest_of_year(year_to_date: pl.DataFrame, school_year: str, *, level: float = LEVEL,
                          min_cell: int | None = None) -> pl.DataFrame:
    """The expected TLV's of the rest of `school_year` per admission type, from the answer of
    `admissions_year_to_date` (cut-off = the same month end in every year).

    The rest of the year ~ this year's granted_to_date × the pooled ratio Σ granted_after /
    Σ granted_to_date of the earlier years (`predict` with exposure); when this year or no
    earlier year has TLV's up to the cut-off, the earlier years' rests with a trend (or mean).
    Returns per request_type: granted_to_date, open_at_date, rest_point, rest_lower,
    rest_upper, total_point, total_lower, total_upper (granted_to_date + the rest), method,
    suppressed (as in `forecast_next_year`, over every count used). Empty without earlier years.
    """
    goal = SchoolYear.parse(school_year).first
    rows = []
    for (request_type,), group in year_to_date.sort("school_year").group_by(
            ["request_type"], maintain_order=True):
        now = group.filter(pl.col("school_year") == school_year)
        past = group.filter(pl.col("school_year") < school_year)
        if now.height == 0 or past.height == 0:
            continue
        to_date, still_open = now["granted_to_date"][0], now["open_at_date"][0]
        base = {"request_type": request_type, "granted_to_date": to_date,
                "open_at_date": still_open}
        used = [*past["granted_to_date"], *past["granted_after"], to_date]
        if _hidden(used, min_cell):
            rows.append({**base, "granted_to_date": None if _hidden([to_date], min_cell)
                         else to_date, "suppressed": True})
            continue
        ratio = past.filter(pl.col("granted_to_date") > 0)
        if to_date and ratio.height:
            p = predict(ratio["granted_after"].to_list(),
                        [SchoolYear.parse(y).first for y in ratio["school_year"]], goal,
                        exposure=ratio["granted_to_date"].to_list(), target_exposure=to_date,
                        level=level)
        else:
            p = predict(past["granted_after"].to_list(),
                        [SchoolYear.parse(y).first for y in past["school_year"]], goal,
                        level=level)
        rows.append({**base, "rest_point": p.point, "rest_lower": p.lower,
                     "rest_upper": p.upper, "total_point": to_date + p.point,
                     "total_lower": to_date + p.lower, "total_upper": to_date + p.upper,
                     "method": p.method, "suppressed": False})
    schema = {"request_type": pl.String, "granted_to_date": pl.Int64, "open_at_date": pl.Int64,
              "rest_point": pl.Float64, "rest_lower": pl.Int64, "rest_upper": pl.Int64,
              "total_point": pl.Float64, "total_lower": pl.Int64, "total_upper": pl.Int64,
              "method": pl.String, "suppressed": pl.Boolean}
    return pl.DataFrame([{**dict.fromkeys(schema), **r} for r in rows], schema=schema,
                        orient="row")


def backtest(history: pl.DataFrame, keys: list[str], value: str, *, min_years: int = 2,
             level: float = LEVEL) -> pl.DataFrame:
    """Back-test of `forecast_next_year`: for every school year Y of `history` with at least
    `min_years` earlier years, fit on the years before Y and predict Y.

    Returns per series and Y: keys, school_year, actual, point, lower, upper, method, covered
    (lower ≤ actual ≤ upper) and abs_error (|actual − point|). Exact histories only (no
    suppressed counts)."""
    years = sorted(history["school_year"].unique().to_list())
    frames = []
    for target in years[min_years:]:
        predicted = forecast_next_year(history, keys, value, target, level=level)
        actual = _series(history, keys, value).explode(["school_year", value]).filter(
            pl.col("school_year") == target).rename({value: "actual"})
        frames.append(actual.join(predicted, on=keys, how="inner"))
    if not frames:
        return pl.DataFrame()
    out = pl.concat(frames).with_columns(
        pl.col("actual").is_between(pl.col("lower"), pl.col("upper")).alias("covered"),
        (pl.col("actual") - pl.col("point")).abs().alias("abs_error"),
    )
    return out.select(*keys, "school_year", "actual", "point", "lower", "upper", "method",
                      "covered", "abs_error").sort([*keys, "school_year"])


def backtest_summary(tested: pl.DataFrame) -> pl.DataFrame:
    """Per method: forecasts (n), coverage (the share of outcomes inside their interval) and
    mae (mean absolute error), and a row `all`; from `backtest` rows (columns method, covered,
    abs_error)."""
    figures = (pl.len().cast(pl.Int64).alias("n"), pl.col("covered").mean().alias("coverage"),
               pl.col("abs_error").mean().alias("mae"))
    per_method = tested.group_by("method").agg(*figures).sort("method")
    return pl.concat([per_method, tested.select(pl.lit("all").alias("method"), *figures)])
