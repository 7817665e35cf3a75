-- support_by_education_type: leersteun per Flemish type: the brede types against the kleine.
-- for: kwaliteit, leersteuncentrum, bestuur
-- definition: supports started in the school year (by started_on), by education_type
--   (`unknown` where empty, e.g. team-level work) and type_group: `broad` for the brede types
--   `basic` (basisaanbod), `type_3` and `type_9` (funded as an envelope), `small` for the kleine
--   types `type_2`, `type_4`, `type_6` and `type_7` (funded per pupil), `unknown` without a
--   type; supports = number started, hours = sum of their hours as given.
-- titel: Leersteun naar type: brede en kleine types
-- definitie: Leersteun gestart in het schooljaar, naar het type van het verslag: de brede types
--   (basisaanbod, type 3 en type 9, met een enveloppe gefinancierd) en de kleine types (type 2,
--   4, 6 en 7, die de leerling volgen); zonder type (bv. teamgerichte leersteun) als onbekend.
--   Aantal gestart en som van de uren.
-- params: school_year school_year!
-- grain: type_group, education_type
-- columns: type_group, education_type, supports, hours
-- suppress: supports -> hours
-- counts: supports
-- equals: support_by_target.supports_started = supports
-- time_basis: school year of `started_on`
-- why: The brede types draw on an envelope the leersteuncentrum divides, the kleine types on
--   means that follow the pupil: a network steers the two differently.

with

typed as (

    select
        coalesce(education_type, 'unknown') as education_type,
        case
            when education_type in ('basic', 'type_3', 'type_9') then 'broad'
            when education_type in ('type_2', 'type_4', 'type_6', 'type_7') then 'small'
            else 'unknown'
        end as type_group,
        hours
    from supports
    where in_school_year(started_on, $school_year)

),

final as (

    select type_group, education_type, count(*) as supports, sum(hours) as hours
    from typed
    group by type_group, education_type

)

select * from final
order by type_group, education_type
