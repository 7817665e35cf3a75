"""OIDC login (Streamlit's `st.login`) beside the password login: which providers are configured
and which dashboard user, if any, an identity is.

An organisation on Microsoft 365 or Google Workspace configures its identity provider in
Streamlit's `[auth]` section of `.streamlit/secrets.toml` (see the README, "Users, roles and
privacy"); without that section nothing here is used and nothing needs the internet. After
`st.login`, Streamlit keeps the provider's ID-token claims (`st.user`) in a signed cookie.
The e-mail address in those claims is the only link to the user store: the role, the schools
and whether the person may log in at all come from the store, never from the provider's
claims. Pure functions: no Streamlit, no store (`dashboard.access.oidc_login` reads the store
and opens the session).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

FRESH_SECONDS = 600  # a new session only for an identity issued at most this long ago
CLOCK_SKEW = 300  # seconds the provider's clock may run ahead of ours
REFUSALS = ("no_email", "unverified", "unknown")  # outcomes refused (audited, logged out)
STALE = "stale"  # an identity too old to open a session: log in at the provider again
_PROVIDER_KEYS = {"client_id", "client_secret", "server_metadata_url"}
_DISPLAY_NAMES = {"microsoft": "Microsoft", "google": "Google"}


class _HasEmail(Protocol):
    @property
    def email(self) -> str | None: ...


U = TypeVar("U", bound=_HasEmail)  # a user of the store (dashboard.access.User)


@dataclass(frozen=True)
class Match(Generic[U]):
    """What an identity is: `user` (then `outcome` is "") or no user with `outcome` one of
    REFUSALS or STALE, and `detail` the audit text of a refusal (Dutch; of an unknown address
    only its domain)."""

    user: U | None
    outcome: str = ""
    detail: str = ""


def providers(auth_section: Mapping[str, Any] | None) -> list[tuple[str | None, str]]:
    """The providers of Streamlit's `[auth]` secrets section, as (argument for `st.login`,
    name shown on the button): each sub-section with `client_id`, `client_secret` or
    `server_metadata_url` (`[auth.microsoft]` → ("microsoft", "Microsoft")), or, when `[auth]`
    itself holds the client settings, (None, ""). Empty without an `[auth]` section: then
    OIDC login is off."""
    if not auth_section:
        return []
    found: list[tuple[str | None, str]] = [
        (name, _DISPLAY_NAMES.get(name.lower(), name))
        for name, value in auth_section.items()
        if isinstance(value, Mapping) and _PROVIDER_KEYS & set(value)
    ]
    if not found and _PROVIDER_KEYS & set(auth_section):
        found.append((None, ""))
    return found


def _verified(claims: Mapping[str, Any]) -> bool:
    """False only when the provider says the address is not verified (Google sends
    `email_verified`; Microsoft Entra ID does not send it, its tenant owns the address)."""
    value = claims.get("email_verified")
    return value is None or value is True or str(value).lower() == "true"


def match_identity(claims: Mapping[str, Any], users: Iterable[U], now: float) -> Match[U]:
    """The dashboard user of an OIDC identity, or why there is none.

    `claims` are the ID-token claims Streamlit keeps after `st.login` (`st.user.to_dict()`:
    `email`, `email_verified`, `iat` in seconds since the epoch, …), `users` the store's users
    (their `email` in lower case), `now` seconds since the epoch. In this order: no e-mail
    claim → "no_email"; `email_verified` false → "unverified"; issued (`iat`) more than
    FRESH_SECONDS before `now` or more than CLOCK_SKEW after it, or no `iat` → STALE (an old
    identity cookie never opens a new session, so the 8-hour idle limit and logout hold);
    no user with that address (compared case-insensitively) → "unknown"; else that user."""
    email = claims.get("email")
    if not isinstance(email, str) or not email.strip():
        return Match(None, "no_email", "geen e-mailadres van de provider")
    email = email.strip().lower()
    domain = email.rpartition("@")[2]
    if not _verified(claims):
        return Match(None, "unverified", f"e-mailadres niet bevestigd (…@{domain})")
    issued = claims.get("iat")
    fresh = isinstance(issued, int | float) and -CLOCK_SKEW <= now - issued <= FRESH_SECONDS
    if not fresh:
        return Match(None, STALE)
    user = next((u for u in users if u.email == email), None)
    if user is None:
        return Match(None, "unknown", f"onbekend e-mailadres (…@{domain})")
    return Match(user)


def session_key(claims: Mapping[str, Any]) -> str:
    """The name of the login session one `st.login` opens: derived from the issuer, subject,
    issue time and nonce of its ID token, so it is the same at every script run and reload
    while Streamlit's identity cookie lasts and differs for every new login. Only its SHA-256
    is stored (like a password login's token)."""
    parts = [claims.get(key) for key in ("iss", "sub", "iat", "nonce", "email")]
    return "oidc:" + hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()
