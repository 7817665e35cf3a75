"""The suppressed answers computed once per data version (queries/precomputed.py): the first
question of a bundle fills the file with its whole filter cube, later questions read it, a stale
file is never used, and what it holds is exactly what the layer computes."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from dashboard.cli.main import app
from etl.settings import get_settings
from queries import describe, layer, precomputed, run_query
from tests.conftest import TEST_DATA

runner = CliRunner()
YEAR = "2023-2024"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/data/kpi loaded with `pib load` (the CLI), which computes no answers ahead."""
    db = tmp_path_factory.mktemp("pre") / "wh.duckdb"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PIB_SECRET", "precompute-test-secret-of-32-bytes-or-more")
        mp.setenv("XDG_CONFIG_HOME", str(db.parent / "config"))
        result = runner.invoke(app, ["load", str(TEST_DATA / "kpi"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert not precomputed.cache_path(db).exists()
    return db


def _computed(name: str, params: dict, db: Path) -> pl.DataFrame:
    """The answer computed afresh, without the file."""
    query = describe(name)
    bound = layer.bind(query, params)
    return layer._answers(query, bound, db, (), get_settings())[
        layer.frozen(bound)]


def test_the_first_question_stores_its_whole_cube_privately(loaded):
    run_query("waiting_times", {"norm_days": 70}, role="bestuur", db=loaded)
    path = precomputed.cache_path(loaded)
    assert path == loaded.with_name("wh.duckdb.disclosure.parquet")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    rows = pl.read_parquet(path)
    assert rows["version"].n_unique() == 1 and set(rows["scope"]) == {""}
    # every filter value of the margin, at the norm asked for
    waiting = rows.filter(query="waiting_times")["params"].to_list()
    assert len(waiting) == 3  # no filter, GM0166, GM0193
    assert all('["norm_days", 70]' in p for p in waiting)
    assert any('["municipality_code", "GM0166"]' in p for p in waiting)


@pytest.mark.parametrize(("name", "params"), [
    ("waiting_times", {}), ("waiting_times", {"municipality_code": "GM0166", "norm_days": 70}),
    ("waiting_summary", {"need_category": "learning"}), ("kpi_headline", {}),
    ("open_referrals", {"as_of": "2024-03-31"}), ("coverage", {"school_year": YEAR}),
    ("out_of_school_census", {"school_year": YEAR}),
])
def test_a_stored_answer_is_the_computed_one(name, params, loaded, monkeypatch):
    run_query(name, params, role="bestuur", db=loaded)
    version = precomputed.version_key(loaded, get_settings())
    stored = precomputed.lookup(loaded, version, "", name, layer.bind(describe(name), params))
    assert stored is not None, (name, params)
    assert stored.equals(_computed(name, params, loaded))
    # run_query answers from the file: it does not open the warehouse for it
    monkeypatch.setattr(layer, "_answers", lambda *a: pytest.fail("computed again"))
    assert run_query(name, params, role="bestuur", db=loaded).equals(stored)


def test_a_stale_file_is_never_used(loaded, tmp_path, isolated_env):
    db = tmp_path / "wh.duckdb"
    shutil.copy(loaded, db)  # a new file: another data version
    shutil.copy(precomputed.cache_path(loaded), precomputed.cache_path(db))
    # Poison every stored answer: were the file read, the poison would show.
    rows = pl.read_parquet(precomputed.cache_path(db))
    poison = pl.DataFrame({"poison": [1]}).write_ipc(None).getvalue()
    rows.with_columns(pl.lit(poison).alias("frame")).write_parquet(precomputed.cache_path(db))
    answer = run_query("waiting_times", role="bestuur", db=db)
    assert "poison" not in answer.columns
    assert answer.equals(_computed("waiting_times", {}, db))
    # ... and the next write dropped the stale rows
    versions = set(pl.read_parquet(precomputed.cache_path(db))["version"])
    assert versions == {precomputed.version_key(db, get_settings())}
    # Other settings are another version too.
    before = precomputed.version_key(db, get_settings())
    (isolated_env / "pib.toml").write_text("[privacy]\nmin_cell = 3\n")
    assert precomputed.version_key(db, get_settings()) != before
    three = run_query("waiting_times", role="bestuur", db=db)
    assert three.equals(_computed("waiting_times", {}, db))
    # While a .wal lies beside the warehouse the file is not used.
    Path(f"{db}.wal").write_bytes(b"")
    assert precomputed.version_key(db, get_settings()) is None
    os.remove(f"{db}.wal")


def test_a_scoped_role_is_computed_once_and_kept_under_its_scope(loaded, monkeypatch):
    first = run_query("waiting_times", role="school", db=loaded, school_ids=("S1",))
    version = precomputed.version_key(loaded, get_settings())
    stored = precomputed.lookup(loaded, version, "S1", "waiting_times",
                                layer.bind(describe("waiting_times"), {}))
    assert stored is not None and stored.equals(first)
    assert precomputed.lookup(loaded, version, "S2", "waiting_times",
                              layer.bind(describe("waiting_times"), {})) is None
    monkeypatch.setattr(layer, "_answers", lambda *a: pytest.fail("computed again"))
    assert run_query("waiting_times", role="school", db=loaded, school_ids=("S1",)).equals(first)
