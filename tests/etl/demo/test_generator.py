"""The seeded demo generator: determinism, canonical format, row rules and baked-in patterns."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import polars as pl
import pytest

from etl.demo import generate
from etl.demo import generator as generator_module
from etl.demo import referrals as referrals_module
from etl.demo.writer import FILES
from etl.schema import ENTITIES

REGULAR = ("po", "vo", "bao", "so_vo")


def _digests(folder: Path) -> dict[str, str]:
    return {f: hashlib.sha256((folder / f"{f}.csv").read_bytes()).hexdigest() for f in FILES}


def _typed(folder: Path, name: str) -> pl.DataFrame:
    """A file read as text, then typed by the canonical schema (strict: bad values raise)."""
    raw = pl.read_csv(folder / f"{name}.csv", infer_schema=False)
    columns = []
    for column in ENTITIES[name].columns:
        value = pl.col(column.name)
        match column.kind:
            case "date":
                value = value.str.to_date("%Y-%m-%d")
            case "int":
                value = value.cast(pl.Int64)
            case "number":
                value = value.cast(pl.Float64)
            case "bool":
                value = value.replace_strict({"true": True, "false": False}, default=None)
        columns.append(value)
    return raw.select(columns)


def _load(folder: Path) -> dict[str, pl.DataFrame]:
    return {name: _typed(folder, name) for name in FILES}


def _school_year(column: str, start_month: int) -> pl.Expr:
    year = pl.col(column).dt.year() - (pl.col(column).dt.month() < start_month).cast(pl.Int32)
    return pl.format("{}-{}", year, year + 1)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("small")
    generate(out, pupils=3000, years=3, seed=7)
    return out


@pytest.fixture(scope="module")
def nl(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pl.DataFrame]:
    out = tmp_path_factory.mktemp("nl")
    generate(out)
    return _load(out)


@pytest.fixture(scope="module")
def vl(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pl.DataFrame]:
    out = tmp_path_factory.mktemp("vl")
    generate(out, profile="vl")
    return _load(out)


def test_same_seed_same_bytes_other_seed_other_bytes(small: Path, tmp_path: Path) -> None:
    generate(tmp_path / "again", pupils=3000, years=3, seed=7)
    generate(tmp_path / "other", pupils=3000, years=3, seed=8)
    assert _digests(tmp_path / "again") == _digests(small)
    other = _digests(tmp_path / "other")
    assert other["referrals"] != _digests(small)["referrals"]


def test_files_are_canonical_utf8_with_unix_line_ends(small: Path) -> None:
    assert sorted(p.name for p in small.iterdir()) == sorted(f"{f}.csv" for f in FILES)
    for name in FILES:
        data = (small / f"{name}.csv").read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf")
        assert b"\r" not in data
        data.decode("utf-8")
        header = data.split(b"\n", 1)[0].decode()
        assert header.split(",") == list(ENTITIES[name].column_names)


@pytest.mark.parametrize("profile", ["nl", "vl"])
def test_every_row_passes_the_contract(tmp_path: Path, profile: str) -> None:
    counts = generate(tmp_path, pupils=3000, years=3, seed=3, profile=profile)
    frames = _load(tmp_path)
    for name, entity in ENTITIES.items():
        frame = frames[name]
        assert frame.height == counts[name] > 0, name
        for column in entity.columns:
            values = frame[column.name]
            if column.required:
                assert values.null_count() == 0, (name, column.name)
            if column.codes:
                assert set(values.drop_nulls()) <= set(column.codes), (name, column.name)
            if column.minimum is not None:
                assert (values.drop_nulls() >= column.minimum).all(), (name, column.name)
        for rule in entity.rules:
            assert frame.filter(~rule.check()).height == 0, (name, rule.name)
        assert not frame.select(entity.key).is_duplicated().any(), name
    referrals = frames["referrals"]
    bad_complete = referrals.filter(
        (pl.col("complete_on") < pl.col("received_on"))
        | (pl.col("complete_on") > pl.col("decided_on"))
    )
    assert bad_complete.height == 0
    schools = set(frames["schools"]["school_id"])
    assert set(frames["enrolments"]["school_id"]) == schools
    assert set(referrals["school_id"].drop_nulls()) <= schools
    assert set(frames["supports"]["referral_id"].drop_nulls()) <= set(referrals["referral_id"])
    assert set(frames["outcomes"]["support_id"]) <= set(frames["supports"]["support_id"])


def test_dates_end_with_the_2025_2026_school_year(small: Path) -> None:
    frames = _load(small)
    dates = [frames[f][c] for f, e in ENTITIES.items() for c in e.column_names
             if e.column(c).kind == "date" and c != "valid_until"
             and frames[f][c].null_count() < frames[f].height]
    assert min(d.min() for d in dates) >= dt.date(2023, 8, 1)
    assert max(d.max() for d in dates) <= dt.date(2026, 7, 31)
    # A TLV may run past the extract date, at most to the end of the next school year.
    valid = frames["referrals"]["valid_until"].drop_nulls()
    assert valid.min() >= dt.date(2024, 7, 31) and valid.max() == dt.date(2027, 7, 31)
    assert frames["enrolments"]["school_year"].unique().sort().to_list() == [
        "2023-2024", "2024-2025", "2025-2026"]


def test_many_chunks_give_valid_ordered_rows(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(referrals_module, "CHUNK_ROWS", 50)
    monkeypatch.setattr(generator_module, "CHUNK_ROWS", 50)
    counts = generate(tmp_path, pupils=3000, years=2, seed=1)
    referrals = _typed(tmp_path, "referrals")
    supports = _typed(tmp_path, "supports")
    assert referrals.height == counts["referrals"]
    assert referrals["referral_id"].is_unique().all()
    assert referrals["received_on"].is_sorted()
    assert referrals.filter(pl.col("decided_on") < pl.col("received_on")).height == 0
    assert supports["support_id"].is_unique().all()
    assert supports.filter(pl.col("referral_id").is_null()).height > 100


def test_progress_reports_every_row(tmp_path: Path) -> None:
    seen: dict[str, int] = {}
    counts = generate(tmp_path, pupils=500, years=1,
                      progress=lambda name, rows: seen.__setitem__(name, seen.get(name, 0) + rows))
    assert seen == counts


def test_referral_rate_scales_referrals(tmp_path: Path) -> None:
    low = generate(tmp_path / "low", pupils=2000, years=1, referral_rate=0.02)
    high = generate(tmp_path / "high", pupils=2000, years=1, referral_rate=0.5)
    assert abs(low["referrals"] - 40) <= 2
    assert abs(high["referrals"] - 1000) <= 30


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"pupils": 99}, "pupils"),
    ({"years": 0}, "years"),
    ({"years": 16}, "years"),
    ({"profile": "be"}, "profile"),
    ({"referral_rate": -0.1}, "referral_rate"),
])
def test_invalid_arguments_are_refused(tmp_path: Path, kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        generate(tmp_path, **kwargs)


def test_regular_pupils_and_special_shares(nl: dict[str, pl.DataFrame]) -> None:
    per_year = (
        nl["enrolments"].join(nl["schools"], on="school_id")
        .group_by("school_year")
        .agg(regular=pl.col("pupils").filter(pl.col("sector").is_in(REGULAR)).sum(),
             sbo=pl.col("pupils").filter(pl.col("sector") == "sbo").sum())
    )
    assert per_year["regular"].is_between(24_000, 26_000).all()
    assert (per_year["sbo"] / per_year["regular"]).is_between(0.015, 0.025).all()
    schools = nl["schools"]
    assert 50 <= schools.height <= 100
    assert schools.filter(~pl.col("in_region"))["sector"].is_in(["so", "vso"]).all()
    assert schools.filter(~pl.col("in_region")).height >= 2


def test_preventive_share_of_hours_rises(nl: dict[str, pl.DataFrame]) -> None:
    trend = (
        nl["supports"].group_by(_school_year("started_on", 8).alias("year"))
        .agg(share=pl.col("hours").filter(pl.col("prevention_level") == "preventive").sum()
             / pl.col("hours").sum())
        .sort("year")
    )["share"]
    assert 0.25 <= trend[0] <= 0.35
    assert 0.50 <= trend[-1] <= 0.60
    assert trend.is_sorted()


def test_waits_are_longer_before_the_summer(nl: dict[str, pl.DataFrame]) -> None:
    decided = nl["referrals"].filter(pl.col("decided_on").is_not_null()).with_columns(
        days=(pl.col("decided_on") - pl.col("received_on")).dt.total_days(),
        month=pl.col("received_on").dt.month(),
    )
    overall = decided["days"]
    assert 28 <= overall.median() <= 36
    assert 55 <= overall.quantile(0.9, "linear") <= 80
    summer = decided.filter(pl.col("month").is_in([5, 6, 7]))["days"].median()
    autumn = decided.filter(pl.col("month").is_in([9, 10, 11]))["days"].median()
    assert summer > autumn + 5


def test_open_waiting_list_at_the_end(nl: dict[str, pl.DataFrame]) -> None:
    as_of = dt.date(2026, 7, 31)
    open_ = nl["referrals"].filter(pl.col("decided_on").is_null())
    assert open_.height > 50
    ages = open_.select((pl.lit(as_of) - pl.col("received_on")).dt.total_days())
    assert 0 < (ages.to_series() > 70).sum() < open_.height / 3


def test_coverage_short_for_behaviour_in_kampen_only(nl: dict[str, pl.DataFrame]) -> None:
    keys = ["school_year", "municipality_code", "need_category"]
    demand = (
        nl["referrals"].filter(pl.col("decision") == "granted")
        .group_by(_school_year("received_on", 8).alias("school_year"),
                  "municipality_code", "need_category")
        .agg(demand=pl.col("pupil_id").n_unique())
    )
    capacity = nl["offers"].group_by(keys).agg(pl.col("capacity").sum())
    pairs = demand.join(capacity, on=keys, how="full", coalesce=True).fill_null(0)
    kampen = pairs.filter((pl.col("municipality_code") == "GM0166")
                          & (pl.col("need_category") == "behaviour"))
    assert kampen.height == 5
    assert (kampen["capacity"] < kampen["demand"]).all()
    assert (kampen["capacity"] <= 0.65 * kampen["demand"]).all()
    others = pairs.join(kampen, on=keys, how="anti").filter(pl.col("demand") > 0)
    covered = (others["capacity"] >= 0.8 * others["demand"]).mean()
    assert covered >= 0.95
    assert pairs.filter((pl.col("demand") == 0) & (pl.col("capacity") > 0)).height > 0


def test_out_of_school_and_admission_rates(nl: dict[str, pl.DataFrame]) -> None:
    enrolled = nl["enrolments"].join(nl["schools"], on="school_id")
    for start in range(2021, 2026):
        year = f"{start}-{start + 1}"
        first, last = dt.date(start, 8, 1), dt.date(start + 1, 7, 31)
        pupils = enrolled.filter(pl.col("school_year") == year)
        absent = nl["out_of_school"].filter(
            (pl.col("kind") != "exemption") & (pl.col("started_on") <= last)
            & (pl.col("ended_on").is_null() | (pl.col("ended_on") >= first))
        )["pupil_id"].n_unique()
        assert 0.5 <= absent * 1000 / pupils["pupils"].sum() <= 4
        granted = nl["referrals"].filter(
            pl.col("request_type").str.starts_with("admission_")
            & (pl.col("decision") == "granted") & pl.col("decided_on").is_between(first, last)
        ).height
        regular = pupils.filter(pl.col("sector").is_in(REGULAR))["pupils"].sum()
        assert 10 <= granted * 1000 / regular <= 30
    linked = nl["out_of_school"]["pupil_id"].is_in(nl["referrals"]["pupil_id"].implode()).mean()
    assert linked > 0.4


def test_some_pupils_are_referred_more_than_once(nl: dict[str, pl.DataFrame]) -> None:
    per_pupil = nl["referrals"].group_by("pupil_id").len()
    assert 0.10 <= (per_pupil["len"] > 1).mean() <= 0.20


def test_outcomes_improve_slightly(nl: dict[str, pl.DataFrame]) -> None:
    achieved = (
        nl["outcomes"].group_by(_school_year("evaluated_on", 8).alias("year"))
        .agg((pl.col("goal_attainment") == "achieved").mean())
        .sort("year")["goal_attainment"]
    )
    assert 0.45 <= achieved.mean() <= 0.65
    assert achieved[-1] > achieved[0]


def test_vl_profile(vl: dict[str, pl.DataFrame]) -> None:
    codes = pl.concat([vl[f]["municipality_code"].drop_nulls()
                       for f in ("schools", "offers", "referrals", "out_of_school")])
    assert codes.str.contains(r"^\d{5}$").all()
    assert "44021" in set(codes)
    assert set(vl["schools"]["sector"]) == {"bao", "buo", "so_vo"}
    assert set(vl["referrals"]["request_type"]) <= {"consultation", "arrangement",
                                                     "admission_so", "other"}
    years = vl["enrolments"]["school_year"].unique().sort().to_list()
    assert years == ["2021-2022", "2022-2023", "2023-2024", "2024-2025", "2025-2026"]
    dates = pl.concat([vl["referrals"]["received_on"], vl["supports"]["started_on"],
                       vl["out_of_school"]["started_on"], vl["outcomes"]["evaluated_on"]])
    assert dates.min() >= dt.date(2021, 9, 1)
    assert dates.max() <= dt.date(2026, 8, 31)
    assert vl["referrals"]["decided_on"].null_count() > 0


def test_tlvs_name_a_special_school_a_category_and_an_end(nl: dict[str, pl.DataFrame]) -> None:
    referrals, schools = nl["referrals"], nl["schools"]
    placed = referrals.filter(pl.col("placed_school_id").is_not_null()).join(
        schools.select("school_id", "sector", "in_region"),
        left_on="placed_school_id", right_on="school_id")
    assert (placed["decision"] == "granted").all()
    sectors = placed.select(pl.col("request_type").str.strip_prefix("admission_") == pl.col(
        "sector"))
    assert sectors.to_series().all()  # admission_so -> an so school, ...
    granted = referrals.filter((pl.col("decision") == "granted")
                               & pl.col("request_type").str.starts_with("admission_"))
    assert placed.height == granted.height
    # about a quarter of the so and vso places lie outside the region: outgoing traffic
    special = placed.filter(pl.col("sector").is_in(["so", "vso"]))
    assert 0.15 < 1 - special["in_region"].mean() < 0.35
    funded = placed.filter(pl.col("funding_category").is_not_null())
    assert set(funded["request_type"]) == {"admission_so", "admission_vso"}
    shares = funded["funding_category"].value_counts(normalize=True)
    assert dict(shares.iter_rows())["low"] > 0.6
    assert 0 < special["funding_category"].null_count() < 0.1 * special.height  # -> unknown
    assert (placed["valid_until"] > placed["decided_on"]).all()
    assert referrals.filter(pl.col("placed_school_id").is_null())["valid_until"].null_count() \
        == referrals.filter(pl.col("placed_school_id").is_null()).height


def test_episode_details(nl: dict[str, pl.DataFrame], vl: dict[str, pl.DataFrame]) -> None:
    episodes = nl["out_of_school"]
    exempt = episodes.filter(pl.col("kind") == "exemption")
    assert episodes.filter(pl.col("kind") != "exemption")["exemption_article"].null_count() \
        == episodes.filter(pl.col("kind") != "exemption").height
    assert exempt["exemption_article"].null_count() == 0
    assert "art_5_a" in set(exempt["exemption_article"])
    assert (episodes["resolution"].is_null() == episodes["ended_on"].is_null()).all()
    assert 0.2 < episodes["has_offer"].mean() < 0.7
    assert vl["out_of_school"]["exemption_article"].null_count() == vl["out_of_school"].height


def test_offers_have_tariffs(nl: dict[str, pl.DataFrame]) -> None:
    tariff = nl["offers"]["tariff_eur"]
    assert 0 < tariff.null_count() < 0.1 * tariff.len()  # a few without: Datakwaliteit
    assert tariff.drop_nulls().min() >= 1000 and tariff.drop_nulls().max() <= 12_000


def test_cases_follow_out_of_school_episodes(nl: dict[str, pl.DataFrame]) -> None:
    cases = nl["cases"]
    assert cases.height > 50
    story = (pl.col("municipality_code") == "GM1708") & (pl.col("problem_type")
                                                         == "no_fitting_place")
    known = set(nl["out_of_school"]["pupil_id"]) | set(nl["referrals"]["pupil_id"])
    # the story's cases (below) are of pupils met in referrals too; the others follow episodes
    assert set(cases.filter(~story)["pupil_id"]) <= set(nl["out_of_school"]["pupil_id"])
    assert set(cases["pupil_id"]) <= known
    assert (cases["outcome"].is_null() == cases["closed_on"].is_null()).all()


def test_the_case_story_grows_in_one_gemeente_at_the_start_of_the_year(
        nl: dict[str, pl.DataFrame]) -> None:
    """etl/demo/cases.py: `no_fitting_place` in Steenwijkerland grows every school year, for
    vo/vso pupils, mostly opened in August to October (the move from po to vo)."""
    story = nl["cases"].filter(municipality_code="GM1708", problem_type="no_fitting_place")
    start = pl.col("opened_on").dt.year() - (pl.col("opened_on").dt.month() < 8).cast(pl.Int32)
    per_year = story.group_by(start.alias("year")).len().sort("year")["len"].to_list()
    assert len(per_year) == 5 and per_year[-1] >= 3 * per_year[0]
    assert story["sector"].is_in(["vo", "vso"]).mean() > 0.8
    assert story["opened_on"].dt.month().is_in([8, 9, 10]).mean() > 0.6


@pytest.mark.parametrize("profile", ["nl", "vl"])
def test_reserves_lie_above_the_signaleringswaarde_in_one_year(
        request: pytest.FixtureRequest, profile: str) -> None:
    books = request.getfixturevalue(profile)["finance"]
    per_year = books.group_by("school_year").agg(
        income=pl.col("actual_eur").filter(pl.col("category") == "income").sum(),
        reserve=pl.col("actual_eur").filter(pl.col("category") == "reserve_end").sum(),
    ).sort("school_year")
    # docs/finance.md: 0.035 x total income, at least EUR 250,000
    signal = pl.max_horizontal(0.035 * pl.col("income"), pl.lit(250_000.0))
    above = per_year.select(pl.col("reserve") > signal).to_series().to_list()
    assert above == [False, False, False, True, False]
    assert books.filter(pl.col("category") == "reserve_end").height == 5


def test_vl_leersteun_moves_from_pupil_to_teacher_and_team(vl: dict[str, pl.DataFrame]) -> None:
    supports = vl["supports"].filter(pl.col("referral_id").is_not_null())
    years = supports.with_columns(year=pl.col("started_on").dt.year()).group_by("year").agg(
        pupil=(pl.col("target_level") == "pupil").mean()).sort("year")["pupil"]
    assert years[0] > 0.75 and years[-1] < 0.55
    types = supports["education_type"].value_counts(normalize=True)
    broad = types.filter(pl.col("education_type").is_in(["basic", "type_3", "type_9"]))
    assert broad["proportion"].sum() > 0.7  # brede types against kleine types 2, 4, 6, 7
    assert set(supports["report_type"]) == {"gc", "iac", "ov4"}
    assert set(vl["supports"]["care_phase"]) == {0, 1, 2, 3}
    assert vl["supports"].filter(pl.col("referral_id").is_null())["report_type"].null_count() \
        == vl["supports"].filter(pl.col("referral_id").is_null()).height
    assert vl["referrals"]["funding_category"].null_count() == vl["referrals"].height
