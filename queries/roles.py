"""Roles and disclosure rules: who sees what, in one place.

Every consumer reads this table: the query layer (suppression, row-level scoping, which queries a
role may run), the dashboard (which pages a role sees), user management (which roles exist) and
the exports (who may export). Rules from CONTRACT.md §4:

- `kwaliteit` and `beheer` see exact aggregates; `bestuur` and `school` (and every export) get
  small-cell suppression, enforced in the query layer, never in a page.
- `school` sees only the rows of its own schools (row-level security: the tables are shadowed by
  views over the user's `school_ids`, so every query, model tables included, sees only those).
  The Flemish partners `clb` and `begeleider` (pedagogisch begeleider) are scoped and
  suppressed the same way, over the schools they work for.
- queries meant for data quality (`quarantine_*`, `load_history`, `table_counts`,
  `unknown_schools`) answer only `kwaliteit` and `beheer`: their rows hold raw (pseudonymised)
  values.
- queries that list individual episodes (`out_of_school_register`) answer only the exact roles
  (`kwaliteit`, `beheer`): a list cannot be made safe by suppressing small counts.
- queries that show free text from the sources (`out_of_school_reasons`) answer only
  `kwaliteit` and `beheer`: a reason may hold a name; never in an export.
  Rows of other queries that name a reason (the reason-growth signal) are left out for the
  other roles (`FREE_TEXT_ROWS`).
- for the suppressed roles, parameters that could be stepped lie on fixed grids: `as_of` month
  ends only, the norms (`norm_days`, `extension_days`, `complete_days`, `start_days`) only
  their configured values (CONTRACT §4).
- only `beheer` manages users and reads the audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import duckdb

from etl.settings import Settings


@dataclass(frozen=True)
class Role:
    """What one role may see.

    exact: exact figures (no small-cell suppression).
    scoped: only the rows of the user's own schools.
    network: the network-wide pages and reports (coverage, thuiszitters, rapportage).
    data_quality: quarantine rows, load history, the Datakwaliteit page.
    admin: users, audit log, the Beheer page.
    """

    name: str
    exact: bool
    scoped: bool
    network: bool
    data_quality: bool
    admin: bool

    def sees(self, audience: str) -> bool:
        """Whether this role belongs to a page's audience (see `AUDIENCES`)."""
        return AUDIENCES[audience](self)


ROLES: dict[str, Role] = {
    role.name: role for role in (
        Role("bestuur", exact=False, scoped=False, network=True, data_quality=False, admin=False),
        Role("kwaliteit", exact=True, scoped=False, network=True, data_quality=True, admin=False),
        Role("school", exact=False, scoped=True, network=False, data_quality=False, admin=False),
        Role("beheer", exact=True, scoped=False, network=True, data_quality=True, admin=True),
        # Flemish partners around the pupil: the CLB and the pedagogisch begeleider see the
        # schools they work for, scoped and suppressed exactly as `school`.
        Role("clb", exact=False, scoped=True, network=False, data_quality=False, admin=False),
        Role("begeleider", exact=False, scoped=True, network=False, data_quality=False,
             admin=False),
    )
}
ROLE_NAMES = tuple(ROLES)
EXACT_ROLES = tuple(r.name for r in ROLES.values() if r.exact)
SUPPRESSED_ROLES = tuple(r.name for r in ROLES.values() if not r.exact)
# The role whose disclosure control every export applies, whatever role asks for it.
EXPORT_ROLE = "bestuur"

# Page audiences: which roles a page is for.
AUDIENCES: dict[str, Callable[[Role], bool]] = {
    "all": lambda role: True,
    "network": lambda role: role.network,
    "data_quality": lambda role: role.data_quality,
    "admin": lambda role: role.admin,
}

# Queries whose rows hold raw (pseudonymised) input values: data-quality roles only.
DATA_QUALITY_QUERIES = ("load_history", "table_counts", "unknown_schools")
DATA_QUALITY_PREFIXES = ("quarantine_",)
# Queries that list individual episodes (without ids, but one row per child): exact roles only.
# Suppression cannot protect a list, so the roles that get suppressed figures get none of it.
EXACT_ONLY_QUERIES = ("out_of_school_register",)


# Queries that show free text from the source files (`out_of_school.reason`), which may hold
# names or other details of a child: the data-quality roles only, never an export
# (docs/privacy.md).
FREE_TEXT_QUERIES = ("out_of_school_reasons",)
# Rows of other queries that name such free text, as (column, values): left out of the answer
# for every role outside the data-quality roles (the reason-growth signal names a reason).
FREE_TEXT_ROWS = {"signals": ("signal", ("out_of_school_reason_growth",))}


def _month_end(value: object) -> bool:
    return isinstance(value, date) and (value + timedelta(days=1)).day == 1


def last_month_end(day: date) -> date:
    """The last month end on or before `day` (`day` itself when it is one)."""
    return day if _month_end(day) else day.replace(day=1) - timedelta(days=1)


def month_ends(first: date, last: date) -> list[date]:
    """Every month end from `first` up to `last`, newest first: the peildata a suppressed role
    may pick."""
    found, day = [], last_month_end(last)
    while day >= first:
        found.append(day)
        day = day.replace(day=1) - timedelta(days=1)
    return found


def grid_values(name: str, settings: Settings) -> tuple[int, ...] | None:
    """The whole-number values a suppressed role may give parameter `name` (CONTRACT §4: the
    configured norms only, as stepping a norm by one day would show the children between two
    answers); None for a parameter without such a grid."""
    norms = {
        "norm_days": (settings.decision_days, settings.decision_days + settings.extension_days),
        "extension_days": (settings.extension_days,),
        "complete_days": (settings.complete_days,),
        "start_days": (settings.start_days,),
    }
    return norms.get(name)


def grid_problem(name: str, value: object, settings: Settings) -> str | None:
    """For a suppressed role: a Dutch sentence when parameter `name` lies off its fixed grid
    (`as_of` a month end, the norms `grid_values`), None when it is allowed (or has no grid)."""
    if name == "as_of":
        return None if value is None or _month_end(value) else (
            f"peildatum {value} is geen laatste dag van een maand; kies een maandeinde "
            "(as_of takes month ends only)")
    allowed = grid_values(name, settings)
    if allowed is None or value in allowed:
        return None
    return (f"{name} {value} is niet toegestaan; kies {' of '.join(map(str, allowed))} "
            f"({name} takes the configured norm{'s' if len(allowed) > 1 else ''} only)")


class RoleError(ValueError):
    """An unknown role, or a request the role does not allow (a Dutch sentence)."""


def get_role(name: str) -> Role:
    """The role called `name`; RoleError naming the known roles otherwise."""
    try:
        return ROLES[name]
    except KeyError:
        raise RoleError(
            f"onbekende rol '{name}' (unknown role); kies uit: {', '.join(ROLE_NAMES)}."
        ) from None


def roles_for(audience: str) -> tuple[str, ...]:
    """The names of the roles of a page audience (`all`, `network`, `data_quality`, `admin`)."""
    return tuple(r.name for r in ROLES.values() if r.sees(audience))


def is_data_quality_query(query: str) -> bool:
    """Whether a named query is meant for data quality only (CONTRACT §4)."""
    return query in DATA_QUALITY_QUERIES or query.startswith(DATA_QUALITY_PREFIXES)


def check_query_access(role: Role, query: str, school_ids: tuple[str, ...]) -> None:
    """Raise RoleError when `role` may not run `query` (data-quality queries), or when a scoped
    role comes without its schools."""
    if is_data_quality_query(query) and not role.data_quality:
        raise RoleError(f"de query {query} is alleen voor de rollen "
                        f"{' en '.join(roles_for('data_quality'))} (data quality only).")
    if query in EXACT_ONLY_QUERIES and not role.exact:
        raise RoleError(f"de query {query} geeft gegevens per leerling en is alleen voor de "
                        f"rollen {' en '.join(EXACT_ROLES)} (individual rows, exact roles only).")
    if query in FREE_TEXT_QUERIES and not role.data_quality:
        raise RoleError(f"de query {query} toont vrije tekst uit de bronbestanden (die namen kan "
                        f"bevatten) en is alleen voor de rollen "
                        f"{' en '.join(roles_for('data_quality'))} (free text, data-quality roles "
                        "only).")
    if role.scoped and not school_ids:
        raise RoleError(f"de rol {role.name} vraagt minstens één school_id (role {role.name} "
                        "needs school ids).")


# Row-level security for a scoped role: temp views shadow the warehouse tables, so every query
# sees only the rows of the user's own schools. `{base}` is the attached warehouse schema.
SCHOOL_SCOPE = {
    "schools": "select * from {base}.schools where school_id in (select id from temp._scope)",
    "enrolments": "select * from {base}.enrolments "
                  "where school_id in (select id from temp._scope)",
    "referrals": "select * from {base}.referrals where school_id in (select id from temp._scope)",
    "supports": "select * from {base}.supports where school_id in (select id from temp._scope) "
                "or referral_id in (select referral_id from temp.referrals)",
    "outcomes": "select * from {base}.outcomes "
                "where support_id in (select support_id from temp.supports)",
    "out_of_school": "select * from {base}.out_of_school where false",
    "cases": "select * from {base}.cases where false",
    "finance": "select * from {base}.finance where false",  # the network's books, not a school's
    "quarantine": "select * from {base}.quarantine where false",
}


# Tables a scoped role reads whole: they hold no pupil rows (network offers, public context,
# the load log's file names and counts).
UNSCOPED_TABLES = ("offers", "participation", "school_locations", "load_log")


def school_scope(school_ids: tuple[str, ...]) -> Callable[[duckdb.DuckDBPyConnection, str], None]:
    """The shadowing a reader applies for a scoped role: a temp table of the school ids and one
    temp view per table in `SCHOOL_SCOPE` (tables not named there are unaffected; a new table
    that holds pupil rows must be added there; `tests/queries/test_roles.py` checks that every
    table of the schema is in `SCHOOL_SCOPE` or `UNSCOPED_TABLES`)."""
    ids = [str(i) for i in school_ids]

    def apply(con: duckdb.DuckDBPyConnection, base: str) -> None:
        con.execute("create temp table _scope as select unnest($ids::varchar[]) as id",
                    {"ids": ids})
        for table, sql in SCHOOL_SCOPE.items():
            con.execute(f"create temp view {table} as {sql.format(base=base)}")

    return apply
