"""What every `pib` command prints through: standard output, standard error, and `fail`."""

from __future__ import annotations

from typing import NoReturn

import typer
from rich.console import Console

out = Console()
err = Console(stderr=True)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a Dutch sentence to stderr and end the command with `code` (1 input rejected,
    2 usage error)."""
    err.print(message, markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(code)
