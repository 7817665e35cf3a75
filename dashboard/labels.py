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
    # common
    "filters": "Filters",
    "choose": "Kies een optie",
    "definition": "Definitie",
    "no_data": "Er zijn nog geen gegevens voor deze selectie.",
    "suppressed": "Te kleine groep: om leerlingen te beschermen tonen we dit aantal niet "
                  "(minder dan {min_cell}).",
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
    # figures named alike on the pages and on the page Rapportage: one key per figure
    "decided": "Besluiten",
    "median_days": "Mediaan (dagen)",
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
    "ov_tile_coverage": "Dekkend aanbod: tekort",
    "ov_days": "{value} dagen",
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
                        "Blauw = meer aanbod dan vraag. – = geen vraag; · = kleine groep.",
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
    "rep_col_suppressed": "Kleine groep",
    "rep_col_request_type": "Type aanvraag",
    "rep_col_decision": "Besluit",
    "rep_col_p90_days": "90e percentiel (dagen)",
    "rep_col_open_total": "Open",
    "rep_col_granted": "Toegekend",
    "rep_col_per_1000_regular": "Per 1.000 leerlingen regulier",
    "rep_col_hours_total": "Uren totaal",
    "rep_col_hours_preventive": "Uren preventief",
    "rep_col_achieved_or_partly": "Doelen (deels) behaald",
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
    "fig_hidden": "verborgen (kleine groep)",
    "fig_need_not_used": "Het filter ondersteuningsbehoefte geldt niet voor deze pagina: deze "
                         "gegevens kennen geen behoefte.",
    # Wachttijden
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
    "wt_as_of_help": "Standaard de laatste dag van het gekozen schooljaar (of vandaag, als die "
                     "eerder valt). De datum staat ook in de link van deze pagina.",
    "wt_as_of_month_end_help": "Voor uw rol alleen het einde van een maand: zo is uit twee "
                               "peildata niet af te leiden over welke aanmelding het gaat. "
                               "Standaard het laatste maandeinde van het gekozen schooljaar (of "
                               "vóór vandaag). De datum staat ook in de link van deze pagina.",
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
    "ctx_measure_help": "SBO-deelname = sbo / (bao + sbo); SO-deelname = so / (bao + sbo + so); "
                        "VSO-deelname = vso / (vo + vso).",
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
    "os_kind_header": "Naar soort afwezigheid en duur",
    "os_kind_plain": "{what} naar soort afwezigheid",
    "os_reasons_kind": "Soort afwezigheid",
    "decided": "Beslissingen",
    "wt_intro": "Hoe lang wachten {what} op een beslissing? De norm: een beslissing binnen {norm} "
                "dagen, eenmaal te verlengen tot {extended} dagen.",
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
