"""The inspection tables, defined once: the Rapportage page shows them and the inspection
report exports them.

Each table is one named query with its fixed parameters and its columns: the query column, the
Dutch (or Flemish) header from `dashboard.labels`, and how a value is written (a kind of
`dashboard.formatting`, `code:FIELD` for the label of a code, `municipality` for the name of a
gemeente code). The report adds a sheet name, an introduction, notes and a figure built by the
same `dashboard.figures` builders as the pages. No Streamlit here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import plotly.graph_objects as go
import polars as pl

from dashboard.figures import admissions as admissions_figures
from dashboard.figures import leersteun as leersteun_figures
from dashboard.figures import out_of_school as out_of_school_figures
from dashboard.figures import outcomes as outcomes_figures
from dashboard.figures import prevention as prevention_figures
from dashboard.figures import waiting as waiting_figures
from dashboard.formatting import text as formatted
from dashboard.geo import municipality_name
from dashboard.kpis import LEERSTEUN_KPI, kpi
from dashboard.labels import capital, code_label, label
from etl.settings import get_settings

UNDECIDED = "undecided"  # the decision code of referrals_by_decision for a referral not decided


def code_text(field_name: str, code: str | None) -> str:
    """The label of a code; a referral without a decision says so."""
    if field_name == "decision" and code == UNDECIDED:
        return label("rep_undecided")
    return code_label(field_name, code)


@dataclass(frozen=True)
class Column:
    source: str  # the query column
    header: str  # Dutch (or Flemish) header
    kind: str  # a kind of dashboard.formatting, `code:FIELD` or `municipality`

    @property
    def is_text(self) -> bool:
        return self.kind in ("text", "municipality") or self.kind.startswith("code:")

    def present(self, value: object) -> object:
        """A code or gemeente code as its label; any other value unchanged."""
        if self.kind.startswith("code:"):
            return code_text(self.kind[5:], value)  # type: ignore[arg-type]
        if self.kind == "municipality":
            return municipality_name(value)  # type: ignore[arg-type]
        return value

    def text(self, value: object) -> str:
        """The value as a page writes it."""
        if self.kind.startswith("code:") or self.kind == "municipality":
            return str(self.present(value))
        return formatted(value, self.kind)


@dataclass(frozen=True)
class Table:
    query: str  # the named query, also the table's key
    title: str
    columns: tuple[Column, ...]
    params: dict[str, object] = field(default_factory=dict)  # fixed parameters
    sheet: str = ""  # the report's sheet name (the title when empty)
    intro: str = ""  # the report's introduction
    notes: tuple[str, ...] = ()
    figure: Callable[[pl.DataFrame], go.Figure | None] | None = None  # the report's figure

    @property
    def key(self) -> str:
        return self.query


def as_of_date(year: str) -> date:
    """Last day of the school year, or today while the year is still running."""
    return min(get_settings().school_year_bounds(year)[1], date.today())


def _if_any(column: str, build: Callable[[pl.DataFrame], go.Figure]):
    """A figure builder that gives None when `column` has no value (all suppressed)."""
    return lambda frame: build(frame) if frame[column].drop_nulls().len() else None


def inspection_tables(year: str) -> list[Table]:
    """The tables of the inspection pack for a school year, in their order."""
    settings = get_settings()
    norm = settings.decision_days
    referrals = capital(label("referrals"))
    school_year = Column("school_year", capital(label("school_year")), "text")
    need = Column("need_category", capital(label("need_category")), "code:need_category")
    request_type = Column("request_type", label("rep_col_request_type"), "code:request_type")
    as_of = as_of_date(year)
    return [
        Table("referrals_by_decision", label("rep_referrals", what=referrals), (
            request_type,
            Column("decision", label("rep_col_decision"), "code:decision"),
            Column("referrals", referrals, "count"),
        ), sheet=label("rpt_sheet_referrals", what=referrals),
            intro=label("rpt_intro_referrals", what=referrals, year=year),
            notes=(label("rpt_note_referrals"),)),
        Table("waiting_times", label("rep_waiting", days=norm), (
            school_year, need,
            Column("decided", label("decided"), "count"),
            Column("median_days", label("median_days"), "days"),
            Column("p90_days", label("rep_col_p90_days"), "days"),
            Column("within_norm_share", label("within_days", days=norm), "share"),
        ), sheet=label("rpt_sheet_waiting"),
            intro=label("rpt_intro_waiting", what=referrals, year=year, days=norm),
            notes=(label("rpt_note_waiting", days=norm),),
            figure=_if_any("within_norm_share", lambda f: waiting_figures.per_need(
                f, None, kpi("within_norm_share").target_value(), norm))),
        Table("open_referrals", label("rep_open", what=label("referrals"),
                                      date=f"{as_of:%d-%m-%Y}"), (
            Column("open_total", label("rep_col_open_total"), "count"),
            Column("open_over_6_weeks", label("open_over_6_weeks"), "count"),
            Column("open_over_10_weeks", label("open_over_10_weeks"), "count"),
            Column("oldest_days", label("oldest_days"), "count"),
        ), {"as_of": as_of.isoformat()}, sheet=label("rpt_sheet_open"),
            intro=label("rpt_intro_open", what=referrals, date=f"{as_of:%d-%m-%Y}"),
            notes=(label("rpt_note_open"),)),
        Table("admissions", label("rep_admissions", what=capital(label("admissions"))), (
            school_year, request_type,
            Column("granted", label("rep_col_granted"), "count"),
            Column("per_1000_pupils", label("rep_col_per_1000_regular"), "rate"),
        ), sheet=label("rpt_sheet_per_1000", what=capital(label("admissions"))),
            intro=label("rpt_intro_admissions", what=label("admissions")),
            figure=_if_any("per_1000_pupils", admissions_figures.per_1000)),
        Table("coverage", label("rep_coverage"), (
            Column("municipality_code", label("col_municipality_code"), "text"),
            Column("municipality_code", capital(label("municipality")), "municipality"),
            need,
            Column("demand", label("col_demand"), "count"),
            Column("capacity", label("col_capacity"), "count"),
            Column("gap", label("col_gap"), "count"),
            Column("coverage_ratio", label("col_coverage_ratio"), "share"),
        ), {"school_year": year}, sheet=label("page_coverage"),
            intro=label("rpt_intro_coverage", what=label("referral"), year=year),
            notes=(label("rpt_note_coverage"),)),
        Table("out_of_school", label("rep_out_of_school", what=label("out_of_school_title")), (
            school_year,
            Column("pupils_out_of_school", label("out_of_school_title"), "count"),
            Column("per_1000_pupils", label("per_1000_pupils"), "rate"),
            Column("pupils_exempted", label("exempted"), "count"),
        ), sheet=label("out_of_school_title"), intro=label("rpt_intro_out_of_school"),
            figure=_if_any("per_1000_pupils", lambda f: out_of_school_figures.per_1000(
                f, year, kpi("out_of_school_per_1000").target_value()))),
        Table("prevention_trend", label("rep_prevention"), (
            school_year,
            Column("supports_started", label("prev_started"), "count"),
            Column("preventive_started", label("prev_preventive_started"), "count"),
            Column("hours_total", label("rep_col_hours_total"), "hours"),
            Column("hours_preventive", label("rep_col_hours_preventive"), "hours"),
            Column("preventive_hours_share", label("prev_share"), "share"),
        ), sheet=label("page_prevention"), intro=label("rpt_intro_prevention"),
            figure=_if_any("preventive_hours_share", lambda f: prevention_figures.share_chart(
                f, year, kpi("preventive_hours_share").target_value()))),
        Table("outcomes", label("rep_outcomes"), (
            school_year,
            Column("evaluated", label("evaluations"), "count"),
            Column("achieved_share", label("goals_achieved"), "share"),
            Column("achieved_or_partly_share", label("rep_col_achieved_or_partly"), "share"),
        ), sheet=label("page_outcomes"), intro=label("rpt_intro_outcomes"),
            figure=_if_any("achieved_share", lambda f: outcomes_figures.achieved(
                f, year, kpi("achieved_share").target_value()))),
    ]


def leersteun_tables(year: str) -> list[Table]:
    """The tables of the Flemish kwaliteitsrapport leersteun for a school year, in their order:
    the shift from the pupil to the teacher and the team over the years, then the school year
    by target level, type, fase and verslag, and duration and frequency."""
    supports = Column("supports", label("ls_col_supports"), "count")
    hours = Column("hours", label("ls_hours"), "hours")
    level = Column("target_level", label("ls_col_level"), "code:target_level")
    return [
        Table("support_target_trend", label("rep_ls_trend"), (
            Column("school_year", capital(label("school_year")), "text"),
            Column("pupil_started", label("ls_pupil_started"), "count"),
            Column("teacher_started", label("ls_teacher_started"), "count"),
            Column("team_started", label("ls_team_started"), "count"),
            Column("hours_pupil", label("rep_ls_hours_pupil"), "hours"),
            Column("hours_teacher", label("rep_ls_hours_teacher"), "hours"),
            Column("hours_team", label("rep_ls_hours_team"), "hours"),
            Column("teacher_team_hours_share", label("ls_kpi_share"), "share"),
        ), sheet=label("rep_ls_trend_sheet"), intro=label("rpt_intro_ls_trend"),
            figure=_if_any("teacher_team_hours_share", lambda f: leersteun_figures.share_chart(
                f, year, LEERSTEUN_KPI.target_value()))),
        Table("support_by_target", label("ls_target_title", year=year), (
            level, Column("supports_started", label("ls_col_supports"), "count"), hours,
            Column("hours_share", label("ls_col_hours_share"), "share"),
        ), sheet=label("ls_col_level"), intro=label("rpt_intro_ls_target", year=year),
            figure=_if_any("supports_started",
                           lambda f: leersteun_figures.target_chart(f, year))),
        Table("support_by_education_type", label("ls_type_title", year=year), (
            Column("type_group", label("ls_col_type_group"), "code:type_group"),
            Column("education_type", label("ls_col_type"), "code:education_type"),
            supports, hours,
        ), sheet=label("ls_col_type"), intro=label("rpt_intro_ls_type", year=year)),
        Table("support_by_care_phase", label("ls_phase_title", year=year), (
            Column("care_phase", label("ls_col_phase"), "code:care_phase"), supports, hours,
        ), sheet=label("ls_col_phase"), intro=label("rpt_intro_ls_phase", year=year)),
        Table("support_by_report_type", label("ls_report_title", year=year), (
            Column("report_type", label("ls_col_report"), "code:report_type"), supports, hours,
        ), sheet=label("ls_col_report"), intro=label("rpt_intro_ls_report", year=year)),
        Table("support_duration", label("ls_duration_heading", year=year), (
            level, supports,
            Column("pupils", label("ls_col_pupils"), "count"),
            Column("sessions", label("ls_col_sessions"), "count"),
            Column("sessions_per_support", label("ls_col_sessions_per_support"), "dec1"),
            Column("sessions_per_pupil", label("ls_col_sessions_per_pupil"), "dec1"),
            Column("ended", label("ls_col_ended"), "count"),
            Column("median_weeks", label("ls_col_median_weeks"), "dec1"),
        ), sheet=label("rep_ls_duration_sheet"), intro=label("rpt_intro_ls_duration", year=year),
            notes=(label("ls_duration_caption"),)),
    ]
