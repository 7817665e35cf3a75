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

with

years as (

    select unnest(generate_series(min(year), max(year))) as year
    from (
        select school_year_start(min(received_on)) as year from referrals
        union all select school_year_start(max(received_on)) from referrals
        union all select school_year_start(max(decided_on)) from referrals
        union all select school_year_start(min(started_on)) from supports
        union all select school_year_start(max(started_on)) from supports
        union all select school_year_start(min(evaluated_on)) from outcomes
        union all select school_year_start(max(evaluated_on)) from outcomes
        union all select left(min(school_year), 4)::int from enrolments
        union all select left(max(school_year), 4)::int from enrolments
        union all select school_year_start(min(started_on)) from out_of_school
        union all select school_year_start(max(ended_on)) from out_of_school
    )

),

waiting as (

    select
        school_year_start(received_on) as year,
        count(*) as referrals_received,
        count(decided_on) as decided,
        quantile_cont(decided_on - received_on, 0.5) as median_waiting_days,
        count(*) filter (where decided_on - received_on <= $norm_days)
            / nullif(count(decided_on), 0) as within_norm_share
    from referrals
    group by year

),

open_at_year_end as (

    select years.year, coalesce(sum(referral_years.referrals), 0)::bigint as open_at_year_end
    from years
    left join (
        select
            school_year_start(received_on) as received_year,
            school_year_start(decided_on) as decided_year,
            count(*) as referrals
        from referrals
        group by received_year, decided_year
    ) referral_years
        on referral_years.received_year <= years.year
        and (referral_years.decided_year is null or referral_years.decided_year > years.year)
    group by years.year

),

prevention as (

    select
        school_year_start(started_on) as year,
        count(*) as supports_started,
        coalesce(sum(hours) filter (where prevention_level = 'preventive'), 0)
            / nullif(sum(hours), 0) as preventive_hours_share
    from supports
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
        school_year_start(evaluated_on) as year,
        count(*) as evaluated,
        count(*) filter (where goal_attainment = 'achieved') / count(*) as achieved_share
    from outcomes
    group by year

),

admissions as (

    select school_year_start(decided_on) as year, count(*) as admissions_granted
    from referrals
    where decision = 'granted'
        and request_type in ('admission_sbo', 'admission_so', 'admission_vso')
    group by year

),

final as (

    select
        school_year_label(years.year) as school_year,
        coalesce(waiting.referrals_received, 0) as referrals_received,
        coalesce(waiting.decided, 0) as decided,
        waiting.median_waiting_days,
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
    left join open_at_year_end using (year)
    left join prevention using (year)
    left join out_of_school_pupils using (year)
    left join enrolled using (year)
    left join evaluations using (year)
    left join admissions using (year)

)

select * from final
order by school_year
