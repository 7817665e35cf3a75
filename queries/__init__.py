"""The KPI query layer: one named SQL file per figure; see `queries.layer` and docs/kpis.md."""

from queries.layer import (
    EXACT_ROLES,
    SUPPRESSED_ROLES,
    Param,
    Query,
    QueryError,
    Suppress,
    describe,
    list_queries,
    run_query,
)

__all__ = [
    "EXACT_ROLES", "SUPPRESSED_ROLES", "Param", "Query", "QueryError", "Suppress", "describe",
    "list_queries", "run_query",
]
