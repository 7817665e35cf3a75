"""Resultaten: were the goals of support met (against the board's target), and where did pupils
go after support. Both queries (`outcomes`, `outcome_destinations`) follow the gemeente filter
(the support's municipality) and count by school year of the evaluation; the need-category
filter does not apply. The page picks and formats rows; it computes no figure of its own.
"""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from dashboard import auth, filters
from dashboard.charts import COLOURS, TARGET, style
from dashboard.components import definition, has_rows, page_header, suppression_note
from dashboard.data import query
from dashboard.formatting import EMPTY, number, percent, points, signed
from dashboard.labels import code_label, code_labels, label
from etl.settings import get_settings

CONFIG = {"displaylogo": False}
UNKNOWN_WARNING = 0.2  # say so when more than this share of destinations is not filled in


def badge(value: float | None, target: float | None) -> str:
    """Higher is better: on/off the target in words, an icon and a colour."""
    if target is None:
        return ""
    if value is None:
        return f":gray-badge[{label('fig_target_min', target=percent(target))}]"
    if value >= target:
        return (f":green-badge[:material/check_circle: "
                f"{label('fig_meets_min', target=percent(target))}]")
    return f":red-badge[:material/error: {label('fig_misses_min', target=percent(target))}]"


def tiles(outcomes: pl.DataFrame, year: str, target: float | None) -> None:
    years = outcomes["school_year"].to_list()
    if year not in years:
        st.info(label("oc_no_year", year=year))
        return
    i = years.index(year)
    row = outcomes.row(i, named=True)
    before = outcomes.row(i - 1, named=True) if i > 0 else None

    def delta(column: str) -> str | None:
        if before is None or row[column] is None or before[column] is None:
            return None
        change = row[column] - before[column]
        return points(change) if column.endswith("share") else signed(change)

    cols = st.columns(3)
    cols[0].metric(label("evaluations"), number(row["evaluated"]), delta("evaluated"),
                   delta_color="off", border=True, help=label("oc_tile_evaluated_help"))
    cols[1].metric(label("goals_achieved"), percent(row["achieved_share"]),
                   delta("achieved_share"), border=True)
    cols[2].metric(label("oc_tile_partly"), percent(row["achieved_or_partly_share"]),
                   delta("achieved_or_partly_share"), border=True)
    st.markdown(label("oc_verdict", year=year, achieved=percent(row["achieved_share"]),
                      target=badge(row["achieved_share"], target)))
    if before:
        st.caption(label("fig_delta_caption", year=before["school_year"]))


def trend_chart(outcomes: pl.DataFrame, year: str, target: float | None) -> None:
    if not has_rows(outcomes, "achieved_share"):
        return
    row = outcomes.filter(school_year=year)
    value = row["achieved_share"][0] if row.height else None
    if value is not None and target is not None:
        title = label("oc_trend_title", value=percent(value), year=year,
                      verdict=label("oc_above" if value >= target else "oc_below"),
                      target=percent(target))
    else:
        title = label("oc_trend_plain")
    years = outcomes["school_year"].to_list()
    fig = go.Figure()
    for column, key, colour, where in (
        ("achieved_or_partly_share", "oc_tile_partly", COLOURS["goal_attainment"]["partly"],
         "top center"),
        ("achieved_share", "goals_achieved", COLOURS["goal_attainment"]["achieved"],
         "bottom center"),
    ):
        fig.add_scatter(
            x=years, y=outcomes[column], name=label(key), mode="lines+markers+text",
            line={"color": colour, "width": 2.5},
            marker={"size": [13 if y == year else 7 for y in years], "color": colour},
            text=[percent(v) if v is not None else "" for v in outcomes[column]],
            textposition=where,
            customdata=[number(n) if n is not None else EMPTY for n in outcomes["evaluated"]],
            hovertemplate="%{x}: %{y:.0%} van %{customdata} evaluaties<extra>"
            + label(key) + "</extra>",
        )
    if target is not None:
        fig.add_hline(y=target, line_dash="dash", line_color=TARGET,
                      annotation_text=label("fig_target_min", target=percent(target)),
                      annotation_position="top left")
    style(fig, title, x=label("fig_school_year"), y=label("oc_share_axis"), percent=True)
    fig.update_yaxes(range=[0, 1.05])
    fig.update_layout(height=380, legend={"orientation": "h", "y": -0.25})
    st.plotly_chart(fig, width="stretch", config=CONFIG, key="achieved")
    suppression_note(outcomes)


def destinations(dest: pl.DataFrame, year: str) -> None:
    if not has_rows(dest, "evaluations"):
        return
    order = {code: i for i, code in enumerate(code_labels("destination"))}
    this = dest.filter(school_year=year).sort(
        pl.col("destination").replace_strict(order, default=len(order)))
    share = dict(zip(this["destination"], this["share"], strict=True))
    regular, unknown = share.get("regular"), share.get("unknown")
    if this.height and regular is not None and unknown is not None:
        title = label("oc_dest_title", year=year, regular=percent(regular),
                      unknown=percent(unknown))
    else:
        title = label("oc_dest_plain")
    left, right = st.columns([3, 2])
    with left:
        fig = go.Figure()
        for code, name in code_labels("destination").items():
            part = dest.filter(destination=code)
            if part.height == 0:
                continue
            fig.add_bar(x=part["school_year"], y=part["share"], name=name,
                        marker_color=COLOURS["destination"][code],
                        customdata=[number(n) if n is not None else EMPTY
                                    for n in part["evaluations"]],
                        hovertemplate="%{x}, " + name + ": %{y:.0%} (%{customdata})"
                        "<extra></extra>")
        style(fig, title, x=label("fig_school_year"), y=label("oc_share_axis"), percent=True)
        fig.update_layout(barmode="stack", height=420,
                          legend={"orientation": "h", "y": -0.25, "traceorder": "normal"})
        st.plotly_chart(fig, width="stretch", config=CONFIG, key="destinations")
    with right:
        st.markdown(f"**{label('oc_dest_table', year=year)}**")
        if this.height == 0:
            st.info(label("no_data"))
        else:
            table = pl.DataFrame({
                label("oc_destination"): [code_label("destination", c)
                                          for c in this["destination"]],
                label("evaluations"): [number(n) for n in this["evaluations"]],
                label("oc_share"): [percent(s) for s in this["share"]],
            })
            st.dataframe(table, hide_index=True, width="stretch", key="destination_table")
        if unknown is not None and unknown > UNKNOWN_WARNING:
            st.warning(label("oc_unknown_warning", unknown=percent(unknown), year=year))
    suppression_note(dest)


def render() -> None:
    auth.require("outcomes")
    f = filters.current()
    page_header(label("page_outcomes"), label("oc_intro"))
    outcomes = query("outcomes", municipality_code=f.municipality_code)
    dest = query("outcome_destinations", municipality_code=f.municipality_code)
    if outcomes.height == 0:
        has_rows(outcomes)
        return
    if f.need_category:
        st.caption(label("fig_need_not_used"))
    year = f.school_year or outcomes["school_year"][-1]
    target = get_settings().targets.get("achieved_share")
    tiles(outcomes, year, target)
    trend_chart(outcomes, year, target)
    definition("outcomes")
    st.subheader(label("oc_dest_header"))
    destinations(dest, year)
    definition("outcome_destinations")


render()
