"""Entry file of the dashboard: login, shared filters and the navigation for the user's role."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard import auth, filters
from dashboard.labels import label

PAGES = Path(__file__).parent / "pages"

st.set_page_config(page_title=label("app_title"), page_icon="🧭", layout="wide")

# (page key, file, label key, URL path, icon); access per page: dashboard.auth.PAGE_ROLES
NAVIGATION = [
    ("overview", "overview.py", "page_overview", "overzicht", "📊"),
    ("coverage", "coverage.py", "page_coverage", "dekkend-aanbod", "🗺️"),
    ("waiting", "waiting.py", "page_waiting", "wachttijden", "⏱️"),
    ("prevention", "prevention.py", "page_prevention", "preventief-curatief", "🌱"),
    ("out_of_school", "out_of_school.py", "page_out_of_school", "thuiszitters", "🏠"),
    ("outcomes", "outcomes.py", "page_outcomes", "resultaten", "🎯"),
    ("quality", "quality.py", "page_quality", "datakwaliteit", "🔎"),
    ("reports", "reports.py", "page_reports", "rapportage", "📄"),
    ("admin", "admin.py", "page_admin", "beheer", "🔐"),
]

auth.login_gate()
visible = [entry for entry in NAVIGATION if auth.may_see(entry[0])]
navigation = st.navigation([
    st.Page(PAGES / file, title=label(title), url_path=slug, icon=icon, default=(i == 0))
    for i, (_, file, title, slug, icon) in enumerate(visible)
])
filters.sidebar()
auth.sidebar_account()
navigation.run()
