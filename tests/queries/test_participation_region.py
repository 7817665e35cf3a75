"""`participation_region`: the region's CBS figures summed, against NL, with hand-computed answers
on a small StatLine 85701NED export."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from etl.load import load
from queries import run_query
from tests.queries.conftest import expect

HEADER = '"Geslacht";"Onderwijssoort";"Perioden";"Regiokenmerken";"Leerlingen/studenten (aantal)"'
KINDS = ("Basisonderwijs", "Speciaal basisonderwijs", "Speciaal onderwijs",
         "Voortgezet speciaal ondewijs ", "Totaal voortgezet onderwijs")
# name: (bao, sbo, so, vso, vo) per period
FIGURES = {
    "2022/'23": {"Zwolle": (1000, 30, 20, 40, 800), "Kampen": (500, 10, 10, 20, 300),
                 "Utrecht": (2000, 40, 60, 50, 1500),
                 "Gemeenten; niet in te delen": (100, 0, 10, 0, 50)},
    "2023/'24*": {"Zwolle": (1010, 30, 25, 40, 810), "Utrecht": (1990, 40, 60, 50, 1490)},
}


@pytest.fixture
def loaded(warehouse: Path, tmp_path: Path) -> Path:
    lines = [HEADER] + [
        f'"Totaal mannen en vrouwen";"{kind}";"{period}";"{name}";{value}'
        for period, names in FIGURES.items() for name, values in names.items()
        for kind, value in zip(KINDS, values, strict=True)
    ]
    export = tmp_path / "speciaal_onderwijs.csv"
    export.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    load([export])
    return warehouse


def test_known_answers(loaded):
    # Shares as Vensters: sbo / (bao + sbo), so / (bao + sbo), vso / vo.
    frame = run_query("participation_region", {"municipalities": "GM0193, GM0166,44021,,"})
    expect(frame, [
        # NL: every region of the file, "niet in te delen" included but not counted as gemeente
        ("2022-2023", "NL", 3, 3600, 80, 100, 110, 2650,
         80 / 3680, 100 / 3680, 110 / 2650, False),
        # regio: Zwolle + Kampen; the NIS code 44021 and the empty codes match nothing
        ("2022-2023", "regio", 2, 1500, 40, 30, 60, 1100,
         40 / 1540, 30 / 1540, 60 / 1100, False),
        ("2023-2024", "NL", 2, 3000, 70, 85, 90, 2300, 70 / 3070, 85 / 3070, 90 / 2300, True),
        ("2023-2024", "regio", 1, 1010, 30, 25, 40, 810,
         30 / 1040, 25 / 1040, 40 / 810, True),
    ])


def test_the_nl_rows_equal_participation_and_the_region_sums_it(loaded):
    region = ["GM0193", "GM0166"]
    frame = run_query("participation_region", {"municipalities": ",".join(region)})
    for year in ("2022-2023", "2023-2024"):
        per = run_query("participation", {"school_year": year})
        national = frame.filter(school_year=year, area="NL").drop("school_year", "area",
                                                                  "municipality_count")
        assert national.equals(per.filter(municipality_code="NL").drop("municipality_code"))
        summed = per.filter(pl.col("municipality_code").is_in(region)).select(
            pl.col("^pupils_.*$").sum())
        assert frame.filter(school_year=year, area="regio").select(summed.columns).equals(summed)


@pytest.mark.parametrize("municipalities", [None, "", "44021,44083"])
def test_without_a_dutch_region_only_the_nl_rows(loaded, municipalities):
    params = None if municipalities is None else {"municipalities": municipalities}
    frame = run_query("participation_region", params)
    assert frame.select("school_year", "area").rows() == [("2022-2023", "NL"),
                                                          ("2023-2024", "NL")]
