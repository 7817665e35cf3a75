"""Small building blocks every page uses: freshness line, definitions, empty states, tiles."""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.app.data import query
from dashboard.kpis import Kpi
from dashboard.labels import code_label, label
from etl.settings import get_settings
from queries import describe


def page_header(title: str, intro: str | None = None) -> None:
    """Title, one-line intro and how fresh the data is."""
    st.title(title)
    if intro:
        st.caption(intro)
    freshness()


def freshness() -> None:
    fresh = query("data_freshness")
    loaded = fresh.filter(pl.col("last_loaded_at").is_not_null())
    if loaded.height == 0:
        st.info(label("freshness_none"))
        return
    parts = [
        f"{code_label('entity', row['entity'])} {row['last_loaded_at']:%d-%m-%Y %H:%M}"
        for row in loaded.sort("entity").iter_rows(named=True)
    ]
    st.caption(label("freshness", when=" · ".join(parts)))


def definition(*names: str) -> None:
    """An expander with the Dutch title and definition of the named queries (`titel:` and
    `definitie:` of their SQL headers; the English ones stay in docs/kpis.md)."""
    with st.expander(label("definition")):
        for name in names:
            meta = describe(name)
            st.markdown(f"**{meta.titel}**  \n{meta.definitie}")


def has_rows(frame: pl.DataFrame, column: str | None = None) -> bool:
    """False (and a Dutch message) when there is nothing to draw."""
    empty = frame.height == 0 or (
        column is not None and frame[column].drop_nulls().len() == 0
    )
    if empty:
        if "suppressed" in frame.columns and frame["suppressed"].any():
            st.info(label("suppressed", min_cell=get_settings().min_cell))
        else:
            st.info(label("no_data"))
    return not empty


def suppression_note(frame: pl.DataFrame) -> None:
    if "suppressed" in frame.columns and frame["suppressed"].any():
        st.caption(label("suppressed", min_cell=get_settings().min_cell))


def target_badge(kpi: Kpi, value: float | None) -> str:
    """The KPI's figure against its target (registry: direction, target key, format) in words,
    an icon and a colour (never colour alone); '' without target."""
    target = kpi.target_value()
    if target is None:
        return ""
    kind = "max" if kpi.lower_is_better else "min"
    target_text = kpi.headline(target)
    hit = kpi.on_target(value)
    if hit is None:
        return f":gray-badge[{label(f'fig_target_{kind}', target=target_text)}]"
    if hit:
        return (f":green-badge[:material/check_circle: "
                f"{label(f'fig_meets_{kind}', target=target_text)}]")
    return f":red-badge[:material/error: {label(f'fig_misses_{kind}', target=target_text)}]"
