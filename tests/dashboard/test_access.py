"""Users, roles, Argon2 hashes, lockout and the audit trail."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
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
