"""Readers see an empty schema when there is no warehouse; school years follow pib.toml."""

from __future__ import annotations

import pytest

from etl.settings import get_settings
from etl.warehouse import data_version, reader, writer


def test_reader_on_absent_warehouse_sees_empty_tables(warehouse):
    with reader() as con:
        assert con.execute("select count(*) from referrals").fetchone() == (0,)
    assert not warehouse.exists() and data_version() == (0, 0)


@pytest.mark.parametrize(
    ("day", "school_year"),
    [("2024-07-31", "2023-2024"), ("2024-08-01", "2024-2025"), ("2025-01-01", "2024-2025")],
)
def test_school_year_macro_boundaries(day, school_year):
    with reader() as con:
        assert con.execute(f"select school_year(date '{day}')").fetchone() == (school_year,)


def test_flemish_school_year_starts_in_september(isolated_env):
    (isolated_env / "pib.toml").write_text('[organisation]\nterminology = "vl"\n')
    assert get_settings().school_year_start == (9, 1)
    with reader() as con:
        got = con.execute("select school_year(date '2024-08-31'), school_year(date "
                          "'2024-09-01')").fetchone()
    assert got == ("2023-2024", "2024-2025")


def test_writer_commits_by_atomic_replace_and_discards_on_error(warehouse):
    with writer() as con:
        con.execute("insert into load_log (load_id, outcome) values (1, 'ok')")
    version = data_version()
    assert version != (0, 0)
    with pytest.raises(RuntimeError), writer() as con:
        con.execute("insert into load_log (load_id, outcome) values (2, 'ok')")
        raise RuntimeError("boom")
    assert data_version() == version
    with reader() as con:
        assert con.execute("select load_id from load_log").fetchall() == [(1,)]
