"""Readers never block: queries keep answering (all-old or all-new) while `pib load` runs, and a
killed load leaves the old warehouse intact for the next load."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from etl.demo import generate
from etl.load import load
from queries import run_query
from tests.dashboard.conftest import serving

PIB = str(Path(sys.executable).with_name("pib"))


def counts(db: Path) -> tuple:
    return tuple(run_query("table_counts", db=db)["rows"].to_list())


@pytest.fixture
def old_and_new(tmp_path, warehouse):
    """A loaded small demo (old state) and a larger demo on disk (the new state's input)."""
    generate(tmp_path / "old", pupils=3000, years=2, seed=1)
    generate(tmp_path / "new", pupils=60_000, years=3, seed=2)
    load([tmp_path / "old"])
    return tmp_path / "new"


def test_queries_and_the_app_keep_answering_during_a_load(old_and_new, warehouse, tmp_path):
    old = counts(warehouse)
    answers: list[tuple] = []
    failures: list[str] = []
    done = threading.Event()

    def client() -> None:
        while not done.is_set():
            try:
                answers.append(counts(warehouse))
            except Exception as exc:  # every failure is counted; none is expected
                failures.append(repr(exc))

    with serving(warehouse, tmp_path / "serve.log") as url:
        threads = [threading.Thread(target=client) for _ in range(3)]
        for t in threads:
            t.start()
        loader = subprocess.Popen([PIB, "load", str(old_and_new)], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, env=os.environ.copy())
        http_ok = 0
        while loader.poll() is None:
            for path in ("/_stcore/health", "/wachttijden"):
                with urllib.request.urlopen(url + path, timeout=10) as resp:
                    http_ok += resp.status == 200
            time.sleep(0.05)
        time.sleep(0.5)
        done.set()
        for t in threads:
            t.join()
    assert loader.returncode == 0, loader.stderr.read()
    new = counts(warehouse)
    assert new != old
    assert failures == []
    assert set(answers) <= {old, new}, "an answer mixed old and new data"
    assert old in answers and len(answers) > 10 and http_ok > 2


def test_a_killed_load_leaves_the_old_warehouse_and_the_next_load_works(old_and_new, warehouse):
    before = hashlib.sha256(warehouse.read_bytes()).hexdigest()
    loader = subprocess.Popen([PIB, "load", str(old_and_new)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(warehouse.parent.glob(".warehouse.duckdb.*.tmp")):
        assert time.monotonic() < deadline and loader.poll() is None, "load never started"
        time.sleep(0.01)
    time.sleep(0.2)
    loader.send_signal(signal.SIGKILL)
    loader.wait()
    assert hashlib.sha256(warehouse.read_bytes()).hexdigest() == before
    report = load([old_and_new])
    assert sum(f.rows_loaded for f in report.files) > 0
    assert not list(warehouse.parent.glob(".warehouse.duckdb.*.tmp*"))
