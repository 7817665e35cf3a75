"""`pib profile init|check`: draft a source profile for an export, and dry-run one on files
(CONTRACT sections 1 and 6). Exit codes: 0 done, 1 a file rejected, 2 usage or profile error."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from dashboard.cli.console import err, fail, out
from etl.load import LoadRejected, dry_run
from etl.profiles import ProfileError, draft_profile, load_profile
from etl.readers import FileRejected

profile_app = typer.Typer(no_args_is_help=True,
                          help="Bronprofielen: exports van andere systemen zonder code inlezen.")


def _say(console: Console, text: str) -> None:
    console.print(text, markup=False, highlight=False, soft_wrap=True)


@profile_app.command("init")
def init(
    file: Annotated[Path, typer.Argument(help="De export (.csv of .xlsx).")],
    entity: Annotated[str, typer.Option("--entity", help="De canonieke entiteit, bv. "
                                                          "referrals.")],
    out_file: Annotated[Path | None, typer.Option(
        "--out", help="Schrijf het profiel naar dit bestand (standaard: naar stdout).")] = None,
) -> None:
    """Schrijf een conceptprofiel: kolommen op naam gekoppeld, elke te vertalen waarde genoemd."""
    if out_file is not None and out_file.exists():
        fail(f"{out_file} bestaat al; kies een andere naam of verwijder het eerst.", 1)
    try:
        text = draft_profile(file, entity)
    except ValueError as exc:  # unknown entity
        fail(str(exc), 2)
    except FileRejected as exc:
        fail(f"Geen profiel gemaakt: {exc}", 1)
    if out_file is None:
        sys.stdout.write(text)
        return
    try:
        out_file.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"Het profiel kon niet worden geschreven naar {out_file}: {exc.strerror or exc}.", 1)
    _say(out, f"Conceptprofiel geschreven: {out_file}. Vul de lege vertalingen in en controleer "
              f"met: pib profile check {out_file} {file}")


@profile_app.command("check")
def check(
    name: Annotated[str, typer.Argument(help="Naam van het profiel (bv. indigo) of een "
                                             ".toml-bestand.")],
    files: Annotated[list[Path], typer.Argument(help="De exports om te proberen.")],
    entity: Annotated[str | None, typer.Option(
        "--entity", help="Alleen de indelingen voor deze entiteit.")] = None,
) -> None:
    """Proefdraai: wat zou laden, wat in quarantaine zou gaan en waarom. Verandert niets.

    Elk bestand gaat door het profiel en daarna door dezelfde controles als bij pib load
    (datums, codes, gemeentecodes, regels), in een wegwerp-warehouse."""
    try:
        load_profile(name)
    except ProfileError as exc:
        fail(str(exc), 2)
    rejected_files = 0
    for file in files:
        try:
            report = dry_run([file], source=name, entity=entity)
        except LoadRejected as exc:
            rejected_files += 1
            _say(err, f"Afgekeurd: {exc}")
            continue
        for done in report.files:
            if summary := done.summary():
                _say(out, summary)
            _say(out, f"{done.file}: {done.rows_loaded} rij(en) zouden laden, "
                      f"{done.rows_quarantined} in quarantaine.")
            for problem in done.problems:
                _say(out, f"  quarantaine: {problem}")
            if done.rows_quarantined > len(done.problems):
                _say(out, f"  en nog {done.rows_quarantined - len(done.problems)} rij(en).")
        for warning in report.warnings:
            _say(out, f"  let op: {warning}")
    _say(out, "Proefdraai: er is niets geladen of gewijzigd.")
    if rejected_files:
        raise typer.Exit(1)
