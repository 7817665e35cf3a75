-- prevention_trend: preventive against curative support, per school year.
-- for: bestuur, kwaliteit, Inspectie
-- definition: supports by school year of started_on; supports_started = all supports,
--   preventive_started = those with prevention_level preventive; hours summed as given;
--   preventive_hours_share = hours_preventive / hours_total (empty when hours_total is 0).
-- titel: Preventief en curatief, per schooljaar
-- definitie: Ondersteuning naar schooljaar van de startdatum: aantal gestart, waarvan preventief,
--   uren totaal en preventief (zoals aangeleverd), en het aandeel preventieve uren = uren
--   preventief / uren totaal (leeg als er geen uren zijn).
-- params: municipality_code text?
-- grain: school_year
-- columns: school_year, supports_started, preventive_started, hours_total, hours_preventive,
--   preventive_hours_share
-- suppress: supports_started -> preventive_started, hours_total, hours_preventive,
--   preventive_hours_share
-- numerator: hours of preventive support
-- denominator: all hours of support
-- time_basis: school year of `started_on`
-- why: Networks steer on moving effort from late, individual (curative) support to early, school-
--   and team-level (preventive) work; the ondersteuningsplan states the ambition and the board
--   checks the trend.
-- counts: supports_started, preventive_started
-- sums: supports_started >= preventive_started
-- margins: municipality_code in supports
-- rollup: kpi_headline.supports_started = supports_started

with

per_year as (

    select
        year,
        sum(supports)::bigint as supports_started,
        coalesce(sum(supports) filter (where prevention_level = 'preventive'), 0)::bigint
            as preventive_started,
        sum(hours) as hours_total,
        coalesce(sum(hours) filter (where prevention_level = 'preventive'), 0)
            as hours_preventive
    from support_counts
    where $municipality_code is null or municipality_code = $municipality_code
    group by year

),

final as (

    select
        school_year_label(year) as school_year,
        * exclude (year),
        hours_preventive / nullif(hours_total, 0) as preventive_hours_share
    from per_year

)

select * from final
order by school_year
