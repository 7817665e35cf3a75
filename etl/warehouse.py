"""Opening the warehouse: short read-only readers, and one copy-on-write writer at a time.

A writer never touches the live file. It copies the warehouse to a private temporary file,
changes that, checkpoints and closes it, and then renames it over the live file in one atomic
step. Readers attach the file read-only from an in-memory DuckDB instance of their own, so they
never meet a lock, never share the client's per-path instance cache, and see either the old or
the new state. A failed or killed writer leaves the live file byte-for-byte as it was.

Opening an instance costs ~20 ms, so one instance per warehouse version is shared by all the
readers of a process (each gets its own cursor, with its own temp views and macros): a query
on a small table answers in about a millisecond, and the instance's buffer cache stays warm.
When a writer replaces the file, the next reader attaches the new version; the old instance
lives on, on the old (unlinked) file, until its last cursor is closed.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl import models
from etl.schema import warehouse_ddl
from etl.schoolyear import sql_macros
from etl.settings import get_settings, warehouse_path

# The writer spills to disk rather than take most of the machine's memory, and keeps quiet.
# 768 MB: with the batches in flight beside it, a national load peaks under 2 GB (1.97 GB
# measured with two files loading side by side; 2.16 GB at 1 GB, no faster).
WRITER_CONFIG = {
    "memory_limit": "768MB",
    "preserve_insertion_order": "false",
}


class WarehouseError(Exception):
    """The warehouse cannot be opened as it is (a Dutch sentence naming the file and what to
    do); nothing was changed."""


def _stale_wal(path: Path) -> Path:
    return Path(f"{path}.wal")


def school_year_macro(schema: str | None = None) -> str:
    """The school-year macros (`etl.schoolyear.sql_macros`) for `pib.toml`'s start."""
    return sql_macros(get_settings().school_year_start, schema)


def region_macro(schema: str) -> str:
    """The macro `in_region(code)`: true when a municipality code is one of `pib.toml`'s
    `[region] municipalities` (the one notion of the network's region; false for every code
    when the list is empty)."""
    listed = ", ".join("'" + code.replace("'", "''") + "'"
                       for code in get_settings().municipalities)
    return (f"create or replace macro {schema}.in_region(code) as "
            f"list_contains([{listed}]::varchar[], code);")


def target_macro(schema: str) -> str:
    """The macro `target(key)`: the board's target under `pib.toml` `[targets]` for a key of
    `etl.settings.TARGET_KEYS` (a double), null when none is set."""
    cases = " ".join(f"when '{key}' then {float(value)!r}"
                     for key, value in sorted(get_settings().targets.items()))
    body = f"case key {cases} end" if cases else "null"
    return f"create or replace macro {schema}.target(key) as ({body})::double;"


def terminology_macro(schema: str) -> str:
    """The macro `terminology()`: `nl` or `vl`, the profile of `pib.toml` (validated to be one
    of the two), so a query's Dutch sentences can use the Flemish terms."""
    return f"create or replace macro {schema}.terminology() as '{get_settings().terminology}';"


def reader_macros(schema: str) -> str:
    """The DDL of every macro a query may call, in `schema`: the school-year macros,
    `in_region`, `target` and `terminology`."""
    return "\n".join((school_year_macro(schema), region_macro(schema), target_macro(schema),
                      terminology_macro(schema)))


def data_version(db: str | Path | None = None) -> tuple[int, int]:
    """Changes whenever a writer replaces the warehouse (inode, mtime); (0, 0) when absent."""
    try:
        st = warehouse_path(db).stat()
    except FileNotFoundError:
        return (0, 0)
    return (st.st_ino, st.st_mtime_ns)


@dataclass(frozen=True)
class _Shared:
    """One read-only instance: the warehouse version and settings it was opened for, the
    catalog that holds the tables, and whether its model tables may be used."""

    key: tuple[object, ...]
    con: duckdb.DuckDBPyConnection
    catalog: str
    models_fresh: bool


# Shared instances per warehouse path, most recently used last.
_INSTANCES: OrderedDict[Path, _Shared] = OrderedDict()
_INSTANCES_LOCK = threading.Lock()
_MAX_INSTANCES = 4  # warehouses per process; a test session opens many, a server one
_ATTACH_TRIES = 5  # a reader racing a writer's removal of a stale .wal tries again


class WarehouseLocked(WarehouseError):
    """Another process (the DuckDB CLI, DBeaver, ...) holds a lock on the warehouse file. The
    message is one Dutch sentence naming the file (and the process, where DuckDB names it)."""

    def __init__(self, path: Path, holder: str | None = None):
        by = f" ({holder})" if holder else ""
        super().__init__(
            f"Het warehouse {path} is vergrendeld door een ander programma{by}, bijvoorbeeld "
            "de DuckDB-CLI of DBeaver met een open verbinding; sluit dat programma (of die "
            "verbinding) en probeer het opnieuw. Er is niets gewijzigd.")


_HOLDER = re.compile(r"Conflicting lock is held in (.+?) \(PID (\d+)\)")


def _locked(path: Path, exc: duckdb.Error) -> WarehouseLocked | None:
    """The WarehouseLocked that DuckDB's lock error `exc` stands for, or None."""
    text = str(exc)
    if "Could not set lock" not in text:
        return None
    found = _HOLDER.search(text)
    holder = f"proces {found[2]}: {Path(found[1]).name}" if found else None
    return WarehouseLocked(path, holder)


def check_not_locked(path: Path) -> None:
    """Raise WarehouseLocked when another process holds a write lock on the warehouse file
    (a copy taken then could miss its changes, and its changes would be lost)."""
    if not path.exists():
        return
    with open(path, "rb") as fh:
        try:
            fcntl.lockf(fh, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError as exc:
            raise WarehouseLocked(path) from exc
        fcntl.lockf(fh, fcntl.LOCK_UN)


def _open(path: Path, key: tuple[object, ...]) -> _Shared:
    """An in-memory instance with the school-year macros, attached to the warehouse.

    A writer replaces the file and then removes a stale `.wal` of a killed writer (see
    `writer`); a reader that attaches in between meets DuckDB's "WAL ... does not match" and
    simply tries again. Raises WarehouseLocked when another process holds the file, and
    WarehouseError when it cannot be attached for another reason."""
    con = duckdb.connect()
    con.execute(reader_macros("memory.main"))
    if key[0] == (0, 0):  # no warehouse yet: empty tables, models computed live
        con.execute(warehouse_ddl())
        return _Shared(key, con, "memory", False)
    for attempt in range(_ATTACH_TRIES):
        try:
            con.execute("attach ? as wh (read_only)", [str(path)])
            break
        except duckdb.Error as exc:
            if attempt + 1 < _ATTACH_TRIES and "WAL" in str(exc):
                time.sleep(0.05 * (attempt + 1))
                continue
            con.close()
            raise _error(path, exc) from None
    return _Shared(key, con, "wh", models.fresh(con, "wh"))


def _error(path: Path, exc: duckdb.Error) -> WarehouseError:
    """The WarehouseError (a Dutch sentence) for a warehouse file DuckDB cannot open."""
    if (locked := _locked(path, exc)) is not None:
        return locked
    text = str(exc)
    if "WAL" in text:
        return WarehouseError(
            f"Naast het warehouse {path} staat een logbestand {_stale_wal(path).name} van een "
            "afgebroken schrijver dat niet bij deze versie van het warehouse past (het is "
            "ouder). Er is niets gewijzigd. Verplaats dat logbestand naar een andere map; "
            "daarna werkt het warehouse weer zoals het was.")
    return WarehouseError(f"Het warehouse {path} kan niet worden geopend; het is geen "
                          f"DuckDB-bestand of het is beschadigd ({text.splitlines()[0]}).")


def _cursor(path: Path) -> tuple[duckdb.DuckDBPyConnection, _Shared]:
    """A new cursor on the shared instance of the warehouse's current version. The instance
    is never closed here: that would close the cursors of running queries; it is freed when
    the last one is gone."""
    settings = get_settings()
    key = (data_version(path), settings.school_year_start, settings.municipalities,
           tuple(sorted(settings.targets.items())), settings.terminology)
    with _INSTANCES_LOCK:
        shared = _INSTANCES.get(path)
        if shared is None or shared.key != key:
            shared = _INSTANCES[path] = _open(path, key)
        _INSTANCES.move_to_end(path)
        while len(_INSTANCES) > _MAX_INSTANCES:
            _INSTANCES.popitem(last=False)
        return shared.con.cursor(), shared


# Shadows tables of a reader's cursor with temp views (row-level security): called with the
# cursor and the attached warehouse schema. The rules themselves live in `queries.roles`.
Shadow = Callable[[duckdb.DuckDBPyConnection, str], None]


@contextmanager
def reader(
    db: str | Path | None = None, shadow: Shadow | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only cursor for one unit of work; an absent warehouse reads as an empty one.
    With `shadow`, the cursor sees the tables through the views it creates, and the model
    tables are computed live over those views (so they are scoped alike)."""
    con, shared = _cursor(warehouse_path(db).resolve())
    try:
        con.execute(f"set search_path = '{shared.catalog}.main,memory.main'")
        if shadow is not None:
            shadow(con, f"{shared.catalog}.main")
        if shadow is not None or not shared.models_fresh:
            models.shadow(con)
        yield con
    finally:
        con.close()


class _Flusher:
    """While a writer works, a thread that writes its copy's new pages to disk once they add
    up to `step` bytes (the way PostgreSQL's `checkpoint_flush_after` does), so the flush at
    the commit has only the last part left: a national load writes ~760 MB, whose flush took
    1.5 s at the end and now runs beside the insert. Used as a context manager."""

    def __init__(self, path: Path, step: int = 64 << 20, every: float = 0.5):
        self.path, self.step, self.every = path, step, every
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="pib-flush", daemon=True)

    def _run(self) -> None:
        fd = os.open(self.path, os.O_RDONLY)
        try:
            flushed = 0
            while not self.stop.wait(self.every):
                size = os.fstat(fd).st_size
                if size - flushed >= self.step:
                    os.fdatasync(fd)
                    flushed = size
        finally:
            os.close(fd)

    def __enter__(self) -> _Flusher:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()


def _discard(tmp: Path) -> None:
    for leftover in (tmp, Path(f"{tmp}.wal")):
        leftover.unlink(missing_ok=True)


def _sweep_stale(path: Path) -> None:
    """Remove temporary files of writers that died (we hold the lock, so none is running)."""
    for stale in path.parent.glob(f".{path.name}.*.tmp*"):
        stale.unlink(missing_ok=True)


@contextmanager
def writer(db: str | Path | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """One transaction on a private copy; committed by an atomic rename, else discarded.

    A `.wal` beside the live file was left by a writer that died before its checkpoint (pib's
    own writers work on a private copy, so another tool's): it is copied with the file, so the
    copy replays it, and removed once the new file is in place — its changes are then in the
    new file. Raises WarehouseLocked when another process holds a write lock on the warehouse,
    and WarehouseError when a `.wal` cannot be replayed; either way nothing changes."""
    path = warehouse_path(db).resolve()
    if path.is_dir():
        raise WarehouseError(f"{path} is een map, geen warehouse-bestand: geef met --db of "
                             "PIB_DB een bestandsnaam op, bijvoorbeeld data/warehouse.duckdb.")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(f"{path}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        _sweep_stale(path)
        check_not_locked(path)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        stale = _stale_wal(path)
        had_wal = stale.exists()
        if path.exists():
            shutil.copyfile(path, tmp)
            if had_wal:
                shutil.copyfile(stale, f"{tmp}.wal")
        try:
            con = duckdb.connect(str(tmp), config=WRITER_CONFIG)
        except duckdb.Error as exc:
            _discard(tmp)
            raise _error(path, exc) from None
        try:
            con.execute("set enable_progress_bar = false")
            con.execute(warehouse_ddl())
            con.execute(school_year_macro())
            con.execute("begin transaction")
            with _Flusher(tmp):
                yield con
            con.execute("commit")
            con.execute("checkpoint")
            con.close()
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            tmp.chmod(0o600)  # pupil-level data: only its owner reads it
            os.replace(tmp, path)
            if had_wal:  # its changes are in the new file; left beside it, it breaks readers
                stale.unlink(missing_ok=True)
            dir_fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        except BaseException:
            con.close()
            _discard(tmp)
            raise
