"""Source profiles (CONTRACT section 6): the TOML format, strict validation and lookup.

A profile turns the export of another system into canonical rows without code. One
`[[files]]` table per export layout:

```toml
description = "..."                   # optional, free text

[[files]]
entity = "referrals"                  # the canonical entity (etl.schema.ENTITIES)
match = ["*aanmeld*"]                 # optional: file-name globs (case-insensitive)
header_row = 3                        # optional: 1-based; default: the first of the first 20
                                      #   rows that holds every source column of [files.columns]
drop_rows = ["^Subtotaal"]            # optional: regexes on a row's first non-empty cell
date_formats = ["%d-%m-%y"]           # optional: strptime formats for the date columns; the
                                      #   output is then ISO YYYY-MM-DD (else left to the loader)
decimal = ","                         # optional: "," or "." for the number columns

[files.columns]                       # canonical column = source column name
referral_id = "Dossiernummer"

[files.values.decision]               # source value = canonical code ("" = empty); a source
"Toegekend" = "granted"               #   value without an entry rejects the row

[files.constants]                     # canonical column = one value on every row
need_category = "unknown"

[files.skip]                          # canonical column = source values whose rows are not
kind = ["Nee"]                        #   data (dropped and counted, never rejected)

[files.derive]                        # canonical column = one derivation, in this order:
pupil_id = { value = "dosnr" }                           # a copy of a column; options:
municipality_code = { value = "GEMEENTENUMMER", pad = 4, prefix = "GM" }  # zero-pad, prefix,
postcode4 = { value = "POSTCODE", first = 4 }            # first N characters (spaces removed)
referral_id = { key = ["lokaal_leerlingnummer", "datum_aanvraag"] }  # parts joined by "|"
                                                         #   (or by `separator`)
received_on = { date = "besl_datum", minus_days = "behandelduur" }   # also plus_days,
valid_until = { date = "decided_on", plus_years = "duur", minus_days = 1 }  # plus_years
decision = { fill = "unknown", when = "decided_on" }   # fills the empty values (where `when`
                                                       #   is filled, if given)
```

A name inside `derive` is a canonical column of this table when it is one (mapped, constant or
derived earlier), else a source column. Column names and values match after trimming,
case-insensitively. Every required canonical column must come from `columns`, `constants` or
`derive`. A user's profile `profiles/NAME.toml` beside the active `pib.toml` wins over the
shipped one of the same name.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from etl.schema import ENTITIES, Entity
from etl.settings import config_path

SHIPPED = Path(__file__).resolve().parent / "shipped"
USER_FOLDER = "profiles"
_TOP_KEYS = {"description", "files"}
_FILE_KEYS = {"entity", "match", "header_row", "drop_rows", "date_formats", "decimal",
              "columns", "values", "constants", "skip", "derive"}
# derivation: its main key and the modifiers it allows
_DERIVE = {
    "value": {"pad", "prefix", "first"},
    "key": {"separator"},
    "date": {"plus_days", "minus_days", "plus_years"},
    "fill": {"when"},
}


class ProfileError(ValueError):
    """A profile that cannot be used: not found, not TOML, or not valid. The message is one
    Dutch sentence naming the profile file and the key."""


@dataclass(frozen=True)
class Derivation:
    """One `[files.derive]` entry: `op` is `value`, `key`, `date` or `fill`; `arg` its
    argument (a name, a list of names, or the fill value); `options` the modifiers."""

    column: str
    op: str
    arg: str | tuple[str, ...]
    options: dict[str, object] = field(default_factory=dict)

    def inputs(self) -> tuple[str, ...]:
        """The names this derivation reads (canonical or source columns)."""
        names = list(self.arg) if isinstance(self.arg, tuple) else (
            [] if self.op == "fill" else [self.arg])
        names += [v for k, v in self.options.items()
                  if isinstance(v, str) and k in ("plus_days", "minus_days", "plus_years", "when")]
        return tuple(names)


@dataclass(frozen=True)
class Layout:
    """One `[[files]]` table of a profile."""

    number: int  # 1-based position in the profile
    entity: Entity
    match: tuple[str, ...] = ()
    header_row: int | None = None
    drop_rows: tuple[re.Pattern, ...] = ()
    date_formats: tuple[str, ...] = ()
    decimal: str | None = None
    columns: dict[str, str] = field(default_factory=dict)  # canonical -> source
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # canonical -> {src: code}
    constants: dict[str, str] = field(default_factory=dict)
    skip: dict[str, tuple[str, ...]] = field(default_factory=dict)
    derive: tuple[Derivation, ...] = ()

    def source_columns(self) -> tuple[str, ...]:
        """Source columns the file must have: the mapped ones and those derivations read."""
        produced = set(self.columns) | set(self.constants)
        names = list(self.columns.values())
        for d in self.derive:
            names += [n for n in d.inputs() if n not in produced]
            produced.add(d.column)
        return tuple(dict.fromkeys(names))


@dataclass(frozen=True)
class Profile:
    name: str
    path: Path
    layouts: tuple[Layout, ...]
    description: str = ""


def _fail(path: Path, where: str, problem: str) -> ProfileError:
    return ProfileError(f"Profiel {path}: {where}: {problem}")


def _strings(value, path: Path, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(path, where, "verwacht een tekst of een lijst van teksten.")
    return tuple(value)


def _table(value, path: Path, where: str) -> dict:
    if not isinstance(value, dict):
        raise _fail(path, where, "verwacht een tabel.")
    return value


def _column(entity: Entity, name: str, path: Path, where: str):
    if name not in entity.column_names:
        raise _fail(path, where, f"'{name}' is geen kolom van {entity.name}; bekend zijn: "
                    f"{', '.join(entity.column_names)}.")
    return entity.column(name)


def _code(column, value: str, path: Path, where: str) -> None:
    if column.codes and value != "" and value not in column.codes:
        raise _fail(path, where, f"'{value}' is geen code van {column.name}; kies uit "
                    f"{', '.join(column.codes)}.")


def _derivation(entity: Entity, name: str, spec, path: Path, where: str) -> Derivation:
    _column(entity, name, path, where)
    spec = _table(spec, path, where)
    ops = [k for k in spec if k in _DERIVE]
    if len(ops) != 1:
        raise _fail(path, where, "verwacht precies een van " + ", ".join(_DERIVE) + ".")
    op = ops[0]
    for key in spec:
        if key != op and key not in _DERIVE[op]:
            raise _fail(path, f"{where}.{key}", f"onbekende sleutel bij '{op}'; toegestaan: "
                        f"{', '.join(sorted(_DERIVE[op])) or 'geen'}.")
    options = {k: v for k, v in spec.items() if k != op}
    if op == "key":
        arg: str | tuple[str, ...] = _strings(spec[op], path, f"{where}.key")
    elif not isinstance(spec[op], str):
        raise _fail(path, f"{where}.{op}", "verwacht een tekst.")
    else:
        arg = spec[op]
    if op == "fill":
        _code(entity.column(name), arg, path, f"{where}.fill")
    for key, value in options.items():
        wanted = (int if key in ("pad", "first") else
                  str | int if key.endswith(("days", "years")) else str)
        if isinstance(value, bool) or not isinstance(value, wanted):
            raise _fail(path, f"{where}.{key}", "ongeldige waarde.")
    return Derivation(name, op, arg, options)


def _layout(raw: dict, number: int, path: Path) -> Layout:
    where = f"[[files]] nr. {number}"
    for key in raw:
        if key not in _FILE_KEYS:
            raise _fail(path, f"{where}", f"onbekende sleutel '{key}'; toegestaan: "
                        f"{', '.join(sorted(_FILE_KEYS))}.")
    if "entity" not in raw:
        raise _fail(path, where, "de sleutel 'entity' ontbreekt.")
    entity = ENTITIES.get(raw["entity"]) if isinstance(raw["entity"], str) else None
    if entity is None:
        raise _fail(path, f"{where}.entity", f"onbekende entiteit '{raw['entity']}'; bekend "
                    f"zijn: {', '.join(ENTITIES)}.")
    header_row = raw.get("header_row")
    if header_row is not None and (isinstance(header_row, bool)
                                   or not isinstance(header_row, int) or header_row < 1):
        raise _fail(path, f"{where}.header_row", "verwacht een rijnummer vanaf 1.")
    drops = []
    for pattern in _strings(raw.get("drop_rows", []), path, f"{where}.drop_rows"):
        try:
            drops.append(re.compile(pattern))
        except re.error as exc:
            raise _fail(path, f"{where}.drop_rows", f"ongeldige reguliere expressie "
                        f"'{pattern}' ({exc}).") from None
    formats = _strings(raw.get("date_formats", []), path, f"{where}.date_formats")
    if any("%" not in f for f in formats):
        raise _fail(path, f"{where}.date_formats", "elk formaat bevat %-codes, bv. '%d-%m-%Y'.")
    decimal = raw.get("decimal")
    if decimal not in (None, ",", "."):
        raise _fail(path, f"{where}.decimal", "verwacht \",\" of \".\".")
    columns: dict[str, str] = {}
    for name, source in _table(raw.get("columns", {}), path, f"{where}.columns").items():
        _column(entity, name, path, f"{where}.columns.{name}")
        if not isinstance(source, str) or not source.strip():
            raise _fail(path, f"{where}.columns.{name}", "verwacht de naam van een bronkolom.")
        columns[name] = source
    values: dict[str, dict[str, str]] = {}
    for name, table in _table(raw.get("values", {}), path, f"{where}.values").items():
        column = _column(entity, name, path, f"{where}.values.{name}")
        if name not in columns:
            raise _fail(path, f"{where}.values.{name}", f"kolom {name} staat niet onder "
                        "[files.columns], dus er is niets te vertalen.")
        mapping = {}
        for source_value, code in _table(table, path, f"{where}.values.{name}").items():
            if not isinstance(code, str):
                raise _fail(path, f"{where}.values.{name}.{source_value}", "verwacht een tekst.")
            _code(column, code, path, f"{where}.values.{name}.\"{source_value}\"")
            mapping[source_value] = code
        values[name] = mapping
    constants: dict[str, str] = {}
    for name, value in _table(raw.get("constants", {}), path, f"{where}.constants").items():
        column = _column(entity, name, path, f"{where}.constants.{name}")
        if name in columns:
            raise _fail(path, f"{where}.constants.{name}", "staat ook onder [files.columns].")
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise _fail(path, f"{where}.constants.{name}", "verwacht een tekst of getal.")
        _code(column, str(value), path, f"{where}.constants.{name}")
        constants[name] = str(value)
    skip: dict[str, tuple[str, ...]] = {}
    for name, listed in _table(raw.get("skip", {}), path, f"{where}.skip").items():
        _column(entity, name, path, f"{where}.skip.{name}")
        if name not in columns:
            raise _fail(path, f"{where}.skip.{name}", f"kolom {name} staat niet onder "
                        "[files.columns].")
        skip[name] = _strings(listed, path, f"{where}.skip.{name}")
    derive = []
    produced = set(columns) | set(constants)
    for name, spec in _table(raw.get("derive", {}), path, f"{where}.derive").items():
        d = _derivation(entity, name, spec, path, f"{where}.derive.{name}")
        if name in produced and d.op != "fill":
            raise _fail(path, f"{where}.derive.{name}", f"kolom {name} wordt al gevuld; alleen "
                        "'fill' mag een gevulde kolom aanvullen.")
        produced.add(name)
        derive.append(d)
    missing = [c for c in entity.required if c not in produced]
    if missing:
        raise _fail(path, where, "verplichte kolom(men) van " + entity.name + " worden niet "
                    "gevuld: " + ", ".join(missing) + " (zet ze onder [files.columns], "
                    "[files.constants] of [files.derive]).")
    return Layout(number, entity, _strings(raw.get("match", []), path, f"{where}.match"),
                  header_row, tuple(drops), formats, decimal, columns, values, constants, skip,
                  tuple(derive))


def parse_profile(text: str, path: Path, name: str | None = None) -> Profile:
    """A profile from its TOML text; ProfileError (Dutch, naming `path` and the key) when the
    text is not TOML or not a valid profile."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"Profiel {path}: geen geldige TOML ({exc}).") from None
    for key in raw:
        if key not in _TOP_KEYS:
            raise _fail(path, "bovenste niveau", f"onbekende sleutel '{key}'; toegestaan: "
                        "description, files.")
    files = raw.get("files")
    if not isinstance(files, list) or not files or not all(isinstance(f, dict) for f in files):
        raise _fail(path, "files", "verwacht minstens een tabel [[files]].")
    layouts = tuple(_layout(f, i, path) for i, f in enumerate(files, start=1))
    return Profile(name or path.stem, path, layouts, str(raw.get("description", "")))


def user_folder() -> Path:
    """`profiles/` beside the active `pib.toml` (etl.settings.config_path)."""
    return config_path().resolve().parent / USER_FOLDER


def available_profiles() -> dict[str, Path]:
    """Profile name -> file: the shipped ones, overridden by the user's of the same name."""
    found = {p.stem: p for p in sorted(SHIPPED.glob("*.toml"))}
    if user_folder().is_dir():
        found |= {p.stem: p for p in sorted(user_folder().glob("*.toml"))}
    return found


def find_profile(name: str) -> Path:
    """The file of profile `name` (a user's wins over a shipped one), or `name` itself when it
    is the path of a `.toml` file; ProfileError listing the known names otherwise."""
    if name.lower().endswith(".toml") and Path(name).is_file():
        return Path(name)
    known = available_profiles()
    if name not in known:
        raise ProfileError(f"Onbekend bronprofiel '{name}'; bekend zijn: "
                           f"{', '.join(sorted(known))} (eigen profielen in {user_folder()}).")
    return known[name]


def load_profile(name: str) -> Profile:
    """Find, read and validate profile `name` (see `find_profile`)."""
    path = find_profile(name)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"Profiel {path}: kan niet gelezen worden ({exc}).") from None
    return parse_profile(text, path, path.stem)
