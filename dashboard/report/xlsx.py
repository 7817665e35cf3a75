"""A report as an Excel workbook (xlsxwriter): a cover sheet and one sheet per section.

Nothing from the data can become a formula or a link: every string goes through
`write_string`, and the workbook is opened with `strings_to_formulas` etc. switched off too.
"""

from __future__ import annotations

import textwrap
from datetime import date, datetime
from pathlib import Path

import polars as pl
import xlsxwriter

from dashboard.formatting import excel_format, excel_value, text
from dashboard.labels import label
from dashboard.report.content import Report, Section, freshness_kinds, suppressed_header

HEADER_ROW = 3  # title, intro, blank, then the table header
WRAP = 110  # characters per line of definition text
HIDDEN_FILL = "#D9D9D9"
GAP_FILL = "#FCE4D6"


class _Formats:
    def __init__(self, wb: xlsxwriter.Workbook) -> None:
        self.wb = wb
        self.title = wb.add_format({"bold": True, "font_size": 15, "font_color": "#1f5f8b"})
        self.subtitle = wb.add_format({"italic": True, "font_color": "#444444"})
        self.header = wb.add_format({
            "bold": True, "font_color": "#FFFFFF", "bg_color": "#1f5f8b", "border": 1,
            "border_color": "#BFBFBF", "text_wrap": True, "valign": "top",
        })
        self.key = wb.add_format({"bold": True, "valign": "top"})
        self.text = wb.add_format({"valign": "top"})
        self.wrap = wb.add_format({"text_wrap": True, "valign": "top"})
        self.bold = wb.add_format({"bold": True})
        self.note = wb.add_format({"italic": True, "font_color": "#595959"})
        self.link = wb.add_format({"font_color": "#1f5f8b", "underline": 1})
        self._cache: dict[tuple, object] = {}

    def cell(self, kind: str, *, signed: bool = False, fill: str | None = None):
        key = (kind, signed, fill)
        if key not in self._cache:
            props: dict[str, object] = {"border": 1, "border_color": "#D9D9D9"}
            if (num_format := excel_format(kind, change=signed)) is not None:
                props["num_format"] = num_format
            if fill:
                props["bg_color"] = fill
            self._cache[key] = self.wb.add_format(props)
        return self._cache[key]


def _put(ws, row: int, col: int, value: object, kind: str, fmt, signed: bool = False) -> None:
    """One cell, typed: strings always as text (never a formula), numbers as numbers with the
    number format that shows what `formatting.text` writes."""
    if value is None:
        ws.write_blank(row, col, None, fmt)
    elif kind == "flag" or isinstance(value, bool):
        ws.write_string(row, col, text(value, "flag"), fmt)
    elif isinstance(value, datetime | date):
        if not isinstance(value, datetime):
            value = datetime(value.year, value.month, value.day)
        ws.write_datetime(row, col, value, fmt)
    elif isinstance(value, int | float):
        ws.write_number(row, col, excel_value(value, kind, change=signed), fmt)
    else:
        ws.write_string(row, col, str(value), fmt)


def _width(header: str, values: list[object], kind: str) -> float:
    longest = max((len(text(v, kind)) for v in values), default=0)
    head = max((len(w) for w in header.split()), default=0)
    return float(min(max(longest + 2, head + 2, 10, min(len(header), 24) + 2), 60))


def _table(ws, fm: _Formats, row: int, table: pl.DataFrame, kinds: dict[str, str],
           columns: list[str], hidden: pl.DataFrame | None = None,
           highlight: str | None = None) -> int:
    """Write a header and rows at `row`; the next free row."""
    for col, header in enumerate(columns):
        ws.write_string(row, col, header, fm.header)
    rows = table.to_dicts()
    hide = hidden.to_dicts() if hidden is not None and hidden.height else [{}] * len(rows)
    for i, (record, mask) in enumerate(zip(rows, hide, strict=True), start=1):
        emphasis = GAP_FILL if highlight and record.get(highlight) else None
        for col, header in enumerate(columns):
            kind = kinds.get(header, "text")
            signed = kind == "mixed_signed"
            if kind in ("mixed", "mixed_signed"):
                kind = record.get("_kind") or "text"
            fill = HIDDEN_FILL if mask.get(header) else emphasis
            _put(ws, row + i, col, record[header], kind, fm.cell(kind, signed=signed, fill=fill),
                 signed)
    for col, header in enumerate(columns):
        kind = kinds.get(header, "text")
        ws.set_column(col, col, _width(header, table[header].to_list(), kind))
    return row + len(rows) + 1


def _lines(ws, fm: _Formats, row: int, text: str, fmt=None) -> int:
    for line in textwrap.wrap(text, WRAP) or [""]:
        ws.write_string(row, 0, line, fmt or fm.text)
        row += 1
    return row


def _section_sheet(wb: xlsxwriter.Workbook, fm: _Formats, report: Report, section: Section,
                   name: str) -> None:
    ws = wb.add_worksheet(name)
    ws.write_string(0, 0, section.title, fm.title)
    ws.write_string(1, 0, section.intro, fm.subtitle)
    columns = section.shown_columns
    if section.table.height == 0:
        ws.write_string(HEADER_ROW, 0, label("rpt_no_rows"), fm.note)
        row = HEADER_ROW + 2
    else:
        row = _table(ws, fm, HEADER_ROW, section.table, section.kinds, columns, section.hidden,
                     section.highlight)
        ws.freeze_panes(HEADER_ROW + 1, 0)
        ws.autofilter(HEADER_ROW, 0, row - 1, len(columns) - 1)
        row += 1
    ws.write_string(row, 0, label("rpt_definition", title=section.query_title), fm.bold)
    row = _lines(ws, fm, row + 1, section.definition)
    row = _lines(ws, fm, row, section.source, fm.note)
    for note in section.notes:
        row = _lines(ws, fm, row, note, fm.note)
    if section.any_hidden:
        row = _lines(ws, fm, row, label("rpt_hidden_note_xlsx", min_cell=report.min_cell,
                                        column=suppressed_header()), fm.note)
    if section.highlight:
        row = _lines(ws, fm, row, label("rpt_gap_note_xlsx"), fm.note)
    _lines(ws, fm, row, label("rpt_footer", organisation=report.organisation,
                              title=report.title, year=report.school_year,
                              when=f"{report.generated_at:%d-%m-%Y %H:%M}"), fm.note)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(HEADER_ROW)
    ws.set_footer("&L&8" + _escape(report.organisation) + "&R&8"
                  + _escape(label("rpt_page", page="\x00P", pages="\x00N")).replace("\x00", "&"))


def _escape(text: str) -> str:
    return text.replace("&", "&&")


def _quote(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _cover(wb: xlsxwriter.Workbook, fm: _Formats, report: Report,
           sheets: list[tuple[str, Section]]) -> None:
    ws = wb.add_worksheet(label("rpt_cover_sheet"))
    ws.set_column(0, 0, 24)
    ws.set_column(1, 1, 100)
    ws.write_string(0, 0, report.title, fm.title)
    ws.write_string(1, 0, report.subtitle, fm.subtitle)
    row = 3
    for key, value in report.cover_rows:
        ws.write_string(row, 0, key, fm.key)
        ws.write_string(row, 1, value, fm.wrap)
        row += 1
    row += 1
    ws.write_string(row, 0, label("rpt_contents"), fm.title)
    row += 1
    for name, section in sheets:
        ws.write_url(row, 0, f"internal:{_quote(name)}!A1", fm.link, string=name)
        ws.write_string(row, 1, label("rpt_contents_item", title=section.title,
                                      query=section.query), fm.text)
        row += 1
    row += 1
    ws.write_string(row, 0, label("rpt_data"), fm.title)
    ws.write_string(row + 1, 0, label("rpt_data_note"), fm.subtitle)
    columns = report.freshness.columns
    row = _table(ws, fm, row + 2, report.freshness, freshness_kinds(), columns)
    ws.set_column(0, 0, 24)
    ws.set_column(1, 1, 100)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)


def write_xlsx(report: Report, path: str | Path) -> None:
    """Write the workbook; the same report (same generated_at) gives the same bytes."""
    wb = xlsxwriter.Workbook(str(path), {
        "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
        "nan_inf_to_errors": True, "remove_timezone": True,
    })
    wb.set_properties({
        "title": f"{report.title} {report.school_year}", "subject": report.subtitle,
        "author": "Passend in Beeld", "company": report.organisation,
        "created": report.generated_at,
        "comments": report.privacy or label("rpt_comments", role=report.query_role,
                                            min_cell=report.min_cell),
    })
    fm = _Formats(wb)
    sections = list(report.sections) + ([report.loads] if report.loads else [])
    names: list[tuple[str, Section]] = []
    used = {label("rpt_cover_sheet").lower()}
    for section in sections:
        name, n = section.sheet, 2
        while name.lower() in used:
            suffix = f" ({n})"
            name, n = section.sheet[: 31 - len(suffix)] + suffix, n + 1
        used.add(name.lower())
        names.append((name, section))
    _cover(wb, fm, report, names)
    for name, section in names:
        _section_sheet(wb, fm, report, section, name)
    wb.close()
