-- kpi_headline: the board's headline figures, one row per school year.
-- for: bestuur, kwaliteit
-- definition: per school year, each figure exactly as its own query defines it:
--   referrals_received = referrals with received_on in the school year; decided,
--   median_waiting_days and within_norm_share as waiting_times over all need categories;
--   open_at_year_end = open_total of open_referrals on the last day of the school year;
--   supports_started and preventive_hours_share as prevention_trend; pupils_out_of_school and
--   out_of_school_per_1000 as out_of_school (per_1000_pupils); evaluated and achieved_share as
--   outcomes; admissions_granted = granted of the three admission types of admissions together,
--   admissions_per_1000 = admissions_granted x 1000 / regular-education pupils as in admissions.
--   One row for every school year from the first to the last one with any data.
-- titel: Kerncijfers voor het bestuur, per schooljaar
-- definitie: Eén rij per schooljaar met de kerncijfers van de Overzicht-pagina, elk precies zoals
--   de eigen query het definieert: aanmeldingen ontvangen, besluiten, mediane wachttijd en aandeel
--   binnen de norm (als `waiting_times` over alle behoeften), openstaand op de laatste dag van het
--   schooljaar (als `open_referrals`; voor het lopende jaar: wat nu nog open is), gestarte
--   ondersteuning en aandeel preventieve uren, thuiszitters en per 1.000, evaluaties en aandeel
--   behaald, TLV's (drie typen samen) en per 1.000.
-- params: norm_days int = settings.decision_days
-- grain: school_year
-- columns: school_year, referrals_received, decided, median_waiting_days, within_norm_share,
--   open_at_year_end, supports_started, preventive_hours_share, pupils_out_of_school,
--   out_of_school_per_1000, evaluated, achieved_share, admissions_granted, admissions_per_1000
-- suppress: referrals_received
-- suppress: decided -> median_waiting_days, within_norm_share
-- suppress: open_at_year_end
-- suppress: supports_started -> preventive_hours_share
-- suppress: pupils_out_of_school -> out_of_school_per_1000
-- suppress: evaluated -> achieved_share
-- suppress: admissions_granted -> admissions_per_1000
-- note: Numerator, denominator and time basis per figure, as in its own query.
-- why: The board's page in one row per year, with the same numbers the detail pages show; the
--   targets in `pib.toml` `[targets]` are compared against these columns.
-- counts: referrals_received, decided, open_at_year_end, supports_started,
--   pupils_out_of_school, evaluated, admissions_granted
-- rollup: waiting_summary.decided = decided

with

years as (

    select unnest(generate_series(min(year), max(year))) as year
    from (
        select min(received_year) as year from referral_flow
        union all select max(received_year) from referral_flow
        union all select max(decided_year) from referral_flow
        union all select min(year) from support_counts
        union all select max(year) from support_counts
        union all select min(year) from evaluation_counts
        union all select max(year) from evaluation_counts
        union all select left(min(school_year), 4)::int from enrolments
        union all select left(max(school_year), 4)::int from enrolments
        union all select school_year_start(min(started_on)) from out_of_school
        union all select school_year_start(max(ended_on)) from out_of_school
    )

),

waiting as (

    select
        received_year as year,
        sum(referrals)::bigint as referrals_received,
        coalesce(sum(referrals) filter (where days is not null), 0)::bigint as decided,
        coalesce(sum(referrals) filter (where days <= $norm_days), 0)
            / nullif(sum(referrals) filter (where days is not null), 0) as within_norm_share
    from referral_flow
    group by received_year

),

-- The median of the waiting days from their frequencies, interpolated as quantile_cont does:
-- at position (n - 1) / 2 of the sorted days, between the values below and above it.
waiting_days as (

    select
        received_year as year,
        days,
        sum(sum(referrals)) over (partition by received_year order by days) as up_to,
        (sum(sum(referrals)) over (partition by received_year) - 1) / 2 as position
    from referral_flow
    where days is not null
    group by received_year, days

),

median_waiting as (

    select
        year,
        min(days) filter (where up_to > floor(position)) as below,
        min(days) filter (where up_to > ceil(position)) as above,
        any_value(position - floor(position)) as fraction
    from waiting_days
    group by year

),

open_at_year_end as (

    select years.year, coalesce(sum(referral_flow.referrals), 0)::bigint as open_at_year_end
    from years
    left join referral_flow
        on referral_flow.received_year <= years.year
        and (referral_flow.decided_year is null or referral_flow.decided_year > years.year)
    group by years.year

),

prevention as (

    select
        year,
        sum(supports)::bigint as supports_started,
        coalesce(sum(hours) filter (where prevention_level = 'preventive'), 0)
            / nullif(sum(hours), 0) as preventive_hours_share
    from support_counts
    group by year

),

out_of_school_pupils as (

    select years.year, count(distinct episodes.pupil_id) as pupils_out_of_school
    from years
    left join (
        select
            pupil_id,
            school_year_start(started_on) as first_year,
            school_year_start(ended_on) as last_year
        from out_of_school
        where kind in ('absolute_absence', 'long_relative_absence')
    ) episodes
        on episodes.first_year <= years.year
        and (episodes.last_year is null or episodes.last_year >= years.year)
    group by years.year

),

enrolled as (

    select
        left(enrolments.school_year, 4)::int as year,
        sum(enrolments.pupils)::bigint as pupils,
        sum(enrolments.pupils) filter (
            where schools.sector in ('po', 'vo', 'bao', 'so_vo')
        )::bigint as regular_pupils
    from enrolments
    left join schools using (school_id)
    group by year

),

evaluations as (

    select
        year,
        sum(evaluations)::bigint as evaluated,
        coalesce(sum(evaluations) filter (where goal_attainment = 'achieved'), 0)
            / sum(evaluations) as achieved_share
    from evaluation_counts
    group by year

),

admissions as (

    select decided_year as year, sum(referrals)::bigint as admissions_granted
    from referral_flow
    where decision = 'granted'
        and request_type in ('admission_sbo', 'admission_so', 'admission_vso')
    group by decided_year

),

final as (

    select
        school_year_label(years.year) as school_year,
        coalesce(waiting.referrals_received, 0) as referrals_received,
        coalesce(waiting.decided, 0) as decided,
        median_waiting.below
            + median_waiting.fraction * (median_waiting.above - median_waiting.below)
            as median_waiting_days,
        waiting.within_norm_share,
        open_at_year_end.open_at_year_end,
        coalesce(prevention.supports_started, 0) as supports_started,
        prevention.preventive_hours_share,
        out_of_school_pupils.pupils_out_of_school,
        out_of_school_pupils.pupils_out_of_school * 1000 / nullif(enrolled.pupils, 0)
            as out_of_school_per_1000,
        coalesce(evaluations.evaluated, 0) as evaluated,
        evaluations.achieved_share,
        coalesce(admissions.admissions_granted, 0) as admissions_granted,
        coalesce(admissions.admissions_granted, 0) * 1000 / nullif(enrolled.regular_pupils, 0)
            as admissions_per_1000
    from years
    left join waiting using (year)
    left join median_waiting using (year)
    left join open_at_year_end using (year)
    left join prevention using (year)
    left join out_of_school_pupils using (year)
    left join enrolled using (year)
    left join evaluations using (year)
    left join admissions using (year)

)

select * from final
order by school_year
