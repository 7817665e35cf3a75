"""`pib users add|list|remove|set-role|set-email|demo`: dashboard users of the warehouse
in PIB_DB."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from dashboard import access
from dashboard.cli.console import err, out

users_app = typer.Typer(no_args_is_help=True, help="Gebruikers van het dashboard beheren.")

DbOption = Annotated[Path | None, typer.Option("--db", help="Warehouse-bestand.")]
RoleArg = Annotated[str, typer.Option(
    "--role", help="bestuur, kwaliteit, school, beheer, clb of begeleider.")]
ByOption = Annotated[str | None, typer.Option(
    "--by", help="Wie de wijziging doet, voor het auditlogboek (standaard de gebruiker van het "
                 "besturingssysteem).")]
SchoolOption = Annotated[
    list[str] | None, typer.Option(
        "--school", help="School-id (rollen school, clb en begeleider; herhaalbaar).")
]
EmailOption = Annotated[str | None, typer.Option(
    "--email", help="E-mailadres voor inloggen met het organisatieaccount (OIDC); uniek, "
                    "hoofdletters tellen niet.")]


def _run(action, *args, **kwargs) -> None:
    try:
        action(*args, **kwargs)
    except access.AccessError as exc:
        err.print(str(exc), markup=False, soft_wrap=True)
        raise typer.Exit(1 if isinstance(exc, access.StoreDamaged) else 2) from None


@users_app.command("add")
def add(
    name: str, role: RoleArg,
    password_stdin: Annotated[bool, typer.Option("--password-stdin",
                                                 help="Lees het wachtwoord van stdin.")] = False,
    school: SchoolOption = None, email: EmailOption = None, db: DbOption = None,
    by: ByOption = None,
) -> None:
    """Voeg een gebruiker toe (wachtwoord via --password-stdin)."""
    if not password_stdin:
        err.print("Geef het wachtwoord via --password-stdin (nooit als argument).")
        raise typer.Exit(2)
    password = sys.stdin.readline().rstrip("\r\n")
    _run(access.add_user, name, role, password, tuple(school or ()), db=db, email=email)
    access.record_audit("user_add", f"{name} ({role}{', e-mail' if email else ''})",
                        access.cli_actor(by), "beheer", db, source=access.LOCAL)
    out.print(f"Gebruiker {name} toegevoegd met rol {role}.")


@users_app.command("list")
def list_cmd(db: DbOption = None) -> None:
    """Toon alle gebruikers en hun rol."""
    table = Table("gebruiker", "rol", "scholen", "demo", "e-mail")
    for user in access.list_users(db):
        table.add_row(user.name, user.role, ", ".join(user.school_ids),
                      "ja" if user.demo else "", user.email or "")
    out.print(table)


@users_app.command("remove")
def remove(name: str, db: DbOption = None, by: ByOption = None) -> None:
    """Verwijder een gebruiker."""
    _run(access.remove_user, name, db=db)
    access.record_audit("user_remove", name, access.cli_actor(by), "beheer", db,
                        source=access.LOCAL)
    out.print(f"Gebruiker {name} verwijderd.")


@users_app.command("set-role")
def set_role(name: str, role: RoleArg, school: SchoolOption = None, db: DbOption = None,
             by: ByOption = None) -> None:
    """Wijzig de rol van een gebruiker."""
    _run(access.set_role, name, role, tuple(school or ()), db=db)
    access.record_audit("user_set_role", f"{name} ({role})", access.cli_actor(by), "beheer",
                        db, source=access.LOCAL)
    out.print(f"Gebruiker {name} heeft nu rol {role}.")


@users_app.command("set-email")
def set_email(
    name: str,
    email: Annotated[str | None, typer.Argument(
        help="Het e-mailadres; weglaten met --remove.")] = None,
    remove: Annotated[bool, typer.Option("--remove", help="Haal het e-mailadres weg.")] = False,
    db: DbOption = None, by: ByOption = None,
) -> None:
    """Koppel een e-mailadres aan een gebruiker (inloggen met het organisatieaccount), of haal
    het weg met --remove; beëindigt de open sessies van die gebruiker."""
    if (email is None) != remove:
        err.print("Geef een e-mailadres, of --remove om het weg te halen (niet allebei).")
        raise typer.Exit(2)
    _run(access.set_email, name, email, db=db)
    access.record_audit("user_set_email", f"{name} ({'weg' if remove else 'gezet'})",
                        access.cli_actor(by), "beheer", db, source=access.LOCAL)
    out.print(f"Gebruiker {name}: e-mailadres {'weggehaald' if remove else 'gezet'}.")


@users_app.command("demo")
def demo(db: DbOption = None, by: ByOption = None) -> None:
    """Maak de gemarkeerde demogebruikers aan en toon hun wachtwoorden."""
    table = Table("gebruiker", "rol", "wachtwoord", title="DEMO-gebruikers (alleen voor de demo)")
    created = access.create_demo_users(db)
    access.record_audit("user_demo", "demogebruikers (opnieuw) aangemaakt: " + ", ".join(created),
                        access.cli_actor(by), "beheer", db, source=access.LOCAL)
    for name, (role, password) in created.items():
        table.add_row(name, role, password)
    out.print(table)
    out.print("Let op: `pib serve` zonder --demo weigert te starten zolang deze gebruikers "
              "bestaan.")
