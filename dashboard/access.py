"""Dashboard users, roles, login sessions and the audit trail, in a small SQLite file beside the
warehouse (mode 0600).

SQLite (standard library) rather than the DuckDB warehouse: logins and exports write while the
dashboard reads and `pib load` replaces the warehouse, and SQLite's locking handles many small
concurrent writers. Passwords are stored only as Argon2id hashes (argon2-cffi); login sessions
only as the SHA-256 of their random token (the token itself lives in the browser's cookie).

Failed logins are limited three ways, each decided inside one `BEGIN IMMEDIATE` transaction
so that parallel tries cannot slip past the count (`authenticate`):
- per user and source (network address): after `MAX_FAILURES` failures within `LOCKOUT` that
  source may not try that user any more — another source (the real user) still can;
- per source: after `SOURCE_FREE` failures within `LOCKOUT` (any user names) each next try waits
  2, 4, 8 … seconds (at most `LOCKOUT`) after the last failure;
- per user: after `MAX_USER_FAILURES` failures within `LOCKOUT` from any sources together the
  account is locked for everyone (a distributed guess), which the audit names.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import secrets
import sqlite3
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from dashboard import oidc
from etl.settings import warehouse_path
from queries.roles import ROLE_NAMES, ROLES

MIN_PASSWORD = 10
MAX_FAILURES = 5  # failures per user and source within LOCKOUT before that source is refused
MAX_USER_FAILURES = 30  # failures per user within LOCKOUT, all sources, before the account locks
SOURCE_FREE = 10  # failures per source within LOCKOUT before each next try must wait
LOCKOUT = timedelta(minutes=15)
SESSION_IDLE = timedelta(hours=8)  # a login session ends after this long without use
_TOUCH_EVERY = 60  # seconds: last_seen is rewritten at most this often per session
LOGIN_ENV = "PIB_LOGIN"  # `required`: set by `pib serve` when the store had users at start
LOCAL = "lokaal"  # the source of logins that do not come over the network (tests, CLI)
DEMO_USERS = {  # name: (role, password, school ids) — created only by `pib users demo`
    "demo-bestuur": ("bestuur", "demo-bestuur-2026", ()),
    "demo-kwaliteit": ("kwaliteit", "demo-kwaliteit-2026", ()),
    "demo-school": ("school", "demo-school-2026", ("SCH0001", "SCH0002")),
    "demo-beheer": ("beheer", "demo-beheer-2026", ()),
}
_HASHER = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """A hash no password matches, verified for an unknown name so that it costs the same work
    as a known one (made once, at the first login, not at every import of this module)."""
    return _HASHER.hash("no user has this password")

_SCHEMA = """
create table if not exists users (
    name text primary key, role text not null, password_hash text not null,
    school_ids text not null default '', demo integer not null default 0,
    created_at text not null, updated_at text not null, email text
);
create table if not exists audit (
    id integer primary key autoincrement, at text not null, user text, role text,
    action text not null, detail text, source text
);
create table if not exists sessions (
    token_hash text primary key, user text not null, created_at real not null,
    last_seen real not null
);
"""


class AccessError(ValueError):
    """A user-management request that cannot be carried out."""


class StoreDamaged(AccessError):
    """The user store is not a readable SQLite file (a Dutch sentence); nothing was changed."""


class StoreUnavailable(Exception):
    """The user store is missing, empty or unreadable: nobody can log in (a Dutch sentence)."""


@dataclass(frozen=True)
class User:
    name: str
    role: str
    school_ids: tuple[str, ...]
    demo: bool
    email: str | None = None  # lower case; the only link to an OIDC identity (dashboard.oidc)


def access_path(db: str | Path | None = None) -> Path:
    """`<warehouse>.access.sqlite`, e.g. `data/warehouse.access.sqlite`."""
    path = warehouse_path(db)
    return path.with_name(path.stem + ".access.sqlite")


def _private(path: Path) -> None:
    """Create `path` empty with mode 0600 if absent; tighten an existing one to 0600."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)


@contextmanager
def _connect(db: str | Path | None = None) -> Iterator[sqlite3.Connection]:
    """One `BEGIN IMMEDIATE` transaction on the store (created, mode 0600, when absent):
    committed when the block ends, rolled back when it raises."""
    path = access_path(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    _private(path)
    con = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        try:
            con.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise StoreDamaged(f"Het gebruikersbestand {path} is beschadigd of geen "
                               f"SQLite-bestand ({exc}); er is niets gewijzigd. Zet een "
                               "reservekopie terug of verplaats het bestand en maak de "
                               "gebruikers opnieuw aan.") from None
        if "source" not in {c[1] for c in con.execute("pragma table_info(audit)")}:
            con.execute("alter table audit add column source text")  # stores before sessions
        if "email" not in {c[1] for c in con.execute("pragma table_info(users)")}:
            con.execute("alter table users add column email text")  # stores before OIDC login
        con.execute("create unique index if not exists users_email on users (email)")
        con.execute("begin immediate")
        try:
            yield con
        except BaseException:
            con.execute("rollback")
            raise
        con.execute("commit")
    finally:
        con.close()


@contextmanager
def _read_existing(db: str | Path | None = None) -> Iterator[sqlite3.Connection]:
    """A read-write connection to the store only when it exists and holds the tables; raise
    StoreUnavailable otherwise. Never creates the file (the dashboard fails closed)."""
    path = access_path(db)
    if not path.is_file():
        raise StoreUnavailable(f"Het gebruikersbestand {path} ontbreekt.")
    try:
        con = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=30,
                              isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreUnavailable(f"Het gebruikersbestand {path} kan niet worden geopend "
                               f"({exc}).") from None
    try:
        yield con
    except sqlite3.Error as exc:
        raise StoreUnavailable(f"Het gebruikersbestand {path} kan niet worden gelezen "
                               f"({exc}).") from None
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


def _user(name: str, role: str, school_ids: str, demo: int, email: str | None = None) -> User:
    return User(name, role, tuple(filter(None, school_ids.split(","))), bool(demo), email)


def normalise_email(address: str) -> str:
    """An e-mail address as stored and compared: stripped and in lower case (matching is
    case-insensitive). Raises AccessError (a Dutch sentence) for text that is not one address:
    no single `@` with text on both sides and a dot in the domain, spaces, over 254 characters."""
    email = address.strip().lower()
    local, at, domain = email.partition("@")
    if (not at or not local or "@" in domain or "." not in domain.strip(".") or len(email) > 254
            or any(c.isspace() for c in email)):
        raise AccessError(f"'{address}' is geen geldig e-mailadres.")
    return email


def _check_email_free(con: sqlite3.Connection, email: str | None, name: str) -> None:
    if email is None:
        return
    row = con.execute("select name from users where email = ? and name <> ?",
                      (email, name)).fetchone()
    if row:
        raise AccessError(f"Het e-mailadres {email} hoort al bij gebruiker '{row[0]}'.")


def add_user(name: str, role: str, password: str, school_ids: tuple[str, ...] = (),
             demo: bool = False, db: str | Path | None = None, email: str | None = None) -> None:
    """Add a user; `email` (optional, unique, case-insensitive) lets them log in with OIDC.
    Raises AccessError (a Dutch sentence) for a bad role, name, password, scope or e-mail."""
    _check_role(role)
    email = normalise_email(email) if email is not None else None
    if not name.strip() or len(name) > 64 or name != name.strip():
        raise AccessError("Een gebruikersnaam is 1 tot 64 tekens lang, zonder spaties aan het "
                          "begin of eind.")
    if len(password) < MIN_PASSWORD:
        raise AccessError(f"Een wachtwoord is minstens {MIN_PASSWORD} tekens lang.")
    scope = _scope(role, school_ids)
    with _connect(db) as con:
        if con.execute("select 1 from users where name = ?", (name,)).fetchone():
            raise AccessError(f"Gebruiker '{name}' bestaat al.")
        _check_email_free(con, email, name)
        con.execute("insert into users (name, role, password_hash, school_ids, demo, created_at, "
                    "updated_at, email) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    (name, role, _HASHER.hash(password), scope, int(demo), _now(), _now(),
                     email))


def remove_user(name: str, db: str | Path | None = None) -> None:
    """Remove a user and end their open sessions."""
    with _connect(db) as con:
        if con.execute("delete from users where name = ?", (name,)).rowcount == 0:
            raise AccessError(f"Gebruiker '{name}' bestaat niet.")
        con.execute("delete from sessions where user = ?", (name,))


def set_role(name: str, role: str, school_ids: tuple[str, ...] = (),
             db: str | Path | None = None) -> None:
    """Change a user's role; open sessions get it at their next interaction."""
    _check_role(role)
    scope = _scope(role, school_ids)
    with _connect(db) as con:
        changed = con.execute("update users set role = ?, school_ids = ?, updated_at = ? "
                              "where name = ?", (role, scope, _now(), name)).rowcount
        if changed == 0:
            raise AccessError(f"Gebruiker '{name}' bestaat niet.")


def set_email(name: str, email: str | None, db: str | Path | None = None) -> None:
    """Set (or with None remove) a user's e-mail address for OIDC login and end the user's open
    sessions (a login made through the old address must not outlive it). Raises AccessError
    for an unknown user, a bad address or one another user has."""
    email = normalise_email(email) if email is not None else None
    with _connect(db) as con:
        _check_email_free(con, email, name)
        changed = con.execute("update users set email = ?, updated_at = ? where name = ?",
                              (email, _now(), name)).rowcount
        if changed == 0:
            raise AccessError(f"Gebruiker '{name}' bestaat niet.")
        con.execute("delete from sessions where user = ?", (name,))


def list_users(db: str | Path | None = None) -> list[User]:
    with _connect(db) as con:
        rows = con.execute("select name, role, school_ids, demo, email from users "
                           "order by name")
        return [_user(*row) for row in rows]


def has_users(db: str | Path | None = None) -> bool:
    """Login is on as soon as one user exists. An unreadable store counts as having users:
    whoever asks must then fail closed."""
    try:
        with _read_existing(db) as con:
            return con.execute("select count(*) from users").fetchone()[0] > 0
    except StoreUnavailable:
        return access_path(db).exists()


def check_store(db: str | Path | None = None) -> None:
    """Raise StoreUnavailable when the store is missing, unreadable or has no user (then
    nobody can log in); never creates it."""
    with _read_existing(db) as con:
        if con.execute("select count(*) from users").fetchone()[0] == 0:
            raise StoreUnavailable(f"Het gebruikersbestand {access_path(db)} heeft geen "
                                   "gebruikers.")


def has_demo_users(db: str | Path | None = None) -> bool:
    """Whether demo users exist; False for a damaged store (the dashboard then stays closed)."""
    try:
        return any(u.demo for u in list_users(db)) if access_path(db).exists() else False
    except StoreDamaged:
        return False


def create_demo_users(db: str | Path | None = None) -> dict[str, tuple[str, str]]:
    """(Re)create the clearly marked demo users; returns name → (role, password)."""
    with _connect(db) as con:
        con.execute("delete from sessions where user in (select name from users "
                    "where demo = 1 or name like 'demo-%')")
        con.execute("delete from users where demo = 1 or name like 'demo-%'")
    for name, (role, password, schools) in DEMO_USERS.items():
        add_user(name, role, password, schools, demo=True, db=db)
    return {name: (role, password) for name, (role, password, _) in DEMO_USERS.items()}


def _insert_audit(con: sqlite3.Connection, action: str, detail: str, user: str | None,
                  role: str | None, source: str | None = None) -> int:
    return con.execute("insert into audit (at, user, role, action, detail, source) "
                       "values (?, ?, ?, ?, ?, ?)",
                       (_now(), user, role, action, detail, source)).lastrowid


def record_audit(action: str, detail: str, user: str | None, role: str | None,
                 db: str | Path | None = None, source: str | None = None) -> None:
    """Write one audit event (login, failed login, export, download, user change)."""
    with _connect(db) as con:
        _insert_audit(con, action, detail, user, role, source)


def cli_actor(by: str | None = None) -> str:
    """Who runs a `pib` command, for the audit: `--by NAME`, else the operating-system user."""
    if by and by.strip():
        return by.strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "onbekend"


def _refusal(con: sqlite3.Connection, name: str | None, source: str) -> str | None:
    """Why a login try from `source` is refused without checking the password, or None."""
    since = (datetime.now() - LOCKOUT).isoformat(timespec="seconds")
    failed = "action = 'login_failed' and at >= ?"
    by_source, last = con.execute(f"select count(*), max(at) from audit where {failed} "
                                  "and source = ?", (since, source)).fetchone()
    if by_source >= SOURCE_FREE:
        wait = min(2 ** (by_source - SOURCE_FREE + 1), LOCKOUT.total_seconds())
        left = datetime.fromisoformat(last) + timedelta(seconds=wait) - datetime.now()
        if left.total_seconds() > 0:
            return (f"te veel mislukte pogingen vanaf dit adres ({by_source} in "
                    f"{LOCKOUT.seconds // 60} minuten): wacht {wait:.0f} s")
    if name is None:
        return None
    (pair,) = con.execute(f"select count(*) from audit where {failed} and user = ? "
                          "and source = ?", (since, name, source)).fetchone()
    if pair >= MAX_FAILURES:
        return (f"geblokkeerd voor dit adres na {MAX_FAILURES} mislukte pogingen in "
                f"{LOCKOUT.seconds // 60} minuten")
    (total,) = con.execute(f"select count(*) from audit where {failed} and user = ?",
                           (since, name)).fetchone()
    if total >= MAX_USER_FAILURES:
        return (f"account geblokkeerd na {MAX_USER_FAILURES} mislukte pogingen in "
                f"{LOCKOUT.seconds // 60} minuten vanaf verschillende adressen")
    return None


def authenticate(name: str, password: str, db: str | Path | None = None,
                 source: str = LOCAL) -> User | None:
    """The user when the password is right and no limit refuses the try; audited either way.

    The audit names a failed try by the user name only when that user exists (the typed text
    is never stored: it may be a password typed in the wrong field), with the source address.
    The limits (see the module) are checked and the try is counted as a failure in one
    `BEGIN IMMEDIATE` transaction before the password is checked, so of many parallel tries
    at most the allowed number reach the password check; a right password turns its row into
    a login."""
    name = name.strip()
    with _connect(db) as con:
        row = con.execute("select role, password_hash, school_ids, demo from users "
                          "where name = ?", (name,)).fetchone()
        known = name if row else None
        refused = _refusal(con, known, source)
        if refused:
            _insert_audit(con, "login_refused", refused, known, None, source)
            return None
        detail = "onjuist wachtwoord" if row else "onbekende gebruikersnaam"
        attempt = _insert_audit(con, "login_failed", detail, known, None, source)
    try:
        ok = _HASHER.verify(row[1] if row else _dummy_hash(), password) and bool(row)
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok:
        return None
    with _connect(db) as con:
        con.execute("update audit set action = 'login', detail = 'dashboard', role = ? "
                    "where id = ?", (row[0], attempt))
    return _user(name, row[0], row[2], row[3])


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_session(user: str, db: str | Path | None = None) -> str:
    """A new login session for `user`: returns its random token (for the browser's cookie);
    the store keeps only the token's SHA-256. Also removes sessions idle too long."""
    token = secrets.token_urlsafe(32)
    with _connect(db) as con:
        _insert_session(con, token, user)
    return token


def _insert_session(con: sqlite3.Connection, token: str, user: str) -> None:
    now = time.time()
    con.execute("delete from sessions where last_seen < ?", (now - SESSION_IDLE.total_seconds(),))
    con.execute("insert or replace into sessions values (?, ?, ?, ?)",
                (_token_hash(token), user, now, now))


def oidc_login(claims: Mapping[str, Any], provider: str, db: str | Path | None = None,
               source: str = LOCAL, now: float | None = None) -> tuple[User | None, str]:
    """Sign in the identity `claims` (Streamlit's `st.user` after `st.login`) from `provider`.

    Returns (user, "") and opens a login session named `dashboard.oidc.session_key(claims)`
    (the same sessions as a password login: idle expiry, role read afresh at every
    interaction, ended by logout or removal) when `dashboard.oidc.match_identity` finds an
    active user by e-mail; else (None, outcome) with the refusal's outcome
    (`dashboard.oidc.REFUSALS`). Either is audited (`login` with detail `oidc PROVIDER`, or
    `login_refused` naming only the domain of an unknown address); `stale` (an identity issued
    too long ago to open a new session) is not an attempt and is not audited. Raises
    StoreUnavailable when the store is missing, empty or unreadable (fail closed)."""
    check_store(db)
    with _connect(db) as con:
        rows = con.execute("select name, role, school_ids, demo, email from users "
                           "where email is not null")
        match = oidc.match_identity(claims, [_user(*row) for row in rows],
                                    time.time() if now is None else now)
        if match.user is not None:
            _insert_session(con, oidc.session_key(claims), match.user.name)
            _insert_audit(con, "login", f"oidc {provider}", match.user.name, match.user.role,
                          source)
        elif match.outcome != oidc.STALE:
            _insert_audit(con, "login_refused", f"oidc {provider}: {match.detail}", None, None,
                          source)
    return match.user, match.outcome


def session_user(token: str | None, db: str | Path | None = None) -> User | None:
    """The user of a live session, with their role and schools as stored now (so a removed
    user or a changed role takes effect at the next interaction); None for no, an unknown or
    an expired token (idle longer than SESSION_IDLE; then it is deleted). Raises
    StoreUnavailable when the store is missing or unreadable; never creates it."""
    if not token:
        return None
    now = time.time()
    with _read_existing(db) as con:
        row = con.execute("select u.name, u.role, u.school_ids, u.demo, s.last_seen "
                          "from sessions s join users u on u.name = s.user "
                          "where s.token_hash = ?", (_token_hash(token),)).fetchone()
        if row is None:
            return None
        if now - row[4] > SESSION_IDLE.total_seconds():
            con.execute("delete from sessions where token_hash = ?", (_token_hash(token),))
            return None
        if now - row[4] > _TOUCH_EVERY:
            con.execute("update sessions set last_seen = ? where token_hash = ?",
                        (now, _token_hash(token)))
    return _user(*row[:4])


def end_session(token: str | None, db: str | Path | None = None) -> None:
    """Delete a session (logout); an unknown token or a missing store is fine."""
    if not token:
        return
    try:
        with _read_existing(db) as con:
            con.execute("delete from sessions where token_hash = ?", (_token_hash(token),))
    except StoreUnavailable:
        return


def audit_log(limit: int = 200, db: str | Path | None = None) -> list[tuple]:
    """The latest events, newest first: (at, user, role, action, detail)."""
    with _connect(db) as con:
        return con.execute("select at, user, role, action, detail from audit "
                           "order by id desc limit ?", (limit,)).fetchall()
