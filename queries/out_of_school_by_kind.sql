-- out_of_school_by_kind: thuiszitters per kind of absence, and how long episodes last.
-- for: kwaliteit, bestuur, gemeenten
-- definition: per school year and out-of-school kind: pupils = distinct pupils with an
--   episode of that kind overlapping the school year (as in out_of_school); episodes_ended =
--   episodes of that kind with ended_on in the school year; median_duration_days = continuous
--   median of ended_on - started_on over those ended episodes. Every kind for every school
--   year of out_of_school.
-- titel: Thuiszitters naar soort verzuim en duur
-- definitie: Per schooljaar en soort verzuim: verschillende leerlingen met een periode van die
--   soort die het schooljaar overlapt (als bij `out_of_school`), perioden van die soort die in het
--   schooljaar eindigden, en hun mediane duur (einddatum − begindatum in dagen, continu). Elke
--   soort voor elk schooljaar.
-- params: municipality_code text?
-- grain: school_year, kind
-- columns: school_year, kind, pupils, episodes_ended, median_duration_days
-- suppress: pupils
-- suppress: episodes_ended -> median_duration_days
-- counts: pupils, episodes_ended
-- margins: municipality_code in out_of_school
-- rollup: out_of_school.pupils_exempted = pupils[kind=exemption]

with

episodes as (

    select
        pupil_id,
        kind,
        school_year_start(started_on) as first_year,
        school_year_start(ended_on) as last_year,
        ended_on - started_on as duration_days
    from out_of_school
    where $municipality_code is null or municipality_code = $municipality_code

),

years as (

    select unnest(generate_series(min(year), max(year))) as year
    from (
        select left(school_year, 4)::int as year from enrolments
        union all select school_year_start(started_on) from out_of_school
        union all select school_year_start(ended_on) from out_of_school
    )

),

kinds as (

    select unnest(['absolute_absence', 'long_relative_absence', 'exemption']) as kind

),

counted as (

    select
        years.year,
        kinds.kind,
        count(distinct episodes.pupil_id) as pupils,
        count(*) filter (where episodes.last_year = years.year) as episodes_ended,
        quantile_cont(episodes.duration_days, 0.5) filter (where episodes.last_year = years.year)
            as median_duration_days
    from years
    cross join kinds
    left join episodes
        on episodes.kind = kinds.kind
        and episodes.first_year <= years.year
        and (episodes.last_year is null or episodes.last_year >= years.year)
    group by years.year, kinds.kind

),

final as (

    select year || '-' || (year + 1) as school_year, kind, pupils, episodes_ended,
        median_duration_days
    from counted

)

select * from final
order by school_year, kind
