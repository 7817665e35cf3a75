-- evaluation_counts: evaluations per school year, gemeente, attainment and destination.
-- definition: outcome rows (evaluations) by the school year of evaluated_on (its first calendar
--   year, `year`), the municipality_code of the evaluated support (empty when the support is
--   unknown or has none), goal_attainment and destination (empty as 'unknown'); evaluations =
--   number of rows. Read by outcomes, outcome_destinations and kpi_headline.

with

final as (

    select
        school_year_start(outcomes.evaluated_on) as year,
        supports.municipality_code,
        outcomes.goal_attainment,
        coalesce(outcomes.destination, 'unknown') as destination,
        count(*) as evaluations
    from outcomes
    left join supports using (support_id)
    group by all

)

select * from final
