"""Model tables: rebuilt by every load, and computed live where the stored ones may not serve."""

from __future__ import annotations

import pytest

from etl import models
from etl.load import load
from etl.warehouse import reader, writer
from tests.conftest import ROOT

REFERRALS = (
    "referral_id,pupil_id,municipality_code,received_on,need_category,request_type,"
    "decided_on,decision\n"
    "R1,P1,GM0193,2024-08-01,learning,consultation,2024-09-01,granted\n"
    "R2,P1,GM0193,2024-09-01,learning,consultation,2024-10-01,granted\n"
    "R3,P2,GM0193,2025-01-15,learning,consultation,2025-02-01,granted\n"
    "R4,P3,GM0193,2025-01-15,learning,consultation,2025-02-01,rejected\n"
    "R5,P4,GM0193,2025-07-31,behaviour,consultation,,\n"
)


@pytest.fixture
def loaded(warehouse, tmp_path):
    (tmp_path / "referrals.csv").write_text(REFERRALS, encoding="utf-8")
    load([tmp_path / "referrals.csv"])
    return warehouse


def _demand(con) -> list[tuple]:
    return con.execute("select year, need_category, demand from granted_demand "
                       "order by all").fetchall()


def test_load_builds_the_model_tables(loaded):
    with reader() as con:
        kind = con.execute("select table_type from information_schema.tables "
                           "where table_name = 'granted_demand'").fetchall()
        # P1 twice and P2 in 2024-2025 (from 1 August); R4 is rejected, R5 undecided
        assert _demand(con) == [(2024, "learning", 2)]
    assert kind == [("BASE TABLE",)]


def test_another_school_year_start_computes_the_models_live(loaded, isolated_env):
    (isolated_env / "pib.toml").write_text("[school_year]\nstart_month = 9\nstart_day = 1\n")
    with reader() as con:
        assert _demand(con) == [(2023, "learning", 1), (2024, "learning", 2)]


def test_warehouse_without_model_tables_computes_them_live(warehouse):
    with writer() as con:
        con.execute("insert into referrals (referral_id, pupil_id, municipality_code, "
                    "received_on, need_category, request_type, decided_on, decision) values "
                    "('R1', 'P1', 'GM0193', '2024-09-01', 'learning', 'other', '2024-09-02', "
                    "'granted')")
    with reader() as con:
        assert _demand(con) == [(2024, "learning", 1)]


def test_every_model_has_a_title_and_definition():
    assert [m.name for m in models.models()] == [
        "evaluation_counts", "funnel", "granted_demand", "lead_time_days", "referral_flow",
        "support_counts"]
    assert all(m.title and m.definition.endswith(".") for m in models.models())


def test_every_model_is_documented_in_kpis_md():
    doc = " ".join((ROOT / "docs" / "kpis.md").read_text(encoding="utf-8").split())
    for model in models.models():
        assert f"### model `{model.name}`" in doc
        assert " ".join(model.definition.split()) in doc, f"{model.name}: definition differs"


def test_a_load_rebuilds_only_the_models_that_read_what_it_changed():
    names = {m.name for m in models.models()}
    rebuilt = {m.name for m in models.to_rebuild({"supports"}, names, fresh=True)}
    assert rebuilt == {"evaluation_counts", "lead_time_days", "support_counts"}
    assert models.to_rebuild(set(), names, fresh=True) == []
    assert {m.name for m in models.to_rebuild(set(), names - {"referral_flow"}, fresh=True)} == {
        "referral_flow"}
    assert {m.name for m in models.to_rebuild(set(), names, fresh=False)} == names


def test_after_a_second_load_of_one_file_every_model_equals_its_live_sql(loaded, tmp_path):
    (tmp_path / "supports.csv").write_text(
        "support_id,referral_id,kind,prevention_level,municipality_code,started_on,hours\n"
        "S1,R1,arrangement,curative,GM0193,2024-10-01,12\n", encoding="utf-8")
    load([tmp_path / "supports.csv"])
    (tmp_path / "referrals2.csv").write_text(
        REFERRALS.splitlines()[0] + "\nR6,P9,GM0193,2024-10-01,learning,other,2024-10-02,"
        "granted\n", encoding="utf-8")
    load([tmp_path / "referrals2.csv"])
    with reader() as con:
        for model in models.models():
            stored = con.execute(f"select * from {model.name} order by all").fetchall()
            live = con.execute(f"select * from ({model.sql}) order by all").fetchall()
            assert stored == live, model.name
        assert _demand(con) == [(2024, "learning", 3)]


def test_a_warehouse_name_that_is_no_sql_identifier_loads_twice(isolated_env, tmp_path):
    db = tmp_path / "swv-zwolle 2025.duckdb"
    (tmp_path / "referrals.csv").write_text(REFERRALS, encoding="utf-8")
    load([tmp_path / "referrals.csv"], db=db)
    (tmp_path / "referrals2.csv").write_text(REFERRALS.replace("R5,P4", "R7,P7"),
                                             encoding="utf-8")
    load([tmp_path / "referrals2.csv"], db=db)
    with reader(db) as con:
        assert _demand(con) == [(2024, "learning", 2)]
