"""Bronprofielen: map an export in an unseen layout onto a canonical entity without code, dry
run it, save the profile beside pib.toml and load the file with it. Roles kwaliteit and beheer.

The page only collects choices: reading the export, building and validating the profile TOML
and saving it live in etl.profiles; loading is etl.load."""

import os
import tempfile
from pathlib import Path

import polars as pl
import streamlit as st

from dashboard.access import record_audit
from dashboard.app import auth
from dashboard.app.components import page_header
from dashboard.app.data import current_role
from dashboard.labels import code_label, label
from etl.load import LoadRejected, load
from etl.profiles import (
    LINE,
    Export,
    Mapping,
    ProfileError,
    apply,
    available_profiles,
    build_profile,
    check_name,
    guess_code,
    is_shipped,
    profile_path,
    read_export,
    save_profile,
)
from etl.profiles.draft import MAX_VALUES
from etl.readers import FileRejected
from etl.schema import ENTITIES

SAMPLES = 3  # example values shown per source column
FIRST = 20  # preview rows shown
OPEN = "\x00open"  # a source value left untranslated (quarantined)
DRAFT_NAME = "concept"
REQUIRED = " \\*"  # a Markdown asterisk after a required column

auth.require("mapping")
page_header(label("page_mapping"), label("map_intro"))


def stored(upload) -> Path:
    """The upload saved under its own name in a private temp folder (one per upload)."""
    saved = st.session_state.get("map_file")
    if saved and saved[0] == upload.file_id and Path(saved[1]).is_file():
        return Path(saved[1])
    folder = Path(tempfile.mkdtemp(prefix="pib-mapping-"))  # mode 0700
    path = folder / Path(upload.name).name
    path.write_bytes(upload.getvalue())
    st.session_state["map_file"] = (upload.file_id, str(path))
    return path


def examples(export: Export, source: str) -> str:
    found = export.distinct(source, SAMPLES)
    return label("map_samples", values=", ".join(found)) if found else label("map_no_samples")


def map_columns(export: Export) -> tuple[dict[str, str], dict[str, str]]:
    """Select boxes canonical -> source column, a constant where none; returns both."""
    st.subheader(label("map_columns_header"))
    st.caption(label("map_columns_caption"))
    entity, options = export.entity, ["", *export.header]
    columns: dict[str, str] = {}
    constants: dict[str, str] = {}
    for column in entity.columns:
        left, middle, right = st.columns([2, 3, 3])
        left.markdown(f"**{column.name}**" + (REQUIRED if column.required else ""))
        matched = export.matched.get(column.name, "")
        source = middle.selectbox(
            label("map_source"), options, index=options.index(matched),
            format_func=lambda s: s or label("map_none"),
            key=f"map_col_{entity.name}_{column.name}")
        if source:
            columns[column.name] = source
            right.caption(examples(export, source))
        elif column.codes:
            value = right.selectbox(label("map_constant"), ["", *column.codes],
                                    format_func=lambda c: c or label("map_constant_none"),
                                    key=f"map_const_{entity.name}_{column.name}")
            if value:
                constants[column.name] = value
        elif value := right.text_input(label("map_constant"),
                                       key=f"map_const_{entity.name}_{column.name}").strip():
            constants[column.name] = value
    with st.expander(label("map_file_columns")):
        st.dataframe(pl.DataFrame({label("map_source"): list(export.header),
                                   label("map_samples", values=""): [
                                       ", ".join(export.distinct(h, SAMPLES))
                                       for h in export.header]}), hide_index=True)
    return columns, constants


def map_values(export: Export, columns: dict[str, str]) -> dict[str, dict[str, str]]:
    """Per mapped code column, a select box per distinct source value (pre-filled where the
    value already is a code); untranslated values are left out (quarantined)."""
    st.subheader(label("map_values_header"))
    st.caption(label("map_values_caption"))
    values: dict[str, dict[str, str]] = {}
    coded = [(c, s) for c, s in columns.items() if export.entity.column(c).codes]
    if not coded:
        st.info(label("map_values_none"))
    for column, source in coded:
        codes = export.entity.column(column).codes
        options = [OPEN, "", *codes]
        st.markdown(f"**{column}** ← {source}")
        table: dict[str, str] = {}
        found = export.distinct(source, MAX_VALUES + 1)
        for value in found[:MAX_VALUES]:
            left, right = st.columns([2, 3])
            left.text(value)
            guess = guess_code(value, codes)
            code = right.selectbox(
                value, options, index=options.index(guess) if guess else 0,
                format_func=lambda c: {OPEN: label("map_value_open"),
                                       "": label("map_value_empty")}.get(c, c),
                key=f"map_val_{export.entity.name}_{column}_{source}_{value}",
                label_visibility="collapsed")
            if code != OPEN:
                table[value] = code
        if len(found) > MAX_VALUES:
            st.caption(label("map_values_more", n=MAX_VALUES))
        values[column] = table
    return values


def preview(profile, path: Path, entity: str) -> None:
    """Dry run: what would load and what would be quarantined and why (first rows)."""
    st.subheader(label("map_preview_header"))
    try:
        canonical, rejected, summary = apply(profile, path, entity)
    except FileRejected as exc:
        st.error(label("map_unreadable", reason=exc))
        return
    tiles = st.columns(3)
    tiles[0].metric(label("map_rows_read"), summary.rows_read)
    tiles[1].metric(label("map_would_load"), summary.rows_out)
    tiles[2].metric(label("map_would_quarantine"), summary.rows_rejected)
    for line in summary.lines()[1:]:
        st.caption(line)
    if not canonical.is_empty():
        st.markdown(label("map_first_rows", n=FIRST))
        st.dataframe(canonical.head(FIRST).drop(LINE), hide_index=True)
    if not rejected.is_empty():
        st.markdown(label("map_first_rejected", n=FIRST))
        st.dataframe(rejected.head(FIRST).select(
            pl.col("line").alias(label("dq_line")), pl.col("column_name").alias(
                label("dq_column")), pl.col("reason").alias(label("dq_reason"))),
            hide_index=True)


def save_and_load(text: str, path: Path) -> None:
    """Save the profile as profiles/NAME.toml, then load the file with it (audited)."""
    st.subheader(label("map_save_header"))
    name = st.text_input(label("map_name"), help=label("map_name_help"), key="map_name").strip()
    if name and is_shipped(name):
        st.info(label("map_overrides_shipped", name=name))
    elif name and name in available_profiles():
        st.warning(label("map_replaces_own", name=name))
    if st.button(label("map_save"), key="map_save", disabled=not name):
        try:
            saved = save_profile(text, name)
        except ProfileError as exc:
            st.error(str(exc))
        else:
            st.session_state["map_saved"] = (name, text)
            st.success(label("map_saved", path=saved, name=name))
    ready = st.session_state.get("map_saved") == (name, text) and profile_path(name).is_file()
    st.caption(label("map_load_caption"))
    if st.button(label("map_load"), key="map_load", disabled=not ready):
        db = os.environ.get("PIB_DB")
        try:
            report = load([path], db=db, source=name)
        except (LoadRejected, ValueError) as exc:
            st.error(label("map_load_failed", reason=exc))
            return
        loaded = sum(f.rows_loaded for f in report.files)
        if all(f.skipped for f in report.files):
            st.info(label("map_load_skipped"))
            return
        record_audit("load", f"bestand {path.name}, bronprofiel {name}, {loaded} rij(en) "
                     f"geladen, {report.quarantined} in quarantaine",
                     st.session_state.get("user"), current_role(), db)
        st.success(label("map_loaded", loaded=loaded, quarantined=report.quarantined))
        for line in report.warnings:
            st.warning(line)


upload = st.file_uploader(label("map_upload"), type=["csv", "xlsx"], key="map_upload")
entity = st.selectbox(label("map_entity"), list(ENTITIES), key="map_entity",
                      format_func=lambda e: f"{code_label('entity', e)} ({e})")
if upload is None:
    st.info(label("map_upload_hint"))
    st.stop()
path = stored(upload)
try:
    export = read_export(path, entity)
except (FileRejected, ValueError) as exc:
    st.error(label("map_unreadable", reason=exc))
    st.stop()
st.caption(label("map_header_found", row=export.header_row, n=len(export.header)))
columns, constants = map_columns(export)
values = map_values(export, columns)
mapping = Mapping(entity, columns, values, constants, export.header_row,
                  export.date_formats(columns), label("map_description", file=path.name))
try:  # a bad name: preview under the draft name; saving says what is wrong with it
    name = check_name(st.session_state.get("map_name", ""))
except ProfileError:
    name = DRAFT_NAME
try:
    text, profile = build_profile(mapping, name)
except ProfileError as exc:
    st.warning(label("map_invalid", reason=exc))
    st.stop()
with st.expander(label("map_toml")):
    st.code(text, language="toml")
preview(profile, path, entity)
save_and_load(text, path)
