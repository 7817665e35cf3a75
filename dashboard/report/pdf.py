"""A report as PDF (fpdf2): cover with contents, one section per table, charts as PNG.

fpdf2 is pure Python; Dutch text needs a Unicode TrueType font: DejaVu Sans from Debian's
fonts-dejavu-core (`PIB_FONT_DIR` overrides the folder). Charts are rendered by kaleido in one
Chromium session per report (`render.py`).
"""

from __future__ import annotations

import copy
import io
import os
from pathlib import Path

import plotly.graph_objects as go
from fpdf import FPDF
from fpdf.fonts import FontFace

from dashboard.formatting import EMPTY
from dashboard.formatting import text as formatted
from dashboard.labels import label
from dashboard.report.content import (
    FigureGrid,
    Report,
    ReportError,
    Section,
    freshness_kinds,
    suppressed_header,
)
from dashboard.report.render import render_png

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
             Path("/usr/local/share/fonts/dejavu"))
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
MONO_FILE = "DejaVuSansMono.ttf"
ACCENT = (31, 95, 139)
INK = (33, 37, 41)
MUTED = (100, 106, 112)
RULE = (210, 214, 218)
ZEBRA = (244, 246, 248)
GAP = (252, 228, 214)
GOOD = (0, 122, 77)
BAD = (190, 60, 0)
MARGIN = 18.0
WIDE = (1000, 460)  # pixels of a full-width chart
SMALL = (620, 400)  # pixels of a chart in the two-column grid
SUPPRESSED_MARK = "x"


def font_dir() -> Path:
    """The folder with DejaVu Sans; ReportError (Dutch) when it is missing."""
    candidates = [Path(os.environ["PIB_FONT_DIR"])] if os.environ.get("PIB_FONT_DIR") else []
    candidates += FONT_DIRS
    for folder in candidates:
        if all((folder / name).is_file() for name in FONT_FILES.values()):
            return folder
    raise ReportError(label("rpt_no_font", searched=", ".join(str(c) for c in candidates)))


class _Pdf(FPDF):
    def __init__(self, report: Report, fonts: Path) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.report = report
        for style, name in FONT_FILES.items():
            self.add_font("DejaVu", style, str(fonts / name))
        mono = fonts / MONO_FILE
        self.add_font("DejaVuMono", "", str(mono if mono.is_file() else fonts / FONT_FILES[""]))
        self.set_margins(MARGIN, 20, MARGIN)
        self.set_auto_page_break(True, margin=18)
        self.set_font("DejaVu", size=10)
        self.set_text_color(*INK)
        self.set_draw_color(*RULE)
        self.set_lang("nl")
        self.set_title(f"{report.title} {report.school_year}")
        self.set_subject(report.subtitle)
        self.set_author(report.organisation)
        self.set_creator("Passend in Beeld")
        self.set_creation_date(report.generated_at)
        self.alias_nb_pages()

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(9)
        self.set_font("DejaVu", size=7.5)
        self.set_text_color(*MUTED)
        self.cell(self.epw / 2, 4, self.report.organisation)
        self.cell(self.epw / 2, 4, f"{self.report.title} · {self.report.school_year}",
                  align="R")
        self.set_draw_color(*ACCENT)
        self.set_line_width(0.4)
        self.line(MARGIN, 14.5, self.w - MARGIN, 14.5)
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.set_text_color(*INK)
        self.set_y(20)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVu", size=7.5)
        self.set_text_color(*MUTED)
        self.cell(self.epw * 0.75, 4, label(
            "rpt_pdf_footer", when=f"{self.report.generated_at:%d-%m-%Y %H:%M}",
            min_cell=self.report.min_cell))
        self.cell(self.epw * 0.25, 4, label("rpt_page", page=self.page_no(), pages="{nb}"),
                  align="R")
        self.set_text_color(*INK)

    # -- small helpers --------------------------------------------------------------------
    def text_block(self, text: str, size: float = 10, style: str = "", colour=INK,
                   height: float | None = None, font: str = "DejaVu") -> None:
        self.set_font(font, style, size)
        self.set_text_color(*colour)
        self.multi_cell(0, height or size * 0.5, text, align="L",
                        new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(*INK)

    def space_left(self) -> float:
        return self.page_break_trigger - self.y


# -- figures --------------------------------------------------------------------------------


def _for_print(fig: go.Figure, small: bool) -> go.Figure:
    printed = copy.deepcopy(fig)
    printed.update_layout(
        font={"size": 17 if small else 15, "family": "DejaVu Sans, sans-serif",
              "color": "#212529"},
        title={"font": {"size": 19}},
        margin={"l": 10, "r": 10, "t": 55, "b": 10},
        paper_bgcolor="white", plot_bgcolor="white",
    )
    return printed


def _figures(report: Report) -> list[tuple[go.Figure, dict]]:
    jobs = []
    for section in report.sections:
        if isinstance(section.figure, go.Figure):
            jobs.append((_for_print(section.figure, False),
                         {"width": WIDE[0], "height": WIDE[1], "scale": 2}))
        elif isinstance(section.figure, FigureGrid):
            jobs += [(_for_print(f, True), {"width": SMALL[0], "height": SMALL[1], "scale": 2})
                     for f in section.figure.figures]
    return jobs


# -- tables ---------------------------------------------------------------------------------


def _cell_text(value: object, kind: str, hidden: bool, signed: bool = False) -> str:
    if hidden:
        return SUPPRESSED_MARK
    return formatted(value, kind, change=signed)


def _grid(section: Section) -> tuple[list[str], list[list[str]], list[list[bool]], list[bool],
                                     list[str]]:
    """Headers, cell texts, suppressed flags, highlighted rows and alignments for a PDF table."""
    table, hidden = section.table, section.hidden
    columns = [c for c in (section.pdf_columns or section.shown_columns)
               if c != suppressed_header()]
    records = table.to_dicts()
    masks = hidden.to_dicts() if hidden.height else [{} for _ in records]
    if section.pdf_transpose:
        first, rest = columns[0], columns[1:]
        headers = [""] + [str(r[first]) for r in records]
        texts, flags = [], []
        for column in rest:
            kind = section.kinds.get(column, "text")
            texts.append([column] + [_cell_text(r[column], kind, bool(m.get(column)))
                                     for r, m in zip(records, masks, strict=True)])
            flags.append([False] + [bool(m.get(column)) for m in masks])
        return headers, texts, flags, [False] * len(texts), ["L"] + ["R"] * len(records)
    texts, flags, marked = [], [], []
    for record, mask in zip(records, masks, strict=True):
        row, row_flags = [], []
        for column in columns:
            kind = section.kinds.get(column, "text")
            signed = kind == "mixed_signed"
            if kind in ("mixed", "mixed_signed"):
                kind = record.get("_kind") or "text"
            row.append(_cell_text(record[column], kind, bool(mask.get(column)), signed))
            row_flags.append(bool(mask.get(column)))
        texts.append(row)
        flags.append(row_flags)
        marked.append(bool(section.highlight and record.get(section.highlight)))
    align = ["L" if section.kinds.get(c, "text") in ("text", "datetime") else "R"
             for c in columns]
    return columns, texts, flags, marked, align


def _widths(pdf: _Pdf, headers: list[str], rows: list[list[str]], size: float) -> list[float]:
    """Column widths: never narrower than the longest word of the header or the longest value;
    the room that is left goes to the columns whose header would otherwise wrap most."""
    pad = 3.2
    pdf.set_font("DejaVu", "B", size)
    head = [max((pdf.get_string_width(w) for w in h.split()), default=0) + pad for h in headers]
    full = [pdf.get_string_width(h) + pad for h in headers]
    pdf.set_font("DejaVu", "", size)
    body = [max((pdf.get_string_width(r[i]) for r in rows), default=0) * 1.15 + pad
            for i in range(len(headers))]  # 15% more: a value may be shown in bold
    room = pdf.epw - 0.01  # fpdf2 refuses a table a rounding error wider than the page
    minimum = [max(b, h) for b, h in zip(body, head, strict=True)]
    # Too wide: let the columns with long values wrap (never below their longest header word,
    # nor below 40% of their longest value), widest first.
    for i in sorted(range(len(minimum)), key=lambda k: -body[k]):
        excess = sum(minimum) - room
        if excess <= 0:
            break
        floor = max(head[i], body[i] * 0.4)
        minimum[i] = max(floor, minimum[i] - excess)
    wanted = [max(m, min(f, m * 1.8)) for m, f in zip(minimum, full, strict=True)]
    if sum(minimum) >= room:
        return [w * room / sum(minimum) for w in minimum]
    if sum(wanted) >= room:
        spare = room - sum(minimum)
        extra = [w - m for w, m in zip(wanted, minimum, strict=True)]
        return [m + e * spare / sum(extra) for m, e in zip(minimum, extra, strict=True)]
    if len(headers) >= 4:
        return [w * room / sum(wanted) for w in wanted]
    return wanted


def _draw_table(pdf: _Pdf, headers: list[str], rows: list[list[str]],
                flags: list[list[bool]], marked: list[bool], align: list[str],
                size: float = 8.5, status_column: int | None = None) -> None:
    widths = _widths(pdf, headers, rows, size)
    pdf.set_font("DejaVu", "", size)
    pdf.set_draw_color(*RULE)
    pdf.set_fill_color(*ZEBRA)  # fpdf2 fills zebra cells with the current fill colour too
    heading = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=ACCENT)
    with pdf.table(
        width=sum(widths), col_widths=widths, align="LEFT", text_align=align,
        headings_style=heading, line_height=size * 0.52, padding=(1.1, 1.4),
        borders_layout="HORIZONTAL_LINES", cell_fill_color=ZEBRA, cell_fill_mode="ROWS",
        v_align="MIDDLE", repeat_headings=1,
    ) as table:
        head = table.row()
        for header in headers:
            head.cell(header)
        for texts, row_flags, mark in zip(rows, flags, marked, strict=True):
            row = table.row()
            on_track, off_track = label("rpt_on_track"), label("rpt_off_track")
            for i, (text, hid) in enumerate(zip(texts, row_flags, strict=True)):
                style = None
                if hid:
                    style = FontFace(color=MUTED, fill_color=GAP if mark else None)
                elif mark:
                    style = FontFace(fill_color=GAP, emphasis="BOLD")
                elif i == status_column and text in (on_track, off_track):
                    style = FontFace(color=GOOD if text == on_track else BAD,
                                     emphasis="BOLD")
                row.cell(text, style=style)
    pdf.ln(2)


# -- sections -------------------------------------------------------------------------------


def _estimate(pdf: _Pdf, section: Section) -> float:
    height = 12 + 5 * (1 + len(section.intro) // 95)
    if isinstance(section.figure, go.Figure):
        height += pdf.epw * WIDE[1] / WIDE[0] + 4
    elif isinstance(section.figure, FigureGrid):
        rows = (len(section.figure.figures) + 1) // 2
        height += rows * ((pdf.epw / 2 - 2) * SMALL[1] / SMALL[0] + 3)
    rows = len(section.table.columns) if section.pdf_transpose else section.table.height
    height += 12 + rows * 5.4
    height += 14 + 3.6 * (len(section.definition) // 120 + 1)
    return height


def _section(pdf: _Pdf, report: Report, section: Section, images: list[bytes],
             first: bool) -> None:
    need = _estimate(pdf, section)
    at_top = pdf.y <= 21
    if not at_top and (first or need > pdf.space_left()):
        pdf.add_page()
    pdf.start_section(section.title, level=0)
    pdf.text_block(section.title, 15, "B", ACCENT, height=8)
    pdf.ln(1)
    pdf.text_block(section.intro, 9.5, "", INK, height=4.8)
    pdf.ln(3)
    if isinstance(section.figure, go.Figure):
        _image(pdf, images.pop(0), pdf.l_margin, pdf.epw, WIDE)
    if section.table.height == 0:
        pdf.text_block(label("rpt_no_rows"), 9.5, "I", MUTED)
    else:
        headers, rows, flags, marked, align = _grid(section)
        status_header = label("rpt_col_status")
        status = headers.index(status_header) if status_header in headers else None
        _draw_table(pdf, headers, rows, flags, marked, align, status_column=status)
    if isinstance(section.figure, FigureGrid):  # the board's small multiples under the table
        pdf.ln(2)
        _grid_images(pdf, [images.pop(0) for _ in section.figure.figures])
    _explain(pdf, report, section)


def _image(pdf: _Pdf, png: bytes, x: float, width: float, pixels: tuple[int, int]) -> None:
    height = width * pixels[1] / pixels[0]
    if height > pdf.space_left():
        pdf.add_page()
    pdf.image(io.BytesIO(png), x=x, y=pdf.y, w=width, h=height)
    pdf.set_y(pdf.y + height + 3)


def _grid_images(pdf: _Pdf, pngs: list[bytes]) -> None:
    gutter = 4
    width = (pdf.epw - gutter) / 2
    height = width * SMALL[1] / SMALL[0]
    for i in range(0, len(pngs), 2):
        if height > pdf.space_left():
            pdf.add_page()
        y = pdf.y
        for j, png in enumerate(pngs[i:i + 2]):
            pdf.image(io.BytesIO(png), x=pdf.l_margin + j * (width + gutter), y=y, w=width,
                      h=height)
        pdf.set_y(y + height + 3)


def _explain(pdf: _Pdf, report: Report, section: Section) -> None:
    """Legend, definition and source under a table, kept together."""
    lines = []
    if section.any_hidden:
        lines.append(label("rpt_hidden_note_pdf", mark=SUPPRESSED_MARK,
                           min_cell=report.min_cell, empty=EMPTY))
    if section.highlight:
        lines.append(label("rpt_gap_note_xlsx"))
    lines += list(section.notes)
    if pdf.space_left() < 30:
        pdf.add_page()
    for line in lines:
        pdf.text_block(line, 7.8, "I", MUTED, height=3.7)
    pdf.ln(1.5)
    pdf.set_draw_color(*RULE)
    pdf.line(pdf.l_margin, pdf.y, pdf.l_margin + 40, pdf.y)
    pdf.ln(1.5)
    pdf.text_block(label("rpt_definition", title=section.query_title), 7.8, "B", MUTED,
                   height=3.7)
    pdf.text_block(section.definition, 7.8, "", MUTED, height=3.7)
    pdf.ln(0.8)
    pdf.text_block(section.source, 7.2, "", MUTED, height=3.5, font="DejaVuMono")
    pdf.ln(4)


# -- cover, contents and appendix ----------------------------------------------------------


def _cover(pdf: _Pdf, report: Report) -> None:
    pdf.add_page()
    pdf.set_fill_color(*ACCENT)
    pdf.rect(0, 0, pdf.w, 70, style="F")
    pdf.set_xy(MARGIN, 20)
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("DejaVu", "B", 9)
    pdf.cell(0, 5, "PASSEND IN BEELD", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("DejaVu", "B", 23)
    pdf.multi_cell(0, 10, report.title, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.set_font("DejaVu", "", 10.5)
    pdf.multi_cell(0, 5.2, report.subtitle, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(MARGIN, 82)
    pdf.text_block(report.organisation, 15, "B", ACCENT, height=7.5)
    pdf.text_block(label("rpt_scope_year", year=report.school_year).capitalize(), 12.5, "",
                   INK, height=7)
    pdf.ln(4)
    for key, value in report.cover_rows[2:]:
        y = pdf.y
        pdf.set_font("DejaVu", "B", 8.5)
        pdf.set_text_color(*MUTED)
        pdf.set_xy(MARGIN, y)
        pdf.cell(42, 4.4, key)
        pdf.set_xy(MARGIN + 42, y)
        pdf.set_font("DejaVu", "", 8.5)
        pdf.set_text_color(*INK)
        pdf.multi_cell(pdf.epw - 42, 4.4, value, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.2)
    pdf.ln(5)
    pdf.insert_toc_placeholder(_contents, pages=1, reset_page_indices=False)


def _contents(pdf: _Pdf, outline) -> None:
    pdf.set_x(MARGIN)
    pdf.set_font("DejaVu", "B", 13)
    pdf.set_text_color(*ACCENT)
    pdf.cell(0, 8, label("rpt_contents"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(*ACCENT)
    pdf.line(MARGIN, pdf.y, pdf.w - MARGIN, pdf.y)
    pdf.ln(2)
    pdf.set_text_color(*INK)
    for number, entry in enumerate(outline, start=1):
        link = pdf.add_link(page=entry.page_number)
        pdf.set_font("DejaVu", "", 10)
        name = f"{number}.  {entry.name}"
        page = str(entry.page_number)
        dots_w = pdf.epw - pdf.get_string_width(name) - pdf.get_string_width(page) - 4
        dots = "." * max(int(dots_w / pdf.get_string_width(".")), 0)
        pdf.set_text_color(*INK)
        pdf.cell(pdf.get_string_width(name) + 2, 6.4, name, link=link)
        pdf.set_text_color(*RULE)
        pdf.cell(dots_w, 6.4, dots, align="C")
        pdf.set_text_color(*INK)
        pdf.cell(0, 6.4, page, align="R", link=link, new_x="LMARGIN", new_y="NEXT")


def _appendix(pdf: _Pdf, report: Report) -> None:
    pdf.add_page()
    pdf.start_section(label("rpt_accountability"), level=0)
    pdf.text_block(label("rpt_accountability"), 15, "B", ACCENT, height=8)
    pdf.ln(1)
    pdf.text_block(
        label("rpt_accountability_text", organisation=report.organisation)
        + report.privacy_note, 9.5, "", INK, height=4.8,
    )
    pdf.ln(3)
    pdf.text_block(label("rpt_fresh_heading"), 10.5, "B", INK, height=6)
    pdf.ln(1)
    fresh = report.freshness
    kinds = freshness_kinds()
    rows = [[_cell_text(r[c], kinds[c], False) for c in fresh.columns]
            for r in fresh.to_dicts()]
    align = ["L", "L", "L", "R"]
    _draw_table(pdf, fresh.columns, rows, [[False] * 4 for _ in rows], [False] * len(rows),
                align)
    if report.loads is not None and report.loads.table.height:
        pdf.ln(2)
        pdf.text_block(label("rpt_contents_item", title=report.loads.title,
                             query=report.loads.query), 10.5, "B", INK, height=6)
        pdf.text_block(report.loads.intro, 8.5, "", MUTED, height=4.2)
        pdf.ln(1)
        headers, texts, flags, marked, align = _grid(report.loads)
        _draw_table(pdf, headers, texts, flags, marked, align, size=7.5)
        pdf.text_block(report.loads.source, 7.2, "", MUTED, height=3.5, font="DejaVuMono")


def write_pdf(report: Report, path: str | Path) -> None:
    """Render the charts (one Chromium session) and write the PDF."""
    fonts = font_dir()
    images = render_png(_figures(report))
    pdf = _Pdf(report, fonts)
    _cover(pdf, report)
    for i, section in enumerate(report.sections):
        _section(pdf, report, section, images, first=i == 0)
    _appendix(pdf, report)
    pdf.output(str(path))


__all__ = ["font_dir", "write_pdf"]
