"""The public figures (page `/publiek`, `pib export --report publiek`): one content definition.

Four figures of the whole network, each over all school years: how well the places cover the
demand (`coverage_trend`), how long a referral waits for a decision (`waiting_summary`), how
many pupils sit at home without education (`out_of_school`) and how much of the support is
preventive (`prevention_trend`). Every query runs for the role `bestuur` (small-cell
suppression in the query layer, CONTRACT §4), then every count is rounded to a multiple of 5
(`round_count`), shares to whole percents, rates per 1,000 to one decimal and days to whole
days. Nothing below the gemeente: no school query, no school filter, no gemeente filter.

The result is a `Report` (kind `publiek`) of the report pipeline: the page draws its sections,
`write_report` writes it as pdf (fpdf2) or html (`dashboard.report.html`). Each section's
`intro` is the sentence a parent reads first (the latest school year in words), its first note
how to read the figure ("Hoe lezen"); a figure with nothing left after suppression says so in
words.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import plotly.graph_objects as go
import polars as pl

from dashboard.charts import ACCENT, TARGET, present, style
from dashboard.figures.out_of_school import per_1000
from dashboard.figures.prevention import share_chart
from dashboard.formatting import number, percent, rate
from dashboard.labels import capital, code_label, label
from dashboard.report.content import (
    Report,
    ReportError,
    Section,
    _present,
    check_school_year,
    freshness_columns,
    freshness_table,
    query_role,
)
from dashboard.tables import Column
from etl.settings import get_settings
from queries import describe, run_query
from queries.roles import EXPORT_ROLE

PUBLIC = "publiek"
ROUND_TO = 5
# Counts that no `suppress:` rule of their query names as its count column: a count among the
# derived figures of a rule, or a difference of counts. With the rules' own count columns these
# are every count a public figure may show (see `count_columns`).
EXTRA_COUNTS: dict[str, tuple[str, ...]] = {
    "prevention_trend": ("preventive_started",),
    "coverage_trend": ("gap",),
}
SHARE_DIGITS = 2  # shares to whole percents
RATE_DIGITS = 1  # per 1,000 pupils to one decimal
DAYS_DIGITS = 0  # days to whole days


def count_columns(query: str) -> tuple[str, ...]:
    """The count columns of a named query the public figures round: the count column of each
    `suppress:` rule of its header, then `EXTRA_COUNTS[query]`, in that order, without
    repeats."""
    rules = tuple(rule.count for rule in describe(query).suppress)
    return tuple(dict.fromkeys((*rules, *EXTRA_COUNTS.get(query, ()))))


def round_count(value: float | None) -> int | None:
    """A count rounded to the nearest multiple of 5; empty stays empty.

    0 → 0, 2 → 0, 3 → 5, 7 → 5, 8 → 10, 12 → 10, 13 → 15. A whole number is never halfway
    between two multiples of 5 (halfway between 5 and 10 is 7.5), so no tie rule is needed for
    counts; a non-whole value exactly halfway rounds up (7.5 → 10)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return math.floor(value / ROUND_TO + 0.5) * ROUND_TO


def rounded(frame: pl.DataFrame, query: str) -> pl.DataFrame:
    """`frame` (an answer of `query`) with every count column (`count_columns`) rounded to a
    multiple of 5 as Int64; other columns unchanged."""
    return frame.with_columns(
        pl.col(c).map_elements(round_count, return_dtype=pl.Int64, skip_nulls=False)
        for c in count_columns(query) if c in frame.columns
    )


def _round_figures(frame: pl.DataFrame, digits: dict[str, int]) -> pl.DataFrame:
    """Shares, rates and days rounded to the digits the public figures show (half up)."""
    return frame.with_columns(
        pl.col(c).map_elements(lambda v, d=d: _half_up(v, d), return_dtype=pl.Float64,
                               skip_nulls=False)
        for c, d in digits.items() if c in frame.columns
    )


def _half_up(value: float | None, digits: int) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    scale = 10 ** digits
    return math.floor(value * scale + 0.5) / scale


def rates_of_rounded(exact: pl.DataFrame, public: pl.DataFrame, query: str) -> pl.DataFrame:
    """`public` with each rate of `RATES[query]` computed from its rounded count (rate / count
    of the exact answer is 1,000 / pupils): a rate of the exact count to one decimal would give
    the count back (0.1 per 1,000 of 7,000 pupils is 0.7 child)."""
    return public.with_columns(
        pl.when(exact[count] > 0).then(public[count] * exact[rate] / exact[count])
        .otherwise(exact[rate]).alias(rate)
        for rate, count in RATES.get(query, {}).items() if rate in public.columns
    )


def public_query(query: str, db=None, **params: object) -> pl.DataFrame:
    """A named query as the public sees it: run for `bestuur`, counts rounded to multiples of
    5, rates computed from the rounded counts, shares / rates / days to the digits shown."""
    frame = run_query(query, params, role=EXPORT_ROLE, db=db)
    public = rates_of_rounded(frame, rounded(frame, query), query)
    return _round_figures(public, _DIGITS.get(query, {}))


# Rates per 1,000 pupils and the count each is computed from.
RATES: dict[str, dict[str, str]] = {"out_of_school": {"per_1000_pupils": "pupils_out_of_school"}}
_DIGITS: dict[str, dict[str, int]] = {
    "coverage_trend": {"coverage_ratio": SHARE_DIGITS},
    "waiting_summary": {"median_days": DAYS_DIGITS, "within_norm_share": SHARE_DIGITS},
    "out_of_school": {"per_1000_pupils": RATE_DIGITS},
    "prevention_trend": {"preventive_hours_share": SHARE_DIGITS},
}


# ---------------------------------------------------------------------------------------------
# The four figures


@dataclass(frozen=True)
class PublicFigure:
    """One figure of the public page: its query, the columns shown, the column whose value the
    figure is about, its sentence and its chart."""

    key: str
    query: str
    title: str  # label key
    reading: str  # label key: how to read it
    columns: Callable[[], tuple[Column, ...]]
    value: str  # the column the figure is about (empty everywhere: say so in words)
    sentence: Callable[[pl.DataFrame, str], str]
    chart: Callable[[pl.DataFrame, str], go.Figure]


def _year_column() -> Column:
    return Column("school_year", capital(label("school_year")), "text")


def _row(frame: pl.DataFrame, year: str) -> dict | None:
    rows = frame.filter(pl.col("school_year") == year)
    return rows.row(0, named=True) if rows.height else None


def _coverage_columns() -> tuple[Column, ...]:
    return (_year_column(),
            Column("need_category", capital(label("need_category")), "code:need_category"),
            Column("demand", label("pub_col_demand"), "count"),
            Column("coverage_ratio", label("pub_col_coverage"), "share0"))


def _coverage_sentence(frame: pl.DataFrame, year: str) -> str:
    rows = frame.filter((pl.col("school_year") == year) & pl.col("coverage_ratio").is_not_null())
    if rows.height == 0:
        return label("pub_year_hidden", year=year)
    short = rows.filter(pl.col("coverage_ratio") < 1).sort(["coverage_ratio", "need_category"])
    key = "pub_coverage_sentence" if short.height else "pub_coverage_all"
    text = label(key, year=year, ok=rows.height - short.height, total=rows.height)
    if short.height:
        worst = short.row(0, named=True)
        text += " " + label("pub_coverage_worst", need=code_label(
            "need_category", worst["need_category"]).lower(),
            share=percent(worst["coverage_ratio"]))
    return text


def _coverage_chart(frame: pl.DataFrame, year: str) -> go.Figure:
    """Coverage ratio per need, one bar per school year (the latest darkest), the needs with
    the lowest coverage of `year` on top; 100% (enough places) dashed."""
    years = sorted(set(frame["school_year"]))
    latest = frame.filter(pl.col("school_year") == year)
    order = {r["need_category"]: (r["coverage_ratio"] if r["coverage_ratio"] is not None
                                  else float("inf"))
             for r in latest.iter_rows(named=True)}
    needs = sorted(present("need_category", frame["need_category"]),
                   key=lambda c: (-order.get(c, float("inf")), c))
    shades = _shades(len(years))
    fig = go.Figure()
    for shade, school_year in zip(shades, years, strict=True):
        part = {r["need_category"]: r["coverage_ratio"]
                for r in frame.filter(pl.col("school_year") == school_year).iter_rows(named=True)}
        values = [part.get(code) for code in needs]
        fig.add_trace(go.Bar(
            y=[code_label("need_category", c) for c in needs], x=values, orientation="h",
            name=school_year, marker_color=shade, text=[percent(v) for v in values],
            textposition="outside" if school_year == year else "none",
            hovertemplate="%{y} " + school_year + ": %{text}<extra></extra>"))
    fig.add_vline(x=1, line_dash="dash", line_color=TARGET,
                  annotation_text=label("pub_coverage_line"), annotation_position="top")
    style(fig, label("pub_coverage_chart"), label("pub_col_coverage"), None)
    fig.update_xaxes(tickformat=".0%", rangemode="tozero")
    fig.update_layout(barmode="group", height=140 + 28 * len(needs) * max(len(years), 1) // 2,
                      legend={"orientation": "h", "y": -0.12, "traceorder": "normal"},
                      bargap=0.25)
    return fig


def _shades(n: int) -> list[str]:
    """`n` shades of the accent colour, light (oldest) to full (latest)."""
    return [f"rgba(31, 95, 139, {0.3 + 0.7 * (i + 1) / n:.2f})" for i in range(n)]


def _waiting_columns() -> tuple[Column, ...]:
    return (_year_column(),
            Column("decided", label("pub_col_decided"), "count"),
            Column("median_days", label("pub_col_median"), "count"),
            Column("within_norm_share", label("pub_col_within", days=_norm()), "share0"))


def _norm() -> int:
    return get_settings().decision_days


def _waiting_sentence(frame: pl.DataFrame, year: str) -> str:
    row = _row(frame, year)
    if row is None or row["within_norm_share"] is None:
        return label("pub_year_hidden", year=year)
    return label("pub_waiting_sentence", year=year, decided=number(row["decided"]),
                 share=percent(row["within_norm_share"]), days=_norm(),
                 median=number(row["median_days"]))


def _waiting_chart(frame: pl.DataFrame, year: str) -> go.Figure:
    """The share decided within the norm per school year."""
    fig = go.Figure(go.Bar(
        x=frame["school_year"].to_list(), y=frame["within_norm_share"].to_list(),
        marker_color=[ACCENT if y == year else "#8fb3cc" for y in frame["school_year"]],
        text=[percent(v) for v in frame["within_norm_share"]], textposition="outside",
        hovertemplate="%{x}: %{text}<extra></extra>"))
    style(fig, label("pub_waiting_chart", days=_norm()), label("fig_school_year"),
          label("pub_col_within", days=_norm()), percent=True)
    fig.update_xaxes(type="category")
    fig.update_yaxes(range=[0, 1.1])
    fig.update_layout(height=360, showlegend=False)
    return fig


def _out_of_school_columns() -> tuple[Column, ...]:
    return (_year_column(),
            Column("pupils_out_of_school", label("out_of_school_title"), "count"),
            Column("per_1000_pupils", label("pub_col_per_1000"), "rate"),
            Column("pupils_exempted", label("pub_col_exempted"), "count"))


def _out_of_school_sentence(frame: pl.DataFrame, year: str) -> str:
    row = _row(frame, year)
    if row is None or row["per_1000_pupils"] is None:
        return label("pub_year_hidden", year=year)
    return label("pub_out_of_school_sentence", year=year, n=number(row["pupils_out_of_school"]),
                 rate=rate(row["per_1000_pupils"]))


def _out_of_school_chart(frame: pl.DataFrame, year: str) -> go.Figure:
    return per_1000(frame, year, get_settings().targets.get("out_of_school_per_1000"))


def _prevention_columns() -> tuple[Column, ...]:
    return (_year_column(),
            Column("supports_started", label("pub_col_supports"), "count"),
            Column("preventive_started", label("pub_col_preventive"), "count"),
            Column("preventive_hours_share", label("pub_col_preventive_share"), "share0"))


def _prevention_sentence(frame: pl.DataFrame, year: str) -> str:
    row = _row(frame, year)
    if row is None or row["preventive_hours_share"] is None:
        return label("pub_year_hidden", year=year)
    text = label("pub_prevention_sentence", year=year, share=percent(row["preventive_hours_share"]))
    before = frame.filter((pl.col("school_year") < year)
                          & pl.col("preventive_hours_share").is_not_null())
    if before.height:
        first = before.row(0, named=True)
        key = ("pub_prevention_up" if row["preventive_hours_share"]
               > first["preventive_hours_share"] else "pub_prevention_down"
               if row["preventive_hours_share"] < first["preventive_hours_share"]
               else "pub_prevention_same")
        text += " " + label(key, first_year=first["school_year"],
                            first=percent(first["preventive_hours_share"]))
    return text


def _prevention_chart(frame: pl.DataFrame, year: str) -> go.Figure:
    return share_chart(frame, year, get_settings().targets.get("preventive_hours_share"))


FIGURES: tuple[PublicFigure, ...] = (
    PublicFigure("coverage", "coverage_trend", "pub_coverage", "pub_coverage_reading",
                 _coverage_columns, "coverage_ratio", _coverage_sentence, _coverage_chart),
    PublicFigure("waiting", "waiting_summary", "pub_waiting", "pub_waiting_reading",
                 _waiting_columns, "within_norm_share", _waiting_sentence, _waiting_chart),
    PublicFigure("out_of_school", "out_of_school", "pub_out_of_school",
                 "pub_out_of_school_reading", _out_of_school_columns, "per_1000_pupils",
                 _out_of_school_sentence, _out_of_school_chart),
    PublicFigure("prevention", "prevention_trend", "pub_prevention", "pub_prevention_reading",
                 _prevention_columns, "preventive_hours_share", _prevention_sentence,
                 _prevention_chart),
)


def _figure_section(spec: PublicFigure, year: str, db) -> Section:
    frame = public_query(spec.query, db).filter(pl.col("school_year") <= year)
    title = label(spec.title)
    reading = label("pub_reading", text=label(spec.reading, days=_norm(),
                                              organisation=label("organisation")))
    if frame.height == 0 or frame[spec.value].drop_nulls().len() == 0:
        sentence, figure = label("pub_empty"), None
    else:
        sentence, figure = spec.sentence(frame, year), spec.chart(frame, year)
    shown, kinds, hidden, sources = _present(frame, spec.query, spec.columns())
    return Section(
        key=spec.key, title=title, sheet=title[:31], intro=sentence, query=spec.query,
        params={}, scope=label("rpt_scope_until", year=year), table=shown, kinds=kinds,
        hidden=hidden, figure=figure, notes=(reading, label("pub_rounded")), sources=sources,
    )


def build_public(school_year: str | None = None, role: str = EXPORT_ROLE, db=None,
                 generated_at: datetime | None = None) -> Report:
    """The public figures as a `Report` of kind `publiek`, up to `school_year` (default: the
    latest school year with data).

    `role` is who asks (a network role; ReportError otherwise): the queries always run for
    `bestuur`. ReportError (a Dutch sentence) for an invalid or unknown school year or a
    warehouse without school years."""
    qrole = query_role(role)
    years = run_query("filter_school_years", {}, role=qrole, db=db)["school_year"].to_list()
    if not years:
        raise ReportError(label("pub_no_years"))
    year = check_school_year(school_year) if school_year else max(years)
    if year not in years:
        raise ReportError(label("rpt_no_year", year=year, known=label(
            "rpt_years_known", first=years[0], last=years[-1])))
    settings = get_settings()
    first_day, last_day = settings.school_year_bounds(year)
    return Report(
        kind=PUBLIC, title=label("pub_title"),
        subtitle=label("pub_subtitle", organisation=settings.organisation),
        organisation=settings.organisation, school_year=year, first_day=first_day,
        last_day=last_day, role=role, query_role=qrole, min_cell=settings.min_cell,
        generated_at=(generated_at or datetime.now()).replace(microsecond=0),
        freshness=_freshness(qrole, db),
        sections=[_figure_section(spec, year, db) for spec in FIGURES],
        privacy=label("pub_privacy", min_cell=settings.min_cell, step=ROUND_TO),
    )


def _freshness(role: str, db) -> pl.DataFrame:
    """The freshness table of the reports, its row counts (rows of a file: of children, for
    the thuiszitters) rounded to multiples of 5 like every public count."""
    rows = freshness_columns()[3].header
    return freshness_table(role, db).with_columns(
        pl.col(rows).map_elements(round_count, return_dtype=pl.Int64, skip_nulls=False))


def updated_until(report: Report) -> str:
    """The freshness line: "Gegevens bijgewerkt tot 12-03-2026." (the latest successful load),
    or a sentence that nothing was loaded."""
    column = report.freshness.columns[1]
    loaded = report.freshness[column].drop_nulls()
    if loaded.len() == 0:
        return label("rpt_fresh_none")
    return label("pub_fresh", date=f"{loaded.max():%d-%m-%Y}")
