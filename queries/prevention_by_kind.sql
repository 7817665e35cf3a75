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

with

started as (

    select school_year_start(started_on) as year, prevention_level, kind, hours, cost_eur
    from supports
    where ($school_year is null or in_school_year(started_on, $school_year))
        and ($municipality_code is null or municipality_code = $municipality_code)

),

final as (

    select
        school_year_label(year) as school_year,
        prevention_level,
        kind,
        count(*) as supports,
        sum(hours) as hours,
        sum(cost_eur) as cost_eur
    from started
    group by year, prevention_level, kind

)

select * from final
order by school_year, prevention_level, kind
