"""The query layer: every figure is a named SQL file, run read-only, with the role rules applied.

Each `queries/NAME.sql` opens with a machine-readable header, from which `python -m
queries.docs` (`make docs`) generates docs/kpis.md:

    -- NAME: one-line title.
    -- for: who uses it (for the reader; the code does not use it)
    -- definition: what is counted, in words
    --   (a line indented by two or more spaces continues the previous key)
    -- titel: the Dutch one-line title (shown on the dashboard and in reports)
    -- definitie: the Dutch definition (shown on the dashboard and in reports)
    -- params: name type[?|!] [= default]; ...   (types: int date text school_year bool)
    -- grain: the grouping columns, which are also the sort order (`-` for one row)
    -- columns: every output column, in order
    -- counts: every column that counts children (pupils, referrals, decisions, episodes, cases,
    --   supports), `-` for none; required unless the query is for data quality only
    -- suppress: count_column -> derived_column, ...   (zero or more lines)
    -- sums: total = part + part   or   total >= part + ...   (zero or more lines)
    -- margins: param in table, ...   (filters whose values split the facts)
    -- rollup: other_query.column[name=value] = column[name=value|value]   (zero or more lines)
    -- equals: other_query.column[name=value] = column[name=value|value]   (zero or more lines)
    -- total: total_column = column [by grain_column, ...]   (zero or more lines)
    -- numerator: what is counted above the line        (optional, as the next four)
    -- denominator: what it is divided by
    -- time_basis: which date decides the school year or day
    -- note: anything else a reader of the figure must know
    -- why: why a network needs the figure

The keys `counts`, `suppress`, `sums`, `margins`, `rollup`, `equals` and `total` drive
disclosure control for the suppressed roles (queries/disclosure.py, docs/privacy.md): `counts`
are hidden from 1 to min_cell - 1; `suppress` hides a small group's derived figures; `sums` says
a count column is the sum of others (`>=`: plus children not shown); `margins` names optional
parameters whose values (the distinct non-null values of the column of that name in `table`)
split the facts, so the answer without the filter is the sum of the answers per value; `rollup`
says a count of another query (optionally only its rows where `name` is `value`) is the sum of
this query's matching cells (same parameters and grain values; the other query's absent filter
or missing grain column sums over this one's), or only of its rows where `name` is one of the
values; `equals` says the sum of a count over all rows of an answer equals that of another query
over the same facts (two breakdowns of one total, neither with a total row), for answers that
agree on their parameters and school year; `total` says a count column holds, on every row, the
sum of another count column over all rows of the answer (a network total beside its units).
`counts` is required (`-` when no column counts children) except on data-quality queries; the
others are optional.

`?` marks an optional parameter (bound as NULL when absent), `!` a required one; a default may
be a literal or `settings.FIELD` of `etl.settings.Settings`. The keys up to `columns` and
`counts` are required, each once; the dashboard and the reports show `titel` and `definitie`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import date, datetime
from functools import cache
from pathlib import Path

import duckdb
import polars as pl

from etl.schoolyear import SchoolYear
from etl.settings import Settings, get_settings, warehouse_path
from etl.warehouse import data_version, reader
from queries import precomputed
from queries.disclosure import Key, Source, answers, frozen
from queries.roles import (
    FREE_TEXT_ROWS,
    RoleError,
    check_query_access,
    get_role,
    grid_problem,
    is_data_quality_query,
    school_scope,
)

QUERY_DIR = Path(__file__).parent
TYPES = ("int", "date", "text", "school_year", "bool")
TRUE_WORDS = ("true", "1", "ja", "yes")
FALSE_WORDS = ("false", "0", "nee", "no")
_REQUIRED = ("for", "definition", "titel", "definitie", "params", "grain", "columns")
_OPTIONAL = ("numerator", "denominator", "time_basis", "note", "why")
_DISCLOSURE = ("counts", "suppress", "sums", "margins", "rollup", "equals", "total")
_REPEATABLE = ("suppress", "sums", "rollup", "equals", "total")  # keys that may come more than once
_KEYS = (*_REQUIRED, *_OPTIONAL, *_DISCLOSURE)
_SUM = re.compile(r"(\w+)\s*(>?=)\s*(\w+(?:\s*\+\s*\w+)*)")
_MARGIN = re.compile(r"(\w+)\s+in\s+(\w+)")
_COND = r"(?:\[(\w+)=([^\]]+)\])?"
_ROLLUP = re.compile(rf"(\w+)\.(\w+){_COND}\s*=\s*(\w+){_COND}")
_DUTCH = {"titel": "the Dutch title", "definitie": "the Dutch definition"}
_PARAM = re.compile(r"(\w+)\s+(\w+)([?!]?)(?:\s*=\s*(\S+))?")
_SETTINGS = {f.name for f in fields(Settings)}


class QueryError(ValueError):
    """An unknown query, role or parameter, or a parameter value that does not fit its type."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool
    default: str | None  # literal text, or `settings.FIELD`


@dataclass(frozen=True)
class Suppress:
    count: str  # the column that counts the group's cases
    derived: tuple[str, ...]  # figures computed from that group


@dataclass(frozen=True)
class Sum:
    total: str  # a count column
    parts: tuple[str, ...]  # count columns that add up to it
    rest: bool  # `>=`: plus children counted in no part (not shown)


@dataclass(frozen=True)
class Margin:
    param: str  # an optional filter parameter
    table: str  # the table whose column `param` holds its values


@dataclass(frozen=True)
class Rollup:
    target: str  # another query
    target_column: str  # its count column
    # only its rows where a column has one of these values (empty: every row)
    condition: tuple[tuple[str, tuple[str, ...]], ...]
    column: str  # this query's count column that adds up to it
    part_condition: tuple[tuple[str, tuple[str, ...]], ...] = ()  # likewise for this query


@dataclass(frozen=True)
class Query:
    name: str
    title: str
    audience: tuple[str, ...]  # `for:` — who uses it, shown in docs/kpis.md
    definition: str  # English, for developers and docs/kpis.md
    titel: str  # Dutch title, for the dashboard and the reports
    definitie: str  # Dutch definition, for the dashboard and the reports
    params: tuple[Param, ...]
    grain: tuple[str, ...]
    columns: tuple[str, ...]
    suppress: tuple[Suppress, ...]
    sql: str
    # Optional prose for docs/kpis.md, English ("" when absent).
    numerator: str = ""
    denominator: str = ""
    time_basis: str = ""
    note: str = ""
    why: str = ""
    counts: tuple[str, ...] = ()
    sums: tuple[Sum, ...] = ()
    margins: tuple[Margin, ...] = ()
    rollups: tuple[Rollup, ...] = ()
    equals: tuple[Rollup, ...] = ()  # the same shape as a rollup, over whole answers
    # (total column, the column it adds up, the grain columns whose values each have a total)
    totals: tuple[tuple[str, str, tuple[str, ...]], ...] = ()


def _split(text: str, sep: str = ",") -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(sep) if part.strip() not in ("", "-"))


def _parse_param(text: str, where: str) -> Param:
    match = _PARAM.fullmatch(text)
    if not match or match[2] not in TYPES or (match[3] == "!" and match[4]):
        raise ValueError(f"{where}: bad parameter declaration '{text}'")
    name, kind, mark, default = match.groups()
    if not mark and default is None:
        raise ValueError(f"{where}: parameter {name} needs '?', '!' or a default")
    if default and default.startswith("settings.") and default[9:] not in _SETTINGS:
        raise ValueError(f"{where}: unknown setting in default '{default}'")
    return Param(name, kind, mark == "!", default)


def parse(name: str, text: str) -> Query:
    """A query from the text of its SQL file; ValueError when the header is malformed."""
    where = f"queries/{name}.sql"
    lines = []
    for line in text.splitlines():
        if not line.startswith("--"):
            break
        lines.append(line[2:])
    head, _, title = lines[0].strip().partition(":") if lines else ("", "", "")
    if head != name:
        raise ValueError(f"{where}: the header must start with '-- {name}: title'")
    found: dict[str, list[str]] = {}
    key = None
    for line in lines[1:]:
        if line.startswith("  ") and key:
            found[key][-1] += " " + line.strip()
        elif (m := re.fullmatch(r" ?(\w+):\s*(.*)", line)) and m[1] in _KEYS:
            key = m[1]
            found.setdefault(key, []).append(m[2].strip())
        elif line.strip():
            raise ValueError(f"{where}: unexpected header line '--{line}'")
    if missing := [k for k in _REQUIRED if not (
        k in found and (found[k][0] or k not in _DUTCH)
    )]:
        what = ", ".join(f"{k} ({_DUTCH[k]})" if k in _DUTCH else k for k in missing)
        raise ValueError(f"{where}: header lacks {what}; see docs/kpis.md for the format")
    if repeated := [k for k in _KEYS if k not in _REPEATABLE and len(found.get(k, [])) > 1]:
        raise ValueError(f"{where}: header repeats {', '.join(repeated)}")
    params = tuple(_parse_param(p, where) for p in _split(found["params"][0], ";"))
    suppress = tuple(
        Suppress(count.strip(), _split(derived))
        for count, _, derived in (s.partition("->") for s in found.get("suppress", []))
    )
    query = Query(
        name=name, title=title.strip(), audience=_split(found["for"][0]),
        definition=found["definition"][0], titel=found["titel"][0],
        definitie=found["definitie"][0], params=params, grain=_split(found["grain"][0]),
        columns=_split(found["columns"][0]), suppress=suppress, sql=text,
        **{k: found[k][0] for k in _OPTIONAL if k in found},
        counts=_split(found.get("counts", ["-"])[0]),
        sums=tuple(_parse_sum(s, where) for s in found.get("sums", [])),
        margins=tuple(_parse_margin(m, params, where)
                      for m in _split(found.get("margins", ["-"])[0])),
        rollups=tuple(_parse_rollup(r, where) for r in found.get("rollup", [])),
        equals=tuple(_parse_rollup(r, where) for r in found.get("equals", [])),
        totals=tuple(_parse_total(t, where) for t in found.get("total", [])),
    )
    named = {c for s in suppress for c in (s.count, *s.derived)} | set(query.grain)
    if not named <= set(query.columns) or "suppressed" in query.columns:
        raise ValueError(f"{where}: grain and suppress must name columns of 'columns'")
    summed = {c for s in query.sums for c in (s.total, *s.parts)}
    rolled = {r.column for r in (*query.rollups, *query.equals)} | {
        c for total in query.totals for c in total[:2]}
    if not set(query.counts) <= set(query.columns) or not (
        {s.count for s in suppress} | summed | rolled
    ) <= set(query.counts):
        raise ValueError(f"{where}: counts must name columns of 'columns', and every count of "
                         "suppress, sums and rollup must be in counts")
    used = set(re.findall(r"\$(\w+)", "\n".join(text.splitlines()[len(lines):])))
    if used != {p.name for p in params}:
        raise ValueError(f"{where}: declared parameters differ from those used in the SQL")
    if "counts" not in found and not is_data_quality_query(name):
        raise ValueError(
            f"{where}: header lacks counts; add a line '-- counts: COLUMN, ...' naming the "
            "columns that count children (pupils, referrals, decisions, episodes, cases, "
            "supports), or '-- counts: -' when none does; where an optional filter splits the "
            "facts add '-- margins: PARAM in TABLE', and see the docstring of queries/layer.py "
            "for 'sums' and 'rollup'")
    return query


def _parse_sum(text: str, where: str) -> Sum:
    match = _SUM.fullmatch(text.strip())
    if not match:
        raise ValueError(f"{where}: bad sums line '{text}', expected 'total = a + b' or "
                         "'total >= a + b'")
    return Sum(match[1], _split(match[3], "+"), match[2] == ">=")


def _parse_total(text: str, where: str) -> tuple[str, str, tuple[str, ...]]:
    match = re.fullmatch(r"(\w+)\s*=\s*(\w+)(?:\s+by\s+(.+))?", text.strip())
    if not match:
        raise ValueError(f"{where}: bad total line '{text}', expected 'total_column = column' "
                         "or 'total_column = column by grain_column, ...'")
    return match[1], match[2], _split(match[3] or "")


def _parse_margin(text: str, params: tuple[Param, ...], where: str) -> Margin:
    match = _MARGIN.fullmatch(text)
    optional = {p.name for p in params if not p.required and p.default is None}
    if not match or match[1] not in optional:
        raise ValueError(f"{where}: bad margins entry '{text}', expected 'param in table' for "
                         "an optional parameter without default")
    return Margin(match[1], match[2])


def _parse_rollup(text: str, where: str) -> Rollup:
    match = _ROLLUP.fullmatch(text.strip())
    if not match:
        raise ValueError(f"{where}: bad rollup line '{text}', expected "
                         "'query.column[name=value] = column[name=value|value]'")
    def condition(name: str | None, values: str | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return ((name, _split(values, "|")),) if name and values else ()

    return Rollup(match[1], match[2], condition(match[3], match[4]), match[5],
                  condition(match[6], match[7]))


@cache
def _catalogue() -> dict[str, Query]:
    found = {
        path.stem: parse(path.stem, path.read_text(encoding="utf-8"))
        for path in sorted(QUERY_DIR.glob("*.sql"))
    }
    for query in found.values():
        for rollup in query.rollups:
            target = found.get(rollup.target)
            if target is None or rollup.target_column not in target.counts:
                raise ValueError(f"queries/{query.name}.sql: rollup names "
                                 f"{rollup.target}.{rollup.target_column}, which is not a "
                                 "count of a query")
    return found


def list_queries() -> list[str]:
    """The names of all queries, sorted."""
    return list(_catalogue())


def describe(name: str) -> Query:
    """The header metadata (title, definition, the Dutch titel and definitie, params, grain,
    columns, suppression) of a query."""
    try:
        return _catalogue()[name]
    except KeyError:
        raise QueryError(
            f"onbekende query '{name}' (unknown query); kies uit: {', '.join(_catalogue())}."
        ) from None


_PROBLEMS = {
    "int": ("ongeldig geheel getal", "invalid whole number, expected 0 or more"),
    "date": ("ongeldige datum", "invalid date, expected YYYY-MM-DD"),
    "school_year": ("ongeldig schooljaar", "invalid school year, expected e.g. 2024-2025"),
    "bool": ("ongeldige ja/nee-waarde", "invalid boolean, expected true/false, ja/nee or 1/0"),
    "text": ("ongeldige tekst", "invalid text"),
}


def _convert(kind: str, value: object) -> object:
    """The value as the Python type of `kind`, or None when it does not fit."""
    text = value.strip() if isinstance(value, str) else value
    if kind == "int":
        if isinstance(text, str) and re.fullmatch(r"\d+", text):
            return int(text)
        ok = isinstance(text, int) and not isinstance(text, bool) and text >= 0
        return text if ok else None
    if kind == "date":
        if isinstance(text, date):
            return text.date() if isinstance(text, datetime) else text
        if isinstance(text, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            try:
                return date.fromisoformat(text)
            except ValueError:
                return None
        return None
    if kind == "school_year":
        return str(SchoolYear.parse(text)) if SchoolYear.is_valid(text) else None
    if kind == "bool":
        if isinstance(text, bool):
            return text
        word = text.lower() if isinstance(text, str) else None
        return word in TRUE_WORDS if word in TRUE_WORDS + FALSE_WORDS else None
    return text if isinstance(text, str) else None


def _coerce(param: Param, value: object) -> object:
    converted = _convert(param.type, value)
    if converted is None:
        dutch, english = _PROBLEMS[param.type]
        raise QueryError(f"{dutch} voor {param.name}: '{value}' ({english}).")
    return converted


def _default(param: Param, settings: Settings) -> object:
    if param.default is None:
        return None
    if param.default.startswith("settings."):
        return getattr(settings, param.default[9:])
    return _coerce(param, param.default)


def bind(query: Query, params: dict[str, object] | None) -> dict[str, object]:
    """Every declared parameter with its checked value (None = no filter); QueryError if wrong."""
    given = dict(params or {})
    declared = {p.name for p in query.params}
    if unknown := sorted(set(given) - declared):
        allowed = ", ".join(sorted(declared)) or "geen (none)"
        raise QueryError(
            f"onbekende parameter '{unknown[0]}' voor {query.name} (unknown parameter); "
            f"toegestaan: {allowed}."
        )
    bound: dict[str, object] = {}
    settings = get_settings()
    for p in query.params:
        value = given.get(p.name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if p.required:
                raise QueryError(
                    f"parameter {p.name} is verplicht voor {query.name} "
                    f"(required parameter missing): geef {p.name}=... ({p.type})."
                )
            bound[p.name] = _default(p, settings)
        else:
            bound[p.name] = _coerce(p, value)
    return bound


# Runs of a suppressed role's bundles, kept while the warehouse, the scope and the settings stay
# the same: a bundle runs each query over its whole filter cube, and neighbouring questions
# (another filter value, a tied query) need the same runs.
_RUNS: dict[tuple[object, ...], object] = {}
_RUNS_MAX = 20_000


def _memo(key: tuple[object, ...], compute: Callable[[], object]) -> object:
    if key not in _RUNS:
        if len(_RUNS) >= _RUNS_MAX:
            _RUNS.clear()
        _RUNS[key] = compute()
    return _RUNS[key]


def _source(con: duckdb.DuckDBPyConnection, version: tuple[object, ...]) -> Source:
    """The layer as the disclosure module sees it, its runs remembered under `version`."""

    def run(query: Query, params: dict[str, object]) -> pl.DataFrame:
        key = (*version, "run", query.name, tuple(sorted(params.items())))
        return _memo(key, lambda: con.sql(query.sql, params=params).pl())

    def values(table: str, column: str) -> list[object]:
        return _memo((*version, "values", table, column), lambda: [row[0] for row in con.sql(
            f'select distinct "{column}" from "{table}" where "{column}" is not null '
            "order by 1").fetchall()])

    solved = _memo((*version, "solved"), dict)
    return Source(describe=describe, names=list_queries, bind=bind, run=run, values=values,
                  solved=solved)


def run_query(
    name: str, params: dict[str, object] | None = None, role: str = "kwaliteit",
    db: str | Path | None = None, school_ids: tuple[str, ...] = (),
) -> pl.DataFrame:
    """Run a named query on the warehouse for a role and return the result as Polars.

    The role's rules are those of `queries.roles`: exact roles see exact figures; the others
    get disclosure control (`queries.disclosure`: primary and complementary suppression, and
    parameters on a fixed grid) and an extra boolean column `suppressed` on every query that
    counts children; a scoped role (`school`) sees only the rows of its own `school_ids`
    (row-level security in the reader); data-quality queries answer data-quality roles only.
    Raises QueryError (a Dutch sentence) for an unknown query, role or parameter, or a request
    the role does not allow.
    """
    query = describe(name)
    try:
        who = get_role(role)
        check_query_access(who, name, tuple(school_ids))
    except RoleError as exc:
        raise QueryError(str(exc)) from None
    bound = bind(query, params)
    settings = get_settings()
    if not who.exact:
        for param, value in bound.items():
            if problem := grid_problem(param, value, settings):
                raise QueryError(f"{problem} voor de rol {who.name} (query {query.name}).")
        if len(split := [m.param for m in query.margins if bound.get(m.param) is not None]) > 1:
            # The protected cube holds each filter alone (queries/disclosure.py `_cube`).
            raise QueryError(
                f"voor de rol {who.name} splitst query {query.name} op één filter tegelijk, "
                f"niet op {' en '.join(split)} samen: zo blijft elke kleine groep verborgen.")
    if who.exact or not query.counts:
        shadow = school_scope(tuple(school_ids)) if who.scoped else None
        with reader(db, shadow=shadow) as con:
            answer = con.sql(query.sql, params=bound).pl()
    else:
        answer = _suppressed(query, bound, db, tuple(school_ids) if who.scoped else (), settings)
    if (rows := FREE_TEXT_ROWS.get(query.name)) and not who.data_quality:
        column, values = rows
        answer = answer.filter(~pl.col(column).is_in(values))
    return answer


def _suppressed(query: Query, bound: dict[str, object], db: str | Path | None,
                school_ids: tuple[str, ...], settings: Settings) -> pl.DataFrame:
    """A suppressed role's answer: from the file of stored answers when this data version has
    it (queries/precomputed.py), else computed with the rest of its bundle (every answer of
    its filter cube) and stored, so the next question of the cube is read, not computed."""
    version = precomputed.version_key(db, settings)
    scope = precomputed.scope_key(school_ids)
    if version and (found := precomputed.lookup(db, version, scope, query.name, bound)) is not None:
        return found
    computed = _answers(query, bound, db, school_ids, settings)
    if version:
        # An asked filter value outside the data adds a point to the cube: keep only that answer.
        inside = _inside_the_data(query, bound, db, school_ids, settings)
        keep = computed if inside else {frozen(bound): computed[frozen(bound)]}
        precomputed.store(db, version, scope, {
            (query.name, precomputed.params_key(k)): v for k, v in keep.items()})
    return computed[frozen(bound)]


@contextmanager
def _bundle_source(db: str | Path | None, school_ids: tuple[str, ...],
                   settings: Settings) -> Iterator[Source]:
    """The disclosure module's view of the warehouse (scoped to `school_ids` when given), its
    runs remembered under this warehouse, data version, scope and settings."""
    shadow = school_scope(school_ids) if school_ids else None
    with reader(db, shadow=shadow) as con:
        yield _source(con, (str(warehouse_path(db)), data_version(db), school_ids,
                            repr(settings)))


def _answers(query: Query, bound: dict[str, object], db: str | Path | None,
             school_ids: tuple[str, ...], settings: Settings) -> dict[Key, pl.DataFrame]:
    with _bundle_source(db, school_ids, settings) as source:
        return answers(query, bound, source, settings.min_cell)


def _inside_the_data(query: Query, bound: dict[str, object], db: str | Path | None,
                     school_ids: tuple[str, ...], settings: Settings) -> bool:
    """Whether every filter value asked is a value of the data (no filter set: true, without
    opening the warehouse)."""
    asked = [m for m in query.margins if bound.get(m.param) is not None]
    if not asked:
        return True
    with _bundle_source(db, school_ids, settings) as source:
        return all(bound[m.param] in source.values(m.table, m.param) for m in asked)
