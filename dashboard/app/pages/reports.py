"""Rapportage: the reproducible tables an inspection report needs for one school year.

Each table shows the rows of one named query (the selected school year's rows when the query
has no school-year parameter), with Dutch headers and labels, its written definition, the
`pib query` command that gives the same figures, and a CSV download that is byte for byte that
command's output (exact query columns, all rows).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from typing import Any

import streamlit as st

from dashboard.app import auth, filters
from dashboard.app.components import definition, has_rows, page_header, suppression_note
from dashboard.app.data import current_role, query
from dashboard.csv_export import to_csv
from dashboard.formatting import display_frame, yes_no
from dashboard.geo import municipality_name
from dashboard.labels import code_label, label
from dashboard.report import deferred_report
from etl.settings import get_settings
from queries import describe

MIME = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pdf": "application/pdf"}

Spec = dict[str, tuple[str, str | Callable[[Any], str]]]


def codes(field: str) -> Callable[[str | None], str]:
    def fmt(code: str | None) -> str:
        if code == "undecided":
            return label("rep_undecided")
        return code_label(field, code)
    return fmt


def command(name: str, params: dict[str, object]) -> str:
    """The `pib query` call that prints exactly the CSV of this table."""
    parts = ["pib query", name]
    role = current_role()
    if role != "kwaliteit":
        parts.append(f"--role {role}")
    parts += [f"--param {k}={v}" for k, v in params.items() if v is not None]
    return " ".join([*parts, "--format csv"])


def section(title: str, name: str, f: filters.Filters, spec: Spec,
            extra: dict[str, object] | None = None) -> None:
    """One table: heading, the rows, how to reproduce them, a CSV download, the definition.

    The filters the query knows are passed as parameters; a query without a school-year
    parameter gives every year, of which the selected year's rows are shown.
    """
    st.subheader(title)
    known = {p.name for p in describe(name).params}
    params = {k: v for k, v in f.params().items() if k in known and v is not None}
    params.update(extra or {})
    year = f.school_year
    full = query(name, **params)
    by_year = "school_year" in full.columns and "school_year" not in params
    shown = full.filter(school_year=year) if by_year else full
    ignored = [label(f"rep_filter_{k}") for k, v in f.params().items()
               if v is not None and k != "school_year" and k not in known]
    if ignored:
        st.caption(label("rep_not_filtered", filters=" en ".join(ignored)))
    if has_rows(shown):
        if "suppressed" in shown.columns:
            spec = {**spec, "suppressed": (label("rep_col_suppressed"), yes_no)}
        table = display_frame(shown, spec)
        text_columns = {h for h, kind in spec.values() if callable(kind) or kind == "text"}
        config = {c: st.column_config.TextColumn(
            c, alignment="left" if c in text_columns else "right") for c in table.columns}
        st.dataframe(table, hide_index=True, width="stretch", column_config=config,
                     height="auto" if table.height <= 20 else 35 * 20 + 38)
        suppression_note(shown)
    st.caption(label("rep_reproduce", command=command(name, params))
               + (" " + label("rep_all_years") if by_year else ""))
    suffix = f"_{params['school_year']}" if "school_year" in params else ""
    st.download_button(label("download_csv"), to_csv(full), file_name=f"{name}{suffix}.csv",
                       mime="text/csv", key=f"csv_{name}", icon=":material/download:",
                       on_click=auth.audit_download, args=(f"csv {name}{suffix}.csv",))
    definition(name)


def as_of_date(year: str) -> date:
    """Last day of the school year, or today while the year is still running."""
    return min(get_settings().school_year_bounds(year)[1], date.today())


def downloads(year: str) -> None:
    """The inspection pack and the board report as xlsx or pdf (always suppressed)."""
    st.subheader(label("rep_downloads"))
    st.caption(label("rep_downloads_note"))
    role, user = current_role(), st.session_state.get("user")
    columns = st.columns(4)
    for i, (kind, fmt) in enumerate(
        [("inspectie", "xlsx"), ("inspectie", "pdf"), ("bestuur", "xlsx"), ("bestuur", "pdf")]
    ):
        columns[i].download_button(
            label(f"rep_download_{kind}", fmt=fmt.upper()),
            deferred_report(kind, fmt, year, role, user, os.environ.get("PIB_DB")),
            file_name=f"{kind}-{year}.{fmt}", key=f"download-{kind}-{fmt}",
            mime=MIME[fmt], on_click="ignore",
        )


def render() -> None:
    auth.require("reports")
    f = filters.current()
    page_header(label("page_reports"), label("rep_intro"))
    if f.school_year is None:
        st.info(label("no_data"))
        return
    downloads(f.school_year)
    year, m, need = f.school_year, f.municipality_code, f.need_category
    scope = [label("rep_scope_year", year=year)]
    if m:
        scope.append(label("rep_scope_municipality", name=municipality_name(m)))
    if need:
        scope.append(label("rep_scope_need", need=code_label("need_category", need).lower()))
    st.markdown(label("rep_scope", scope=", ".join(scope)))
    st.caption(label("rep_filters_note"))
    settings = get_settings()
    need_col = (label("need_category").capitalize(), codes("need_category"))
    municipality_col = (label("municipality").capitalize(), municipality_name)

    section(label("rep_referrals", what=label("referrals").capitalize()),
            "referrals_by_decision", f, {
                "request_type": (label("rep_col_request_type"), codes("request_type")),
                "decision": (label("rep_col_decision"), codes("decision")),
                "referrals": (label("referrals").capitalize(), "int"),
            })
    section(label("rep_waiting", days=settings.decision_days), "waiting_times", f, {
        "need_category": need_col,
        "decided": (label("decided"), "int"),
        "median_days": (label("median_days"), "auto"),
        "p90_days": (label("rep_col_p90_days"), "dec1"),
        "within_norm_share": (label("within_days", days=settings.decision_days),
                              "share"),
    })
    as_of = as_of_date(year)
    section(label("rep_open", what=label("referrals"), date=f"{as_of:%d-%m-%Y}"),
            "open_referrals", f, {
        "open_total": (label("rep_col_open_total"), "int"),
        "open_over_6_weeks": (label("open_over_6_weeks"), "int"),
        "open_over_10_weeks": (label("open_over_10_weeks"), "int"),
        "oldest_days": (label("oldest_days"), "int"),
    }, {"as_of": as_of.isoformat()})
    section(label("rep_admissions", what=label("admissions")), "admissions", f, {
        "request_type": (label("rep_col_request_type"), codes("request_type")),
        "granted": (label("rep_col_granted"), "int"),
        "per_1000_pupils": (label("rep_col_per_1000_regular"), "dec1"),
    })
    section(label("rep_coverage"), "coverage", f, {
        "municipality_code": municipality_col,
        "need_category": need_col,
        "demand": (label("col_demand"), "int"),
        "capacity": (label("col_capacity"), "int"),
        "gap": (label("col_gap"), "int"),
        "coverage_ratio": (label("col_coverage_ratio"), "share"),
    })
    section(label("rep_out_of_school", what=label("out_of_school_title")), "out_of_school", f, {
        "pupils_out_of_school": (label("out_of_school_title"), "int"),
        "per_1000_pupils": (label("per_1000_pupils"), "dec1"),
        "pupils_exempted": (label("exempted"), "int"),
    })
    section(label("rep_prevention"), "prevention_trend", f, {
        "supports_started": (label("prev_started"), "int"),
        "preventive_started": (label("prev_preventive_started"), "int"),
        "hours_total": (label("rep_col_hours_total"), "int"),
        "hours_preventive": (label("rep_col_hours_preventive"), "int"),
        "preventive_hours_share": (label("prev_share"), "share"),
    })
    section(label("rep_outcomes"), "outcomes", f, {
        "evaluated": (label("evaluations"), "int"),
        "achieved_share": (label("goals_achieved"), "share"),
        "achieved_or_partly_share": (label("rep_col_achieved_or_partly"), "share"),
    })


render()
