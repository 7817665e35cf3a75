"""The `pib` command line. Exit codes: 0 success, 1 input rejected (nothing changed), 2 usage."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from typer.core import TyperGroup

from dashboard.access import StoreDamaged
from dashboard.cli.console import err, fail, out
from dashboard.cli.init import init
from dashboard.cli.key import key_app
from dashboard.cli.profile import profile_app
from dashboard.cli.users import users_app
from dashboard.csv_export import to_csv
from etl.importers import IMPORTERS, importer_for
from etl.load import LoadRejected, load
from etl.profiles import available_profiles
from etl.schema import ENTITIES
from etl.settings import SettingsError, warehouse_path
from etl.warehouse import WarehouseError
from queries.roles import ROLE_NAMES, RoleError, get_role, roles_for


class _Commands(TyperGroup):
    """The `pib` commands: errors that any command can meet become a sentence and an exit code
    (2 for bad settings, 1 for a warehouse or user store that cannot be opened), never a
    traceback."""

    def invoke(self, ctx: typer.Context) -> object:
        try:
            return super().invoke(ctx)
        except SettingsError as exc:
            fail(str(exc), 2)
        except (WarehouseError, StoreDamaged) as exc:  # locked, a stale .wal, not a DuckDB
            fail(str(exc), 1)                         # file; a damaged user store


app = typer.Typer(
    cls=_Commands, add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
    help="Passend in Beeld: stuurinformatie voor passend onderwijs.",
)
app.add_typer(users_app, name="users")
app.command("init")(init)
app.add_typer(profile_app, name="profile")
app.add_typer(key_app, name="key")

DbOption = Annotated[
    Path | None, typer.Option("--db", help="Warehouse-bestand (standaard PIB_DB of "
                                           "data/warehouse.duckdb).")
]


@app.command()
def demo(
    out_dir: Annotated[Path, typer.Option("--out", help="Map voor de CSV-bestanden.")],
    pupils: Annotated[int, typer.Option(help="Leerlingen in het reguliere onderwijs.")] = 25_000,
    years: Annotated[int, typer.Option(help="Aantal schooljaren.")] = 5,
    seed: Annotated[int, typer.Option(help="Startwaarde: zelfde seed, zelfde bytes.")] = 42,
    profile: Annotated[str, typer.Option(help="nl of vl.")] = "nl",
) -> None:
    """Schrijf een realistische synthetische dataset als canonieke CSV-bestanden."""
    from dashboard.formatting import number
    from etl.demo import generate

    try:
        counts = generate(out_dir, pupils=pupils, years=years, seed=seed, profile=profile)
    except ValueError as exc:
        fail(str(exc), 2)
    table = Table("bestand", "rijen", title=f"Demodata in {out_dir}")
    for name, rows in counts.items():
        table.add_row(name, number(rows))
    out.print(table)


@app.command("load")
def load_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Bestanden of mappen.")],
    db: DbOption = None,
    strict: Annotated[bool, typer.Option(help="Elke afgekeurde rij keurt de hele lading "
                                              "af.")] = False,
    source: Annotated[str | None, typer.Option(
        help="Importer voor alle bestanden; zonder --source herkent pib load elk bestand zelf: "
             + "; ".join(f"{imp.name} ({imp.description})" for imp in IMPORTERS.values())
             + "; of een bronprofiel: " + ", ".join(sorted(available_profiles())) + ".")] = None,
    entity: Annotated[str | None, typer.Option(
        help="Soort gegevens van een bestand waarvan naam en kop het niet zeggen: "
             + ", ".join(ENTITIES) + ".")] = None,
) -> None:
    """Valideer bestanden en laad ze in het warehouse (alles of niets)."""
    if source is not None:
        try:
            importer_for(source)
        except ValueError as exc:
            fail(str(exc), 2)
    if entity is not None and entity not in ENTITIES:
        fail(f"Onbekende soort '{entity}'; bekend zijn: {', '.join(ENTITIES)}.", 2)
    columns = (TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed:,} "
               "rijen"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        tasks: dict[str, int] = {}

        def advance(name: str, rows: int) -> None:
            if name not in tasks:
                tasks[name] = bar.add_task(name, total=None)
            bar.advance(tasks[name], rows)

        try:
            report = load(paths, db=db, strict=strict, progress=advance, source=source,
                          entity=entity)
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
        if summary := f.summary():
            out.print(summary, markup=False, highlight=False, soft_wrap=True)
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
    sys.stdout.write(frame.write_json() + "\n" if fmt == "json" else to_csv(frame))


@app.command()
def serve(
    db: DbOption = None,
    port: Annotated[int, typer.Option(help="Poort van het dashboard.")] = 8501,
    demo: Annotated[bool, typer.Option(help="Demomodus: demogebruikers toegestaan.")] = False,
    host: Annotated[str, typer.Option(help="Netwerkadres om op te luisteren; standaard alleen "
                                           "deze computer (127.0.0.1), 0.0.0.0 voor het hele "
                                           "netwerk (vraagt gebruikers).")] = "127.0.0.1",
) -> None:
    """Start het dashboard."""
    from dashboard.access import has_demo_users
    from dashboard.cli.serve import ServeRefused, run

    if has_demo_users(db) and not demo:
        fail("Er bestaan demogebruikers met bekende wachtwoorden; verwijder ze met "
             "`pib users remove NAAM` of start met --demo.")
    try:
        run(db=db, port=port, host=host)
    except ServeRefused as exc:
        fail(str(exc))


@app.command()
def export(
    report: Annotated[str, typer.Option(
        "--report", help="inspectie, bestuur, publiek, kwaliteitsrapport (profiel vl) of "
                         "thuiszitters.")],
    fmt: Annotated[str, typer.Option(
        "--format", help="xlsx of pdf (publiek: html of pdf; thuiszitters: xlsx).")],
    out_file: Annotated[Path, typer.Option("--out", help="Het bestand dat geschreven wordt.")],
    year: Annotated[str | None, typer.Option(
        "--year", help="Schooljaar, bv. 2024-2025 (inspectie, bestuur, kwaliteitsrapport; "
                       "publiek: tot en met dat jaar, standaard het laatste).")] = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Peildatum JJJJ-MM-DD (thuiszitters): de lijst van het schooljaar tot "
                        "en met die dag.")] = None,
    role: Annotated[str | None, typer.Option(
        help="Rol van wie exporteert (kwaliteit, beheer, bestuur of school); inspectie en "
             "bestuur onderdrukken altijd kleine aantallen (standaard bestuur); de "
             "thuiszitterslijst maken alleen kwaliteit en beheer (standaard kwaliteit).")] = None,
    db: DbOption = None,
) -> None:
    """Schrijf een rapport (inspectiedossier, bestuursrapportage, openbare cijfers of
    thuiszitterslijst)."""
    import os
    import time
    from datetime import date

    import duckdb

    from dashboard.report import (
        PUBLIC,
        REGISTER,
        REPORT_FORMATS,
        ReportError,
        build_register,
        build_report,
        check_target,
        write_report,
    )
    from dashboard.report.content import check_school_year

    register = report == REGISTER
    if report not in REPORT_FORMATS:
        fail(f"Onbekend rapport '{report}': kies {', '.join(list(REPORT_FORMATS)[:-1])} of "
             f"{list(REPORT_FORMATS)[-1]}.", 2)
    if fmt not in REPORT_FORMATS[report]:
        fail(f"Onbekend formaat '{fmt}' voor het rapport {report}: kies "
             f"{' of '.join(REPORT_FORMATS[report])}.", 2)
    role = role or ("kwaliteit" if register else "bestuur")
    try:
        who = get_role(role)
    except RoleError:
        fail(f"Onbekende rol '{role}': kies uit {', '.join(ROLE_NAMES)}.", 2)
    if not who.network:
        fail(f"Een rapport beschrijft het hele samenwerkingsverband; de rol {role} ziet alleen "
             f"de eigen scholen en kan geen rapport exporteren. Exporteer als "
             f"{', '.join(roles_for('network'))}.", 2)
    if register:
        if as_of is None:
            fail(f"Het rapport {REGISTER} vraagt een peildatum: --as-of JJJJ-MM-DD.", 2)
        try:
            day = date.fromisoformat(as_of)
        except ValueError:
            fail(f"Ongeldige peildatum '{as_of}': schrijf JJJJ-MM-DD, bv. 2025-03-31.", 2)
    elif year is not None or report != PUBLIC:
        if year is None:
            fail(f"Het rapport {report} vraagt een schooljaar: --year JJJJ-JJJJ.", 2)
        try:
            year = check_school_year(year)
        except ReportError as exc:
            fail(str(exc), 2)
    if not warehouse_path(db).exists():
        fail(f"Er is geen warehouse op {warehouse_path(db)}: laad eerst gegevens met pib load.")
    if not out_file.parent.is_dir():
        fail(f"De map {out_file.parent} bestaat niet.")
    try:
        check_target(out_file, fmt)  # before any work; write_report checks again
    except ReportError as exc:
        fail(str(exc), 1)
    if fmt == "pdf":  # before any work: Chromium and the font must be there
        from dashboard.report.pdf import font_dir
        from dashboard.report.render import browser_path

        try:
            font_dir()
            browser_path()
        except ReportError as exc:
            fail(str(exc), 1)
    started = time.monotonic()
    try:
        content = (build_register(day, role=role, db=db) if register
                   else build_report(report, year, role=role, db=db))
    except ReportError as exc:  # no data for that school year, a role that may not
        fail(str(exc), 1)
    except duckdb.Error as exc:
        fail(f"Het warehouse {warehouse_path(db)} kan niet gelezen worden: {exc}", 1)
    if out_file.suffix.lower() != f".{fmt}":
        err.print(f"Let op: {out_file.name} krijgt de inhoud van een .{fmt}-bestand.",
                  markup=False)
    try:
        written = write_report(content, fmt, out_file)
    except ReportError as exc:  # chromium or the font missing, no such folder
        fail(str(exc), 1)
    except OSError as exc:
        fail(f"Het rapport kon niet worden geschreven naar {out_file}: {exc}", 1)
    from dashboard.access import record_audit

    when = (f"peildatum {day.isoformat()}" if register
            else f"schooljaar {content.school_year}")
    record_audit("export", f"rapport {report}, {when}, formaat {fmt}, "
                 f"bestand {written.name}", os.environ.get("USER") or None, role, db)
    privacy = (f"Gegevens per leerling zonder nummers (rol {role})." if register
               else f"Kleine aantallen zijn onderdrukt (rol {content.query_role})"
               + ("; aantallen afgerond op vijftallen." if report == PUBLIC else "."))
    shown = day.isoformat() if register else content.school_year
    out.print(f"Rapport geschreven: {written} ({report} {shown}, {fmt}, "
              f"{written.stat().st_size / 1024:.0f} kB, {time.monotonic() - started:.1f} s). "
              f"{privacy}", markup=False, highlight=False, soft_wrap=True)


def main() -> None:
    """The console script `pib`."""
    app()
