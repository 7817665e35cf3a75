"""Readers see an empty schema when there is no warehouse; school years follow pib.toml."""

from __future__ import annotations

import pytest

from etl import warehouse
from etl.schoolyear import SchoolYear
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
        got = con.execute("select school_year($d::date), school_year_label(school_year_start("
                          "$d::date)), in_school_year($d::date, $sy), "
                          "in_school_year($d::date, '2000-2001')",
                          {"d": day, "sy": school_year}).fetchone()
    assert got == (school_year, school_year, True, False)


@pytest.mark.parametrize(("month", "day"), [(1, 1), (8, 1), (9, 15), (12, 28)])
def test_school_year_macros_agree_with_settings_on_every_day(isolated_env, month, day):
    """The SQL macros and `SchoolYear.of` give every day of two years one year."""
    (isolated_env / "pib.toml").write_text(
        f"[school_year]\nstart_month = {month}\nstart_day = {day}\n")
    settings = get_settings()
    with reader() as con:
        rows = con.execute(
            "select d::date, school_year(d::date), in_school_year(d::date, school_year(d::date)),"
            " in_school_year(d::date, school_year_label(school_year_start(d::date) + 1))"
            " from generate_series(date '2023-12-01', date '2026-01-31', interval 1 day) t(d)"
        ).fetchall()
    assert len(rows) == 793
    for day_, year, inside, next_year in rows:
        expected = str(SchoolYear.of(day_, settings.school_year_start))
        assert (year, inside, next_year) == (expected, True, False), day_


def test_flemish_school_year_starts_in_september(isolated_env):
    (isolated_env / "pib.toml").write_text('[organisation]\nterminology = "vl"\n')
    assert get_settings().school_year_start == (9, 1)
    with reader() as con:
        got = con.execute("select school_year(date '2024-08-31'), school_year(date "
                          "'2024-09-01'), in_school_year(date '2024-08-31', '2024-2025'), "
                          "in_school_year(date '2025-08-31', '2024-2025')").fetchone()
    assert got == ("2023-2024", "2024-2025", False, True)


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


def test_the_writers_copy_is_flushed_as_it_grows(tmp_path, monkeypatch):
    """`_Flusher` writes the copy to disk once it has grown by `step` bytes since the last
    flush, not before, and stops with its context."""
    flushed = []
    monkeypatch.setattr(warehouse.os, "fdatasync", lambda fd: flushed.append(
        warehouse.os.fstat(fd).st_size))
    path = tmp_path / "copy"
    path.write_bytes(b"x" * 10)
    with warehouse._Flusher(path, step=100, every=0.01) as flusher:
        flusher.stop.wait(0.1)
        assert flushed == []  # 10 bytes: less than a step
        path.write_bytes(b"x" * 150)
        while not flushed:
            flusher.stop.wait(0.01)
        path.write_bytes(b"x" * 200)  # 50 more since the flush: not yet
        flusher.stop.wait(0.1)
    assert flushed == [150]
    assert not flusher.thread.is_alive()


def test_open_reader_keeps_its_version_while_the_next_reader_sees_the_new_one(warehouse):
    with writer() as con:
        con.execute("insert into load_log (load_id, outcome) values (1, 'ok')")
    with reader() as old:
        with writer() as con:
            con.execute("insert into load_log (load_id, outcome) values (2, 'ok')")
        with reader() as new:
            assert new.execute("select count(*) from load_log").fetchone() == (2,)
        assert old.execute("select count(*) from load_log").fetchone() == (1,)
    with reader() as again:
        assert again.execute("select count(*) from load_log").fetchone() == (2,)


def test_a_warehouse_with_the_unused_load_id_sequence_still_loads(warehouse, tmp_path):
    """Load ids are max(load_log.load_id) + 1; the sequence `load_id_seq` that older versions
    created (and never used) is no longer made, and a warehouse that has it loads on."""
    from etl.load import load

    sequences = ("select sequence_name from duckdb_sequences() "
                 "where database_name = current_database()")
    with writer() as con:
        assert con.execute(sequences).fetchall() == []  # a new warehouse has none
        con.execute("create sequence load_id_seq start 1")  # as an older version left it
    schools = tmp_path / "schools.csv"
    schools.write_text("school_id,name,sector,municipality_code\n01AA00,De Linde,po,GM0193\n")
    [done] = load([schools]).files
    assert (done.rows_read, done.rows_loaded, done.rows_quarantined) == (1, 1, 0)
    with reader() as con:
        assert con.execute("select load_id, file from load_log").fetchall() == [(1, "schools.csv")]
        assert con.execute("select school_id, load_id from schools").fetchall() == [("01AA00", 1)]
