"""The warehouse file under faults: a killed writer's .wal, another program's lock, a folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from etl.warehouse import WarehouseError, reader, writer


def _killed_writer(db: Path) -> None:
    """A program that inserts a row and dies before its checkpoint, leaving db.wal."""
    insert = ("insert into load_log (load_id, file, entity, sha256, source, rows_read, "
              "rows_loaded, rows_quarantined, started_at, finished_at, outcome) values (99, "
              "'killed.csv', 'schools', 'x', 'canonical', 1, 1, 0, now(), now(), 'ok')")
    code = (f"import duckdb, os\n"
            f"con = duckdb.connect({str(db)!r}, config={{'wal_autocheckpoint': '1GB'}})\n"
            f"con.execute({insert!r})\n"
            f"os._exit(0)\n")
    subprocess.run([sys.executable, "-c", code], check=True)
    assert Path(f"{db}.wal").exists()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "wh.duckdb"
    with writer(path) as con:
        con.execute("select 1")
    return path


def _files(db: Path) -> list[str]:
    con = duckdb.connect()
    con.execute("attach ? as wh (read_only)", [str(db)])
    return [row[0] for row in con.execute("select file from wh.load_log").fetchall()]


def test_a_killed_writers_wal_is_replayed_by_the_next_writer_and_removed(db):
    _killed_writer(db)
    with reader(db) as con:  # readers see the killed writer's committed row
        assert con.execute("select count(*) from load_log").fetchone()[0] == 1
    with writer(db) as con:
        assert con.execute("select file from load_log").fetchall() == [("killed.csv",)]
    assert not Path(f"{db}.wal").exists()
    assert _files(db) == ["killed.csv"]
    with reader(db) as con:  # and every later command works
        assert con.execute("select count(*) from load_log").fetchone()[0] == 1


def test_a_wal_that_does_not_fit_is_refused_in_a_plain_sentence_and_nothing_changes(db):
    _killed_writer(db)
    wal = Path(f"{db}.wal").read_bytes()
    with writer(db):  # replays it: the file is now newer than that .wal
        pass
    Path(f"{db}.wal").write_bytes(wal)  # the old bug: a stale .wal beside a newer file
    before = db.read_bytes()
    refused = r"logbestand wh\.duckdb\.wal van een afgebroken schrijver dat niet bij deze"
    with pytest.raises(WarehouseError, match=refused), writer(db):
        pass
    assert db.read_bytes() == before


def test_a_warehouse_held_by_another_program_is_named(db, tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, sys, time; c = duckdb.connect({str(db)!r}); "
                               "print('open', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(WarehouseError, match="is vergrendeld door een ander programma"), \
                writer(db):
            pass
        with pytest.raises(WarehouseError, match="is vergrendeld door een ander programma"), \
                reader(tmp_path / ".." / db.parent.name / db.name):
            pass
    finally:
        holder.kill()
        holder.wait()


def test_a_folder_is_no_warehouse(tmp_path):
    with pytest.raises(WarehouseError, match="is een map, geen warehouse-bestand"), \
            writer(tmp_path):
        pass


def test_a_file_that_is_no_duckdb_is_named(tmp_path):
    bad = tmp_path / "wh.duckdb"
    bad.write_text("dit is geen database")
    os.utime(bad)
    with pytest.raises(WarehouseError, match="kan niet worden geopend"), reader(bad):
        pass
