"""Sections of Dekkend aanbod about TLV's and money: TLV's by bekostigingscategorie, their
validity and rolling rate at a month end with the expected rest of the school year; next
school year's expected demand against next year's capacity (`queries.forecast`); grensverkeer;
the cost of the network. Every figure comes from a named query; the forecasts apply the role's
disclosure rule (no forecast from a history with small counts)."""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl
import streamlit as st

from dashboard.app.components import has_rows, suppression_note
from dashboard.app.data import current_role, query
from dashboard.charts import STATIC_CONFIG, labelled
from dashboard.figures import tlv as figures
from dashboard.formatting import euro, number, signed
from dashboard.geo import municipality_name
from dashboard.labels import capital, code_label, code_labels, label
from etl.schoolyear import SchoolYear
from etl.settings import get_settings
from queries.forecast import forecast_next_year, forecast_rest_of_year
from queries.roles import get_role, month_ends


def month_name(day: date) -> str:
    return label("fig_months").split()[day.month - 1]


def min_cell() -> int | None:
    """The disclosure threshold for forecasts: None for the exact roles."""
    return None if get_role(current_role()).exact else get_settings().min_cell


def school_year_month_ends(year: str) -> list[date]:
    """The month ends of a school year before its last day (from the last day on, nothing of
    the year is left to forecast), up to today, oldest first; at least the first one."""
    first, last = get_settings().school_year_bounds(year)
    ends = sorted(month_ends(first, last - timedelta(days=1)))
    return [e for e in ends if e <= date.today()] or ends[:1]


def month_input(year: str) -> date:
    """The peilmaand of the TLV figures: a month end of the school year, the latest by default."""
    ends = school_year_month_ends(year)
    key = f"tlv_month_{year}"
    if st.session_state.get(key) not in ends:
        st.session_state[key] = ends[-1]
    return st.selectbox(label("tlv_month"), ends, key=key, help=label("tlv_month_help"),
                        format_func=lambda d: f"{month_name(d)} {d.year}", width=220)


def rolling(as_of: date) -> None:
    now = query("admissions_rolling", as_of=as_of.isoformat())
    # the same month end a year earlier (a suppressed role may ask month ends only)
    next_month = (as_of.replace(year=as_of.year - 1, day=1) + timedelta(days=32)).replace(day=1)
    before = query("admissions_rolling", as_of=(next_month - timedelta(days=1)).isoformat())
    earlier = dict(zip(before["request_type"], before["per_1000_pupils"], strict=True))
    for slot, row in zip(st.columns(now.height or 1), now.iter_rows(named=True), strict=False):
        rate, past = row["per_1000_pupils"], earlier.get(row["request_type"])
        slot.metric(
            label("tlv_rolling_metric", type=code_label("request_type", row["request_type"])),
            number(rate, 1), delta=signed(rate - past, 1) if None not in (rate, past) else None,
            delta_color="inverse",
            help=label("tlv_rolling_help", granted=number(row["granted"]),
                       start=row["period_start"].strftime("%d-%m-%Y"),
                       end=row["period_end"].strftime("%d-%m-%Y"), before=number(past, 1)))
    st.caption(label("tlv_rolling_caption", end=as_of.strftime("%d-%m-%Y")))
    suppression_note(now)


def validity(as_of: date) -> None:
    day = as_of.strftime("%d-%m-%Y")
    st.markdown(f"**{label('tlv_validity_heading', date=day)}**")
    frame = query("admissions_validity", as_of=as_of.isoformat())
    if frame.height == 0:
        st.caption(label("tlv_validity_none", date=day, what=label("admissions")))
        return
    bands = code_labels("expiry_band")
    wide = frame.pivot(on="expiry_band", index="request_type", values="tlvs")
    shown = wide.select(
        pl.col("request_type").map_elements(lambda c: code_label("request_type", c),
                                            return_dtype=pl.String).alias(label("tlv_col_type")),
        *(pl.col(code).alias(text) if code in wide.columns else pl.lit(0).alias(text)
          for code, text in bands.items()))
    st.dataframe(shown, hide_index=True, width="stretch")
    suppression_note(frame)


def rest_of_year(year: str, as_of: date) -> None:
    st.markdown(f"**{label('tlv_rest_heading', year=year)}**")
    ytd = query("admissions_year_to_date", as_of=as_of.isoformat())
    rest = forecast_rest_of_year(ytd, year, min_cell=min_cell())
    if rest.height == 0:
        st.caption(label("tlv_rest_none"))
        return
    over = get_settings().school_year_bounds(year)[1] < date.today()
    actual = ytd.filter(pl.col("school_year") == year).select(
        "request_type", (pl.col("granted_to_date") + pl.col("granted_after")).alias("actual"))
    rows = []
    for row in rest.join(actual, on="request_type").iter_rows(named=True):
        rows.append({
            label("tlv_col_type"): code_label("request_type", row["request_type"]),
            label("tlv_col_to_date"): number(row["granted_to_date"]),
            label("tlv_col_open"): number(row["open_at_date"]),
            label("tlv_col_rest"): number(row["rest_point"]),
            label("tlv_col_total"): number(row["total_point"]),
            label("tlv_col_interval"): "" if row["suppressed"] else
            f"{number(row['total_lower'])} – {number(row['total_upper'])}",
            **({label("tlv_col_actual"): number(row["actual"])} if over else {}),
        })
    st.dataframe(pl.DataFrame(rows), hide_index=True, width="stretch")
    st.caption(label("tlv_rest_intro", date=as_of.strftime("%d-%m-%Y"),
                     month=month_name(as_of)))
    if rest["suppressed"].any():
        st.caption(label("tlv_rest_suppressed", min_cell=get_settings().min_cell))


def tlv_section(year: str) -> None:
    """TLV's by category, validity and rolling rate at a month end, the rest of the year."""
    st.subheader(label("tlv_heading", what=capital(label("admissions"))))
    as_of = month_input(year)
    rolling(as_of)
    left, right = st.columns(2)
    with left:
        categories = query("admissions_by_category", school_year=year)
        if has_rows(categories, "granted"):
            st.plotly_chart(figures.by_category(categories, year), width="stretch",
                            config=STATIC_CONFIG)
            suppression_note(categories)
    with right:
        validity(as_of)
    rest_of_year(year, as_of)


def complete_years(year: str) -> list[str]:
    """The school years up to `year` whose last day has passed (the history of a forecast)."""
    years = query("filter_school_years")["school_year"].to_list()
    last_day = get_settings().school_year_bounds
    return sorted(y for y in years if y <= year and last_day(y)[1] < date.today())


def demand_forecast(history: list[str], target: str, municipality: str | None,
                    need: str | None) -> None:
    st.markdown(f"**{label('fc_demand_heading')}**")
    demand = pl.concat([query("coverage", school_year=y).select(
        pl.lit(y).alias("school_year"), "municipality_code", "need_category", "demand")
        for y in history])
    forecast = forecast_next_year(demand, ["municipality_code", "need_category"], "demand",
                                  target, min_cell=min_cell())
    capacity = query("coverage", school_year=target).select(
        "municipality_code", "need_category", "capacity")
    loaded = capacity.height > 0 and capacity["capacity"].sum() > 0
    if not loaded:
        st.info(label("fc_no_capacity", year=target))
    rows = forecast.join(capacity, on=["municipality_code", "need_category"], how="full",
                         coalesce=True)
    if municipality:
        rows = rows.filter(pl.col("municipality_code") == municipality)
    if need:
        rows = rows.filter(pl.col("need_category") == need)
    rows = labelled(rows, "need_category").with_columns(
        pl.col("municipality_code").map_elements(municipality_name, return_dtype=pl.String)
        .alias("municipality"),
        pl.format("{} – {}", "lower", "upper").alias("interval"),
        (pl.col("point").round(0) - pl.col("capacity").fill_null(0)).clip(0).alias("gap"),
        (pl.col("upper") - pl.col("capacity").fill_null(0)).clip(0).alias("gap_upper"),
    ).sort(["gap_upper", "municipality", "need_category_label"], descending=[True, False, False],
           nulls_last=True)
    columns = {
        "municipality": st.column_config.TextColumn(capital(label("municipality"))),
        "need_category_label": st.column_config.TextColumn(label("cov_col_need")),
        "point": st.column_config.NumberColumn(label("fc_col_expected"), format="%.0f"),
        "interval": st.column_config.TextColumn(label("tlv_col_interval")),
    }
    if loaded:
        columns |= {
            "capacity": st.column_config.NumberColumn(label("fc_col_capacity", year=target),
                                                      format="%d"),
            "gap": st.column_config.NumberColumn(label("fc_col_gap"), format="%.0f",
                                                 help=label("fc_gap_help")),
            "gap_upper": st.column_config.NumberColumn(label("fc_col_gap_upper"), format="%d",
                                                       help=label("fc_gap_help")),
        }
    st.dataframe(rows.select(list(columns)), column_config=columns, hide_index=True,
                 width="stretch", height=min(420, 38 + 35 * rows.height))
    if hidden := forecast["suppressed"].sum():
        st.caption(label("fc_suppressed", n=number(hidden), min_cell=get_settings().min_cell))


def forecast_section(year: str, municipality: str | None, need: str | None) -> None:
    """Next school year's expected TLV's per type and demand per gemeente × need."""
    target = str(SchoolYear.parse(year).next)
    st.subheader(label("fc_heading", year=target))
    history = complete_years(year)
    if year not in history:
        st.caption(label("fc_year_running", year=year))
    if not history:
        st.info(label("fc_too_short"))
        return
    st.caption(label("fc_intro", first=history[0], last=history[-1]))
    admissions = query("admissions").filter(pl.col("school_year").is_in(history))
    tlv = forecast_next_year(admissions, ["request_type"], "granted", target,
                             min_cell=min_cell())
    st.plotly_chart(figures.next_year(admissions, tlv, target), width="stretch",
                    config=STATIC_CONFIG)
    if hidden := tlv["suppressed"].sum():
        st.caption(label("fc_suppressed", n=number(hidden), min_cell=get_settings().min_cell))
    demand_forecast(history, target, municipality, need)


def border_section(year: str) -> None:
    st.subheader(label("bt_heading"))
    st.caption(label("bt_intro", what=label("admissions"), year=year))
    frame = query("border_traffic", school_year=year)
    if frame.height == 0:
        st.caption(label("bt_none", year=year))
        return
    shown = frame.select(
        pl.col("request_type").map_elements(lambda c: code_label("request_type", c),
                                            return_dtype=pl.String).alias(label("tlv_col_type")),
        pl.col("incoming").alias(label("bt_col_incoming")),
        pl.col("outgoing").alias(label("bt_col_outgoing")),
        pl.col("balance").alias(label("bt_col_balance")))
    st.dataframe(shown, hide_index=True)
    suppression_note(frame)


def cost_section(year: str, municipality: str | None, need: str | None) -> None:
    st.subheader(label("nc_heading", year=year))
    frame = query("network_cost", school_year=year)
    if municipality:
        frame = frame.filter(pl.col("municipality_code") == municipality)
    if need:
        frame = frame.filter(pl.col("need_category") == need)
    if frame.height == 0:
        st.caption(label("nc_none", year=year))
        return
    places, cost = frame["places"].sum(), frame["cost_eur"].sum()
    left, middle, right = st.columns(3)
    left.metric(label("nc_places"), number(places))
    middle.metric(label("nc_cost"), euro(cost))
    right.metric(label("nc_per_place"), euro(cost / places if places else None))
    shown = labelled(frame, "need_category").sort("cost_eur", descending=True).with_columns(
        pl.col("municipality_code").map_elements(municipality_name, return_dtype=pl.String)
        .alias("municipality"),
        pl.col("cost_eur").map_elements(euro, return_dtype=pl.String).alias("cost"))
    columns = {
        "municipality": st.column_config.TextColumn(capital(label("municipality"))),
        "need_category_label": st.column_config.TextColumn(label("cov_col_need")),
        "places": st.column_config.NumberColumn(label("nc_places"), format="%d"),
        "cost": st.column_config.TextColumn(label("nc_cost")),
    }
    st.dataframe(shown.select(list(columns)), column_config=columns, hide_index=True,
                 width="stretch", height=min(420, 38 + 35 * shown.height))
