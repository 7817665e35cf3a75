"""The pages of the dashboard and the roles that may see each (one table)."""

from __future__ import annotations

from dataclasses import dataclass

from etl.settings import get_settings
from queries.roles import roles_for


@dataclass(frozen=True)
class PageSpec:
    key: str
    file: str  # under dashboard/app/pages/
    title: str  # label key
    slug: str  # URL path
    icon: str  # a Material Symbols name, shipped with Streamlit (no emoji font needed)
    audience: str  # a page audience of `queries.roles.AUDIENCES`
    profile: str | None = None  # only in this terminology profile (`vl`); None: in every one

    @property
    def roles(self) -> tuple[str, ...]:
        """The roles that see this page (none outside its terminology profile)."""
        if self.profile is not None and self.profile != get_settings().terminology:
            return ()
        return roles_for(self.audience)


PAGES = (
    PageSpec("signals", "signals.py", "page_signals", "signalen", "notifications", "network"),
    PageSpec("overview", "overview.py", "page_overview", "overzicht", "dashboard", "all"),
    PageSpec("coverage", "coverage.py", "page_coverage", "dekkend-aanbod", "map", "network"),
    PageSpec("waiting", "waiting.py", "page_waiting", "wachttijden", "schedule", "all"),
    PageSpec("prevention", "prevention.py", "page_prevention", "preventief-curatief", "eco",
             "all"),
    PageSpec("leersteun", "leersteun.py", "page_leersteun", "leersteun", "groups", "all", "vl"),
    PageSpec("out_of_school", "out_of_school.py", "page_out_of_school", "thuiszitters", "home",
             "network"),
    PageSpec("outcomes", "outcomes.py", "page_outcomes", "resultaten", "flag", "all"),
    PageSpec("finance", "finance.py", "page_finance", "financien", "euro", "network"),
    PageSpec("cases", "cases.py", "page_cases", "casussen", "diversity_3", "network"),
    PageSpec("quality", "quality.py", "page_quality", "datakwaliteit", "fact_check",
             "data_quality"),
    PageSpec("mapping", "mapping.py", "page_mapping", "bronprofielen", "schema",
             "data_quality"),
    PageSpec("reports", "reports.py", "page_reports", "rapportage", "description", "network"),
    PageSpec("admin", "admin.py", "page_admin", "beheer", "admin_panel_settings", "admin"),
)
BY_KEY = {page.key: page for page in PAGES}
# The public figures (`[public] enabled = true`): for everyone, also without login; not one of
# PAGES, whose pages all need a login when login is on (see main.py).
PUBLIC_PAGE = PageSpec("public", "public.py", "page_public", "publiek", "public", "all")
