"""The built wheel is the whole product: installed outside the checkout, `pib` demo, load and
query work from its own files (model SQL, queries, reference data), never from the source tree."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

# Not part of the wheel's input: what the build does not need and what is big or private.
_NOT_SOURCE = shutil.ignore_patterns(".venv", ".git", "data", "build", "*.egg-info",
                                     "__pycache__", ".pytest_cache", ".ruff_cache", "tests",
                                     "benchmarks")


def run(*args: str | Path, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
    return done


def test_installed_wheel_runs_demo_load_and_query_outside_the_checkout(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("PIB_") and k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    # Build from a copy, so the checkout gets no build/ or egg-info.
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=_NOT_SOURCE)
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
        "-w", tmp_path / "dist", source, cwd=tmp_path, env=env)
    [wheel] = (tmp_path / "dist").glob("passend_in_beeld-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert {"etl/models/referral_flow.sql", "queries/waiting_times.sql",
            "etl/reference/gemeenten_per_jaar.csv", "dashboard/assets/gemeenten_nl_2025.geojson",
            "dashboard/app/pages/" + next((ROOT / "dashboard/app/pages").glob("*.py")).name,
            } <= names

    # A fresh venv that sees this interpreter's dependencies through a .pth file (plain path
    # lines: the checkout's editable install, a .pth in those folders, is not activated).
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path, env=env)
    python = venv / "bin" / "python"
    site = run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))",
               cwd=tmp_path, env=env).stdout.strip()
    deps = [p for p in sys.path if p.endswith("site-packages")]
    Path(site, "zz_dependencies.pth").write_text("\n".join(deps) + "\n", encoding="utf-8")
    run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps",
        "--ignore-installed", wheel, cwd=tmp_path, env=env)
    where = run(python, "-c", "import etl.models, queries; print(etl.models.__file__); "
                "print(queries.__file__); print(len(etl.models.models()))",
                cwd=tmp_path, env=env).stdout.split()
    assert all(Path(p).is_relative_to(venv) for p in where[:2]), where
    assert int(where[2]) == len(list((ROOT / "etl" / "models").glob("*.sql"))) > 0

    work = tmp_path / "work"  # outside the checkout, no pib.toml: the defaults apply
    work.mkdir()
    pib = venv / "bin" / "pib"
    run(pib, "demo", "--out", "D", "--pupils", "2000", "--years", "2", cwd=work, env=env)
    run(pib, "load", "D", "--db", "W", cwd=work, env=env)
    out = run(pib, "query", "waiting_times", "--db", "W", cwd=work, env=env).stdout
    header, *rows = out.strip().splitlines()
    assert header.startswith("school_year,") and len(rows) >= 2, out
    assert (work / "W").is_file() and not (ROOT / "W").exists()
    # Without --db the warehouse is data/warehouse.duckdb in the working directory.
    run(pib, "load", "D", cwd=work, env=env)
    assert (work / "data" / "warehouse.duckdb").is_file()
