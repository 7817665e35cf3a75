-- lead_times: the lead time of each stage of a referral, from receipt to the start of support.
-- for: bestuur, kwaliteit, Inspectie
-- definition: referrals by school year of received_on, one row per stage:
--   receipt_to_complete = complete_on - received_on; complete_to_decision = decided_on -
--   complete_on; decision_to_start = for `granted` referrals, the earliest started_on on or
--   after decided_on among the supports with that referral_id, minus decided_on (supports that
--   started before the decision are ignored; a referral without such a support is left out).
--   Each stage over the referrals with both dates, in whole calendar days; n = those referrals;
--   p25_days, median_days, p75_days are continuous percentiles (quantile_cont).
--   within_norm_share = share with days <= complete_days (default `[norms] complete_days`, 21)
--   for receipt_to_complete, <= start_days (default `[norms] start_days`, 28) for
--   decision_to_start, empty for complete_to_decision.
-- titel: Doorlooptijden per fase
-- definitie: Aanmeldingen per schooljaar van ontvangst, één rij per fase: ontvangst tot
--   compleet dossier (datum compleet − ontvangstdatum), compleet dossier tot besluit
--   (besluitdatum − datum compleet) en besluit tot start van de ondersteuning (bij toegekende
--   aanmeldingen de vroegste startdatum op of na het besluit van de ondersteuning bij die
--   aanmelding, min de besluitdatum; ondersteuning die voor het besluit begon telt niet mee,
--   een aanmelding zonder zulke ondersteuning valt weg). Per fase de aanmeldingen met beide
--   datums, in kalenderdagen; 25e percentiel, mediaan en 75e percentiel zijn continu. Binnen de
--   norm = aandeel met ten hoogste `complete_days` dagen (standaard `[norms] complete_days`, 21)
--   tot compleet dossier en ten hoogste `start_days` dagen (standaard `[norms] start_days`, 28)
--   tot de start; leeg voor de fase tot besluit.
-- params: school_year school_year?; municipality_code text?;
--   complete_days int = settings.complete_days; start_days int = settings.start_days
-- grain: school_year, stage
-- columns: school_year, stage, n, p25_days, median_days, p75_days, within_norm_share
-- suppress: n -> p25_days, median_days, p75_days, within_norm_share
-- counts: n
-- margins: municipality_code in referrals

with

stages as (

    select
        received_year as year,
        stage,
        days,
        case stage
            when 'receipt_to_complete' then $complete_days
            when 'decision_to_start' then $start_days
        end as norm,
        referrals as k
    from lead_time_days
    where ($school_year is null or school_year_label(received_year) = $school_year)
        and ($municipality_code is null or municipality_code = $municipality_code)

),

-- The percentiles from the day frequencies, interpolated as quantile_cont does: at position
-- (n - 1) * q of the sorted days, between the days below and above it (a national year holds
-- millions of referrals but a few hundred distinct day counts; docs/performance.md).
days_counted as (

    select year, stage, days, any_value(norm) as norm, sum(k) as k
    from stages
    group by year, stage, days

),

cumulative as (

    select
        year, stage, days, norm, k,
        sum(k) over (partition by year, stage order by days) as up_to,
        sum(k) over (partition by year, stage) as n
    from days_counted

),

around as (

    select
        year,
        stage,
        any_value(n)::bigint as n,
        min(days) filter (where up_to > floor((n - 1) * 0.25)) as p25_below,
        min(days) filter (where up_to > ceil((n - 1) * 0.25)) as p25_above,
        min(days) filter (where up_to > floor((n - 1) * 0.5)) as p50_below,
        min(days) filter (where up_to > ceil((n - 1) * 0.5)) as p50_above,
        min(days) filter (where up_to > floor((n - 1) * 0.75)) as p75_below,
        min(days) filter (where up_to > ceil((n - 1) * 0.75)) as p75_above,
        coalesce(sum(k) filter (where days <= norm), 0)
            / nullif(sum(k) filter (where norm is not null), 0) as within_norm_share
    from cumulative
    group by year, stage

),

final as (

    select
        school_year_label(year) as school_year,
        stage,
        n,
        (p25_below + (p25_above - p25_below)
            * ((n - 1) * 0.25 - floor((n - 1) * 0.25)))::double as p25_days,
        (p50_below + (p50_above - p50_below)
            * ((n - 1) * 0.5 - floor((n - 1) * 0.5)))::double as median_days,
        (p75_below + (p75_above - p75_below)
            * ((n - 1) * 0.75 - floor((n - 1) * 0.75)))::double as p75_days,
        within_norm_share::double as within_norm_share
    from around

)

select * from final
order by school_year, stage
