-- out_of_school_register: the cumulative anonymised thuiszitters list of a school year up to a day.
-- for: kwaliteit, beheer (Inspectie, quarterly thuiszittersregistratie); exact roles only
-- definition: one row per out-of-school episode of kind `absolute_absence` or
--   `long_relative_absence`, or of kind `exemption` with exemption_article `art_5_a`, active on
--   any day from the first day of the school year of `as_of` up to `as_of` (started_on <= as_of
--   and (ended_on empty or ended_on >= the first day)). No pupil id, pseudonym or episode id:
--   row_number is a sequence number over the rows sorted by started_on, municipality_code,
--   kind, ended_on and the other columns. ended_on later than as_of is shown empty (not known on
--   that day), and so is the resolution then; weeks = whole weeks from started_on to ended_on
--   or as_of, whichever is first ((days) // 7); has_offer and resolution as given. The free-text
--   reason is left out: it may hold names, and no export carries free text (a coded reason
--   category would belong here). The rows are individual episodes without ids: the query answers only the exact roles (`kwaliteit`, `beheer`; queries/roles.py
--   EXACT_ONLY_QUERIES), and no suppression applies since it counts nothing.
-- titel: Thuiszittersregistratie (cumulatieve lijst)
-- definitie: Eén rij per periode van absoluut verzuim, langdurig relatief verzuim of
--   vrijstelling op grond van artikel 5 onder a van de Leerplichtwet, die liep op een dag van de
--   eerste dag van het schooljaar tot en met de peildatum. Zonder leerlingnummer, pseudoniem of
--   periodenummer: het volgnummer telt de rijen, gesorteerd op startdatum en gemeente. Een
--   einddatum na de peildatum is leeg (op de peildatum nog niet bekend); weken = hele weken van
--   de startdatum tot de einddatum of de peildatum, wat het eerst komt. Alleen voor de rollen
--   kwaliteit en beheer: het zijn gegevens over afzonderlijke leerlingen.
-- params: as_of date!
-- grain: row_number
-- columns: row_number, municipality_code, kind, exemption_article, started_on, ended_on, weeks,
--   has_offer, resolution
-- time_basis: as_of; the school year is that of as_of (`pib.toml` school-year start)
-- why: the Inspectie asks every quarter for the cumulative list of thuiszitters of the school
--   year; this is that list, made without any identifier.
-- counts: -

with

bounds as (

    select
        school_year_first_day(school_year($as_of)) as first_day,
        $as_of::date as as_of

),

episodes as (

    select
        out_of_school.municipality_code,
        out_of_school.kind,
        case when out_of_school.kind = 'exemption' then out_of_school.exemption_article end
            as exemption_article,
        out_of_school.started_on,
        case when out_of_school.ended_on <= bounds.as_of then out_of_school.ended_on end
            as ended_on,
        (least(coalesce(out_of_school.ended_on, bounds.as_of), bounds.as_of)
            - out_of_school.started_on) // 7 as weeks,
        out_of_school.has_offer,
        case when out_of_school.ended_on <= bounds.as_of then out_of_school.resolution end
            as resolution
    from out_of_school
    cross join bounds
    where out_of_school.started_on <= bounds.as_of
        and (out_of_school.ended_on is null or out_of_school.ended_on >= bounds.first_day)
        and (
            out_of_school.kind in ('absolute_absence', 'long_relative_absence')
            or (out_of_school.kind = 'exemption' and out_of_school.exemption_article = 'art_5_a')
        )

),

final as (

    select
        row_number() over (
            order by started_on, municipality_code, kind, ended_on nulls last, weeks,
                has_offer nulls last, resolution nulls last
        ) as row_number,
        *
    from episodes

)

select * from final
order by row_number
