-- support_duration: duration and frequency of leersteun: sessions per pupil, weeks.
-- for: kwaliteit, leersteuncentrum, bestuur
-- definition: supports started in the school year (by started_on), by target_level (`unknown`
--   where empty); supports = number started; pupils = distinct pupils of their referrals
--   (0 when none has a referral, e.g. team-level work); sessions = sum of the known
--   sessions; sessions_per_support = sessions / supports with known sessions;
--   sessions_per_pupil = sessions of the supports with a referral / pupils (empty when 0);
--   ended = supports with an ended_on; median_weeks = median of (ended_on − started_on) / 7 over the ended ones
--   (continuous median).
-- titel: Duur en frequentie van leersteun
-- definitie: Leersteun gestart in het schooljaar, naar doelgroep (leerling, leerkracht, team):
--   aantal gestart, aantal verschillende leerlingen (via hun ondersteuningsvraag), som van de
--   sessies, sessies per leersteun, sessies per leerling, aantal afgerond en de mediane duur in
--   weken (einddatum − startdatum, gedeeld door 7) van de afgeronde leersteun.
-- params: school_year school_year!
-- grain: target_level
-- columns: target_level, supports, pupils, sessions, sessions_per_support, sessions_per_pupil,
--   ended, median_weeks
-- suppress: supports -> sessions, sessions_per_support
-- suppress: pupils -> sessions_per_pupil
-- suppress: ended -> median_weeks
-- counts: supports, pupils, ended
-- sums: supports >= ended
-- equals: support_by_target.supports_started = supports
-- time_basis: school year of `started_on`
-- note: a support still running has no duration yet: median_weeks is over the ended ones only,
--   so in a running school year it leans to short supports.
-- why: The content, duration and frequency of leersteun are agreed with school, CLB and
--   ondersteuner; the leersteuncentrum accounts for them in its kwaliteitsbewaking.

with

started as (

    select
        coalesce(s.target_level, 'unknown') as target_level,
        s.sessions,
        s.ended_on - s.started_on as days,
        r.pupil_id
    from supports as s
    left join referrals as r using (referral_id)
    where in_school_year(s.started_on, $school_year)

),

final as (

    select
        target_level,
        count(*) as supports,
        count(distinct pupil_id) as pupils,
        sum(sessions)::bigint as sessions,
        sum(sessions) / nullif(count(sessions), 0) as sessions_per_support,
        sum(sessions) filter (where pupil_id is not null)
            / nullif(count(distinct pupil_id), 0) as sessions_per_pupil,
        count(days) as ended,
        quantile_cont(days, 0.5) / 7 as median_weeks
    from started
    group by target_level

)

select * from final
order by target_level
