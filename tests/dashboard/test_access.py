"""Users, roles, Argon2 hashes, lockout and the audit trail."""

from __future__ import annotations

import getpass
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

import pytest

from dashboard import access

PIB = str(Path(sys.executable).with_name("pib"))


def test_password_is_stored_only_as_an_argon2_hash(warehouse):
    access.add_user("anna", "bestuur", "geheim-wachtwoord")
    con = sqlite3.connect(access.access_path())
    (stored,) = con.execute("select password_hash from users").fetchone()
    con.close()
    assert stored.startswith("$argon2id$") and "geheim" not in stored
    assert b"geheim-wachtwoord" not in access.access_path().read_bytes()


def test_authenticate_right_and_wrong_password_are_audited(warehouse):
    access.add_user("anna", "kwaliteit", "geheim-wachtwoord")
    assert access.authenticate("anna", "fout-wachtwoord") is None
    user = access.authenticate("anna", "geheim-wachtwoord")
    assert (user.name, user.role) == ("anna", "kwaliteit")
    actions = [(a, u) for _, u, _, a, _ in access.audit_log()]
    assert actions == [("login", "anna"), ("login_failed", "anna")]


def test_too_many_failures_lock_the_account(warehouse):
    access.add_user("anna", "bestuur", "geheim-wachtwoord")
    for _ in range(access.MAX_FAILURES):
        assert access.authenticate("anna", "fout") is None
    assert access.authenticate("anna", "geheim-wachtwoord") is None


def test_roles_are_checked_and_school_needs_schools(warehouse):
    with pytest.raises(access.AccessError, match="Onbekende rol 'baas'"):
        access.add_user("x", "baas", "geheim-wachtwoord")
    with pytest.raises(access.AccessError, match="--school"):
        access.add_user("x", "school", "geheim-wachtwoord")
    access.add_user("x", "school", "geheim-wachtwoord", ("SCH1", "SCH2"))
    access.set_role("x", "bestuur")
    assert access.list_users() == [access.User("x", "bestuur", (), False)]


def test_short_password_and_duplicate_user_are_refused(warehouse):
    with pytest.raises(access.AccessError, match="minstens 10 tekens"):
        access.add_user("x", "bestuur", "kort")
    access.add_user("x", "bestuur", "geheim-wachtwoord")
    with pytest.raises(access.AccessError, match="bestaat al"):
        access.add_user("x", "bestuur", "geheim-wachtwoord")


def test_users_cli_add_list_set_role_remove(warehouse):
    def pib(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run([PIB, "users", *args], input=stdin, capture_output=True,
                              text=True, timeout=60)

    assert pib("add", "piet", "--role", "bestuur", "--password-stdin",
               stdin="lang-genoeg-wachtwoord\n").returncode == 0
    assert pib("add", "piet", "--role", "baas", "--password-stdin",
               stdin="lang-genoeg-wachtwoord\n").returncode == 2
    assert pib("add", "kees", "--role", "bestuur").returncode == 2  # no password on argv
    assert pib("set-role", "piet", "--role", "kwaliteit").returncode == 0
    listing = pib("list").stdout
    assert "piet" in listing and "kwaliteit" in listing
    assert pib("remove", "piet").returncode == 0
    assert pib("remove", "piet").returncode == 2
    assert "piet" not in pib("list").stdout


def test_serve_refuses_demo_passwords_outside_demo_mode(warehouse):
    access.create_demo_users()
    result = subprocess.run([PIB, "serve", "--port", "1"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 1 and "demogebruikers" in result.stderr


def _audit_rows() -> list[tuple]:
    con = sqlite3.connect(access.access_path())
    rows = con.execute("select user, action, detail, source from audit order by id").fetchall()
    con.close()
    return rows


def test_twenty_parallel_wrong_tries_reach_the_password_check_at_most_five_times(warehouse):
    access.add_user("anna", "bestuur", "geheim-wachtwoord")
    with ThreadPoolExecutor(20) as pool:
        results = list(pool.map(lambda _: access.authenticate("anna", "fout", source="10.0.0.9"),
                                range(20)))
    assert results == [None] * 20
    actions = [a for _, a, _, _ in _audit_rows()]
    assert actions.count("login_failed") == access.MAX_FAILURES
    assert actions.count("login_refused") == 20 - access.MAX_FAILURES


def test_one_source_cannot_lock_out_the_real_user(warehouse):
    access.add_user("anna", "bestuur", "geheim-wachtwoord")
    for _ in range(access.MAX_FAILURES):
        assert access.authenticate("anna", "fout", source="10.6.6.6") is None
    assert access.authenticate("anna", "geheim-wachtwoord", source="10.6.6.6") is None
    user = access.authenticate("anna", "geheim-wachtwoord", source="10.1.1.1")
    assert user is not None and user.name == "anna"
    refused = [d for u, a, d, s in _audit_rows() if a == "login_refused"]
    assert refused == ["geblokkeerd voor dit adres na 5 mislukte pogingen in 15 minuten"]


def test_many_sources_together_lock_the_account_and_the_audit_names_it(warehouse):
    access.add_user("anna", "bestuur", "geheim-wachtwoord")
    for i in range(access.MAX_USER_FAILURES):
        assert access.authenticate("anna", "fout", source=f"10.0.{i}.1") is None
    assert access.authenticate("anna", "geheim-wachtwoord", source="10.1.1.1") is None
    assert _audit_rows()[-1][1:3] == (
        "login_refused", "account geblokkeerd na 30 mislukte pogingen in 15 minuten vanaf "
        "verschillende adressen")


class _Frozen(datetime):
    """datetime with a clock that stands still: a test of waiting times must not depend on how
    long eleven password checks take on a busy machine."""

    @classmethod
    def now(cls, tz=None):
        return cls(2026, 11, 30, 12, 0, 0)


def test_a_source_that_keeps_failing_must_wait_longer_each_time(warehouse, monkeypatch):
    monkeypatch.setattr(access, "datetime", _Frozen)
    for i in range(access.SOURCE_FREE):  # names that do not exist: a spray over many accounts
        assert access.authenticate(f"naam{i}", "fout", source="10.7.7.7") is None
    assert access.authenticate("nog-een", "fout", source="10.7.7.7") is None
    user, action, detail, source = _audit_rows()[-1]
    assert (user, action, source) == (None, "login_refused", "10.7.7.7")
    assert detail == "te veel mislukte pogingen vanaf dit adres (10 in 15 minuten): wacht 2 s"


def test_a_failed_login_stores_no_typed_text(warehouse):
    access.add_user("anna", "bestuur", "geheim-wachtwoord")
    assert access.authenticate("geheim-wachtwoord", "anna") is None  # fields swapped
    assert access.authenticate("anna", "mijn-getypte-tekst") is None
    rows = _audit_rows()
    assert rows == [(None, "login_failed", "onbekende gebruikersnaam", "lokaal"),
                    ("anna", "login_failed", "onjuist wachtwoord", "lokaal")]
    raw = access.access_path().read_bytes()
    assert b"mijn-getypte-tekst" not in raw and b"geheim-wachtwoord" not in raw


def test_a_session_follows_the_user_store_and_expires_after_eight_idle_hours(warehouse):
    access.add_user("anna", "bestuur", "geheim-wachtwoord")
    token = access.create_session("anna")
    assert token.encode() not in access.access_path().read_bytes()  # only its hash is stored
    assert access.session_user(token).role == "bestuur"
    access.set_role("anna", "kwaliteit")
    assert access.session_user(token).role == "kwaliteit"
    con = sqlite3.connect(access.access_path())
    with con:
        con.execute("update sessions set last_seen = last_seen - ?",
                    (access.SESSION_IDLE.total_seconds() - 60,))
    assert access.session_user(token).name == "anna"  # 7 h 59 min idle: still on, touched
    with con:
        con.execute("update sessions set last_seen = last_seen - ?",
                    (access.SESSION_IDLE.total_seconds() + 1,))
    assert access.session_user(token) is None
    assert con.execute("select count(*) from sessions").fetchone() == (0,)
    con.close()
    second = access.create_session("anna")
    access.remove_user("anna")
    assert access.session_user(second) is None
    other = access.create_session("anna")  # a session of a name that no longer exists
    assert access.session_user(other) is None
    access.add_user("bob", "bestuur", "geheim-wachtwoord")
    ended = access.create_session("bob")
    access.end_session(ended)
    assert access.session_user(ended) is None


def test_session_lookup_fails_closed_and_never_creates_the_store(warehouse):
    with pytest.raises(access.StoreUnavailable, match="ontbreekt"):
        access.session_user("iets")
    assert not access.access_path().exists()
    access.access_path().write_bytes(b"geen sqlite")
    with pytest.raises(access.StoreUnavailable):
        access.session_user("iets")
    assert access.has_users()  # an unreadable store counts as having users: stay closed


def test_the_access_store_is_private(warehouse):
    access.add_user("anna", "bestuur", "geheim-wachtwoord")
    assert access.access_path().stat().st_mode & 0o777 == 0o600
    access.access_path().chmod(0o644)
    access.list_users()
    assert access.access_path().stat().st_mode & 0o777 == 0o600


def test_cli_user_changes_and_demo_users_are_audited_with_who_did_them(warehouse):
    def pib(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run([PIB, "users", *args], input=stdin, capture_output=True,
                              text=True, timeout=60)

    assert pib("add", "piet", "--role", "bestuur", "--password-stdin", "--by", "jan",
               stdin="lang-genoeg-wachtwoord\n").returncode == 0
    assert pib("set-role", "piet", "--role", "kwaliteit").returncode == 0
    assert pib("demo", "--by", "jan").returncode == 0
    events = [(u, a) for _, u, _, a, _ in access.audit_log()][::-1]
    assert events == [("jan", "user_add"), (getpass.getuser(), "user_set_role"),
                      ("jan", "user_demo")]


def test_serve_refuses_the_network_without_users(warehouse):
    result = subprocess.run([PIB, "serve", "--host", "0.0.0.0", "--port", "1"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "geen gebruikers" in result.stderr


def test_serve_binds_this_computer_unless_told_otherwise():
    from dashboard.cli.serve import command

    assert "--server.address=127.0.0.1" in command(8501)
    assert "--server.address=0.0.0.0" in command(8501, "0.0.0.0")


def test_a_damaged_store_is_a_sentence_and_exit_1_never_a_traceback(warehouse):
    access.access_path().write_bytes(b"dit is geen sqlite-bestand " * 100)
    for args in (["users", "list"], ["users", "remove", "piet"]):
        result = subprocess.run([PIB, *args], capture_output=True, text=True, timeout=60)
        assert result.returncode == 1, result.stderr
        assert "is beschadigd of geen SQLite-bestand" in result.stderr
        assert "Traceback" not in result.stderr
    assert not access.has_demo_users()
