"""Every UI text in one place: Dutch labels, with the Flemish profile's terms swapped in."""

from __future__ import annotations

from etl.settings import get_settings

_NL: dict[str, str] = {
    "app_title": "Passend in Beeld",
    "organisation": "samenwerkingsverband",
    "referral": "aanmelding",
    "referrals": "aanmeldingen",
    "admissions": "TLV's",
    "out_of_school": "thuiszitters",
    "out_of_school_title": "Thuiszitters",
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
    "page_finance": "Financiën",
    "os_census_header": "Leerplichttelling per soort en artikel",
    "os_census_caption": "Unieke leerlingen in schooljaar {year} ({first} t/m {last}), per soort "
                         "verzuim en bij vrijstellingen per artikel van de Leerplichtwet.",
    "os_col_at_start": "Bij de start",
    "os_col_new": "Nieuw in het jaar",
    "os_col_total": "Totaal",
    "os_col_over_3_months": "Langer dan 3 maanden",
    "os_col_ended": "Beëindigd",
    "os_col_open_at_end": "Open aan het eind",
    "fin_intro": "Begroting tegen realisatie, wat naar preventieve en wat naar curatieve "
                 "ondersteuning gaat, en de reserve tegen de signaleringswaarde van de "
                 "Inspectie. Bedragen, geen aantallen leerlingen: niets is onderdrukt.",
    "fin_no_year": "Er zijn geen financiële gegevens voor schooljaar {year}.",
    "fin_budget": "Begroot",
    "fin_actual": "Gerealiseerd",
    "fin_euro_axis": "Euro",
    "fin_budget_title": "Begroting en realisatie per categorie, {year}",
    "fin_preventive": "Preventief (basisondersteuning via de schoolbesturen)",
    "fin_curative": "Curatief (arrangementen en afdracht (v)so)",
    "fin_prevention_title": "Preventief {share} van preventief plus curatief in {year}",
    "fin_reserve": "Reserve aan het eind van het jaar",
    "fin_signal": "Signaleringswaarde",
    "fin_reserve_title": "Reserve tegen de signaleringswaarde per schooljaar",
    "fin_tile_income": "Baten",
    "fin_tile_expense": "Lasten",
    "fin_tile_preventive_share": "Aandeel preventief",
    "fin_tile_reserve": "Reserve",
    "fin_above": "Reserve boven de signaleringswaarde: {amount} boven ({year}; "
                 "signaleringswaarde {signal}). Het bestuur licht dit toe en maakt een "
                 "bestedingsplan.",
    "fin_below": "Reserve onder de signaleringswaarde: {amount} eronder ({year}; "
                 "signaleringswaarde {signal}).",
    "fin_no_reserve": "Geen reserve (reserve_end) opgegeven voor {year}.",
    "fin_lines": "Posten van {year}",
    "fin_col_category": "Categorie",
    "fin_col_item": "Post",
    "fin_col_difference": "Verschil",
    "fin_col_spent": "Realisatie / begroting",
    "page_mapping": "Bronprofielen",
    # common
    "filters": "Filters",
    "filters_one_split": "Voor uw rol één uitsplitsing tegelijk: met een gekozen gemeente staat "
                         "de ondersteuningsbehoefte op alle, zodat een kleine groep niet uit twee "
                         "filters samen terug te rekenen is.",
    "choose": "Kies een optie",
    "definition": "Definitie",
    "no_data": "Er zijn nog geen gegevens voor deze selectie.",
    "suppressed": "Verborgen om leerlingen te beschermen: een groep van minder dan {min_cell}, "
                  "of een aantal waaruit zo'n groep terug te rekenen zou zijn.",
    "freshness": "Gegevens bijgewerkt: {when}",
    "freshness_none": "Er zijn nog geen gegevens geladen. Laad ze met `pib load`.",
    "download_csv": "Download CSV",
    "rep_downloads": "Rapporten downloaden",
    "rep_downloads_note": "Het inspectiedossier en de bestuursrapportage van het gekozen "
                          "schooljaar, altijd met onderdrukking van kleine aantallen. Het "
                          "maken van een pdf duurt enkele seconden; elke download komt in het "
                          "auditlogboek.",
    "rep_download_inspectie": "Inspectiedossier ({fmt})",
    "rep_download_bestuur": "Bestuursrapportage ({fmt})",
    "rep_register_heading": "**Thuiszittersregistratie voor de Inspectie**",
    "rep_register_as_of": "Peildatum",
    "rep_download_register": "Thuiszitterslijst (XLSX)",
    "rep_register_note": "De cumulatieve lijst van het schooljaar tot en met de peildatum: één "
                         "rij per periode, zonder leerlingnummer of pseudoniem. Alleen voor de "
                         "rollen kwaliteit en beheer; de download komt in het auditlogboek.",
    # figures named alike on the pages and on the page Rapportage: one key per figure
    "decided": "Besluiten",
    "median_days": "Mediane wachttijd (dagen)",
    "within_days": "Binnen {days} dagen",
    "open_over_6_weeks": "Langer dan 6 weken",
    "open_over_10_weeks": "Langer dan 10 weken",
    "oldest_days": "Oudste (dagen)",
    "per_1000_pupils": "Per 1.000 leerlingen",
    "exempted": "Vrijstellingen",
    "evaluations": "Evaluaties",
    "goals_achieved": "Doelen behaald",
    "target_line": "doel {target}",
    # login and access
    "login_title": "Inloggen",
    "login_user": "Gebruikersnaam",
    "login_password": "Wachtwoord",
    "login_button": "Inloggen",
    "login_failed": "Gebruikersnaam of wachtwoord onjuist (of te veel pogingen; probeer het "
                    "over een kwartier opnieuw).",
    "login_store_unavailable": "Inloggen kan nu niet: het gebruikersbestand ontbreekt, is leeg "
                               "of is onleesbaar. Het dashboard blijft daarom dicht. Vraag de "
                               "beheerder het bestand terug te zetten of gebruikers toe te "
                               "voegen met `pib users add`.",
    "login_ended": "U bent uitgelogd: uw account is verwijderd of uw sessie is verlopen.",
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
    "admin_users_cli": "Gebruikers beheert u met `pib users add|list|remove|set-role|set-email`.",
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
    "ov_tile_achieved": "Doelen behaald",
    "kpi_received": "{what} ontvangen",
    "kpi_granted": "{what} toegekend",
    "kpi_plain": "{what}",
    "kpi_open_at_year_end": "Openstaand aan het eind van het schooljaar",
    "kpi_supports_started": "Ondersteuning gestart",
    "ov_tile_coverage": "Dekkend aanbod: tekort",
    "ov_places": "{value} plaatsen",
    "ov_reading": "Pijl: verschil met {before} (groen is beter, rood is slechter). Lijn: alle "
                  "schooljaren, het gekozen jaar als grote stip; stippellijn: het doel.",
    "ov_open_page": "{page}",
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
    "ov_note_coverage_gap": "Grootste tekort: {municipality}, {need}: {demand} leerlingen op "
                            "{capacity} plaatsen.",
    "ov_note_coverage_item": "{municipality}, {need} ({gap})",
    "ov_note_coverage_more": "Ook tekort: {items}.",
    "ov_more_title": "**{what}**",
    "ov_more_text": "{referrals} {what} ontvangen in {year}; {open} stonden aan het eind van "
                    "het schooljaar nog open.",
    # coverage
    "cov_intro": "Is er voor elke leerling met een toegekende ondersteuningsvraag een plek in de "
                 "eigen gemeente? Vraag (leerlingen) tegen aanbod (plaatsen), per gemeente en "
                 "ondersteuningsbehoefte.",
    "cov_ratio": "Dekkingsgraad",
    "cov_pupils": "leerlingen",
    "cov_gap_places": "Tekort (plaatsen)",
    "cov_hover": "Vraag {demand} leerlingen · aanbod {capacity} plaatsen<br>Tekort {gap} · "
                 "dekkingsgraad {ratio}",
    "cov_hover_suppressed": "Kleine groep: vraag niet getoond · aanbod {capacity} plaatsen",
    "cov_hover_none": "Geen vraag en geen aanbod",
    "cov_heatmap_title_gap": "{year}: tekort in {n} combinaties, het grootst bij {need} in "
                             "{municipality} ({gap} plaatsen)",
    "cov_heatmap_title_gap_one": "{year}: tekort in 1 combinatie, bij {need} in {municipality} "
                                 "({gap} plaatsen)",
    "cov_map_none": "Geen kaart: de grenzen van deze gemeenten zitten niet in de kaartgegevens "
                    "(alleen Nederlandse gemeenten, CBS-codes).",
    "cov_heatmap_title_ok": "{year}: in elke gemeente genoeg plaatsen voor elke behoefte",
    "cov_heatmap_help": "Cel: dekkingsgraad (aanbod gedeeld door vraag). Oranje = minder plaatsen "
                        "dan leerlingen; omlijnd met het tekort eronder (bijvoorbeeld -21). "
                        "Blauw = meer aanbod dan vraag. – = geen vraag; · = verborgen (privacy).",
    "cov_map_title": "Tekort voor {need} per gemeente, {year}",
    "cov_map_sub_gap": "Het grootst in {municipality}: {gap} plaatsen. Donkerder is een groter "
                       "tekort.",
    "cov_map_sub_ok": "Geen enkele gemeente heeft een tekort.",
    "cov_map_no_row": "Geen vraag of aanbod voor deze behoefte",
    "cov_map_help": "De kaart toont de behoefte met het grootste tekort. Kies een andere "
                    "ondersteuningsbehoefte in de zijbalk.",
    "cov_table_heading": "Vraag en aanbod per gemeente en behoefte, {year}",
    "cov_trend_heading": "Door de jaren",
    "cov_trend_gap_title": "Tekort aan plaatsen per schooljaar",
    "cov_trend_gap_sub": "In {year} het grootst bij {need} ({gap} plaatsen)",
    "cov_trend_gap_sub_ok": "Geen tekort in {year}",
    "cov_trend_hover": "tekort %{customdata[0]} plaatsen in %{customdata[1]} gemeenten "
                       "(dekkingsgraad regio %{customdata[2]})",
    "cov_trend_spread_title": "Gemeenten met een tekort",
    "cov_trend_spread_sub": "Aantal gemeenten per behoefte en schooljaar",
    "cov_col_need": "Behoefte",
    "cov_col_demand": "Vraag",
    "cov_col_capacity": "Aanbod",
    "cov_col_ratio": "Dekking",
    "cov_municipalities": "gemeenten",
    "cov_outside_heading": "Ondersteuning buiten de regio",
    "cov_outside_text": "In {year} was {outside} van de {total} ondersteuningen op scholen "
                        "({share}) op een school buiten de regio, voor {pupils} leerlingen.",
    "cov_outside_title": "Ondersteuning op scholen buiten de regio, per schooljaar",
    "cov_outside_axis": "Ondersteuningen",
    "cov_outside_none": "In geen van de schooljaren was er ondersteuning op een school buiten "
                        "de regio: de plaatsen zijn thuisnabij.",
    # prevention
    "prev_intro": "Verschuift de inzet van laat en individueel (curatief) naar vroeg, op school- "
                  "en teamniveau (preventief)? Per schooljaar van de start van de ondersteuning.",
    "prev_no_need_filter": "Ondersteuning wordt niet naar ondersteuningsbehoefte vastgelegd: het "
                           "filter ondersteuningsbehoefte geldt hier niet.",
    "prev_no_year": "Er is geen ondersteuning gestart in {year}.",
    "prev_share": "Aandeel preventieve uren",
    "prev_share_axis": "Preventieve uren (% van alle uren)",
    "prev_started": "Ondersteuningen gestart",
    "prev_preventive_started": "Waarvan preventief",
    "prev_hours_total": "Uren ondersteuning",
    "prev_delta_note": "Pijl: verschil met {before}.",
    "prev_share_title_up": "Preventieve uren groeien van {first} naar {last}",
    "prev_share_title_down": "Preventieve uren dalen van {first} naar {last}",
    "prev_share_sub": "Aandeel preventief in alle uren ondersteuning, {first_year} tot en met "
                      "{year}",
    "prev_measure": "Toon",
    "prev_measure_hours": "Uren",
    "prev_measure_supports": "Aantal",
    "prev_measure_cost_eur": "Kosten",
    "prev_kind_title_hours": "Uren per soort ondersteuning",
    "prev_kind_title_supports": "Aantal gestarte ondersteuningen per soort",
    "prev_kind_title_cost_eur": "Kosten per soort ondersteuning",
    "prev_kind_sub": "Groen: preventief, oranje: curatief",
    "prev_year_heading": "Soorten ondersteuning in {year}",
    "prev_year_title_hours": "Uren per soort, {year}",
    "prev_year_title_supports": "Aantal per soort, {year}",
    "prev_year_title_cost_eur": "Kosten per soort, {year}",
    "prev_year_sub": "Het meest: {kind} ({level}), {value}",
    "prev_col_level": "Niveau",
    "prev_col_kind": "Soort ondersteuning",
    # reports
    "rep_intro": "De tabellen voor het inspectiebezoek en het jaarverslag, precies zoals de "
                 "benoemde queries ze geven. Bij elke tabel: de definitie, de opdracht die "
                 "dezelfde cijfers geeft en een CSV-download met de exacte querykolommen.",
    "rep_scope": "**Selectie:** {scope}.",
    "rep_scope_year": "schooljaar {year}",
    "rep_scope_municipality": "gemeente {name}",
    "rep_scope_need": "ondersteuningsbehoefte {need}",
    "rep_filters_note": "Een filter geldt alleen voor tabellen waarvan de query dat filter kent; "
                        "bij de andere staat dat vermeld.",
    "rep_not_filtered": "Deze tabel kent geen filter op {filters}: hij geldt voor de hele regio "
                        "en alle behoeften.",
    "rep_filter_municipality_code": "gemeente",
    "rep_filter_need_category": "ondersteuningsbehoefte",
    "rep_reproduce": "Dezelfde cijfers: `{command}`.",
    "rep_all_years": "De CSV bevat, net als die opdracht, alle schooljaren.",
    "rep_undecided": "Nog geen besluit",
    "rep_referrals": "{what} naar type en besluit",
    "rep_waiting": "Wachttijd tot besluit tegen de norm van {days} dagen",
    "rep_open": "Openstaande {what} op {date}",
    "rep_admissions": "{what} per 1.000 leerlingen in het regulier onderwijs",
    "rep_coverage": "Dekkend aanbod per gemeente en ondersteuningsbehoefte",
    "rep_out_of_school": "{what} per 1.000 leerlingen",
    "rep_prevention": "Preventieve en curatieve ondersteuning",
    "rep_outcomes": "Resultaten van de ondersteuning (evaluaties)",
    "rep_col_suppressed": "Onderdrukt",
    "rep_col_request_type": "Type aanvraag",
    "rep_col_decision": "Besluit",
    "rep_col_p90_days": "90e percentiel (dagen)",
    "rep_col_open_total": "Openstaand",
    "rep_col_granted": "Toegekend",
    "rep_col_per_1000_regular": "Per 1.000 leerlingen regulier",
    "rep_col_hours_total": "Uren totaal",
    "rep_col_hours_preventive": "Uren preventief",
    "rep_col_achieved_or_partly": "Doelen (deels) behaald",
    # the exported reports (xlsx, pdf): dashboard/report
    "rpt_title_inspectie": "Inspectiedossier passend onderwijs",
    "rpt_subtitle_inspectie": "Verantwoording voor inspectiebezoek en jaarverslag: {what}, "
                              "wachttijden, dekkend aanbod, {out_of_school} en resultaten",
    "rpt_title_bestuur": "Bestuursrapportage passend onderwijs",
    "rpt_subtitle_bestuur": "Kerncijfers {year} tegenover doelen en vorig schooljaar",
    "rpt_unknown_report": "Onbekend rapport '{kind}': kies inspectie, bestuur of (profiel "
                          "vl) kwaliteitsrapport.",
    "rpt_unknown_role": "Onbekende rol '{role}': kies uit {roles}.",
    "rpt_role_not_network": "De rol {role} ziet alleen de eigen scholen en kan geen rapport "
                            "over het hele {organisation} exporteren.",
    "rpt_no_year": "Voor schooljaar {year} zijn er geen gegevens ({known}).",
    "rpt_years_known": "wel voor {first} t/m {last}",
    "rpt_years_none": "er zijn nog geen gegevens",
    "rpt_privacy": "Kleine aantallen zijn onderdrukt: een groep van minder dan {min_cell} "
                   "leerlingen of gevallen wordt niet getoond, net als de cijfers die daaruit "
                   "volgen, en ook een tweede aantal waar de kleine groep anders uit een totaal "
                   "terug te rekenen zou zijn (rol {role}; elke export past dit toe{asked}).",
    "rpt_privacy_asked": ", ook als rol {role} exporteert",
    "rpt_cover_year": "{year} ({first} t/m {last})",
    "rpt_cover_generated": "Gegenereerd op",
    "rpt_cover_fresh": "Gegevens bijgewerkt",
    "rpt_cover_privacy": "Privacy",
    "rpt_cover_source": "Bron",
    "rpt_cover_source_text": "Passend in Beeld: elk cijfer komt uit een benoemde query "
                             "(queries/*.sql, definities in docs/kpis.md) en is na te rekenen "
                             "met het genoemde pib query-commando.",
    "rpt_fresh_none": "er zijn nog geen gegevens geladen",
    "rpt_fresh_one": "{last} (laatste lading)",
    "rpt_fresh_range": "tussen {first} en {last} (per bron, zie de tabel)",
    "rpt_source": "Bron: {command}",
    "rpt_source_scope": "Bron: {command} ({scope})",
    "rpt_scope_until": "schooljaren tot en met {year}",
    "rpt_scope_year": "schooljaar {year}",
    "rpt_scope_two": "schooljaren {prev} en {year}",
    "rpt_col_entity": "Gegevensbron",
    "rpt_col_loaded_at": "Laatst geladen",
    "rpt_col_file": "Bestand",
    "rpt_col_rows": "Rijen",
    "rpt_col_load": "Lading",
    "rpt_col_source": "Bron",
    "rpt_col_read": "Gelezen",
    "rpt_col_loaded": "Geladen",
    "rpt_col_quarantined": "In quarantaine",
    "rpt_col_started": "Gestart",
    "rpt_col_finished": "Klaar",
    "rpt_col_outcome": "Uitkomst",
    "rpt_col_message": "Melding",
    "rpt_loads": "Ladingen",
    "rpt_intro_loads": "De ladingen van bronbestanden waaruit dit rapport is opgebouwd (de "
                       "{limit} meest recente), met wat elke lading las, laadde en in "
                       "quarantaine zette.",
    "rpt_sheet_referrals": "{what} en besluiten",
    "rpt_intro_referrals": "{what} ontvangen in {year}, naar soort aanvraag en besluit (op de "
                           "dag van de lading).",
    "rpt_note_referrals": "Een lege cel zonder markering: geen aanmeldingen met die combinatie.",
    "rpt_sheet_waiting": "Wachttijden tot besluit",
    "rpt_intro_waiting": "{what} ontvangen in {year} met een besluit: mediane en lange (90e "
                         "percentiel) wachttijd in kalenderdagen en het aandeel besloten binnen "
                         "de norm van {days} dagen (zorgplicht: zes weken).",
    "rpt_note_waiting": "Norm: {days} dagen ([norms] decision_days in pib.toml).",
    "rpt_sheet_open": "Openstaand einde schooljaar",
    "rpt_intro_open": "{what} die op {date} nog op een besluit wachtten, en hoe lang al (de "
                      "laatste dag van het schooljaar, of vandaag als het nog loopt).",
    "rpt_note_open": "6 weken = 42 dagen (zorgplicht); 10 weken = 70 dagen (met de verlenging "
                     "van 4 weken).",
    "rpt_sheet_per_1000": "{what} per 1.000 leerlingen",
    "rpt_intro_admissions": "Toegekende {what} naar speciaal (basis)onderwijs per schooljaar van "
                            "het besluit, per 1.000 leerlingen in het regulier onderwijs.",
    "rpt_intro_coverage": "Vraag (leerlingen met een toegekende {what} in {year}) tegenover de "
                          "capaciteit van het aanbod, per gemeente en ondersteuningsbehoefte. "
                          "Rijen met een tekort zijn gemarkeerd.",
    "rpt_note_coverage": "Dekkingsgraad = capaciteit / vraag; leeg als er geen vraag is.",
    "rpt_intro_out_of_school": "Leerlingen met absoluut verzuim of langdurig relatief verzuim "
                               "in het schooljaar, per 1.000 ingeschreven leerlingen, en "
                               "leerlingen met een vrijstelling.",
    "rpt_intro_prevention": "Gestarte ondersteuning per schooljaar en de uren daarvan, "
                            "preventief (vóór een aanmelding) en curatief.",
    "rpt_intro_outcomes": "Evaluaties van ondersteuning per schooljaar: het aandeel waarin de "
                          "doelen zijn behaald, en behaald of deels behaald.",
    "rpt_kpis": "Kerncijfers",
    "rpt_kpis_trend": "Kerncijfers door de jaren",
    "rpt_kpis_trend_sheet": "Kerncijfers per jaar",
    "rpt_intro_kpis": "De kerncijfers van {year} naast die van {prev} en de doelen van het "
                      "bestuur (pib.toml [targets]). Lager is beter bij: {lower}.",
    "rpt_intro_kpis_trend": "Elk kerncijfer per schooljaar, precies zoals de query het geeft.",
    "rpt_verdict": " Op koers: {hit} van de {total} kerncijfers met een doel.",
    "rpt_note_kpis": "Verschil bij aandelen in procentpunten.",
    "rpt_col_kpi": "Kerncijfer",
    "rpt_col_change": "Verschil",
    "rpt_col_target": "Doel",
    "rpt_col_status": "Beoordeling",
    "rpt_on_track": "op koers",
    "rpt_off_track": "niet op koers",
    "rpt_no_rows": "Er zijn geen gegevens voor dit schooljaar.",
    "rpt_hidden_note_xlsx": "Grijze lege cel: onderdrukt (privacy), een groep van minder dan "
                            "{min_cell} of een aantal waaruit die terug te rekenen zou zijn. "
                            "Kolom {column}: ja als in die rij iets is onderdrukt.",
    "rpt_hidden_note_pdf": "{mark} = onderdrukt (privacy): een groep van minder dan {min_cell} of "
                           "een aantal waaruit die terug te rekenen zou zijn."
                           "   {empty} = leeg of niet te berekenen.",
    "rpt_gap_note_xlsx": "Oranje rij: tekort (vraag groter dan capaciteit).",
    "rpt_definition": "Definitie ({title})",
    "rpt_footer": "{organisation} · {title} {year} · gegenereerd {when}",
    "rpt_cover_sheet": "Voorblad",
    "rpt_contents": "Inhoud",
    "rpt_contents_item": "{title} — bron: query {query}",
    "rpt_data": "Gegevens",
    "rpt_data_note": "De laatste geslaagde lading per bron (query data_freshness).",
    "rpt_comments": "Rol {role}: kleine aantallen (minder dan {min_cell}) onderdrukt, en waar "
                    "nodig een tweede aantal.",
    "rpt_title_register": "Thuiszittersregistratie",
    "rpt_subtitle_register": "Cumulatieve lijst voor de kwartaalregistratie van de Inspectie: "
                             "schooljaar {year} tot en met {as_of}",
    "rpt_register_sheet": "Thuiszitters",
    "rpt_intro_register": "Eén rij per periode van absoluut verzuim, langdurig relatief verzuim "
                          "of vrijstelling art. 5 onder a die liep tussen {first} en {as_of}. "
                          "Zonder leerlingnummer of pseudoniem.",
    "rpt_privacy_register": "Gegevens per leerling zonder leerlingnummer, pseudoniem of "
                            "periodenummer; alleen te maken door de rollen {roles}. Niet "
                            "onderdrukt: een lijst telt niets. Rol {role}.",
    "rpt_register_role": "De thuiszitterslijst geeft gegevens per leerling; alleen de rollen "
                         "{roles} mogen hem maken, niet de rol {role}.",
    "rpt_register_as_of": "Peildatum {as_of} ligt vóór de eerste gegevens of is geen geldige "
                          "datum.",
    "rpt_col_row_number": "Volgnummer",
    "rpt_col_municipality": "Gemeente",
    "rpt_col_kind": "Soort",
    "rpt_col_article": "Artikel",
    "rpt_col_start": "Startdatum",
    "rpt_col_end": "Einddatum",
    "rpt_col_weeks": "Weken",
    "rpt_col_has_offer": "Aanbod aanwezig",
    "rpt_col_resolution": "Afloop",
    "rpt_page": "pagina {page} van {pages}",
    "rpt_pdf_footer": "Passend in Beeld · gegenereerd {when} · kleine aantallen onderdrukt "
                      "(minder dan {min_cell}, en waar nodig een tweede aantal)",
    "rpt_accountability": "Gegevens en verantwoording",
    "rpt_accountability_text": "Dit rapport is gemaakt met Passend in Beeld uit het warehouse "
                               "van het {organisation}. Elk cijfer komt uit een benoemde query "
                               "en is na te rekenen met het pib query-commando onder de tabel "
                               "(met --role bestuur). ",
    "rpt_fresh_heading": "Laatste lading per bron (query data_freshness)",
    "rpt_unknown_format": "Onbekend formaat '{fmt}': kies xlsx, pdf of html.",
    "rpt_no_folder": "De map {folder} bestaat niet.",
    "rpt_no_font": "Het lettertype DejaVu Sans ontbreekt (gezocht in {searched}). Installeer "
                   "het met 'apt-get install fonts-dejavu-core' of zet PIB_FONT_DIR op de map "
                   "met DejaVuSans.ttf, DejaVuSans-Bold.ttf en DejaVuSans-Oblique.ttf.",
    "rpt_bad_browser_path": "BROWSER_PATH wijst naar {path}, maar daar staat geen uitvoerbare "
                            "browser. Een PDF met grafieken heeft Chromium nodig: installeer "
                            "het (apt-get install chromium) of zet BROWSER_PATH op het pad van "
                            "Chromium of Chrome.",
    "rpt_no_browser": "Chromium is niet gevonden. Een PDF met grafieken heeft Chromium (of "
                      "Chrome) nodig: installeer het (apt-get install chromium) of zet "
                      "BROWSER_PATH op het pad ervan. Een xlsx-export werkt zonder.",
    "rpt_render_failed": "De grafieken konden niet worden gemaakt met {path} ({error}). "
                         "Controleer of Chromium werkt, of maak een xlsx-export.",
    "col_municipality_code": "Gemeentecode",
    # column headers (shared by the pages in this section)
    "col_demand": "Vraag (leerlingen)",
    "col_capacity": "Aanbod (plaatsen)",
    "col_gap": "Tekort",
    "col_coverage_ratio": "Dekkingsgraad",
    # -- waiting, out-of-school, outcomes, quality pages --
    "fig_months": "januari februari maart april mei juni juli augustus september oktober "
                  "november december",
    "fig_months_short": "jan feb mrt apr mei jun jul aug sep okt nov dec",
    "fig_days": "{value} dagen",
    "yes": "ja",
    "no": "nee",
    "fig_target_min": "doel: minstens {target}",
    "fig_target_max": "doel: hoogstens {target}",
    "fig_meets_min": "haalt het doel van minstens {target}",
    "fig_misses_min": "onder het doel van minstens {target}",
    "fig_meets_max": "haalt het doel van hoogstens {target}",
    "fig_misses_max": "boven het doel van hoogstens {target}",
    "fig_delta_caption": "Pijl onder een cijfer: verschil met {year} (groen is beter, rood is "
                         "slechter).",
    "fig_school_year": "Schooljaar",
    "fig_month": "Maand van aanmelding",
    "fig_selected_year": "gekozen schooljaar",
    "fig_hidden": "verborgen (privacy)",
    "fig_need_not_used": "Het filter ondersteuningsbehoefte geldt niet voor deze pagina: deze "
                         "gegevens kennen geen behoefte.",
    # Wachttijden
    "municipality_unknown": "Onbekend",
    "dq_unknown_schools_header": "Verwijzingen naar onbekende scholen",
    "dq_unknown_schools_none": "Elke school die de bestanden noemen, staat in het scholenbestand.",
    "dq_unknown_schools_caption": "Deze rijen tellen mee in de totalen, maar niet per school, "
                                  "sector of gemeente van de school: voeg de codes toe aan het "
                                  "scholenbestand.",
    "dq_ref_column": "Kolom",
    "dq_ref_school_id": "school",
    "dq_ref_placed_school_id": "school van plaatsing",
    "dq_unknown_rows": "Rijen",
    "dq_unknown_schools": "Onbekende scholen",
    "dq_unknown_ids": "Codes",
    "cov_map_unknown": "{n} leerlingen met een toegekende aanmelding zonder gemeente staan niet "
                       "op de kaart; de tabel en de heatmap tellen ze als gemeente Onbekend.",
    "cov_map_unknown_suppressed": "Leerlingen met een toegekende aanmelding zonder gemeente "
                                  "staan niet op de kaart; de tabel en de heatmap tellen ze als "
                                  "gemeente Onbekend.",
    "wt_intro": "Hoe lang wachten {what} op een besluit? De norm: een besluit binnen {norm} "
                "dagen, eenmaal te verlengen tot {extended} dagen.",
    "wt_no_year": "Geen besluiten over {what} ontvangen in {year} voor deze selectie.",
    "wt_tile_decided_help": "{what} ontvangen in {year} waarover al besloten is.",
    "wt_tile_within_help": "Aandeel van de besluiten binnen de norm van {days} dagen.",
    "wt_tile_within_ext_help": "Aandeel van de besluiten binnen de eenmaal verlengde termijn "
                               "({days} dagen).",
    "wt_tile_median_help": "De mediane wachttijd: de helft van de besluiten viel binnen dit "
                           "aantal dagen.",
    "wt_tile_p90": "90% binnen (dagen)",
    "wt_tile_p90_help": "Het 90e percentiel: 9 van de 10 besluiten vielen binnen dit aantal "
                        "dagen.",
    "wt_verdict": "**{year}:** {within} binnen de norm van {norm} dagen {target_within} · "
                  "mediane wachttijd {median} {target_median}",
    "wt_monthly_peak": "{what} uit {months} wachten het langst: mediaan tot {days} dagen",
    "wt_monthly_plain": "Wachttijd tot besluit per maand van aanmelding",
    "wt_monthly_caption": "Alle schooljaren; het gekozen schooljaar is gearceerd. Doorgetrokken "
                          "lijn: mediaan, stippellijn: 90e percentiel. Alleen {what} met een "
                          "besluit tellen mee: in het laatste schooljaar ontbreken nog wie "
                          "wachten.",
    "wt_median": "Mediaan",
    "wt_p90": "90e percentiel",
    "wt_days_axis": "Dagen tot besluit",
    "wt_norm_line": "norm {days} dagen",
    "wt_ext_line": "met verlenging {days} dagen",
    "wt_inflow_title": "Instroom: de meeste {what} komen binnen in {months}",
    "wt_inflow_plain": "Instroom van {what} per maand",
    "wt_inflow_axis": "Ontvangen {what}",
    "wt_dist_title": "{year}: {within} binnen {norm} dagen besloten, {within_ext} binnen "
                     "{extended} dagen",
    "wt_dist_plain": "{year}: verdeling van de wachttijd",
    "wt_share_axis": "Aandeel",
    "wt_to_decided": "ontvangst → besluit",
    "wt_to_complete": "ontvangst → dossier compleet",
    "wt_band_axis_days": "Wachttijd in dagen",
    "wt_dist_caption": "Per balk het aandeel van de {what} uit {year} met een besluit "
                       "(of met een compleet dossier); de stippellijnen markeren de norm en de "
                       "verlengde termijn.",
    "wt_need_title": "Op tijd per behoefte: {need} het laagst ({share})",
    "wt_need_axis": "Aandeel binnen {norm} dagen",
    "wt_need_all_caption": "Alle behoeften ter vergelijking; de gekozen behoefte is gekleurd.",
    "wt_open_header": "Wachtlijst op een peildatum",
    "wt_as_of": "Peildatum",
    "wt_as_of_month_end_help": "Voor uw rol alleen het einde van een maand: zo is uit twee "
                               "peildata niet af te leiden over welke aanmelding het gaat. "
                               "Standaard het laatste maandeinde van het gekozen schooljaar (of "
                               "vóór vandaag). De datum staat ook in de link van deze pagina.",
    "wt_as_of_help": "Standaard de laatste dag van het gekozen schooljaar (of vandaag, als die "
                     "eerder valt). De datum staat ook in de link van deze pagina.",
    "wt_open_total": "Openstaand",
    "wt_open_title": "{total} {what} open op {day}, waarvan {over6} langer dan 6 weken",
    "wt_open_axis": "Openstaande {what}",
    "wt_open_none": "Op {day} stonden er geen {what} open voor deze selectie.",
    "wt_age_0_42": "tot 6 weken (0–42 dagen)",
    "wt_age_43_70": "6 tot 10 weken (43–70 dagen)",
    "wt_age_71": "langer dan 10 weken (71+ dagen)",
    # Thuiszitters
    "os_intro": "Leerlingen zonder onderwijs, per schooljaar: {absolute} en {relative}. "
                "{exemption} telt apart.",
    "os_region_note": "Het aantal per 1.000 leerlingen en de redenen gelden voor de hele "
                      "regio; de grafieken naar soort en duur tonen alleen {municipality}.",
    "os_kind_header": "Naar soort verzuim en duur",
    "os_reasons_header": "Redenen",
    "os_tile_help": "Verschillende leerlingen met een periode die het schooljaar overlapt.",
    "os_verdict": "**{year}:** {per_1000} {what} per 1.000 leerlingen {target}",
    "os_trend_above": "{what} per 1.000 leerlingen: {value} in {year}, boven het doel van "
                      "{target}",
    "os_trend_below": "{what} per 1.000 leerlingen: {value} in {year}, binnen het doel van "
                      "{target}",
    "os_trend_plain": "{what} per 1.000 leerlingen per schooljaar",
    "os_kind_title": "Grootste groep: {kind} ({pupils} in {year})",
    "os_kind_plain": "{what} naar soort verzuim",
    "os_pupils_axis": "Leerlingen",
    "os_kind_caption": "Een leerling met perioden van meer dan één soort telt bij elke soort "
                       "mee; de soorten tellen dus niet op tot het totaal.",
    "os_duration_title": "Hoe lang duurt het? Mediaan in {year}:",
    "os_duration_caption": "Mediaan van einddatum − begindatum over de perioden die in het "
                           "schooljaar eindigden; lopende perioden tellen (nog) niet mee. "
                           "Vrijstellingen duren veel langer: klik in de legenda om ze te "
                           "tonen.",
    "os_duration_plain": "Hoe lang duurt het? Mediane duur van beëindigde perioden",
    "os_duration_axis": "Mediane duur (dagen)",
    "os_episodes_ended": "beëindigde perioden",
    "os_reasons_title": "{year}: meest genoemde reden is ‘{reason}’ ({pupils} leerlingen)",
    "os_reasons_plain": "{year}: meest genoemde redenen",
    "os_reason_unknown": "onbekend / niet opgegeven",
    "os_reasons_kind": "Soort verzuim",
    "os_all_kinds": "Alle soorten",
    "os_reasons_caption": "De {limit} redenen met de meeste leerlingen, over de hele regio.",
    # Resultaten
    "oc_intro": "Zijn de doelen van de ondersteuning gehaald, en waar gingen leerlingen daarna "
                "naartoe? Per schooljaar van de evaluatie.",
    "oc_no_year": "Geen evaluaties in {year} voor deze selectie.",
    "oc_dest_header": "Bestemming na ondersteuning",
    "oc_tile_evaluated_help": "Evaluaties van ondersteuning in dit schooljaar; een "
                              "ondersteuning die twee keer is geëvalueerd telt twee keer.",
    "oc_tile_partly": "Behaald of deels behaald",
    "oc_verdict": "**{year}:** bij {achieved} van de evaluaties zijn de doelen behaald "
                  "{target}",
    "oc_trend_title": "Doelen behaald: {value} in {year} — {verdict} van {target}",
    "oc_trend_plain": "Doelen behaald per schooljaar",
    "oc_below": "onder het doel",
    "oc_above": "boven het doel",
    "oc_share_axis": "Aandeel van de evaluaties",
    "oc_dest_title": "{year}: {regular} naar regulier onderwijs; bij {unknown} is de "
                     "bestemming onbekend",
    "oc_dest_plain": "Bestemming na ondersteuning per schooljaar",
    "oc_destination": "Bestemming",
    "oc_share": "Aandeel",
    "oc_dest_table": "Bestemmingen in {year}",
    "oc_unknown_warning": "Bij {unknown} van de evaluaties in {year} is de bestemming niet "
                          "ingevuld: vraag de aanleverende organisaties dit veld te vullen.",
    # Datakwaliteit
    "dq_intro": "Voor kwaliteitsbewaking: wat is er geladen, wat is afgekeurd en waarom. De "
                "filters in de zijbalk gelden hier niet.",
    "dq_refused": "De pagina Datakwaliteit is alleen beschikbaar voor de rollen kwaliteit en "
                  "beheer: afgekeurde rijen bevatten gegevens op leerlingniveau.",
    "dq_tile_loads": "Ladingen in het logboek",
    "dq_tile_last": "Laatste lading",
    "dq_quarantine_rows": "Rijen in quarantaine",
    "dq_fresh_header": "Actualiteit per bron",
    "dq_source": "Bron",
    "dq_last_loaded": "Laatst geladen",
    "dq_file": "Bestand",
    "dq_rows": "Rijen nu",
    "dq_never": "nooit geladen",
    "dq_never_warning": "Nog nooit geladen: {sources}.",
    "dq_tables_header": "Rijen per tabel",
    "dq_table": "Tabel",
    "dq_table_load_log": "laadlogboek",
    "dq_table_quarantine": "quarantaine",
    "dq_log_header": "Laadlogboek (nieuwste eerst)",
    "dq_log_caption": "De laatste {limit} ladingen. Gelezen = geladen + quarantaine; een "
                      "afgewezen lading verandert niets en staat hier niet.",
    "dq_load": "Lading",
    "dq_kind": "Soort",
    "dq_kind_canonical": "standaardbestand",
    "dq_outcome_ok": "geslaagd",
    "dq_read": "Gelezen",
    "dq_loaded": "Geladen",
    "dq_quarantined": "Quarantaine",
    "dq_started": "Gestart",
    "dq_finished": "Klaar",
    "dq_outcome": "Uitkomst",
    "dq_message": "Melding",
    "dq_summary_header": "Quarantaine naar soort probleem",
    "dq_summary_title": "Meest voorkomend: {reason} bij {entity} ({rows} rijen)",
    "dq_no_quarantine": "Er staan geen rijen in quarantaine: elke geladen rij was geldig.",
    "dq_rows_header": "Afgekeurde rijen",
    "dq_rows_caption": "De laatste {limit} afgekeurde rijen met regelnummer, kolom, reden en "
                       "de ruwe waarden (leerlingnummers zijn al gepseudonimiseerd). Alleen "
                       "zichtbaar voor kwaliteit en beheer.",
    "dq_all_sources": "Alle bronnen",
    "dq_line": "Regel",
    "dq_column": "Kolom",
    "dq_reason": "Reden",
    "dq_raw": "Ruwe waarden",
    "dq_loaded_at": "Geladen op",
    "dq_reason_duplicate_key": "dubbele sleutel",
    "dq_reason_missing_value": "verplichte waarde ontbreekt",
    "dq_reason_unknown_code": "onbekende code",
    "dq_reason_invalid_date": "ongeldige datum",
    "dq_reason_invalid_number": "ongeldig getal",
    "dq_reason_invalid_boolean": "ongeldige ja/nee-waarde",
    "dq_reason_invalid_school_year": "ongeldig schooljaar",
    "dq_reason_below_minimum": "waarde te klein",
    "dq_reason_date_order": "datums in verkeerde volgorde",
    "dq_reason_decision_pair": "besluit en besluitdatum niet allebei gevuld",
    "dq_reason_other": "overig",
    # -- mapping page (source profiles) --
    "map_intro": "Maak zonder code een bronprofiel voor een export die het dashboard nog niet "
                 "kent: koppel de kolommen en waarden, kijk wat er zou laden, sla het profiel "
                 "op en laad het bestand.",
    "map_description": "Gemaakt op de pagina Bronprofielen voor {file}",
    "map_upload": "Export (.csv of .xlsx)",
    "map_upload_hint": "Kies een export om te beginnen. Het bestand blijft op deze server en "
                       "wordt pas geladen als u op Laden klikt.",
    "map_entity": "Soort gegevens (canonieke entiteit)",
    "map_unreadable": "Dit bestand kan niet gelezen worden: {reason}",
    "map_header_found": "Kopregel gevonden op rij {row}; {n} kolommen in het bestand.",
    "map_columns_header": "1. Kolommen koppelen",
    "map_columns_caption": "Per canonieke kolom: de bronkolom die hem vult. Verplichte kolommen "
                           "zijn gemarkeerd met *. Heeft de export een kolom niet, geef dan een "
                           "vaste waarde voor elke rij.",
    "map_canonical": "Canonieke kolom",
    "map_source": "Bronkolom",
    "map_none": "(geen: niet in de export)",
    "map_constant": "Vaste waarde",
    "map_constant_none": "(leeg laten)",
    "map_samples": "Voorbeelden: {values}",
    "map_no_samples": "Geen waarden in deze kolom.",
    "map_file_columns": "Kolommen in het bestand en voorbeeldwaarden",
    "map_values_header": "2. Waarden vertalen",
    "map_values_caption": "Per codekolom: welke canonieke code elke waarde uit de export is. Een "
                          "waarde zonder vertaling gaat in quarantaine.",
    "map_values_none": "Geen van de gekoppelde kolommen heeft codes om te vertalen.",
    "map_value_open": "(niet vertaald: quarantaine)",
    "map_value_empty": "(leeg)",
    "map_values_more": "Er zijn meer dan {n} verschillende waarden; de overige gaan in "
                       "quarantaine tot het profiel ze vertaalt.",
    "map_preview_header": "3. Proefdraai",
    "map_invalid": "Het profiel is nog niet compleet: {reason}",
    "map_would_load": "Om te laden",
    "map_would_quarantine": "In quarantaine",
    "map_rows_read": "Rijen gelezen",
    "map_first_rows": "De eerste {n} rijen die zouden laden",
    "map_first_rejected": "De eerste {n} redenen voor quarantaine",
    "map_toml": "Het profiel als tekst (TOML)",
    "map_save_header": "4. Opslaan en laden",
    "map_name": "Naam van het profiel",
    "map_name_help": "Kleine letters, cijfers, - en _, bv. loket-aanmeldingen.",
    "map_overrides_shipped": "Er bestaat een meegeleverd profiel '{name}'. Uw profiel met "
                             "deze naam vervangt het voor deze installatie.",
    "map_replaces_own": "Er staat al een eigen profiel '{name}'; opslaan vervangt het.",
    "map_save": "Profiel opslaan",
    "map_saved": "Profiel opgeslagen: {path}. Laden vanaf de opdrachtregel kan ook: "
                 "`pib load --source {name} BESTAND`.",
    "map_load": "Bestand laden met dit profiel",
    "map_load_caption": "Eerst opslaan: er wordt geladen met het opgeslagen profiel.",
    "map_loaded": "Geladen: {loaded} rij(en), {quarantined} in quarantaine.",
    "map_load_skipped": "Dit bestand was al eerder geladen; er is niets veranderd.",
    "map_load_failed": "Niet geladen: {reason}",
    # -- public data context, DUO, Flemish maps --
    "ctx_heading": "Deelname aan speciaal onderwijs: regio en landelijk",
    "ctx_intro": "Openbare cijfers van het CBS (StatLine 85701NED, afgerond op tientallen): welk "
                 "deel van de leerlingen in de gemeenten van de regio naar het sbo, so of vso "
                 "gaat, tegen heel Nederland.",
    "ctx_none": "Nog geen landelijke deelnamecijfers geladen. Laad de CBS-export (StatLine "
                "85701NED) met `pib load --source cbs-85701 speciaal_onderwijs.csv`.",
    "ctx_not_available": "Landelijke deelnamecijfers van het CBS gelden alleen voor Nederland; "
                         "voor Vlaanderen zijn ze niet beschikbaar.",
    "ctx_no_region": "Geen CBS-cijfers voor de gemeenten van de regio: zet hun CBS-codes "
                     "(GM0193, ...) onder [region] municipalities in pib.toml.",
    "ctx_no_year": "Geen CBS-cijfers voor {year} of eerder; het eerste CBS-schooljaar is "
                   "{first}.",
    "ctx_year_same": "CBS-cijfers van schooljaar {year}.",
    "ctx_year_earlier": "CBS-cijfers van schooljaar {cbs}, het laatste CBS-jaar tot en met het "
                        "gekozen schooljaar {year}.",
    "ctx_provisional": "* voorlopig cijfer van het CBS.",
    "ctx_measure": "Aandeel",
    "ctx_measure_so_share": "SO-deelname",
    "ctx_measure_sbo_share": "SBO-deelname",
    "ctx_measure_vso_share": "VSO-deelname",
    "ctx_measure_help": "SBO-deelname = sbo / (bao + sbo); SO-deelname = so / (bao + sbo); "
                        "VSO-deelname = vso / vo (zoals Vensters de deelnamepercentages "
                        "definieert).",
    "ctx_region": "Regio",
    "ctx_national": "Nederland",
    "ctx_col_bao": "Bao",
    "ctx_col_sbo": "Sbo",
    "ctx_col_so": "So",
    "ctx_col_vso": "Vso",
    "ctx_col_vo": "Vo",
    "ctx_col_sbo_share": "Sbo-aandeel",
    "ctx_col_so_share": "So-aandeel",
    "ctx_col_vso_share": "Vso-aandeel",
    "ctx_pupils_help": "Leerlingen volgens het CBS (afgerond op tientallen).",
    "ctx_table_heading": "Leerlingen per onderwijssoort, {year}",
    "ctx_trend_title": "{measure}: regio tegen landelijk",
    "ctx_trend_sub": "{year}: regio {region}, landelijk {national}",
    "ctx_map_title": "{measure} per gemeente, {year}",
    "ctx_map_sub": "De gemeenten van de regio zijn omlijnd. Donkerder is een hoger aandeel.",
    "ctx_hover": "{share} · {pupils} leerlingen",
    "ctx_line": "**{measure} regio {region} tegen {national} landelijk**",
    "ctx_line_more": "Sbo {sbo_region} tegen {sbo_national}, vso {vso_region} tegen "
                     "{vso_national}. {year}",
    "ctx_overview_title": "Deelname speciaal onderwijs (CBS)",
    "ctx_schools_legend": "Scholen (DUO)",
    "ctx_schools_hover": "{name}<br>{sector} · {pupils} leerlingen",
    "ctx_schools_caption": "Punten: {n} schoolvestigingen in de regio uit de DUO-scholenlijst, "
                           "naar sector.",
    # -- signals page (Signalen) and its funnel plots --
    "page_signals": "Signalen",
    "sg_intro": "Wat opvalt in het schooljaar, automatisch gevonden: scholen en gemeenten buiten "
                "de grenzen van het trechterdiagram, stijgende wachttijden, tekorten die blijven, "
                "groeiende redenen en doelen die twee jaar op rij niet gehaald zijn.",
    "sg_top": "De drie grootste veranderingen in {year}",
    "sg_more": "Overige signalen ({n})",
    "sg_none": "Geen signalen in {year}: niets wijkt af van het netwerk of van vorig jaar.",
    "sg_hidden": "{n} signalen zijn voor uw rol weggelaten: ze rusten op een groep van minder "
                 "dan {min_cell} kinderen, of hun cijfers zouden zo'n groep verraden.",
    "sg_numbers": "Waarde {value} · vergeleken met {reference}",
    "sg_limits": " · grenzen 99,8%: {lower} tot {upper}",
    "sg_years": " · {years} schooljaren op rij",
    "sg_before": " · vorig schooljaar {before}",
    "sg_cases": " · {cases} {what}",
    "sg_open": "Bekijk op {page}",
    "sg_change": "afwijking {change}",
    "sg_funnels": "Trechterdiagrammen",
    "sg_funnels_caption": "Elke stip is een school of gemeente: het aantal per 1.000 leerlingen "
                          "tegen het aantal leerlingen. Binnen de trechter ligt wat bij die "
                          "omvang door toeval te verwachten is; een stip buiten de lijn van "
                          "99,8% is een signaal.",
    "sg_funnel_school": "{what} per 1.000 leerlingen, per school",
    "sg_funnel_school_admissions": "{what} per 1.000 leerlingen, per school (regulier onderwijs)",
    "sg_funnel_municipality": "{what} per 1.000 leerlingen, per gemeente",
    "sg_tab_school": "{what} · scholen",
    "sg_tab_municipality": "{what} · gemeenten",
    "sg_funnel_subtitle": "{year} · {outside} van {units} buiten de grenzen van 99,8%",
    "sg_points_hidden": "{n} stippen zijn voor uw rol niet getekend: minder dan {min_cell} "
                        "gevallen, of een aantal waaruit zo'n groep terug te rekenen zou zijn.",
    # what a finding counts, besides the terms referrals, admissions and out_of_school above
    "sg_what_decisions": "besluiten",
    "sg_what_supports": "ondersteuningen",
    "sg_what_evaluations": "evaluaties",
    "sg_what_demand": "leerlingen met een toekenning",
    "sg_what_cases": "casussen",
    "sg_limit_95": "grens 95%",
    "sg_limit_998": "grens 99,8%",
    "sg_network_line": "netwerk {rate}",
    "sg_inside": "binnen de grenzen",
    "sg_outside_95": "buiten 95%",
    "sg_outside_998": "buiten 99,8%",
    "sg_axis_pupils": "Leerlingen",
    "sg_axis_rate": "Per 1.000 leerlingen",
    # -- case register (Casussen, issue 16) --
    "page_cases": "Casussen",
    "cs_intro": "Casussen van het thuiszittersoverleg en de doorzettingsmacht: kinderen thuis of "
                "zonder passende plek. Wat keert terug, bij wie en wanneer: om van te leren voor "
                "preventie en aanbod.",
    "cs_no_year": "Er zijn geen casussen in schooljaar {year}.",
    "cs_filter_note": "Alleen de tabel met terugkerende casussen volgt de gemeentefilter "
                      "({municipality}); de andere cijfers gelden voor het hele {organisation}.",
    "cs_recurring_header": "Wat keert terug",
    "cs_findings_intro": "Gemeenten en problemen die in {year} het vaakst terugkwamen (minstens "
                         "{min_cell} casussen, en in minstens twee schooljaren):",
    "cs_finding": "**{municipality} · {problem}**: {cases} casussen in {year} ({previous} in "
                  "het schooljaar ervoor), in {years} van de {of} schooljaren met casussen; "
                  "{secondary} in vo of vso, {first_quarter} geopend in de eerste drie maanden "
                  "van het schooljaar (de overgang van po naar vo).",
    "cs_findings_none": "In {year} kwam geen gemeente met hetzelfde soort probleem {min_cell} "
                        "keer of vaker terug.",
    "cs_fewer": "een verborgen aantal",
    "cs_trend_title": "{problem}: {cases} casussen in {year}, tegen {first} in {first_year}",
    "cs_trend_plain": "Casussen per schooljaar en soort probleem",
    "cs_cases_axis": "Casussen",
    "cs_recurring_caption": "Per gemeente en soort probleem met een casus in {year} of het "
                            "schooljaar ervoor; de meeste casussen eerst.",
    "cs_col_municipality": "Gemeente",
    "cs_col_problem": "Probleem",
    "cs_col_cases": "Casussen {year}",
    "cs_col_previous": "Schooljaar ervoor",
    "cs_col_years": "Schooljaren met casussen",
    "cs_col_secondary": "In vo of vso",
    "cs_col_first_quarter": "In de eerste drie maanden",
    "cs_col_outcome": "Uitkomst",
    "cs_col_median_days": "Mediane looptijd",
    "cs_moments_header": "Wanneer in het schooljaar",
    "cs_moments_title": "Piek in {month}: {cases} casussen, waarvan {secondary} in vo of vso",
    "cs_moments_plain": "Casussen per maand van het schooljaar, {year}",
    "cs_all_cases": "Alle casussen",
    "cs_secondary_cases": "Vo en vso",
    "cs_month_axis": "Maand waarin de casus begon",
    "cs_moments_caption": "Per maand waarin de casus begon, vanaf de eerste maand van het "
                          "schooljaar. Een piek bij vo en vso aan het begin van het jaar wijst "
                          "op de overgang van po naar vo: leerlingen die na de basisschool geen "
                          "passende plek vonden.",
    "cs_year_header": "Probleem, uitkomst en looptijd in {year}",
    "cs_outcome_title": "Uitkomst van de casussen per soort probleem, {year}",
    "cs_outcome_caption": "Open: nog niet afgesloten. De looptijd is datum afsluiting − datum "
                          "opening van de afgesloten casussen (mediaan per probleem en uitkomst).",
    "cs_who_header": "Wie brengt de casus in, en hoe laat",
    "cs_requester_title": "Meeste casussen via {who} ({cases}), {year}",
    "cs_requester_plain": "Casussen naar aanmelder, {year}",
    "cs_requester_caption": "Beweeg over een balk voor de mediaan van het aantal dagen zonder "
                            "onderwijs vóór de casus.",
    "cs_sector_title": "Casussen naar sector, {year}",
    "cs_open": "waarvan open",
    "cs_days_out_title": "{cases} casussen begonnen na drie maanden of langer zonder onderwijs, "
                         "{year}",
    "cs_days_out_plain": "Dagen zonder onderwijs vóór de casus, {year}",
    "cs_days_axis": "Dagen zonder onderwijs vóór de casus",
    "cs_band_zero": "0 dagen",
    "cs_band": "{low}–{high} dagen",
    "cs_band_open": "{low} dagen of meer",
    "cs_band_unknown": "Onbekend",
    # -- public page (/publiek) and its export (pib export --report publiek) --
    "page_public": "Openbare cijfers",
    "pub_title": "Passend onderwijs in cijfers",
    "pub_subtitle": "Kerncijfers van {organisation}: voor ouders, gemeenten en de "
                    "ondersteuningsplanraad",
    "pub_intro": "Hoe goed vinden kinderen die extra ondersteuning nodig hebben een passende "
                 "plek? Vier kerncijfers van het hele samenwerkingsverband, over de schooljaren. "
                 "Er staan geen cijfers van afzonderlijke scholen of kinderen op deze pagina.",
    "pub_fresh": "Gegevens bijgewerkt tot {date}.",
    "pub_year_note": "Cijfers tot en met schooljaar {year}.",
    "pub_privacy": "Om kinderen te beschermen zijn alle aantallen afgerond op een veelvoud van "
                   "{step}, en groepen van minder dan {min_cell} kinderen worden niet getoond. "
                   "Percentages zijn afgerond op hele procenten.",
    "pub_rounded": "Aantallen zijn afgerond op vijftallen; een streepje (–) betekent: te weinig "
                   "kinderen om het cijfer te tonen.",
    "pub_reading": "Hoe lezen: {text}",
    "pub_empty": "Voor dit cijfer zijn er te weinig gegevens om het te tonen zonder dat "
                 "kinderen herkenbaar worden.",
    "pub_year_hidden": "Voor schooljaar {year} zijn er te weinig gegevens om dit cijfer te "
                       "tonen; de tabel geeft de eerdere jaren.",
    "pub_no_years": "Er zijn nog geen gegevens geladen; er zijn nog geen cijfers om te tonen.",
    "pub_off": "Deze pagina staat niet aan.",
    "pub_login_link": "Bekijk de openbare cijfers zonder in te loggen",
    "pub_table": "De cijfers in een tabel",
    "pub_coverage": "Genoeg passende plekken",
    "pub_coverage_reading": "de dekkingsgraad is het aantal beschikbare plekken gedeeld door "
                            "het aantal kinderen dat zo'n plek nodig heeft, per soort "
                            "ondersteuning. 100% of meer: er zijn genoeg plekken. Onder 100%: "
                            "er zijn minder plekken dan kinderen die er een nodig hebben.",
    "pub_coverage_sentence": "In {year} waren er genoeg plekken voor {ok} van de {total} soorten "
                             "ondersteuning.",
    "pub_coverage_all": "In {year} waren er genoeg plekken voor alle {total} soorten "
                        "ondersteuning.",
    "pub_coverage_worst": "Het grootste tekort was er bij {need}: plek voor {share} van de "
                          "kinderen die dat nodig hadden.",
    "pub_coverage_chart": "Dekkingsgraad per soort ondersteuning",
    "pub_coverage_line": "100%: genoeg plekken",
    "pub_col_demand": "Kinderen die een plek nodig hebben",
    "pub_col_coverage": "Dekkingsgraad",
    "pub_waiting": "Wachten op een besluit",
    "pub_waiting_reading": "als een school of ouder extra ondersteuning aanvraagt, moet het "
                           "samenwerkingsverband binnen {days} dagen besluiten. Het percentage "
                           "zegt hoeveel aanvragen op tijd een besluit kregen; de mediaan is "
                           "de wachttijd waarbinnen de helft van de aanvragen een besluit "
                           "had.",
    "pub_waiting_sentence": "Van de ongeveer {decided} aanvragen in {year} kreeg {share} binnen "
                            "{days} dagen een besluit. De helft had binnen {median} dagen een "
                            "besluit.",
    "pub_waiting_chart": "Aanvragen met een besluit binnen {days} dagen",
    "pub_col_decided": "Aanvragen met een besluit",
    "pub_col_median": "Mediane wachttijd (dagen)",
    "pub_col_within": "Besluit binnen {days} dagen",
    "pub_out_of_school": "Thuiszitters",
    "pub_out_of_school_reading": "een thuiszitter is een leerplichtig kind dat niet "
                                 "ingeschreven staat op een school, of dat langer dan vier weken "
                                 "zonder geldige reden niet naar school gaat. Om gebieden van "
                                 "verschillende grootte te kunnen vergelijken tellen we ook per "
                                 "1.000 leerlingen. Vrijgestelde kinderen (die niet naar school "
                                 "hoeven) staan apart.",
    "pub_out_of_school_sentence": "In {year} zaten ongeveer {n} kinderen een tijd thuis zonder "
                                  "onderwijs: {rate} op elke 1.000 leerlingen.",
    "pub_col_per_1000": "Per 1.000 leerlingen",
    "pub_col_exempted": "Vrijgesteld",
    "pub_prevention": "Vroeg helpen: preventieve ondersteuning",
    "pub_prevention_reading": "preventieve ondersteuning is hulp die vroeg komt, vaak in de klas "
                              "of voor het hele team, nog voordat een kind vastloopt. Het "
                              "percentage is het deel van alle ondersteuningsuren dat preventief "
                              "was; het {organisation} wil dat deel laten groeien.",
    "pub_prevention_sentence": "In {year} was {share} van de ondersteuningsuren preventief.",
    "pub_prevention_up": "Dat is meer dan in {first_year} ({first}).",
    "pub_prevention_down": "Dat is minder dan in {first_year} ({first}).",
    "pub_prevention_same": "Dat is evenveel als in {first_year} ({first}).",
    "pub_col_supports": "Gestarte ondersteuning",
    "pub_col_preventive": "Waarvan preventief",
    "pub_col_preventive_share": "Deel preventieve uren",
    # -- issue 14 (waitreport): offers without tariff on Datakwaliteit --
    "dq_no_tariff_header": "Aanbod zonder tarief",
    "dq_no_tariff_none": "Elk aanbod heeft een tarief per plaats.",
    "dq_no_tariff_caption": "{offers} aanbodregels met samen {places} plaatsen hebben geen "
                            "tarief. In de kosten van het aanbod (plaatsen × tarief) tellen ze "
                            "met 0 euro mee: die kosten zijn te laag tot het tarief in de bron "
                            "is aangevuld (kolom tariff_eur van het aanbod).",
    "dq_provider": "Aanbieder",
    "dq_offers": "Aanbodregels",
    "dq_places": "Plaatsen",
    "dq_offer_ids": "Aanbodcodes",
    # -- issue 14 (waitreport): lead times per stage on Wachttijden --
    "wt_lt_header": "Doorlooptijd per fase: van aanmelding tot start van de ondersteuning",
    "wt_lt_title": "{year}: dossier compleet na {complete}, besluit {decision} later, start "
                   "{start} na het besluit",
    "wt_lt_title_plain": "Doorlooptijd per fase (mediaan)",
    "wt_lt_sub": "Mediaan per fase; de streepjes zijn de normen",
    "wt_lt_axis": "Dagen sinds ontvangst (medianen opgeteld)",
    "wt_lt_norm_complete": "Norm dossier compleet: {days} dagen na ontvangst",
    "wt_lt_norm_decision": "Norm besluit: {days} dagen na ontvangst",
    "wt_lt_norm_start": "Norm start: {days} dagen na het besluit",
    "wt_lt_hover": "{year}, {stage}: mediaan {median} (25e–75e percentiel: {p25}–{p75}; "
                   "n = {n})",
    "wt_lt_caption": "Elke balk zet de medianen van de drie fasen achter elkaar: een indruk van "
                     "de hele doorlooptijd, niet de mediaan ervan. De fase tot de start telt "
                     "alleen toegekende {what} waarbij ondersteuning startte. De tabel geeft "
                     "de exacte cijfers: P25 = een kwart was binnen zoveel kalenderdagen door "
                     "de fase, de mediaan de helft, P75 drie kwart.",
    "wt_lt_need_caption": "Niet gefilterd op ondersteuningsbehoefte: deze doorlooptijden "
                          "gelden voor alle behoeften.",
    "wt_lt_col_stage": "Fase",
    "wt_lt_col_n": "Aantal",
    "wt_lt_col_p25": "P25 (dagen)",
    "wt_lt_col_median": "Mediaan (dagen)",
    "wt_lt_col_p75": "P75 (dagen)",
    "wt_lt_col_norm": "Norm",
    "wt_lt_col_within": "Binnen de norm",
    "wt_lt_norm_days": "{days} dagen",
    "wt_lt_norm_decision_days": "{days} dagen na ontvangst",
    # -- issue 14 (waitreport): the new tables of the inspection pack and the board report --
    "rep_lead_times": "Doorlooptijd per fase tegen de normen",
    "rpt_sheet_lead_times": "Doorlooptijden per fase",
    "rpt_intro_lead_times": "{what} ontvangen in {year}, per fase: van ontvangst tot compleet "
                            "dossier, van compleet dossier tot besluit en van besluit tot de "
                            "start van de ondersteuning; 25e percentiel, mediaan en 75e "
                            "percentiel in kalenderdagen en het aandeel binnen de norm.",
    "rpt_note_lead_times": "Normen (pib.toml): dossier compleet binnen {complete} dagen na "
                           "ontvangst, start binnen {start} dagen na het besluit. De norm van "
                           "{decision} dagen loopt van ontvangst tot besluit (zie de "
                           "wachttijden); de fase van compleet dossier tot besluit heeft daarom "
                           "geen aandeel binnen de norm.",
    "rep_census": "Leerplichttelling: thuiszitters en vrijstellingen per soort en artikel",
    "rpt_sheet_census": "Leerplichttelling",
    "rpt_intro_census": "Unieke leerlingen in schooljaar {year} ({first} t/m {last}) per soort "
                        "verzuim, en bij vrijstellingen per artikel van de Leerplichtwet: bij "
                        "de start, nieuw in het jaar, totaal, langer dan 3 maanden, beëindigd "
                        "en open aan het eind.",
    "rep_by_category": "{what} so en vso per bekostigingscategorie",
    "rpt_sheet_by_category": "{what} per categorie",
    "rpt_intro_by_category": "Toegekende {what} voor so en vso met een besluit in {year}, per "
                             "bekostigingscategorie (laag, midden, hoog; onbekend als de "
                             "categorie ontbreekt).",
    "rpt_col_funding_category": "Bekostigingscategorie",
    "rep_border": "Grensverkeer: plaatsingen over de grens van de regio",
    "rpt_sheet_border": "Grensverkeer",
    "rpt_intro_border": "Toegekende {what} met een besluit in {year} en een bekende school van "
                        "plaatsing: uitgaand (de leerling woont in de regio, de school ligt "
                        "erbuiten), inkomend (andersom) en het saldo, inkomend min uitgaand.",
    "rpt_note_border": "De regio is de lijst gemeenten in pib.toml ([region] municipalities).",
    "rpt_col_outgoing": "Uitgaand",
    "rpt_col_incoming": "Inkomend",
    "rpt_col_balance": "Saldo (inkomend − uitgaand)",
    "rep_network_cost": "Plaatsen en kosten van het aanbod",
    "rpt_sheet_network_cost": "Kosten van het aanbod",
    "rpt_intro_network_cost": "Het aanbod van {year} per gemeente en ondersteuningsbehoefte: "
                              "plaatsen en kosten (plaatsen × tarief per plaats).",
    "rpt_note_network_cost": "Aanbod zonder tarief telt met € 0 mee; de pagina Datakwaliteit "
                             "toont welk aanbod dat is.",
    "rpt_col_places": "Plaatsen",
    "rpt_col_cost": "Kosten",
    "rep_finance": "Financiën: baten, lasten, preventief en curatief, reserve",
    "rpt_intro_finance": "Per schooljaar uit de realisatie: baten, lasten, preventieve en "
                         "curatieve uitgaven, de reserve aan het eind van het jaar tegen de "
                         "signaleringswaarde van de Inspectie (3,5% van de baten, minstens "
                         "€ 250.000) en hoeveel de reserve daarboven (positief) of daaronder "
                         "(negatief) ligt.",
    "rpt_note_finance": "De Inspectie past de signaleringswaarde toe op de jaarrekening "
                        "(kalenderjaren); op cijfers per schooljaar is het een indicatie.",
    "rpt_col_preventive": "Preventief",
    "rpt_col_curative": "Curatief",
    "rpt_col_above_eur": "Reserve min signaleringswaarde",
    "rpt_col_above_signal": "Boven de signaleringswaarde",
    # -- TLV detail, forecast, grensverkeer and cost of the network (Dekkend aanbod) --
    "tlv_heading": "{what}: soort, geldigheid en tempo",
    "tlv_month": "Peilmaand",
    "tlv_month_help": "Het einde van deze maand is de peildatum van de cijfers hieronder.",
    "tlv_rolling_metric": "{type} per 1.000, laatste 12 maanden",
    "tlv_rolling_help": "{granted} toegekend van {start} tot en met {end}; een jaar eerder "
                        "{before} per 1.000.",
    "tlv_rolling_caption": "Per 1.000 leerlingen in het regulier onderwijs, over de twaalf "
                           "maanden tot en met {end}; de verandering is tegen dezelfde twaalf "
                           "maanden een jaar eerder.",
    "tlv_axis": "Aantal",
    "tlv_category_title": "Toegekend so en vso naar bekostigingscategorie, {year}",
    "tlv_validity_heading": "Geldig op {date}, naar einddatum",
    "tlv_validity_none": "Op {date} zijn er geen geldige {what}.",
    "tlv_col_type": "Type",
    "tlv_rest_heading": "Rest van {year}: verwachting",
    "tlv_rest_intro": "Toegekend tot en met {date}, nog open aanvragen op die dag, en hoeveel er "
                      "tot het einde van het schooljaar nog bij komen: elk eerder jaar ging na "
                      "{month} verder in verhouding tot wat er toen al was toegekend; die "
                      "verhouding, met een interval van 90%.",
    "tlv_col_to_date": "Toegekend t/m peildatum",
    "tlv_col_open": "Nog open",
    "tlv_col_rest": "Verwacht erbij",
    "tlv_col_total": "Verwacht totaal",
    "tlv_col_interval": "90%-interval",
    "tlv_col_actual": "Werkelijk totaal",
    "tlv_rest_none": "Geen eerder schooljaar om van te leren: nog geen verwachting.",
    "tlv_rest_suppressed": "Een verwachting die rust op kleine aantallen (minder dan {min_cell}) "
                           "wordt voor deze rol niet getoond.",
    "tlv_forecast_hover": "verwacht {point} ({lower} tot {upper})",
    "tlv_next_title": "Toegekend per schooljaar en verwacht in {year}",
    "fc_heading": "Verwachte vraag {year}",
    "fc_intro": "Een prognose per reeks uit de volledige schooljaren {first} tot en met {last}: "
                "het gemiddelde, of een trend als de jaren die duidelijk laten zien (Poisson-"
                "model), met een interval waarin de vraag 9 van de 10 keer valt. Terugkijkend "
                "op eerdere jaren viel de werkelijke vraag in ongeveer 9 van de 10 gevallen "
                "binnen het interval (docs/forecast.md).",
    "fc_year_running": "Schooljaar {year} loopt nog en telt niet mee.",
    "fc_too_short": "Te weinig volledige schooljaren voor een prognose (minstens één nodig).",
    "fc_no_capacity": "Het aanbod voor {year} is nog niet geladen: de verwachte vraag staat "
                      "hieronder zonder capaciteit. Laad offers met schooljaar {year} om ze "
                      "naast elkaar te zien.",
    "fc_demand_heading": "Verwachte vraag naar toegekende ondersteuning per gemeente en behoefte",
    "fc_col_expected": "Verwacht",
    "fc_col_capacity": "Capaciteit {year}",
    "fc_col_gap": "Tekort (verwacht)",
    "fc_col_gap_upper": "Tekort (bovengrens)",
    "fc_gap_help": "Verwacht minus capaciteit, en bovengrens van het interval minus capaciteit "
                   "(niet onder 0).",
    "fc_suppressed": "{n} reeks(en) zonder prognose: hun geschiedenis heeft aantallen onder "
                     "{min_cell} (afgeleid van kleine aantallen).",
    "bt_heading": "Grensverkeer",
    "bt_intro": "Toegekende {what} in {year} met een bekende school van plaatsing: leerlingen "
                "uit de regio op een school erbuiten (uitgaand) en van buiten op een school in "
                "de regio (inkomend). Dit telt plaatsingen naar de gemeente van leerling en "
                "school; \"Ondersteuning buiten de regio\" hierboven telt ondersteuning op "
                "scholen die als buiten de regio staan geregistreerd.",
    "bt_col_incoming": "Inkomend",
    "bt_col_outgoing": "Uitgaand",
    "bt_col_balance": "Saldo",
    "bt_none": "Geen plaatsingen met een bekende school in {year}.",
    "nc_heading": "Kosten van het netwerk, {year}",
    "nc_places": "Plaatsen",
    "nc_cost": "Kosten",
    "nc_per_place": "Per plaats",
    "nc_none": "Geen aanbod in {year}.",
    # -- leersteun (Flemish profile): the Leersteun page, partner view, kwaliteitsrapport --
    # Shown only in the profile vl, so written in Flemish words.
    "page_leersteun": "Leersteun",
    "ls_intro": "Waar gaat de leersteun van het leersteuncentrum naartoe: naar de leerling, de "
                "leerkracht of het team, per type, fase en verslag, en hoe lang en hoe vaak. "
                "Leerkracht- en teamgerichte leersteun maakt scholen handelingsbekwaam.",
    "ls_kpi_share": "Aandeel leerkracht- en teamgerichte uren",
    "ls_share_metric": "Leerkracht- en teamgericht",
    "ls_share_axis": "% van de uren",
    "ls_share_title_up": "Leersteun verschuift naar leerkracht en team",
    "ls_share_title_down": "Leersteun verschuift terug naar de leerling",
    "ls_share_sub": "Leerkracht- en teamgerichte uren: van {first} ({first_year}) naar {last} "
                    "({year})",
    "ls_levels_title": "Uren leersteun per doelgroep en schooljaar",
    "ls_levels_sub": "Oranje: leerlinggericht, blauw: leerkrachtgericht, groen: teamgericht",
    "ls_hours": "Uren",
    "ls_started": "Gestart",
    "ls_pupil_started": "Leerlinggericht gestart",
    "ls_teacher_started": "Leerkrachtgericht gestart",
    "ls_team_started": "Teamgericht gestart",
    "ls_no_year": "Er is geen leersteun gestart in {year}.",
    "ls_no_filter": "De leersteuncijfers gelden voor alle gemeenten en ondersteuningsbehoeften "
                    "van uw scholen: het gemeente- en behoeftefilter geldt hier niet.",
    "ls_year_heading": "Waar gaat de leersteun naartoe in {year}",
    "ls_target_title": "Leersteun naar doelgroep, {year}",
    "ls_target_sub": "Aantal gestart; tussen haakjes het aandeel in de uren",
    "ls_type_title": "Leersteun naar type, {year}",
    "ls_type_sub": "Brede types (basisaanbod, 3, 9) en kleine types (2, 4, 6, 7)",
    "ls_phase_title": "Leersteun naar fase van het zorgcontinuüm, {year}",
    "ls_phase_sub": "Leersteun start in fase 2; fase 0 en 1 versterken de brede basiszorg",
    "ls_report_title": "Leersteun naar verslag, {year}",
    "ls_report_sub": "GC: gemeenschappelijk curriculum, IAC: individueel aangepast curriculum",
    "ls_supports_axis": "Aantal gestart",
    "ls_without_type_group": "Niet in de grafiek: {n} leersteun zonder type (vooral "
                             "teamgerichte leersteun).",
    "ls_without_report_type": "Niet in de grafiek: {n} leersteun zonder verslag (vooral "
                              "teamgerichte leersteun).",
    "ls_duration_heading": "Duur en frequentie, {year}",
    "ls_duration_caption": "Sessies per leerling: de sessies van leersteun met een "
                           "ondersteuningsvraag, gedeeld door het aantal verschillende "
                           "leerlingen. Duur: mediaan in weken van de afgeronde leersteun.",
    "ls_col_level": "Doelgroep",
    "ls_col_supports": "Gestart",
    "ls_col_pupils": "Leerlingen",
    "ls_col_sessions": "Sessies",
    "ls_col_sessions_per_support": "Sessies per leersteun",
    "ls_col_sessions_per_pupil": "Sessies per leerling",
    "ls_col_ended": "Afgerond",
    "ls_col_median_weeks": "Mediane duur (weken)",
    "ls_col_type_group": "Groep",
    "ls_col_type": "Type",
    "ls_col_phase": "Fase",
    "ls_col_report": "Verslag",
    "ls_col_hours_share": "Aandeel uren",
    "ls_partner_school": "U bekijkt de leersteun als school: alleen de leersteun op uw eigen "
                         "school ({schools}), met kleine groepen afgeschermd.",
    "ls_partner_clb": "U bekijkt de leersteun als CLB: de leersteun op de scholen die uw centrum "
                      "begeleidt ({schools}), met kleine groepen afgeschermd. Het CLB maakt het "
                      "verslag; hier ziet u wat er met de leersteun gebeurt.",
    "ls_partner_begeleider": "U bekijkt de leersteun als pedagogisch begeleider: de leersteun op "
                             "de scholen die u begeleidt ({schools}), met kleine groepen "
                             "afgeschermd. Leerkracht- en teamgerichte leersteun sluit aan bij "
                             "uw professionalisering van de teams.",
    "rpt_title_kwaliteitsrapport": "Kwaliteitsrapport leersteun",
    "rep_download_kwaliteitsrapport": "Kwaliteitsrapport leersteun ({fmt})",
    "rep_ls_trend": "Leerling-, leerkracht- en teamgerichte leersteun per schooljaar",
    "rep_ls_trend_sheet": "Verschuiving",
    "rep_ls_duration_sheet": "Duur en frequentie",
    "rep_ls_hours_pupil": "Uren leerlinggericht",
    "rep_ls_hours_teacher": "Uren leerkrachtgericht",
    "rep_ls_hours_team": "Uren teamgericht",
    "rpt_subtitle_kwaliteitsrapport": "Leersteun van het leersteuncentrum in schooljaar {year}: "
                                      "naar doelgroep, type, fase en verslag, duur en frequentie, "
                                      "voor de kwaliteitsbewaking",
    "rpt_kwaliteit_profile": "Het kwaliteitsrapport leersteun hoort bij het Vlaamse profiel "
                             "(terminology = \"vl\" in pib.toml); dit profiel is '{profile}'.",
    "rpt_intro_ls_trend": "Gestarte leersteun per schooljaar en de uren daarvan, leerling-, "
                          "leerkracht- en teamgericht, met het aandeel leerkracht- en "
                          "teamgerichte uren tegen het doel.",
    "rpt_intro_ls_target": "Leersteun gestart in {year}, naar doelgroep: aantal, uren en "
                           "aandeel in de uren.",
    "rpt_intro_ls_type": "Leersteun gestart in {year}, naar type: de brede types "
                         "(basisaanbod, type 3 en 9) en de kleine types (type 2, 4, 6 en 7).",
    "rpt_intro_ls_phase": "Leersteun gestart in {year}, naar fase van het zorgcontinuüm.",
    "rpt_intro_ls_report": "Leersteun gestart in {year}, naar verslag (GC, IAC, OV4).",
    "rpt_intro_ls_duration": "Leersteun gestart in {year}: hoe vaak (sessies per leersteun en "
                             "per leerling) en hoe lang (mediane duur in weken van de afgeronde "
                             "leersteun).",
    # OIDC login: "Inloggen met <provider>" (st.login) beside the password form
    "oidc_button": "Inloggen met {provider}",
    "oidc_default_provider": "uw organisatieaccount",
    "oidc_or_password": "Of log hieronder in met uw gebruikersnaam en wachtwoord.",
    "oidc_refused": "Inloggen met uw organisatieaccount is geweigerd: het e-mailadres van dat "
                    "account hoort bij geen gebruiker van dit dashboard, of de provider heeft "
                    "het niet bevestigd. U bent daar afgemeld. Vraag de beheerder uw "
                    "e-mailadres aan uw gebruiker te koppelen (`pib users set-email`).",
    "oidc_stale": "Uw aanmelding met uw organisatieaccount is verlopen. Log opnieuw in.",
    "oidc_admin_email": "E-mailadres (organisatieaccount)",
}

_VL: dict[str, str] = {
    "organisation": "ondersteuningsnetwerk",
    "referral": "ondersteuningsvraag",
    "referrals": "ondersteuningsvragen",
    "admissions": "verslagen",
    "out_of_school": "leerlingen met problematische afwezigheid",
    "out_of_school_title": "Problematische afwezigheid",
    "page_out_of_school": "Problematische afwezigheid",
    # -- public data context, DUO, Flemish maps --
    "cov_map_none": "Geen kaart: de grenzen van deze gemeenten zitten niet in de kaartgegevens "
                    "(Vlaamse en Brusselse gemeenten, NIS-codes).",
    "ctx_heading": "Deelname aan buitengewoon onderwijs",
    "ctx_overview_title": "Deelname buitengewoon onderwijs",
    "fig_month": "Maand van de ondersteuningsvraag",
    "wt_monthly_plain": "Wachttijd tot beslissing per maand van de ondersteuningsvraag",
    "wt_days_axis": "Dagen tot beslissing",
    "wt_to_decided": "ontvangst → beslissing",
    "ov_tile_within_norm": "Beslissing binnen {days} dagen",
    "ov_tile_median": "Mediane wachttijd tot beslissing",
    "rep_undecided": "Nog geen beslissing",
    "rep_referrals": "{what} naar type en beslissing",
    "rep_waiting": "Wachttijd tot beslissing tegen de norm van {days} dagen",
    "rep_col_decision": "Beslissing",
    "rep_admissions": "{what} per 1.000 leerlingen in het gewoon onderwijs",
    "rep_col_per_1000_regular": "Per 1.000 leerlingen gewoon onderwijs",
    "rpt_sheet_referrals": "{what} en beslissingen",
    "rpt_intro_referrals": "{what} ontvangen in {year}, naar soort aanvraag en beslissing (op "
                           "de dag van de lading).",
    "rpt_note_referrals": "Een lege cel zonder markering: geen ondersteuningsvragen met die "
                          "combinatie.",
    "rpt_sheet_waiting": "Wachttijden tot beslissing",
    "rpt_intro_waiting": "{what} ontvangen in {year} met een beslissing: mediane en lange (90e "
                         "percentiel) wachttijd in kalenderdagen en het aandeel beslist binnen "
                         "de norm van {days} dagen.",
    "rpt_intro_open": "{what} die op {date} nog op een beslissing wachtten, en hoe lang al (de "
                      "laatste dag van het schooljaar, of vandaag als het nog loopt).",
    "rpt_note_open": "6 weken = 42 dagen; 10 weken = 70 dagen (met de verlenging van 4 weken).",
    "rpt_intro_admissions": "Toegekende {what} naar buitengewoon onderwijs per schooljaar van de "
                            "beslissing, per 1.000 leerlingen in het gewoon onderwijs.",
    "rpt_intro_out_of_school": "Leerlingen die niet ingeschreven zijn of problematisch afwezig "
                               "zijn in het schooljaar, per 1.000 ingeschreven leerlingen, en "
                               "leerlingen met een vrijstelling.",
    "rpt_intro_prevention": "Gestarte ondersteuning per schooljaar en de uren daarvan, "
                            "preventief (vóór een ondersteuningsvraag) en curatief.",
    "rpt_title_inspectie": "Dossier voor de onderwijsinspectie",
    "rpt_title_bestuur": "Rapportage voor het bestuur van het ondersteuningsnetwerk",
    "os_kind_header": "Naar soort afwezigheid en duur",
    "os_kind_plain": "{what} naar soort afwezigheid",
    "os_reasons_kind": "Soort afwezigheid",
    "decided": "Beslissingen",
    "wt_intro": "Hoe lang wachten {what} op een beslissing? De norm: een beslissing binnen {norm} "
                "dagen, eenmaal te verlengen tot {extended} dagen.",
    # -- signals page (Signalen) --
    "sg_what_decisions": "beslissingen",
    "sg_funnel_school_admissions": "{what} per 1.000 leerlingen, per school (gewoon onderwijs)",
    # -- case register (Casussen, issue 16) --
    "cs_intro": "Casussen van kinderen die niet naar school gaan of geen passende plek hebben. "
                "Wat keert terug, bij wie en wanneer: om van te leren voor preventie en aanbod.",
    "cs_finding": "**{municipality} · {problem}**: {cases} casussen in {year} ({previous} in "
                  "het schooljaar ervoor), in {years} van de {of} schooljaren met casussen; "
                  "{secondary} in het (buitengewoon) secundair, {first_quarter} geopend in de "
                  "eerste drie maanden van het schooljaar (de overgang naar het secundair).",
    "cs_col_secondary": "In het secundair",
    "cs_moments_title": "Piek in {month}: {cases} casussen, waarvan {secondary} in het "
                        "secundair",
    "cs_secondary_cases": "Secundair (gewoon en buitengewoon)",
    "cs_moments_caption": "Per maand waarin de casus begon, vanaf de eerste maand van het "
                          "schooljaar. Een piek in het secundair aan het begin van het jaar wijst "
                          "op de overgang van het lager naar het secundair onderwijs.",
    # -- public page (/publiek) and its export: Flemish terms --
    "pub_subtitle": "Kerncijfers van {organisation}: voor ouders, scholen en lokale besturen",
    "pub_intro": "Hoe goed vinden leerlingen die extra ondersteuning nodig hebben een passende "
                 "plek? Vier kerncijfers van het hele ondersteuningsnetwerk, over de schooljaren. "
                 "Er staan geen cijfers van afzonderlijke scholen of leerlingen op deze pagina.",
    "pub_waiting": "Wachten op een beslissing",
    "pub_waiting_reading": "als een school of ouder een ondersteuningsvraag stelt, moet het "
                           "ondersteuningsnetwerk binnen {days} dagen beslissen. Het percentage "
                           "zegt hoeveel vragen op tijd een beslissing kregen; de mediaan is "
                           "de wachttijd waarbinnen de helft van de vragen een beslissing had.",
    "pub_waiting_sentence": "Van de ongeveer {decided} ondersteuningsvragen in {year} kreeg "
                            "{share} binnen {days} dagen een beslissing. De helft had binnen "
                            "{median} dagen een beslissing.",
    "pub_waiting_chart": "Ondersteuningsvragen met een beslissing binnen {days} dagen",
    "pub_col_decided": "Ondersteuningsvragen met een beslissing",
    "pub_col_within": "Beslissing binnen {days} dagen",
    "pub_out_of_school": "Problematische afwezigheid",
    "pub_out_of_school_reading": "het gaat om leerplichtige leerlingen die niet ingeschreven "
                                 "zijn of langdurig problematisch afwezig zijn. Om gebieden van "
                                 "verschillende grootte te kunnen vergelijken tellen we ook per "
                                 "1.000 leerlingen. Vrijgestelde leerlingen staan apart.",
    "pub_out_of_school_sentence": "In {year} waren ongeveer {n} leerlingen een tijd niet op "
                                  "school: {rate} op elke 1.000 leerlingen.",
    # -- issue 14 (waitreport): lead times per stage --
    "wt_lt_title": "{year}: dossier compleet na {complete}, beslissing {decision} later, start "
                   "{start} na de beslissing",
    "wt_lt_norm_decision": "Norm beslissing: {days} dagen na ontvangst",
    "wt_lt_norm_start": "Norm start: {days} dagen na de beslissing",
    "rpt_intro_lead_times": "{what} ontvangen in {year}, per fase: van ontvangst tot compleet "
                            "dossier, van compleet dossier tot beslissing en van beslissing tot "
                            "de start van de ondersteuning; 25e percentiel, mediaan en 75e "
                            "percentiel in kalenderdagen en het aandeel binnen de norm.",
    "rpt_note_lead_times": "Normen (pib.toml): dossier compleet binnen {complete} dagen na "
                           "ontvangst, start binnen {start} dagen na de beslissing. De norm van "
                           "{decision} dagen loopt van ontvangst tot beslissing (zie de "
                           "wachttijden); de fase van compleet dossier tot beslissing heeft "
                           "daarom geen aandeel binnen de norm.",
    "rpt_intro_border": "Toegekende {what} met een beslissing in {year} en een bekende school "
                        "van inschrijving: uitgaand (de leerling woont in het werkingsgebied, "
                        "de school ligt erbuiten), inkomend (andersom) en het saldo, inkomend "
                        "min uitgaand.",
    "wt_lt_header": "Doorlooptijd per fase: van ondersteuningsvraag tot start van de "
                    "ondersteuning",
    "rep_border": "Grensverkeer: inschrijvingen over de grens van het werkingsgebied",
    "rpt_note_border": "Het werkingsgebied is de lijst gemeenten in pib.toml ([region] "
                       "municipalities).",
}

CODES: dict[str, dict[str, str]] = {
    "need_category": {
        "learning": "Leren", "behaviour": "Gedrag", "communication": "Communicatie",
        "sensory": "Zintuiglijk", "physical": "Lichamelijk", "intellectual": "Verstandelijk",
        "psychiatric": "Psychiatrisch", "giftedness": "Hoogbegaafdheid", "other": "Overig",
        "unknown": "Onbekend",
    },
    "request_type": {
        "consultation": "Consultatie", "arrangement": "Arrangement",
        "admission_sbo": "TLV sbo", "admission_so": "TLV so", "admission_vso": "TLV vso",
        "other": "Overig",
    },
    "decision": {
        "granted": "Toegekend", "rejected": "Afgewezen", "withdrawn": "Ingetrokken",
        "referred": "Doorverwezen", "unknown": "Onbekend",
    },
    "prevention_level": {"preventive": "Preventief", "curative": "Curatief"},
    # `supports.kind` is free text in the canonical files: these are the kinds the demo (and
    # the sector) use; any other text is shown as it is.
    "support_kind": {
        "individual_arrangement": "Individueel arrangement",
        "ambulant_support": "Ambulante begeleiding", "placement": "Plaatsing",
        "consultation": "Consultatie (leerling)", "team_training": "Teamscholing",
        "classroom_support": "Ondersteuning in de klas",
        "school_consultation": "Consultatie (school)",
        "early_intervention": "Vroegtijdige interventie",
    },
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
    "finance_category": {
        "income": "Baten", "personnel": "Personeel", "school_support": "Basisondersteuning "
        "via de schoolbesturen", "arrangements": "Arrangementen",
        "special_education_transfer": "Afdracht (v)so", "other_expense": "Overige lasten",
        "reserve_end": "Reserve aan het eind van het jaar",
    },
    # -- TLV detail (Dekkend aanbod) --
    "funding_category": {"low": "Laag", "medium": "Midden", "high": "Hoog",
                         "unknown": "Onbekend"},
    "expiry_band": {"0_3_months": "Binnen 3 maanden", "3_6_months": "Over 3-6 maanden",
                    "6_12_months": "Over 6-12 maanden", "later": "Later",
                    "no_end_date": "Geen einddatum"},
    "exemption_article": {
        "art_5_a": "Art. 5 onder a", "art_5_b": "Art. 5 onder b", "art_5_c": "Art. 5 onder c",
        "art_5a": "Art. 5a", "art_15": "Art. 15", "art_3a": "Art. 3a",
    },
    "resolution": {
        "returned": "Terug naar school", "placed_regular": "Geplaatst in regulier onderwijs",
        "placed_special": "Geplaatst in speciaal onderwijs",
        "care_combination": "Onderwijs-zorgcombinatie", "moved": "Verhuisd",
        "exempted": "Vrijgesteld", "other": "Overig",
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
    # -- case register (issue 16): `open` and `unknown` are outcomes of cases_summary --
    "case_referrer": {
        "school": "School", "parents": "Ouders", "swv": "Samenwerkingsverband",
        "attendance_officer": "Leerplichtambtenaar", "care": "Zorg (jeugdhulp, wijkteam)",
        "other": "Anders",
    },
    "case_problem": {
        "out_of_school": "Thuiszitten", "no_fitting_place": "Geen passend aanbod",
        "support_not_offered": "Ondersteuning niet geboden",
        "care_education": "Onderwijs en zorg", "transport": "Leerlingenvervoer",
        "other": "Anders",
    },
    "case_sector": {
        "po": "Primair onderwijs", "vo": "Voortgezet onderwijs", "so": "Speciaal onderwijs",
        "vso": "Voortgezet speciaal onderwijs", "mbo": "Mbo", "none": "Geen onderwijs",
        "unknown": "Onbekend",
    },
    "case_outcome": {
        "placed_regular": "Geplaatst in regulier onderwijs",
        "placed_special": "Geplaatst in speciaal onderwijs",
        "care_combination": "Onderwijs-zorgcombinatie", "exemption": "Vrijstelling",
        "no_solution": "Geen oplossing", "withdrawn": "Ingetrokken", "open": "Open",
        "unknown": "Onbekend",
    },
    # -- issue 14 (waitreport): the stages of `lead_times`, in process order --
    "lead_stage": {
        "receipt_to_complete": "Ontvangst → dossier compleet",
        "complete_to_decision": "Dossier compleet → besluit",
        "decision_to_start": "Besluit → start ondersteuning",
    },
    # -- leersteun (Flemish profile): the codes of the leersteun columns of supports --
    "target_level": {"pupil": "Leerlinggericht", "teacher": "Leerkrachtgericht",
                     "team": "Teamgericht", "unknown": "Zonder doelgroep"},
    "type_group": {"broad": "Brede types", "small": "Kleine types", "unknown": "Zonder type"},
    "education_type": {
        "basic": "Basisaanbod", "type_2": "Type 2", "type_3": "Type 3", "type_4": "Type 4",
        "type_6": "Type 6", "type_7": "Type 7", "type_9": "Type 9", "unknown": "Zonder type",
    },
    "care_phase": {"0": "Fase 0 (brede basiszorg)", "1": "Fase 1 (verhoogde zorg)",
                   "2": "Fase 2 (uitbreiding van zorg)", "3": "Fase 3 (IAC)",
                   "unknown": "Fase onbekend"},
    "report_type": {"gc": "Verslag GC", "iac": "Verslag IAC", "ov4": "Verslag OV4",
                    "unknown": "Zonder verslag"},
}

_VL_CODES: dict[str, dict[str, str]] = {
    "entity": {"referrals": "ondersteuningsvragen", "out_of_school": "afwezigheid"},
    "request_type": {
        "admission_sbo": "Verslag bao", "admission_so": "Verslag buo",
        "admission_vso": "Verslag buso", "arrangement": "Uitbreiding van zorg",
    },
    # GLOSSARY: an arrangement is "uitbreiding van zorg" (fase 2), preventive work with a
    # team "teamondersteuning".
    "support_kind": {
        "individual_arrangement": "Uitbreiding van zorg",
        "team_training": "Teamondersteuning",
    },
    "out_of_school_kind": {
        "absolute_absence": "Niet ingeschreven", "long_relative_absence": "Problematische "
        "afwezigheid", "exemption": "Vrijstelling",
    },
    # -- case register (issue 16) --
    "case_referrer": {"swv": "Ondersteuningsnetwerk", "attendance_officer": "Leerplichtcontrole"},
    "case_problem": {"out_of_school": "Problematische afwezigheid"},
    "case_sector": {
        "po": "Basisonderwijs", "vo": "Secundair onderwijs", "so": "Buitengewoon basisonderwijs",
        "vso": "Buitengewoon secundair onderwijs", "mbo": "Beroepsopleiding na het secundair",
    },
    "case_outcome": {
        "placed_regular": "Geplaatst in gewoon onderwijs",
        "placed_special": "Geplaatst in buitengewoon onderwijs",
    },
    # -- issue 14 (waitreport) --
    "lead_stage": {
        "complete_to_decision": "Dossier compleet → beslissing",
        "decision_to_start": "Beslissing → start ondersteuning",
    },
}


def label(key: str, **values: object) -> str:
    """The UI text for `key` in the active terminology profile."""
    texts = {**_NL, **_VL} if get_settings().terminology == "vl" else _NL
    text = texts[key]
    return text.format(**values) if values else text


def capital(text: str) -> str:
    """First letter upper case, the rest as written ("TLV's" stays "TLV's", "verslagen" →
    "Verslagen"; str.capitalize would lower the rest)."""
    return text[:1].upper() + text[1:]


def code_label(field: str, code: str | None) -> str:
    """The Dutch (or Flemish) label of a code, e.g. ('decision', 'granted') → 'Toegekend'."""
    if code is None:
        return "Onbekend"
    vl = _VL_CODES.get(field, {}) if get_settings().terminology == "vl" else {}
    return vl.get(code) or CODES.get(field, {}).get(code, code)


def code_labels(field: str) -> dict[str, str]:
    """All codes of a field with their labels, in code-list order."""
    return {code: code_label(field, code) for code in CODES[field]}
