"""Dashboard users, roles and the audit trail, in a small SQLite file beside the warehouse.

SQLite (standard library) rather than the DuckDB warehouse: logins and exports write while the
dashboard reads and `pib load` replaces the warehouse, and SQLite's locking handles many small
concurrent writers. Passwords are stored only as Argon2id hashes (argon2-cffi).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError

from etl.settings import warehouse_path
from queries.roles import ROLE_NAMES, ROLES

MIN_PASSWORD = 10
MAX_FAILURES = 5  # failed logins per user within LOCKOUT before further tries are refused
LOCKOUT = timedelta(minutes=15)
DEMO_USERS = {  # name: (role, password, school ids) — created only by `pib users demo`
    "demo-bestuur": ("bestuur", "demo-bestuur-2026", ()),
    "demo-kwaliteit": ("kwaliteit", "demo-kwaliteit-2026", ()),
    "demo-school": ("school", "demo-school-2026", ("SCH0001", "SCH0002")),
    "demo-beheer": ("beheer", "demo-beheer-2026", ()),
}
_HASHER = PasswordHasher()
_DUMMY_HASH = _HASHER.hash("no user has this password")  # equal work for unknown names
_SCHEMA = """
create table if not exists users (
    name text primary key, role text not null, password_hash text not null,
    school_ids text not null default '', demo integer not null default 0,
    created_at text not null, updated_at text not null
);
create table if not exists audit (
    id integer primary key autoincrement, at text not null, user text, role text,
    action text not null, detail text
);
"""


class AccessError(ValueError):
    """A user-management request that cannot be carried out."""


@dataclass(frozen=True)
class User:
    name: str
    role: str
    school_ids: tuple[str, ...]
    demo: bool


def access_path(db: str | Path | None = None) -> Path:
    """`<warehouse>.access.sqlite`, e.g. `data/warehouse.access.sqlite`."""
    path = warehouse_path(db)
    return path.with_name(path.stem + ".access.sqlite")


@contextmanager
def _connect(db: str | Path | None = None) -> Iterator[sqlite3.Connection]:
    path = access_path(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, timeout=10)
    try:
        con.executescript(_SCHEMA)
        with con:
            yield con
    finally:
        con.close()


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise AccessError(f"Onbekende rol '{role}'; kies uit: {', '.join(ROLE_NAMES)}.")


def _scope(role: str, school_ids: tuple[str, ...]) -> str:
    if ROLES[role].scoped and not school_ids:
        raise AccessError(f"De rol {role} vraagt minstens één --school SCHOOL_ID.")
    return ",".join(school_ids) if ROLES[role].scoped else ""


def add_user(name: str, role: str, password: str, school_ids: tuple[str, ...] = (),
             demo: bool = False, db: str | Path | None = None) -> None:
    _check_role(role)
    if not name.strip() or len(name) > 64:
        raise AccessError("Een gebruikersnaam is 1 tot 64 tekens lang.")
    if len(password) < MIN_PASSWORD:
        raise AccessError(f"Een wachtwoord is minstens {MIN_PASSWORD} tekens lang.")
    scope = _scope(role, school_ids)
    with _connect(db) as con:
        if con.execute("select 1 from users where name = ?", (name,)).fetchone():
            raise AccessError(f"Gebruiker '{name}' bestaat al.")
        con.execute("insert into users values (?, ?, ?, ?, ?, ?, ?)",
                    (name, role, _HASHER.hash(password), scope, int(demo), _now(), _now()))


def remove_user(name: str, db: str | Path | None = None) -> None:
    with _connect(db) as con:
        if con.execute("delete from users where name = ?", (name,)).rowcount == 0:
            raise AccessError(f"Gebruiker '{name}' bestaat niet.")


def set_role(name: str, role: str, school_ids: tuple[str, ...] = (),
             db: str | Path | None = None) -> None:
    _check_role(role)
    scope = _scope(role, school_ids)
    with _connect(db) as con:
        changed = con.execute("update users set role = ?, school_ids = ?, updated_at = ? "
                              "where name = ?", (role, scope, _now(), name)).rowcount
        if changed == 0:
            raise AccessError(f"Gebruiker '{name}' bestaat niet.")


def list_users(db: str | Path | None = None) -> list[User]:
    with _connect(db) as con:
        rows = con.execute("select name, role, school_ids, demo from users order by name")
        return [User(n, r, tuple(filter(None, s.split(","))), bool(d)) for n, r, s, d in rows]


def has_users(db: str | Path | None = None) -> bool:
    """Login is on as soon as one user exists."""
    return access_path(db).exists() and bool(list_users(db))


def has_demo_users(db: str | Path | None = None) -> bool:
    return any(u.demo for u in list_users(db)) if access_path(db).exists() else False


def create_demo_users(db: str | Path | None = None) -> dict[str, tuple[str, str]]:
    """(Re)create the clearly marked demo users; returns name → (role, password)."""
    with _connect(db) as con:
        con.execute("delete from users where demo = 1 or name like 'demo-%'")
    for name, (role, password, schools) in DEMO_USERS.items():
        add_user(name, role, password, schools, demo=True, db=db)
    return {name: (role, password) for name, (role, password, _) in DEMO_USERS.items()}


def record_audit(action: str, detail: str, user: str | None, role: str | None,
                 db: str | Path | None = None) -> None:
    """Write one audit event (login, failed login, export, user change)."""
    with _connect(db) as con:
        con.execute("insert into audit (at, user, role, action, detail) values (?, ?, ?, ?, ?)",
                    (_now(), user, role, action, detail))


def _recent_failures(con: sqlite3.Connection, name: str) -> int:
    since = (datetime.now() - LOCKOUT).isoformat(timespec="seconds")
    return con.execute("select count(*) from audit where action = 'login_failed' and user = ? "
                       "and at >= ?", (name, since)).fetchone()[0]


def authenticate(name: str, password: str, db: str | Path | None = None) -> User | None:
    """The user when the password is right (and the account not locked); audited either way."""
    with _connect(db) as con:
        row = con.execute("select role, password_hash, school_ids, demo from users "
                          "where name = ?", (name,)).fetchone()
        locked = _recent_failures(con, name) >= MAX_FAILURES
    try:
        ok = _HASHER.verify(row[1] if row else _DUMMY_HASH, password) and bool(row)
    except (VerifyMismatchError, InvalidHashError):
        ok = False
    ok = ok and not locked
    if not ok:
        record_audit("login_failed", "geblokkeerd" if locked else "onjuiste inloggegevens",
                     name, None, db)
        return None
    user = User(name, row[0], tuple(filter(None, row[2].split(","))), bool(row[3]))
    record_audit("login", "dashboard", name, user.role, db)
    return user


def audit_log(limit: int = 200, db: str | Path | None = None) -> list[tuple]:
    with _connect(db) as con:
        return con.execute("select at, user, role, action, detail from audit "
                           "order by id desc limit ?", (limit,)).fetchall()
