-- support_by_care_phase: leersteun per fase of the zorgcontinuüm.
-- for: kwaliteit, leersteuncentrum, bestuur
-- definition: supports started in the school year (by started_on), by care_phase as text
--   (`0` brede basiszorg, `1` verhoogde zorg, `2` uitbreiding van zorg, `3` IAC /
--   buitengewoon onderwijs; `unknown` where empty); supports = number started, hours = sum of
--   their hours as given.
-- titel: Leersteun naar fase van het zorgcontinuüm
-- definitie: Leersteun gestart in het schooljaar, naar fase van het zorgcontinuüm: fase 0
--   (brede basiszorg), 1 (verhoogde zorg), 2 (uitbreiding van zorg) en 3 (individueel aangepast
--   curriculum); onbekend als de fase niet is opgegeven. Aantal gestart en som van de uren.
-- params: school_year school_year!
-- grain: care_phase
-- columns: care_phase, supports, hours
-- suppress: supports -> hours
-- counts: supports
-- equals: support_by_target.supports_started = supports
-- time_basis: school year of `started_on`
-- why: Leersteun starts in phase 2; work in phases 0 and 1 is what the leersteuncentrum does to
--   strengthen the school's own care.

with

phased as (

    select coalesce(care_phase::varchar, 'unknown') as care_phase, hours
    from supports
    where in_school_year(started_on, $school_year)

),

final as (

    select care_phase, count(*) as supports, sum(hours) as hours
    from phased
    group by care_phase

)

select * from final
order by care_phase
