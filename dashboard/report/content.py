"""What a report holds: sections built from named queries only, with Dutch headers and labels.

A report is a cover (organisation, school year, generation time, data freshness) and a list of
sections. Each section is one named query with its parameters, run for a *suppressed* role, the
result presented with Dutch column headers and code labels, the query's Dutch title and
definition (`titel:` and `definitie:` of its SQL header, via `describe()`), the exact `pib query`
command that reproduces it, and optionally a Plotly figure. The writers (`xlsx.py`, `pdf.py`)
only lay this out; no figure is computed here except the bestuur report's difference with last
year and its status against the target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime

import plotly.graph_objects as go
import polars as pl

from dashboard.charts import ACCENT, COLOURS, style, target_line
from dashboard.geo import municipality_name
from dashboard.labels import code_label, label
from etl.schoolyear import SchoolYear
from etl.settings import get_settings
from queries import describe, list_queries, run_query
from queries.layer import EXACT_ROLES, SUPPRESSED_ROLES

REPORTS = ("inspectie", "bestuur")
ROLES = EXACT_ROLES + SUPPRESSED_ROLES
SUPPRESSED_HEADER = "Onderdrukt"


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
    title: str  # Dutch title of the section
    sheet: str  # Dutch sheet name (at most 31 characters)
    intro: str  # one or two Dutch sentences: what the table shows
    query: str  # the named query
    params: dict[str, object]  # the parameters it ran with (defaults filled in)
    scope: str | None  # rows kept, in words (e.g. "schooljaren tot en met 2024-2025")
    table: pl.DataFrame  # Dutch headers and labels; columns starting with `_` are not shown
    kinds: dict[str, str]  # header -> column kind
    hidden: pl.DataFrame  # same shape as table: True where a cell is suppressed
    figure: go.Figure | FigureGrid | None = None
    notes: tuple[str, ...] = ()
    highlight: str | None = None  # a boolean column: rows to emphasise (e.g. a coverage gap)
    sources: dict[str, str] = field(default_factory=dict)  # header -> query column
    pdf_columns: tuple[str, ...] = ()  # the columns a PDF shows (all when empty)
    pdf_transpose: bool = False  # PDF: one row per column, one column per row (wide tables)

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
        parts = [f"pib query {self.query} --role bestuur"]
        parts += [f"--param {k}={v}" for k, v in self.params.items() if v is not None]
        return " ".join(parts)

    @property
    def source(self) -> str:
        text = f"Bron: {self.command}"
        return f"{text} ({self.scope})" if self.scope else text

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
    freshness: pl.DataFrame  # Dutch headers
    sections: list[Section] = field(default_factory=list)
    loads: Section | None = None  # the loads included (load_history when present)

    @property
    def privacy_note(self) -> str:
        asked = "" if self.role == self.query_role else f", ook als rol {self.role} exporteert"
        return (
            f"Kleine aantallen zijn onderdrukt: een groep van minder dan {self.min_cell} "
            f"leerlingen of gevallen wordt niet getoond, net als de cijfers die daaruit volgen "
            f"(rol {self.query_role}; elke export past dit toe{asked})."
        )

    @property
    def cover_rows(self) -> list[tuple[str, str]]:
        return [
            (label("organisation").capitalize(), self.organisation),
            ("Schooljaar", f"{self.school_year} ({self.first_day:%d-%m-%Y} t/m "
                           f"{self.last_day:%d-%m-%Y})"),
            ("Gegenereerd op", f"{self.generated_at:%d-%m-%Y %H:%M}"),
            ("Gegevens bijgewerkt", freshness_summary(self.freshness)),
            ("Privacy", self.privacy_note),
            ("Bron", "Passend in Beeld: elk cijfer komt uit een benoemde query "
                     "(queries/*.sql, definities in docs/kpis.md) en is na te rekenen met "
                     "het genoemde pib query-commando."),
        ]


# ---------------------------------------------------------------------------------------------
# Presentation helpers


def query_role(role: str) -> str:
    """The suppressed role an export runs its queries with, whatever role asked for it."""
    if role not in ROLES:
        raise ReportError(f"Onbekende rol '{role}': kies uit {', '.join(ROLES)}.")
    return role if role in SUPPRESSED_ROLES else "bestuur"


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


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


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


# (source column, Dutch header, kind); kind "code:FIELD" shows the label of a code,
# "municipality" the name of a gemeente code.
Spec = list[tuple[str, str, str]]


def _present(frame: pl.DataFrame, query: str, spec: Spec) -> tuple[pl.DataFrame, dict[str, str],
                                                                    pl.DataFrame]:
    """The frame with Dutch headers and labels, the column kinds, and the suppression mask.
    Every source column of `spec` must exist: a renamed query column fails loudly here."""
    mask = _hidden_mask(frame, query)
    spec = list(spec)
    if "suppressed" in frame.columns:
        spec.append(("suppressed", SUPPRESSED_HEADER, "flag"))
    columns, kinds, hidden = [], {}, []
    for source, header, kind in spec:
        expr = pl.col(source)
        if kind.startswith("code:"):
            field_name = kind[5:]
            expr = expr.map_elements(lambda c, f=field_name: code_label(f, c),
                                     return_dtype=pl.String, skip_nulls=False)
            kind = "text"
        elif kind == "municipality":
            expr = expr.map_elements(municipality_name, return_dtype=pl.String,
                                     skip_nulls=False)
            kind = "text"
        columns.append(expr.alias(header))
        kinds[header] = kind
        hidden.append(mask.get(source, pl.Series([False] * frame.height)).alias(header))
    table = frame.select(columns)
    return table, kinds, pl.DataFrame(hidden) if hidden else pl.DataFrame()


def _section(key: str, title: str, intro: str, query: str, params: dict[str, object],
             spec: Spec, role: str, db, *, scope_year: str | None = None,
             sheet: str | None = None, figure=None, notes: tuple[str, ...] = (),
             highlight: pl.Expr | None = None, **extra: object) -> Section:
    frame = run_query(query, params, role=role, db=db)
    scope = None
    if scope_year is not None:
        frame = frame.filter(pl.col("school_year") <= scope_year)
        scope = f"schooljaren tot en met {scope_year}"
    table, kinds, hidden = _present(frame, query, spec)
    sources = {header: source for source, header, _ in spec}
    if "suppressed" in frame.columns:
        sources[SUPPRESSED_HEADER] = "suppressed"
    if highlight is not None:
        table = table.with_columns(highlight)
    fig = figure(frame) if figure and frame.height else None
    bound = {p.name: params.get(p.name, _default(p)) for p in describe(query).params}
    return Section(
        key=key, title=title, sheet=sheet_name(sheet or title), intro=intro, query=query,
        params={k: v for k, v in bound.items() if v is not None}, scope=scope, table=table,
        kinds=kinds, hidden=hidden, figure=fig, notes=notes, sources=sources,
        highlight=highlight.meta.output_name() if highlight is not None else None,
        **extra,
    )


def _default(param) -> object:
    if param.default and param.default.startswith("settings."):
        return getattr(get_settings(), param.default[9:])
    return param.default


def freshness_table(role: str, db) -> pl.DataFrame:
    fresh = run_query("data_freshness", {}, role=role, db=db)
    return fresh.select(
        pl.col("entity").map_elements(lambda c: _cap(code_label("entity", c)),
                                      return_dtype=pl.String).alias("Gegevensbron"),
        pl.col("last_loaded_at").alias("Laatst geladen"),
        pl.col("last_file").alias("Bestand"),
        pl.col("rows").alias("Rijen"),
    )


def freshness_summary(fresh: pl.DataFrame) -> str:
    loaded = fresh.filter(pl.col("Laatst geladen").is_not_null())
    if loaded.height == 0:
        return "er zijn nog geen gegevens geladen"
    first, last = loaded["Laatst geladen"].min(), loaded["Laatst geladen"].max()
    if first.date() == last.date():
        return f"{last:%d-%m-%Y %H:%M} (laatste lading)"
    return f"tussen {first:%d-%m-%Y} en {last:%d-%m-%Y %H:%M} (per bron, zie de tabel)"


FRESHNESS_KINDS = {"Gegevensbron": "text", "Laatst geladen": "datetime", "Bestand": "text",
                   "Rijen": "count"}


LOADS_LIMIT = 100


def _loads_section(role: str, db) -> Section | None:
    """The loads the warehouse holds (`load_history`; skipped while that query is absent)."""
    if "load_history" not in list_queries():
        return None
    return _section(
        "load_history", "Ladingen",
        f"De ladingen van bronbestanden waaruit dit rapport is opgebouwd (de "
        f"{LOADS_LIMIT} meest recente), met wat elke lading las, laadde en in quarantaine zette.",
        "load_history", {"limit": LOADS_LIMIT},
        [("load_id", "Lading", "count"), ("file", "Bestand", "text"),
         ("entity", "Gegevensbron", "code:entity"), ("source", "Bron", "text"),
         ("rows_read", "Gelezen", "count"), ("rows_loaded", "Geladen", "count"),
         ("rows_quarantined", "In quarantaine", "count"),
         ("started_at", "Gestart", "datetime"), ("finished_at", "Klaar", "datetime"),
         ("outcome", "Uitkomst", "text"), ("message", "Melding", "text")],
        role, db, sheet="Ladingen",
        pdf_columns=("Bestand", "Gegevensbron", "Gelezen", "Geladen", "In quarantaine", "Klaar",
                     "Uitkomst"),
    )


# ---------------------------------------------------------------------------------------------
# Charts


def _trend_figure(frame: pl.DataFrame, column: str, title: str, y_title: str, *,
                  percent: bool = False, target: float | None = None,
                  colour: str = ACCENT) -> go.Figure:
    fig = go.Figure(go.Scatter(
        x=frame["school_year"].to_list(), y=frame[column].to_list(), mode="lines+markers",
        line={"color": colour, "width": 3}, marker={"size": 8}, name=y_title,
        connectgaps=False,
    ))
    style(fig, title, x="Schooljaar", y=y_title, percent=percent)
    if target is not None:
        text = f"doel {target:.0%}" if percent else f"doel {_nl_number(target)}"
        target_line(fig, target, text)
    fig.update_layout(showlegend=False)
    _category_axis(fig, frame.height)
    fig.update_yaxes(rangemode="tozero")  # an honest scale: a board compares heights
    return fig


def _category_axis(fig: go.Figure, count: int) -> None:
    """School years as categories, with half a step of room on both sides."""
    fig.update_xaxes(type="category", range=[-0.5, max(count, 1) - 0.5])


def _nl_number(value: float) -> str:
    text = f"{value:,.1f}" if value % 1 else f"{value:,.0f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def _waiting_figure(frame: pl.DataFrame, norm_days: int, target: float | None) -> go.Figure:
    data = frame.sort("need_category")
    names = [code_label("need_category", c) for c in data["need_category"]]
    fig = go.Figure(go.Bar(
        x=data["within_norm_share"].to_list(), y=names, orientation="h",
        marker={"color": [COLOURS["need_category"].get(c, ACCENT)
                          for c in data["need_category"]]},
    ))
    style(fig, f"Besluit binnen {norm_days} dagen, per ondersteuningsbehoefte",
          x="Aandeel binnen de norm", y=None)
    fig.update_xaxes(tickformat=".0%", range=[0, 1])
    fig.update_yaxes(autorange="reversed")
    if target is not None:
        fig.add_vline(x=target, line_dash="dash", line_color="#555555",
                      annotation_text=f"doel {target:.0%}", annotation_position="top")
    fig.update_layout(showlegend=False)
    return fig


def _admissions_figure(frame: pl.DataFrame) -> go.Figure:
    fig = go.Figure()
    palette = COLOURS.get("request_type") or {}  # the dashboard's colours, when it has them
    for code in ("admission_sbo", "admission_so", "admission_vso"):
        part = frame.filter(pl.col("request_type") == code)
        fig.add_trace(go.Scatter(
            x=part["school_year"].to_list(), y=part["per_1000_pupils"].to_list(),
            mode="lines+markers", name=code_label("request_type", code),
            line={"color": palette.get(code, ACCENT), "width": 3}, marker={"size": 8},
        ))
    style(fig, f"{_cap(label('admissions'))} per 1.000 leerlingen in het regulier onderwijs",
          x="Schooljaar", y="Per 1.000 leerlingen")
    _category_axis(fig, frame["school_year"].n_unique())
    fig.update_yaxes(rangemode="tozero")
    fig.update_layout(legend={"orientation": "h", "y": -0.2})
    return fig


def _outcomes_figure(frame: pl.DataFrame, target: float | None) -> go.Figure:
    fig = go.Figure()
    for column, name, colour in (
        ("achieved_share", "Doelen behaald", COLOURS["goal_attainment"]["achieved"]),
        ("achieved_or_partly_share", "Behaald of deels behaald",
         COLOURS["goal_attainment"]["partly"]),
    ):
        fig.add_trace(go.Scatter(
            x=frame["school_year"].to_list(), y=frame[column].to_list(), mode="lines+markers",
            name=name, line={"color": colour, "width": 3}, marker={"size": 8},
        ))
    style(fig, "Resultaat van ondersteuning (evaluaties)", x="Schooljaar",
          y="Aandeel evaluaties", percent=True)
    target_line(fig, target, f"doel behaald {target:.0%}" if target is not None else "")
    _category_axis(fig, frame.height)
    fig.update_yaxes(range=[0, 1])
    fig.update_layout(legend={"orientation": "h", "y": -0.2})
    return fig


def _prevention_figure(frame: pl.DataFrame, target: float | None) -> go.Figure:
    fig = go.Figure()
    curative = [
        None if t is None or p is None else t - p
        for t, p in zip(frame["hours_total"], frame["hours_preventive"], strict=True)
    ]
    years = frame["school_year"].to_list()
    fig.add_trace(go.Bar(x=years, y=frame["hours_preventive"].to_list(),
                         name=code_label("prevention_level", "preventive"),
                         marker={"color": COLOURS["prevention_level"]["preventive"]}))
    fig.add_trace(go.Bar(x=years, y=curative, name=code_label("prevention_level", "curative"),
                         marker={"color": COLOURS["prevention_level"]["curative"]}))
    fig.add_trace(go.Scatter(x=years, y=frame["preventive_hours_share"].to_list(),
                             name="Aandeel preventieve uren", yaxis="y2", mode="lines+markers",
                             line={"color": "#333333", "width": 3}, marker={"size": 8}))
    style(fig, "Uren ondersteuning: preventief en curatief", x="Schooljaar", y="Uren")
    fig.update_layout(
        barmode="stack", legend={"orientation": "h", "y": -0.2, "traceorder": "normal"},
        yaxis={"tickformat": ",d"},
        yaxis2={"overlaying": "y", "side": "right", "tickformat": ".0%", "range": [0, 1],
                "tickmode": "linear", "tick0": 0, "dtick": 0.2,
                "title": {"text": "Aandeel preventief"}, "showgrid": False},
    )
    if target is not None:
        fig.add_shape(type="line", xref="paper", x0=0, x1=1, yref="y2", y0=target, y1=target,
                      line={"dash": "dash", "color": "#555555"})
        fig.add_annotation(xref="paper", x=0, yref="y2", y=target, xanchor="left",
                           yanchor="bottom", text=f"doel {target:.0%}", showarrow=False)
    fig.update_xaxes(type="category")
    return fig


# ---------------------------------------------------------------------------------------------
# The reports


def _inspection_sections(year: str, role: str, db) -> list[Section]:
    settings = get_settings()
    targets = settings.targets
    _, last_day = settings.school_year_bounds(year)
    norm = settings.decision_days
    referrals = _cap(label("referrals"))
    sections: list[Section] = []

    # 1. Referrals and decisions by type: pivoted request type x decision.
    frame = run_query("referrals_by_decision", {}, role=role, db=db).filter(
        pl.col("school_year") == year
    )
    sections.append(_decision_section(frame, year, referrals))

    # 2. Waiting times against the norm.
    sections.append(_section(
        "waiting_times", "Wachttijden tot besluit",
        f"{referrals} ontvangen in {year} met een besluit: mediane en lange (90e percentiel) "
        f"wachttijd in kalenderdagen en het aandeel besloten binnen de norm van {norm} dagen "
        f"(zorgplicht: zes weken).",
        "waiting_times", {"school_year": year, "norm_days": norm},
        [("school_year", "Schooljaar", "text"),
         ("need_category", "Ondersteuningsbehoefte", "code:need_category"),
         ("decided", "Besluiten", "count"), ("median_days", "Mediane wachttijd (dagen)", "days"),
         ("p90_days", "90e percentiel (dagen)", "days"),
         ("within_norm_share", f"Binnen {norm} dagen", "share")],
        role, db,
        figure=lambda f: _waiting_figure(f, norm, targets.get("within_norm_share")),
        notes=(f"Norm: {norm} dagen ([norms] decision_days in pib.toml).",),
    ))

    # 3. Open at the end of the school year.
    sections.append(_section(
        "open_referrals", "Openstaand aan het eind van het schooljaar",
        f"{referrals} die op {last_day:%d-%m-%Y}, de laatste dag van het schooljaar, nog op een "
        f"besluit wachtten, en hoe lang al.",
        "open_referrals", {"as_of": last_day.isoformat()},
        [("open_total", "Openstaand", "count"),
         ("open_over_6_weeks", "Langer dan 6 weken", "count"),
         ("open_over_10_weeks", "Langer dan 10 weken", "count"),
         ("oldest_days", "Oudste (dagen)", "count")],
        role, db, sheet="Openstaand einde schooljaar",
        notes=("6 weken = 42 dagen (zorgplicht); 10 weken = 70 dagen (met de verlenging van "
               "4 weken).",),
    ))

    # 4. Admissions (TLV) per 1,000 pupils.
    admissions = _cap(label("admissions"))
    sections.append(_section(
        "admissions", f"{admissions} per 1.000 leerlingen",
        f"Toegekende {label('admissions')} naar speciaal (basis)onderwijs per schooljaar van "
        f"het besluit, per 1.000 leerlingen in het regulier onderwijs.",
        "admissions", {},
        [("school_year", "Schooljaar", "text"),
         ("request_type", "Soort", "code:request_type"),
         ("granted", "Toegekend", "count"), ("per_1000_pupils", "Per 1.000 leerlingen", "rate")],
        role, db, scope_year=year, figure=_admissions_figure,
    ))

    # 5. Coverage: gemeente x need, with gaps.
    gap = pl.col("Tekort").fill_null(0) > 0
    sections.append(_section(
        "coverage", "Dekkend aanbod per gemeente en behoefte",
        f"Vraag (leerlingen met een toegekende {label('referral')} in {year}) tegenover de "
        f"capaciteit van het aanbod, per gemeente en ondersteuningsbehoefte. Rijen met een "
        f"tekort zijn gemarkeerd.",
        "coverage", {"school_year": year},
        [("municipality_code", "Gemeentecode", "text"),
         ("municipality_code", "Gemeente", "municipality"),
         ("need_category", "Ondersteuningsbehoefte", "code:need_category"),
         ("demand", "Vraag (leerlingen)", "count"), ("capacity", "Capaciteit (plaatsen)", "count"),
         ("gap", "Tekort", "count"), ("coverage_ratio", "Dekkingsgraad", "share")],
        role, db, sheet="Dekkend aanbod", highlight=gap.alias("_tekort"),
        pdf_columns=("Gemeente", "Ondersteuningsbehoefte", "Vraag (leerlingen)",
                     "Capaciteit (plaatsen)", "Tekort", "Dekkingsgraad"),
        notes=("Dekkingsgraad = capaciteit / vraag; leeg als er geen vraag is.",),
    ))

    # 6. Out of school per 1,000.
    title = label("out_of_school_title")
    sections.append(_section(
        "out_of_school", f"{title} per 1.000 leerlingen",
        "Leerlingen met absoluut verzuim of langdurig relatief verzuim in het schooljaar, per "
        "1.000 ingeschreven leerlingen, en leerlingen met een vrijstelling.",
        "out_of_school", {},
        [("school_year", "Schooljaar", "text"),
         ("pupils_out_of_school", _cap(label("out_of_school")), "count"),
         ("per_1000_pupils", "Per 1.000 leerlingen", "rate"),
         ("pupils_exempted", "Vrijgesteld", "count")],
        role, db, scope_year=year, sheet=title,
        figure=lambda f: _trend_figure(
            f, "per_1000_pupils", f"{title} per 1.000 leerlingen", "Per 1.000 leerlingen",
            target=targets.get("out_of_school_per_1000"), colour="#D55E00"),
    ))

    # 7. Preventive and curative.
    sections.append(_section(
        "prevention_trend", "Preventief en curatief",
        "Gestarte ondersteuning per schooljaar en de uren daarvan, preventief (vóór een "
        "aanmelding) en curatief.",
        "prevention_trend", {},
        [("school_year", "Schooljaar", "text"),
         ("supports_started", "Gestart", "count"),
         ("preventive_started", "Waarvan preventief", "count"),
         ("hours_total", "Uren totaal", "hours"), ("hours_preventive", "Uren preventief", "hours"),
         ("preventive_hours_share", "Aandeel preventieve uren", "share")],
        role, db, scope_year=year,
        figure=lambda f: _prevention_figure(f, targets.get("preventive_hours_share")),
    ))

    # 8. Outcomes.
    sections.append(_section(
        "outcomes", "Resultaten van ondersteuning",
        "Evaluaties van ondersteuning per schooljaar: het aandeel waarin de doelen zijn behaald, "
        "en behaald of deels behaald.",
        "outcomes", {},
        [("school_year", "Schooljaar", "text"), ("evaluated", "Evaluaties", "count"),
         ("achieved_share", "Doelen behaald", "share"),
         ("achieved_or_partly_share", "Behaald of deels behaald", "share")],
        role, db, scope_year=year, sheet="Resultaten",
        figure=lambda f: _outcomes_figure(f, targets.get("achieved_share")),
    ))
    return sections


DECISIONS = ("granted", "rejected", "withdrawn", "referred", "undecided")
REQUEST_TYPES = ("consultation", "arrangement", "admission_sbo", "admission_so", "admission_vso",
                 "other")


def _decision_label(code: str) -> str:
    return "Nog geen besluit" if code == "undecided" else code_label("decision", code)


def _decision_section(frame: pl.DataFrame, year: str, referrals: str) -> Section:
    """referrals_by_decision for one year as a cross table: request type x decision."""
    mask = _hidden_mask(frame, "referrals_by_decision")["referrals"]
    cells = {(r["request_type"], r["decision"]): (r["referrals"], hid)
             for r, hid in zip(frame.iter_rows(named=True), mask, strict=True)}
    types = [t for t in REQUEST_TYPES if any(k[0] == t for k in cells)]
    types += sorted({k[0] for k in cells} - set(types))
    decisions = [d for d in DECISIONS if any(k[1] == d for k in cells)]
    decisions += sorted({k[1] for k in cells} - set(decisions))
    data: dict[str, list] = {"Soort aanvraag": [code_label("request_type", t) for t in types]}
    hidden: dict[str, list] = {"Soort aanvraag": [False] * len(types)}
    kinds = {"Soort aanvraag": "text"}
    for d in decisions:
        header = _decision_label(d)
        data[header] = [cells.get((t, d), (None, False))[0] for t in types]
        hidden[header] = [cells.get((t, d), (None, False))[1] for t in types]
        kinds[header] = "count"
    table = pl.DataFrame(data, schema={h: pl.String if k == "text" else pl.Int64
                                       for h, k in kinds.items()})
    return Section(
        key="referrals_by_decision", title=f"{referrals} en besluiten",
        sheet=sheet_name(f"{referrals} en besluiten" if len(referrals) <= 18
                         else "Besluiten per soort aanvraag"),
        intro=f"{referrals} ontvangen in {year}, naar soort aanvraag en besluit (op de dag van "
              f"de lading).",
        query="referrals_by_decision", params={}, scope=f"schooljaar {year}", table=table,
        kinds=kinds, hidden=pl.DataFrame(hidden, schema={h: pl.Boolean for h in hidden}),
        notes=("Een lege cel zonder markering: geen aanmeldingen met die combinatie.",),
        sources={"Soort aanvraag": "request_type",
                 **{_decision_label(d): "referrals" for d in decisions}},
    )


@dataclass(frozen=True)
class Kpi:
    column: str
    name: str
    kind: str  # count, share, days, rate
    lower_is_better: bool = False
    target: str | None = None  # key in settings.targets


def kpis() -> list[Kpi]:
    norm = get_settings().decision_days
    return [
        Kpi("referrals_received", f"{_cap(label('referrals'))} ontvangen", "count"),
        Kpi("median_waiting_days", "Mediane wachttijd tot besluit (dagen)", "days", True,
            "median_waiting_days"),
        Kpi("within_norm_share", f"Besluit binnen {norm} dagen", "share", False,
            "within_norm_share"),
        Kpi("open_at_year_end", "Openstaand aan het eind van het schooljaar", "count", True),
        Kpi("supports_started", "Ondersteuning gestart", "count"),
        Kpi("preventive_hours_share", "Aandeel preventieve uren", "share", False,
            "preventive_hours_share"),
        Kpi("pupils_out_of_school", _cap(label("out_of_school")), "count", True),
        Kpi("out_of_school_per_1000", f"{label('out_of_school_title')} per 1.000 leerlingen",
            "rate", True, "out_of_school_per_1000"),
        Kpi("evaluated", "Evaluaties", "count"),
        Kpi("achieved_share", "Doelen behaald", "share", False, "achieved_share"),
        Kpi("admissions_granted", f"{_cap(label('admissions'))} toegekend", "count", True),
        Kpi("admissions_per_1000", f"{_cap(label('admissions'))} per 1.000 leerlingen", "rate",
            True, "admissions_per_1000"),
    ]


def previous_year(year: str) -> str:
    return str(SchoolYear.parse(year).previous)


def _status(kpi: Kpi, value, target) -> str:
    if target is None or value is None:
        return ""
    ok = value <= target if kpi.lower_is_better else value >= target
    return "op koers" if ok else "niet op koers"


def _bestuur_sections(year: str, role: str, db) -> list[Section]:
    settings = get_settings()
    frame = run_query("kpi_headline", {}, role=role, db=db)
    trend = frame.filter(pl.col("school_year") <= year)
    mask = _hidden_mask(frame, "kpi_headline")
    prev = previous_year(year)

    def pick(y: str, column: str) -> tuple[object, bool]:
        idx = [i for i, v in enumerate(frame["school_year"]) if v == y]
        if not idx:
            return None, False
        return frame[column][idx[0]], bool(mask[column][idx[0]])

    rows, hidden = [], []
    for kpi in kpis():
        now, now_hidden = pick(year, kpi.column)
        before, before_hidden = pick(prev, kpi.column)
        target = settings.targets.get(kpi.target) if kpi.target else None
        change = now - before if now is not None and before is not None else None
        rows.append({
            "Kerncijfer": kpi.name, year: now, prev: before, "Verschil": change,
            "Doel": target, "Beoordeling": _status(kpi, now, target), "_kind": kpi.kind,
        })
        hidden.append({"Kerncijfer": False, year: now_hidden, prev: before_hidden,
                       "Verschil": now_hidden or before_hidden, "Doel": False,
                       "Beoordeling": False, "_kind": False})
    schema = {"Kerncijfer": pl.String, year: pl.Float64, prev: pl.Float64,
              "Verschil": pl.Float64, "Doel": pl.Float64, "Beoordeling": pl.String,
              "_kind": pl.String}
    table = pl.DataFrame(rows, schema=schema)
    judged = [r["Beoordeling"] for r in rows if r["Doel"] is not None]
    on_track = sum(1 for j in judged if j == "op koers")
    verdict = (f" Op koers: {on_track} van de {len(judged)} kerncijfers met een doel."
               if judged else "")
    kinds = {"Kerncijfer": "text", year: "mixed", prev: "mixed", "Verschil": "mixed_signed",
             "Doel": "mixed", "Beoordeling": "text"}
    headline = Section(
        key="kpi_headline", title="Kerncijfers",
        sheet="Kerncijfers",
        intro=f"De kerncijfers van {year} naast die van {prev} en de doelen van het bestuur "
              f"(pib.toml [targets]). Bij wachttijd, openstaand, thuiszitters en "
              f"{label('admissions')} is lager beter.{verdict}",
        query="kpi_headline", params={}, scope=f"schooljaren {prev} en {year}", table=table,
        kinds=kinds, hidden=pl.DataFrame(hidden, schema={k: pl.Boolean for k in schema}),
        notes=("Verschil bij aandelen in procentpunten.",),
    )

    spec: Spec = [("school_year", "Schooljaar", "text")]
    spec += [(k.column, k.name, k.kind) for k in kpis()]
    table, kinds, hidden_trend = _present(trend, "kpi_headline", spec)
    sources = {header: source for source, header, _ in spec}
    if "suppressed" in trend.columns:
        sources[SUPPRESSED_HEADER] = "suppressed"
    trend_section = Section(
        key="kpi_trend", title="Kerncijfers door de jaren",
        sheet="Kerncijfers per jaar",
        intro="Elk kerncijfer per schooljaar, precies zoals de query het geeft.",
        query="kpi_headline", params={}, scope=f"schooljaren tot en met {year}", table=table,
        kinds=kinds, hidden=hidden_trend, pdf_transpose=True, sources=sources,
    )
    return [headline, trend_section]


def bestuur_figures(year: str, role: str, db) -> list[go.Figure]:
    """Trend lines per KPI with its target line (the board's charts)."""
    settings = get_settings()
    frame = run_query("kpi_headline", {}, role=role, db=db).filter(
        pl.col("school_year") <= year
    )
    if frame.height == 0:
        return []
    figures = []
    for kpi in kpis():
        if kpi.target is None:
            continue
        figures.append(_trend_figure(
            frame, kpi.column, kpi.name, "", percent=kpi.kind == "share",
            target=settings.targets.get(kpi.target),
        ))
    return figures


def build(kind: str, school_year: str, role: str = "bestuur", db=None,
          generated_at: datetime | None = None) -> Report:
    """Build a report (`inspectie` or `bestuur`) for a school year; queries run suppressed."""
    if kind not in REPORTS:
        raise ReportError(f"Onbekend rapport '{kind}': kies inspectie of bestuur.")
    year = check_school_year(school_year)
    qrole = query_role(role)
    settings = get_settings()
    first_day, last_day = settings.school_year_bounds(year)
    when = (generated_at or datetime.now()).replace(microsecond=0)
    years = run_query("filter_school_years", {}, role=qrole, db=db)["school_year"].to_list()
    if year not in years:
        known = f"wel voor {years[0]} t/m {years[-1]}" if years else "er zijn nog geen gegevens"
        raise ReportError(f"Voor schooljaar {year} zijn er geen gegevens ({known}).")
    fresh = freshness_table(qrole, db)
    if kind == "inspectie":
        title = "Inspectiedossier passend onderwijs"
        subtitle = ("Verantwoording voor inspectiebezoek en jaarverslag: "
                    "aanmeldingen, wachttijden, dekkend aanbod, thuiszitters en resultaten")
        sections = _inspection_sections(year, qrole, db)
        loads = _loads_section(qrole, db)
    else:
        title = "Bestuursrapportage passend onderwijs"
        subtitle = f"Kerncijfers {year} tegenover doelen en vorig schooljaar"
        sections = _bestuur_sections(year, qrole, db)
        figures = bestuur_figures(year, qrole, db)
        if figures:
            sections[0] = replace(sections[0], figure=FigureGrid(tuple(figures)))
        loads = None
    return Report(
        kind=kind, title=title, subtitle=subtitle, organisation=settings.organisation,
        school_year=year, first_day=first_day, last_day=last_day, role=role, query_role=qrole,
        min_cell=settings.min_cell, generated_at=when, freshness=fresh, sections=sections,
        loads=loads,
    )
