-- waiting_distribution: how many referrals wait how long, in bands of two to four weeks.
-- for: kwaliteit, bestuur
-- definition: for referrals by school year of received_on, two waiting times in whole days:
--   received_to_decided = decided_on - received_on (decided referrals) and
--   received_to_complete = complete_on - received_on (referrals with a complete dossier);
--   counted in the bands 0-14, 15-28, 29-42 (within the 6-week norm), 43-70 (within the
--   extension of 4 weeks) and 71+ days; share = referrals in the band / all referrals of that
--   school year and measure. Every band appears, also when empty.
-- titel: Verdeling van wachttijden in banden
-- definitie: Per schooljaar van ontvangst: ontvangst → besluit en ontvangst → compleet dossier,
--   geteld in banden van 0–14, 15–28, 29–42 (binnen 6 weken), 43–70 (binnen de verlenging) en 71+
--   dagen, met het aandeel per band.
-- params: school_year school_year?; municipality_code text?; need_category text?; urgent bool?
-- grain: school_year, measure, band
-- columns: school_year, measure, band, referrals, share
-- suppress: referrals -> share
-- counts: referrals
-- margins: municipality_code in referrals, need_category in referrals, urgent in referrals
-- rollup: waiting_summary.decided = referrals[measure=received_to_decided]

with

filtered as (

    select school_year_start(received_on) as year, received_on, complete_on, decided_on
    from referrals
    where ($school_year is null or in_school_year(received_on, $school_year))
        and ($municipality_code is null or municipality_code = $municipality_code)
        and ($need_category is null or need_category = $need_category)
        and ($urgent is null or urgent = $urgent)

),

waits as (

    select year, 'received_to_decided' as measure, decided_on - received_on as days
    from filtered
    where decided_on is not null
    union all
    select year, 'received_to_complete' as measure, complete_on - received_on as days
    from filtered
    where complete_on is not null

),

per_day as (

    select year, measure, days, count(*) as referrals
    from waits
    group by year, measure, days

),

bands (band, min_days, max_days) as (

    values ('0-14', 0, 14), ('15-28', 15, 28), ('29-42', 29, 42), ('43-70', 43, 70),
        ('71+', 71, null)

),

grid as (

    select years.year, measures.measure, bands.*
    from (select distinct year from filtered) years
    cross join (values ('received_to_decided'), ('received_to_complete')) measures(measure)
    cross join bands

),

counted as (

    select
        grid.year,
        grid.measure,
        grid.band,
        coalesce(sum(per_day.referrals), 0)::bigint as referrals
    from grid
    left join per_day
        on per_day.year = grid.year
        and per_day.measure = grid.measure
        and per_day.days >= grid.min_days
        and (grid.max_days is null or per_day.days <= grid.max_days)
    group by grid.year, grid.measure, grid.band

),

final as (

    select
        school_year_label(year) as school_year,
        measure,
        band,
        referrals,
        referrals / nullif(sum(referrals) over (partition by year, measure), 0) as share
    from counted

)

select * from final
order by school_year, measure, band
