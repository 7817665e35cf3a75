"""Overzicht: the board's one screen — headline figures of a school year against the targets.

Each tile: the figure of `kpi_headline` for the selected year, the change against the year
before, on/off target in words and colour, a sparkline over the school years with the target
line, one computed "wat valt op" line, and a link to the page behind it (filters carried).
The overview is regional: `kpi_headline` has no gemeente or need filter.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from dashboard.app import auth, context, filters
from dashboard.app.components import definition, has_rows, page_header, suppression_note
from dashboard.app.data import query
from dashboard.app.navigation import BY_KEY
from dashboard.figures import overview as figures
from dashboard.formatting import EMPTY, number, percent, points, signed
from dashboard.geo import municipality_name
from dashboard.kpis import KPIS, Kpi
from dashboard.labels import code_label, label


def tiles() -> list[Kpi]:
    """The KPIs with a page behind them, in the registry's order."""
    return [k for k in KPIS if k.page]


def places(value: float | None) -> str:
    return EMPTY if value is None else label("ov_places", value=number(value))


def fmt_delta(tile: Kpi, value: float | None, before: float | None) -> str | None:
    if value is None or before is None:
        return None
    change = value - before
    if tile.kind == "share":
        return points(change)
    if tile.kind == "days":
        return label("fig_days", value=signed(change, 0 if float(change).is_integer() else 1))
    return signed(change, 1 if tile.kind == "rate" else 0)


def badge(hit: bool | None, target_text: str) -> str:
    """On/off target in words, an icon and a colour (never colour alone)."""
    if hit is None:
        text = f":gray-badge[{label('ov_no_figure')}]"
    elif hit:
        text = f":green-badge[:material/check_circle: {label('ov_on_target')}]"
    else:
        text = f":red-badge[:material/error: {label('ov_off_target')}]"
    return f"{text} {target_text}" if target_text else text


def busiest_months(year: str) -> pl.DataFrame:
    """Months of the year with enough decisions to compare (at least half the usual month)."""
    monthly = query("waiting_monthly", school_year=year).drop_nulls("median_days")
    if monthly.height == 0:
        return monthly
    usual = monthly["decided"].median()
    return monthly.filter(pl.col("decided") >= usual / 2)


def note_waiting(column: str, year: str) -> str | None:
    months = busiest_months(year)
    if months.height == 0:
        return None
    names = label("fig_months").split()
    if column == "median_waiting_days":
        row = months.sort(["median_days", "month"], descending=[True, False]).row(0, named=True)
        return label("ov_note_peak_median", month=names[row["month"].month - 1],
                     days=number(row["median_days"], 0 if row["median_days"] % 1 == 0 else 1),
                     p90=number(row["p90_days"]))
    row = months.sort(["within_norm_share", "month"]).row(0, named=True)
    return label("ov_note_peak_norm", month=names[row["month"].month - 1],
                 share=percent(row["within_norm_share"]))


def note(tile: Kpi, kpi: pl.DataFrame, year: str) -> str | None:
    """One computed line: what stands out for this figure (picked rows, no new figures)."""
    row = kpi.filter(school_year=year).row(0, named=True)
    if tile.column in ("median_waiting_days", "within_norm_share"):
        return note_waiting(tile.column, year)
    if tile.column == "preventive_hours_share":
        known = kpi.filter(pl.col("school_year") <= year).drop_nulls(tile.column)
        if known.height < 2:
            return None
        first = known.row(0, named=True)
        return label("ov_note_shift", first=percent(first[tile.column]),
                     first_year=first["school_year"], value=percent(row[tile.column]), year=year)
    if tile.column == "out_of_school_per_1000":
        known = kpi.drop_nulls(tile.column)
        if known.height == 0 or row["pupils_out_of_school"] is None:
            return None
        peak = known.sort([tile.column, "school_year"], descending=[True, False]).row(0, named=True)
        return label("ov_note_out_of_school", pupils=number(row["pupils_out_of_school"]),
                     what=label("out_of_school"), peak_year=peak["school_year"],
                     peak=number(peak[tile.column], 1))
    if tile.column == "achieved_share":
        outcomes = query("outcomes").filter(school_year=year)
        if outcomes.height == 0 or outcomes["achieved_or_partly_share"][0] is None:
            return None
        return label("ov_note_achieved", evaluated=number(outcomes["evaluated"][0]),
                     partly=percent(outcomes["achieved_or_partly_share"][0]))
    if tile.column == "admissions_per_1000":
        admissions = query("admissions").filter(school_year=year).drop_nulls("granted")
        if admissions.height == 0:
            return None
        top = admissions.sort(["granted", "request_type"], descending=[True, False]).row(
            0, named=True)
        return label("ov_note_admissions", type=code_label("request_type", top["request_type"]),
                     granted=number(top["granted"]), rate=number(top["per_1000_pupils"], 1))
    return None


def target_text(tile: Kpi) -> str:
    target = tile.target_value()
    if target is None:
        return ""
    key = "ov_target_max" if tile.lower_is_better else "ov_target_min"
    return label(key, target=tile.headline(target))


def link(page: str) -> None:
    """A link to the page behind a tile, with the filters; only for pages the role may see."""
    if auth.may_see(page):
        spec = BY_KEY[page]
        st.page_link(f"pages/{spec.file}", label=label("ov_open_page", page=label(spec.title)),
                     icon=":material/arrow_forward:", query_params=filters.link_params())


def draw_tile(tile: Kpi, kpi: pl.DataFrame, year: str) -> None:
    years = kpi["school_year"].to_list()
    values = kpi[tile.column].to_list()
    i = years.index(year)
    value, before = values[i], (values[i - 1] if i > 0 else None)
    target = tile.target_value()
    with st.container(border=True):
        st.metric(tile.name, tile.headline(value), fmt_delta(tile, value, before),
                  delta_color="inverse" if tile.lower_is_better else "normal")
        st.markdown(badge(tile.on_target(value), target_text(tile)))
        texts = [tile.headline(v) for v in values]
        st.plotly_chart(figures.spark(years, values, texts, year, target), width="stretch",
                        config={"displayModeBar": False}, key=f"spark_{tile.column}")
        text = note(tile, kpi, year)
        if text:
            st.caption(text)
        link(tile.page)


def draw_coverage_tile(year: str) -> None:
    """Dekkend aanbod: the largest gap of the year, naming the gemeente and need."""
    with st.container(border=True):
        coverage = query("coverage", school_year=year).drop_nulls("gap")
        gaps = coverage.filter(pl.col("gap") > 0).sort(
            ["gap", "municipality_code", "need_category"], descending=[True, False, False])
        if gaps.height == 0:
            st.metric(label("ov_tile_coverage"), label("ov_places", value=number(0)))
            st.markdown(f":green-badge[:material/check_circle: {label('ov_coverage_ok')}]")
            st.caption(label("ov_coverage_none") if coverage.height else label("no_data"))
            link("coverage")
            return
        top = gaps.row(0, named=True)
        trend = query("coverage_trend", municipality_code=top["municipality_code"]).filter(
            need_category=top["need_category"])
        years, values = trend["school_year"].to_list(), trend["gap"].to_list()
        before = values[years.index(year) - 1] if year in years and years.index(year) > 0 \
            else None
        change = None if before is None else label("ov_places",
                                                     value=signed(top["gap"] - before))
        st.metric(label("ov_tile_coverage"), places(top["gap"]), change, delta_color="inverse")
        st.markdown(f":red-badge[:material/error: {label('ov_coverage_gap')}] "
                    + label("ov_target_no_gap"))
        texts = [places(v) for v in values]
        st.plotly_chart(figures.spark(years, values, texts, year, 0), width="stretch",
                        config={"displayModeBar": False}, key="spark_coverage")
        st.caption(label("ov_note_coverage_gap",
                         need=code_label("need_category", top["need_category"]).lower(),
                         municipality=municipality_name(top["municipality_code"]),
                         demand=number(top["demand"]), capacity=number(top["capacity"])))
        more = [
            label("ov_note_coverage_item", municipality=municipality_name(r["municipality_code"]),
                  need=code_label("need_category", r["need_category"]).lower(),
                  gap=number(r["gap"]))
            for r in gaps.slice(1, 3).iter_rows(named=True)
        ]
        if more:
            st.caption(label("ov_note_coverage_more", items="; ".join(more)))
        link("coverage")


def visible_tiles() -> list[Kpi]:
    return [t for t in tiles() if auth.may_see(t.page)]


def draw_referrals_tile(kpi: pl.DataFrame, year: str) -> None:
    with st.container(border=True):
        row = kpi.filter(school_year=year).row(0, named=True)
        st.markdown(label("ov_more_title", what=label("referrals").capitalize()))
        st.caption(label("ov_more_text", referrals=number(row["referrals_received"]),
                         what=label("referrals"), open=number(row["open_at_year_end"]),
                         year=year))
        for page in ("waiting", "reports"):
            link(page)


def summary(kpi: pl.DataFrame, year: str, shown: list[Kpi]) -> None:
    """The one-line answer: how many targets are met, and which are not."""
    row = kpi.filter(school_year=year).row(0, named=True)
    judged = [(t, t.on_target(row[t.column])) for t in shown]
    judged = [(t, hit) for t, hit in judged if hit is not None]
    if not judged:
        return
    hit = sum(1 for _, h in judged if h)
    text = label("ov_summary", year=year, hit=hit, total=len(judged))
    missed = [
        label("ov_attention_item", title=t.name,
              value=t.headline(row[t.column]), target=target_text(t))
        for t, h in judged if not h
    ]
    text += " " + (label("ov_attention", items="; ".join(missed)) if missed
                   else label("ov_all_hit"))
    st.markdown(text)
    years = kpi["school_year"].to_list()
    if years.index(year) > 0:
        st.caption(label("ov_reading", before=years[years.index(year) - 1]))


def render() -> None:
    auth.require("overview")
    f = filters.current()
    page_header(label("page_overview"), label("ov_intro"))
    kpi = query("kpi_headline")
    if not has_rows(kpi):
        return
    year = f.school_year or kpi["school_year"][-1]
    if year not in kpi["school_year"].to_list():
        st.info(label("ov_no_year", year=year))
        return
    if f.municipality_code or f.need_category:
        st.caption(label("ov_region_only"))
    shown = visible_tiles()
    summary(kpi, year, shown)
    # tiles in rows of four; a role sees the tiles of the pages it may open
    cards = [lambda t=t: draw_tile(t, kpi, year) for t in shown]
    if auth.may_see("coverage"):
        cards.insert(3, lambda: draw_coverage_tile(year))
    cards.append(lambda: draw_referrals_tile(kpi, year))
    for start in range(0, len(cards), 4):
        for slot, card in zip(st.columns(4), cards[start:start + 4], strict=False):
            with slot:
                card()
    context.participation_line(year)
    suppression_note(kpi)
    definition("kpi_headline", "waiting_monthly", "coverage", "coverage_trend", "outcomes",
               "admissions")


render()
