"""queries/forecast.py on hand-made series whose forecasts can be worked out by hand."""

from __future__ import annotations

import math

import numpy as np
import polars as pl
import pytest
from scipy import stats

from benchmarks.forecast_backtest import main as backtest_main
from etl.demo import generate
from etl.load import load
from queries.forecast import (
    backtest,
    backtest_summary,
    forecast_next_year,
    forecast_rest_of_year,
    mixture_interval,
    predict,
)


def independent_interval(mean: float, se: float, level: float = 0.9) -> tuple[int, int]:
    """The interval of a Poisson count whose log-mean is N(log mean, se²), by the trapezoid
    rule on a fine grid (not the quadrature of the module)."""
    z = np.linspace(-9, 9, 20001)
    density = stats.norm.pdf(z)
    ks = np.arange(200)
    cdf = np.trapezoid(density[None, :] * stats.poisson.cdf(ks[:, None], mean * np.exp(se * z)),
                       z, axis=1)
    return int(ks[np.argmax(cdf >= (1 - level) / 2)]), int(ks[np.argmax(cdf >= (1 + level) / 2)])


def test_constant_series():
    # four years of 10: no trend (the deviance does not drop), mean 10; the Fisher information of
    # the log-mean is n·μ = 40, so se² = 1/40
    p = predict([10, 10, 10, 10], [2020, 2021, 2022, 2023], 2024)
    assert p.method == "mean"
    assert p.point == pytest.approx(10)
    assert p.se == pytest.approx(math.sqrt(1 / 40))
    assert p.phi == 1.0
    # Poisson(10) alone gives 5..15; the uncertain mean widens the upper end by one
    assert (stats.poisson(10).ppf(0.05), stats.poisson(10).ppf(0.95)) == (5, 15)
    assert (p.lower, p.upper) == independent_interval(10, math.sqrt(1 / 40)) == (5, 16)


def test_interval_without_parameter_error_is_the_count_distribution():
    assert mixture_interval(math.log(10), 0.0, 1.0) == (5, 15)
    nb = stats.nbinom(10, 0.5)  # mean 10, variance 20 = φ·μ with φ = 2
    assert mixture_interval(math.log(10), 0.0, 2.0) == (nb.ppf(0.05), nb.ppf(0.95))


def test_a_clear_trend_is_followed_a_blip_is_not():
    rising = predict([5, 8, 12, 15, 20], [1, 2, 3, 4, 5], 6)
    assert rising.method == "trend" and rising.point > 20
    # 0, 0, 1: the trend's deviance drop is 2 ln 3 = 2.197 < 3.84 → the mean 1/3
    blip = predict([0, 0, 1], [1, 2, 3], 4)
    assert blip.method == "mean" and blip.point == pytest.approx(1 / 3)


def test_ratio_with_exposure():
    # rests 10 and 20 after 10 and 20 so far: ratio 30/30 = 1, this year 15 so far → 15;
    # information of the log-ratio Σμ = 30, se² = 1/30
    p = predict([10, 20], [2022, 2023], 2024, exposure=[10, 20], target_exposure=15)
    assert (p.method, p.point, p.se) == ("ratio", pytest.approx(15), pytest.approx(
        math.sqrt(1 / 30)))
    assert (p.lower, p.upper) == independent_interval(15, math.sqrt(1 / 30))


def test_zeros_only():
    # upper bound of the mean: −ln(0.05)/3 = 0.9986; Poisson(0.9986): P(≤2) = 0.920, P(≤3) = 0.981
    p = predict([0, 0, 0], [1, 2, 3], 4)
    assert (p.method, p.point, p.lower, p.upper) == ("none", 0.0, 0, 3)


def history() -> pl.DataFrame:
    return pl.DataFrame({
        "school_year": ["2021-2022", "2022-2023", "2023-2024", "2021-2022", "2022-2023",
                        "2023-2024", "2023-2024"],
        "area": ["A", "A", "A", "B", "B", "B", "C"],
        "granted": [10, 10, 10, 10, 3, 10, 6],
    })


def test_next_year_exact_role():
    out = forecast_next_year(history(), ["area"], "granted", "2024-2025")
    assert out["area"].to_list() == ["A", "B", "C"]
    assert out["years"].to_list() == [3, 3, 3]  # C is 0, 0, 6: absent years count 0
    assert out["point"].to_list() == pytest.approx([10, 23 / 3, 2])
    assert out["suppressed"].to_list() == [False, False, False]


def test_next_year_disclosure():
    frame = history().with_columns(
        pl.when(pl.col("granted") < 5).then(None).otherwise(pl.col("granted")).alias("granted"))
    out = forecast_next_year(frame, ["area"], "granted", "2024-2025", min_cell=5)
    # B has a suppressed count, C a zero and a 6: only A and C are shown
    assert out["suppressed"].to_list() == [False, True, False]
    assert out["point"].to_list()[:2] == [pytest.approx(10), None]


def test_rest_of_year():
    ytd = pl.DataFrame({
        "school_year": ["2022-2023", "2023-2024", "2024-2025"],
        "request_type": ["admission_so"] * 3,
        "granted_to_date": [10, 20, 15], "granted_after": [10, 20, 0],
        "open_at_date": [1, 2, 4],
    })
    row = forecast_rest_of_year(ytd, "2024-2025").row(0, named=True)
    lower, upper = independent_interval(15, math.sqrt(1 / 30))
    assert row == {"request_type": "admission_so", "granted_to_date": 15, "open_at_date": 4,
                   "rest_point": pytest.approx(15), "rest_lower": lower, "rest_upper": upper,
                   "total_point": pytest.approx(30), "total_lower": 15 + lower,
                   "total_upper": 15 + upper, "method": "ratio", "suppressed": False}
    # nothing granted yet this year: the mean of the earlier rests, (10 + 20) / 2
    none_yet = forecast_rest_of_year(ytd.with_columns(granted_to_date=pl.Series([10, 20, 0])),
                                     "2024-2025")
    assert none_yet["method"][0] == "mean" and none_yet["rest_point"][0] == pytest.approx(15)
    hidden = forecast_rest_of_year(ytd, "2024-2025", min_cell=5)  # the 1, 2 and 4 open are fine
    assert hidden["suppressed"][0] is False
    small = forecast_rest_of_year(ytd.with_columns(granted_to_date=pl.Series([10, 3, 15])),
                                  "2024-2025", min_cell=5)
    assert small["suppressed"][0] is True and small["rest_point"][0] is None


def test_backtest_coverage_and_error():
    series = pl.DataFrame({
        "school_year": ["2019-2020", "2020-2021", "2021-2022", "2022-2023", "2023-2024"],
        "area": ["A"] * 5, "granted": [10, 10, 10, 10, 40],
    })
    tested = backtest(series, ["area"], "granted")
    # 2021-2022 from two years, 2022-2023 from three, 2023-2024 from four: each the mean 10;
    # the last interval is 5..16 and misses the 40 by 30
    assert tested["school_year"].to_list() == ["2021-2022", "2022-2023", "2023-2024"]
    assert tested["point"].to_list() == pytest.approx([10, 10, 10])
    assert tested["upper"][-1] == 16
    assert tested["covered"].to_list() == [True, True, False]
    assert tested["abs_error"].to_list() == pytest.approx([0, 0, 30])
    summary = backtest_summary(tested)
    assert summary["method"].to_list() == ["mean", "all"]
    assert summary["n"].to_list() == [3, 3]
    assert summary["coverage"].to_list() == pytest.approx([2 / 3, 2 / 3])
    assert summary["mae"].to_list() == pytest.approx([10, 10])


def test_backtest_script_runs_on_a_demo(tmp_path, capsys):
    generate(tmp_path / "csv", pupils=3000, years=3, seed=5)
    load([tmp_path / "csv"], db=tmp_path / "wh.duckdb")
    backtest_main(["--db", str(tmp_path / "wh.duckdb")])
    out = capsys.readouterr().out
    for heading in ("TLV's per type, next school year", "Granted demand per gemeente x need",
                    "TLV's in the rest of the school year"):
        assert heading in out
    assert out.count("coverage") == 3  # one summary per forecast
