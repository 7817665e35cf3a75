"""The dashboard's only door to the data: the query layer, cached per data version and role."""

from __future__ import annotations

import os

import polars as pl
import streamlit as st

from etl.warehouse import data_version
from queries import run_query


def current_role() -> str:
    """The signed-in user's role; `kwaliteit` when login is off."""
    return st.session_state.get("role", "kwaliteit")


@st.cache_data(show_spinner=False, max_entries=512)
def _cached(name: str, params: tuple, role: str, school_ids: tuple, db: str | None,
            version: tuple) -> pl.DataFrame:
    return run_query(name, dict(params), role=role, db=db, school_ids=school_ids)


def query(name: str, **params: object) -> pl.DataFrame:
    """Run a named query for the current role (and its schools); None values mean no filter."""
    bound = tuple(sorted((k, v) for k, v in params.items() if v is not None))
    db = os.environ.get("PIB_DB")
    school_ids = tuple(st.session_state.get("school_ids", ()))
    return _cached(name, bound, current_role(), school_ids, db, data_version(db))
