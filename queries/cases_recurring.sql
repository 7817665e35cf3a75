-- cases_recurring: which gemeente and problem combinations recur, for prevention.
-- for: kwaliteit, bestuur
-- definition: per municipality_code and problem_type with a case opened in the school year or
--   the one before: cases = cases opened in the school year; cases_previous = in the previous
--   school year; years_with_cases = the number of school years up to and including this one
--   with at least one case of the pair; cases_secondary = cases of the year of sector `vo` or
--   `vso`; cases_first_quarter = cases of the year opened in the first three months of the
--   school year (the transition from po to vo).
-- titel: Terugkerende casussen per gemeente en probleem
-- definitie: Per gemeente en soort probleem met een casus in dit of het vorige schooljaar: het
--   aantal casussen dit jaar en vorig jaar, in hoeveel schooljaren tot en met dit jaar er een
--   casus was, en hoeveel casussen van dit jaar leerlingen in vo of vso betreffen en in de
--   eerste drie maanden van het schooljaar begonnen (de overgang van po naar vo).
-- params: school_year school_year!
-- grain: municipality_code, problem_type
-- columns: municipality_code, problem_type, cases, cases_previous, years_with_cases,
--   cases_secondary, cases_first_quarter
-- suppress: cases -> years_with_cases, cases_secondary, cases_first_quarter
-- suppress: cases_previous
-- suppress: cases_secondary
-- suppress: cases_first_quarter
-- counts: cases, cases_previous, cases_secondary, cases_first_quarter
-- sums: cases >= cases_secondary
-- sums: cases >= cases_first_quarter
-- equals: cases_summary.cases = cases
-- time_basis: opened_on
-- why: one case is a child; the same problem in the same gemeente every year is a gap that
--   prevention and the offer can close.

with

dated as (

    select
        municipality_code,
        problem_type,
        school_year_start(opened_on) as year,
        sector in ('vo', 'vso') as secondary,
        opened_on < school_year_first_day($school_year) + interval 3 month as first_quarter
    from cases
    where school_year_start(opened_on) <= left($school_year, 4)::int

),

final as (

    select
        municipality_code,
        problem_type,
        count(*) filter (where year = left($school_year, 4)::int) as cases,
        count(*) filter (where year = left($school_year, 4)::int - 1) as cases_previous,
        count(distinct year) as years_with_cases,
        count(*) filter (where year = left($school_year, 4)::int and secondary)
            as cases_secondary,
        count(*) filter (where year = left($school_year, 4)::int and first_quarter)
            as cases_first_quarter
    from dated
    group by municipality_code, problem_type
    having max(year) >= left($school_year, 4)::int - 1

)

select * from final
order by municipality_code, problem_type
