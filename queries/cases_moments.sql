-- cases_moments: in which month of the school year cases open, and how many in secondary age.
-- for: kwaliteit, bestuur
-- definition: cases opened in the school year per month of the school year in which opened_on
--   falls: position = 1 for the month the school year starts in (August; September in the
--   Flemish profile), up to 12; month = the calendar month (1-12); cases = number of cases;
--   cases_secondary = those of sector `vo` or `vso` (pupils of secondary age, where the move
--   from po to vo shows). Only months with a case.
-- titel: Casussen per maand van het schooljaar
-- definitie: Casussen die in het schooljaar zijn geopend, per maand van het schooljaar (1 = de
--   eerste maand, augustus; in Vlaanderen september): het aantal, en hoeveel daarvan leerlingen
--   in vo of vso betreffen. Een piek in de eerste maanden bij vo en vso wijst op de overgang
--   van po naar vo.
-- params: school_year school_year!
-- grain: position
-- columns: position, month, cases, cases_secondary
-- suppress: cases -> cases_secondary
-- suppress: cases_secondary
-- counts: cases, cases_secondary
-- sums: cases >= cases_secondary
-- equals: cases_summary.cases = cases
-- time_basis: opened_on
-- why: prevention has a calendar: cases that pile up at the start of the school year point to
--   a transition that was not prepared.

with

months as (

    select
        date_diff('month', school_year_first_day($school_year), opened_on) + 1 as position,
        month(opened_on) as month,
        sector in ('vo', 'vso') as secondary
    from cases
    where in_school_year(opened_on, $school_year)

),

final as (

    select
        position,
        any_value(month) as month,
        count(*) as cases,
        count(*) filter (where secondary) as cases_secondary
    from months
    group by position

)

select * from final
order by position
