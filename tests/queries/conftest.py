"""Fixtures for the query layer: the hand-made data sets of tests/data/kpi and
tests/data/figures, each loaded once."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from etl.load import load
from tests.conftest import TEST_DATA

KPI_DATA = TEST_DATA / "kpi"
FIGURES_DATA = TEST_DATA / "figures"


@pytest.fixture(scope="session")
def kpi_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/data/kpi loaded through `etl.load.load` into a warehouse of its own."""
    db = tmp_path_factory.mktemp("kpi") / "wh.duckdb"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PIB_SECRET", "kpi-test-secret-of-at-least-32-bytes")
        report = load([KPI_DATA], db=db)
    assert report.quarantined == 2  # referrals line 17 and supports line 8, on purpose
    return db


@pytest.fixture(scope="session")
def figures_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/data/figures (the figures of issue 14) loaded into a warehouse of its own."""
    db = tmp_path_factory.mktemp("figures") / "wh.duckdb"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PIB_SECRET", "figures-test-secret-0123456789abcdef")
        report = load([FIGURES_DATA], db=db)
    assert report.quarantined == 3  # out_of_school E14, referrals F16, supports SP10: on purpose
    return db


def expect(frame: pl.DataFrame, rows: list[tuple]) -> None:
    """`frame` holds exactly `rows`, in order; floats compared to 1e-9 relative."""
    expected = pl.DataFrame(rows, schema=frame.schema, orient="row")
    assert_frame_equal(frame, expected, check_exact=False, rel_tol=1e-9, abs_tol=1e-12)
