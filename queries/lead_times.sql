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

chosen as (

    select referral_id, received_on, complete_on, decided_on, decision
    from referrals
    where ($school_year is null or in_school_year(received_on, $school_year))
        and ($municipality_code is null or municipality_code = $municipality_code)

),

first_starts as (

    select chosen.referral_id, min(supports.started_on) as started_on
    from chosen
    join supports
        on supports.referral_id = chosen.referral_id
        and supports.started_on >= chosen.decided_on
    where chosen.decision = 'granted'
    group by chosen.referral_id

),

stages as (

    select
        school_year_start(received_on) as year,
        'receipt_to_complete' as stage,
        complete_on - received_on as days,
        $complete_days as norm
    from chosen
    where complete_on is not null

    union all

    select
        school_year_start(received_on) as year,
        'complete_to_decision' as stage,
        decided_on - complete_on as days,
        null as norm
    from chosen
    where complete_on is not null and decided_on is not null

    union all

    select
        school_year_start(chosen.received_on) as year,
        'decision_to_start' as stage,
        first_starts.started_on - chosen.decided_on as days,
        $start_days as norm
    from chosen
    join first_starts using (referral_id)

),

final as (

    select
        school_year_label(year) as school_year,
        stage,
        count(*) as n,
        quantile_cont(days, 0.25) as p25_days,
        quantile_cont(days, 0.5) as median_days,
        quantile_cont(days, 0.75) as p75_days,
        count(*) filter (where days <= norm)
            / nullif(count(*) filter (where norm is not null), 0) as within_norm_share
    from stages
    group by year, stage

)

select * from final
order by school_year, stage
