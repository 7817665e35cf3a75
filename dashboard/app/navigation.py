"""The pages of the dashboard and the roles that may see each (one table)."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.access import ROLES

BOARD_AND_UP = ("bestuur", "kwaliteit", "beheer")
QUALITY = ("kwaliteit", "beheer")


@dataclass(frozen=True)
class PageSpec:
    key: str
    file: str  # under dashboard/app/pages/
    title: str  # label key
    slug: str  # URL path
    icon: str  # a Material Symbols name, shipped with Streamlit (no emoji font needed)
    roles: tuple[str, ...]


PAGES = (
    PageSpec("overview", "overview.py", "page_overview", "overzicht", "dashboard", ROLES),
    PageSpec("coverage", "coverage.py", "page_coverage", "dekkend-aanbod", "map", BOARD_AND_UP),
    PageSpec("waiting", "waiting.py", "page_waiting", "wachttijden", "schedule", ROLES),
    PageSpec("prevention", "prevention.py", "page_prevention", "preventief-curatief", "eco",
             ROLES),
    PageSpec("out_of_school", "out_of_school.py", "page_out_of_school", "thuiszitters", "home",
             BOARD_AND_UP),
    PageSpec("outcomes", "outcomes.py", "page_outcomes", "resultaten", "flag", ROLES),
    PageSpec("quality", "quality.py", "page_quality", "datakwaliteit", "fact_check", QUALITY),
    PageSpec("reports", "reports.py", "page_reports", "rapportage", "description", BOARD_AND_UP),
    PageSpec("admin", "admin.py", "page_admin", "beheer", "admin_panel_settings", ("beheer",)),
)
BY_KEY = {page.key: page for page in PAGES}
