-- outcomes: were the goals of support met, per school year of evaluation.
-- for: bestuur, kwaliteit, Inspectie
-- definition: outcome rows (evaluations) by school year of evaluated_on; evaluated = all rows;
--   achieved_share = rows with goal_attainment achieved / all; achieved_or_partly_share =
--   (achieved + partly) / all. municipality_code filters on the municipality of the support.
-- titel: Resultaten van ondersteuning
-- definitie: Evaluaties naar schooljaar van de evaluatiedatum: aantal, aandeel met doelen behaald,
--   aandeel behaald of deels behaald. Een ondersteuning die twee keer is geëvalueerd, telt twee
--   keer; het gemeentefilter kijkt naar de gemeente van de ondersteuning.
-- params: municipality_code text?
-- grain: school_year
-- columns: school_year, evaluated, achieved_share, achieved_or_partly_share
-- suppress: evaluated -> achieved_share, achieved_or_partly_share
-- numerator: evaluations with goal_attainment achieved (or partly)
-- denominator: all evaluations
-- time_basis: school year of `evaluated_on`; a support evaluated twice counts twice
-- why: Kwaliteitszorg: does the support the network pays for work? The Inspectie asks a network to
--   evaluate the effect of its support.
-- counts: evaluated
-- margins: municipality_code in supports
-- rollup: kpi_headline.evaluated = evaluated

with

evaluations as (

    select year, goal_attainment, evaluations
    from evaluation_counts
    where $municipality_code is null or municipality_code = $municipality_code

),

final as (

    select
        school_year_label(year) as school_year,
        sum(evaluations)::bigint as evaluated,
        coalesce(sum(evaluations) filter (where goal_attainment = 'achieved'), 0)
            / sum(evaluations) as achieved_share,
        coalesce(sum(evaluations) filter (where goal_attainment in ('achieved', 'partly')), 0)
            / sum(evaluations) as achieved_or_partly_share
    from evaluations
    group by year

)

select * from final
order by school_year
