"""The shared filters (school year, gemeente, need category): sidebar widgets kept in the URL.

The URL holds codes (`?school_year=2024-2025&municipality_code=GM0166&need_category=behaviour`),
the same names and values as `pib query --param`, so a copied link reproduces the view in
either terminology profile. Widgets live in the entry file, so they survive page switches.

A suppressed role (bestuur, school) splits by one of gemeente and need at a time: the query layer
protects each filter alone against the answer without it (queries/disclosure.py), not their
combination. With a gemeente chosen, the need filter is set back to all and disabled.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from dashboard.app.data import current_role, query
from dashboard.geo import municipality_name
from dashboard.labels import code_label, code_labels, label
from queries.roles import get_role

ALL = "alle"
KEYS = ("school_year", "municipality_code", "need_category")


@dataclass(frozen=True)
class Filters:
    school_year: str | None
    municipality_code: str | None
    need_category: str | None

    def params(self) -> dict[str, str | None]:
        return {key: getattr(self, key) for key in KEYS}


def _one_split() -> bool:
    """Whether the signed-in role may use one of gemeente and need at a time (suppressed)."""
    return not get_role(current_role()).exact


def _select(key: str, title: str, options: list[str], fmt: Callable[[str], str],
            disabled: bool = False) -> None:
    """A selectbox whose value starts from the URL and is written back to it; a disabled one
    stands at its first option (all)."""
    if disabled:
        st.session_state[key] = options[0]
    elif key not in st.session_state or st.session_state[key] not in options:
        wanted = st.query_params.get(key)
        st.session_state[key] = wanted if wanted in options else options[0]
    st.selectbox(title, options, key=key, format_func=fmt, placeholder=label("choose"),
                 disabled=disabled)
    value = st.session_state[key]
    if value == ALL:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = value


def sidebar() -> Filters:
    """Draw the filters in the sidebar and return their values."""
    years = sorted(query("filter_school_years")["school_year"].to_list(), reverse=True)
    municipalities = query("filter_municipalities")["municipality_code"].to_list()
    with st.sidebar:
        st.subheader(label("filters"))
        if years:
            _select("school_year", label("school_year").capitalize(), years, str)
        _select("municipality_code", label("municipality").capitalize(), [ALL, *municipalities],
                lambda c: f"{label('all')} gemeenten" if c == ALL else municipality_name(c))
        one_split = _one_split() and st.session_state.get("municipality_code", ALL) != ALL
        _select("need_category", label("need_category").capitalize(),
                [ALL, *code_labels("need_category")],
                lambda c: f"{label('all')} behoeften" if c == ALL
                else code_label("need_category", c), disabled=one_split)
        if one_split:
            st.caption(label("filters_one_split"))
    return current()


def current() -> Filters:
    """The filter values of this run (None = no filter)."""
    values = [st.session_state.get(key) for key in KEYS]
    found = Filters(*[None if v in (None, ALL) else v for v in values])
    if found.municipality_code and found.need_category and _one_split():
        return Filters(found.school_year, found.municipality_code, None)
    return found


def link_params() -> dict[str, str]:
    """The current filters as query parameters, for links to other pages."""
    return {k: v for k, v in current().params().items() if v is not None}
