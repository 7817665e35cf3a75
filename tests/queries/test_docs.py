"""docs/kpis.md is generated from the SQL headers and queries/kpis_template.md (golden file)."""

from __future__ import annotations

import re

import pytest

from etl.models import models
from queries import describe, list_queries
from queries.docs import TEMPLATE, render_kpis
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "kpis.md").read_text(encoding="utf-8")


def test_kpis_doc_is_up_to_date():
    assert render_kpis() == DOC, "run `make docs`"


def test_every_query_and_model_has_one_section_with_its_header_text():
    sections = re.findall(r"(?m)^### `(\w+)`$", DOC)
    assert sorted(sections) == list_queries()
    assert re.findall(r"(?m)^### model `(\w+)`$", DOC) == [m.name for m in models()]
    waiting = DOC.split("### `waiting_times`")[1].split("\n### ")[0]
    meta = describe("waiting_times")
    assert f"— {meta.titel}." in waiting and f"**NL.** {meta.definitie}" in waiting
    assert "| Tijdsbasis / time basis | school year of `received_on`; undecided referrals " \
           "are left out (see `open_referrals`) |" in waiting
    assert "| Onderdrukking / suppression | `decided` → `median_days`, `p90_days`, " \
           "`within_norm_share` |" in waiting
    # a query without suppress lines quotes the sentence of its definition that says why
    assert "| Onderdrukking / suppression | geen / none — Public data: no suppression. |" in (
        DOC.split("### `participation`")[1])
    # the anchor the README links to (docs/kpis.md#modeltabellen--model-tables)
    assert "\n## Modeltabellen / model tables\n" in DOC


def test_the_template_must_place_every_query_and_model_once():
    template = TEMPLATE.read_text(encoding="utf-8")
    broken = (template.replace("{{query admissions}}", "{{query nope}}")
              .replace("{{model referral_flow}}", "{{model support_counts}}"))
    with pytest.raises(ValueError) as error:
        render_kpis(broken)
    assert str(error.value) == (
        "kpis_template.md: query admissions missing; model referral_flow missing; "
        "unknown query nope; model support_counts repeated")
