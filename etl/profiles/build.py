"""Build a source profile from choices made on a form (the dashboard's mapping page): the
chosen mapping becomes TOML text, validated by parsing it with the model's own loader, and is
saved as `profiles/NAME.toml` beside the active `pib.toml`."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from etl.profiles.model import SHIPPED, Profile, ProfileError, parse_profile, user_folder

NAME_RX = re.compile(r"^[a-z0-9][a-z0-9_-]{0,59}$")


@dataclass
class Mapping:
    """What a user chose for one export layout. `columns`: canonical -> source column (empty
    choices left out); `values`: canonical column -> {source value: canonical code, "" =
    empty} (a source value left out is quarantined); `constants`: canonical -> one value."""

    entity: str
    columns: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    constants: dict[str, str] = field(default_factory=dict)
    header_row: int | None = None
    date_formats: tuple[str, ...] = ()
    description: str = ""


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def mapping_text(mapping: Mapping) -> str:
    """The TOML text of a one-layout profile for `mapping` (not yet validated). Value tables
    of columns that are not mapped are left out; an empty one is kept (without it the source
    values would pass untranslated)."""
    lines = []
    if mapping.description:
        lines.append(f"description = {_q(mapping.description)}")
    lines += ["", "[[files]]", f"entity = {_q(mapping.entity)}"]
    if mapping.header_row is not None:
        lines.append(f"header_row = {mapping.header_row}")
    if mapping.date_formats:
        lines.append(f"date_formats = [{', '.join(_q(f) for f in mapping.date_formats)}]")
    lines += ["", "[files.columns]"]
    lines += [f"{c} = {_q(s)}" for c, s in mapping.columns.items()]
    for column, table in mapping.values.items():
        if column in mapping.columns:  # an empty table still quarantines every value
            lines += ["", f"[files.values.{column}]"]
            lines += [f"{_q(v)} = {_q(code)}" for v, code in table.items()]
    if mapping.constants:
        lines += ["", "[files.constants]"]
        lines += [f"{c} = {_q(v)}" for c, v in mapping.constants.items()]
    return "\n".join(lines).lstrip("\n") + "\n"


def check_name(name: str) -> str:
    """`name` trimmed when it is a usable profile name (lower-case letters, digits, - and _,
    at most 60, starting with a letter or digit); ProfileError (Dutch) otherwise."""
    name = name.strip()
    if not NAME_RX.match(name):
        raise ProfileError(f"Ongeldige profielnaam '{name}': gebruik kleine letters, cijfers, "
                           "- en _ (hoogstens 60 tekens, eerste teken een letter of cijfer), "
                           "bv. loket-aanmeldingen.")
    return name


def profile_path(name: str) -> Path:
    """Where the user's profile `name` is saved: `profiles/NAME.toml` beside `pib.toml`."""
    return user_folder() / f"{check_name(name)}.toml"


def is_shipped(name: str) -> bool:
    """Whether a profile of this name ships with Passend in Beeld (a user's one overrides
    it)."""
    return (SHIPPED / f"{name.strip()}.toml").is_file()


def build_profile(mapping: Mapping, name: str) -> tuple[str, Profile]:
    """The TOML text of `mapping` and the profile it parses to, named `name` and placed at
    `profile_path(name)`. ProfileError (Dutch, naming the key) for a bad name or a mapping
    that is not a valid profile, e.g. a required column left unfilled."""
    path = profile_path(name)
    text = mapping_text(mapping)
    return text, parse_profile(text, path, path.stem)


def save_profile(text: str, name: str) -> Path:
    """Validate `text` and write it to `profile_path(name)` (the folder is made); returns the
    path. An existing user profile of that name is replaced. ProfileError (Dutch) for a bad
    name, an invalid profile or a file that cannot be written."""
    path = profile_path(name)
    parse_profile(text, path, path.stem)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ProfileError(f"Profiel {path}: kan niet worden opgeslagen "
                           f"({exc.strerror or exc}).") from None
    return path
