"""Disclosure-control benchmark: what a suppressed role's answer costs against an exact one.

On the demo warehouse (`pib demo`, 25,000 pupils, 5 years; made once under
benchmarks/out/disclosure/), for the queries the dashboard pages run with their default
filters, `run_query` as `kwaliteit` (exact) against `bestuur` (disclosure control):

- cold: a new process, the first call (imports not counted; `process` is the whole wall time
  of that process, as a CLI call would take);
- warm: the median of further calls in the same process;
- `bestuur` uncached: the stored answers file removed first, so the call computes its bundle
  (what the first question of a bundle costs after a load);
- `bestuur` cached: the answers stored by earlier questions (queries/precomputed.py).

Prints medians and ratios; no asserts. `python benchmarks/bench_disclosure.py [--repeat N]`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOME = ROOT / "benchmarks" / "out" / "disclosure"
DB = HOME / "warehouse.duckdb"
ENV = {"PIB_DB": str(DB), "PIB_SECRET": "bench-disclosure-secret-of-32-bytes-or-more",
       "XDG_CONFIG_HOME": str(HOME / "config"), "PIB_CONFIG": str(HOME / "pib.toml")}
# (query, parameters) as the pages ask them by default; YEAR and AS_OF are filled in.
PAGE_QUERIES = [
    ("kpi_headline", {}), ("open_referrals", {"as_of": "AS_OF"}),
    ("open_referrals_ageing", {"as_of": "AS_OF"}), ("waiting_summary", {}),
    ("waiting_times", {}), ("waiting_monthly", {"school_year": "YEAR"}),
    ("waiting_distribution", {"school_year": "YEAR"}), ("referrals_by_decision", {}),
    ("referral_inflow_monthly", {"school_year": "YEAR"}), ("coverage", {"school_year": "YEAR"}),
    ("coverage_trend", {}), ("prevention_trend", {}), ("prevention_by_kind", {}),
    ("placements_outside_region", {}), ("out_of_school", {}), ("out_of_school_by_kind", {}),
    ("out_of_school_census", {"school_year": "YEAR"}), ("signals", {"school_year": "YEAR"}),
    ("funnel_points", {"school_year": "YEAR", "measure": "referrals"}),
    ("outcomes", {}), ("outcome_destinations", {}), ("admissions", {}),
]


def ensure_demo() -> float:
    """Generate and load the demo warehouse once; return the load's wall time (0 if reused)."""
    if DB.exists():
        return 0.0
    HOME.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, **ENV}
    pib = str(Path(sys.executable).with_name("pib"))
    subprocess.run([pib, "demo", "--out", str(HOME / "csv")], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    started = time.monotonic()
    subprocess.run([pib, "load", str(HOME / "csv")], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return time.monotonic() - started


def child(name: str, role: str, params: str, repeat: int) -> None:
    """One process: time the first call and `repeat` more; print JSON."""
    from queries import run_query

    started = time.monotonic()
    run_query(name, json.loads(params), role=role)
    cold = time.monotonic() - started
    warm = []
    for _ in range(repeat):
        started = time.monotonic()
        run_query(name, json.loads(params), role=role)
        warm.append(time.monotonic() - started)
    print(json.dumps({"cold": cold, "warm": statistics.median(warm) if warm else None}))


def measure(name: str, role: str, params: dict, repeat: int) -> dict:
    started = time.monotonic()
    done = subprocess.run([sys.executable, __file__, "--child", name, role, json.dumps(params),
                           str(repeat)], env={**os.environ, **ENV}, check=True,
                          capture_output=True, text=True)
    found = json.loads(done.stdout.strip().splitlines()[-1])
    return {**found, "process": time.monotonic() - started}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", nargs=4)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if args.child:
        name, role, params, repeat = args.child
        child(name, role, params, int(repeat))
        return
    loaded = ensure_demo()
    os.environ.update(ENV)
    sys.path.insert(0, str(ROOT))
    from queries import run_query
    from queries.precomputed import cache_path
    from queries.roles import last_month_end

    years = run_query("filter_school_years")["school_year"].to_list()
    fill = {"YEAR": years[-1], "AS_OF": str(last_month_end(date.today()))}
    asks = [(n, {k: fill.get(v, v) for k, v in p.items()}) for n, p in PAGE_QUERIES]
    cache = cache_path(DB)
    if loaded:
        print(f"pib load (demo): {loaded:.1f} s")
    cache.unlink(missing_ok=True)
    started = time.monotonic()
    for name, params in asks:
        run_query(name, params, role="bestuur")
    print(f"every page query once as bestuur, nothing stored before: "
          f"{time.monotonic() - started:.1f} s")
    print(f"stored answers file: {cache.stat().st_size / 1e6:.1f} MB")
    head = (f"{'query':28} {'kw cold':>8} {'kw warm':>8} {'uncached':>9} {'bs cold':>8} "
            f"{'bs warm':>8} {'cold x':>7} {'warm x':>7} {'CLI kw':>7} {'CLI bs':>7}")
    print(head)
    rows = []
    for name, params in asks:
        exact = measure(name, "kwaliteit", params, args.repeat)
        cached = measure(name, "bestuur", params, args.repeat)
        saved = cache.read_bytes()
        cache.unlink()
        uncached = measure(name, "bestuur", params, 0)
        cache.write_bytes(saved)
        os.chmod(cache, 0o600)
        ratios = (cached["cold"] / exact["cold"], cached["warm"] / exact["warm"])
        rows.append((exact, cached, uncached, ratios))
        print(f"{name:28} {exact['cold'] * 1e3:8.1f} {exact['warm'] * 1e3:8.1f} "
              f"{uncached['cold'] * 1e3:9.0f} {cached['cold'] * 1e3:8.1f} "
              f"{cached['warm'] * 1e3:8.1f} {ratios[0]:7.2f} {ratios[1]:7.2f} "
              f"{exact['process']:7.2f} {cached['process']:7.2f}", flush=True)
    print("medians (ms; ratios bestuur/kwaliteit; CLI = whole process, s):")
    print(f"  kwaliteit cold {statistics.median(r[0]['cold'] for r in rows) * 1e3:.1f}, warm "
          f"{statistics.median(r[0]['warm'] for r in rows) * 1e3:.1f}; bestuur uncached "
          f"{statistics.median(r[2]['cold'] for r in rows) * 1e3:.0f}, cached cold "
          f"{statistics.median(r[1]['cold'] for r in rows) * 1e3:.1f}, warm "
          f"{statistics.median(r[1]['warm'] for r in rows) * 1e3:.1f}")
    print(f"  ratio cold {statistics.median(r[3][0] for r in rows):.2f}, warm "
          f"{statistics.median(r[3][1] for r in rows):.2f}; uncached/kwaliteit cold "
          f"{statistics.median(r[2]['cold'] / r[0]['cold'] for r in rows):.0f}x; CLI bestuur "
          f"max {max(r[1]['process'] for r in rows):.2f} s")


if __name__ == "__main__":
    main()
