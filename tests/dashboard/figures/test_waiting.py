"""Wachttijden figures on tiny hand-made frames: the peak named in the title only when there is
one, the norm lines, the traces, a suppressed share shown as hidden."""

from __future__ import annotations

from datetime import date

import polars as pl

from dashboard.figures import waiting as figures
from dashboard.labels import code_label, label

NORM, EXTENDED = 42, 70
YEAR = (date(2024, 8, 1), date(2025, 7, 31))


def months(median: dict[int, float], default: float = 20.0) -> pl.DataFrame:
    """One row per month of 2024; `median` overrides the median of some months."""
    days = [median.get(m, default) for m in range(1, 13)]
    return pl.DataFrame({
        "month": [date(2024, m, 1) for m in range(1, 13)],
        "median_days": days,
        "p90_days": [d * 2 for d in days],
        "decided": [10] * 12,
    })


def annotations(fig) -> list[str]:
    return [a.text for a in fig.layout.annotations]


def test_months_text_joins_one_two_or_a_range():
    assert figures.months_text([7]) == "juli"
    assert figures.months_text([5, 6]) == "mei en juni"
    assert figures.months_text([5, 6, 7]) == "mei t/m juli"


def test_a_summer_peak_is_named_in_the_title():
    fig = figures.monthly(months({5: 60, 6: 62, 7: 61}), NORM, EXTENDED, None)
    assert "mei t/m juli" in fig.layout.title.text
    assert "62" in fig.layout.title.text  # the longest median of the peak months


def test_no_peak_and_too_few_months_give_the_plain_title():
    plain = label("wt_monthly_plain")
    assert figures.monthly(months({}), NORM, EXTENDED, None).layout.title.text == plain
    eleven = months({5: 60, 6: 62, 7: 61}).filter(pl.col("month") != date(2024, 1, 1))
    assert figures.peak_months(eleven, "median_days") is None
    assert figures.monthly(eleven, NORM, EXTENDED, None).layout.title.text == plain


def test_monthly_draws_median_p90_the_norm_lines_and_the_selected_year():
    fig = figures.monthly(months({}), NORM, EXTENDED, YEAR)
    assert [t.name for t in fig.data] == [label("wt_median"), label("wt_p90")]
    assert [s.y0 for s in fig.layout.shapes if s.type == "line"] == [NORM, EXTENDED]
    texts = annotations(fig)
    assert label("wt_norm_line", days=NORM) in texts
    assert label("wt_ext_line", days=EXTENDED) in texts
    assert label("fig_selected_year") in texts
    assert label("fig_selected_year") not in annotations(
        figures.monthly(months({}), NORM, EXTENDED, None))


def test_inflow_has_a_trace_per_request_type_with_rows_in_code_order():
    inflow = pl.DataFrame({
        "month": [date(2024, 9, 1)] * 2 + [date(2024, 10, 1)],
        "request_type": ["admission_so", "consultation", "consultation"],
        "received": [3, 5, 4],
    })
    fig = figures.inflow(inflow, None)
    assert [t.name for t in fig.data] == [code_label("request_type", "consultation"),
                                          code_label("request_type", "admission_so")]
    assert fig.layout.barmode == "stack"
    assert fig.layout.title.text == label("wt_inflow_plain", what=label("referrals"))


def test_distribution_names_both_measures_and_the_shares_within_the_norms():
    dist = pl.DataFrame({
        "measure": ["received_to_decided"] * 2 + ["received_to_complete"] * 2,
        "band": ["0-14", "71+"] * 2,
        "share": [0.8, 0.2, 0.9, 0.1],
        "referrals": [8, 2, 9, 1],
    })
    summary = pl.DataFrame({"school_year": ["2024-2025"], "within_norm_share": [0.8],
                            "within_extension_share": [0.95]})
    fig = figures.distribution(dist, summary, "2024-2025", NORM, EXTENDED)
    assert [t.name for t in fig.data] == [label("wt_to_decided"), label("wt_to_complete")]
    assert list(fig.data[0].x) == ["0–14", "71+"]
    assert "80%" in fig.layout.title.text and "95%" in fig.layout.title.text
    assert [s.x0 for s in fig.layout.shapes] == [2.5, 3.5]
    other_year = figures.distribution(dist, summary, "2023-2024", NORM, EXTENDED)
    assert other_year.layout.title.text == label("wt_dist_plain", year="2023-2024")


PER_NEED = pl.DataFrame({
    "need_category": ["learning", "behaviour", "sensory"],
    "within_norm_share": [0.9, 0.6, None],
    "decided": [20, 15, None],
})


def test_a_suppressed_share_is_shown_as_hidden():
    fig = figures.per_need(PER_NEED, None, 0.8, NORM)
    bar = fig.data[0]
    assert list(bar.y) == [code_label("need_category", c)
                           for c in ("learning", "behaviour", "sensory")]
    assert bar.text[2] == label("fig_hidden")
    assert label("fig_hidden") in annotations(fig)
    assert code_label("need_category", "behaviour").lower() in fig.layout.title.text


def test_per_need_greys_the_other_needs_and_draws_the_target_only_when_set():
    fig = figures.per_need(PER_NEED, "behaviour", 0.8, NORM)
    colours = list(fig.data[0].marker.color)
    assert colours[0] == colours[2] == "#d0d0d0" != colours[1]
    assert label("target_line", target="80%") in annotations(fig)
    assert not figures.per_need(PER_NEED, None, None, NORM).layout.shapes


def test_ageing_stacks_the_age_bands_per_need_in_code_order():
    ageing = pl.DataFrame({
        "need_category": ["behaviour", "learning", "learning"],
        "age_band": ["0-42", "0-42", "71+"],
        "open": [2, 3, 1],
    })
    fig = figures.ageing(ageing, 6, 1, "31-07-2025")
    assert [t.name for t in fig.data] == [label("wt_age_0_42"), label("wt_age_43_70"),
                                          label("wt_age_71")]
    assert list(fig.data[0].y) == [code_label("need_category", c)
                                   for c in ("learning", "behaviour")]
    assert fig.layout.title.text == label("wt_open_title", total="6", what=label("referrals"),
                                          day="31-07-2025", over6="1")


def lead_rows(hidden_decision: bool = False) -> pl.DataFrame:
    """lead_times rows of two school years, in the query's (alphabetical) stage order."""
    return pl.DataFrame({
        "school_year": ["2023-2024"] * 3 + ["2024-2025"] * 3,
        "stage": ["complete_to_decision", "decision_to_start", "receipt_to_complete"] * 2,
        "n": [20, 12, 20, 30, 3 if hidden_decision else 18, 30],
        "p25_days": [5.0, 8.0, 9.0, 4.0, None if hidden_decision else 7.0, 10.0],
        "median_days": [11.0, 16.0, 17.0, 14.0, None if hidden_decision else 15.5, 16.0],
        "p75_days": [25.0, 22.5, 22.0, 26.0, None if hidden_decision else 21.0, 21.0],
        "within_norm_share": [None, 1.0, 0.75, None, None if hidden_decision else 0.9, 0.8],
    })


def test_lead_times_stack_the_stages_in_process_order_with_the_norms():
    fig = figures.lead_times(lead_rows(), "2024-2025", 21, 42, 28)
    bars = [t for t in fig.data if t.type == "bar"]
    assert [t.name for t in bars] == [code_label("lead_stage", s) for s in (
        "receipt_to_complete", "complete_to_decision", "decision_to_start")]
    assert [list(t.x) for t in bars] == [[17.0, 16.0], [11.0, 14.0], [16.0, 15.5]]
    assert list(bars[0].y) == ["2023-2024", "2024-2025"]  # the latest year on top
    norms = {t.name: list(t.x) for t in fig.data if t.type == "scatter"}
    assert norms == {
        label("wt_lt_norm_complete", days=21): [21, 21],
        label("wt_lt_norm_decision", days=42): [42, 42],
        # the start norm sits 28 days after each bar's decision: 17 + 11 + 28, 16 + 14 + 28
        label("wt_lt_norm_start", days=28): [56.0, 58.0],
    }
    assert fig.layout.title.text.startswith(label(
        "wt_lt_title", year="2024-2025", complete="16 dagen", decision="14 dagen",
        start="15,5 dagen"))
    assert "25e–75e percentiel: 10,0–21,0; n = 30" in bars[0].customdata[1]


def test_lead_times_show_a_suppressed_stage_as_hidden():
    fig = figures.lead_times(lead_rows(hidden_decision=True), "2024-2025", 21, 42, 28)
    start = fig.data[2]
    assert list(start.x) == [16.0, 0] and start.text[1] == label("fig_hidden")
    assert fig.layout.title.text.startswith(label("wt_lt_title_plain"))
