-- waiting_summary: how long referrals wait for a decision, per school year over all needs.
-- for: bestuur, kwaliteit, Inspectie
-- definition: as waiting_times, but one row per school year of received_on over all need
--   categories (or over one, with need_category): referrals with a decided_on; days =
--   decided_on - received_on in whole calendar days; median_days and p90_days are continuous
--   percentiles; within_norm_share = share of the decided referrals with days <= norm_days
--   (default 42); within_extension_share = share with days <= norm_days + extension_days
--   (the term extended once by 4 weeks: 70 days by default).
-- titel: Wachttijd tot besluit per schooljaar
-- definitie: Als `waiting_times`, maar één rij per schooljaar van ontvangst over alle
--   ondersteuningsbehoeften samen (of over één, met `need_category`): aantal besluiten, mediaan en
--   90e percentiel van de wachttijd, het aandeel binnen de norm (standaard 42 dagen) en het
--   aandeel binnen de eenmaal verlengde termijn (norm plus `[norms] extension_days`, standaard 70
--   dagen). De kerncijfers van de pagina Wachttijden.
-- params: norm_days int = settings.decision_days; extension_days int =
--   settings.extension_days; school_year school_year?; municipality_code text?;
--   need_category text?
-- grain: school_year
-- columns: school_year, decided, median_days, p90_days, within_norm_share,
--   within_extension_share
-- suppress: decided -> median_days, p90_days, within_norm_share, within_extension_share
-- numerator: decided referrals with days ≤ norm_days (≤ norm_days + extension_days)
-- denominator: decided referrals in the school year (`decided`)
-- time_basis: school year of `received_on`; undecided referrals are left out (see `open_referrals`)
-- why: The board's one-line answer to "do we decide in time?", with the gemeente and need filters
--   of the page; `waiting_times` splits the same referrals by need category. A median of a whole
--   year cannot be put together from the medians per need, hence a query of its own.
-- counts: decided
-- margins: municipality_code in referrals, need_category in referrals

with

decided as (

    select
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
        school_year_label(year) as school_year,
        count(*) as decided,
        quantile_cont(days, 0.5) as median_days,
        quantile_cont(days, 0.9) as p90_days,
        count(*) filter (where days <= $norm_days) / count(*) as within_norm_share,
        count(*) filter (where days <= $norm_days + $extension_days) / count(*)
            as within_extension_share
    from decided
    group by year

)

select * from final
order by school_year
