-- waiting_times: how long referrals wait for a decision, against the norm.
-- for: bestuur, kwaliteit, Inspectie
-- definition: referrals with a decided_on, by school year of received_on and need category;
--   days = decided_on - received_on in whole calendar days; median_days and p90_days are
--   continuous percentiles (quantile_cont); within_norm_share = share of the decided
--   referrals with days <= norm_days (default the zorgplicht norm of 6 weeks, 42 days).
-- titel: Wachttijd tot besluit
-- definitie: Aanmeldingen met een besluitdatum, per schooljaar van ontvangst en
--   ondersteuningsbehoefte. Wachttijd = besluitdatum − ontvangstdatum in kalenderdagen. Mediaan en
--   90e percentiel zijn continu; binnen de norm = aandeel besluiten met een wachttijd van ten
--   hoogste `norm_days` dagen (standaard de zorgplichttermijn van 6 weken, 42 dagen; instelbaar in
--   `pib.toml` `[norms] decision_days`).
-- params: norm_days int = settings.decision_days; school_year school_year?; municipality_code text?
-- grain: school_year, need_category
-- columns: school_year, need_category, decided, median_days, p90_days, within_norm_share
-- suppress: decided -> median_days, p90_days, within_norm_share
-- numerator: decided referrals with days ≤ norm_days (within_norm_share)
-- denominator: decided referrals in the group (`decided`)
-- time_basis: school year of `received_on`; undecided referrals are left out (see `open_referrals`)
-- why: The zorgplicht gives a school 6 weeks to decide, once extendable by 4; networks use the same
--   term for their own decisions (TLV, arrangement). Median and p90 show both the usual and the
--   long waits; the Inspectie asks whether a network decides in time and whether some needs wait
--   longer. Sector practice splits the waiting time into receipt → complete dossier → decision:
--   this figure is receipt → decision, `waiting_distribution` shows both parts.
-- counts: decided
-- margins: municipality_code in referrals
-- rollup: waiting_summary.decided = decided

with

decided as (

    select
        school_year_start(received_on) as year,
        need_category,
        decided_on - received_on as days
    from referrals
    where decided_on is not null
        and ($school_year is null or in_school_year(received_on, $school_year))
        and ($municipality_code is null or municipality_code = $municipality_code)

),

final as (

    select
        school_year_label(year) as school_year,
        need_category,
        count(*) as decided,
        quantile_cont(days, 0.5) as median_days,
        quantile_cont(days, 0.9) as p90_days,
        count(*) filter (where days <= $norm_days) / count(*) as within_norm_share
    from decided
    group by year, need_category

)

select * from final
order by school_year, need_category
