"""AppTest helpers shared by the page tests: open a page through the entry file, read back
metrics and Plotly specs."""

from __future__ import annotations

import base64
import json

import numpy as np
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def open_app(page_file: str, role: str | None = None, **params: str) -> AppTest:
    """Run the entry file first (so the sidebar filters read the URL), then switch to a page."""
    # A suppressed role's first question runs its whole disclosure bundle (queries/disclosure.py:
    # every filter value of the query and of the queries tied to it): minutes on a busy machine.
    at = AppTest.from_file(str(ROOT / "dashboard/app/main.py"), default_timeout=300)
    for key, value in params.items():
        at.query_params[key] = value
    if role:
        at.session_state["role"] = role
    at.run()
    at.switch_page(f"pages/{page_file}").run()
    assert not at.exception, at.exception
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def charts(at: AppTest) -> dict[str, dict]:
    """Plotly specs by chart key (the element id ends with the key)."""
    return {c.proto.id.rsplit("-", 1)[-1]: json.loads(c.proto.spec)
            for c in at.get("plotly_chart")}


def values(data: object) -> list:
    """A trace array (also when Plotly encoded it as typed binary `bdata`); NaN as None."""
    if isinstance(data, dict) and "bdata" in data:
        data = np.frombuffer(base64.b64decode(data["bdata"]), dtype=data["dtype"]).tolist()
    return [None if isinstance(v, float) and v != v else v for v in data]  # NaN: empty
