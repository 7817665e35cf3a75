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
from etl.importers.profile import ProfileImporter
from etl.profiles import available_profiles, load_profile

__all__ = ["IMPORTERS", "FileReport", "Importer", "Opened", "Progress", "Run", "importer_for",
           "recognise"]

IMPORTERS: dict[str, Importer] = {
    imp.name: imp for imp in (Cbs85701Importer(), DuoScholenImporter(), CanonicalImporter())
}


def importer_for(name: str) -> Importer:
    """The importer named `name` (`pib load --source NAME`): a built-in one, else the source
    profile of that name (a user's in `profiles/` wins over a shipped one, `etl.profiles`).
    ValueError (a Dutch sentence naming the known sources and profiles, or what is wrong with
    the profile) otherwise."""
    if name in IMPORTERS:
        return IMPORTERS[name]
    if name not in available_profiles() and not name.lower().endswith(".toml"):
        raise ValueError(f"Onbekende bron '{name}'; bekend zijn: {', '.join(IMPORTERS)} en de "
                         f"bronprofielen {', '.join(sorted(available_profiles()))}.")
    return ProfileImporter(load_profile(name))  # ProfileError is a ValueError


def recognise(path: Path) -> Importer:
    """The importer of a file given without `--source`: the first built-in importer that
    recognises it, else a source profile whose `match` globs name it, else `canonical`."""
    *special, canonical = IMPORTERS.values()
    for imp in special:
        if imp.recognise(path):
            return imp
    for name in available_profiles():
        profile = ProfileImporter(load_profile(name))
        if profile.recognise(path):
            return profile
    return canonical
