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
    # login and access
    "login_title": "Inloggen",
    "login_user": "Gebruikersnaam",
    "login_password": "Wachtwoord",
    "login_button": "Inloggen",
    "login_failed": "Gebruikersnaam of wachtwoord onjuist (of te veel pogingen; probeer het "
                    "over een kwartier opnieuw).",
    "logout": "Uitloggen",
    "signed_in_as": "Ingelogd als {user} (rol {role})",
    "login_off": "Inloggen staat uit: er zijn nog geen gebruikers (`pib users add`).",
    "forbidden": "Deze pagina is niet beschikbaar voor uw rol.",
    "page_admin": "Beheer",
    "admin_intro": "Gebruikers, rollen en het auditlogboek van inloggen en exports.",
    "admin_users": "Gebruikers",
    "admin_role": "Rol",
    "admin_schools": "Scholen",
    "admin_demo": "Demo",
    "admin_users_cli": "Gebruikers beheert u met `pib users add|list|remove|set-role`.",
    "admin_audit": "Auditlogboek (nieuwste eerst)",
    # -- overview, coverage, prevention, reports pages --
    # overview
    "ov_intro": "De kerncijfers van het schooljaar tegen de doelen van het bestuur. Klik door "
                "voor de details; de filters gaan mee.",
    "ov_region_only": "Het overzicht toont altijd de hele regio. De gekozen gemeente of "
                      "ondersteuningsbehoefte geldt op de pagina's achter de tegels.",
    "ov_no_year": "Er zijn geen kerncijfers voor schooljaar {year}.",
    "ov_summary": "**{year}: {hit} van de {total} doelen gehaald.**",
    "ov_attention": "Aandacht voor: {items}.",
    "ov_attention_item": "{title} ({value}; {target})",
    "ov_all_hit": "Alle doelen zijn gehaald.",
    "ov_on_target": "Op doel",
    "ov_off_target": "Niet op doel",
    "ov_no_figure": "Geen cijfer",
    "ov_target_min": "doel ten minste {target}",
    "ov_target_max": "doel ten hoogste {target}",
    "ov_target_no_gap": "doel: geen tekort",
    "ov_tile_within_norm": "Besluit binnen {days} dagen",
    "ov_tile_median": "Mediane wachttijd tot besluit",
    "ov_tile_preventive": "Aandeel preventieve uren",
    "ov_tile_per_1000": "{what} per 1.000 leerlingen",
    "ov_tile_achieved": "Doelen behaald bij evaluatie",
    "ov_tile_coverage": "Dekkend aanbod: grootste tekort",
    "ov_days": "{value} dagen",
    "ov_places": "{value} plaatsen",
    "ov_vs": "t.o.v. {year}",
    "ov_open_page": "Naar {page}",
    "ov_note_peak_median": "Piek in {month}: mediaan {days} dagen, 90% binnen {p90} dagen.",
    "ov_note_peak_norm": "Dieptepunt in {month}: {share} op tijd beslist.",
    "ov_note_shift": "Van {first} in {first_year} naar {value} in {year}.",
    "ov_note_out_of_school": "{pupils} {what} dit jaar; het hoogst was {peak_year} "
                             "({peak} per 1.000).",
    "ov_note_achieved": "{evaluated} evaluaties; {partly} doelen (deels) behaald.",
    "ov_note_admissions": "Meeste toekenningen: {type}, {granted} ({rate} per 1.000).",
    "ov_coverage_ok": "Dekkend",
    "ov_coverage_gap": "Tekort",
    "ov_coverage_none": "Geen tekorten: in elke gemeente genoeg plaatsen voor elke behoefte.",
    "ov_note_coverage_gap": "{municipality}, {need}: {demand} leerlingen op {capacity} plaatsen.",
    "ov_note_coverage_item": "{municipality}, {need} ({gap})",
    "ov_note_coverage_more": "Ook tekort: {items}.",
    "ov_more_title": "**Aanmeldingen**",
    "ov_more_text": "{referrals} aanmeldingen ontvangen in {year}; {open} stonden aan het eind "
                    "van het schooljaar nog open.",
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
