"""What a report holds: sections built from named queries only, with Dutch headers and labels.

A report is a cover (organisation, school year, generation time, data freshness) and a list of
sections. Each section is one named query with its parameters, run for a *suppressed* role, the
result presented with the headers and code labels of its table definition (`dashboard.tables`,
the same the Rapportage page shows; the board's KPIs from `dashboard.kpis`), the query's Dutch
title and definition (`titel:` and `definitie:` of its SQL header, via `describe()`), the exact
`pib query` command that reproduces it, and optionally a figure of the pages' own builders
(`dashboard.figures`). Every text comes from `dashboard.labels`, so a Flemish export speaks
Flemish. The writers (`xlsx.py`, `pdf.py`) only lay this out; no figure is computed here except
the bestuur report's difference with last year and its status against the target.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

import plotly.graph_objects as go
import polars as pl

from dashboard.figures.overview import kpi_trend
from dashboard.kpis import KPIS, Kpi
from dashboard.labels import capital, code_label, label
from dashboard.tables import (
    Column,
    Table,
    board_tables,
    code_text,
    inspection_tables,
    leersteun_tables,
)
from etl.schoolyear import SchoolYear
from etl.settings import get_settings
from queries import describe, run_query
from queries.roles import EXACT_ROLES, EXPORT_ROLE, ROLES

REPORTS = ("inspectie", "bestuur", "kwaliteitsrapport")
# The Flemish kwaliteitsrapport leersteun (profile vl only): the leersteun tables of a year.
QUALITY_REPORT = "kwaliteitsrapport"
# The Inspectie's cumulative thuiszitters list: by peildatum (`as_of`), not by school year.
REGISTER = "thuiszitters"


def suppressed_header() -> str:
    """The header of the column that says a row holds a suppressed figure."""
    return label("rep_col_suppressed")


class ReportError(ValueError):
    """A request for a report that cannot be made (a Dutch sentence for the user)."""


@dataclass(frozen=True)
class FigureGrid:
    """Several small figures shown together (the bestuur trend charts)."""

    figures: tuple[go.Figure, ...]


@dataclass(frozen=True)
class Section:
    """One table of a report: a named query, presented."""

    key: str  # stable identifier, e.g. "waiting_times"
    title: str  # title of the section
    sheet: str  # sheet name (at most 31 characters)
    intro: str  # one or two sentences: what the table shows
    query: str  # the named query
    params: dict[str, object]  # the parameters it ran with (defaults filled in)
    scope: str | None  # rows kept, in words (e.g. "schooljaren tot en met 2024-2025")
    table: pl.DataFrame  # headers and labels; columns starting with `_` are not shown
    kinds: dict[str, str]  # header -> kind of dashboard.formatting (text for labels)
    hidden: pl.DataFrame  # same shape as table: True where a cell is suppressed
    figure: go.Figure | FigureGrid | None = None
    notes: tuple[str, ...] = ()
    highlight: str | None = None  # a boolean column: rows to emphasise (e.g. a coverage gap)
    sources: dict[str, str] = field(default_factory=dict)  # header -> query column
    pdf_columns: tuple[str, ...] = ()  # the columns a PDF shows (all when empty)
    pdf_transpose: bool = False  # PDF: one row per column, one column per row (wide tables)
    role: str = EXPORT_ROLE  # the role the query ran with (the command names it)

    @property
    def definition(self) -> str:
        """The query's Dutch definition, word for word from its SQL header (`definitie:`), as
        plain text: without the Markdown backticks around names. The English one is in
        docs/kpis.md."""
        return plain(describe(self.query).definitie)

    @property
    def query_title(self) -> str:
        """The query's Dutch title (`titel:` of its SQL header)."""
        return describe(self.query).titel

    @property
    def command(self) -> str:
        """The `pib query` command that gives the same figures."""
        parts = [f"pib query {self.query} --role {self.role}"]
        parts += [f"--param {k}={v}" for k, v in self.params.items() if v is not None]
        return " ".join(parts)

    @property
    def source(self) -> str:
        if self.scope:
            return label("rpt_source_scope", command=self.command, scope=self.scope)
        return label("rpt_source", command=self.command)

    @property
    def shown_columns(self) -> list[str]:
        return [c for c in self.table.columns if not c.startswith("_") and c != self.highlight]

    @property
    def any_hidden(self) -> bool:
        return bool(self.hidden.height) and any(
            self.hidden[c].any() for c in self.hidden.columns
        )


@dataclass(frozen=True)
class Report:
    kind: str  # "inspectie" or "bestuur"
    title: str
    subtitle: str
    organisation: str
    school_year: str
    first_day: date
    last_day: date
    role: str  # the role asked for
    query_role: str  # the suppressed role the queries ran with
    min_cell: int
    generated_at: datetime
    freshness: pl.DataFrame  # headers of freshness_columns()
    sections: list[Section] = field(default_factory=list)
    loads: Section | None = None  # the loads included (load_history when present)
    privacy: str = ""  # a privacy note of its own (the register); the suppression note if empty

    @property
    def privacy_note(self) -> str:
        if self.privacy:
            return self.privacy
        asked = ("" if self.role == self.query_role
                 else label("rpt_privacy_asked", role=self.role))
        return label("rpt_privacy", min_cell=self.min_cell, role=self.query_role, asked=asked)

    @property
    def cover_rows(self) -> list[tuple[str, str]]:
        return [
            (capital(label("organisation")), self.organisation),
            (capital(label("school_year")), label(
                "rpt_cover_year", year=self.school_year, first=f"{self.first_day:%d-%m-%Y}",
                last=f"{self.last_day:%d-%m-%Y}")),
            (label("rpt_cover_generated"), f"{self.generated_at:%d-%m-%Y %H:%M}"),
            (label("rpt_cover_fresh"), freshness_summary(self.freshness)),
            (label("rpt_cover_privacy"), self.privacy_note),
            (label("rpt_cover_source"), label("rpt_cover_source_text")),
        ]


# ---------------------------------------------------------------------------------------------
# Presentation helpers


def query_role(role: str) -> str:
    """The suppressed role an export runs its queries with, whatever role asked for it."""
    if role not in ROLES:
        raise ReportError(label("rpt_unknown_role", role=role, roles=", ".join(ROLES)))
    if not ROLES[role].network:
        raise ReportError(label("rpt_role_not_network", role=role,
                                organisation=label("organisation")))
    return EXPORT_ROLE


def check_school_year(school_year: str) -> str:
    """The school year's name, or ReportError with a Dutch sentence."""
    try:
        return str(SchoolYear.parse(school_year))
    except ValueError as exc:
        raise ReportError(str(exc)) from None


def sheet_name(text: str) -> str:
    """A valid Excel sheet name: no []:*?/\\, not starting or ending with ', at most 31."""
    clean = re.sub(r"[\[\]:*?/\\]", " ", text).strip().strip("'")
    return clean[:31].rstrip()


def plain(text: str) -> str:
    """Markdown text as plain text for a report: without the backticks around `names`."""
    return text.replace("`", "")


def _hidden_mask(frame: pl.DataFrame, query: str) -> dict[str, pl.Series]:
    """Per column: which cells the layer suppressed (the count of their rule is empty in a
    suppressed row). A cell that is empty for another reason (e.g. a ratio over 0) is not."""
    mask = {c: pl.Series(c, [False] * frame.height, dtype=pl.Boolean) for c in frame.columns}
    if "suppressed" not in frame.columns:
        return mask
    flagged = frame["suppressed"].fill_null(False)
    for rule in describe(query).suppress:
        small = frame[rule.count].is_null() & flagged
        for column in (rule.count, *rule.derived):
            mask[column] = (mask[column] | small).alias(column)
    return mask


def _present(frame: pl.DataFrame, query: str, columns: Sequence[Column]
             ) -> tuple[pl.DataFrame, dict[str, str], pl.DataFrame, dict[str, str]]:
    """The frame with the headers and labels of `columns`, the column kinds, the suppression
    mask and the query column of each header. Every source column must exist: a renamed query
    column fails loudly here."""
    mask = _hidden_mask(frame, query)
    columns = list(columns)
    if "suppressed" in frame.columns:
        columns.append(Column("suppressed", suppressed_header(), "flag"))
    exprs, kinds, hidden = [], {}, []
    for column in columns:
        expr = pl.col(column.source)
        if column.is_text and column.kind != "text":
            expr = expr.map_elements(column.present, return_dtype=pl.String, skip_nulls=False)
        exprs.append(expr.alias(column.header))
        kinds[column.header] = "text" if column.is_text else column.kind
        hidden.append(mask.get(column.source, pl.Series([False] * frame.height))
                      .alias(column.header))
    sources = {column.header: column.source for column in columns}
    return (frame.select(exprs), kinds, pl.DataFrame(hidden) if hidden else pl.DataFrame(),
            sources)


def _section(table: Table, params: dict[str, object], role: str, db, *,
             scope_year: str | None = None, highlight: pl.Expr | None = None,
             **extra: object) -> Section:
    """A table definition run for `role`: with `scope_year`, the rows of the school years up to
    it (a trend); the figure of the definition drawn from the same rows."""
    frame = run_query(table.query, {**table.params, **params}, role=role, db=db)
    if table.order is not None:
        frame = table.order(frame)
    scope = None
    if scope_year is not None:
        frame = frame.filter(pl.col("school_year") <= scope_year)
        scope = label("rpt_scope_until", year=scope_year)
    shown, kinds, hidden, sources = _present(frame, table.query, table.columns)
    if highlight is not None:
        shown = shown.with_columns(highlight)
    fig = table.figure(frame) if table.figure and frame.height else None
    bound = {p.name: {**table.params, **params}.get(p.name, _default(p))
             for p in describe(table.query).params}
    extra.setdefault("pdf_transpose", table.pdf_transpose)
    return Section(
        key=table.key, title=table.title, sheet=sheet_name(table.sheet or table.title),
        intro=table.intro, query=table.query,
        params={k: v for k, v in bound.items() if v is not None}, scope=scope, table=shown,
        kinds=kinds, hidden=hidden, figure=fig, notes=table.notes, sources=sources,
        highlight=highlight.meta.output_name() if highlight is not None else None,
        **extra,
    )


def _default(param) -> object:
    if param.default and param.default.startswith("settings."):
        return getattr(get_settings(), param.default[9:])
    return param.default


def freshness_columns() -> tuple[Column, ...]:
    """The columns of the freshness table (query data_freshness) on the cover."""
    return (Column("entity", label("rpt_col_entity"), "text"),
            Column("last_loaded_at", label("rpt_col_loaded_at"), "datetime"),
            Column("last_file", label("rpt_col_file"), "text"),
            Column("rows", label("rpt_col_rows"), "count"))


def freshness_kinds() -> dict[str, str]:
    return {c.header: c.kind for c in freshness_columns()}


def freshness_table(role: str, db) -> pl.DataFrame:
    fresh = run_query("data_freshness", {}, role=role, db=db)
    entity, loaded, file, rows = freshness_columns()
    return fresh.select(
        pl.col(entity.source).map_elements(lambda c: capital(code_label("entity", c)),
                                           return_dtype=pl.String).alias(entity.header),
        pl.col(loaded.source).alias(loaded.header),
        pl.col(file.source).alias(file.header),
        pl.col(rows.source).alias(rows.header),
    )


def freshness_summary(fresh: pl.DataFrame) -> str:
    column = freshness_columns()[1].header
    loaded = fresh.filter(pl.col(column).is_not_null())
    if loaded.height == 0:
        return label("rpt_fresh_none")
    first, last = loaded[column].min(), loaded[column].max()
    if first.date() == last.date():
        return label("rpt_fresh_one", last=f"{last:%d-%m-%Y %H:%M}")
    return label("rpt_fresh_range", first=f"{first:%d-%m-%Y}", last=f"{last:%d-%m-%Y %H:%M}")


LOADS_LIMIT = 100


def _loads_section(role: str, db) -> Section | None:
    """The loads the warehouse holds (`load_history`), in a report exported by a data-quality
    role (the only roles that query answers, CONTRACT §4); None for the others. The query
    counts rows of files, not children, so it has no suppression rule to apply."""
    if not ROLES[role].data_quality:
        return None
    columns = (
        Column("load_id", label("rpt_col_load"), "count"),
        Column("file", label("rpt_col_file"), "text"),
        Column("entity", label("rpt_col_entity"), "code:entity"),
        Column("source", label("rpt_col_source"), "text"),
        Column("rows_read", label("rpt_col_read"), "count"),
        Column("rows_loaded", label("rpt_col_loaded"), "count"),
        Column("rows_quarantined", label("rpt_col_quarantined"), "count"),
        Column("started_at", label("rpt_col_started"), "datetime"),
        Column("finished_at", label("rpt_col_finished"), "datetime"),
        Column("outcome", label("rpt_col_outcome"), "text"),
        Column("message", label("rpt_col_message"), "text"),
    )
    table = Table("load_history", label("rpt_loads"), columns, {"limit": LOADS_LIMIT},
                  sheet=label("rpt_loads"), intro=label("rpt_intro_loads", limit=LOADS_LIMIT))
    return _section(table, {}, role, db, pdf_columns=tuple(
        columns[i].header for i in (1, 2, 4, 5, 6, 8, 9)))


# ---------------------------------------------------------------------------------------------
# The reports


def _inspection_sections(year: str, role: str, db) -> list[Section]:
    return _table_sections(inspection_tables(year), year, role, db)


def _table_sections(tables: list[Table], year: str, role: str, db) -> list[Section]:
    """The sections of table definitions for a school year: a query with a school-year
    parameter runs for that year, one with a fixed peildatum as defined, any other gives its
    rows of the school years up to this one (a trend)."""
    sections: list[Section] = []
    for table in tables:
        known = {p.name for p in describe(table.query).params}
        if table.key == "referrals_by_decision":
            frame = run_query(table.query, table.params, role=role, db=db).filter(
                pl.col("school_year") == year)
            sections.append(_decision_section(table, frame, year))
        elif table.key == "coverage":
            gap = next(c.header for c in table.columns if c.source == "gap")
            sections.append(_section(
                table, {"school_year": year}, role, db,
                highlight=(pl.col(gap).fill_null(0) > 0).alias("_gap"),
                pdf_columns=tuple(c.header for c in table.columns[1:])))
        elif "school_year" in known:
            sections.append(_section(table, {"school_year": year}, role, db))
        elif "as_of" in known:  # fixed by the table definition
            sections.append(_section(table, {}, role, db))
        else:  # a trend over the school years: the years up to this one
            sections.append(_section(table, {}, role, db, scope_year=year))
    return sections


DECISIONS = ("granted", "rejected", "withdrawn", "referred", "undecided")
REQUEST_TYPES = ("consultation", "arrangement", "admission_sbo", "admission_so", "admission_vso",
                 "other")


def _decision_section(table: Table, frame: pl.DataFrame, year: str) -> Section:
    """referrals_by_decision for one year as a cross table: request type x decision, with the
    headers and labels of its table definition."""
    request_type, decision, count = table.columns
    mask = _hidden_mask(frame, table.query)[count.source]
    cells = {(r[request_type.source], r[decision.source]): (r[count.source], hid)
             for r, hid in zip(frame.iter_rows(named=True), mask, strict=True)}
    types = [t for t in REQUEST_TYPES if any(k[0] == t for k in cells)]
    types += sorted({k[0] for k in cells} - set(types))
    decisions = [d for d in DECISIONS if any(k[1] == d for k in cells)]
    decisions += sorted({k[1] for k in cells} - set(decisions))
    data: dict[str, list] = {request_type.header: [request_type.present(t) for t in types]}
    hidden: dict[str, list] = {request_type.header: [False] * len(types)}
    kinds = {request_type.header: "text"}
    sources = {request_type.header: request_type.source}
    for d in decisions:
        header = code_text("decision", d)
        data[header] = [cells.get((t, d), (None, False))[0] for t in types]
        hidden[header] = [cells.get((t, d), (None, False))[1] for t in types]
        kinds[header] = count.kind
        sources[header] = count.source
    shown = pl.DataFrame(data, schema={h: pl.String if k == "text" else pl.Int64
                                       for h, k in kinds.items()})
    return Section(
        key=table.key, title=table.title, sheet=sheet_name(table.sheet), intro=table.intro,
        query=table.query, params={}, scope=label("rpt_scope_year", year=year), table=shown,
        kinds=kinds, hidden=pl.DataFrame(hidden, schema={h: pl.Boolean for h in hidden}),
        notes=table.notes, sources=sources,
    )


def _leersteun_sections(year: str, role: str, db) -> list[Section]:
    """The kwaliteitsrapport: each leersteun table for the school year, the trend up to it."""
    sections = []
    for table in leersteun_tables(year):
        if "school_year" in {p.name for p in describe(table.query).params}:
            sections.append(_section(table, {"school_year": year}, role, db))
        else:
            sections.append(_section(table, {}, role, db, scope_year=year))
    return sections


def previous_year(year: str) -> str:
    return str(SchoolYear.parse(year).previous)


def _status(kpi: Kpi, value) -> str:
    hit = kpi.on_target(value)
    if hit is None:
        return ""
    return label("rpt_on_track") if hit else label("rpt_off_track")


def _bestuur_sections(year: str, role: str, db) -> list[Section]:
    frame = run_query("kpi_headline", {}, role=role, db=db)
    trend = frame.filter(pl.col("school_year") <= year)
    mask = _hidden_mask(frame, "kpi_headline")
    prev = previous_year(year)

    def pick(y: str, column: str) -> tuple[object, bool]:
        idx = [i for i, v in enumerate(frame["school_year"]) if v == y]
        if not idx:
            return None, False
        return frame[column][idx[0]], bool(mask[column][idx[0]])

    name_h, change_h, target_h, status_h = (label("rpt_col_kpi"), label("rpt_col_change"),
                                            label("rpt_col_target"), label("rpt_col_status"))
    rows, hidden = [], []
    for kpi in KPIS:
        now, now_hidden = pick(year, kpi.column)
        before, before_hidden = pick(prev, kpi.column)
        change = now - before if now is not None and before is not None else None
        rows.append({
            name_h: kpi.name, year: now, prev: before, change_h: change,
            target_h: kpi.target_value(), status_h: _status(kpi, now), "_kind": kpi.kind,
        })
        hidden.append({name_h: False, year: now_hidden, prev: before_hidden,
                       change_h: now_hidden or before_hidden, target_h: False,
                       status_h: False, "_kind": False})
    schema = {name_h: pl.String, year: pl.Float64, prev: pl.Float64, change_h: pl.Float64,
              target_h: pl.Float64, status_h: pl.String, "_kind": pl.String}
    table = pl.DataFrame(rows, schema=schema)
    judged = [r[status_h] for r in rows if r[target_h] is not None]
    on_track = sum(1 for j in judged if j == label("rpt_on_track"))
    verdict = label("rpt_verdict", hit=on_track, total=len(judged)) if judged else ""
    lower = ", ".join(k.name.lower() for k in KPIS if k.lower_is_better and k.target)
    kinds = {name_h: "text", year: "mixed", prev: "mixed", change_h: "mixed_signed",
             target_h: "mixed", status_h: "text"}
    headline = Section(
        key="kpi_headline", title=label("rpt_kpis"), sheet=label("rpt_kpis"),
        intro=label("rpt_intro_kpis", year=year, prev=prev, lower=lower) + verdict,
        query="kpi_headline", params={}, scope=label("rpt_scope_two", prev=prev, year=year),
        table=table, kinds=kinds,
        hidden=pl.DataFrame(hidden, schema={k: pl.Boolean for k in schema}),
        notes=(label("rpt_note_kpis"),),
    )
    columns = [Column("school_year", capital(label("school_year")), "text")]
    columns += [Column(k.column, k.name, k.kind) for k in KPIS]
    shown, kinds, hidden_trend, sources = _present(trend, "kpi_headline", columns)
    trend_section = Section(
        key="kpi_trend", title=label("rpt_kpis_trend"), sheet=label("rpt_kpis_trend_sheet"),
        intro=label("rpt_intro_kpis_trend"), query="kpi_headline", params={},
        scope=label("rpt_scope_until", year=year), table=shown, kinds=kinds,
        hidden=hidden_trend, pdf_transpose=True, sources=sources,
    )
    return [headline, trend_section]


def bestuur_figures(year: str, role: str, db) -> list[go.Figure]:
    """Trend lines per KPI with a target, the target dashed (the board's charts)."""
    frame = run_query("kpi_headline", {}, role=role, db=db).filter(
        pl.col("school_year") <= year
    )
    if frame.height == 0:
        return []
    return [kpi_trend(frame, kpi) for kpi in KPIS if kpi.target]


def build(kind: str, school_year: str, role: str = "bestuur", db=None,
          generated_at: datetime | None = None) -> Report:
    """Build a report (`inspectie`, `bestuur`, or in the profile vl `kwaliteitsrapport`) for a
    school year; queries run suppressed."""
    if kind not in REPORTS:
        raise ReportError(label("rpt_unknown_report", kind=kind))
    year = check_school_year(school_year)
    qrole = query_role(role)
    settings = get_settings()
    if kind == QUALITY_REPORT and settings.terminology != "vl":
        raise ReportError(label("rpt_kwaliteit_profile", profile=settings.terminology))
    first_day, last_day = settings.school_year_bounds(year)
    when = (generated_at or datetime.now()).replace(microsecond=0)
    years = run_query("filter_school_years", {}, role=qrole, db=db)["school_year"].to_list()
    if year not in years:
        known = (label("rpt_years_known", first=years[0], last=years[-1]) if years
                 else label("rpt_years_none"))
        raise ReportError(label("rpt_no_year", year=year, known=known))
    fresh = freshness_table(qrole, db)
    if kind == "inspectie":
        title = label("rpt_title_inspectie")
        subtitle = label("rpt_subtitle_inspectie", what=label("referrals"),
                         out_of_school=label("out_of_school"))
        sections = _inspection_sections(year, qrole, db)
        loads = _loads_section(role, db)
    elif kind == QUALITY_REPORT:
        title = label("rpt_title_kwaliteitsrapport")
        subtitle = label("rpt_subtitle_kwaliteitsrapport", year=year)
        sections = _leersteun_sections(year, qrole, db)
        loads = None
    else:
        title = label("rpt_title_bestuur")
        subtitle = label("rpt_subtitle_bestuur", year=year)
        sections = _bestuur_sections(year, qrole, db)
        figures = bestuur_figures(year, qrole, db)
        if figures:
            sections[0] = replace(sections[0], figure=FigureGrid(tuple(figures)))
        sections += _table_sections(board_tables(year), year, qrole, db)
        loads = None
    return Report(
        kind=kind, title=title, subtitle=subtitle, organisation=settings.organisation,
        school_year=year, first_day=first_day, last_day=last_day, role=role, query_role=qrole,
        min_cell=settings.min_cell, generated_at=when, freshness=fresh, sections=sections,
        loads=loads,
    )


def register_columns() -> tuple[Column, ...]:
    """The columns of the thuiszitters list (query out_of_school_register); the codes of
    article and resolution are turned into labels before (an empty one stays empty)."""
    return (
        Column("row_number", label("rpt_col_row_number"), "count"),
        Column("municipality_code", label("rpt_col_municipality"), "municipality"),
        Column("kind", label("rpt_col_kind"), "code:out_of_school_kind"),
        Column("exemption_article", label("rpt_col_article"), "text"),
        Column("started_on", label("rpt_col_start"), "date"),
        Column("ended_on", label("rpt_col_end"), "date"),
        Column("weeks", label("rpt_col_weeks"), "count"),
        Column("has_offer", label("rpt_col_has_offer"), "bool"),
        Column("resolution", label("rpt_col_resolution"), "text"),
    )


def build_register(as_of: date, role: str, db=None,
                   generated_at: datetime | None = None) -> Report:
    """The Inspectie's cumulative thuiszitters list of the school year of `as_of` up to `as_of`
    (CONTRACT §1): one section, the rows of `out_of_school_register` run for `role` itself.

    The list holds one row per episode (no ids), so only the exact roles (`kwaliteit`,
    `beheer`) may make it; ReportError (a Dutch sentence) for any other role."""
    if role not in ROLES:
        raise ReportError(label("rpt_unknown_role", role=role, roles=", ".join(ROLES)))
    if not ROLES[role].exact:
        raise ReportError(label("rpt_register_role", roles=" en ".join(EXACT_ROLES), role=role))
    settings = get_settings()
    year = str(SchoolYear.of(as_of, settings.school_year_start))
    first_day, _ = settings.school_year_bounds(year)
    when = (generated_at or datetime.now()).replace(microsecond=0)
    query = "out_of_school_register"
    frame = run_query(query, {"as_of": as_of}, role=role, db=db).with_columns(
        pl.col(name).map_elements(lambda code, f=name: code_label(f, code),
                                  return_dtype=pl.String)
        for name in ("exemption_article", "resolution")
    )
    shown, kinds, hidden, sources = _present(frame, query, register_columns())
    section = Section(
        key=query, title=label("rpt_title_register"), sheet=label("rpt_register_sheet"),
        intro=label("rpt_intro_register", first=f"{first_day:%d-%m-%Y}",
                    as_of=f"{as_of:%d-%m-%Y}"),
        query=query, params={"as_of": as_of.isoformat()}, scope=None, table=shown, kinds=kinds,
        hidden=hidden, sources=sources, role=role,
    )
    return Report(
        kind=REGISTER, title=label("rpt_title_register"),
        subtitle=label("rpt_subtitle_register", year=year, as_of=f"{as_of:%d-%m-%Y}"),
        organisation=settings.organisation, school_year=year, first_day=first_day,
        last_day=as_of, role=role, query_role=role, min_cell=settings.min_cell,
        generated_at=when, freshness=freshness_table(role, db), sections=[section],
        privacy=label("rpt_privacy_register", roles=" en ".join(EXACT_ROLES), role=role),
    )
