"""Datakwaliteit figures: quarantined rows per reason, one trace per source."""

from __future__ import annotations

import polars as pl

from dashboard.figures import quality as figures
from dashboard.formatting import EMPTY
from dashboard.labels import code_label, label


def test_quarantine_stacks_the_sources_and_names_the_largest():
    summary = pl.DataFrame({"entity": ["referrals", "supports", "referrals"],
                            "reason_class": ["invalid_date", "invalid_date", "missing_value"],
                            "rows": [2, 5, 1]})
    fig = figures.quarantine(summary)
    assert [t.name for t in fig.data] == [code_label("entity", "referrals"),
                                          code_label("entity", "supports")]
    assert list(fig.data[0].y) == [label("dq_reason_invalid_date"),
                                   label("dq_reason_missing_value")]
    assert fig.layout.title.text == label(
        "dq_summary_title", reason=label("dq_reason_invalid_date"),
        entity=code_label("entity", "supports"), rows="5")
    assert fig.layout.xaxis.dtick == 1  # few rows: whole ticks


def test_entity_without_a_code_is_a_dash():
    assert figures.entity(None) == EMPTY
