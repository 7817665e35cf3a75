-- outcome_destinations: where pupils went after support, per school year of evaluation.
-- for: bestuur, kwaliteit, Inspectie
-- definition: outcome rows by school year of evaluated_on and destination (empty destination
--   as 'unknown'); evaluations = number of rows; share = evaluations / all evaluations of that
--   school year. municipality_code filters on the municipality of the support.
-- titel: Bestemming na ondersteuning
-- definitie: Evaluaties naar schooljaar van de evaluatiedatum en bestemming (regulier, sbo, so,
--   vso, overig; leeg telt als onbekend), met het aandeel van alle evaluaties van dat schooljaar.
--   Het gemeentefilter kijkt naar de gemeente van de ondersteuning.
-- params: municipality_code text?
-- grain: school_year, destination
-- columns: school_year, destination, evaluations, share
-- suppress: evaluations -> share
-- counts: evaluations
-- margins: municipality_code in supports
-- rollup: outcomes.evaluated = evaluations

with

counted as (

    select year, destination, sum(evaluations)::bigint as evaluations
    from evaluation_counts
    where $municipality_code is null or municipality_code = $municipality_code
    group by year, destination

),

final as (

    select
        school_year_label(year) as school_year,
        destination,
        evaluations,
        evaluations / sum(evaluations) over (partition by year) as share
    from counted

)

select * from final
order by school_year, destination
