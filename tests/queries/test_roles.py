"""Roles and disclosure rules: one table, read by the layer, the pages, users and exports."""

from __future__ import annotations

import duckdb
import pytest

from dashboard.access import AccessError, add_user
from dashboard.app.navigation import BY_KEY
from etl.schema import warehouse_ddl
from queries import QueryError, list_queries, run_query
from queries.roles import (
    EXACT_ROLES,
    ROLE_NAMES,
    SCHOOL_SCOPE,
    SUPPRESSED_ROLES,
    UNSCOPED_TABLES,
    is_data_quality_query,
    roles_for,
)


def test_the_roles_and_their_kinds():
    assert ROLE_NAMES == ("bestuur", "kwaliteit", "school", "beheer", "clb", "begeleider")
    assert EXACT_ROLES == ("kwaliteit", "beheer")
    assert SUPPRESSED_ROLES == ("bestuur", "school", "clb", "begeleider")


def test_page_audiences_follow_the_roles():
    assert BY_KEY["overview"].roles == ROLE_NAMES
    assert BY_KEY["coverage"].roles == ("bestuur", "kwaliteit", "beheer")
    assert BY_KEY["quality"].roles == ("kwaliteit", "beheer")
    assert BY_KEY["admin"].roles == ("beheer",)
    assert roles_for("network") == BY_KEY["reports"].roles


def test_every_table_is_decided_for_the_school_scope():
    con = duckdb.connect()
    con.execute(warehouse_ddl())
    tables = {r[0] for r in con.execute("select table_name from duckdb_tables()").fetchall()}
    assert set(SCHOOL_SCOPE).isdisjoint(UNSCOPED_TABLES)
    assert tables == set(SCHOOL_SCOPE) | set(UNSCOPED_TABLES)


def test_data_quality_queries():
    quality = [q for q in list_queries() if is_data_quality_query(q)]
    assert quality == ["load_history", "quarantine_offers_without_tariff", "quarantine_rows",
                       "quarantine_summary", "table_counts", "unknown_schools"]


@pytest.mark.parametrize("role", ["bestuur", "school"])
@pytest.mark.parametrize("query", ["quarantine_rows", "quarantine_summary", "load_history",
                                   "unknown_schools", "quarantine_offers_without_tariff"])
def test_data_quality_queries_refuse_other_roles(kpi_db, role, query):
    with pytest.raises(QueryError, match="alleen voor de rollen kwaliteit en beheer"):
        run_query(query, role=role, db=kpi_db, school_ids=("SCH0001",))


@pytest.mark.parametrize("role", ["kwaliteit", "beheer"])
def test_data_quality_queries_answer_quality_roles(kpi_db, role):
    assert run_query("quarantine_summary", role=role, db=kpi_db).height > 0


def test_a_school_user_needs_schools(tmp_path):
    with pytest.raises(AccessError, match="De rol school vraagt minstens één --school"):
        add_user("jan", "school", "een-lang-wachtwoord", db=tmp_path / "wh.duckdb")
