-- waiting_monthly: waiting time for a decision by month of receipt.
-- for: kwaliteit
-- definition: referrals with a decided_on, by calendar month of received_on (month = its first
--   day); days = decided_on - received_on; median_days and p90_days continuous percentiles;
--   within_norm_share = share with days <= norm_days.
-- titel: Wachttijd naar maand van ontvangst
-- definitie: Aanmeldingen met een besluitdatum, per kalendermaand van ontvangst, voor een
--   trendlijn: aantal besluiten, mediaan en 90e percentiel van de wachttijd (besluitdatum −
--   ontvangstdatum in kalenderdagen, continu) en het aandeel besluiten binnen de norm van
--   `norm_days` dagen (standaard 42).
-- params: norm_days int = settings.decision_days; school_year school_year?;
--   municipality_code text?; need_category text?
-- grain: month
-- columns: month, school_year, decided, median_days, p90_days, within_norm_share
-- suppress: decided -> median_days, p90_days, within_norm_share
-- counts: decided
-- margins: municipality_code in referrals, need_category in referrals
-- rollup: waiting_summary.decided = decided

with

decided as (

    select
        date_trunc('month', received_on)::date as month,
        school_year_start(received_on) as year,
        decided_on - received_on as days
    from referrals
    where decided_on is not null
        and ($school_year is null or in_school_year(received_on, $school_year))
        and ($municipality_code is null or municipality_code = $municipality_code)
        and ($need_category is null or need_category = $need_category)

),

final as (

    select
        month,
        school_year_label(year) as school_year,
        count(*) as decided,
        quantile_cont(days, 0.5) as median_days,
        quantile_cont(days, 0.9) as p90_days,
        count(*) filter (where days <= $norm_days) / count(*) as within_norm_share
    from decided
    group by month, year

)

select * from final
order by month
