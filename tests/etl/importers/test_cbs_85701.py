"""CBS StatLine 85701NED importer and the `participation` queries, on an excerpt of the real
export.

Hand-computed numbers come from the raw lines of tests/data/public/speciaal_onderwijs.csv
(unchanged lines of the national file, see the README there), quoted in the comments (`grep`
them to check). The excerpt holds every line of the 9 municipalities of pib.toml's region and of
"Gemeenten; niet in te delen", every line of 7 herindelingen in one period, and for each of the
other names its "Speciaal onderwijs" line in the first and the last period it has a figure.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import polars as pl
import pytest

from etl.importers.cbs_85701 import NID, is_cbs_85701, read_export, transform
from etl.load import LoadRejected, load
from etl.municipality_names import SPLIT_SUCCESSOR, municipalities
from queries import run_query
from tests.conftest import PUBLIC_DATA, TEST_DATA

EXPORT = PUBLIC_DATA / "speciaal_onderwijs.csv"
PIB = str(Path(sys.executable).with_name("pib"))
HEADER = '"Geslacht";"Onderwijssoort";"Perioden";"Regiokenmerken";"Leerlingen/studenten (aantal)"'
BOTH = "Totaal mannen en vrouwen"



@pytest.fixture(scope="module")
def result():
    return transform(read_export(EXPORT))


def pupils(rows: pl.DataFrame, year: str, code: str) -> dict[str, int]:
    found = rows.filter(pl.col("school_year") == year, pl.col("municipality_code") == code)
    return dict(found.select("school_type", "pupils").iter_rows())


def write_export(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    """A small export in the StatLine dialect: BOM, CRLF, quoted text, bare numbers."""
    lines = [HEADER] + [f'"{BOTH}";"{kind}";"{period}";"{name}";{value}'
                        for kind, period, name, value in rows]
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


def checksum(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_reference_carries_every_municipality_into_the_342_of_2025():
    ref = municipalities()
    assert len(ref.today) == 432 and len(set(ref.today.values())) == 342
    assert ref.today["0241"] == "1945"  # Groesbeek (2015 merger) renamed Berg en Dal in 2016
    assert ref.today["0265"] == "1945"  # Millingen aan de Rijn -> Groesbeek -> Berg en Dal
    assert ref.today["1927"] == "1978"  # Molenwaard -> Molenlanden
    assert ref.today["0653"] == "1940"  # Gaasterlân-Sleat -> De Friese Meren -> De Fryske Marren
    assert {c: ref.today[c] for c in SPLIT_SUCCESSOR} == SPLIT_SUCCESSOR
    assert sorted(ref.splits.values()) == ["Boarnsterhim", "Haaren", "Littenseradiel",
                                           "Maasdonk"]


def test_row_counts(result):
    # 10 regions whole (10 x 7 types x 11 periods = 770 lines) + 7 herindelingen (7 x 7 = 49)
    # + 834 more "Speciaal onderwijs" lines of the other names (first and last period).
    assert read_export(EXPORT).height == 770 + 49 + 834
    assert result.rejected.height == 0
    # bao, sbo, vso, vo: 10 regions x 11 years + the 3 municipalities of today the 7
    # herindeling lines are summed into (grep -c '"Basisonderwijs"' gives 110 + 7 = 117 lines).
    per_type = dict(result.rows.group_by("school_type").len().iter_rows())
    assert per_type == {"bao": 113, "sbo": 113, "so": 835, "vso": 113, "vo": 113}
    # Every municipality has its last figure in 2023/'24*: the 342 of 2025 plus NID; and every
    # name of 2013 its first one in 2013/'14, carried into the same 342 plus NID.
    per_year = dict(result.rows.group_by("school_year").agg(
        pl.col("municipality_code").n_unique()).iter_rows())
    assert (per_year["2013-2014"], per_year["2023-2024"]) == (343, 343)


def test_only_the_not_assignable_row_has_no_municipality_code(result):
    raw = read_export(EXPORT).filter(pl.col("pupils").is_not_null())
    pairs = raw.select("name", pl.col("period").str.slice(0, 4).cast(pl.Int32).alias("year"))
    matched = municipalities().match(pairs.unique())
    assert sorted(set(matched.filter(pl.col("code").is_null())["name"])) == [
        "Gemeenten; niet in te delen"
    ]
    assert result.unmatched == []
    # every name of the national file with a figure (433 of its 446; the other 13, such as
    # Anna Paulowna and Zijpe, merged before 2013/'14 and have empty cells only)
    assert raw["name"].n_unique() == 433
    # CBS suffix names, `'s-`, and mis-decoded reference names (2013: Gaasterl‚n-Sleat).
    codes = dict(municipalities().match(pl.DataFrame({
        "name": ["Groningen (gemeente)", "'s-Gravenhage (gemeente)", "Utrecht (gemeente)",
                 "Beek (L.)", "Bergen (L.)", "Bergen (NH.)", "Hengelo (O.)",
                 "'s-Hertogenbosch", "Gaasterlân-Sleat", "Súdwest-Fryslân"],
        "year": [2013] * 10,
    }, schema_overrides={"year": pl.Int32})).select("name", "code").iter_rows())
    assert codes == {
        "Groningen (gemeente)": "0014", "'s-Gravenhage (gemeente)": "0518",
        "Utrecht (gemeente)": "0344", "Beek (L.)": "0888", "Bergen (L.)": "0893",
        "Bergen (NH.)": "0373", "Hengelo (O.)": "0164", "'s-Hertogenbosch": "0796",
        "Gaasterlân-Sleat": "0653", "Súdwest-Fryslân": "1900",
    }


def test_mergers_are_summed_into_todays_municipality(result):
    # Dijk en Waard (GM1980, 2022) in 2021/'22 = Heerhugowaard + Langedijk:
    #   "Basisonderwijs";"2021/'22";"Heerhugowaard";5430 + "Langedijk";2290
    #   "Speciaal basisonderwijs";"2021/'22";"Heerhugowaard";80 + "Langedijk";50
    #   "Speciaal onderwijs";"2021/'22";"Heerhugowaard";170 + "Langedijk";60
    #   "Voortgezet speciaal ondewijs ";"2021/'22";"Heerhugowaard";150 + "Langedijk";60
    #   "Totaal voortgezet onderwijs";"2021/'22";"Heerhugowaard";3480 + "Langedijk";1630
    assert pupils(result.rows, "2021-2022", "GM1980") == {
        "bao": 7720, "sbo": 130, "so": 230, "vso": 210, "vo": 5110,
    }
    # Berg en Dal (GM1945) in 2014/'15, a chain: Groesbeek + Millingen aan de Rijn + Ubbergen
    # merged into Groesbeek (2015), renamed Berg en Dal (2016):
    #   "Basisonderwijs";"2014/'15": Groesbeek 1340 + Millingen aan de Rijn 500 + Ubbergen 730
    #   "Speciaal basisonderwijs": 30 + 10 + 20;  "Speciaal onderwijs": 50 + 20 + 40
    #   "Voortgezet speciaal ondewijs ": 70 + 10 + 20;  "Totaal voortgezet onderwijs":
    #   1070 + 370 + 600
    assert pupils(result.rows, "2014-2015", "GM1945") == {
        "bao": 2570, "sbo": 60, "so": 110, "vso": 100, "vo": 2040,
    }


def test_a_split_municipality_counts_with_its_largest_successor(result):
    # Haaren (split 2021) goes wholly to Oisterwijk (GM0824): "Basisonderwijs";"2020/'21";
    #   "Oisterwijk";2000 + "Haaren";980; "Speciaal basisonderwijs": 60 + 10.
    found = pupils(result.rows, "2020-2021", "GM0824")
    assert (found["bao"], found["sbo"]) == (2980, 70)
    assert any(w.startswith("Haaren is later opgesplitst") for w in result.warnings)


def test_known_figure_and_provisional_flag(result):
    # "Totaal mannen en vrouwen";"Speciaal basisonderwijs";"2022/'23";"Zwolle";330
    assert pupils(result.rows, "2022-2023", "GM0193")["sbo"] == 330
    provisional = result.rows.group_by("school_year").agg(pl.col("provisional").all())
    assert dict(provisional.iter_rows()) == {
        f"{y}-{y + 1}": y == 2023 for y in range(2013, 2024)
    }


def test_participation_query_national_row_sums_the_whole_file(warehouse):
    load([EXPORT])
    frame = run_query("participation", {"school_year": "2022-2023"})
    assert frame.columns == [
        "municipality_code", "pupils_bao", "pupils_sbo", "pupils_so", "pupils_vso", "pupils_vo",
        "sbo_share", "so_share", "vso_share", "provisional",
    ]
    # 2022/'23 lines: the 9 of the region, "niet in te delen", Dijk en Waard, Land van Cuijk
    # and Maashorst (first figure), Weesp (last, today Amsterdam) and Brielle, Hellevoetsluis
    # and Westvoorne (last, today Voorne aan Zee): 14 municipalities and the row NL.
    assert frame.height == 15 and NID not in frame["municipality_code"]
    assert frame["municipality_code"].to_list() == sorted(frame["municipality_code"])
    nl = frame.row(-1, named=True)
    # Every region line including "Gemeenten; niet in te delen" (whose name holds a `;`, so
    # sum the last field):  awk -F';' '$2=="\"Speciaal basisonderwijs\"" &&
    #   $3=="\"2022/'"'"'23\"" {s+=$NF} END {print s}' speciaal_onderwijs.csv  ->  860
    assert nl["municipality_code"] == "NL" and nl["pupils_sbo"] == 860
    assert nl["sbo_share"] == pytest.approx(860 / (nl["pupils_bao"] + 860))
    assert nl["provisional"] is False
    zwolle = frame.filter(pl.col("municipality_code") == "GM0193").row(0, named=True)
    # Zwolle 2022/'23: bao 11140, sbo 330, so 310, vso 420, vo 7510 (raw lines). Vensters'
    # definition: so / (bao + sbo) = 310 / 11470, vso / vo = 420 / 7510.
    assert zwolle["so_share"] == pytest.approx(310 / 11470)
    assert zwolle["vso_share"] == pytest.approx(420 / 7510)
    # Same awk on "Voortgezet speciaal ondewijs " and "2023/'24*"  ->  1000
    later = run_query("participation", {"school_year": "2023-2024"}, role="bestuur")
    assert later.row(-1, named=True)["pupils_vso"] == 1000 and later["provisional"].all()
    assert "suppressed" not in later.columns  # public figures, no suppression

    trend = run_query("participation_trend")
    # one row per school year and region with a figure, NID's as NL: as many as the so rows of
    # test_row_counts (every region of a year has an so figure)
    assert trend.height == 835
    same = trend.filter(pl.col("school_year") == "2022-2023").drop("school_year")
    assert same.equals(frame)


def test_loading_the_same_export_twice_changes_nothing(warehouse):
    load([EXPORT])
    before = checksum(warehouse)
    report = load([EXPORT])
    assert [f.skipped for f in report.files] == [True]
    assert checksum(warehouse) == before
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.sql("select source, entity, rows_read, rows_loaded, outcome "
                       "from load_log").fetchall() == [
            ("cbs-85701", "participation", 1653, 1287, "ok")  # rows: 4 x 113 + 835
        ]


def test_a_newer_export_replaces_only_its_school_years(tmp_path, warehouse):
    load([EXPORT])
    count = "select school_year, count(*) from participation group by all"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        before = dict(con.sql(count).fetchall())
    # 2022/'23: 10 regions x 5 types + so of the 5 others (see the participation test) = 55;
    # 2013/'14: 10 x 5 + so of the other 333 of 2025 = 383.
    assert (before["2022-2023"], before["2013-2014"]) == (55, 383)
    newer = write_export(tmp_path / "85701.csv", [
        ("Speciaal basisonderwijs", "2022/'23", "Zwolle", "340"),
        ("Totaal (speciaal) basisonderwijs", "2022/'23", "Zwolle", "99999"),
    ])
    load([newer])
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert dict(con.sql(count).fetchall()) == {**before, "2022-2023": 1}
        assert con.execute("select pupils from participation where school_year = '2022-2023'"
                           ).fetchone() == (340,)


def test_messy_rows_are_quarantined_and_unknown_names_reported(tmp_path, warehouse):
    export = write_export(tmp_path / "export.csv", [
        ("Voortgezet speciaal ondewijs ", "2023/'24*", "Zwolle", "400"),
        ("Speciaal  onderwijs", "2023/'24*", "Zwolle", " 300 "),
        ("Speciaal onderwijs", "2023/'24*", "Atlantis", "10"),
        ("Speciaal onderwijs", "2023/'24*", "Gemeenten; niet in te delen", "20"),
        ("Speciaal onderwijs", "2022/'24", "Zwolle", "5"),
        ("Basisonderwijs", "2023/'24*", "Zwolle", "veel"),
        ("Hoger onderwijs", "2023/'24*", "Zwolle", "5"),
        ("Basisonderwijs", "2023/'24*", "Haaren", ""),
    ])
    report = load([export])
    rep = report.files[0]
    assert (rep.rows_read, rep.rows_loaded, rep.rows_quarantined) == (8, 3, 4)
    assert rep.unmatched == ["Atlantis (2023-2024)"]
    assert any("Atlantis" in w for w in report.warnings)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.sql("select municipality_code, school_type, pupils, provisional "
                       "from participation order by all").fetchall() == [
            ("GM0193", "so", 300, True), ("GM0193", "vso", 400, True), ("NID", "so", 20, True),
        ]
        assert con.sql("select line, column_name from quarantine order by line").fetchall() == [
            (4, "Regiokenmerken"), (6, "Perioden"),
            (7, "Leerlingen/studenten (aantal)"), (8, "Onderwijssoort"),
        ]


def test_strict_rejects_an_export_with_unknown_names_and_leaves_the_warehouse(
    tmp_path, warehouse
):
    load([EXPORT])
    before = checksum(warehouse)
    export = write_export(tmp_path / "export.csv", [
        ("Speciaal onderwijs", "2023/'24*", "Atlantis", "10"),
    ])
    with pytest.raises(LoadRejected, match="--strict"):
        load([export], strict=True)
    assert checksum(warehouse) == before


def test_detection_reads_the_header_only(tmp_path):
    assert is_cbs_85701(EXPORT)
    assert not is_cbs_85701(TEST_DATA / "load" / "referrals_ok.csv")
    binary = tmp_path / "x.csv"
    binary.write_bytes(b"\xff\xfe\x00\x01")
    assert not is_cbs_85701(binary)


def test_pib_load_recognises_the_export_by_its_header(tmp_path, warehouse):
    copy = shutil.copy(EXPORT, tmp_path / "statline_download.csv")
    result = subprocess.run([PIB, "load", str(copy)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert "CBS 85701NED: 1653 rijen gelezen, 1287 rijen geladen" in result.stdout
    assert "(voorlopig: 2023-2024); 343 regio's" in result.stdout
    assert "niet herkende gemeentenamen: geen" in result.stdout
    again = subprocess.run([PIB, "load", str(copy), "--source", "cbs-85701"],
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and "al geladen" in again.stdout
    wrong = subprocess.run(
        [PIB, "load", str(TEST_DATA / "load" / "referrals_ok.csv"), "--source", "cbs-85701"],
        capture_output=True, text=True, timeout=120,
    )
    assert wrong.returncode == 1 and "geen export van CBS-tabel 85701NED" in wrong.stderr


def test_a_windows_1252_export_with_boys_and_girls_rows(tmp_path):
    lines = [HEADER,
             f'"{BOTH}";"Speciaal onderwijs";"2023/\'24*";"Súdwest-Fryslân";90',
             '"Mannen";"Speciaal onderwijs";"2023/\'24*";"Súdwest-Fryslân";60']
    export = tmp_path / "export.csv"
    export.write_bytes("\r\n".join(lines).encode("cp1252"))
    result = transform(read_export(export))
    assert result.rows.select("municipality_code", "pupils").rows() == [("GM1900", 90)]
    assert result.warnings == ["1 rijen voor alleen jongens of meisjes overgeslagen."]
