-- cases_summary: escalated cases of a school year by problem and outcome, and how long they ran.
-- for: kwaliteit, bestuur
-- definition: cases opened in the school year (by opened_on), per problem_type and outcome;
--   outcome is `open` while closed_on is empty (and `unknown` for a closed case without an
--   outcome); cases = number of cases; median_days_open = continuous median of closed_on -
--   opened_on over the closed cases of the row (empty for `open`).
-- titel: Casussen naar probleem en uitkomst
-- definitie: Casussen die in het schooljaar zijn geopend (datum opening), per soort probleem en
--   uitkomst; een casus zonder datum afsluiting telt als `open`, een afgesloten casus zonder
--   uitkomst als onbekend. Per rij het aantal casussen en de mediane looptijd (datum afsluiting
--   − datum opening in dagen, continu) van de afgesloten casussen.
-- params: school_year school_year!
-- grain: problem_type, outcome
-- columns: problem_type, outcome, cases, median_days_open
-- suppress: cases -> median_days_open
-- counts: cases
-- rollup: cases_trend.cases = cases
-- time_basis: opened_on
-- why: the register of the thuiszittersoverleg shows which problems reach escalation and
--   whether they end in a place; the duration is what a child waits.

with

cases_of_year as (

    select
        problem_type,
        case
            when closed_on is null then 'open'
            else coalesce(outcome, 'unknown')
        end as outcome,
        closed_on - opened_on as days_open
    from cases
    where in_school_year(opened_on, $school_year)

),

final as (

    select
        problem_type,
        outcome,
        count(*) as cases,
        quantile_cont(days_open, 0.5)::double as median_days_open
    from cases_of_year
    group by problem_type, outcome

)

select * from final
order by problem_type, outcome
