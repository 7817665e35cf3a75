"""Login and page access: who may see which page (one table), the login form, logout.

Login is required as soon as the user store has a user, when `pib serve` started with users
(`PIB_LOGIN=required` in the environment), or once this server process has seen a user: from
then on a missing, emptied or unreadable store shows the login form and an error, never a page
(fail closed). A login is a server-side session (`dashboard.access`) named by the HttpOnly
cookie that `dashboard.app.cookies` sets; every script run (every interaction) reads the
session's user, role and schools afresh from the store, so removing a user or changing a role
reaches open sessions at their next interaction.

With OIDC configured (Streamlit's `[auth]` in `.streamlit/secrets.toml`, see `dashboard.oidc`)
the login form also offers "Inloggen met <provider>" (`st.login`). Streamlit then holds the
provider's identity (`st.user`); `access.oidc_login` finds the user by e-mail and opens a
session of the same kind, named by `oidc.session_key`, or refuses (audited): then `st.logout`
ends the OIDC session and `cookies.note_oidc_refusal` lets the login form say why afterwards.
"""

from __future__ import annotations

import html
import os

import streamlit as st

from dashboard import access, oidc
from dashboard.app import cookies
from dashboard.app.navigation import BY_KEY
from dashboard.labels import label

NO_LOGIN_ROLE = "kwaliteit"
_SEEN_USERS: set[str] = set()  # warehouses this process saw users of: login stays on for them
_ACCOUNT_KEYS = ("user", "role", "school_ids")


def _db() -> str | None:
    return os.environ.get("PIB_DB")


def login_enabled() -> bool:
    """Whether login is required (sticky: once on for a warehouse in a server process, it
    stays on)."""
    store = str(access.access_path(_db()))
    if os.environ.get(access.LOGIN_ENV) == "required" or store in _SEEN_USERS:
        return True
    if access.has_users(_db()):
        _SEEN_USERS.add(store)
        return True
    return False


def role() -> str:
    return st.session_state.get("role", NO_LOGIN_ROLE)


def may_see(page: str) -> bool:
    """Whether the signed-in role may see a page; with login required and nobody signed in,
    no page."""
    if "user" not in st.session_state and login_enabled():
        return False
    return role() in BY_KEY[page].roles


def require(page: str) -> None:
    """Refuse a page the role may not see (also when reached by a direct URL)."""
    if not may_see(page):
        st.error(label("forbidden"))
        st.stop()


def session_token() -> str | None:
    """The session cookie of the browser's request, if any."""
    token = st.context.cookies.get(cookies.SESSION_COOKIE)
    return token if isinstance(token, str) else None


def oidc_providers() -> list[tuple[str | None, str]]:
    """The OIDC providers of `[auth]` in Streamlit's secrets (`oidc.providers`); none without a
    secrets file or without `[auth]`: then OIDC login is off."""
    try:
        return oidc.providers(st.secrets.get("auth"))
    except FileNotFoundError:  # no (readable) secrets.toml
        return []


def _oidc_claims() -> dict:
    """The identity Streamlit holds after `st.login`, or {} when OIDC is off or nobody is
    logged in at the provider."""
    claims = st.user.to_dict()
    return claims if claims.get("is_logged_in") is True and oidc_providers() else {}


def _oidc_user() -> tuple[access.User | None, str]:
    """The user of the OIDC identity (its open session, else a new one) and "", or None and
    the outcome (`oidc.REFUSALS`, `oidc.STALE`, or "" without an identity). A refusal ends the
    OIDC session (`st.logout`)."""
    claims = _oidc_claims()
    if not claims:
        return None, ""
    user = access.session_user(oidc.session_key(claims), _db())
    if user is not None:
        return user, ""
    address = st.context.ip_address
    user, outcome = access.oidc_login(claims, str(claims.get("provider") or "default"), _db(),
                                      source=address if isinstance(address, str) else access.LOCAL)
    if outcome in oidc.REFUSALS:
        cookies.note_oidc_refusal(st.context.cookies.get(cookies.OIDC_COOKIE))
        st.logout()
    return user, outcome


def _forget_account() -> None:
    for key in _ACCOUNT_KEYS:
        st.session_state.pop(key, None)


def signed_in() -> str | None:
    """With login required: set the signed-in user's current name, role and schools from the
    store and return None; else return why the login form is shown ("" when there is nothing
    to say, or a Dutch sentence). Without login required: None."""
    if not login_enabled():
        return None
    try:
        access.check_store(_db())
        user, outcome = access.session_user(session_token(), _db()), ""
        if user is None:
            user, outcome = _oidc_user()
    except access.StoreUnavailable:
        _forget_account()
        return label("login_store_unavailable")
    if user is not None:
        st.session_state.update(user=user.name, role=user.role, school_ids=user.school_ids)
        return None
    was_signed_in = "user" in st.session_state
    _forget_account()
    if outcome:
        return label("oidc_stale" if outcome == oidc.STALE else "oidc_refused")
    return label("login_ended") if was_signed_in else ""


def login_form(problem: str = "") -> None:
    """The login form (and `problem`, if any, above it): a plain HTML form posting to the page
    it is on (see `dashboard.app.cookies`), so the page and its query string survive the
    login."""
    st.title(label("app_title"))
    if problem:
        st.error(problem)
    elif str(st.context.cookies.get(cookies.FAILED_COOKIE)) == "failed":
        st.error(label("login_failed"))
    elif str(st.context.cookies.get(cookies.FAILED_COOKIE)) == cookies.OIDC_REFUSED:
        st.error(label("oidc_refused"))
    providers = oidc_providers()
    for provider, name in providers:
        if st.button(label("oidc_button", provider=name or label("oidc_default_provider")),
                     key=f"oidc-{provider or 'default'}", type="primary"):
            st.login(provider)
    if providers:
        st.caption(label("oidc_or_password"))
    field = ("display:block;width:100%;max-width:22rem;padding:.45rem;margin:.2rem 0 .9rem;"
             "border:1px solid #b8c2cc;border-radius:.4rem;font-size:1rem")
    st.html(
        f'<form method="post" style="max-width:24rem">'
        f'<h3>{html.escape(label("login_title"))}</h3>'
        f'<input type="hidden" name="{cookies.FORM_FIELD}" value="login">'
        f'<label for="pib-user">{html.escape(label("login_user"))}</label>'
        f'<input id="pib-user" name="{cookies.USER_FIELD}" type="text" autocomplete="username" '
        f'required style="{field}">'
        f'<label for="pib-password">{html.escape(label("login_password"))}</label>'
        f'<input id="pib-password" name="{cookies.PASSWORD_FIELD}" type="password" '
        f'autocomplete="current-password" required style="{field}">'
        f'<button type="submit" style="padding:.45rem 1.2rem;border:0;border-radius:.4rem;'
        f'background:#1f5f8b;color:white;font-size:1rem;cursor:pointer">'
        f'{html.escape(label("login_button"))}</button></form>'
    )


def audit_download(what: str) -> None:
    """The `on_click` of a download button: writes `download`, what, by whom in which role
    to the audit log."""
    access.record_audit("download", what, st.session_state.get("user"), role(), _db())


def sidebar_account() -> None:
    """Who is signed in, with a logout button; or a warning that login is off."""
    with st.sidebar:
        if st.session_state.get("user"):
            st.caption(label("signed_in_as", user=st.session_state["user"], role=role()))
            if st.button(label("logout")):
                access.end_session(session_token(), _db())
                claims = _oidc_claims()
                _forget_account()
                if claims:  # also end the OIDC session (Streamlit's identity cookie)
                    access.end_session(oidc.session_key(claims), _db())
                    st.logout()
                st.rerun()
        elif not login_enabled():
            st.caption(label("login_off"))
