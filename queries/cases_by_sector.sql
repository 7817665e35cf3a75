-- cases_by_sector: the sector of the pupils of the cases of a school year.
-- for: kwaliteit, bestuur
-- definition: cases opened in the school year (by opened_on) per sector of the pupil (`unknown`
--   where empty): cases = number of cases; open_cases = those without closed_on.
-- titel: Casussen naar sector
-- definitie: Casussen die in het schooljaar zijn geopend, naar de sector van de leerling (po,
--   vo, so, vso, mbo, geen; leeg telt als onbekend): het aantal, en hoeveel daarvan nog open
--   zijn.
-- params: school_year school_year!
-- grain: sector
-- columns: sector, cases, open_cases
-- suppress: cases -> open_cases
-- suppress: open_cases
-- counts: cases, open_cases
-- sums: cases >= open_cases
-- equals: cases_summary.cases = cases
-- equals: cases_summary.cases[outcome=open] = open_cases
-- time_basis: opened_on
-- why: shows in which part of the system children fall between the cracks.

with

final as (

    select
        coalesce(sector, 'unknown') as sector,
        count(*) as cases,
        count(*) filter (where closed_on is null) as open_cases
    from cases
    where in_school_year(opened_on, $school_year)
    group by all

)

select * from final
order by sector
