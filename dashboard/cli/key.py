"""`pib key show`: where the pseudonymisation key comes from and whether it is the warehouse's."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from dashboard.cli.console import err, out
from etl.pseudonym import KeyProblem, Pseudonymiser, key_file, secret_key, warehouse_fingerprint
from etl.settings import warehouse_path

key_app = typer.Typer(no_args_is_help=True, help="De pseudonimiseringssleutel.")


@key_app.command("show")
def show(db: Annotated[Path | None, typer.Option("--db", help="Warehouse-bestand.")] = None
         ) -> None:
    """Toon waar de sleutel vandaan komt, zijn vingerafdruk en of het warehouse ermee is
    gebouwd (exit 1 als dat niet zo is). De sleutel zelf wordt nooit getoond."""
    try:
        key = secret_key(db)
    except KeyProblem as exc:
        err.print(str(exc), markup=False, soft_wrap=True)
        raise typer.Exit(1) from None
    where = "PIB_SECRET" if os.environ.get("PIB_SECRET") else str(key_file())
    pseudonymiser = Pseudonymiser(key)
    stored = warehouse_fingerprint(db)
    out.print(f"Sleutel uit: {where}\nVingerafdruk: {pseudonymiser.fingerprint}\n"
              f"Warehouse {warehouse_path(db)}: "
              + ("nog geen sleutel vastgelegd" if stored is None
                 else f"gebouwd met vingerafdruk {stored}"), markup=False, soft_wrap=True)
    if stored is not None and stored != pseudonymiser.fingerprint:
        err.print("Deze sleutel is niet die van het warehouse: pib load zal weigeren.",
                  markup=False)
        raise typer.Exit(1)
