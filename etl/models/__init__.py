"""Derived tables that every write rebuilds, so that page queries stay fast at national scale.

Each `etl/models/NAME.sql` (package data beside this module, read through importlib.resources
so an installed wheel has them too) is a select over the canonical tables, with a header
(`-- NAME: title` and `-- definition:`). `build` materialises it as table NAME in the writer's
transaction, together with the school-year start it was built with; a load rebuilds only the
models that read a table it changed. A reader that may not use
the stored table — the `school` role, whose rows are scoped, or a warehouse built with another
school-year start than `pib.toml` has now — gets a temp view of the same SQL instead (`shadow`):
the figures are the same by construction, only slower.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import duckdb

from etl.schema import ENTITIES
from etl.settings import get_settings

BUILD_TABLE = "model_build"


@dataclass(frozen=True)
class Model:
    name: str
    title: str
    definition: str
    sql: str
    sources: frozenset[str]  # the canonical tables it reads


@cache
def models() -> tuple[Model, ...]:
    """Every model, by name."""
    found = []
    sql_files = [f for f in files(__name__).iterdir() if f.name.endswith(".sql")]
    for path in sorted(sql_files, key=lambda f: f.name):
        name = path.name.removesuffix(".sql")
        text = path.read_text(encoding="utf-8")
        head = re.match(rf"-- {name}: (.+)\n-- definition: (.+(?:\n--   .+)*)", text)
        if not head:
            raise ValueError(f"{path}: the header must be '-- {name}: title' and "
                             "'-- definition: ...'")
        definition = re.sub(r"\s*\n--\s+", " ", head[2])
        read = set(re.findall(r"\b(?:from|join)\s+(\w+)", text, flags=re.IGNORECASE))
        found.append(Model(name, head[1].strip(), definition, text,
                           frozenset(read & set(ENTITIES))))
    return tuple(found)


def _signature() -> str:
    """What the models depend on besides the data: the start of the school year."""
    month, day = get_settings().school_year_start
    return f"{month:02d}-{day:02d}"


def to_rebuild(changed: set[str], built: set[str], fresh: bool) -> list[Model]:
    """The models a write must rebuild: those that read a changed table or are not built yet;
    every one when the stored ones do not fit today's settings."""
    return [m for m in models() if not fresh or m.name not in built or m.sources & changed]


def build(con: duckdb.DuckDBPyConnection, changed: set[str]) -> None:
    """Rebuild, in the writer's transaction, the model tables that `changed` tables feed."""
    catalog = con.execute("select current_database()").fetchone()[0]
    built = _tables(con, catalog)
    for model in to_rebuild(changed, built, fresh(con, catalog, built)):
        con.execute(f"create or replace table {model.name} as {model.sql}")
    con.execute(f"create or replace table {BUILD_TABLE} as select $s as school_year_start",
                {"s": _signature()})


def _tables(con: duckdb.DuckDBPyConnection, catalog: str) -> set[str]:
    return {row[0] for row in con.execute(
        "select table_name from duckdb_tables() where database_name = $c", {"c": catalog}
    ).fetchall()}


def fresh(con: duckdb.DuckDBPyConnection, catalog: str, tables: set[str] | None = None) -> bool:
    """Whether the stored model tables of `catalog` (whose `tables`, when known) fit today's
    settings."""
    if BUILD_TABLE not in (_tables(con, catalog) if tables is None else tables):
        return False
    quoted = '"' + catalog.replace('"', '""') + '"'
    stored = con.execute(f"select school_year_start from {quoted}.main.{BUILD_TABLE}").fetchone()
    return stored == (_signature(),)


def shadow(con: duckdb.DuckDBPyConnection) -> None:
    """Compute every model live in this connection, over what its tables show it."""
    for model in models():
        con.execute(f"create or replace temp view {model.name} as {model.sql}")
