"""finance_lines and finance_years on the hand-made set tests/data/finance (worked in its
README): budget against actuals, preventive against curative, the signaleringswaarde."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.load import load
from queries import run_query
from tests.conftest import TEST_DATA
from tests.queries.conftest import expect


@pytest.fixture(scope="module")
def finance_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("finance") / "wh.duckdb"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PIB_SECRET", "finance-test-secret-0123456789abcdef")
        assert load([TEST_DATA / "finance"], db=db).quarantined == 0
    return db


def test_finance_lines(finance_db):
    expect(run_query("finance_lines", {"school_year": "2023-2024"}, db=finance_db), [
        ("arrangements", "Arrangementen", 800_000.0, 700_000.0, -100_000.0, 0.875),
        ("income", "Overige baten", 0.0, 100_000.0, 100_000.0, None),
        ("income", "Rijksbijdrage", 4_900_000.0, 5_000_000.0, 100_000.0, 5.0 / 4.9),
        ("personnel", "Personeel", 500_000.0, 520_000.0, 20_000.0, 1.04),
        ("school_support", "Middelen schoolbesturen", 1_000_000.0, 1_100_000.0, 100_000.0,
         1.1),
        ("special_education_transfer", "Afdracht vso", 2_500_000.0, 2_400_000.0, -100_000.0,
         0.96),
    ])


@pytest.mark.parametrize("role", ["kwaliteit", "bestuur"])
def test_finance_years(finance_db, role):
    expect(run_query("finance_years", role=role, db=finance_db), [
        ("2023-2024", 5_100_000.0, 4_720_000.0, 1_100_000.0, 3_100_000.0, 1.1 / 4.2,
         400_000.0, 250_000.0, 150_000.0, True),
        ("2024-2025", 10_000_000.0, 8_000_000.0, 2_000_000.0, 6_000_000.0, 0.25,
         300_000.0, 350_000.0, -50_000.0, False),
    ])
