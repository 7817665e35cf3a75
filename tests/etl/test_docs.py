"""docs/data-model.md is generated from the canonical schema and kept in sync (golden file)."""

from etl.docs import render_data_model
from tests.conftest import ROOT


def test_data_model_doc_is_up_to_date():
    assert (ROOT / "docs" / "data-model.md").read_text(encoding="utf-8") == render_data_model(), (
        "run `make docs`"
    )
