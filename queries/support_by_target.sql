-- support_by_target: leersteun by whom it is aimed at: the pupil, the teacher or the team.
-- for: bestuur, kwaliteit, leersteuncentrum, school, CLB, pedagogisch begeleider
-- definition: supports started in the school year (by started_on), by target_level (`pupil`,
--   `teacher`, `team`; `unknown` where empty); supports_started = number of supports, hours =
--   sum of their hours as given, hours_share = hours / all hours of the supports started in
--   the school year (empty when those are 0).
-- titel: Leersteun naar doelgroep: leerling, leerkracht of team
-- definitie: Ondersteuning (leersteun) gestart in het schooljaar, naar wie ze zich richt:
--   leerling, leerkracht of team (onbekend als dat niet is opgegeven). Aantal gestart, som van
--   de uren (zoals aangeleverd) en het aandeel in alle uren van het schooljaar.
-- params: school_year school_year!
-- grain: target_level
-- columns: target_level, supports_started, hours, hours_share
-- suppress: supports_started -> hours, hours_share
-- counts: supports_started
-- equals: prevention_trend.supports_started = supports_started
-- numerator: hours of the supports aimed at that level
-- denominator: hours of all supports started in the school year
-- time_basis: school year of `started_on`
-- note: hours are no count, but the hours of a small group are a figure derived from it, so
--   they are suppressed with its count. Complementary suppression is still needed: when one row
--   is emptied, its hours follow from the others (all hours = hours / hours_share of any shown
--   row), and its count from prevention_trend's supports_started minus the shown rows.
-- why: The leersteundecreet asks leersteuncentra to make teachers and teams able to act
--   themselves ("handelingsbekwaam"): support moving from the pupil to the teacher and the team
--   is the Flemish measure of preventive work.

with

started as (

    select
        coalesce(target_level, 'unknown') as target_level,
        hours
    from supports
    where in_school_year(started_on, $school_year)

),

final as (

    select
        target_level,
        count(*) as supports_started,
        sum(hours) as hours,
        sum(hours) / nullif(sum(sum(hours)) over (), 0) as hours_share
    from started
    group by target_level

)

select * from final
order by target_level
