"""Rapportage: the reproducible tables an inspection report needs for one school year.

Each table shows the rows of one named query (the selected school year's rows when the query
has no school-year parameter), with Dutch headers and labels, its written definition, the
`pib query` command that gives the same figures, and a CSV download that is byte for byte that
command's output (exact query columns, all rows).
"""

from __future__ import annotations

import os
from datetime import date

import polars as pl
import streamlit as st

from dashboard.app import auth, filters
from dashboard.app.components import definition, has_rows, page_header, suppression_note
from dashboard.app.data import current_role, query
from dashboard.csv_export import to_csv
from dashboard.geo import municipality_name
from dashboard.labels import code_label, label
from dashboard.report import REGISTER, deferred_register, deferred_report
from dashboard.report.content import QUALITY_REPORT
from dashboard.tables import Column, Table, inspection_tables
from etl.settings import get_settings
from queries import describe
from queries.roles import ROLES

MIME = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pdf": "application/pdf"}

def command(name: str, params: dict[str, object]) -> str:
    """The `pib query` call that prints exactly the CSV of this table."""
    parts = ["pib query", name]
    role = current_role()
    if role != "kwaliteit":
        parts.append(f"--role {role}")
    parts += [f"--param {k}={v}" for k, v in params.items() if v is not None]
    return " ".join([*parts, "--format csv"])


def display(frame: pl.DataFrame, columns: list[Column]) -> pl.DataFrame:
    """The rows as text, with the headers, labels and formats of the table definition."""
    return pl.DataFrame({c.header: [c.text(v) for v in frame[c.source].to_list()]
                         for c in columns}, schema={c.header: pl.String for c in columns})


def section(table: Table, f: filters.Filters) -> None:
    """One table: heading, the rows, how to reproduce them, a CSV download, the definition.

    The filters the query knows are passed as parameters, with the table's own; a query
    without a school-year parameter gives every year, of which the selected year's rows are
    shown (the school-year column is left out: the page shows one year).
    """
    name = table.query
    st.subheader(table.title)
    known = {p.name for p in describe(name).params}
    params = {k: v for k, v in f.params().items() if k in known and v is not None}
    params.update(table.params)
    year = f.school_year
    full = query(name, **params)
    by_year = "school_year" in full.columns and "school_year" not in params
    shown = full.filter(school_year=year) if by_year else full
    if table.order is not None:  # the rows in reading order; the CSV stays the query's
        shown = table.order(shown)
    ignored = [label(f"rep_filter_{k}") for k, v in f.params().items()
               if v is not None and k != "school_year" and k not in known]
    if ignored:
        st.caption(label("rep_not_filtered", filters=" en ".join(ignored)))
    if has_rows(shown):
        columns = [c for c in table.columns if c.source != "school_year"]
        if "suppressed" in shown.columns:
            columns.append(Column("suppressed", label("rep_col_suppressed"), "flag"))
        frame = display(shown, columns)
        text_columns = {c.header for c in columns if c.is_text}
        config = {c: st.column_config.TextColumn(
            c, alignment="left" if c in text_columns else "right") for c in frame.columns}
        st.dataframe(frame, hide_index=True, width="stretch", column_config=config,
                     height="auto" if frame.height <= 20 else 35 * 20 + 38)
        suppression_note(shown)
    st.caption(label("rep_reproduce", command=command(name, params))
               + (" " + label("rep_all_years") if by_year else ""))
    suffix = f"_{params['school_year']}" if "school_year" in params else ""
    st.download_button(label("download_csv"), to_csv(full), file_name=f"{name}{suffix}.csv",
                       mime="text/csv", key=f"csv_{name}", icon=":material/download:",
                       on_click=auth.audit_download, args=(f"csv {name}{suffix}.csv",))
    definition(name)


def downloads(year: str) -> None:
    """The inspection pack and the board report as xlsx or pdf (always suppressed)."""
    st.subheader(label("rep_downloads"))
    st.caption(label("rep_downloads_note"))
    role, user = current_role(), st.session_state.get("user")
    kinds = [("inspectie", "xlsx"), ("inspectie", "pdf"), ("bestuur", "xlsx"), ("bestuur", "pdf")]
    if get_settings().terminology == "vl":  # the kwaliteitsrapport leersteun (profile vl only)
        kinds += [(QUALITY_REPORT, "xlsx"), (QUALITY_REPORT, "pdf")]
    columns = st.columns(4)
    for i, (kind, fmt) in enumerate(kinds):
        columns[i % 4].download_button(
            label(f"rep_download_{kind}", fmt=fmt.upper()),
            deferred_report(kind, fmt, year, role, user, os.environ.get("PIB_DB")),
            file_name=f"{kind}-{year}.{fmt}", key=f"download-{kind}-{fmt}",
            mime=MIME[fmt], on_click="ignore",
        )


def register_download(year: str) -> None:
    """The Inspectie's cumulative thuiszitters list (xlsx) up to a peildatum in the selected
    school year: individual rows without ids, so only for the exact roles (kwaliteit, beheer);
    nothing is shown to the others, nor in the Flemish profile."""
    role = current_role()
    # The thuiszittersregistratie is the Dutch Inspectie's: no Flemish counterpart (profile vl).
    if not ROLES[role].exact or get_settings().terminology == "vl":
        return
    first, last = get_settings().school_year_bounds(year)
    st.markdown(label("rep_register_heading"))
    left, right = st.columns([1, 3], vertical_alignment="bottom")
    as_of = left.date_input(label("rep_register_as_of"), value=min(max(date.today(), first), last),
                            min_value=first, max_value=last, format="DD-MM-YYYY",
                            key="register-as-of")
    right.download_button(
        label("rep_download_register"),
        deferred_register(as_of, role, st.session_state.get("user"), os.environ.get("PIB_DB")),
        file_name=f"{REGISTER}-{as_of.isoformat()}.xlsx", key="download-register",
        mime=MIME["xlsx"], on_click="ignore",
    )
    st.caption(label("rep_register_note"))


def render() -> None:
    auth.require("reports")
    f = filters.current()
    page_header(label("page_reports"), label("rep_intro"))
    if f.school_year is None:
        st.info(label("no_data"))
        return
    downloads(f.school_year)
    register_download(f.school_year)
    year, m, need = f.school_year, f.municipality_code, f.need_category
    scope = [label("rep_scope_year", year=year)]
    if m:
        scope.append(label("rep_scope_municipality", name=municipality_name(m)))
    if need:
        scope.append(label("rep_scope_need", need=code_label("need_category", need).lower()))
    st.markdown(label("rep_scope", scope=", ".join(scope)))
    st.caption(label("rep_filters_note"))
    for table in inspection_tables(year):
        section(table, f)


render()
