"""Known answers for the data-quality page's queries on tests/data/kpi (see its README): seven
files, each loaded once; referrals line 17 (need `dyslexia`) and supports line 8 (hours -3) are
quarantined on purpose."""

from __future__ import annotations

import json

from queries import describe, run_query
from tests.queries.conftest import expect

FILES = ["enrolments.csv", "offers.csv", "out_of_school.csv", "outcomes.csv", "referrals.csv",
         "schools.csv", "supports.csv"]


def test_load_history(kpi_db):
    frame = run_query("load_history", db=kpi_db)
    assert sorted(frame["file"]) == FILES
    assert frame["load_id"].is_sorted()
    assert set(frame["outcome"]) == {"ok"} and set(frame["source"]) == {"canonical"}
    counts = {row["file"]: (row["rows_read"], row["rows_loaded"], row["rows_quarantined"])
              for row in frame.iter_rows(named=True)}
    assert counts == {
        "enrolments.csv": (9, 9, 0), "offers.csv": (5, 5, 0), "out_of_school.csv": (7, 7, 0),
        "outcomes.csv": (5, 5, 0), "referrals.csv": (16, 15, 1), "schools.csv": (6, 6, 0),
        "supports.csv": (7, 6, 1),
    }
    assert (frame["finished_at"] >= frame["started_at"]).all()
    # `limit` keeps the most recent loads, still sorted by load_id
    recent = run_query("load_history", {"limit": "3"}, db=kpi_db)
    assert recent["load_id"].to_list() == frame["load_id"].tail(3).to_list()


def test_quarantine_rows(kpi_db):
    frame = run_query("quarantine_rows", db=kpi_db)
    assert frame.select("source_file", "entity", "line", "column_name").rows() == [
        ("referrals.csv", "referrals", 17, "need_category"),
        ("supports.csv", "supports", 8, "hours"),
    ]
    assert "onbekende code" in frame["reason"][0]
    assert "kleiner dan 0" in frame["reason"][1]
    loads = run_query("load_history", db=kpi_db)
    for row in frame.iter_rows(named=True):
        load = loads.filter(load_id=row["load_id"]).row(0, named=True)
        assert load["file"] == row["source_file"] and load["finished_at"] == row["loaded_at"]
    raw = json.loads(frame["raw_values"][0])
    assert raw["referral_id"] == "R16" and raw["need_category"] == "dyslexia"
    assert raw["pupil_id"] != "P15"  # pseudonymised before it was stored
    assert "P15" not in "".join(frame["raw_values"])
    supports = run_query("quarantine_rows", {"entity": "supports"}, db=kpi_db)
    assert supports["line"].to_list() == [8]
    latest = run_query("quarantine_rows", {"limit": "1"}, db=kpi_db)
    assert latest["source_file"].to_list() == ["supports.csv"]  # the most recent load


def test_offers_without_tariff(figures_db, kpi_db):
    # tests/data/figures: OF3 (Zorgaanbieder B, 3 places in 2024-2025) has no tariff
    expect(run_query("quarantine_offers_without_tariff", db=figures_db), [
        ("2024-2025", "Zorgaanbieder B", 1, 3, "OF3"),
    ])
    # tests/data/kpi/offers.csv has no tariff_eur column at all: every offer lacks one
    expect(run_query("quarantine_offers_without_tariff", db=kpi_db), [
        ("2023-2024", "Zorgaanbieder A", 2, 3, "O1, O3"),
        ("2023-2024", "Zorgaanbieder B", 1, 3, "O2"),
        ("2023-2024", "Zorgaanbieder C", 1, 4, "O4"),
        ("2024-2025", "Zorgaanbieder A", 1, 10, "O5"),
    ])


def test_quality_queries_are_never_suppressed(kpi_db):
    for name in ("load_history", "quarantine_rows", "quarantine_offers_without_tariff"):
        assert not describe(name).suppress
        exact = run_query(name, db=kpi_db)
        assert run_query(name, role="beheer", db=kpi_db).equals(exact)
