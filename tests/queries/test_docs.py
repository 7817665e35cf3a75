"""docs/kpis.md documents every query, with the English definition and the Dutch title and
definition of its SQL header verbatim."""

from __future__ import annotations

import re

from queries import describe, list_queries
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "kpis.md").read_text(encoding="utf-8")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"(?m)^> ?", "", text)).strip()


def _sections() -> dict[str, str]:
    parts = re.split(r"(?m)^### `(\w+)`\n", DOC)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_every_query_is_documented_and_every_documented_query_exists():
    assert sorted(_sections()) == sorted(list_queries())


def test_each_section_quotes_the_sql_definition_and_names_its_columns():
    sections = _sections()
    for name in list_queries():
        meta = describe(name)
        section = _flat(sections[name])
        assert _flat(meta.definition) in section, f"{name}: definition differs from the SQL"
        assert f"**NL.** {_flat(meta.definitie)}" in section, (
            f"{name}: the Dutch definitie differs from the **NL.** text of docs/kpis.md")
        assert f"— {_flat(meta.titel)}" in section, (
            f"{name}: the Dutch titel differs from the title of docs/kpis.md")
        for column in meta.columns:
            assert f"`{column}`" in section, (name, column)
