"""Render `docs/kpis.md` from the SQL headers and the prose of `queries/kpis_template.md`.

`python -m queries.docs > docs/kpis.md` (`make docs`). The template is Markdown with one line
`{{query NAME}}` per query of `queries/*.sql` and `{{model NAME}}` per model of
`etl/models/*.sql`; each such line becomes that query's or model's section, built from its
header only. Every query and model must appear exactly once, or ValueError names the ones
missing, unknown or repeated.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from etl.models import Model, models
from queries.layer import Query, describe, list_queries

TEMPLATE = Path(__file__).with_name("kpis_template.md")
_PLACEHOLDER = re.compile(r"\{\{(query|model) (\w+)\}\}")
_NO_SUPPRESSION = re.compile(r"(?:^|\.\s+)([^.]*\bno suppression\.)")


def _code(names) -> str:
    return ", ".join(f"`{n}`" for n in names)


def _quote(text: str) -> list[str]:
    return textwrap.wrap(text, width=100, initial_indent="> ", subsequent_indent="> ",
                         break_on_hyphens=False, break_long_words=False)


def _param(p) -> str:
    if p.required:
        kind = "verplicht / required"
    elif p.default is None:
        kind = "optioneel / optional"
    else:
        kind = f"standaard / default `{p.default}`"
    return f"`{p.name}` ({p.type}, {kind})"


def _suppression(q: Query) -> str:
    if q.suppress:
        return "; ".join(
            f"`{s.count}` → {_code(s.derived)}" if s.derived else f"`{s.count}`"
            for s in q.suppress)
    found = _NO_SUPPRESSION.search(q.definition)
    return "geen / none" + (f" — {found[1].strip()}" if found else "")


def render_query(q: Query) -> list[str]:
    """The Markdown section of one query: title, Dutch and English definitions, a table of its
    audience, numerator, denominator, time basis, grain, columns, parameters and suppression,
    then its note and why when the header has them."""
    rows = [("Voor / for", ", ".join(q.audience)),
            ("Teller / numerator", q.numerator),
            ("Noemer / denominator", q.denominator),
            ("Tijdsbasis / time basis", q.time_basis),
            ("Eén rij per / grain", _code(q.grain) if q.grain else "één rij / one row"),
            ("Kolommen / columns", _code(q.columns)),
            ("Parameters", "; ".join(map(_param, q.params)) or "geen / none"),
            ("Onderdrukking / suppression", _suppression(q))]
    lines = [
        f"### `{q.name}`", "",
        f"*{q.title[:1].upper()}{q.title[1:]}* — {q.titel}.", "",
        f"**NL.** {q.definitie}", "",
        "**EN** (the definition in the SQL header):", "",
        *_quote(q.definition), "",
        "| | |", "| --- | --- |",
        *[f"| {key} | {value} |" for key, value in rows if value],
    ]
    if q.note:
        lines += ["", f"**Let op / note.** {q.note}"]
    if q.why:
        lines += ["", f"**Waarom / why.** {q.why}"]
    return lines


def render_model(m: Model) -> list[str]:
    """The heading of one model table and its definition, quoted on one line."""
    return [f"### model `{m.name}`", "", f"*{m.title[:1].upper()}{m.title[1:]}*", "",
            f"> {m.definition}"]


def render_kpis(template: str | None = None) -> str:
    """docs/kpis.md: the template with every placeholder replaced by its section."""
    text = TEMPLATE.read_text(encoding="utf-8") if template is None else template
    sections = {("query", name): render_query(describe(name)) for name in list_queries()}
    sections |= {("model", m.name): render_model(m) for m in models()}
    used: list[tuple[str, str]] = []
    out: list[str] = []
    for line in text.splitlines():
        found = _PLACEHOLDER.fullmatch(line.strip())
        if not found:
            out.append(line)
            continue
        used.append((found[1], found[2]))
        out += sections.get(used[-1], [])
    problems = [f"{kind} {name} missing" for kind, name in sections if (kind, name) not in used]
    problems += [f"unknown {kind} {name}" for kind, name in used if (kind, name) not in sections]
    problems += [f"{kind} {name} repeated" for kind, name in sorted(set(used))
                 if used.count((kind, name)) > 1]
    if problems:
        raise ValueError(f"{TEMPLATE.name}: " + "; ".join(problems))
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(render_kpis(), end="")
