-- admissions_rolling: TLV rate over the twelve months up to a month end.
-- for: bestuur, kwaliteit
-- definition: the window is the twelve calendar months ending on the last day of the month of
--   as_of (period_start = the first day of the month eleven months before, period_end = that
--   month end; any day of a month gives that month's window, so stepping the parameter day by
--   day reveals nothing). granted = referrals of the admission type with decision `granted`
--   and decided_on in the window; per_1000_pupils = granted x 1000 / sum of enrolments.pupils
--   at schools of sector po, vo, bao or so_vo in the school year that contains period_end
--   (empty without such enrolments). One row per admission type.
-- titel: TLV's per 1.000 leerlingen over de laatste twaalf maanden
-- definitie: Toegekende aanmeldingen voor sbo, so en vso (toelaatbaarheidsverklaringen) met
--   een besluit in de twaalf kalendermaanden tot en met het einde van de gekozen maand, per
--   1.000 leerlingen in het regulier onderwijs (po, vo, bao, so_vo) in het schooljaar waarin die
--   maand valt.
-- params: as_of date!
-- grain: request_type
-- columns: request_type, period_start, period_end, granted, per_1000_pupils
-- suppress: granted -> per_1000_pupils
-- counts: granted
-- numerator: granted admissions of the type decided in the twelve months
-- denominator: pupils in regular education (`po`, `vo`, `bao`, `so_vo`) in the school year of
--   period_end
-- time_basis: `decided_on`, in the twelve months up to the month end of `as_of`
-- why: A rate per school year is known only in August; networks watch the TLV rate month by
--   month over the last twelve months, so a change shows before the year is over.

with

admission_types as (

    select unnest(['admission_sbo', 'admission_so', 'admission_vso']) as request_type

),

period as (

    select
        (date_trunc('month', $as_of::date) - interval 11 month)::date as period_start,
        last_day($as_of::date) as period_end

),

granted as (

    select
        admission_types.request_type,
        count(referrals.referral_id) as granted
    from admission_types
    cross join period
    left join referrals
        on referrals.request_type = admission_types.request_type
        and referrals.decision = 'granted'
        and referrals.decided_on between period.period_start and period.period_end
    group by admission_types.request_type

),

regular_pupils as (

    select sum(enrolments.pupils)::bigint as pupils
    from enrolments
    join schools using (school_id)
    cross join period
    where schools.sector in ('po', 'vo', 'bao', 'so_vo')
        and enrolments.school_year = school_year(period.period_end)

),

final as (

    select
        granted.request_type,
        period.period_start,
        period.period_end,
        granted.granted,
        granted.granted * 1000 / nullif(regular_pupils.pupils, 0) as per_1000_pupils
    from granted
    cross join period
    cross join regular_pupils

)

select * from final
order by request_type
