"""The query layer itself: catalogue, headers, parameters, errors, types, empty warehouses."""

from __future__ import annotations

import re
from datetime import date

import polars as pl
import pytest

from etl.warehouse import writer
from queries import QueryError, describe, list_queries, run_query
from queries.layer import QUERY_DIR, parse
from queries.roles import EXACT_ONLY_QUERIES, FREE_TEXT_QUERIES, is_data_quality_query

NAMED = ["waiting_times", "open_referrals", "coverage", "prevention_trend", "out_of_school",
         "outcomes", "admissions", "participation", "out_of_school_census", "lead_times",
         "admissions_by_category", "border_traffic", "network_cost"]
REQUIRED = {"open_referrals": {"as_of": "2024-03-31"},
            "open_referrals_ageing": {"as_of": "2024-03-31"},
            "out_of_school_register": {"as_of": "2024-03-31"},
            "signals": {"school_year": "2023-2024"},
            "funnel_points": {"school_year": "2023-2024", "measure": "referrals"},
            "admissions_validity": {"as_of": "2024-03-31"},
            "admissions_rolling": {"as_of": "2024-03-31"},
            "admissions_year_to_date": {"as_of": "2024-03-31"},
            **{name: {"school_year": "2023-2024"} for name in (
                "coverage", "participation", "out_of_school_census", "admissions_by_category",
                "border_traffic", "network_cost", "finance_lines", "support_by_target",
                "support_by_education_type", "support_by_care_phase", "support_by_report_type",
                "support_duration", "cases_summary", "cases_by_requester", "cases_by_sector",
                "cases_days_out", "cases_moments", "cases_recurring")}}


def test_catalogue_holds_the_contract_queries_with_their_columns():
    assert set(NAMED) <= set(list_queries())
    assert describe("waiting_times").columns == (
        "school_year", "need_category", "decided", "median_days", "p90_days",
        "within_norm_share",
    )
    assert describe("open_referrals").columns == (
        "open_total", "open_over_6_weeks", "open_over_10_weeks", "oldest_days",
    )
    assert describe("coverage").columns == (
        "municipality_code", "need_category", "demand", "capacity", "gap", "coverage_ratio",
    )
    assert describe("out_of_school_census").columns == (
        "kind", "exemption_article", "at_start", "new_in_year", "total", "over_3_months",
        "ended_in_year", "open_at_end",
    )
    assert describe("lead_times").columns == (
        "school_year", "stage", "n", "p25_days", "median_days", "p75_days", "within_norm_share",
    )
    assert describe("admissions_by_category").columns == (
        "request_type", "funding_category", "granted",
    )
    assert describe("border_traffic").columns == ("request_type", "outgoing", "incoming",
                                                  "balance")
    assert describe("network_cost").columns == ("municipality_code", "need_category", "places",
                                                "cost_eur")
    assert describe("prevention_trend").columns == (
        "school_year", "supports_started", "preventive_started", "hours_total",
        "hours_preventive", "preventive_hours_share",
    )
    assert describe("out_of_school").columns == (
        "school_year", "pupils_out_of_school", "per_1000_pupils", "pupils_exempted",
    )
    assert describe("outcomes").columns == (
        "school_year", "evaluated", "achieved_share", "achieved_or_partly_share",
    )
    assert describe("admissions").columns == (
        "school_year", "request_type", "granted", "per_1000_pupils",
    )


def test_describe_reads_the_header():
    meta = describe("waiting_times")
    assert meta.title == "how long referrals wait for a decision, against the norm."
    assert meta.definition.startswith("referrals with a decided_on, by school year of")
    assert "quantile_cont" in meta.definition  # continuation lines are joined
    assert meta.titel == "Wachttijd tot besluit"
    assert meta.definitie.startswith("Aanmeldingen met een besluitdatum, per schooljaar van "
                                     "ontvangst en ondersteuningsbehoefte. Wachttijd =")
    assert [(p.name, p.type, p.required, p.default) for p in meta.params] == [
        ("norm_days", "int", False, "settings.decision_days"),
        ("school_year", "school_year", False, None),
        ("municipality_code", "text", False, None),
    ]
    assert meta.grain == ("school_year", "need_category")
    assert [(s.count, s.derived) for s in meta.suppress] == [
        ("decided", ("median_days", "p90_days", "within_norm_share")),
    ]
    assert meta.numerator == "decided referrals with days ≤ norm_days (within_norm_share)"
    assert meta.time_basis.startswith("school year of `received_on`; undecided referrals")
    assert meta.why.startswith("The zorgplicht gives a school 6 weeks to decide,")
    assert meta.why.endswith("`waiting_distribution` shows both parts.")
    assert (meta.denominator, meta.note) == ("decided referrals in the group (`decided`)", "")
    assert meta.counts == ("decided",)
    assert [m.param for m in meta.margins] == ["municipality_code"]
    assert [(r.target, r.target_column, r.column) for r in meta.rollups] == [
        ("waiting_summary", "decided", "decided")]
    ageing = describe("open_referrals_ageing").rollups[1]
    assert ageing.part_condition == (("age_band", ("43-70", "71+")),)
    assert [(s.total, s.parts, s.rest) for s in describe("open_referrals").sums] == [
        ("open_total", ("open_over_6_weeks",), True),
        ("open_over_6_weeks", ("open_over_10_weeks",), True)]
    assert describe("open_referrals").params[0].required
    assert describe("open_referrals").grain == ()


def test_every_file_follows_the_style():
    """Lowercase SQL (string literals aside), a CTE chain ending in `select * from final`."""
    for path in QUERY_DIR.glob("*.sql"):
        body = "\n".join(
            line for line in path.read_text(encoding="utf-8").splitlines()
            if not line.startswith("--")
        )
        code = re.sub(r"'[^']*'", "''", body).strip()
        assert code == code.lower(), path.name
        assert code.startswith("with") and "final as (" in code, path.name
        assert code.split("\n\n")[-1].startswith("select * from final"), path.name
        assert "{" not in code and "%s" not in code, path.name  # nothing is string-formatted


# A well-formed header up to `params:`.
HEAD = "-- q: t\n-- for: x\n-- definition: d\n-- titel: t\n-- definitie: d\n"


@pytest.mark.parametrize("text, problem", [
    ("-- other: title\n", "must start with"),
    (HEAD + "-- params: a int\n-- grain: -\n-- columns: a\n",
     "needs '?', '!' or a default"),
    (HEAD + "-- params: a list?\n-- grain: -\n-- columns: a\n",
     "bad parameter"),
    (HEAD + "-- params: -\n-- grain: b\n-- columns: a\n",
     "grain and suppress"),
    (HEAD + "-- params: -\n-- grain: -\n-- columns: a\n-- suppress: b -> a\n",
     "grain and suppress"),
    (HEAD + "-- params: -\n-- grain: -\n-- columns: a\nselect $a as a",
     "differ from those used"),
    ("-- q: t\n-- for: x\n-- titel: t\n-- definitie: d\n-- params: -\n-- grain: -\n"
     "-- columns: a\n", "lacks definition"),
    ("-- q: t\n-- for: x\n-- definition: d\n-- params: -\n-- grain: -\n-- columns: a\n",
     "lacks titel (the Dutch title), definitie (the Dutch definition)"),
    ("-- q: t\n-- for: x\n-- definition: d\n-- titel: t\n-- definitie:\n-- params: -\n"
     "-- grain: -\n-- columns: a\n", "lacks definitie (the Dutch definition)"),
    ("-- q: t\n-- for: x\n-- definition: d\n-- titel: t\n-- titel: u\n-- definitie: d\n"
     "-- params: -\n-- grain: -\n-- columns: a\n", "repeats titel"),
    ("-- q: t\n-- for: x\n-- remark: y\n", "unexpected header line"),
    (HEAD + "-- why: a\n-- why: b\n-- params: -\n-- grain: -\n-- columns: a\n", "repeats why"),
    (HEAD + "-- params: n int = settings.nope\n-- grain: -\n-- columns: a\n",
     "unknown setting"),
    (HEAD + "-- params: -\n-- grain: -\n-- columns: a\n",
     "header lacks counts; add a line '-- counts: COLUMN, ...' naming the columns that count "
     "children (pupils, referrals, decisions, episodes, cases, supports), or '-- counts: -' "
     "when none does; where an optional filter splits the facts add '-- margins: PARAM in "
     "TABLE'"),
    (HEAD + "-- params: -\n-- grain: -\n-- columns: a\n-- counts: b\n", "counts must name"),
    (HEAD + "-- params: -\n-- grain: -\n-- columns: a, b\n-- counts: a\n-- sums: a >= b\n",
     "counts must name"),
    (HEAD + "-- params: -\n-- grain: -\n-- columns: a\n-- counts: a\n-- sums: a > b\n",
     "bad sums line"),
    (HEAD + "-- params: m text = x\n-- grain: -\n-- columns: a\n-- counts: a\n"
     "-- margins: m in t\nselect $m as a", "bad margins entry"),
    (HEAD + "-- params: -\n-- grain: -\n-- columns: a\n-- counts: a\n-- rollup: other = a\n",
     "bad rollup line"),
])
def test_malformed_headers_are_refused(text, problem):
    with pytest.raises(ValueError, match=re.escape(problem)):
        parse("q", text)


def test_unknown_query():
    with pytest.raises(QueryError, match=r"onbekende query 'nope'.*kies uit: admissions"):
        run_query("nope")


def test_unknown_and_missing_parameters():
    with pytest.raises(QueryError, match="onbekende parameter 'year' voor coverage"):
        run_query("coverage", {"year": "2023-2024"})
    with pytest.raises(QueryError, match=r"onbekende parameter 'x'.*toegestaan: geen"):
        run_query("out_of_school", {"x": 1})
    for missing in (None, {}, {"as_of": None}, {"as_of": "  "}):
        with pytest.raises(QueryError, match="as_of is verplicht voor open_referrals"):
            run_query("open_referrals", missing)


@pytest.mark.parametrize("name, params, message", [
    ("open_referrals", {"as_of": "2024-13-01"}, "ongeldige datum voor as_of: '2024-13-01'"),
    ("open_referrals", {"as_of": "31-03-2024"}, "ongeldige datum voor as_of"),
    ("open_referrals", {"as_of": 20240331}, "ongeldige datum voor as_of"),
    ("coverage", {"school_year": "2024-2026"}, "ongeldig schooljaar voor school_year"),
    ("coverage", {"school_year": "2024"}, "ongeldig schooljaar voor school_year"),
    ("waiting_times", {"norm_days": "six weeks"}, "ongeldig geheel getal voor norm_days"),
    ("waiting_times", {"norm_days": -1}, "ongeldig geheel getal voor norm_days"),
    ("waiting_times", {"norm_days": True}, "ongeldig geheel getal voor norm_days"),
    ("waiting_times", {"norm_days": 4.5}, "ongeldig geheel getal voor norm_days"),
    ("waiting_distribution", {"urgent": "misschien"}, "ongeldige ja/nee-waarde voor urgent"),
    ("waiting_times", {"municipality_code": 193}, "ongeldige tekst voor municipality_code"),
])
def test_bad_values(name, params, message):
    with pytest.raises(QueryError, match=message):
        run_query(name, params)


def test_values_are_converted(kpi_db):
    as_text = run_query("open_referrals", {"as_of": " 2024-03-31 "}, db=kpi_db)
    assert as_text.equals(run_query("open_referrals", {"as_of": date(2024, 3, 31)}, db=kpi_db))
    assert run_query("waiting_times", {"norm_days": "30"}, db=kpi_db).equals(
        run_query("waiting_times", {"norm_days": 30}, db=kpi_db))
    # An empty optional value means no filter.
    assert run_query("waiting_times", {"school_year": ""}, db=kpi_db).height == 4


def test_norm_default_follows_the_settings(kpi_db, isolated_env):
    (isolated_env / "pib.toml").write_text("[norms]\ndecision_days = 30\n")
    assert run_query("waiting_times", db=kpi_db)["within_norm_share"].to_list() == pytest.approx(
        [0.5, 0.0, 0.6, 0.5])


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory: pytest.TempPathFactory):
    """A warehouse file with every table and no rows."""
    db = tmp_path_factory.mktemp("empty") / "wh.duckdb"
    with writer(db):
        pass
    return db


@pytest.mark.parametrize("name", list_queries())
@pytest.mark.parametrize("role", ["kwaliteit", "bestuur"])
def test_every_query_runs_on_an_empty_warehouse(name, role, empty_db, tmp_path):
    if role == "bestuur" and (is_data_quality_query(name) or name in EXACT_ONLY_QUERIES
                              or name in FREE_TEXT_QUERIES):
        role = "beheer"  # refused for bestuur: tests/queries/test_roles.py, test_register.py,
        # test_suppression.py
    columns = list(describe(name).columns)
    if role == "bestuur" and describe(name).counts:
        columns.append("suppressed")
    rows = {"open_referrals": 1, "data_freshness": 7, "table_counts": 9,
            "admissions_rolling": 3}.get(name, 0)  # rolling: 0 granted per admission type
    for db in (empty_db, tmp_path / "absent.duckdb"):
        frame = run_query(name, REQUIRED.get(name), role=role, db=db)
        assert frame.columns == columns
        assert frame.height == rows


NUMERIC = (pl.Int64, pl.Float64)


@pytest.mark.parametrize("name", list_queries())
def test_output_types_and_sort_order(name, kpi_db):
    frame = run_query(name, REQUIRED.get(name), db=kpi_db)
    assert frame.columns == list(describe(name).columns)
    for column, dtype in frame.schema.items():
        assert dtype in (*NUMERIC, pl.String, pl.Date, pl.Datetime("us"), pl.Boolean), (
            column, dtype)
        if column in ("school_year", "need_category", "municipality_code", "request_type"):
            assert dtype == pl.String
        if column.startswith(("median", "p90", "per_1000")) or column.endswith(("share",
                                                                               "ratio")):
            assert dtype == pl.Float64, column
    grain = list(describe(name).grain)
    if grain and name != "out_of_school_reasons":  # reasons are sorted by pupils
        assert frame.select(grain).equals(frame.select(grain).sort(grain)), name
