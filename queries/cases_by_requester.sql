-- cases_by_requester: who brought the cases of a school year, and how long the child was out.
-- for: kwaliteit, bestuur
-- definition: cases opened in the school year (by opened_on) per referred_by: cases = number of
--   cases; median_days_out_before = continuous median of days_out_before over the cases that
--   give it.
-- titel: Casussen naar aanmelder
-- definitie: Casussen die in het schooljaar zijn geopend, naar wie de casus inbracht (school,
--   ouders, samenwerkingsverband, leerplicht, zorg, anders): het aantal en de mediaan van het
--   aantal dagen zonder onderwijs vóór de casus (over de casussen die het vermelden).
-- params: school_year school_year!
-- grain: referred_by
-- columns: referred_by, cases, median_days_out_before
-- suppress: cases -> median_days_out_before
-- counts: cases
-- equals: cases_summary.cases = cases
-- time_basis: opened_on
-- why: when parents or leerplicht bring most cases, the schools' own signal came late.

with

final as (

    select
        referred_by,
        count(*) as cases,
        quantile_cont(days_out_before, 0.5)::double as median_days_out_before
    from cases
    where in_school_year(opened_on, $school_year)
    group by referred_by

)

select * from final
order by referred_by
