"""The KPI registry: every target key of pib.toml belongs to one KPI, and every KPI to the query."""

from __future__ import annotations

from dashboard.app.navigation import BY_KEY
from dashboard.kpis import BY_TARGET, KPIS, LEERSTEUN_KPI, kpi
from dashboard.labels import label
from etl.settings import TARGET_KEYS
from queries import describe


def test_the_target_keys_of_settings_and_registry_agree():
    assert sorted(BY_TARGET) == sorted(TARGET_KEYS)
    assert len(BY_TARGET) == len([k for k in (*KPIS, LEERSTEUN_KPI) if k.target])  # none twice


def test_every_kpi_is_a_column_of_its_query_with_a_name_and_a_page():
    for k in (*KPIS, LEERSTEUN_KPI):
        assert k.column in describe(k.query).columns, k.column
        assert k.name and "{" not in k.name, k.column
        assert k.page is None or k.page in BY_KEY, k.page
        assert k.target is None or k.better is not None, k.column  # a target needs a direction


def test_on_target_follows_the_direction_and_the_setting():
    # pib.toml: median_waiting_days = 35 (lower is better), achieved_share = 0.60 (higher)
    median, achieved = kpi("median_waiting_days"), kpi("achieved_share")
    assert (median.on_target(35.0), median.on_target(35.5)) == (True, False)
    assert (achieved.on_target(0.6), achieved.on_target(0.59)) == (True, False)
    assert kpi("referrals_received").on_target(100) is None  # no target
    assert median.headline(29.5) == label("fig_days", value="29,5")
    assert achieved.headline(0.605) == "61%"
