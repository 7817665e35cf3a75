"""Plotly figures with one look: Dutch axis labels, one colour per need category and level."""

from __future__ import annotations

import base64
import json

import plotly.graph_objects as go
import polars as pl

from dashboard.labels import code_label, code_labels

# One colour per code, everywhere (colour-blind-safe Okabe–Ito based palette).
COLOURS: dict[str, dict[str, str]] = {
    "need_category": {
        "learning": "#0072B2", "behaviour": "#D55E00", "communication": "#009E73",
        "sensory": "#CC79A7", "physical": "#56B4E9", "intellectual": "#E69F00",
        "psychiatric": "#882255", "giftedness": "#F0E442", "other": "#999999",
        "unknown": "#BBBBBB",
    },
    "prevention_level": {"preventive": "#009E73", "curative": "#D55E00"},
    # Preventive kinds in greens (school- and team-level work first), curative ones in oranges
    # (the most intensive darkest); this order is also the stacking order of the kind charts.
    "support_kind": {
        "team_training": "#005C43", "school_consultation": "#007D5B",
        "classroom_support": "#009E73", "early_intervention": "#4DBB9D",
        "consultation": "#99D8C7",
        "ambulant_support": "#F0A468", "individual_arrangement": "#D55E00",
        "placement": "#9E4500",
    },
    "decision": {"granted": "#009E73", "rejected": "#D55E00", "withdrawn": "#999999",
                 "referred": "#0072B2", "unknown": "#BBBBBB"},
    "goal_attainment": {"achieved": "#009E73", "partly": "#E69F00", "not_achieved": "#D55E00"},
    "request_type": {
        "consultation": "#56B4E9", "arrangement": "#0072B2", "admission_sbo": "#E69F00",
        "admission_so": "#D55E00", "admission_vso": "#CC79A7", "other": "#999999",
    },
    "destination": {
        "regular": "#009E73", "sbo": "#56B4E9", "so": "#0072B2", "vso": "#CC79A7",
        "other": "#E69F00", "unknown": "#BBBBBB",
    },
    "out_of_school_kind": {
        "absolute_absence": "#D55E00", "long_relative_absence": "#E69F00",
        "exemption": "#0072B2",
    },
    "entity": {
        "referrals": "#0072B2", "supports": "#009E73", "outcomes": "#E69F00",
        "out_of_school": "#D55E00", "schools": "#56B4E9", "enrolments": "#CC79A7",
        "offers": "#882255",
    },
    # The case register (issue 16): outcomes placed in greens and blues, no solution in red,
    # open in grey; problems in the Okabe-Ito order.
    "case_outcome": {
        "placed_regular": "#009E73", "placed_special": "#0072B2",
        "care_combination": "#56B4E9", "exemption": "#CC79A7", "no_solution": "#D55E00",
        "withdrawn": "#999999", "open": "#E69F00", "unknown": "#BBBBBB",
    },
    "case_problem": {
        "out_of_school": "#E69F00", "no_fitting_place": "#D55E00",
        "support_not_offered": "#0072B2", "care_education": "#009E73", "transport": "#CC79A7",
        "other": "#999999",
    },
    # Leersteun (vl): whom it is aimed at (the pupil orange, as curative; teacher and team as the
    # preventive greens and blues), the brede against the kleine types.
    "target_level": {"pupil": "#D55E00", "teacher": "#56B4E9", "team": "#009E73",
                     "unknown": "#BBBBBB"},
    "type_group": {"broad": "#0072B2", "small": "#E69F00", "unknown": "#BBBBBB"},
    # Waiting-time bands of the queries (days): within the norm, within the extension, beyond.
    "waiting_band": {
        "0-14": "#009E73", "15-28": "#009E73", "29-42": "#009E73", "0-42": "#009E73",
        "43-70": "#E69F00", "71+": "#D55E00",
    },
}
ACCENT = "#1f5f8b"
TARGET = "#555555"


def labelled(frame: pl.DataFrame, field: str, column: str | None = None) -> pl.DataFrame:
    """Add `<column>_label` with the Dutch label of each code."""
    column = column or field
    return frame.with_columns(
        pl.col(column).map_elements(lambda c: code_label(field, c), return_dtype=pl.String)
        .alias(f"{column}_label")
    )


def present(field: str, codes: pl.Series) -> list[str]:
    """The codes of `field` that occur in `codes`, in code-list order."""
    seen = set(codes)
    return [code for code in code_labels(field) if code in seen]


def colour_map(field: str) -> dict[str, str]:
    """Label → colour, for `color_discrete_map`."""
    return {code_label(field, code): colour for code, colour in COLOURS.get(field, {}).items()}


def subtitled(title: str, subtitle: str) -> str:
    """A figure title with a smaller second line."""
    return f"{title}<br><sup>{subtitle}</sup>"


def style(fig: go.Figure, title: str, x: str | None = None, y: str | None = None,
          percent: bool = False) -> go.Figure:
    """Title stating the subject, Dutch axis titles, a quiet layout."""
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"}, template="plotly_white",
        margin={"l": 10, "r": 10, "t": 60, "b": 10}, legend_title_text="",
        separators=",.", font={"family": "DejaVu Sans, Arial, sans-serif"},
    )
    if x is not None:
        fig.update_xaxes(title_text=x)
    if y is not None:
        fig.update_yaxes(title_text=y)
    if percent:
        fig.update_yaxes(tickformat=".0%")
    return fig


def target_line(fig: go.Figure, value: float | None, text: str) -> go.Figure:
    if value is not None:
        fig.add_hline(y=value, line_dash="dash", line_color=TARGET, annotation_text=text,
                      annotation_position="top left")
    return fig


def sparkline(values: list[float | None], colour: str = ACCENT) -> go.Figure:
    fig = go.Figure(go.Scatter(y=values, mode="lines+markers", line={"color": colour}))
    fig.update_layout(height=60, margin={"l": 0, "r": 0, "t": 0, "b": 0}, showlegend=False,
                      template="plotly_white")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


# Plotly's geo subplots fetch a base-map topojson from cdn.plot.ly, even with `visible=False`;
# without network (an intranet, the test browser, kaleido) the whole map then stays empty. Our
# maps draw their own GeoJSON and hide the base map, so an empty topology, handed over as a data
# URL (plotly appends `/<name>.json`, which lands in the ignored #fragment), is all it needs.
_EMPTY_TOPOLOGY = base64.b64encode(
    json.dumps({"type": "Topology", "objects": {}, "arcs": []}).encode()).decode()
CHART_CONFIG = {"displaylogo": False}
"""`st.plotly_chart(fig, config=CHART_CONFIG)`: Plotly's tools, without its logo."""
STATIC_CONFIG = {"displayModeBar": False}
"""`st.plotly_chart(fig, config=STATIC_CONFIG)`: a chart without Plotly's tool bar."""
GEO_CONFIG = {"displayModeBar": False,
              "topojsonURL": f"data:application/json;base64,{_EMPTY_TOPOLOGY}#"}
"""`st.plotly_chart(fig, config=GEO_CONFIG)` for a map drawn from our own GeoJSON."""
