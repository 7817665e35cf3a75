"""The PDF export: text, pages and embedded charts (one render per report kind), and clear
Dutch errors when Chromium or the font is missing."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from dashboard.formatting import euro
from dashboard.report import ReportError, write_report
from dashboard.report import pdf as pdf_module
from etl.settings import get_settings


def pdf_text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def image_count(reader: PdfReader) -> int:
    return sum(len(page.images) for page in reader.pages)


def test_inspection_pdf(inspection, tmp_path):
    path = write_report(inspection, "pdf", tmp_path / "inspectie.pdf")
    reader = PdfReader(path)
    text = pdf_text(reader)
    assert len(reader.pages) >= len(inspection.sections) + 1
    assert reader.metadata.title == f"Inspectiedossier passend onderwijs {inspection.school_year}"
    for section in inspection.sections:
        assert section.title in text, section.title
        assert f"pib query {section.query} --role bestuur" in text
    assert get_settings().organisation in text
    assert "Gegevens en verantwoording" in text
    assert "01-09-2025 10:00" in text
    assert re.search(r"pagina 2 van \d+", text)
    # Dutch number formatting of a known figure: the first median of the waiting table
    waiting = next(s for s in inspection.sections if s.key == "waiting_times")
    median = waiting.table["Mediane wachttijd (dagen)"].drop_nulls()[0]
    assert f"{median:.1f}".replace(".", ",") in text
    # suppressed cells are marked and explained
    assert "x = onderdrukt (privacy): een groep van minder dan" in text
    charts = sum(1 for s in inspection.sections if s.figure is not None)
    assert charts >= 5 and image_count(reader) == charts


def test_board_pdf_has_a_chart_per_target(board, tmp_path):
    path = write_report(board, "pdf", tmp_path / "bestuur.pdf")
    reader = PdfReader(path)
    text = pdf_text(reader)
    assert "Bestuursrapportage passend onderwijs" in text and "Kerncijfers" in text
    assert "op koers" in text
    # a trend chart per target, then the figures of the tables after the key figures
    tables = [s for s in board.sections[1:] if s.figure is not None]
    assert [s.key for s in tables] == ["lead_times", "finance_years"]
    assert image_count(reader) == len(get_settings().targets) + len(tables)
    for section in board.sections[2:]:
        assert section.title in text, section.title
    # money: a reserve below the signaleringswaarde reads '€ −75.000', never '€ -75.000'
    finance = next(s for s in board.sections if s.key == "finance_years")
    below = [v for v in finance.table["Reserve min signaleringswaarde"] if v is not None and v < 0]
    assert below  # the demo's story has a year below and a year above
    for value in below:
        assert euro(value) in text and euro(value).startswith("€ \u2212")
    assert "€ -" not in text
    assert len(reader.pages) <= 12


def test_missing_chromium_is_a_dutch_error_and_writes_nothing(board, tmp_path, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "geen-chromium"))
    target = tmp_path / "bestuur.pdf"
    with pytest.raises(ReportError, match=r"BROWSER_PATH wijst naar .*Chromium"):
        write_report(board, "pdf", target)
    assert list(tmp_path.iterdir()) == []


def test_missing_font_is_a_dutch_error(board, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_module, "FONT_DIRS", (tmp_path / "fonts",))
    monkeypatch.setenv("PIB_FONT_DIR", str(tmp_path / "ook-niet"))
    with pytest.raises(ReportError, match=r"lettertype DejaVu Sans ontbreekt.*fonts-dejavu-core"):
        write_report(board, "pdf", tmp_path / "bestuur.pdf")
    assert not (tmp_path / "bestuur.pdf").exists()
