-- support_counts: supports started per school year, gemeente, prevention level and kind.
-- definition: supports by the school year of started_on (its first calendar year, `year`),
--   municipality_code, prevention_level and kind; supports = number of rows, hours = sum of
--   hours, cost_eur = sum of the known costs (empty when none is known). Read by
--   prevention_trend, prevention_by_kind, kpi_headline and filter_school_years.

with

final as (

    select
        school_year_start(started_on) as year,
        municipality_code,
        prevention_level,
        kind,
        count(*) as supports,
        sum(hours) as hours,
        sum(cost_eur) as cost_eur
    from supports
    group by all

)

select * from final
