"""Fixtures for the query layer: the hand-made data sets of tests/data/kpi and
tests/data/figures, each loaded once."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from etl.load import load
from etl.warehouse import writer
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


def _referral(rid: str, school: str | None, municipality: str, need: str, kind: str,
              received: str, decided: str | None, decision: str | None) -> str:
    school_sql = f"'{school}'" if school else "null"
    decided_sql = f"date '{decided}'" if decided else "null"
    decision_sql = f"'{decision}'" if decision else "null"
    return (f"('{rid}', 'P{rid}', '{municipality}', {school_sql}, date '{received}', '{need}', "
            f"'{kind}', {decided_sql}, {decision_sql})")


def _rows() -> list[str]:
    rows = [_referral(f"A{i}", "A", "GM0193", "behaviour", "admission_so", "2024-09-02",
                      "2024-09-12", "granted") for i in range(5)]
    rows += [_referral(f"{s}{i}", s, "GM0193", "learning", "consultation", "2024-10-01",
                       None, None) for s, n in (("B", 10), ("C", 10), ("D", 3)) for i in range(n)]
    for year, days in ((2025, (10, 20, 30, 40)), (2024, (10, 30, 20, 40))):
        for month, wait in zip((3, 4, 5, 6), days, strict=True):
            received = date(year, month, 1)
            rows.append(_referral(f"W{year}{month}", None, "GM0193", "learning", "consultation",
                                  str(received), str(received + timedelta(days=wait)),
                                  "granted"))
    rows.append(_referral("G1", None, "GM0166", "learning", "consultation", "2025-06-01",
                          "2025-07-11", "granted"))
    return rows


def _episodes() -> list[str]:
    counts = {(2024, "schoolangst"): 8, (2024, "ziekte"): 8,
              (2023, "schoolangst"): 2, (2023, "ziekte"): 4}
    return [f"('E{year}{reason}{i}', 'T{year}{reason}{i}', 'GM0166', 'absolute_absence', "
            f"date '{year}-10-01', date '{year}-12-01', '{reason}')"
            for (year, reason), n in counts.items() for i in range(n)]


def _cases() -> list[str]:
    counts = {(2023, "no_fitting_place"): 1, (2024, "no_fitting_place"): 6,
              (2023, "transport"): 2, (2024, "transport"): 3}
    return [f"('K{year}{problem}{i}', 'Q{year}{problem}{i}', 'GM0193', date '{year}-11-01', "
            f"'school', '{problem}')" for (year, problem), n in counts.items() for i in range(n)]


def fill_signals_warehouse(home: Path) -> Path:
    """The hand-made warehouse of tests/queries/test_signals.py (described in its docstring)
    in the isolated environment `home`: its pib.toml gets the two targets; returns the
    warehouse path."""
    (home / "pib.toml").write_text(
        "[targets]\nmedian_waiting_days = 35\nout_of_school_per_1000 = 1.5\n", encoding="utf-8")
    with writer() as con:
        con.execute("insert into schools (school_id, name, sector, municipality_code) values "
                    "('A', 'De Akker', 'po', 'GM0193'), ('B', 'De Beuk', 'po', 'GM0193'), "
                    "('C', 'Het College', 'vo', 'GM0166'), ('D', 'De Dijk', 'po', 'GM0193')")
        con.execute("insert into enrolments (school_id, school_year, pupils) select school_id, "
                    "year, pupils from (values ('A', 100), ('B', 1400), ('C', 1500)) t(school_id, "
                    "pupils) cross join (values ('2023-2024'), ('2024-2025')) y(year)")
        con.execute("insert into referrals (referral_id, pupil_id, municipality_code, school_id, "
                    "received_on, need_category, request_type, decided_on, decision) values "
                    + ", ".join(_rows()))
        con.execute("insert into offers (offer_id, provider, need_category, offer_type, "
                    "municipality_code, school_year, capacity) values "
                    "('O1', 'p', 'learning', 'group', 'GM0193', '2023-2024', 2), "
                    "('O2', 'p', 'learning', 'group', 'GM0193', '2024-2025', 1), "
                    "('O3', 'p', 'behaviour', 'group', 'GM0193', '2024-2025', 10)")
        con.execute("insert into out_of_school (episode_id, pupil_id, municipality_code, kind, "
                    "started_on, ended_on, reason) values " + ", ".join(_episodes()))
        con.execute("insert into cases (case_id, pupil_id, municipality_code, opened_on, "
                    "referred_by, problem_type) values " + ", ".join(_cases()))
    return home / "warehouse.duckdb"
