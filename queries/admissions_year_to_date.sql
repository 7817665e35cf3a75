-- admissions_year_to_date: TLVs granted up to the same month end in every school year.
-- for: bestuur, kwaliteit
-- definition: d is the last day of the month of as_of, in school year Y0; for every school
--   year Y from the first one with an admission decision up to Y0 (none when Y0 lies before it) the cut-off is the same month
--   end Y0 - Y years earlier (last_day(d - (Y0 - Y) years)). Per school year and admission type
--   (`admission_*`): granted_to_date = referrals with decision `granted` and decided_on in school
--   year Y on or before the cut-off; granted_after = the same decided after the cut-off, up to
--   the end of Y (for Y0: what the warehouse holds so far); open_at_date = referrals of the type
--   received on or before the cut-off and not decided by then (decided_on empty or after it),
--   whatever their school year of receipt. One row per school year and type, zeros included.
-- titel: TLV's tot dezelfde datum in elk schooljaar
-- definitie: Per schooljaar en type: het aantal toelaatbaarheidsverklaringen (toegekende
--   aanmeldingen voor sbo, so en vso) met een besluit vanaf het begin van het schooljaar tot en
--   met het einde van de gekozen maand (in eerdere schooljaren: dezelfde maand), het aantal
--   daarna tot het einde van dat schooljaar, en de aanvragen die op die datum nog open stonden.
-- params: as_of date!
-- grain: school_year, request_type
-- columns: school_year, request_type, cutoff, granted_to_date, granted_after, open_at_date
-- suppress: granted_to_date
-- suppress: granted_after
-- suppress: open_at_date
-- counts: granted_to_date, granted_after, open_at_date
-- time_basis: `decided_on` and `received_on` against the same month end in each school year
-- why: The forecast of the rest of the school year (TLV's granted so far plus the expected
--   rest) learns from how earlier years went on from the same month; the sector's own rule of
--   thumb is granted plus still open.

with

admission_types as (

    select unnest(['admission_sbo', 'admission_so', 'admission_vso']) as request_type

),

admissions as (

    select request_type, received_on, decided_on, decision
    from referrals
    where request_type in (from admission_types)

),

years as (

    select
        unnest(generate_series(
            min(school_year_start(decided_on)), school_year_start(last_day($as_of::date))
        )) as year
    from admissions

),

cutoffs as (

    select
        year,
        last_day(
            last_day($as_of::date)
            - to_years((school_year_start(last_day($as_of::date)) - year)::int)
        ) as cutoff
    from years

),

counted as (

    select
        cutoffs.year,
        cutoffs.cutoff,
        admission_types.request_type,
        count(*) filter (
            where admissions.decision = 'granted'
                and school_year_start(admissions.decided_on) = cutoffs.year
                and admissions.decided_on <= cutoffs.cutoff
        ) as granted_to_date,
        count(*) filter (
            where admissions.decision = 'granted'
                and school_year_start(admissions.decided_on) = cutoffs.year
                and admissions.decided_on > cutoffs.cutoff
        ) as granted_after,
        count(*) filter (
            where admissions.received_on <= cutoffs.cutoff
                and (admissions.decided_on is null or admissions.decided_on > cutoffs.cutoff)
        ) as open_at_date
    from cutoffs
    cross join admission_types
    left join admissions on admissions.request_type = admission_types.request_type
    group by cutoffs.year, cutoffs.cutoff, admission_types.request_type

),

final as (

    select
        school_year_label(year) as school_year,
        request_type,
        cutoff,
        granted_to_date,
        granted_after,
        open_at_date
    from counted

)

select * from final
order by school_year, request_type
