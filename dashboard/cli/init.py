"""`pib init`: write the settings file of a new network, Dutch or Flemish, in one command."""

from __future__ import annotations

import difflib
import tomllib
from pathlib import Path
from typing import Annotated

import typer

from dashboard.cli.console import fail
from dashboard.cli.console import out as console
from etl.municipalities import code_system, find_municipality
from etl.settings import SettingsError, parse_settings

# Per profile: what the settings file says about the organisation and the school year.
_PROFILE_TEXT = {
    "nl": {
        "organisation": "Samenwerkingsverband passend onderwijs",
        "school_year": (8, 1, "1 August (Wet op het primair onderwijs, art. 7)"),
        "codes": "CBS municipality codes (GMxxxx)",
        "demo_name": "Samenwerkingsverband Passend Onderwijs Regio Zwolle (demo)",
        "targets": "",
    },
    "vl": {
        "organisation": "Leersteuncentrum",
        "school_year": (9, 1, "1 September (Flemish school year)"),
        "codes": "NIS municipality codes after the fusions of 1 January 2025",
        "demo_name": "Leersteuncentrum Regio Gent (demo)",
        "targets": "# Leersteun: share of teacher- and team-directed hours "
                   "(support_target_trend).\nteacher_team_hours_share = 0.50\n",
    },
}

_TEMPLATE = """\
# Passend in Beeld — settings of {name}.
# Written by `pib init --profile {profile}`; every key is documented here and optional.

[organisation]
name = {name_toml}
# "nl" (samenwerkingsverband, CBS codes, school year from 1 August) or
# "vl" (ondersteuningsnetwerk / leersteuncentrum, NIS codes, school year from 1 September,
# Flemish terms).
terminology = "{profile}"

[school_year]
# First day of the school year (month, day): {year_note}.
start_month = {month}
start_day = {day}

[norms]
# Zorgplicht: a decision within 6 weeks (42 days), once extendable by 4 weeks (28 days).
decision_days = 42
extension_days = 28
# Dossier complete within this many days of receipt (the network's own norm).
complete_days = 21
# Support starts within this many days of the decision (the network's own norm).
start_days = 28

[privacy]
# Groups with fewer cases than this are suppressed for the bestuur role and in every export.
min_cell = 5

[region]
# The municipalities of the network: {codes}.
municipalities = [
{municipalities}
]

[targets]
# Targets the board steers on (shares 0–1, rates per 1,000 pupils, days).
within_norm_share = 0.90
median_waiting_days = 35
preventive_hours_share = 0.50
out_of_school_per_1000 = 1.5
achieved_share = 0.60
admissions_per_1000 = 20.0
{extra_targets}"""


class InitError(ValueError):
    """A request `pib init` cannot carry out (a Dutch sentence)."""


def region_codes(entries: list[str], terminology: str) -> list[str]:
    """The municipality codes of `entries` (names or codes, one per entry or comma-separated),
    in the order given, each once. InitError naming an unknown entry and the closest names."""
    codes: list[str] = []
    known = code_system(terminology).names
    for entry in (part.strip() for item in entries for part in item.split(",")):
        if not entry:
            continue
        code = find_municipality(entry, terminology)
        if code is None:
            close = difflib.get_close_matches(entry, list(known.values()), n=3, cutoff=0.6)
            hint = f" Bedoelt u {' of '.join(close)}?" if close else ""
            raise InitError(f"Onbekende gemeente '{entry}' voor profiel {terminology}.{hint}")
        if code not in codes:
            codes.append(code)
    return codes


def settings_text(profile: str, name: str, codes: list[str]) -> str:
    """The settings file for a network; checked by the settings parser before it is returned.
    InitError for an unknown profile or an empty region."""
    if profile not in _PROFILE_TEXT:
        raise InitError(f"Onbekend profiel '{profile}': kies nl of vl.")
    if not codes:
        raise InitError("Geef de gemeenten van het netwerk met --region (namen of codes, "
                        "herhaalbaar of met komma's), of kies --demo.")
    known = code_system(profile).names
    text = _PROFILE_TEXT[profile]
    month, day, year_note = text["school_year"]
    lines = "\n".join(f'    "{code}",  # {known[code]}' for code in codes)
    document = _TEMPLATE.format(
        name=name, name_toml=_toml_string(name), profile=profile, month=month, day=day,
        year_note=year_note, codes=text["codes"], municipalities=lines,
        extra_targets=text["targets"],
    )
    try:
        parse_settings(tomllib.loads(document))
    except (tomllib.TOMLDecodeError, SettingsError) as exc:  # a name that breaks the file
        raise InitError(f"De instellingen kunnen zo niet worden geschreven: {exc}") from None
    return document


def _toml_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def init(
    profile: Annotated[str, typer.Option(
        help="nl (samenwerkingsverband) of vl (ondersteuningsnetwerk / leersteuncentrum).")
    ] = "nl",
    name: Annotated[str | None, typer.Option(help="Naam van de organisatie.")] = None,
    region: Annotated[list[str] | None, typer.Option(
        help="Gemeente van het netwerk (naam of code), herhaalbaar of met komma's.")] = None,
    demo: Annotated[bool, typer.Option(help="Naam en regio van het demonetwerk "
                                            "(Zwolle, Gent).")] = False,
    out: Annotated[Path, typer.Option(help="Het instellingenbestand.")] = Path("pib.toml"),
    force: Annotated[bool, typer.Option(help="Een bestaand bestand overschrijven.")] = False,
) -> None:
    """Schrijf pib.toml voor een nieuw netwerk: terminologie, schooljaar, normen, regio."""
    try:
        if demo:
            # imported here: the demo package pulls in NumPy, which no other command needs
            from etl.demo.profiles import PROFILES

            if profile not in PROFILES:
                raise InitError(f"Onbekend profiel '{profile}': kies nl of vl.")
            codes = [m.code for m in PROFILES[profile].municipalities]
            name = name or _PROFILE_TEXT[profile]["demo_name"]
        else:
            codes = region_codes(region or [], profile) if profile in _PROFILE_TEXT else []
        text = settings_text(profile, name or _PROFILE_TEXT.get(profile, {}).get(
            "organisation", ""), codes)
    except InitError as exc:
        fail(str(exc), 2)
    if out.exists() and not force:
        fail(f"{out} bestaat al; kies een ander bestand met --out of overschrijf met --force.")
    if not out.parent.is_dir():
        fail(f"De map {out.parent} bestaat niet.")
    out.write_text(text, encoding="utf-8")
    console.print(f"Instellingen geschreven: {out} (profiel {profile}, {len(codes)} gemeenten). "
                  f"Gebruik ze met PIB_CONFIG={out} of zet het bestand als pib.toml in de map "
                  "waar u pib start.", markup=False, highlight=False, soft_wrap=True)
