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
from dashboard.figures import finance as finance_figures
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
        """A code or gemeente code as its label (an empty code stays empty, e.g. the article
        of an episode that is no exemption); any other value unchanged."""
        if value is None:
            return None
        if self.kind.startswith("code:"):
            return code_text(self.kind[5:], value)  # type: ignore[arg-type]
        if self.kind == "municipality":
            return municipality_name(value)  # type: ignore[arg-type]
        return value

    def text(self, value: object) -> str:
        """The value as a page writes it."""
        if self.kind.startswith("code:") or self.kind == "municipality":
            return formatted(self.present(value), "text")
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
    pdf_transpose: bool = False  # PDF: one row per column (a wide table)
    order: Callable[[pl.DataFrame], pl.DataFrame] | None = None  # rows in reading order

    @property
    def key(self) -> str:
        return self.query


def as_of_date(year: str) -> date:
    """Last day of the school year, or today while the year is still running."""
    return min(get_settings().school_year_bounds(year)[1], date.today())


def _if_any(column: str, build: Callable[[pl.DataFrame], go.Figure]):
    """A figure builder that gives None when `column` has no value (all suppressed)."""
    return lambda frame: build(frame) if frame[column].drop_nulls().len() else None


def lead_time_columns() -> tuple[Column, ...]:
    """The columns of `lead_times`, as the Wachttijden page and the reports show them."""
    return (
        Column("school_year", capital(label("school_year")), "text"),
        Column("stage", label("wt_lt_col_stage"), "code:lead_stage"),
        Column("n", label("wt_lt_col_n"), "count"),
        Column("p25_days", label("wt_lt_col_p25"), "days"),
        Column("median_days", label("wt_lt_col_median"), "days"),
        Column("p75_days", label("wt_lt_col_p75"), "days"),
        Column("within_norm_share", label("wt_lt_col_within"), "share"),
    )


def lead_time_norm(stage: str) -> str:
    """The norm of a stage of `lead_times` in words (`pib.toml` `[norms]`): the dossier
    complete_days and the start start_days; the decision's norm runs from receipt."""
    settings = get_settings()
    if stage == "receipt_to_complete":
        return label("wt_lt_norm_days", days=settings.complete_days)
    if stage == "decision_to_start":
        return label("wt_lt_norm_days", days=settings.start_days)
    return label("wt_lt_norm_decision_days", days=settings.decision_days)


def census_columns() -> tuple[Column, ...]:
    """The columns of the leerplicht census (query out_of_school_census), as the Thuiszitters
    page and the reports show them."""
    return (
        Column("kind", label("rpt_col_kind"), "code:out_of_school_kind"),
        Column("exemption_article", label("rpt_col_article"), "code:exemption_article"),
        Column("at_start", label("os_col_at_start"), "count"),
        Column("new_in_year", label("os_col_new"), "count"),
        Column("total", label("os_col_total"), "count"),
        Column("over_3_months", label("os_col_over_3_months"), "count"),
        Column("ended_in_year", label("os_col_ended"), "count"),
        Column("open_at_end", label("os_col_open_at_end"), "count"),
    )


def issue_tables(year: str) -> list[Table]:
    """The tables both reports gain (issue 14): the lead time per stage, the leerplicht census,
    TLV's so/vso per bekostigingscategorie, grensverkeer and the cost of the offer. The census
    and the bekostigingscategorie are Dutch (the Leerplichtwet, DUO's funding of a TLV): the
    Flemish profile leaves them out."""
    settings = get_settings()
    dutch = settings.terminology == "nl"
    first, last = settings.school_year_bounds(year)
    admissions = label("admissions")
    need = Column("need_category", capital(label("need_category")), "code:need_category")
    request_type = Column("request_type", label("rep_col_request_type"), "code:request_type")
    norms = {"complete": settings.complete_days, "decision": settings.decision_days,
             "start": settings.start_days}
    tables = [
        Table("lead_times", label("rep_lead_times"), lead_time_columns(),
              sheet=label("rpt_sheet_lead_times"), order=waiting_figures.stage_order,
              intro=label("rpt_intro_lead_times", what=capital(label("referrals")), year=year),
              notes=(label("rpt_note_lead_times", **norms),),
              figure=_if_any("median_days", lambda f: waiting_figures.lead_times(
                  f, year, settings.complete_days, settings.decision_days,
                  settings.start_days))),
    ]
    if dutch:
        tables += [
            Table("out_of_school_census", label("rep_census"), census_columns(),
                  sheet=label("rpt_sheet_census"),
                  intro=label("rpt_intro_census", year=year, first=f"{first:%d-%m-%Y}",
                              last=f"{last:%d-%m-%Y}")),
            Table("admissions_by_category", label("rep_by_category", what=capital(admissions)), (
                request_type,
                Column("funding_category", label("rpt_col_funding_category"),
                       "code:funding_category"),
                Column("granted", label("rep_col_granted"), "count"),
            ), sheet=label("rpt_sheet_by_category", what=capital(admissions)),
                intro=label("rpt_intro_by_category", what=admissions, year=year)),
        ]
    tables += [
        Table("border_traffic", label("rep_border"), (
            request_type,
            Column("outgoing", label("rpt_col_outgoing"), "count"),
            Column("incoming", label("rpt_col_incoming"), "count"),
            Column("balance", label("rpt_col_balance"), "count"),
        ), sheet=label("rpt_sheet_border"),
            intro=label("rpt_intro_border", what=admissions, year=year),
            notes=(label("rpt_note_border"),)),
        Table("network_cost", label("rep_network_cost"), (
            Column("municipality_code", label("col_municipality_code"), "text"),
            Column("municipality_code", capital(label("municipality")), "municipality"),
            need,
            Column("places", label("rpt_col_places"), "count"),
            Column("cost_eur", label("rpt_col_cost"), "euro"),
        ), sheet=label("rpt_sheet_network_cost"),
            intro=label("rpt_intro_network_cost", year=year),
            notes=(label("rpt_note_network_cost"),)),
    ]
    return tables


def board_tables(year: str) -> list[Table]:
    """The tables of the board report after its key figures: those of `issue_tables` and, in
    the Dutch profile, the finance summary per school year (`finance_years`: the
    signaleringswaarde is the Dutch Inspectie's rule)."""
    tables = issue_tables(year)
    if get_settings().terminology == "nl":
        tables.append(Table("finance_years", label("rep_finance"), (
            Column("school_year", capital(label("school_year")), "text"),
            Column("income_eur", label("fin_tile_income"), "euro"),
            Column("expense_eur", label("fin_tile_expense"), "euro"),
            Column("preventive_eur", label("rpt_col_preventive"), "euro"),
            Column("curative_eur", label("rpt_col_curative"), "euro"),
            Column("preventive_share", label("fin_tile_preventive_share"), "share"),
            Column("reserve_eur", label("fin_tile_reserve"), "euro"),
            Column("signaleringswaarde_eur", label("fin_signal"), "euro"),
            Column("above_eur", label("rpt_col_above_eur"), "euro"),
            Column("above_signal", label("rpt_col_above_signal"), "flag"),
        ), sheet=label("page_finance"), intro=label("rpt_intro_finance"),
            notes=(label("rpt_note_finance"),), pdf_transpose=True,
            figure=_if_any("reserve_eur", lambda f: finance_figures.reserves(f, year))))
    return tables


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
        *issue_tables(year),
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
