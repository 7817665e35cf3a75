"""National-scale benchmark (`make bench`): prints a table of medians and ratios and writes
docs/performance.md.

1. Generates (once) a national data set: 2.5M pupils, ~10M referrals with supports, outcomes
   and out-of-school episodes, under benchmarks/out/.
2. `pib load` wall time and peak memory against bare DuckDB `read_csv` of the same files
   (the practical limit). Targets: ≤ 2× the time, ≤ 2 GB peak memory. Likewise a load through
   a source profile: the referrals written as the shipped `indigo` profile's
   `indigo_pos_export_povo` report (`pib load --source indigo`) against bare `read_csv` of that
   file.
3. Every query through the query layer against the same SQL on a bare read-only DuckDB
   connection. Targets: ≤ 1.2×, each under 1 s.
4. The server-side render time of the Overzicht page (AppTest) at national scale.

Every measurement runs in its own process (peak RSS is per process); figures are medians; a
load's ratio is the median over its runs of bare and pib measured back to back.
`--pupils N` runs the same steps on a smaller data set (its own folder under benchmarks/out/) to
check the script; `--sections` picks the steps.
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

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
SPEC = {"pupils": 2_500_000, "years": 5, "seed": 42, "referral_rate": 0.8}
SECTIONS = ("load", "profile", "queries", "render")
# The pos export's aanvraagtype per canonical request_type (the inverse of the indigo profile's
# value map; consultation and other become ITA, which the profile reads as `other`).
INDIGO_REQUEST_TYPES = {"admission_sbo": "TLV SBO", "admission_so": "TLV SO",
                        "admission_vso": "TLV VSO", "arrangement": "ONDWARR"}
INDIGO_FILE = "indigo_pos_export_povo.csv"


def data_dir(spec: dict) -> Path:
    """The folder of a data set: `national` at the national scale, else one per size."""
    return OUT / ("national" if spec == SPEC else f"scale-{spec['pupils']}")


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


def ensure_data(spec: dict) -> Path:
    """Generate (once) the canonical CSV files of `spec` and the indigo pos export made from
    its referrals; return the data set's folder."""
    data = data_dir(spec)
    marker = data / "spec.json"
    if marker.exists() and json.loads(marker.read_text()) == spec:
        return data
    from etl.demo import generate

    print(f"Generating data set {spec} ...", flush=True)
    started = time.monotonic()
    generate(data / "csv", **spec)
    write_indigo(data / "csv" / "referrals.csv", data / "indigo" / INDIGO_FILE)
    marker.write_text(json.dumps(spec))
    print(f"  generated in {time.monotonic() - started:.0f} s", flush=True)
    return data


def write_indigo(referrals: Path, out: Path) -> int:
    """Write canonical referrals as an Indigo `indigo_pos_export_povo` report (semicolons,
    DD-MM-YYYY dates, one row per pupil, request date and request type: the profile's key);
    return its rows."""
    day = "%d-%m-%Y"
    frame = pl.scan_csv(referrals, try_parse_dates=True).select(
        pl.col("pupil_id").alias("lokaal_leerlingnummer"),
        pl.col("request_type").replace_strict(INDIGO_REQUEST_TYPES, default="ITA")
        .alias("aanvraagtype"),
        pl.col("received_on").dt.strftime(day).alias("datum_aanvraag"),
        pl.col("decided_on").dt.strftime(day).alias("besluitdatum"),
        (pl.col("decided_on") - pl.col("received_on")).dt.total_days()
        .alias("ontvangst_tot_besluit"),
        pl.coalesce("decided_on", "received_on").dt.strftime(day).alias("datum_update"),
    ).unique(["lokaal_leerlingnummer", "datum_aanvraag", "aanvraagtype"], keep="first",
             maintain_order=True).collect()
    out.parent.mkdir(parents=True, exist_ok=True)
    frame.write_csv(out, separator=";")
    return frame.height


BARE_LOAD = """
import duckdb, sys
from pathlib import Path
con = duckdb.connect(sys.argv[1])
for f in sorted(Path(sys.argv[2]).glob("*.csv")):
    con.execute(f"create table {f.stem} as select * from read_csv(?, header=true)", [str(f)])
con.close()
"""


def bench_load(folder: Path, runs: int, tag: str = "load", pib_args: tuple[str, ...] = ()) -> dict:
    """Median wall time and peak memory of `pib load FOLDER [pib_args]` and of bare DuckDB
    `read_csv` of the same files, each into a fresh warehouse `OUT/{tag}-{kind}-{run}.duckdb`;
    and the ratio as the median of each run's pair (bare, then pib, back to back): on a shared
    machine whose speed drifts by 10-20% within minutes, a pair sees the same machine."""
    pib = str(Path(sys.executable).with_name("pib"))
    results: dict[str, list[dict]] = {"pib": [], "bare": []}
    for i in range(runs):
        for kind in ("bare", "pib"):
            db = OUT / f"{tag}-{kind}-{i}.duckdb"
            for leftover in OUT.glob(f"{tag}-{kind}-{i}.duckdb*"):
                leftover.unlink()
            argv = ([pib, "load", str(folder), "--db", str(db), *pib_args] if kind == "pib" else
                    [sys.executable, "-c", BARE_LOAD, str(db), str(folder)])
            results[kind].append(measured(argv))
            print(f"  {tag} run {i + 1} {kind}: {results[kind][-1]}", flush=True)
    summary: dict = {k: {"wall": statistics.median(r["wall"] for r in v),
                         "peak_mb": max(r["peak_mb"] for r in v)} for k, v in results.items()}
    pairs = [p["wall"] / b["wall"] for p, b in zip(results["pib"], results["bare"], strict=True)]
    return {**summary, "ratio": statistics.median(pairs), "ratios": pairs}


QUERY_TIMES = """
import json, statistics, sys, time
import duckdb
from etl.warehouse import reader_macros
from queries import describe, list_queries, run_query
from queries.layer import bind
db, repeats, year = sys.argv[1], int(sys.argv[2]), sys.argv[3]
required = {"as_of": f"{year[5:]}-07-31", "school_year": year}
out = {}
for name in list_queries():
    q = describe(name)
    params = {p.name: required[p.name] for p in q.params if p.required}
    layer, bare = [], []
    con = duckdb.connect()  # as the layer's reader: the macros in memory, the warehouse attached
    con.execute(reader_macros("memory.main"))
    con.execute("attach ? as wh (read_only)", [db])
    con.execute("set search_path = 'wh.main,memory.main'")
    con.execute("set enable_progress_bar = false")
    bound = bind(q, params)
    for _ in range(repeats):
        t = time.perf_counter(); run_query(name, params, role="kwaliteit", db=db)
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
    parser.add_argument("--load-runs", type=int, default=3)
    parser.add_argument("--query-repeats", type=int, default=5)
    parser.add_argument("--pupils", type=int, default=SPEC["pupils"],
                        help="pupils of the data set (a smaller one to check the script; "
                             "docs/performance.md is written only at the national scale)")
    parser.add_argument("--sections", default=",".join(SECTIONS),
                        help=f"comma-separated steps to run, of {', '.join(SECTIONS)}")
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()
    sections = set(args.sections.split(","))
    if unknown := sections - set(SECTIONS):
        parser.error(f"unknown section(s) {', '.join(sorted(unknown))}; "
                     f"choose from {', '.join(SECTIONS)}")
    spec = {**SPEC, "pupils": args.pupils}
    OUT.mkdir(parents=True, exist_ok=True)
    data = ensure_data(spec)
    results: dict[str, dict] = {}
    if "load" in sections or {"queries", "render"} & sections:
        print("Loading ...", flush=True)
        results["load"] = bench_load(data / "csv", args.load_runs)
    if "profile" in sections:
        print("Loading through the indigo profile ...", flush=True)
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())  # the machine may be shared
        results["profile"] = {**bench_load(data / "indigo", args.load_runs, "profile",
                                           ("--source", "indigo")), "load": load}
    db = str(OUT / "load-pib-0.duckdb")
    env = {**os.environ, "PIB_DB": db}
    year = "2024-2025"
    if "queries" in sections:
        print("Queries ...", flush=True)
        results["queries"] = run_json(QUERY_TIMES, db, str(args.query_repeats), year, env=env)
    if "render" in sections:
        print("Render ...", flush=True)
        results["render"] = run_json(RENDER_TIME, str(ROOT / "dashboard" / "app" / "main.py"),
                                     "3", year, env=env)
    report = render_report(spec, data, results)
    print(report)
    if args.write_docs and spec == SPEC and sections == set(SECTIONS):
        (ROOT / "docs" / "performance.md").write_text(report, encoding="utf-8")
    elif args.write_docs:
        print("docs/performance.md not written: only a full national run writes it.")


def load_rows(what: str, loads: dict) -> list[str]:
    """Three table rows: `pib load` (as `what`), bare `read_csv`, and their ratio."""
    pib, bare = loads["pib"], loads["bare"]
    return [
        f"| {what} | {pib['wall']:.1f} | {pib['peak_mb']:.0f} |",
        f"| bare DuckDB `read_csv` of the same files | {bare['wall']:.1f} | "
        f"{bare['peak_mb']:.0f} |",
        f"| ratio, median of the pairs (target ≤ 2×, ≤ 2048 MB) | {loads['ratio']:.2f}× "
        f"({', '.join(f'{r:.2f}' for r in loads['ratios'])}) | |",
    ]


def render_report(spec: dict, data: Path, results: dict) -> str:
    """docs/performance.md from the sections that ran."""
    lines = [
        "# Performance", "",
        f"Measured by `make bench` on {date.today():%Y-%m-%d}: {machine()}.",
        f"Data: {spec['pupils']:,} pupils, {spec['years']} school years, referral rate "
        f"{spec['referral_rate']}"
        + (" (about 10M referrals, 8M supports, 8M outcomes)." if spec == SPEC else "."), "",
    ]
    header = ["| | wall (s, median) | peak memory (MB) |", "| --- | --- | --- |"]
    if "load" in results:
        lines += ["## Load", "", *header,
                  *load_rows("`pib load` (canonical files)", results["load"]), ""]
    if "profile" in results:
        with (data / "indigo" / INDIGO_FILE).open("rb") as f:
            rows = sum(1 for _ in f) - 1
        lines += ["## Load through a source profile (indigo)", "",
                  f"The referrals as Indigo's `{INDIGO_FILE}` report ({rows:,} rows), loaded "
                  f"with `pib load --source indigo`; load average {results['profile']['load']} "
                  "(1, 5, 15 min) before the runs.", "", *header,
                  *load_rows("`pib load --source indigo`", results["profile"]), ""]
    if queries := results.get("queries"):
        table = [f"| `{name}` | {layer * 1000:.0f} | {b * 1000:.0f} | {layer / b:.2f} | "
                 f"{(layer - b) * 1000:+.1f} | "
                 f"{'yes' if layer < 1 and layer / b <= 1.2 else 'no'} |"
                 for name, (layer, b) in sorted(queries.items())]
        slowest = max(queries.items(), key=lambda kv: kv[1][0])
        lines += [
            "## Queries (role kwaliteit, medians)", "",
            "The layer's own cost against bare DuckDB. A suppressed role's first question of a "
            "bundle runs its whole filter cube (benchmarks/bench_disclosure.py, on the demo); "
            "later questions read the stored answers.", "",
            "| query | layer (ms) | bare DuckDB (ms) | ratio | layer adds (ms) | within target |",
            "| --- | --- | --- | --- | --- | --- |", *table, "",
            f"Slowest through the layer: `{slowest[0]}` {slowest[1][0] * 1000:.0f} ms.", "",
        ]
    if render := results.get("render"):
        lines += ["## Page render", "",
                  f"Overzicht, server side (AppTest, cold cache, median of 3): "
                  f"{render['overview']:.2f} s.", ""]
    return "\n".join(lines) + (ROOT / "benchmarks" / "analysis.md").read_text(encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2:])
    else:
        main()
