"""Datakwaliteit: what was loaded, what was rejected and why — for quality officers only.

Roles `kwaliteit` and `beheer`; any other role gets a Dutch refusal (quarantined rows hold
row-level values, even if pseudonymised). Queries: `data_freshness`, `table_counts`,
`load_history`, `quarantine_summary`, `quarantine_rows` (offered as CSV too),
`unknown_schools` and `quarantine_offers_without_tariff`. None of them
counts children, so none is suppressed; the sidebar filters do not apply here.
"""

from __future__ import annotations

from datetime import datetime

import polars as pl
import streamlit as st

from dashboard.app import auth
from dashboard.app.components import definition, has_rows, page_header
from dashboard.app.data import current_role, query
from dashboard.charts import CHART_CONFIG
from dashboard.csv_export import to_csv
from dashboard.figures.quality import entity, quarantine
from dashboard.formatting import EMPTY, number
from dashboard.labels import capital, label
from queries import EXACT_ROLES

LOG_LIMIT = 50
ROW_LIMIT = 500



def when(value: datetime | None) -> str:
    return value.strftime("%d-%m-%Y %H:%M") if value is not None else EMPTY


def refuse_unless_allowed() -> None:
    auth.require("quality")
    if current_role() not in EXACT_ROLES:  # belt and braces: raw values are row-level
        st.error(label("dq_refused"))
        st.stop()


def headline(log: pl.DataFrame, counts: pl.DataFrame) -> None:
    rows = dict(counts.iter_rows())
    cols = st.columns(3)
    cols[0].metric(label("dq_tile_loads"), number(rows.get("load_log")), border=True)
    cols[1].metric(label("dq_quarantine_rows"), number(rows.get("quarantine")), border=True)
    last = log["finished_at"].max() if log.height else None
    cols[2].metric(label("dq_tile_last"), when(last), border=True)


def freshness_and_counts(fresh: pl.DataFrame, counts: pl.DataFrame) -> None:
    left, right = st.columns([3, 2])
    with left:
        st.markdown(f"**{label('dq_fresh_header')}**")
        table = pl.DataFrame({
            label("dq_source"): [entity(e) for e in fresh["entity"]],
            label("dq_last_loaded"): [when(t) if t else label("dq_never")
                                      for t in fresh["last_loaded_at"]],
            label("dq_file"): [f or EMPTY for f in fresh["last_file"]],
            label("dq_rows"): [number(n) for n in fresh["rows"]],
        })
        st.dataframe(table, hide_index=True, width="stretch", key="freshness")
        never = [entity(e) for e, t in zip(fresh["entity"], fresh["last_loaded_at"],
                                           strict=True) if t is None]
        if never:
            st.warning(label("dq_never_warning", sources=", ".join(never)))
    with right:
        st.markdown(f"**{label('dq_tables_header')}**")
        names = {"load_log": label("dq_table_load_log"),
                 "quarantine": label("dq_table_quarantine")}
        table = pl.DataFrame({
            label("dq_table"): [names.get(t) or entity(t) for t in counts["table_name"]],
            label("dq_rows"): [number(n) for n in counts["rows"]],
        })
        st.dataframe(table, hide_index=True, width="stretch", key="table_counts")
    definition("data_freshness", "table_counts")


def load_log(log: pl.DataFrame) -> None:
    st.subheader(label("dq_log_header"))
    if not has_rows(log):
        return
    newest = log.sort("load_id", descending=True)
    table = pl.DataFrame({
        label("dq_load"): newest["load_id"],
        label("dq_file"): newest["file"],
        label("dq_source"): [entity(e) for e in newest["entity"]],
        label("dq_kind"): [label("dq_kind_canonical") if s == "canonical" else s
                           for s in newest["source"]],
        label("dq_read"): [number(n) for n in newest["rows_read"]],
        label("dq_loaded"): [number(n) for n in newest["rows_loaded"]],
        label("dq_quarantined"): [number(n) for n in newest["rows_quarantined"]],
        label("dq_started"): [when(t) for t in newest["started_at"]],
        label("dq_finished"): [when(t) for t in newest["finished_at"]],
        label("dq_outcome"): [label("dq_outcome_ok") if o == "ok" else o
                              for o in newest["outcome"]],
        label("dq_message"): [m or "" for m in newest["message"]],
    })
    st.dataframe(table, hide_index=True, width="stretch", key="load_log",
                 height=min(38 + 35 * table.height, 420))
    st.caption(label("dq_log_caption", limit=LOG_LIMIT))
    definition("load_history")


def summary_chart(summary: pl.DataFrame) -> None:
    st.subheader(label("dq_summary_header"))
    if summary.height == 0:
        st.success(label("dq_no_quarantine"))
        return
    st.plotly_chart(quarantine(summary), width="stretch", config=CHART_CONFIG,
                    key="quarantine_summary")
    definition("quarantine_summary")


def quarantine_rows(summary: pl.DataFrame) -> None:
    st.subheader(label("dq_rows_header"))
    if summary.height == 0:
        st.info(label("dq_no_quarantine"))
        return
    sources = [None, *sorted(summary["entity"].unique())]
    picked = st.selectbox(label("dq_source"), sources, key="dq_entity",
                          format_func=lambda e: label("dq_all_sources") if e is None
                          else entity(e))
    rows = query("quarantine_rows", entity=picked, limit=ROW_LIMIT)
    if not has_rows(rows):
        return
    newest = rows.sort(["load_id", "line"], descending=True)
    table = pl.DataFrame({
        label("dq_load"): newest["load_id"],
        label("dq_loaded_at"): [when(t) for t in newest["loaded_at"]],
        label("dq_file"): newest["source_file"],
        label("dq_line"): newest["line"],
        label("dq_column"): newest["column_name"],
        label("dq_reason"): newest["reason"],
        label("dq_raw"): newest["raw_values"],
    })
    st.dataframe(table, hide_index=True, width="stretch", key="quarantine_rows",
                 height=min(38 + 35 * table.height, 460))
    st.caption(label("dq_rows_caption", limit=ROW_LIMIT))
    file_name = f"quarantaine{'_' + picked if picked else ''}.csv"
    st.download_button(label("download_csv"), to_csv(rows).encode("utf-8"),
                       file_name=file_name, mime="text/csv", key="download_quarantine",
                       icon=":material/download:", on_click=auth.audit_download,
                       args=(f"csv {file_name}",))
    definition("quarantine_rows")


def unknown_schools() -> None:
    """Rows that name a school the schools file does not know, per table and column."""
    st.subheader(label("dq_unknown_schools_header"))
    refs = query("unknown_schools")
    if refs.height == 0:
        st.success(label("dq_unknown_schools_none"))
    else:
        table = pl.DataFrame({
            label("dq_source"): [entity(e) for e in refs["entity"]],
            label("dq_ref_column"): [label(f"dq_ref_{c}") for c in refs["column_name"]],
            label("dq_unknown_rows"): [number(n) for n in refs["rows"]],
            label("dq_unknown_schools"): [number(n) for n in refs["schools"]],
            label("dq_unknown_ids"): refs["school_ids"],
        })
        st.dataframe(table, hide_index=True, width="stretch", key="unknown_schools")
        st.caption(label("dq_unknown_schools_caption"))
    definition("unknown_schools")


def offers_without_tariff() -> None:
    """Offers without a tariff per school year and provider: the cost of the network
    (`network_cost`) counts them as 0 euro."""
    st.subheader(label("dq_no_tariff_header"))
    offers = query("quarantine_offers_without_tariff")
    if offers.height == 0:
        st.success(label("dq_no_tariff_none"))
    else:
        table = pl.DataFrame({
            capital(label("school_year")): offers["school_year"],
            label("dq_provider"): offers["provider"],
            label("dq_offers"): [number(n) for n in offers["offers"]],
            label("dq_places"): [number(n) for n in offers["places"]],
            label("dq_offer_ids"): offers["offer_ids"],
        })
        st.dataframe(table, hide_index=True, width="stretch", key="offers_without_tariff",
                     height=min(38 + 35 * table.height, 420), column_config={
                         h: st.column_config.TextColumn(h, alignment="right")
                         for h in (label("dq_offers"), label("dq_places"))})
        st.caption(label("dq_no_tariff_caption", offers=number(offers["offers"].sum()),
                         places=number(offers["places"].sum())))
    definition("quarantine_offers_without_tariff", "network_cost")


def render() -> None:
    refuse_unless_allowed()
    page_header(label("page_quality"), label("dq_intro"))
    fresh = query("data_freshness")
    counts = query("table_counts")
    log = query("load_history", limit=LOG_LIMIT)
    summary = query("quarantine_summary")
    headline(log, counts)
    freshness_and_counts(fresh, counts)
    load_log(log)
    summary_chart(summary)
    quarantine_rows(summary)
    unknown_schools()
    offers_without_tariff()


render()
