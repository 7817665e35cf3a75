-- cases_trend: escalated cases per school year and problem type.
-- for: kwaliteit, bestuur
-- definition: cases per school year of opened_on and problem_type: cases = number of cases
--   opened. Only pairs with at least one case.
-- titel: Casussen per schooljaar en soort probleem
-- definitie: Het aantal casussen per schooljaar (datum opening) en soort probleem: welke
--   problemen vaker terugkomen.
-- params: -
-- grain: school_year, problem_type
-- columns: school_year, problem_type, cases
-- suppress: cases
-- counts: cases
-- time_basis: opened_on
-- why: a problem type that grows year after year is a gap in the network's offer, not bad luck
--   of one child.

with

years as (

    select school_year_start(opened_on) as year, problem_type
    from cases

),

final as (

    select school_year_label(year) as school_year, problem_type, count(*) as cases
    from years
    group by year, problem_type

)

select * from final
order by school_year, problem_type
