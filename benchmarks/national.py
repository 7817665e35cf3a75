"""National-scale benchmark (`make bench`): prints a table of medians and ratios and writes
docs/performance.md.

1. Generates (once) a national data set: 2.5M pupils, ~10M referrals with supports, outcomes
   and out-of-school episodes, under benchmarks/out/.
2. `pib load` wall time and peak memory against bare DuckDB `read_csv` of the same files
   (the practical limit). Targets: ≤ 2× the time, ≤ 2 GB peak memory.
3. Every query through the query layer against the same SQL on a bare read-only DuckDB
   connection. Targets: ≤ 1.2×, each under 1 s.
4. The server-side render time of the Overzicht page (AppTest) at national scale.

Every measurement runs in its own process (peak RSS is per process); figures are medians.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
DATA = OUT / "national"
SPEC = {"pupils": 2_500_000, "years": 5, "seed": 42, "referral_rate": 0.8}


def child(argv: list[str]) -> None:
    """Run one measured command and print its wall time and peak RSS as JSON."""
    started = time.monotonic()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    wall = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"wall": wall, "peak_mb": peak}))


def measured(argv: list[str]) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", *argv], check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def ensure_data() -> None:
    marker = DATA / "spec.json"
    if marker.exists() and json.loads(marker.read_text()) == SPEC:
        return
    from etl.demo import generate

    print(f"Generating national data set {SPEC} ...", flush=True)
    started = time.monotonic()
    generate(DATA / "csv", **SPEC)
    marker.write_text(json.dumps(SPEC))
    print(f"  generated in {time.monotonic() - started:.0f} s", flush=True)


BARE_LOAD = """
import duckdb, sys
from pathlib import Path
con = duckdb.connect(sys.argv[1])
for f in sorted(Path(sys.argv[2]).glob("*.csv")):
    con.execute(f"create table {f.stem} as select * from read_csv(?, header=true)", [str(f)])
con.close()
"""


def bench_load(runs: int) -> dict:
    csv = DATA / "csv"
    pib = str(Path(sys.executable).with_name("pib"))
    results: dict[str, list[dict]] = {"pib": [], "bare": []}
    for i in range(runs):
        for kind in ("bare", "pib"):
            db = OUT / f"load-{kind}-{i}.duckdb"
            for leftover in OUT.glob(f"load-{kind}-{i}.duckdb*"):
                leftover.unlink()
            argv = ([pib, "load", str(csv), "--db", str(db)] if kind == "pib" else
                    [sys.executable, "-c", BARE_LOAD, str(db), str(csv)])
            results[kind].append(measured(argv))
            print(f"  load run {i + 1} {kind}: {results[kind][-1]}", flush=True)
    return {k: {"wall": statistics.median(r["wall"] for r in v),
                "peak_mb": max(r["peak_mb"] for r in v)} for k, v in results.items()}


QUERY_TIMES = """
import json, statistics, sys, time
import duckdb
from etl.warehouse import school_year_macro
from queries import describe, list_queries, run_query
from queries.layer import bind
db, repeats, year = sys.argv[1], int(sys.argv[2]), sys.argv[3]
required = {"as_of": f"{year[5:]}-07-31", "school_year": year}
out = {}
for name in list_queries():
    q = describe(name)
    params = {p.name: required[p.name] for p in q.params if p.required}
    layer, bare = [], []
    con = duckdb.connect(db, read_only=True)
    con.execute(school_year_macro())
    bound = bind(q, params)
    for _ in range(repeats):
        t = time.perf_counter(); run_query(name, params, role="bestuur", db=db)
        layer.append(time.perf_counter() - t)
        t = time.perf_counter(); con.sql(q.sql, params=bound).pl()
        bare.append(time.perf_counter() - t)
    con.close()
    out[name] = (statistics.median(layer), statistics.median(bare))
print(json.dumps(out))
"""

RENDER_TIME = """
import json, statistics, sys, time
import streamlit as st
from streamlit.testing.v1 import AppTest
times = []
for _ in range(int(sys.argv[2])):
    st.cache_data.clear()
    at = AppTest.from_file(sys.argv[1], default_timeout=120)
    at.query_params["school_year"] = sys.argv[3]
    t = time.perf_counter(); at.run(); times.append(time.perf_counter() - t)
    assert not at.exception, at.exception
print(json.dumps({"overview": statistics.median(times)}))
"""


def run_json(code: str, *args: str, env: dict | None = None) -> dict:
    done = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True,
                          text=True, env=env)
    return json.loads(done.stdout.strip().splitlines()[-1])


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor())
    mem = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal"))) / 1024 / 1024
    import duckdb
    import polars

    return (f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, Python "
            f"{platform.python_version()}, DuckDB {duckdb.__version__}, Polars "
            f"{polars.__version__}, {platform.system()} {platform.release()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--load-runs", type=int, default=2)
    parser.add_argument("--query-repeats", type=int, default=5)
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    ensure_data()
    print("Loading ...", flush=True)
    loads = bench_load(args.load_runs)
    db = str(OUT / "load-pib-0.duckdb")
    env = {**os.environ, "PIB_DB": db}
    year = "2024-2025"
    print("Queries ...", flush=True)
    queries = run_json(QUERY_TIMES, db, str(args.query_repeats), year, env=env)
    print("Render ...", flush=True)
    render = run_json(RENDER_TIME, str(ROOT / "dashboard" / "app.py"), "3", year, env=env)
    report = render_report(loads, queries, render)
    print(report)
    if args.write_docs:
        (ROOT / "docs" / "performance.md").write_text(report, encoding="utf-8")


def render_report(loads: dict, queries: dict, render: dict) -> str:
    pib, bare = loads["pib"], loads["bare"]
    rows = [f"| `{name}` | {layer * 1000:.0f} | {b * 1000:.0f} | {layer / b:.2f} | "
            f"{(layer - b) * 1000:+.1f} | {'yes' if layer < 1 and layer / b <= 1.2 else 'no'} |"
            for name, (layer, b) in sorted(queries.items())]
    slowest = max(queries.items(), key=lambda kv: kv[1][0])
    return "\n".join([
        "# Performance", "",
        f"Measured by `make bench` on {date.today():%Y-%m-%d}: {machine()}.",
        f"Data: {SPEC['pupils']:,} pupils, {SPEC['years']} school years, referral rate "
        f"{SPEC['referral_rate']} (about 10M referrals, 8M supports, 8M outcomes).", "",
        "## Load", "",
        "| | wall (s, median) | peak memory (MB) |", "| --- | --- | --- |",
        f"| `pib load` | {pib['wall']:.0f} | {pib['peak_mb']:.0f} |",
        f"| bare DuckDB `read_csv` | {bare['wall']:.0f} | {bare['peak_mb']:.0f} |",
        f"| ratio (target ≤ 2×, ≤ 2048 MB) | {pib['wall'] / bare['wall']:.2f}× | |", "",
        "## Queries (role bestuur, medians)", "",
        "| query | layer (ms) | bare DuckDB (ms) | ratio | layer adds (ms) | within target |",
        "| --- | --- | --- | --- | --- | --- |", *rows, "",
        f"Slowest through the layer: `{slowest[0]}` {slowest[1][0] * 1000:.0f} ms.", "",
        "## Page render", "",
        f"Overzicht, server side (AppTest, cold cache, median of 3): "
        f"{render['overview']:.2f} s.", "",
    ]) + (ROOT / "benchmarks" / "analysis.md").read_text(encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2:])
    else:
        main()
