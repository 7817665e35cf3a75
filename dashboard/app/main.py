"""Entry file of the dashboard: login, shared filters and the navigation for the user's role."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.app import auth, filters
from dashboard.app.navigation import PAGES, PUBLIC_PAGE
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
# query string while the login form shows; none of them runs. The public page (only with
# `[public] enabled = true`) runs without login; without it, /publiek does not exist.
visible = PAGES if login_problem is not None else [p for p in PAGES if auth.may_see(p.key)]
public = get_settings().public
pages = [
    st.Page(Path(__file__).parent / "pages" / page.file, title=label(page.title),
            url_path=page.slug, icon=f":material/{page.icon}:", default=(page.key == "overview"))
    for page in [*visible, *([PUBLIC_PAGE] if public else [])]
]
navigation = st.navigation(pages, position="sidebar" if login_problem is None else "hidden",
                           expanded=True)  # every page of the role, no "show more"
on_public = public and navigation.url_path == PUBLIC_PAGE.slug
if login_problem is not None and not on_public:
    auth.login_form(login_problem)
    if public:
        st.page_link(pages[-1], label=label("pub_login_link"), icon=":material/public:")
    st.stop()
try:
    if not on_public:  # the public page has no filters: the whole network, all years
        filters.sidebar()
    if login_problem is None:
        auth.sidebar_account()
    navigation.run()
except WarehouseError as exc:  # locked by another program, a stale .wal: a sentence
    st.error(str(exc))
