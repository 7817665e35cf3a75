"""The one registry of the board's key figures (KPIs): every fact about a KPI typed once.

Per KPI: the column of the named query `kpi_headline` that gives it, how it is written (a kind of
`dashboard.formatting`), which direction is good, the key of its target under `[targets]` in
`pib.toml` (one of `etl.settings.TARGET_KEYS`), its name (a key of `dashboard.labels`, so the
Flemish profile says it in its own words) and the page behind it. The overview tiles, the target
badges of the pages, the board report, its figures and the tests read it from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from dashboard.formatting import EMPTY, days, number, percent
from dashboard.labels import capital, label
from etl.settings import get_settings

QUERY = "kpi_headline"


@dataclass(frozen=True)
class Kpi:
    column: str  # column of the named query `kpi_headline`
    label_key: str  # key of dashboard.labels for its name
    kind: str  # a kind of dashboard.formatting: count, share, days, rate
    better: Literal["higher", "lower"] | None = None  # None: neither is good in itself
    target: str | None = None  # key under [targets] in pib.toml (etl.settings.TARGET_KEYS)
    page: str | None = None  # the dashboard page behind it (its overview tile links there)
    what: str | None = None  # key of dashboard.labels filling {what} of the name, capitalised
    query: str = QUERY

    @property
    def lower_is_better(self) -> bool:
        return self.better == "lower"

    @property
    def name(self) -> str:
        """Its name in the active terminology profile, e.g. 'Besluit binnen 42 dagen'."""
        what = capital(label(self.what)) if self.what else ""
        return label(self.label_key, days=get_settings().decision_days, what=what)

    def target_value(self) -> float | None:
        """The board's target from pib.toml, None when it sets none."""
        return get_settings().targets.get(self.target) if self.target else None

    def on_target(self, value: float | None) -> bool | None:
        """True when `value` meets the target, None without a value or a target."""
        target = self.target_value()
        if value is None or target is None or self.better is None:
            return None
        return value <= target if self.lower_is_better else value >= target

    def headline(self, value: float | None) -> str:
        """The figure as a tile or badge shows it: 46% · 29,5 dagen · 1,9 · 1.234."""
        if value is None:
            return EMPTY
        if self.kind == "share":
            return percent(value)
        if self.kind == "days":
            return days(value)
        if self.kind == "rate":
            return number(value, 1)
        return number(value)


KPIS: tuple[Kpi, ...] = (
    Kpi("referrals_received", "kpi_received", "count", what="referrals"),
    Kpi("within_norm_share", "ov_tile_within_norm", "share", "higher", "within_norm_share",
        "waiting"),
    Kpi("median_waiting_days", "ov_tile_median", "days", "lower", "median_waiting_days",
        "waiting"),
    Kpi("open_at_year_end", "kpi_open_at_year_end", "count", "lower"),
    Kpi("supports_started", "kpi_supports_started", "count"),
    Kpi("preventive_hours_share", "ov_tile_preventive", "share", "higher",
        "preventive_hours_share", "prevention"),
    Kpi("pupils_out_of_school", "kpi_plain", "count", "lower", what="out_of_school"),
    Kpi("out_of_school_per_1000", "ov_tile_per_1000", "rate", "lower", "out_of_school_per_1000",
        "out_of_school", what="out_of_school_title"),
    Kpi("evaluated", "evaluations", "count"),
    Kpi("achieved_share", "ov_tile_achieved", "share", "higher", "achieved_share", "outcomes"),
    Kpi("admissions_granted", "kpi_granted", "count", "lower", what="admissions"),
    # The TLV rate is read as a ceiling: passend onderwijs steers on fewer admissions to special
    # education (thuisnabij). Flip `better` here if the board means a minimum.
    Kpi("admissions_per_1000", "ov_tile_per_1000", "rate", "lower", "admissions_per_1000",
        "reports", what="admissions"),
)
# Leersteun (profile vl): the share of teacher- and team-directed hours, from a query of its own
# (not a column of kpi_headline, so no overview tile and no row of the bestuur report).
LEERSTEUN_KPI = Kpi("teacher_team_hours_share", "ls_kpi_share", "share", "higher",
                    "teacher_team_hours_share", "leersteun", query="support_target_trend")
BY_COLUMN: dict[str, Kpi] = {k.column: k for k in KPIS}
BY_TARGET: dict[str, Kpi] = {k.target: k for k in (*KPIS, LEERSTEUN_KPI) if k.target}


def kpi(column: str) -> Kpi:
    """The KPI of a `kpi_headline` column; KeyError for an unknown one."""
    return BY_COLUMN[column]


def with_target(target: str) -> Kpi:
    """The KPI whose target is `target` (a key of [targets]); KeyError for an unknown one."""
    return BY_TARGET[target]
