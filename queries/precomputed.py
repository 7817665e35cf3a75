"""Suppressed answers computed once per data version and kept in a file beside the warehouse.

Disclosure control (queries/disclosure.py) decides which cells to hide over a whole bundle: a
query's filter cube and the queries tied to it. That pattern depends only on the data, the
settings (min_cell, the norms, ...) and the school scope, never on who asks or when, so it is
computed once and its answers are stored:

- `<warehouse>.disclosure.parquet` (mode 0600, replaced atomically), one row per answer:
  `version` (a hash of the warehouse's data version and every setting), `scope` (the
  school ids of a scoped role, empty for `bestuur` and the exports), `query`, `params` (the
  bound parameters as canonical JSON) and `frame` (the answer as Arrow IPC bytes).
- The first question of a bundle computes it (on the demo 0.5 to 3 s; `make bench` runs
  benchmarks/bench_disclosure.py) and stores every answer of its filter cube; later questions
  of the cube, from any process, are read from the file. `pib load` computes nothing ahead:
  a load stays as fast as before.
- A row of another version is never read, and is dropped at the next write: a load, or a
  change of `pib.toml`, makes the whole file stale at once. While a `.wal` lies beside the
  warehouse the file is not used at all (the reader decides what the data are then).
- A folder that cannot be written leaves the answers uncached: correct, only slower.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import fields
from datetime import date
from pathlib import Path

import polars as pl

from etl.settings import Settings, warehouse_path
from etl.warehouse import data_version

SUFFIX = ".disclosure.parquet"
Entry = tuple[str, str, str, str]  # version, scope, query, params
_SCHEMA = {"version": pl.String, "scope": pl.String, "query": pl.String, "params": pl.String,
           "frame": pl.Binary}
# The file's rows per path, with the (inode, mtime, size) they were read at.
_FILES: dict[Path, tuple[tuple[int, int, int], dict[Entry, bytes]]] = {}


def cache_path(db: str | Path | None = None) -> Path:
    """The cache file of the warehouse `db` (PIB_DB or the default when None)."""
    path = warehouse_path(db)
    return path.with_name(path.name + SUFFIX)


def version_key(db: str | Path | None, settings: Settings) -> str | None:
    """The hash that answers of this data version under these settings are stored under;
    None when the file must not be used (no warehouse, or a `.wal` beside it)."""
    path = warehouse_path(db)
    if data_version(db) == (0, 0) or path.with_name(path.name + ".wal").exists():
        return None
    # every setting but where the file lies (the same settings read from a copy are the same)
    values = [(f.name, getattr(settings, f.name)) for f in fields(settings) if f.name != "source"]
    return hashlib.sha256(repr((data_version(db), values)).encode()).hexdigest()


def params_key(params: dict[str, object] | Iterable[tuple[str, object]]) -> str:
    """Bound parameters as canonical JSON (sorted names; dates as ISO text)."""
    pairs = sorted(dict(params).items())
    return json.dumps(pairs, default=lambda v: v.isoformat() if isinstance(v, date) else str(v))


def scope_key(school_ids: tuple[str, ...]) -> str:
    return ",".join(sorted(school_ids))


def _entries(path: Path) -> dict[Entry, bytes]:
    try:
        st = path.stat()
    except FileNotFoundError:
        return {}
    stamp = (st.st_ino, st.st_mtime_ns, st.st_size)
    if path in _FILES and _FILES[path][0] == stamp:
        return _FILES[path][1]
    try:
        frame = pl.read_parquet(path)
    except (OSError, pl.exceptions.PolarsError):
        return {}  # unreadable or torn by hand: recompute, and the next write replaces it
    rows = {(v, s, q, p): f for v, s, q, p, f in frame.iter_rows()}
    _FILES[path] = (stamp, rows)
    return rows


def lookup(db: str | Path | None, version: str, scope: str, query: str,
           params: dict[str, object]) -> pl.DataFrame | None:
    """The stored answer, or None when it was not computed for this version yet."""
    found = _entries(cache_path(db)).get((version, scope, query, params_key(params)))
    return None if found is None else pl.read_ipc(io.BytesIO(found))


def store(db: str | Path | None, version: str, scope: str,
          answers: dict[tuple[str, str], pl.DataFrame]) -> None:
    """Add answers, keyed (query, params_key), to the file; rows of other versions go."""
    path = cache_path(db)
    rows = {k: v for k, v in _entries(path).items() if k[0] == version}
    for (query, params), frame in answers.items():
        rows[(version, scope, query, params)] = frame.write_ipc(None).getvalue()
    table = pl.DataFrame([(*k, v) for k, v in rows.items()], schema=_SCHEMA, orient="row")
    try:
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError:
        return
    try:
        os.fchmod(handle, 0o600)
        with os.fdopen(handle, "wb") as out:
            table.write_parquet(out)
        os.replace(temp, path)
    except OSError:
        Path(temp).unlink(missing_ok=True)
        return
