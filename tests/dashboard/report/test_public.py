"""The public figures (`dashboard.report.public`): rounding to multiples of 5, the count columns,
disclosure control of `bestuur`, nothing below the gemeente, and the html and pdf exports read
back against the queries."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import polars as pl
import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from dashboard.cli.main import app
from dashboard.labels import label
from dashboard.report import Report, build_report, is_report, write_report
from dashboard.report.content import freshness_columns
from dashboard.report.public import (
    FIGURES,
    build_public,
    count_columns,
    public_query,
    rates_of_rounded,
    round_count,
    rounded,
    updated_until,
)
from queries import describe, run_query
from tests.dashboard.report.conftest import GENERATED_AT


@pytest.mark.parametrize(("value", "expected"), [
    (0, 0), (1, 0), (2, 0), (3, 5), (4, 5), (5, 5), (7, 5), (8, 10), (12, 10), (13, 15),
    (1234, 1235), (1232, 1230), (7.5, 10), (None, None),
])
def test_round_count_to_the_nearest_multiple_of_5(value, expected):
    assert round_count(value) == expected


def test_count_columns_are_the_suppress_counts_plus_the_explicit_ones():
    assert count_columns("out_of_school") == ("pupils_out_of_school", "pupils_exempted")
    assert count_columns("waiting_summary") == ("decided",)
    assert count_columns("prevention_trend") == ("supports_started", "preventive_started")
    assert count_columns("coverage_trend") == ("demand", "gap")


def test_rounded_touches_counts_only_and_keeps_empty_cells_empty():
    frame = pl.DataFrame({
        "school_year": ["2022-2023", "2023-2024", "2024-2025", "2025-2026"],
        "pupils_out_of_school": [0, 7, 8, None],
        "per_1000_pupils": [0.0, 1.26, 1.44, None],
        "pupils_exempted": [None, 13, 22, 5],
    })
    out = rounded(frame, "out_of_school")
    assert out["pupils_out_of_school"].to_list() == [0, 5, 10, None]
    assert out["pupils_exempted"].to_list() == [None, 15, 20, 5]
    assert out["per_1000_pupils"].to_list() == [0.0, 1.26, 1.44, None]


def test_a_rate_is_computed_from_the_rounded_count():
    # 7,000 pupils: 16 thuiszitters is 2.29 per 1,000 (to one decimal 2.3, which gives 16 back:
    # 2.25..2.35 per 1,000 of 7,000 is 15.75..16.45); rounded, 15 is 2.14 per 1,000
    exact = pl.DataFrame({"pupils_out_of_school": [16, 0, None],
                          "per_1000_pupils": [16 * 1000 / 7000, 0.0, None],
                          "pupils_exempted": [5, 5, 5]})
    out = rates_of_rounded(exact, rounded(exact, "out_of_school"), "out_of_school")
    assert out["pupils_out_of_school"].to_list() == [15, 0, None]
    assert out["per_1000_pupils"].to_list() == [pytest.approx(15 * 1000 / 7000), 0.0, None]


@pytest.fixture(scope="module")
def public(demo_db: Path, session_env) -> Report:
    return build_public(role="kwaliteit", db=demo_db, generated_at=GENERATED_AT)


def test_every_count_is_the_bestuur_count_rounded(public: Report, demo_db: Path):
    for spec, section in zip(FIGURES, public.sections, strict=True):
        exact = run_query(spec.query, {}, role="bestuur", db=demo_db).filter(
            pl.col("school_year") <= public.school_year)
        for header, column in section.sources.items():
            if column in count_columns(spec.query):
                want = [round_count(v) for v in exact[column].to_list()]
                assert section.table[header].to_list() == want, (spec.query, column)
                assert all(v is None or v % 5 == 0 for v in want)
        # suppressed for bestuur stays suppressed: never a figure the role does not get
        for column in exact.columns:
            if exact[column].null_count() and column in section.sources.values():
                header = next(h for h, c in section.sources.items() if c == column)
                assert section.table[header].null_count() >= exact[column].null_count()


def test_freshness_row_counts_are_rounded_too(public: Report):
    rows = public.freshness[freshness_columns()[3].header].drop_nulls().to_list()
    assert rows and all(v % 5 == 0 for v in rows)


def test_nothing_below_the_gemeente(public: Report):
    for spec, section in zip(FIGURES, public.sections, strict=True):
        query = describe(spec.query)
        assert section.params == {}  # no gemeente, school or need filter
        assert not {"school_id", "municipality_code"} & set(query.grain)
        assert not {"school_id", "school_name", "municipality_code"} & set(
            section.sources.values())


def test_the_sentences_speak_of_the_latest_year(public: Report, demo_db: Path):
    waiting = next(s for s in public.sections if s.key == "waiting")
    row = public_query("waiting_summary", demo_db).filter(
        pl.col("school_year") == public.school_year).row(0, named=True)
    share = f"{round(row['within_norm_share'] * 100)}%"
    assert waiting.intro.startswith(f"Van de ongeveer {row['decided']} aanvragen in "
                                    f"{public.school_year} kreeg {share} binnen 42 dagen")
    assert all(s.notes[0].startswith("Hoe lezen: ") for s in public.sections)


def test_a_figure_empty_after_suppression_says_so(demo_db: Path, isolated_env: Path):
    """With min_cell 100 the demo's thuiszitters (fewer than 100 a year) are all suppressed:
    that figure says so in words and has no chart; the waiting times (hundreds of decisions a
    year) still show."""
    config = isolated_env / "pib.toml"
    text = config.read_text(encoding="utf-8").replace("min_cell = 5", "min_cell = 100")
    assert "min_cell = 100" in text
    config.write_text(text, encoding="utf-8")
    sections = {s.key: s for s in build_public(db=demo_db).sections}
    assert sections["out_of_school"].intro == label("pub_empty")
    assert sections["out_of_school"].figure is None
    assert sections["waiting"].intro != label("pub_empty")
    assert sections["waiting"].figure is not None


class _Cells(HTMLParser):
    """The number cells of an exported html file: {query: {column: [data-value, ...]}}."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: dict[str, dict[str, list[str]]] = {}
        self.query = ""
        self.sources: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section":
            self.query = attrs["data-query"]
        elif tag == "td" and "data-column" in attrs:
            self.cells.setdefault(self.query, {}).setdefault(attrs["data-column"], []).append(
                attrs["data-value"])
        elif tag == "script" and attrs.get("src"):
            self.sources.append(attrs["src"])


def test_html_export_read_back_equals_the_rounded_queries(public: Report, demo_db: Path,
                                                          tmp_path: Path):
    path = write_report(public, "html", tmp_path / "publiek.html")
    text = path.read_text(encoding="utf-8")
    assert is_report(path, "html")
    parser = _Cells()
    parser.feed(text)
    assert parser.sources == []  # no script from elsewhere: plotly is embedded
    assert "Plotly.newPlot" in text
    assert len(parser.cells) == len(FIGURES)
    for spec in FIGURES:
        frame = public_query(spec.query, demo_db).filter(
            pl.col("school_year") <= public.school_year)
        for column, values in parser.cells[spec.query].items():
            want = ["" if v is None else str(v) for v in frame[column].to_list()]
            assert values == want, (spec.query, column)
    for section in public.sections:
        assert section.intro in text.replace("&#x27;", "'")
    assert updated_until(public) in text


def test_pdf_export_read_back(public: Report, tmp_path: Path):
    path = write_report(public, "pdf", tmp_path / "publiek.pdf")
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    assert len(reader.pages) >= len(public.sections) + 1
    assert sum(len(page.images) for page in reader.pages) == len(public.sections)
    for section in public.sections:
        assert section.title in text
    flat = " ".join(text.split())
    waiting = next(s for s in public.sections if s.key == "waiting")
    assert " ".join(waiting.intro.split()) in flat
    decided = next(h for h, c in waiting.sources.items() if c == "decided")
    for value in waiting.table[decided].drop_nulls():
        assert str(value) in text


def test_build_report_knows_publiek(demo_db: Path, session_env):
    report = build_report("publiek", None, role="beheer", db=demo_db)
    assert report.kind == "publiek" and report.query_role == "bestuur"


def test_cli_export_publiek(demo_db: Path, tmp_path: Path):
    runner = CliRunner()
    out = tmp_path / "publiek.html"
    args = ["export", "--report", "publiek", "--db", str(demo_db), "--out", str(out)]
    result = runner.invoke(app, [*args, "--format", "html"])
    assert result.exit_code == 0, result.output
    assert "afgerond op vijftallen" in result.output
    assert is_report(out, "html")
    again = runner.invoke(app, [*args, "--format", "html"])  # its own report: overwritten
    assert again.exit_code == 0, again.output
    wrong = runner.invoke(app, [*args, "--format", "xlsx"])
    assert wrong.exit_code == 2
    assert "kies html of pdf" in wrong.output
    other = tmp_path / "notes.html"
    other.write_text("<!DOCTYPE html><p>mijn eigen pagina</p>", encoding="utf-8")
    refused = runner.invoke(app, ["export", "--report", "publiek", "--format", "html",
                                  "--db", str(demo_db), "--out", str(other)])
    assert refused.exit_code == 1
    assert other.read_text(encoding="utf-8") == "<!DOCTYPE html><p>mijn eigen pagina</p>"
    school = runner.invoke(app, [*args, "--format", "html", "--role", "school"])
    assert school.exit_code == 2


def test_flemish_words_in_the_flemish_profile(demo_db: Path, isolated_env: Path):
    config = isolated_env / "pib.toml"
    text = config.read_text(encoding="utf-8")
    assert 'terminology = "nl"' in text
    config.write_text(text.replace('terminology = "nl"', 'terminology = "vl"'), encoding="utf-8")
    report = build_public(db=demo_db)
    words = " ".join([report.subtitle.replace(report.organisation, ""), report.privacy_note]
                     + [" ".join([s.title, s.intro, *s.notes, *s.table.columns])
                        for s in report.sections]).lower()
    assert "problematische afwezigheid" in words and "beslissing" in words
    for dutch in ("samenwerkingsverband", "ondersteuningsplanraad", "aanvragen", "thuiszitter"):
        assert dutch not in words, dutch
