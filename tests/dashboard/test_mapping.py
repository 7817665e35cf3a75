"""Bronprofielen: upload an unseen export, map columns and values on the page, see the dry
run quarantine an untranslated value, save a profile load_profile reads, load the file
(audited); only kwaliteit and beheer get the page."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.access import audit_log
from dashboard.labels import label
from etl.profiles import load_profile
from tests.conftest import ROOT
from tests.dashboard.apptest import metrics, open_app
from tests.etl.profiles.test_engine import UNSEEN

OPEN = "\x00open"
SOURCE = {"request_type": "Soort aanvraag", "need_category": "Hulpvraag", "decision": "Besluit"}
CHOSEN = {("request_type", "Sbo-plaatsing"): "admission_sbo",
          ("need_category", "Gedrag"): "behaviour", ("need_category", "Leren"): "learning",
          ("decision", "Akkoord"): "granted", ("decision", "Niet akkoord"): "rejected"}


def value_box(at: AppTest, column: str, value: str):
    return at.selectbox(key=f"map_val_referrals_{column}_{SOURCE[column]}_{value}")


def uploaded(role: str = "kwaliteit") -> AppTest:
    at = open_app("mapping.py", role=role)
    assert label("map_upload_hint") in [i.value for i in at.info]
    at.file_uploader(key="map_upload").set_value(
        ("loket.csv", UNSEEN.encode("cp1252"), "text/csv")).run()
    at.selectbox(key="map_entity").set_value("referrals").run()
    assert not at.exception, at.exception
    return at


def test_map_preview_save_and_load(warehouse):
    at = uploaded()
    # pre-filled from the draft: columns by synonym, a value that already is a code
    assert at.selectbox(key="map_col_referrals_decision").value == "Besluit"
    assert at.selectbox(key="map_col_referrals_referral_id").value == "Dossiernr"
    assert value_box(at, "request_type", "Arrangement").value == "arrangement"
    assert value_box(at, "request_type", "Sbo-plaatsing").value == OPEN
    assert label("map_header_found", row=3, n=9) in [c.value for c in at.caption]
    for (column, value), code in CHOSEN.items():
        value_box(at, column, value).set_value(code)
    at.run()
    # Consultatie is left untranslated: row A-3 (line 6) would be quarantined, naming it
    shown = metrics(at)
    assert (shown[label("map_rows_read")], shown[label("map_would_load")],
            shown[label("map_would_quarantine")]) == ("3", "2", "1")
    loads, rejected = at.dataframe[1].value, at.dataframe[2].value
    assert loads["referral_id"].tolist() == ["A-1", "A-2"]
    assert loads["request_type"].tolist() == ["admission_sbo", "arrangement"]
    assert rejected[label("dq_line")].tolist() == [6]
    assert rejected[label("dq_column")].tolist() == ["request_type"]
    assert "Consultatie" in rejected[label("dq_reason")][0]
    assert at.button(key="map_load").disabled  # not saved yet

    at.text_input(key="map_name").set_value("loket").run()
    at.button(key="map_save").click().run()
    assert not at.exception and not at.error
    profile = load_profile("loket")
    assert profile.path == warehouse.parent / "profiles" / "loket.toml"
    layout = profile.layouts[0]
    assert layout.header_row == 3 and layout.date_formats == ("%d-%m-%y",)
    assert layout.columns["need_category"] == "Hulpvraag"
    assert layout.values["request_type"] == {"Arrangement": "arrangement",
                                             "Sbo-plaatsing": "admission_sbo"}
    assert layout.values["decision"] == {"Akkoord": "granted", "Niet akkoord": "rejected"}

    at.button(key="map_load").click().run()
    assert not at.exception and not at.error
    assert label("map_loaded", loaded=2, quarantined=1) in [s.value for s in at.success]
    event = audit_log(5)[0]
    assert event[2:4] == ("kwaliteit", "load")
    assert event[4] == ("bestand loket.csv, bronprofiel loket, 2 rij(en) geladen, 1 in "
                        "quarantaine")


def test_a_required_column_left_unmapped_says_so_and_a_shipped_name_is_flagged():
    at = uploaded(role="beheer")
    at.selectbox(key="map_col_referrals_received_on").set_value("").run()
    warning = " ".join(w.value for w in at.warning)
    assert "received_on" in warning and "verplichte kolom" in warning
    assert not at.metric  # no dry run of an incomplete profile
    at.selectbox(key="map_col_referrals_received_on").set_value("Datum aanmelding").run()
    at.text_input(key="map_name").set_value("indigo").run()
    assert label("map_overrides_shipped", name="indigo") in [i.value for i in at.info]
    at.text_input(key="map_name").set_value("Mijn Profiel").run()
    at.button(key="map_save").click().run()
    assert "Ongeldige profielnaam 'Mijn Profiel'" in at.error[0].value


@pytest.mark.parametrize("role", ["bestuur", "school"])
def test_bestuur_and_school_do_not_get_the_page(use_demo, role):
    at = AppTest.from_file(str(ROOT / "dashboard/app/main.py"), default_timeout=30)
    at.session_state["role"] = role
    at.session_state["school_ids"] = ["S001"]
    at.run()
    with pytest.raises(ValueError, match=r"mapping\.py"):
        at.switch_page("pages/mapping.py")
    page = AppTest.from_file(str(ROOT / "dashboard/app/pages/mapping.py"), default_timeout=30)
    page.session_state["role"] = role
    page.run()
    assert [e.value for e in page.error] == [label("forbidden")]
    assert not page.get("file_uploader")
