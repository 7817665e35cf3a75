"""Differencing attacks against every query a suppressed role can reach (CONTRACT §4).

A hand-made data set (below) where each attack would reveal a small count if undefended, with
min_cell = 5. School year 2023-2024, referrals with a decision, all granted:

| gemeente | need | decided | days |
| --- | --- | --- | --- |
| GM0193 | learning | 12 | 20 |
| GM0193 | behaviour | 9 | 30 |
| GM0166 | learning | 2 | 50 |
| GM0166 | communication | 3 | 60 |

Undecided on 2024-03-31, all GM0193 learning: 6 received 1-6 March 2024 (ages 25-30 days) and 2
received 1 December 2023 (age 121). Undefended, the attacks of the privacy review give:
- totals minus rows: waiting_summary decided 26 - (12 + 9 + 2 shown per need... ) = 3;
- one filter value against all: waiting_times learning 14 (all) - 12 (GM0193) = 2;
- coverage against coverage_trend: learning demand 14 - 12 (GM0193) = 2;
- sweeping norm_days: the share within 50 vs 49 days singles out the two GM0166 children;
- stepping as_of: 2024-03-05 vs 2024-03-06 singles out one referral;
- a small count inside a larger row: open_over_10_weeks 2 of open_total 8.
Each test asserts the attack yields no hidden value and no count from 1 to 4.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import polars as pl
import pytest

from etl.load import load
from queries import QueryError, describe, list_queries, run_query
from queries.roles import RoleError, check_query_access, get_role

MIN_CELL = 5


def _reachable(name: str) -> bool:
    """Whether the role bestuur may run the query at all."""
    try:
        check_query_access(get_role("bestuur"), name, ())
    except RoleError:
        return False
    return True

YEAR = "2023-2024"
AS_OF = "2024-03-31"
REACHABLE = [q for q in list_queries() if _reachable(q)]
REQUIRED = {name: {p.name: {"as_of": AS_OF, "school_year": YEAR}[p.name]
                   for p in describe(name).params if p.required} for name in REACHABLE}
HEADER = ("referral_id,pupil_id,birth_year,municipality_code,school_id,received_on,complete_on,"
          "need_category,request_type,urgent,decided_on,decision")


def _referrals() -> list[str]:
    rows = []
    groups = [("GM0193", "S1", "learning", 12, 20), ("GM0193", "S1", "behaviour", 9, 30),
              ("GM0166", "S2", "learning", 2, 50), ("GM0166", "S2", "communication", 3, 60)]
    n = 0
    for municipality, school, need, count, days in groups:
        for i in range(count):
            n += 1
            received = date(2023, 9, 1) + timedelta(days=i)
            rows.append(f"R{n:03},P{n:03},2014,{municipality},{school},{received},{received},"
                        f"{need},arrangement,false,{received + timedelta(days=days)},granted")
    for received in [date(2024, 3, d) for d in range(1, 7)] + [date(2023, 12, 1)] * 2:
        n += 1
        rows.append(f"R{n:03},P{n:03},2014,GM0193,S1,{received},,learning,arrangement,false,,")
    return rows


@pytest.fixture(scope="module")
def attack_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("attack")
    data = home / "csv"
    data.mkdir()
    (data / "schools.csv").write_text(
        "school_id,name,sector,municipality_code,postcode4,in_region\n"
        "S1,De Linde,po,GM0193,8011,true\nS2,Het Lyceum,vo,GM0166,8261,true\n")
    (data / "referrals.csv").write_text("\n".join([HEADER, *_referrals()]) + "\n")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PIB_SECRET", "attack-secret-of-at-least-32-bytes")
        load([data], db=home / "wh.duckdb")
    return home / "wh.duckdb"


def answers(name: str, db: Path, **params: object) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(what bestuur sees, the exact figures) for the same question."""
    asked = {**REQUIRED.get(name, {}), **params}
    return (run_query(name, asked, role="bestuur", db=db),
            run_query(name, asked, role="kwaliteit", db=db))


def check_relation(total: tuple[object, int], parts: list[tuple[object, int]], what: str) -> None:
    """The attacker's arithmetic on total = sum of parts (values shown, exact values): with
    the total shown, no single hidden part may be left, nor may the hidden parts together, or
    the total less any one shown part, come to 1..min_cell-1."""
    shown, _ = total
    if shown is None:
        return
    hidden = [true for seen, true in parts if seen is None and true]
    assert len(hidden) != 1, f"{what}: {hidden[0]} worked out as total minus the rows"
    rest = shown - sum(seen for seen, _ in parts if seen is not None)
    assert not 0 < rest < MIN_CELL, f"{what}: hidden rows together worked out as {rest}"
    for seen, _ in parts:
        if seen is not None:
            assert not 0 < shown - seen < MIN_CELL, f"{what}: all against one gives {shown - seen}"


def test_the_undefended_attacks_would_work(attack_db):
    """The data set is built so that each attack reveals a small count on exact figures."""
    _, exact = answers("waiting_times", attack_db)
    assert exact.filter(school_year=YEAR)["decided"].to_list() == [9, 3, 14]
    _, one = answers("waiting_times", attack_db, municipality_code="GM0193")
    assert one.filter(need_category="learning")["decided"].to_list() == [12]
    _, total = answers("waiting_summary", attack_db)
    assert total.filter(school_year=YEAR)["decided"].to_list() == [26]
    _, trend = answers("coverage_trend", attack_db)
    assert trend.filter(school_year=YEAR, need_category="learning")["demand"].to_list() == [14]
    _, opened = answers("open_referrals", attack_db)
    assert opened.row(0)[:3] == (8, 2, 2)


@pytest.mark.parametrize("name", REACHABLE)
def test_no_count_from_1_to_min_cell_minus_1_anywhere(name, attack_db):
    counts = describe(name).counts
    margins = describe(name).margins
    for params in [{}, *({m.param: v} for m in margins for v in _values(m.param))]:
        shown, _ = answers(name, attack_db, **params)
        for column in counts:
            small = shown.filter(pl.col(column).is_between(1, MIN_CELL - 1))
            assert small.height == 0, (name, params, column, small)


def _values(param: str) -> list[object]:
    return {"municipality_code": ["GM0166", "GM0193"],
            "need_category": ["behaviour", "communication", "learning"],
            "urgent": [True, False], "kind": ["absolute_absence", "exemption"]}[param]


@pytest.mark.parametrize("name", REACHABLE)
def test_every_filter_of_a_counting_query_is_a_declared_margin(name):
    """Each optional filter (text or yes/no) of a query that counts children splits its facts:
    the layer must know, or one value against all would go unchecked. A filter on a grain
    column (funnel_points' measure and level) only picks rows of the answer: no new cells."""
    query = describe(name)
    if not query.counts:
        return
    filters = {p.name for p in query.params if not p.required and p.default is None
               and p.type in ("text", "bool")} - set(query.grain)
    assert filters == {m.param for m in query.margins}, name


@pytest.mark.parametrize("name", [q for q in REACHABLE if len(describe(q).margins) > 1])
def test_two_filters_at_once_are_refused(name, attack_db):
    """The protected cube holds each filter alone against the answer without it; gemeente and
    need together would be a finer table nobody protected, so a suppressed role is refused."""
    first, second = describe(name).margins[:2]
    asked = {**REQUIRED.get(name, {}), first.param: _values(first.param)[0],
             second.param: _values(second.param)[0]}
    with pytest.raises(QueryError, match="op één filter tegelijk"):
        run_query(name, asked, role="bestuur", db=attack_db)
    assert run_query(name, asked, role="kwaliteit", db=attack_db) is not None


@pytest.mark.parametrize("name", REACHABLE)
def test_one_filter_value_against_all(name, attack_db):
    query = describe(name)
    keys = [c for c in query.grain if c in query.columns]
    for margin in query.margins:
        everything, exact_all = answers(name, attack_db)
        per_value = {v: answers(name, attack_db, **{margin.param: v})
                     for v in _values(margin.param)}
        for column in query.counts:
            for row, true_row in zip(everything.iter_rows(named=True),
                                     exact_all.iter_rows(named=True), strict=True):
                parts = []
                for shown, exact in per_value.values():
                    match = pl.all_horizontal(pl.col(k) == row[k] for k in keys) if keys else True
                    seen, true = shown.filter(match), exact.filter(match)
                    if true.height:
                        parts.append((seen[column][0] if seen.height else None, true[column][0]))
                check_relation((row[column], true_row[column]), parts,
                               f"{name} {margin.param} {column} {row}")


def _pair(detail: str, total: str, column: str, total_column: str, by: list[str], db: Path,
          detail_params: dict | None = None, where: pl.Expr | None = None) -> None:
    shown_total, exact_total = answers(total, db)
    shown, exact = answers(detail, db, **(detail_params or {}))
    if where is not None:
        shown, exact = shown.filter(where), exact.filter(where)
    for row, true_row in zip(shown_total.iter_rows(named=True),
                             exact_total.iter_rows(named=True), strict=True):
        match = pl.all_horizontal(pl.col(k) == row[k] for k in by) if by else pl.lit(True)
        parts = list(zip(shown.filter(match)[column], exact.filter(match)[column], strict=True))
        check_relation((row[total_column], true_row[total_column]), parts,
                       f"{detail} against {total} {row}")


def test_per_need_rows_against_the_year_total(attack_db):
    _pair("waiting_times", "waiting_summary", "decided", "decided", ["school_year"], attack_db)
    _pair("waiting_times", "kpi_headline", "decided", "decided", ["school_year"], attack_db)
    _pair("waiting_monthly", "waiting_summary", "decided", "decided", ["school_year"], attack_db)
    _pair("waiting_distribution", "waiting_summary", "referrals", "decided", ["school_year"],
          attack_db, where=pl.col("measure") == "received_to_decided")


def test_coverage_against_coverage_trend(attack_db):
    _pair("coverage", "coverage_trend", "demand", "demand", ["need_category"], attack_db,
          {"school_year": YEAR}, where=pl.lit(True))
    for municipality in _values("municipality_code"):
        trend, exact_trend = answers("coverage_trend", attack_db, municipality_code=municipality)
        cover, _ = answers("coverage", attack_db)
        for row in trend.filter(school_year=YEAR).iter_rows(named=True):
            same = cover.filter(municipality_code=municipality,
                                need_category=row["need_category"])["demand"].to_list()
            assert same in ([row["demand"]], []), (municipality, row, same)
        assert exact_trend.height >= trend.height


def test_ageing_bands_against_open_referrals(attack_db):
    _pair("open_referrals_ageing", "open_referrals", "open", "open_total", [], attack_db)
    _pair("open_referrals_ageing", "open_referrals", "open", "open_over_10_weeks", [], attack_db,
          where=pl.col("age_band") == "71+")


def test_a_small_count_inside_a_larger_row(attack_db):
    shown, exact = answers("open_referrals", attack_db)
    assert exact.row(0)[:3] == (8, 2, 2)
    # 2 over six weeks (and over ten) are hidden; open_total 8 less the 6 under six weeks of
    # open_referrals_ageing would give them away, so that band (the smallest cell of the
    # relation) is hidden as well: 8 = x + (8 - x) with x unknown.
    assert shown.row(0)[:3] == (8, None, None)
    ageing, _ = answers("open_referrals_ageing", attack_db)
    assert ageing.filter(need_category="learning")["open"].to_list() == [None, None, None]


@pytest.mark.parametrize("name", REACHABLE)
def test_stepping_a_parameter_is_refused(name, attack_db):
    """Every whole-number or date parameter either has no effect on who is counted (`limit`
    only cuts a sorted list) or is on the fixed grid: one step off is refused (exit 2 in the
    CLI: QueryError)."""
    for param in describe(name).params:
        if param.type not in ("int", "date") or param.name == "limit":
            continue
        start = {"as_of": date(2024, 3, 31), "norm_days": 42, "extension_days": 28,
                 "complete_days": 21, "start_days": 28}[param.name]
        step = timedelta(days=1) if param.type == "date" else 1
        with pytest.raises(QueryError, match=r"niet toegestaan|geen laatste dag"):
            answers(name, attack_db, **{param.name: start + step})
        with pytest.raises(QueryError):
            answers(name, attack_db, **{param.name: start - step})


def test_norm_days_and_as_of_take_the_grid_only(attack_db):
    allowed = [n for n in range(0, 120)
               if _refused("waiting_times", attack_db, norm_days=n) is False]
    assert allowed == [42, 70]
    march = [date(2024, 3, d) for d in range(1, 32)]
    assert [d for d in march if _refused("open_referrals", attack_db, as_of=d) is False] == [
        date(2024, 3, 31)]
    # The exact roles still step freely.
    assert run_query("waiting_times", {"norm_days": 49}, role="kwaliteit", db=attack_db).height


def _refused(name: str, db: Path, **params: object) -> bool:
    try:
        run_query(name, {**REQUIRED.get(name, {}), **params}, role="bestuur", db=db)
    except QueryError:
        return True
    return False
