"""Render `docs/data-model.md` from the canonical schema (`make docs`)."""

from __future__ import annotations

from etl.schema import DUCKDB_TYPES, ENTITIES, LINEAGE


def _column_row(c) -> str:
    rules = []
    if c.codes:
        rules.append("one of " + ", ".join(f"`{v}`" for v in c.codes))
    if c.minimum is not None:
        rules.append(f"≥ {c.minimum:g}")
    if c.default is not None:
        rules.append(f"default `{str(c.default).lower()}`")
    if c.pseudonymised:
        rules.append("stored as keyed pseudonym")
    required = "yes" if c.required else "no"
    return (f"| `{c.name}` | {c.kind} ({DUCKDB_TYPES[c.kind]}) | {required} | {c.doc} | "
            f"{'; '.join(rules)} |")


def render_data_model() -> str:
    lines = [
        "# Data model",
        "",
        "Generated from `etl/schema.py` by `make docs`; do not edit by hand.",
        "Each entity is a canonical input file (`<entity>*.csv` or `.xlsx`) and a warehouse table",
        "of the same name. Every table also has the lineage columns "
        + ", ".join(f"`{c.name}` ({c.doc})" for c in LINEAGE) + ".",
        "",
        "Row rules: a required value is present; a code is in its list; dates are real calendar",
        "dates (`YYYY-MM-DD`, `DD-MM-YYYY` or `DD/MM/YYYY`); numbers are not below their minimum;",
        "the key is unique within the file; plus the entity rules listed below. A row that breaks",
        "a rule is stored in `quarantine` with file, line, column, reason and raw values.",
    ]
    for e in ENTITIES.values():
        lines += [
            "", f"## `{e.name}`", "", e.doc, "",
            f"Key: {', '.join(f'`{k}`' for k in e.key)}.", "",
            "| column | type | required | meaning | rules |",
            "| --- | --- | --- | --- | --- |",
            *[_column_row(c) for c in e.columns],
        ]
        if e.rules:
            lines += ["", "Entity rules:", *[
                f"- `{r.name}`: {', '.join(r.columns)} {r.reason}." for r in e.rules
            ]]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render_data_model(), end="")
