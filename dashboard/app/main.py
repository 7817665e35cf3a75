"""Entry file of the dashboard: login, shared filters and the navigation for the user's role."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.app import auth, filters
from dashboard.app.navigation import PAGES
from dashboard.labels import label
from etl.settings import SettingsError, get_settings
from etl.warehouse import WarehouseError

try:
    get_settings()
except SettingsError as exc:  # a bad pib.toml: its Dutch sentence, not a traceback
    st.error(str(exc))
    st.stop()

st.set_page_config(page_title=label("app_title"), page_icon="🧭", layout="wide")

login_problem = auth.signed_in()
# Logged out, every page stays known (hidden) so the URL of a deep link keeps its page and
# query string while the login form shows; none of them runs.
visible = PAGES if login_problem is not None else [p for p in PAGES if auth.may_see(p.key)]
navigation = st.navigation([
    st.Page(Path(__file__).parent / "pages" / page.file, title=label(page.title),
            url_path=page.slug, icon=f":material/{page.icon}:", default=(page.key == "overview"))
    for page in visible
], position="sidebar" if login_problem is None else "hidden")
if login_problem is not None:
    auth.login_form(login_problem)
    st.stop()
try:
    filters.sidebar()
    auth.sidebar_account()
    navigation.run()
except WarehouseError as exc:  # locked by another program, a stale .wal: a sentence
    st.error(str(exc))
