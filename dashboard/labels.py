"""Every UI text in one place: Dutch labels, with the Flemish profile's terms swapped in."""

from __future__ import annotations

from etl.settings import get_settings

_NL: dict[str, str] = {
    "app_title": "Passend in Beeld",
    "organisation": "samenwerkingsverband",
    "referral": "aanmelding",
    "referrals": "aanmeldingen",
    "admission": "toelaatbaarheidsverklaring (TLV)",
    "admissions": "TLV's",
    "out_of_school": "thuiszitters",
    "out_of_school_title": "Thuiszitters",
    "support": "ondersteuning",
    "municipality": "gemeente",
    "school_year": "schooljaar",
    "need_category": "ondersteuningsbehoefte",
    "all": "Alle",
    # pages
    "page_overview": "Overzicht",
    "page_coverage": "Dekkend aanbod",
    "page_waiting": "Wachttijden",
    "page_prevention": "Preventief en curatief",
    "page_out_of_school": "Thuiszitters",
    "page_outcomes": "Resultaten",
    "page_quality": "Datakwaliteit",
    "page_reports": "Rapportage",
    # common
    "filters": "Filters",
    "definition": "Definitie",
    "no_data": "Er zijn nog geen gegevens voor deze selectie.",
    "suppressed": "Te kleine groep: om leerlingen te beschermen tonen we dit aantal niet "
                  "(minder dan {min_cell}).",
    "freshness": "Gegevens bijgewerkt: {when}",
    "freshness_none": "Er zijn nog geen gegevens geladen. Laad ze met `pib load`.",
    "target": "doel",
    "vs_last_year": "t.o.v. vorig schooljaar",
    "download_csv": "Download CSV",
    # -- overview, coverage, prevention, reports pages --
    # -- waiting, out-of-school, outcomes, quality pages --
}

_VL: dict[str, str] = {
    "organisation": "ondersteuningsnetwerk",
    "referral": "ondersteuningsvraag",
    "referrals": "ondersteuningsvragen",
    "admission": "verslag buitengewoon onderwijs",
    "admissions": "verslagen",
    "out_of_school": "leerlingen met problematische afwezigheid",
    "out_of_school_title": "Problematische afwezigheid",
    "page_out_of_school": "Problematische afwezigheid",
}

CODES: dict[str, dict[str, str]] = {
    "need_category": {
        "learning": "Leren", "behaviour": "Gedrag", "communication": "Communicatie",
        "sensory": "Zintuiglijk", "physical": "Lichamelijk", "intellectual": "Verstandelijk",
        "psychiatric": "Psychiatrisch", "giftedness": "Hoogbegaafdheid", "other": "Overig",
    },
    "request_type": {
        "consultation": "Consultatie", "arrangement": "Arrangement",
        "admission_sbo": "TLV sbo", "admission_so": "TLV so", "admission_vso": "TLV vso",
        "other": "Overig",
    },
    "decision": {
        "granted": "Toegekend", "rejected": "Afgewezen", "withdrawn": "Ingetrokken",
        "referred": "Doorverwezen",
    },
    "prevention_level": {"preventive": "Preventief", "curative": "Curatief"},
    "goal_attainment": {
        "achieved": "Behaald", "partly": "Deels behaald", "not_achieved": "Niet behaald",
    },
    "destination": {
        "regular": "Regulier onderwijs", "sbo": "Speciaal basisonderwijs",
        "so": "Speciaal onderwijs", "vso": "Voortgezet speciaal onderwijs", "other": "Overig",
        "unknown": "Onbekend",
    },
    "out_of_school_kind": {
        "absolute_absence": "Absoluut verzuim", "long_relative_absence": "Langdurig relatief "
        "verzuim", "exemption": "Vrijstelling",
    },
    "entity": {
        "schools": "scholen", "enrolments": "leerlingaantallen", "offers": "aanbod",
        "referrals": "aanmeldingen", "supports": "ondersteuning", "outcomes": "evaluaties",
        "out_of_school": "thuiszitters", "participation": "CBS-deelname",
    },
    "sector": {
        "po": "Primair onderwijs", "vo": "Voortgezet onderwijs", "sbo": "Speciaal "
        "basisonderwijs", "so": "Speciaal onderwijs", "vso": "Voortgezet speciaal onderwijs",
        "bao": "Basisonderwijs", "buo": "Buitengewoon onderwijs", "so_vo": "Secundair onderwijs",
    },
}

_VL_CODES: dict[str, dict[str, str]] = {
    "entity": {"referrals": "ondersteuningsvragen", "out_of_school": "afwezigheid"},
    "request_type": {
        "admission_sbo": "Verslag bao", "admission_so": "Verslag buo",
        "admission_vso": "Verslag buso", "arrangement": "Uitbreiding van zorg",
    },
    "out_of_school_kind": {
        "absolute_absence": "Niet ingeschreven", "long_relative_absence": "Problematische "
        "afwezigheid", "exemption": "Vrijstelling",
    },
}


def label(key: str, **values: object) -> str:
    """The UI text for `key` in the active terminology profile."""
    texts = {**_NL, **_VL} if get_settings().terminology == "vl" else _NL
    text = texts[key]
    return text.format(**values) if values else text


def code_label(field: str, code: str | None) -> str:
    """The Dutch (or Flemish) label of a code, e.g. ('decision', 'granted') → 'Toegekend'."""
    if code is None:
        return "Onbekend"
    vl = _VL_CODES.get(field, {}) if get_settings().terminology == "vl" else {}
    return vl.get(code) or CODES.get(field, {}).get(code, code)


def code_labels(field: str) -> dict[str, str]:
    """All codes of a field with their labels, in code-list order."""
    return {code: code_label(field, code) for code in CODES[field]}
