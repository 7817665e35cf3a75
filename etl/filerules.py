"""How the values of one input file are read, and what reading them found.

A source profile may set `date_formats` and `decimal` per file; without one the defaults of
CONTRACT §2 apply (`etl.dates`, `etl.numbers`). While the batches of a file are checked, the
rows dropped or rewritten are tallied here, and `notes()` turns that into the lines of the load
summary (also stored in `load_log.message`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from etl.dates import DEFAULT_DATE_FORMATS
from etl.municipalities import CodeSystem, code_system
from etl.numbers import MARK_NAMES


@dataclass
class FileRules:
    """The reading rules of one file (set by a source profile, else the defaults) and the
    tallies of what applying them found. One object per file; filled by one thread."""

    date_formats: tuple[str, ...] = DEFAULT_DATE_FORMATS  # strptime formats, tried in order
    decimal: str | None = None  # the profile's decimal mark, "," or "."
    terminology: str = "nl"  # which municipality codes apply: nl (CBS) or vl (NIS)
    load_date: date = field(default_factory=date.today)  # dates after it + 1 year are implausible
    trimmed: bool = False  # values come trimmed, empty as null (a source profile's translation)
    detected: str | None = None  # the decimal mark found in the values (when no profile says)
    number_evidence: tuple[int, int] = (0, 0)  # values that read under a comma / point only
    totals_lines: list[int] = field(default_factory=list)  # totals and footer rows dropped
    moved: Counter = field(default_factory=Counter)  # (old code, today's code) -> rows
    unknown_municipality: int = 0  # rows with municipality_code `unknown`

    @property
    def mark(self) -> str | None:
        """The decimal mark numbers are read with; None when the file gives no evidence."""
        return self.decimal or self.detected

    @property
    def mark_source(self) -> str:
        return "uit het bronprofiel" if self.decimal else "gevonden in de waarden"

    @property
    def codes(self) -> CodeSystem:
        return code_system(self.terminology)

    def notes(self, file_name: str, has_numbers: bool) -> list[str]:
        """The lines of the load summary about this file."""
        notes = []
        if has_numbers and self.mark:
            comma, point = self.number_evidence
            seen = f": {comma} waarde(n) met komma, {point} met punt" if self.detected else ""
            notes.append(f"{file_name}: decimaalteken {MARK_NAMES[self.mark]} "
                         f"({self.mark_source}{seen}).")
        if self.totals_lines:
            lines = ", ".join(map(str, self.totals_lines[:10]))
            more = " ..." if len(self.totals_lines) > 10 else ""
            notes.append(f"{file_name}: {len(self.totals_lines)} totaal- of voetregel(s) "
                         f"overgeslagen (regel {lines}{more}).")
        names = self.codes.names
        for (old, new), rows in sorted(self.moved.items()):
            notes.append(f"{file_name}: gemeentecode {old} → {new} ({names.get(new, new)}): "
                         f"{_rows(rows)}.")
        if self.unknown_municipality:
            notes.append(f"{file_name}: {_rows(self.unknown_municipality)} met gemeentecode "
                         "unknown (de bron zegt het niet).")
        return notes


def _rows(count: int) -> str:
    return f"{count} rij" if count == 1 else f"{count} rijen"
