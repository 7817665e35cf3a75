"""The `pib` command line. Exit codes: 0 success, 1 input rejected (nothing changed), 2 usage."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from etl.cbs import SOURCE as SOURCE_85701
from etl.cbs import CbsReport
from etl.cli_users import users_app
from etl.load import LoadRejected, load
from etl.settings import SettingsError, warehouse_path

app = typer.Typer(
    add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
    help="Passend in Beeld: stuurinformatie voor passend onderwijs.",
)
app.add_typer(users_app, name="users")
out = Console()
err = Console(stderr=True)

DbOption = Annotated[
    Path | None, typer.Option("--db", help="Warehouse-bestand (standaard PIB_DB of "
                                           "data/warehouse.duckdb).")
]


def fail(message: str, code: int = 1) -> None:
    err.print(message, markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


@app.command()
def demo(
    out_dir: Annotated[Path, typer.Option("--out", help="Map voor de CSV-bestanden.")],
    pupils: Annotated[int, typer.Option(help="Leerlingen in het reguliere onderwijs.")] = 25_000,
    years: Annotated[int, typer.Option(help="Aantal schooljaren.")] = 5,
    seed: Annotated[int, typer.Option(help="Startwaarde: zelfde seed, zelfde bytes.")] = 42,
    profile: Annotated[str, typer.Option(help="nl of vl.")] = "nl",
) -> None:
    """Schrijf een realistische synthetische dataset als canonieke CSV-bestanden."""
    from etl.demo import generate

    try:
        counts = generate(out_dir, pupils=pupils, years=years, seed=seed, profile=profile)
    except ValueError as exc:
        fail(str(exc), 2)
    table = Table("bestand", "rijen", title=f"Demodata in {out_dir}")
    for name, rows in counts.items():
        table.add_row(name, f"{rows:,}".replace(",", "."))
    out.print(table)


@app.command("load")
def load_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Bestanden of mappen.")],
    db: DbOption = None,
    strict: Annotated[bool, typer.Option(help="Elke afgekeurde rij keurt de hele lading "
                                              "af.")] = False,
    source: Annotated[str | None, typer.Option(help="Importer voor een niet-canonieke "
                                                    "export, bv. cbs-85701.")] = None,
) -> None:
    """Valideer bestanden en laad ze in het warehouse (alles of niets)."""
    if source not in (None, SOURCE_85701):
        fail(f"Onbekende bron '{source}'; bekend is: {SOURCE_85701}.", 2)
    columns = (TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed:,} "
               "rijen"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        tasks: dict[str, int] = {}

        def advance(name: str, rows: int) -> None:
            if name not in tasks:
                tasks[name] = bar.add_task(name, total=None)
            bar.advance(tasks[name], rows)

        try:
            report = load(paths, db=db, strict=strict, progress=advance, source=source)
        except LoadRejected as exc:
            fail(f"Lading afgekeurd, het warehouse is niet gewijzigd: {exc}")
    for warning in report.warnings:
        err.print(f"Let op: {warning}", markup=False)
    table = Table("bestand", "entiteit", "gelezen", "geladen", "in quarantaine", "status",
                  title=f"Lading naar {warehouse_path(db)}")
    for f in report.files:
        status = "al geladen (zelfde inhoud)" if f.skipped else "geladen"
        table.add_row(f.file, f.entity, str(f.rows_read), str(f.rows_loaded),
                      str(f.rows_quarantined), status)
    out.print(table)
    for f in report.files:
        if isinstance(f, CbsReport):
            out.print(f.summary(), markup=False, highlight=False, soft_wrap=True)
        for problem in f.problems:
            out.print(f"  quarantaine: {problem}", markup=False, highlight=False)
    if report.quarantined:
        out.print(f"{report.quarantined} rij(en) in quarantaine; zie de tabel quarantine of de "
                  "pagina Datakwaliteit.")


@app.command()
def query(
    name: Annotated[str, typer.Argument(help="Naam van de query, zie docs/kpis.md.")],
    db: DbOption = None,
    role: Annotated[str, typer.Option(help="kwaliteit (exact), beheer, bestuur of school "
                                           "(kleine aantallen onderdrukt).")] = "kwaliteit",
    param: Annotated[list[str] | None, typer.Option(help="Parameter KEY=VALUE, herhaalbaar.",
                                                    metavar="KEY=VALUE")] = None,
    fmt: Annotated[str, typer.Option("--format", help="csv of json.")] = "csv",
) -> None:
    """Voer een benoemde query uit en schrijf het resultaat naar stdout (csv of json)."""
    import duckdb

    from queries import QueryError, run_query

    if fmt not in ("csv", "json"):
        fail(f"Onbekend formaat '{fmt}': kies csv of json.", 2)
    params: dict[str, str] = {}
    for item in param or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            fail(f"Ongeldige parameter '{item}': gebruik --param KEY=VALUE.", 2)
        if key.strip() in params:
            fail(f"Parameter '{key.strip()}' is meer dan eens opgegeven.", 2)
        params[key.strip()] = value
    try:
        frame = run_query(name, params, role=role, db=db)
    except QueryError as exc:
        fail(str(exc), 2)
    except duckdb.Error as exc:
        fail(f"Het warehouse {warehouse_path(db)} kan niet gelezen worden: {exc}", 1)
    sys.stdout.write(frame.write_json() + "\n" if fmt == "json" else frame.write_csv())


@app.command()
def serve(
    db: DbOption = None,
    port: Annotated[int, typer.Option(help="Poort van het dashboard.")] = 8501,
    demo: Annotated[bool, typer.Option(help="Demomodus: demogebruikers toegestaan.")] = False,
) -> None:
    """Start het dashboard."""
    from dashboard.serve import run
    from etl.access import has_demo_users

    if has_demo_users(db) and not demo:
        fail("Er bestaan demogebruikers met bekende wachtwoorden; verwijder ze met "
             "`pib users remove NAAM` of start met --demo.")
    sys.exit(run(db=db, port=port))


def main() -> None:
    try:
        app()
    except SettingsError as exc:
        fail(str(exc), 2)
