"""Entry file of the dashboard: page setup, shared filters and the navigation."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard import filters
from dashboard.labels import label

PAGES = Path(__file__).parent / "pages"

st.set_page_config(page_title=label("app_title"), page_icon="🧭", layout="wide")

NAVIGATION = [
    ("overview.py", "page_overview", "overzicht", "📊"),
    ("coverage.py", "page_coverage", "dekkend-aanbod", "🗺️"),
    ("waiting.py", "page_waiting", "wachttijden", "⏱️"),
    ("prevention.py", "page_prevention", "preventief-curatief", "🌱"),
    ("out_of_school.py", "page_out_of_school", "thuiszitters", "🏠"),
    ("outcomes.py", "page_outcomes", "resultaten", "🎯"),
    ("quality.py", "page_quality", "datakwaliteit", "🔎"),
    ("reports.py", "page_reports", "rapportage", "📄"),
]

pages = [
    st.Page(PAGES / file, title=label(key), url_path=slug, icon=icon, default=(i == 0))
    for i, (file, key, slug, icon) in enumerate(NAVIGATION)
]
navigation = st.navigation(pages)
st.session_state["pages"] = {key: page for (_, key, _, _), page in zip(NAVIGATION, pages,
                                                                       strict=True)}
filters.sidebar()
navigation.run()
