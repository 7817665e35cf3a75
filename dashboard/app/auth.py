"""Login and page access: who may see which page (one table), the login form, logout."""

from __future__ import annotations

import os

import streamlit as st

from dashboard.access import authenticate, has_users
from dashboard.app.navigation import BY_KEY
from dashboard.labels import label

NO_LOGIN_ROLE = "kwaliteit"


def _db() -> str | None:
    return os.environ.get("PIB_DB")


def login_enabled() -> bool:
    return has_users(_db())


def role() -> str:
    return st.session_state.get("role", NO_LOGIN_ROLE)


def may_see(page: str) -> bool:
    return role() in BY_KEY[page].roles


def require(page: str) -> None:
    """Refuse a page the role may not see (also when reached by a direct URL)."""
    if not may_see(page):
        st.error(label("forbidden"))
        st.stop()


def _sign_in(name: str, password: str) -> bool:
    user = authenticate(name, password, _db())
    if user is None:
        return False
    st.session_state.update(user=user.name, role=user.role, school_ids=user.school_ids)
    return True


def login_gate() -> None:
    """With login on and nobody signed in: show the login form and stop the run."""
    if not login_enabled() or st.session_state.get("user"):
        return
    st.title(label("app_title"))
    with st.form("login"):
        st.subheader(label("login_title"))
        name = st.text_input(label("login_user"))
        password = st.text_input(label("login_password"), type="password")
        submitted = st.form_submit_button(label("login_button"))
    if submitted:
        if _sign_in(name.strip(), password):
            st.rerun()
        st.error(label("login_failed"))
    st.stop()


def sidebar_account() -> None:
    """Who is signed in, with a logout button; or a warning that login is off."""
    with st.sidebar:
        if st.session_state.get("user"):
            st.caption(label("signed_in_as", user=st.session_state["user"], role=role()))
            if st.button(label("logout")):
                for key in ("user", "role", "school_ids"):
                    st.session_state.pop(key, None)
                st.rerun()
        elif not login_enabled():
            st.caption(label("login_off"))
