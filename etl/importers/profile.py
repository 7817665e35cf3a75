"""Importer for an export of another system, read through a source profile (CONTRACT §6).

`pib load --source NAME` (or a file whose name matches a layout's `match` globs) takes this
importer: `etl.profiles.apply` turns the export into canonical rows, each with the spreadsheet
row it came from; those rows then go through the canonical import — the same checks, the same
quarantine, the same upsert — as if they had been a canonical file. The rows the profile itself
could not translate (a value without a mapping) are quarantined under the same load with the
profile's reason, and the rows it dropped (empty, totals, `Nee` in a thuiszitter column) are
counted in the summary.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

import polars as pl

from etl.filerules import FileRules
from etl.importers.base import FileReport, Run
from etl.importers.bookkeeping import Entry
from etl.importers.canonical import CanonicalFile, CanonicalImporter
from etl.profiles import Applied, Profile, apply
from etl.readers import LINE, PROBLEM, PROBLEM_COLUMN, sha256_of
from etl.schema import ENTITIES, Entity
from etl.settings import get_settings


@dataclass
class ProfileReport(FileReport):
    """A FileReport plus the profile's own account of the file (layout, drops, derivations)."""

    notes: list[str] = field(default_factory=list)

    def summary(self) -> str | None:
        return "\n".join(self.notes) or None


@dataclass
class FrameSource:
    """Canonical rows already in memory, read like a canonical file (`etl.readers.SourceFile`):
    text columns named as the entity, the spreadsheet row of each in `LINE`."""

    path: Path
    entity: Entity
    sha256: str
    frame: pl.DataFrame
    warnings: list[str] = field(default_factory=list)
    blank_rows: int = 0
    rules: FileRules = field(default_factory=lambda: FileRules(
        terminology=get_settings().terminology))  # the profile wrote dates and numbers plainly

    @property
    def columns(self) -> list[str]:
        return self.frame.columns

    def batches(self, size: int = 250_000) -> Iterator[pl.DataFrame]:
        none = pl.lit(None, pl.String)
        for start in range(0, self.frame.height, size):
            yield self.frame.slice(start, size).with_columns(
                none.alias(PROBLEM), none.alias(PROBLEM_COLUMN))


@dataclass
class ProfileFile(CanonicalFile):
    """An export translated by its profile: the canonical rows and what the profile rejected."""

    applied: Applied | None = None


class ProfileImporter(CanonicalImporter):
    """One source profile as an importer; `name` is the profile's name, and `load_log.source`
    of every file it loads."""

    def __init__(self, profile: Profile):
        self.profile = profile
        self.name = profile.name
        self.description = profile.description or f"bronprofiel {profile.name}"
        self._digest = hashlib.sha256(profile.path.read_bytes()).hexdigest()

    def recognise(self, path: Path) -> bool:
        """A file whose name matches one of the layouts' `match` globs (case-insensitive)."""
        name = path.name.casefold()
        return any(fnmatch(name, glob.casefold())
                   for layout in self.profile.layouts for glob in layout.match)

    def open(self, path: Path, workdir: Path, entity: Entity | None = None) -> ProfileFile:
        """Translate the export (with `entity`, only the profile's layouts for that entity).
        Its key joins the file's content with the profile's, so the same file read with a
        changed profile loads again. FileRejected (from `apply`) when the file cannot be read
        or fits no layout of the profile."""
        applied = apply(self.profile, path, entity.name if entity else None)
        entity = ENTITIES[applied.summary.entity]
        key = hashlib.sha256(f"{sha256_of(path)}:{self._digest}".encode()).hexdigest()
        source = FrameSource(path, entity, key, applied.canonical.rename({"source_line": LINE}))
        return ProfileFile(path, entity.name, key, source.warnings, source,
                           applied.summary.also_pseudonymise, applied)

    def report(self, opened: CanonicalFile) -> FileReport:
        assert isinstance(opened, ProfileFile) and opened.applied is not None
        return ProfileReport(opened.path.name, opened.entity,
                             notes=opened.applied.summary.lines())

    def prepare(self, entry: Entry, opened: CanonicalFile, run: Run) -> None:
        """Quarantine the rows the profile rejected. (The columns it built from a pupil id are
        pseudonymised in the insert, with pupil_id: `CanonicalFile.pupil_derived`.)"""
        assert isinstance(opened, ProfileFile) and opened.applied is not None
        summary, rejected = opened.applied.summary, opened.applied.rejected
        if rejected.height:  # reasons named by their column, as the canonical checks do
            entry.quarantine(rejected.with_columns(
                pl.format("{}: {}", "column_name", "reason").alias("reason")), line_column="line")
        # every row of the file counts as read: the canonical rows add themselves
        entry.rep.rows_read += rejected.height + sum(summary.dropped.values())
