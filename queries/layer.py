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
    -- suppress: count_column -> derived_column, ...   (zero or more lines)
    -- numerator: what is counted above the line        (optional, as the next four)
    -- denominator: what it is divided by
    -- time_basis: which date decides the school year or day
    -- note: anything else a reader of the figure must know
    -- why: why a network needs the figure

`?` marks an optional parameter (bound as NULL when absent), `!` a required one; a default may
be a literal or `settings.FIELD` of `etl.settings.Settings`. The keys up to `columns` are
required, each once; the dashboard and the reports show `titel` and `definitie`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date, datetime
from functools import cache
from pathlib import Path

import polars as pl

from etl.schoolyear import SchoolYear
from etl.settings import Settings, get_settings
from etl.warehouse import reader
from queries.roles import RoleError, check_query_access, get_role, grid_problem, school_scope

QUERY_DIR = Path(__file__).parent
TYPES = ("int", "date", "text", "school_year", "bool")
TRUE_WORDS = ("true", "1", "ja", "yes")
FALSE_WORDS = ("false", "0", "nee", "no")
_REQUIRED = ("for", "definition", "titel", "definitie", "params", "grain", "columns")
_OPTIONAL = ("numerator", "denominator", "time_basis", "note", "why")
_KEYS = (*_REQUIRED, *_OPTIONAL, "suppress")
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
    if repeated := [k for k in _KEYS if k != "suppress" and len(found.get(k, [])) > 1]:
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
    )
    named = {c for s in suppress for c in (s.count, *s.derived)} | set(query.grain)
    if not named <= set(query.columns) or "suppressed" in query.columns:
        raise ValueError(f"{where}: grain and suppress must name columns of 'columns'")
    used = set(re.findall(r"\$(\w+)", "\n".join(text.splitlines()[len(lines):])))
    if used != {p.name for p in params}:
        raise ValueError(f"{where}: declared parameters differ from those used in the SQL")
    return query


@cache
def _catalogue() -> dict[str, Query]:
    return {
        path.stem: parse(path.stem, path.read_text(encoding="utf-8"))
        for path in sorted(QUERY_DIR.glob("*.sql"))
    }


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


def suppress(frame: pl.DataFrame, rules: tuple[Suppress, ...], min_cell: int) -> pl.DataFrame:
    """Small-cell suppression: where a group counts fewer than `min_cell` cases, its count and
    every figure derived from it become null; `suppressed` says whether anything in a row was."""
    small = {rule.count: pl.col(rule.count) < min_cell for rule in rules}
    hide: dict[str, list[pl.Expr]] = {}
    for rule in rules:
        for column in (rule.count, *rule.derived):
            hide.setdefault(column, []).append(small[rule.count])
    return frame.with_columns(
        *(
            pl.when(pl.any_horizontal(conditions)).then(None).otherwise(pl.col(column))
            .alias(column)
            for column, conditions in hide.items()
        ),
        pl.any_horizontal(list(small.values())).fill_null(False).alias("suppressed"),
    )


def run_query(
    name: str, params: dict[str, object] | None = None, role: str = "kwaliteit",
    db: str | Path | None = None, school_ids: tuple[str, ...] = (),
) -> pl.DataFrame:
    """Run a named query on the warehouse for a role and return the result as Polars.

    The role's rules are those of `queries.roles`: exact roles see exact figures; the others
    get small-cell suppression and an extra boolean column `suppressed` on every query that
    counts cases, and may set `as_of` and the norms only on their fixed grids
    (`queries.roles.grid_problem`); a scoped role (`school`) sees only the rows of its own
    `school_ids` (row-level security in the reader); data-quality queries answer data-quality
    roles only.
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
    if not who.exact:
        settings = get_settings()
        for param, value in bound.items():
            if problem := grid_problem(param, value, settings):
                raise QueryError(f"{problem} voor de rol {who.name} (query {query.name}).")
    shadow = school_scope(tuple(school_ids)) if who.scoped else None
    with reader(db, shadow=shadow) as con:
        frame = con.sql(query.sql, params=bound).pl()
    if not who.exact and query.suppress:
        frame = suppress(frame, query.suppress, get_settings().min_cell)
    return frame
