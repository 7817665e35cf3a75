"""Draft a source profile for an unseen export (`pib profile init`): columns matched by name
through the synonym list (`synonyms.toml`), every value of a code column listed to map."""

from __future__ import annotations

import json
import tempfile
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import polars as pl

from etl.profiles.transform import HEADER_SEARCH_ROWS, LINE, _key, read_dates, read_rows
from etl.readers import FileRejected
from etl.schema import ENTITIES, Entity

SYNONYMS = Path(__file__).resolve().parent / "synonyms.toml"
MAX_VALUES = 60  # distinct values listed per code column
_SAMPLE = 2000  # values sampled to guess a date format
# formats the canonical loader reads itself, then others an export may use (%y: 24 is 2024)
_LOADER_DATES = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")
_OTHER_DATES = ("%d-%m-%y", "%d/%m/%y", "%d.%m.%Y", "%d.%m.%y", "%m/%d/%Y", "%Y/%m/%d")


def _norm(name: str) -> str:
    return "".join(ch for ch in _key(name) if ch.isalnum())


@cache
def synonyms() -> dict[str, tuple[str, ...]]:
    """Canonical column -> normalised names that mean it (its own name first)."""
    raw = tomllib.loads(SYNONYMS.read_text(encoding="utf-8"))
    names = {c.name for e in ENTITIES.values() for c in e.columns}
    return {c: (_norm(c), *(_norm(n) for n in raw.get(c, []))) for c in sorted(names)}


def guess_code(value: str, codes: tuple[str, ...]) -> str:
    """The canonical code a source value already is (trimmed, any case), else ""."""
    return value.strip().lower() if value.strip().lower() in codes else ""


def match_columns(entity: Entity, header: list[str]) -> dict[str, str]:
    """Canonical column -> the source column it matched (each source column used once)."""
    found: dict[str, str] = {}
    used: set[str] = set()
    table = synonyms()
    for column in entity.columns:
        for wanted in table[column.name]:
            hit = next((h for h in header if h.strip() and h not in used and _norm(h) == wanted),
                       None)
            if hit is not None:
                found[column.name] = hit.strip()
                used.add(hit)
                break
    return found


def _pick_header(entity: Entity):
    def pick(rows: list[list[str]]) -> tuple[None, int]:
        scored = [(len(match_columns(entity, row)), -i) for i, row in enumerate(rows)]
        best = max(scored, default=(0, 0))
        if best[0]:
            return None, 1 - best[1]
        filled = next((i for i, row in enumerate(rows) if any(c.strip() for c in row)), 0)
        return None, filled + 1
    return pick


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _date_format(values: pl.Series) -> str | None:
    """A date format that reads every sampled value, when the loader's own formats do not."""
    sample = values.drop_nulls().head(_SAMPLE)
    if sample.is_empty():
        return None

    def reads(formats: tuple[str, ...]) -> bool:
        return read_dates(sample, formats).null_count() == 0

    if reads(_LOADER_DATES):
        return None
    return next((f for f in _OTHER_DATES if reads((f,))), None)


@dataclass(frozen=True)
class Export:
    """An export read for drafting: the 1-based `header_row`, its `header` (source column
    names), the rows under it as text (`frame`, plus `source_line`) and `matched`: canonical
    column -> source column found through the synonym list."""

    path: Path
    entity: Entity
    header_row: int
    header: tuple[str, ...]
    frame: pl.DataFrame
    matched: dict[str, str]

    def distinct(self, source: str, limit: int = MAX_VALUES) -> list[str]:
        """The first `limit` distinct non-empty values of source column `source`, sorted."""
        return self.frame[source].drop_nulls().unique().sort().head(limit).to_list()

    def date_formats(self, columns: dict[str, str]) -> tuple[str, ...]:
        """The date formats the mapped date columns need (canonical -> source), beyond the
        ones the loader reads itself."""
        return tuple(sorted({f for c, s in columns.items()
                             if self.entity.column(c).kind == "date"
                             if (f := _date_format(self.frame[s]))}))


def read_export(path: str | Path, entity: str) -> Export:
    """Read export `path` for canonical `entity`: the header row is the one of the first rows
    that matches most canonical columns. ValueError (Dutch) for an unknown entity;
    FileRejected when the file cannot be read."""
    path = Path(path)
    if entity not in ENTITIES:
        raise ValueError(f"Onbekende entiteit '{entity}'; kies uit {', '.join(ENTITIES)}.")
    ent = ENTITIES[entity]
    with tempfile.TemporaryDirectory(prefix="pib-profile-") as workdir:
        _, header_row, frame = read_rows(path, Path(workdir), _pick_header(ent))
    header = tuple(c for c in frame.columns if c != LINE)
    return Export(path, ent, header_row, header, frame, match_columns(ent, list(header)))


def draft_profile(path: str | Path, entity: str) -> str:
    """The TOML text of a draft profile for export `path` feeding `entity`. ValueError (Dutch)
    for an unknown entity; FileRejected when the file cannot be read."""
    export = read_export(path, entity)
    path, ent, header_row, frame = export.path, export.entity, export.header_row, export.frame
    header, matched = list(export.header), export.matched
    if not matched:
        raise FileRejected(path, f"in de eerste {HEADER_SEARCH_ROWS} rijen staat geen kolom "
                           f"die bij {entity} past; maak het profiel met de hand (zie "
                           "docs/source-profiles.md).")
    lines = [
        f"# Conceptprofiel voor {path.name} (entiteit {entity}), gemaakt door pib profile init.",
        "# Vul de lege vertalingen in (\"\" = leeg laten) en controleer met",
        f"#   pib profile check PROFIEL.toml {path.name}",
        f"description = {_q('Conceptprofiel voor ' + path.name)}",
        "",
        "[[files]]",
        f"entity = {_q(entity)}",
        f"header_row = {header_row}",
    ]
    if formats := export.date_formats(matched):
        lines.append(f"date_formats = [{', '.join(_q(f) for f in formats)}]")
    lines += ["", "[files.columns]"]
    lines += [f"{c} = {_q(s)}" for c, s in matched.items()]
    missing = [c for c in ent.required if c not in matched]
    optional = [c.name for c in ent.columns if not c.required and c.name not in matched]
    if missing:
        lines.append("# VERPLICHT, niet gevonden: " + ", ".join(missing) + ". Zet ze hierboven "
                     "(kolom = \"bronkolom\"), of onder [files.constants] of [files.derive].")
    if optional:
        lines.append("# Optioneel, niet gevonden: " + ", ".join(optional) + ".")
    unused = [h for h in header if h not in matched.values()]
    if unused:
        lines.append("# Niet gebruikte bronkolommen: " + ", ".join(_q(h) for h in unused) + ".")
    for column, source in matched.items():
        codes = ent.column(column).codes
        if not codes:
            continue
        distinct = frame[source].drop_nulls().unique().sort()
        lines += ["", f"[files.values.{column}]",
                  f"# bronkolom {_q(source)}; kies per waarde een van: {', '.join(codes)}"]
        for value in distinct.head(MAX_VALUES):
            code = guess_code(value, codes)
            note = "" if code else "  # nog in te vullen"
            lines.append(f"{_q(value)} = {_q(code)}{note}")
        if distinct.len() > MAX_VALUES:
            lines.append(f"# en nog {distinct.len() - MAX_VALUES} waarden; pib profile check "
                         "noemt ze.")
    return "\n".join(lines) + "\n"
