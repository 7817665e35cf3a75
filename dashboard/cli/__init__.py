"""The `pib` command line: the top layer, over the loader, the query layer and the reports."""

from dashboard.cli.main import main

__all__ = ["main"]
