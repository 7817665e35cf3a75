-- funnel: rates per 1,000 pupils of schools and gemeenten against the network, with limits.
-- definition: one row per school year (`year`), measure, level and unit (`subject`): cases, the
--   unit's pupils (sum of enrolments.pupils of the year, units with pupils only), rate = 1000 x
--   cases / pupils, network_rate = 1000 x p with p = all cases of the units of that year,
--   measure and level / all their pupils, and the funnel limits 1000 x (p -/+ z x sqrt(p(1 -
--   p) / pupils)) for z = 1.96 (95%) and z = 3.09 (99.8%), normal approximation of
--   Spiegelhalter's funnel plot, unclipped (a lower limit may be below 0). Measures: `referrals`
--   = referrals received in the year by their school_id; `admissions` = granted admission
--   referrals (admission_sbo, admission_so, admission_vso) decided in the year by their school_id,
--   over schools of regular education (po, vo, bao, so_vo) only; `out_of_school` = distinct
--   pupils with an absolute_absence or long_relative_absence episode overlapping the year, by the
--   episode's municipality_code (gemeente level only). Level `school`: subject = school_id, every
--   school with enrolments; level `municipality`: subject = the school's municipality_code, the
--   pupils and cases of its schools (out_of_school: the pupils of its schools as denominator).
--   Read by the named queries funnel_points and signals.

with

school_pupils as (

    select
        left(enrolments.school_year, 4)::int as year,
        enrolments.school_id,
        any_value(schools.name) as name,
        any_value(schools.municipality_code) as municipality_code,
        coalesce(bool_or(schools.sector in ('po', 'vo', 'bao', 'so_vo')), false) as regular,
        sum(enrolments.pupils)::bigint as pupils
    from enrolments
    left join schools using (school_id)
    group by all
    having sum(enrolments.pupils) > 0

),

school_cases as (

    select school_year_start(received_on) as year, school_id, 'referrals' as measure,
        count(*) as cases
    from referrals
    where school_id is not null
    group by all
    union all
    select school_year_start(decided_on), school_id, 'admissions', count(*)
    from referrals
    where school_id is not null and decision = 'granted'
        and request_type in ('admission_sbo', 'admission_so', 'admission_vso')
    group by all

),

schools_measured as (

    select
        school_pupils.year,
        measures.measure,
        school_pupils.school_id,
        school_pupils.name,
        school_pupils.municipality_code,
        school_pupils.pupils,
        coalesce(school_cases.cases, 0)::bigint as cases
    from school_pupils
    cross join (select unnest(['referrals', 'admissions']) as measure) measures
    left join school_cases
        on school_cases.year = school_pupils.year
        and school_cases.school_id = school_pupils.school_id
        and school_cases.measure = measures.measure
    where measures.measure = 'referrals' or school_pupils.regular

),

municipality_pupils as (

    select year, municipality_code, sum(pupils)::bigint as pupils
    from school_pupils
    where municipality_code is not null
    group by all

),

out_of_school_pupils as (

    select
        municipality_pupils.year,
        episodes.municipality_code,
        count(distinct episodes.pupil_id) as cases
    from municipality_pupils
    join out_of_school episodes
        on episodes.municipality_code = municipality_pupils.municipality_code
        and episodes.kind in ('absolute_absence', 'long_relative_absence')
        and school_year_start(episodes.started_on) <= municipality_pupils.year
        and (
            episodes.ended_on is null
            or school_year_start(episodes.ended_on) >= municipality_pupils.year
        )
    group by all

),

units as (

    select year, measure, 'school' as level, school_id as subject, name, cases, pupils
    from schools_measured
    union all
    select year, measure, 'municipality', municipality_code, null, sum(cases)::bigint,
        sum(pupils)::bigint
    from schools_measured
    where municipality_code is not null
    group by all
    union all
    select
        municipality_pupils.year,
        'out_of_school',
        'municipality',
        municipality_pupils.municipality_code,
        null,
        coalesce(out_of_school_pupils.cases, 0)::bigint,
        municipality_pupils.pupils
    from municipality_pupils
    left join out_of_school_pupils using (year, municipality_code)

),

network as (

    select year, measure, level, sum(cases) / sum(pupils) as p
    from units
    group by all

),

final as (

    select
        units.year,
        units.measure,
        units.level,
        units.subject,
        units.name,
        units.cases,
        units.pupils,
        1000 * units.cases / units.pupils as rate,
        1000 * network.p as network_rate,
        1000 * (network.p - 1.96 * sqrt(network.p * (1 - network.p) / units.pupils))
            as lower_95,
        1000 * (network.p + 1.96 * sqrt(network.p * (1 - network.p) / units.pupils))
            as upper_95,
        1000 * (network.p - 3.09 * sqrt(network.p * (1 - network.p) / units.pupils))
            as lower_998,
        1000 * (network.p + 3.09 * sqrt(network.p * (1 - network.p) / units.pupils))
            as upper_998
    from units
    join network using (year, measure, level)

)

select * from final
