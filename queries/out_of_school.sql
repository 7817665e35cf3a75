-- out_of_school: thuiszitters - pupils without education, per school year and per 1,000 pupils.
-- for: bestuur, kwaliteit, gemeenten, Inspectie
-- definition: pupils_out_of_school = distinct pupils with an absolute_absence or
--   long_relative_absence episode overlapping the school year (started_on <= its last day and
--   ended_on empty or >= its first day); per_1000_pupils = that x 1000 / sum of
--   enrolments.pupils in that school year (empty without enrolments); pupils_exempted likewise
--   for exemption. One row for every school year from the first to the last one seen in
--   enrolments or in episode start and end dates.
-- titel: Thuiszitters per schooljaar en per 1.000 leerlingen
-- definitie: Aantal verschillende leerlingen met een periode van absoluut verzuim of langdurig
--   relatief verzuim die het schooljaar overlapt (begonnen op of vóór de laatste dag, niet of
--   op/na de eerste dag beëindigd); per 1.000 leerlingen = dat × 1.000 / som van de ingeschreven
--   leerlingen (`enrolments`) in dat schooljaar; vrijstellingen apart, op dezelfde manier geteld.
-- params: -
-- grain: school_year
-- columns: school_year, pupils_out_of_school, per_1000_pupils, pupils_exempted
-- suppress: pupils_out_of_school -> per_1000_pupils
-- suppress: pupils_exempted
-- numerator: distinct pupils with an overlapping absence episode
-- denominator: sum of `enrolments.pupils` of the school year, all schools
-- time_basis: overlap with the school year; an episode spanning two years counts in both, an
--   ongoing one in every year from its start
-- why: Thuiszitters are the sharpest sign that coverage fails; networks, gemeenten (leerplicht) and
--   the Inspectie follow every one of them. Sector practice reports absolute and long relative
--   absence per 1,000 pupils, and exemptions (vrijstellingen) separately.
-- counts: pupils_out_of_school, pupils_exempted
-- rollup: kpi_headline.pupils_out_of_school = pupils_out_of_school

with

episodes as (

    select
        pupil_id,
        kind,
        school_year_start(started_on) as first_year,
        school_year_start(ended_on) as last_year
    from out_of_school

),

enrolled as (

    select left(school_year, 4)::int as year, sum(pupils)::bigint as pupils
    from enrolments
    group by year

),

years as (

    select unnest(generate_series(min(year), max(year))) as year
    from (
        select year from enrolled
        union all select first_year from episodes
        union all select last_year from episodes
    )

),

counted as (

    select
        years.year,
        count(distinct pupil_id) filter (
            where kind in ('absolute_absence', 'long_relative_absence')
        ) as pupils_out_of_school,
        count(distinct pupil_id) filter (where kind = 'exemption') as pupils_exempted
    from years
    left join episodes
        on episodes.first_year <= years.year
        and (episodes.last_year is null or episodes.last_year >= years.year)
    group by years.year

),

final as (

    select
        counted.year || '-' || (counted.year + 1) as school_year,
        pupils_out_of_school,
        pupils_out_of_school * 1000 / nullif(enrolled.pupils, 0) as per_1000_pupils,
        pupils_exempted
    from counted
    left join enrolled using (year)

)

select * from final
order by school_year
