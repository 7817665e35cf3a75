"""Signalen: what deserves attention in the chosen school year, in sentences, and the funnel plots.

Every finding is a row of the named query `signals` (its sentence comes from the SQL); the page
orders them by how far the figure lies from what it is compared with (|value − reference| /
reference), shows the three furthest first with their numbers and a link to the page and filters
that explain them, and draws the funnel plots from `funnel_points`. For the suppressed roles a
finding about a small group arrives without subject, figures or sentence: the page leaves it out
and says how many it left out.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

import polars as pl
import streamlit as st

from dashboard.app import auth, filters
from dashboard.app.components import definition, page_header
from dashboard.app.data import query
from dashboard.app.navigation import BY_KEY
from dashboard.charts import CHART_CONFIG, subtitled
from dashboard.figures import signals as figures
from dashboard.figures.signals import position
from dashboard.formatting import number, percent, rate
from dashboard.geo import municipality_name
from dashboard.kpis import with_target
from dashboard.labels import capital, label
from etl.settings import get_settings

TOP = 3
# The funnel plots, in the order of the tabs: (measure, level).
FUNNELS = (("referrals", "school"), ("referrals", "municipality"), ("admissions", "school"),
           ("admissions", "municipality"), ("out_of_school", "municipality"))
# The page that explains a signal (a key of dashboard.app.navigation); target_missed_twice
# takes the page of its KPI (dashboard.kpis).
EXPLAINED_ON = {
    "funnel_school_referrals": "waiting", "funnel_municipality_referrals": "waiting",
    "waiting_rising": "waiting",
    "funnel_school_admissions": "reports", "funnel_municipality_admissions": "reports",
    "funnel_municipality_out_of_school": "out_of_school",
    "out_of_school_reason_growth": "out_of_school",
    "coverage_gap_persisting": "coverage", "case_problem_growth": "cases",
}
# What the `cases` of a signal count: a measure of the funnels (its term in dashboard.labels) or
# a suffix of the label keys `sg_what_*`; the funnels say it in their code, target_missed_twice
# per target.
MEASURES = ("referrals", "admissions", "out_of_school")
COUNTED = {"waiting_rising": "decisions", "coverage_gap_persisting": "demand",
           "out_of_school_reason_growth": "out_of_school", "case_problem_growth": "cases"}
COUNTED_FOR_TARGET = {
    "median_waiting_days": "decisions", "within_norm_share": "decisions",
    "preventive_hours_share": "supports", "achieved_share": "evaluations",
    "out_of_school_per_1000": "out_of_school", "admissions_per_1000": "admissions",
}
_FUNNEL = re.compile(r"funnel_(?:school|municipality)_(\w+)")
_GEMEENTE = re.compile(r"\b(GM\d{4})\b")


def readable(message: str) -> str:
    """The SQL's sentence with each gemeente code followed by its name: 'Kampen (GM0166)'."""
    return _GEMEENTE.sub(lambda m: f"{municipality_name(m[1])} ({m[1]})", message)


def change(row: dict) -> float:
    """How far the figure lies from what it is compared with, relative to the latter."""
    value, reference = row["value"] or 0.0, row["reference"] or 0.0
    return abs(value - reference) / abs(reference) if reference else abs(value)


def link(row: dict, year: str) -> str | None:
    """A markdown link to the page and filters that explain a finding, None when the role has
    no such page."""
    signal, subject = row["signal"], row["subject"]
    key = with_target(subject).page if signal == "target_missed_twice" else EXPLAINED_ON.get(
        signal)
    if key not in BY_KEY or not auth.may_see(key):
        return None
    params = {"school_year": year}
    if signal == "coverage_gap_persisting":
        params["municipality_code"], params["need_category"] = subject.split(":", 1)
    elif signal.startswith("funnel_municipality_"):
        params["municipality_code"] = subject
    page = BY_KEY[key]
    return f"[{label('sg_open', page=label(page.title))}]({page.slug}?{urlencode(params)})"


def shown(value: float | None, signal: str, subject: str) -> str:
    """A figure of a finding as its kind reads: a share as a percentage, days and rates with
    one decimal, counts whole."""
    if value is None:
        return "–"
    if signal == "target_missed_twice":
        return percent(value) if subject.endswith("_share") else rate(value)
    if signal.startswith("funnel_") or signal == "waiting_rising":
        return rate(value)
    return number(value)


def numbers(row: dict) -> str:
    signal, subject = row["signal"], row["subject"]
    text = label("sg_numbers", value=shown(row["value"], signal, subject),
                 reference=shown(row["reference"], signal, subject))
    if signal.startswith("funnel_"):
        text += label("sg_limits", lower=rate(row["lower_limit"]), upper=rate(row["upper_limit"]))
    elif signal == "coverage_gap_persisting":
        text += label("sg_years", years=number(row["lower_limit"]))
    elif signal == "target_missed_twice":
        text += label("sg_before", before=shown(row["lower_limit"], signal, subject))
    if funnel := _FUNNEL.fullmatch(signal):
        what = funnel[1]
    elif signal == "target_missed_twice":
        what = COUNTED_FOR_TARGET[subject]
    else:
        what = COUNTED[signal]
    return text + label("sg_cases", cases=number(row["cases"]), what=counted(what))


def counted(what: str) -> str:
    """The word for what a finding counts: 'aanmeldingen', 'besluiten', ..."""
    return label(what) if what in MEASURES else label(f"sg_what_{what}")


def funnel_title(measure: str, level: str) -> str:
    """The title of a funnel plot in the profile's terms."""
    key = f"sg_funnel_{level}_{measure}" if measure == "admissions" and level == "school" else (
        f"sg_funnel_{level}")
    return label(key, what=capital(label(measure)))


def finding(row: dict, year: str) -> None:
    with st.container(border=True):
        st.markdown(f"**{readable(row['message'])}**")
        st.caption(numbers(row))
        if (target := link(row, year)) is not None:
            st.markdown(target)


def findings(year: str) -> None:
    answer = query("signals", school_year=year)
    hidden = answer.filter(pl.col("suppressed")).height if "suppressed" in answer.columns else 0
    rows = sorted(answer.filter(pl.col("message").is_not_null()).iter_rows(named=True),
                  key=change, reverse=True)
    if not rows:
        st.info(label("sg_none", year=year))
    else:
        st.subheader(label("sg_top", year=year))
        for row in rows[:TOP]:
            finding(row, year)
        if rows[TOP:]:
            with st.expander(label("sg_more", n=len(rows) - TOP), expanded=True):
                for row in rows[TOP:]:
                    finding(row, year)
    if hidden:
        st.caption(label("sg_hidden", n=hidden, min_cell=get_settings().min_cell))


def funnel_plot(measure: str, level: str, year: str) -> None:
    points = query("funnel_points", school_year=year, measure=measure, level=level)
    if points.height == 0:
        st.info(label("no_data"))
        return
    if level == "municipality":
        points = points.with_columns(
            pl.col("subject").map_elements(municipality_name, return_dtype=pl.String)
            .alias("name"))
    outside = sum(position(row) == "outside_998" for row in points.iter_rows(named=True))
    title = subtitled(funnel_title(measure, level),
                      label("sg_funnel_subtitle", year=year, outside=outside,
                            units=points["rate"].drop_nulls().len()))
    st.plotly_chart(figures.funnel(points, title, label(measure)), width="stretch",
                    config=CHART_CONFIG, key=f"funnel_{level}_{measure}")
    if hidden := points["rate"].null_count():
        st.caption(label("sg_points_hidden", n=hidden, min_cell=get_settings().min_cell))


def render() -> None:
    auth.require("signals")
    f = filters.current()
    page_header(label("page_signals"), label("sg_intro"))
    years = query("filter_school_years")["school_year"].to_list()
    if not years:
        st.info(label("no_data"))
        return
    year = f.school_year or max(years)
    findings(year)
    st.subheader(label("sg_funnels"))
    st.caption(label("sg_funnels_caption"))
    tabs = st.tabs([label(f"sg_tab_{level}", what=capital(label(measure)))
                    for measure, level in FUNNELS])
    for tab, (measure, level) in zip(tabs, FUNNELS, strict=True):
        with tab:
            funnel_plot(measure, level, year)
    definition("signals", "funnel_points")


render()
