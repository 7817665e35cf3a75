"""A report as one self-contained HTML file (the public figures for a website).

No internet at view time: the Plotly library is embedded once (from the installed plotly
package, `plotly.offline.get_plotlyjs`), every chart is a `<div>` drawn by it, and the style
sheet is inline. Every number cell carries its figure in `data-value` (and its query column in
`data-column`), so the file can be read back and checked against `pib query`. A
`<meta name="generator" content="Passend in Beeld">` marks the file as a report of this product
(`dashboard.report.is_report`), so `--out` overwrites only such a file.
"""

from __future__ import annotations

import html
from pathlib import Path

import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from dashboard.charts import STATIC_CONFIG
from dashboard.formatting import text as formatted
from dashboard.labels import label
from dashboard.report.content import FigureGrid, Report, Section, suppressed_header
from dashboard.report.public import updated_until

GENERATOR = '<meta name="generator" content="Passend in Beeld">'
_STYLE = """
body{font-family:"DejaVu Sans",Arial,sans-serif;color:#212529;max-width:60rem;margin:0 auto;
padding:1rem 1.2rem 3rem;line-height:1.5}
header{background:#1f5f8b;color:#fff;padding:1.2rem 1.4rem;border-radius:.4rem}
header h1{margin:.2rem 0 .4rem;font-size:1.8rem}
header p{margin:.2rem 0}
.meta{color:#646a70;font-size:.9rem}
section{margin-top:2.2rem;border-top:1px solid #d2d6da;padding-top:.6rem}
h2{color:#1f5f8b;font-size:1.4rem;margin:.4rem 0}
.lead{font-size:1.1rem;font-weight:600}
.note{color:#646a70;font-size:.9rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.92rem}
th{background:#1f5f8b;color:#fff;text-align:left;padding:.3rem .6rem}
td{padding:.25rem .6rem;border-bottom:1px solid #d2d6da}
td.num{text-align:right}
tr:nth-child(even) td{background:#f4f6f8}
details{margin:.4rem 0}
footer{margin-top:2.5rem;color:#646a70;font-size:.85rem}
"""


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _chart(fig: go.Figure, div_id: str) -> str:
    return fig.to_html(full_html=False, include_plotlyjs=False, config=STATIC_CONFIG,
                       div_id=div_id)


def _table(section: Section) -> str:
    columns = [c for c in section.shown_columns if c != suppressed_header()]
    masks = (section.hidden.to_dicts() if section.hidden.height
             else [{} for _ in range(section.table.height)])
    head = "".join(f"<th>{_esc(c)}</th>" for c in columns)
    rows = []
    for record, mask in zip(section.table.to_dicts(), masks, strict=True):
        cells = []
        for column in columns:
            kind = section.kinds.get(column, "text")
            value = record[column]
            shown = formatted(None if mask.get(column) else value, kind)
            if kind == "text":
                cells.append(f"<td>{_esc(shown)}</td>")
            else:
                data = "" if value is None or mask.get(column) else _esc(value)
                cells.append(f'<td class="num" data-column="{_esc(section.sources[column])}" '
                             f'data-value="{data}">{_esc(shown)}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _section(section: Section, index: int) -> str:
    parts = [f'<section id="{_esc(section.key)}" data-query="{_esc(section.query)}">',
             f"<h2>{_esc(section.title)}</h2>",
             f'<p class="lead">{_esc(section.intro)}</p>']
    if isinstance(section.figure, go.Figure):
        parts.append(_chart(section.figure, f"chart-{index}"))
    elif isinstance(section.figure, FigureGrid):
        parts += [_chart(f, f"chart-{index}-{i}") for i, f in enumerate(section.figure.figures)]
    parts += [f'<p class="note">{_esc(note)}</p>' for note in section.notes]
    if section.table.height:
        parts.append(f"<details><summary>{_esc(label('pub_table'))}</summary>"
                     f"{_table(section)}</details>")
    parts.append(f'<p class="note">{_esc(label("rpt_definition", title=section.query_title))} '
                 f"{_esc(section.definition)}</p>")
    parts.append("</section>")
    return "\n".join(parts)


def _footer(report: Report) -> str:
    return label("rpt_pdf_footer", when=f"{report.generated_at:%d-%m-%Y %H:%M}",
                 min_cell=report.min_cell)


def report_html(report: Report, freshness: str) -> str:
    """The whole report as one HTML document; `freshness` is its line on how fresh the data
    is (e.g. "Gegevens bijgewerkt tot 12-03-2026.")."""
    body = "\n".join(_section(s, i) for i, s in enumerate(report.sections))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"{GENERATOR}<title>{_esc(report.title)} · {_esc(report.organisation)}</title>"
        f"<style>{_STYLE}</style>"
        f'<script type="text/javascript">{get_plotlyjs()}</script></head><body>'
        f"<header><p>{_esc(report.organisation)}</p><h1>{_esc(report.title)}</h1>"
        f"<p>{_esc(report.subtitle)}</p></header>"
        f'<p class="meta" id="freshness">{_esc(freshness)} '
        f'{_esc(label("pub_year_note", year=report.school_year))}</p>'
        f"<p>{_esc(label('pub_intro'))}</p>"
        f"{body}"
        f"<footer><p>{_esc(report.privacy_note)}</p>"
        f"<p>{_esc(_footer(report))}</p>"
        "</footer></body></html>\n"
    )


def write_html(report: Report, path: str | Path) -> None:
    """Write the report as one self-contained HTML file."""
    Path(path).write_text(report_html(report, updated_until(report)), encoding="utf-8")


__all__ = ["GENERATOR", "report_html", "write_html"]
