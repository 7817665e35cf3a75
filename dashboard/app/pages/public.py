"""Openbare cijfers (`/publiek`, only with `[public] enabled = true`, also without login): the
network's key figures for parents, gemeenten and the ondersteuningsplanraad — the same content
as `pib export --report publiek` (`dashboard.report.public`): run for `bestuur`, counts rounded
to multiples of 5, nothing below the gemeente, no filters."""

from __future__ import annotations

import os

import streamlit as st

from dashboard.charts import STATIC_CONFIG
from dashboard.formatting import text
from dashboard.labels import label
from dashboard.report.content import Report, ReportError, Section, suppressed_header
from dashboard.report.public import build_public, updated_until
from etl.settings import get_settings
from etl.warehouse import data_version


@st.cache_data(show_spinner=False, max_entries=8)
def _content(db: str | None, version: tuple, settings: str) -> Report:
    return build_public(db=db)


def _table(section: Section) -> dict[str, list[str]]:
    """The section's table as the page shows it: every figure written the Dutch way, a
    suppressed one as a dash."""
    columns = [c for c in section.shown_columns if c != suppressed_header()]
    hidden = section.hidden
    return {c: [text(None if hidden.height and hidden[c][i] else v, section.kinds.get(c, "text"))
                for i, v in enumerate(section.table[c].to_list())] for c in columns}


def _section(section: Section) -> None:
    st.header(section.title, divider="gray")
    if section.figure is None:
        st.info(section.intro)
        return
    st.markdown(f"**{section.intro}**")
    st.plotly_chart(section.figure, config=STATIC_CONFIG, key=f"pub_{section.key}")
    reading, *rest = section.notes
    st.markdown(reading)
    with st.expander(label("pub_table")):
        st.dataframe(_table(section), hide_index=True)
        for note in rest:
            st.caption(note)


if not get_settings().public:
    st.write(label("pub_off"))
    st.stop()
db = os.environ.get("PIB_DB")
try:
    report = _content(db, data_version(db), repr(get_settings()))
except ReportError as exc:  # an empty warehouse: a sentence
    st.title(label("pub_title"))
    st.info(str(exc))
    st.stop()
st.title(report.title)
st.markdown(label("pub_intro"))
st.caption(f"{updated_until(report)} {label('pub_year_note', year=report.school_year)}")
for part in report.sections:
    _section(part)
st.divider()
st.caption(report.privacy_note)
