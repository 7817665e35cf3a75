-- prevention_by_kind: support per kind, preventive or curative: how much and at what cost.
-- for: bestuur, kwaliteit
-- definition: supports by school year of started_on, prevention_level and kind; supports =
--   number started, hours = sum of hours, cost_eur = sum of the known costs (empty when no
--   cost is known).
-- titel: Ondersteuning naar soort
-- definitie: Ondersteuning naar schooljaar van de startdatum, preventief of curatief en soort:
--   aantal gestart, som van de uren en som van de bekende kosten (leeg als van geen enkele
--   ondersteuning de kosten bekend zijn).
-- params: school_year school_year?; municipality_code text?
-- grain: school_year, prevention_level, kind
-- columns: school_year, prevention_level, kind, supports, hours, cost_eur
-- suppress: supports -> hours, cost_eur
-- counts: supports
-- margins: municipality_code in supports
-- rollup: prevention_trend.supports_started = supports

with

final as (

    select
        school_year_label(year) as school_year,
        prevention_level,
        kind,
        sum(supports)::bigint as supports,
        sum(hours) as hours,
        sum(cost_eur) as cost_eur
    from support_counts
    where ($school_year is null or year = left($school_year, 4)::int)
        and ($municipality_code is null or municipality_code = $municipality_code)
    group by year, prevention_level, kind

)

select * from final
order by school_year, prevention_level, kind
