"""Settings from `pib.toml`, with documented defaults, and the paths the product uses.

Run from a source checkout (an editable install, the tests), the defaults are the checkout's
`pib.toml` and `data/warehouse.duckdb`. An installed package (a wheel) has no checkout to fall
back on: its defaults are `pib.toml` and `data/warehouse.duckdb` in the working directory, and
without a `pib.toml` the documented defaults below apply. `PIB_CONFIG` and `PIB_DB` (or `--db`)
override both.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from etl.schoolyear import SchoolYear

ROOT = Path(__file__).resolve().parents[1]  # the checkout, when run from one
IN_CHECKOUT = (ROOT / "pyproject.toml").is_file()  # False for an installed wheel

_DEFAULTS: dict[str, dict] = {
    "organisation": {"name": "Samenwerkingsverband", "terminology": "nl"},
    "school_year": {"start_month": 8, "start_day": 1},
    "norms": {"decision_days": 42, "extension_days": 28, "complete_days": 21, "start_days": 28},
    "privacy": {"min_cell": 5},
    "region": {"municipalities": []},
    "targets": {},
    "public": {"enabled": False},
}
# The targets a board can set under [targets]: one per KPI with a target in the KPI registry
# (dashboard/kpis.py refers to these keys; a test checks that both agree).
TARGET_KEYS = ("within_norm_share", "median_waiting_days", "preventive_hours_share",
               "out_of_school_per_1000", "achieved_share", "admissions_per_1000",
               "teacher_team_hours_share")  # the last: leersteun (vl), support_target_trend
_VL_SCHOOL_YEAR = {"start_month": 9, "start_day": 1}


class SettingsError(ValueError):
    """The settings file is unreadable or holds an invalid value."""


@dataclass(frozen=True)
class Settings:
    organisation: str
    terminology: str
    school_year_start: tuple[int, int]
    decision_days: int
    extension_days: int
    complete_days: int
    start_days: int
    min_cell: int
    municipalities: tuple[str, ...]
    targets: dict[str, float] = field(default_factory=dict)
    public: bool = False  # [public] enabled: the page /publiek without login
    source: Path | None = None

    def school_year_bounds(self, school_year: str | SchoolYear) -> tuple[date, date]:
        """First and last day of a school year such as `2024-2025`; ValueError if no school
        year."""
        year = school_year if isinstance(school_year, SchoolYear) else SchoolYear.parse(school_year)
        return year.bounds(self.school_year_start)


def config_path() -> Path:
    """`PIB_CONFIG`, else `pib.toml` in the working directory, else the checkout's (the one in
    the working directory, absent, when installed: then the defaults apply)."""
    if env := os.environ.get("PIB_CONFIG"):
        return Path(env)
    local = Path.cwd() / "pib.toml"
    return local if local.exists() or not IN_CHECKOUT else ROOT / "pib.toml"


def _int(section: dict, key: str, low: int, high: int, where: str) -> int:
    value = section[key]
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise SettingsError(f"{where}: [{key}] moet een geheel getal van {low} t/m {high} zijn.")
    return value


def _check_keys(raw: dict, where: str) -> None:
    """SettingsError naming the first section or key the product does not know."""
    for section, values in raw.items():
        if section not in _DEFAULTS:
            raise SettingsError(f"{where}: onbekende sectie [{section}]; bekend zijn "
                                f"{', '.join(f'[{k}]' for k in _DEFAULTS)}.")
        if not isinstance(values, dict):
            raise SettingsError(f"{where}: {section} moet een sectie [{section}] zijn.")
        known = TARGET_KEYS if section == "targets" else tuple(_DEFAULTS[section])
        for key in values:
            if key not in known:
                raise SettingsError(f"{where}: onbekende sleutel '{key}' onder [{section}]; "
                                    f"bekend zijn {', '.join(known)}.")


def parse_settings(raw: dict, source: Path | None = None) -> Settings:
    """Validate a parsed TOML document against the defaults; SettingsError (a Dutch sentence
    naming the file and key) for an unknown section or key or an invalid value."""
    where = str(source or "pib.toml")
    _check_keys(raw, where)
    merged = {k: {**v, **raw.get(k, {})} for k, v in _DEFAULTS.items()}
    org = merged["organisation"]
    if org["terminology"] not in ("nl", "vl"):
        raise SettingsError(f"{where}: terminology moet 'nl' of 'vl' zijn.")
    year = {**(_VL_SCHOOL_YEAR if org["terminology"] == "vl" else {}), **raw.get("school_year", {})}
    year = {**_DEFAULTS["school_year"], **year}
    norms, targets = merged["norms"], merged["targets"]
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in targets.values()):
        raise SettingsError(f"{where}: elke waarde onder [targets] moet een getal zijn.")
    public = merged["public"]["enabled"]
    if not isinstance(public, bool):
        raise SettingsError(f"{where}: [enabled] onder [public] moet true of false zijn.")
    return Settings(
        organisation=str(org["name"]),
        terminology=org["terminology"],
        school_year_start=(
            _int(year, "start_month", 1, 12, where),
            _int(year, "start_day", 1, 28, where),
        ),
        decision_days=_int(norms, "decision_days", 1, 365, where),
        extension_days=_int(norms, "extension_days", 0, 365, where),
        complete_days=_int(norms, "complete_days", 1, 365, where),
        start_days=_int(norms, "start_days", 1, 365, where),
        min_cell=_int(merged["privacy"], "min_cell", 1, 100, where),
        municipalities=tuple(str(m) for m in merged["region"]["municipalities"]),
        targets={k: float(v) for k, v in targets.items()},
        public=public,
        source=source,
    )


@cache
def _load(path: Path, mtime: float) -> Settings:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"{path}: kan de instellingen niet lezen ({exc}).") from exc
    return parse_settings(raw, path)


def get_settings() -> Settings:
    """The current settings (re-read when the file changes)."""
    path = config_path()
    return _load(path, path.stat().st_mtime if path.exists() else 0.0)


def warehouse_path(db: str | Path | None = None) -> Path:
    """`--db`, else `PIB_DB`, else `data/warehouse.duckdb` in the checkout, or in the working
    directory when installed."""
    if db:
        return Path(db)
    if env := os.environ.get("PIB_DB"):
        return Path(env)
    return (ROOT if IN_CHECKOUT else Path.cwd()) / "data" / "warehouse.duckdb"
