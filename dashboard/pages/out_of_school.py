"""Thuiszitters: pupils without education per 1,000 pupils against the target, by kind of
absence, how long episodes last and the reasons given.

`out_of_school` (per 1,000, the board's figure) has no filters: it is always regional.
`out_of_school_by_kind` follows the gemeente filter, `out_of_school_reasons` the school year.
The need-category filter does not apply (episodes carry no need). The page picks and formats
rows; it computes no figure of its own.
"""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from dashboard import auth, filters
from dashboard.charts import ACCENT, COLOURS, TARGET, style
from dashboard.components import definition, has_rows, page_header, suppression_note
from dashboard.data import query
from dashboard.formatting import EMPTY, number, signed
from dashboard.geo import municipality_name
from dashboard.labels import code_label, code_labels, label
from etl.settings import get_settings

CONFIG = {"displaylogo": False}
ABSENCE = ("absolute_absence", "long_relative_absence")
REASONS = 10


def rate(value: float | None) -> str:
    return number(value, 1)


def days(value: float | None) -> str:
    if value is None:
        return EMPTY
    return label("fig_days", value=number(value, 0 if float(value).is_integer() else 1))


def badge(value: float | None, target: float | None) -> str:
    """Lower is better: on/off the target in words, an icon and a colour."""
    if target is None:
        return ""
    if value is None:
        return f":gray-badge[{label('fig_target_max', target=rate(target))}]"
    if value <= target:
        return (f":green-badge[:material/check_circle: "
                f"{label('fig_meets_max', target=rate(target))}]")
    return f":red-badge[:material/error: {label('fig_misses_max', target=rate(target))}]"


def tiles(trend: pl.DataFrame, year: str, target: float | None) -> None:
    years = trend["school_year"].to_list()
    if year not in years:
        st.info(label("no_data"))
        return
    i = years.index(year)
    row = trend.row(i, named=True)
    before = trend.row(i - 1, named=True) if i > 0 else None

    def delta(column: str, decimals: int) -> str | None:
        if before is None or row[column] is None or before[column] is None:
            return None
        return signed(row[column] - before[column], decimals)

    what = label("out_of_school_title")
    cols = st.columns(3)
    cols[0].metric(what, number(row["pupils_out_of_school"]),
                   delta("pupils_out_of_school", 0), delta_color="inverse", border=True,
                   help=label("os_tile_help"))
    cols[1].metric(label("per_1000_pupils"), rate(row["per_1000_pupils"]),
                   delta("per_1000_pupils", 1), delta_color="inverse", border=True)
    cols[2].metric(label("exempted"), number(row["pupils_exempted"]),
                   delta("pupils_exempted", 0), delta_color="off", border=True,
                   help=label("os_tile_help"))
    st.markdown(label("os_verdict", year=year, per_1000=rate(row["per_1000_pupils"]),
                      what=label("out_of_school"), target=badge(row["per_1000_pupils"], target)))
    if before:
        st.caption(label("fig_delta_caption", year=before["school_year"]))


def trend_chart(trend: pl.DataFrame, year: str, target: float | None) -> None:
    if not has_rows(trend, "per_1000_pupils"):
        return
    what = label("out_of_school_title")
    row = trend.filter(school_year=year)
    value = row["per_1000_pupils"][0] if row.height else None
    if value is not None and target is not None:
        key = "os_trend_above" if value > target else "os_trend_below"
        title = label(key, what=what, value=rate(value), year=year, target=rate(target))
    else:
        title = label("os_trend_plain", what=what)
    years = trend["school_year"].to_list()
    fig = go.Figure(go.Scatter(
        x=years, y=trend["per_1000_pupils"], mode="lines+markers+text", name=what,
        line={"color": ACCENT, "width": 2.5},
        marker={"size": [13 if y == year else 7 for y in years], "color": ACCENT},
        text=[rate(v) if v is not None else "" for v in trend["per_1000_pupils"]],
        textposition="top center",
        customdata=[number(n) for n in trend["pupils_out_of_school"]],
        hovertemplate="%{x}: %{y:,.1f} per 1.000 (%{customdata} leerlingen)<extra></extra>",
    ))
    if target is not None:
        fig.add_hline(y=target, line_dash="dash", line_color=TARGET,
                      annotation_text=label("fig_target_max", target=rate(target)),
                      annotation_position="bottom right")
    style(fig, title, x=label("fig_school_year"), y=label("per_1000_pupils"))
    known = trend["per_1000_pupils"].drop_nulls()
    top = max([*known, target or 0]) if known.len() else None
    fig.update_yaxes(range=[0, top * 1.2] if top else None, rangemode="tozero")
    fig.update_layout(height=360, showlegend=False)
    st.plotly_chart(fig, width="stretch", config=CONFIG, key="per_1000")


def kind_charts(by_kind: pl.DataFrame, year: str) -> None:
    left, right = st.columns(2)
    kinds = code_labels("out_of_school_kind")
    with left:
        if has_rows(by_kind, "pupils"):
            this = by_kind.filter(school_year=year).drop_nulls("pupils")
            if this.height:
                top = this.sort(["pupils", "kind"], descending=[True, False]).row(0, named=True)
                title = label("os_kind_title", year=year,
                              kind=code_label("out_of_school_kind", top["kind"]).lower(),
                              pupils=number(top["pupils"]))
            else:
                title = label("os_kind_plain", what=label("out_of_school_title"))
            fig = go.Figure()
            for code, name in kinds.items():
                part = by_kind.filter(kind=code)
                fig.add_bar(x=part["school_year"], y=part["pupils"], name=name,
                            marker_color=COLOURS["out_of_school_kind"][code],
                            hovertemplate="%{x}, " + name + ": %{y:,} leerlingen<extra></extra>")
            style(fig, title, x=label("fig_school_year"), y=label("os_pupils_axis"))
            fig.update_layout(barmode="group", height=380,
                              legend={"orientation": "h", "y": -0.25})
            st.plotly_chart(fig, width="stretch", config=CONFIG, key="by_kind")
            st.caption(label("os_kind_caption"))
    with right:
        if has_rows(by_kind, "median_duration_days"):
            this = by_kind.filter(school_year=year)
            parts = [
                f"{days(r['median_duration_days'])} "
                f"{code_label('out_of_school_kind', r['kind']).lower()}"
                for r in this.filter(pl.col("kind").is_in(ABSENCE)).iter_rows(named=True)
                if r["median_duration_days"] is not None
            ]
            title = label("os_duration_title", year=year) if parts else label(
                "os_duration_plain")
            fig = go.Figure()
            for code, name in kinds.items():
                part = by_kind.filter(kind=code)
                fig.add_bar(x=part["school_year"], y=part["median_duration_days"], name=name,
                            marker_color=COLOURS["out_of_school_kind"][code],
                            visible=True if code in ABSENCE else "legendonly",
                            customdata=[number(n) if n is not None else EMPTY
                                        for n in part["episodes_ended"]],
                            hovertemplate="%{x}, " + name + ": mediaan %{y:,.1f} dagen "
                            "(%{customdata} " + label("os_episodes_ended") + ")<extra></extra>")
            style(fig, title, x=label("fig_school_year"), y=label("os_duration_axis"))
            if parts:
                fig.update_layout(title_subtitle_text=", ".join(parts), margin_t=80)
            fig.update_layout(barmode="group", height=380,
                              legend={"orientation": "h", "y": -0.25})
            st.plotly_chart(fig, width="stretch", config=CONFIG, key="duration")
            st.caption(label("os_duration_caption"))
    suppression_note(by_kind)


def reasons_chart(year: str) -> None:
    options = [None, *code_labels("out_of_school_kind")]
    kind = st.segmented_control(
        label("os_reasons_kind"), options, default=None, key="os_reason_kind",
        format_func=lambda c: label("os_all_kinds") if c is None
        else code_label("out_of_school_kind", c))
    reasons = query("out_of_school_reasons", school_year=year, kind=kind, limit=REASONS)
    if not has_rows(reasons, "pupils"):
        return
    names = [
        label("fig_hidden") if r is None
        else label("os_reason_unknown") if r == "unknown" else r
        for r in reasons["reason"]
    ]
    top = reasons.row(0, named=True)
    if top["pupils"] is not None and top["reason"] is not None:
        title = label("os_reasons_title", year=year, pupils=number(top["pupils"]),
                      reason=names[0])
    else:
        title = label("os_reasons_plain", year=year)
    colour = COLOURS["out_of_school_kind"].get(kind, ACCENT) if kind else ACCENT
    fig = go.Figure(go.Bar(
        x=reasons["pupils"], y=names, orientation="h", marker_color=colour,
        text=[number(n) if n is not None else "" for n in reasons["pupils"]],
        textposition="auto",
        customdata=[number(n) if n is not None else EMPTY for n in reasons["episodes"]],
        hovertemplate="%{y}: %{x:,} leerlingen (%{customdata} perioden)<extra></extra>",
    ))
    style(fig, title, x=label("os_pupils_axis"), y="")
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(height=140 + 30 * reasons.height, showlegend=False)
    st.plotly_chart(fig, width="stretch", config=CONFIG, key="reasons")
    st.caption(label("os_reasons_caption", limit=REASONS))
    suppression_note(reasons)


def render() -> None:
    auth.require("out_of_school")
    f = filters.current()
    kinds = code_labels("out_of_school_kind")
    page_header(label("page_out_of_school"), label(
        "os_intro", absolute=kinds["absolute_absence"].lower(),
        relative=kinds["long_relative_absence"].lower(), exemption=kinds["exemption"]))
    trend = query("out_of_school")
    by_kind = query("out_of_school_by_kind", municipality_code=f.municipality_code)
    if trend.height == 0 and by_kind.height == 0:
        has_rows(trend)
        return
    years = trend["school_year"].to_list()
    year = f.school_year or years[-1]
    target = get_settings().targets.get("out_of_school_per_1000")
    if f.need_category:
        st.caption(label("fig_need_not_used"))
    if f.municipality_code:
        st.caption(label("os_region_note", municipality=municipality_name(f.municipality_code)))
    tiles(trend, year, target)
    trend_chart(trend, year, target)
    suppression_note(trend)
    definition("out_of_school")
    st.subheader(label("os_kind_header"))
    kind_charts(by_kind, year)
    definition("out_of_school_by_kind")
    st.subheader(label("os_reasons_header"))
    reasons_chart(year)
    definition("out_of_school_reasons")


render()
