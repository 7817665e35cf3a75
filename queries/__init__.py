"""The KPI query layer: one named SQL file per figure; see `queries.layer` and docs/kpis.md."""

from queries.layer import (
    Param,
    Query,
    QueryError,
    Suppress,
    describe,
    list_queries,
    run_query,
)
from queries.roles import EXACT_ROLES, SUPPRESSED_ROLES

__all__ = [
    "EXACT_ROLES", "SUPPRESSED_ROLES", "Param", "Query", "QueryError", "Suppress", "describe",
    "list_queries", "run_query",
]
