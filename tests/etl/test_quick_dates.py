"""The quick date parse of a batch (`etl.dates.common_format` / `quick_date`) gives the date
the full grammar (`parse_date`) gives wherever it gives one, and `check_batch` types and
quarantines the same rows with it."""

from __future__ import annotations

from datetime import date

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.dates import DEFAULT_DATE_FORMATS, common_format, parse_date, quick_date
from etl.filerules import FileRules
from etl.readers import LINE
from etl.schema import ENTITIES
from etl.validate import check_batch

FORMAT_LISTS = [
    DEFAULT_DATE_FORMATS,
    ("%d-%m-%Y", "%d-%m-%y"),
    ("%d-%m-%y", "%d-%m-%Y"),
    ("%m/%d/%Y", "%d/%m/%Y"),
    ("%Y%m%d",),
    ("%d.%m.%Y", "%Y-%m-%d"),
]


def test_the_common_format_is_the_one_parse_date_would_use():
    assert common_format("01-08-2021") == "%d-%m-%Y"
    assert common_format("2021-08-01") == "%Y-%m-%d"
    assert common_format("01/08/2021") == "%d/%m/%Y"
    assert common_format("1-8-2021") is None  # not the common spelling: the full parse
    assert common_format("01-08-21") is None  # a two-digit year: no format reads it
    assert common_format("01-08-21", ("%d-%m-%Y", "%d-%m-%y")) == "%d-%m-%y"
    # the first format that fits wins, as in parse_date
    assert common_format("08-01-2021", ("%d-%m-%Y", "%m-%d-%Y")) == "%d-%m-%Y"
    # an earlier format without a fixed shape (month names) could read it first
    assert common_format("01-08-2021", ("%d %b %Y", "%d-%m-%Y")) is None


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.lists(st.text(alphabet="0123456789-/.: T", min_size=0, max_size=12), min_size=1,
                max_size=40), st.sampled_from(FORMAT_LISTS))
def test_quick_gives_the_full_parse_wherever_it_gives_a_date(values, formats):
    values = [*values, "01-08-2021", "31-02-2021", "2021-08-01", "20210801", "01.08.2021"]
    frame = pl.DataFrame({"v": values})
    full = frame.select(parse_date(pl.col("v").str.strip_chars().replace("", None), formats))
    for sample in values:
        if (fmt := common_format(sample, formats)) is None:
            continue
        quick = frame.select(quick_date(pl.col("v"), fmt)).to_series()
        both = pl.DataFrame({"quick": quick, "full": full.to_series()}).filter(
            pl.col("quick").is_not_null())
        assert both["quick"].to_list() == both["full"].to_list(), (fmt, values)


def test_a_batch_of_day_month_year_dates_is_typed_and_quarantined_as_before():
    entity = ENTITIES["referrals"]
    raw = pl.DataFrame({
        LINE: [2, 3, 4, 5, 6],
        "referral_id": ["r1", "r2", "r3", "r4", "r5"],
        "pupil_id": ["p1", "p2", "p3", "p4", "p5"],
        "municipality_code": ["unknown", "GM0193", "193", "unknown", "unknown"],
        "received_on": ["01-08-2021", "1-8-2021", "31-02-2021", "2021-08-03", "01-08-21"],
        "need_category": ["unknown"] * 5,
        "request_type": ["arrangement"] * 5,
    }, schema_overrides={LINE: pl.Int64})
    checked = check_batch(entity, raw, rules=FileRules(load_date=date(2024, 1, 1)))
    assert checked.valid[LINE].to_list() == [2, 3, 5]
    assert checked.valid["received_on"].to_list() == [date(2021, 8, 1), date(2021, 8, 1),
                                                      date(2021, 8, 3)]
    assert checked.valid["municipality_code"].to_list() == ["unknown", "GM0193", "unknown"]
    reasons = dict(checked.rejected.select(LINE, "reason").iter_rows())
    assert reasons[4].startswith("received_on: geen geldige datum '31-02-2021'")
    assert reasons[6].startswith("received_on: tweecijferig jaartal in '01-08-21'")
