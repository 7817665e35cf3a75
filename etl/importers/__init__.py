"""The importers of `pib load`, one per kind of input file, and their registry.

`IMPORTERS` lists them by `--source` name in the order a file is recognised in: the first whose
`recognise` is true takes a file given without `--source`; `canonical`, last, takes every
other. The `pib load --source` choices and help come from here. A source profile (CONTRACT
section 6) is looked up by `importer_for` as one more importer.
"""

from __future__ import annotations

from pathlib import Path

from etl.importers.base import FileReport, Importer, Opened, Progress, Run
from etl.importers.canonical import CanonicalImporter
from etl.importers.cbs_85701 import Cbs85701Importer
from etl.importers.duo_scholen import DuoScholenImporter

__all__ = ["IMPORTERS", "FileReport", "Importer", "Opened", "Progress", "Run", "importer_for",
           "recognise"]

IMPORTERS: dict[str, Importer] = {
    imp.name: imp for imp in (Cbs85701Importer(), DuoScholenImporter(), CanonicalImporter())
}


def importer_for(name: str) -> Importer:
    """The importer named `name` (`pib load --source NAME`); ValueError naming the known ones
    when there is none."""
    if name not in IMPORTERS:
        raise ValueError(f"Onbekende bron '{name}'; bekend zijn: {', '.join(IMPORTERS)}.")
    return IMPORTERS[name]


def recognise(path: Path) -> Importer:
    """The first importer that recognises the file (`canonical` takes every other)."""
    return next(imp for imp in IMPORTERS.values() if imp.recognise(path))
