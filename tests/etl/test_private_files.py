"""Files that hold pupil-level data are private: warehouse 0600, load work folders 0700 and
removed after a killed load."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from etl import readers
from etl.load import load
from etl.readers import sweep_workdirs, temp_workdir

HEADER = "school_id,name,sector,municipality_code,postcode4,in_region\n"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_warehouse_is_written_0600(warehouse, tmp_path):
    (tmp_path / "schools.csv").write_text(f"{HEADER}S1,De Es,po,GM0193,8011,true\n",
                                          encoding="utf-8")
    load([tmp_path / "schools.csv"])
    assert mode(warehouse) == 0o600
    warehouse.chmod(0o644)  # made by an older version: the next load tightens it
    (tmp_path / "schools2.csv").write_text(f"{HEADER}S2,De Eik,po,GM0193,8012,true\n",
                                           encoding="utf-8")
    load([tmp_path / "schools2.csv"])
    assert mode(warehouse) == 0o600


def test_work_folders_of_dead_loads_are_swept_and_live_ones_kept(tmp_path, monkeypatch):
    dead = tmp_path / "pib-load-999999999-abc"  # no such process
    (dead / "decoded").mkdir(parents=True)
    (dead / "decoded" / "referrals.csv").write_text("pupil_id\nP-RAW-1\n", encoding="utf-8")
    old_style = tmp_path / "pib-load-k3j2h1"  # an older version's name, no process id
    old_style.mkdir()
    alive = tmp_path / f"pib-load-{os.getpid()}-xyz"
    alive.mkdir()
    other = tmp_path / "iets-anders"
    other.mkdir()
    assert sorted(p.name for p in sweep_workdirs(tmp_path)) == [dead.name, old_style.name]
    assert not dead.exists() and not old_style.exists() and alive.exists() and other.exists()
    monkeypatch.setattr(readers.tempfile, "tempdir", str(tmp_path))
    (tmp_path / "pib-load-999999998-q").mkdir()
    with temp_workdir() as work:
        assert mode(Path(work)) == 0o700
        assert Path(work).name.startswith(f"pib-load-{os.getpid()}-")
        assert not (tmp_path / "pib-load-999999998-q").exists()
