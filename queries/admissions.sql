-- admissions: TLV rate - granted admissions to special education per 1,000 pupils.
-- for: bestuur, kwaliteit, Inspectie
-- definition: granted = referrals of request_type admission_sbo, admission_so or admission_vso
--   with decision granted, by school year of decided_on; per_1000_pupils = granted x 1000 /
--   sum of enrolments.pupils in that school year at schools of sector po, vo, bao or so_vo
--   (regular education; empty without such enrolments). One row per admission type for every
--   school year from the first to the last one seen in enrolments or in admission decisions.
-- titel: TLV's per 1.000 leerlingen (toelaatbaarheidsverklaringen)
-- definitie: Toegekende aanmeldingen van het type toelating sbo, so of vso, naar schooljaar van de
--   besluitdatum; per 1.000 leerlingen = aantal × 1.000 / som van de ingeschreven leerlingen in
--   dat schooljaar op scholen van sector po, vo, bao of so_vo (regulier onderwijs; leeg zonder
--   zulke inschrijvingen).
-- params: -
-- grain: school_year, request_type
-- columns: school_year, request_type, granted, per_1000_pupils
-- suppress: granted -> per_1000_pupils
-- numerator: granted admissions of the type
-- denominator: pupils in regular education (`po`, `vo`, `bao`, `so_vo`), all such schools in
--   `enrolments` (in_region is not applied)
-- time_basis: school year of `decided_on`
-- why: The TLV rate shows how much a network relies on special education and is compared between
--   networks per 1,000 pupils; placements in special education are paid largely from the network's
--   budget.
-- counts: granted
-- rollup: kpi_headline.admissions_granted = granted

with

admission_types as (

    select unnest(['admission_sbo', 'admission_so', 'admission_vso']) as request_type

),

decided as (

    select decided_year as year, request_type, decision, referrals
    from referral_flow
    where decided_year is not null and request_type in (from admission_types)

),

regular_pupils as (

    select left(enrolments.school_year, 4)::int as year, sum(enrolments.pupils)::bigint as pupils
    from enrolments
    join schools using (school_id)
    where schools.sector in ('po', 'vo', 'bao', 'so_vo')
    group by year

),

years as (

    select unnest(generate_series(min(year), max(year))) as year
    from (
        select left(school_year, 4)::int as year from enrolments
        union all select year from decided
    )

),

granted as (

    select
        years.year,
        admission_types.request_type,
        coalesce(sum(decided.referrals), 0)::bigint as granted
    from years
    cross join admission_types
    left join decided
        on decided.year = years.year
        and decided.request_type = admission_types.request_type
        and decided.decision = 'granted'
    group by years.year, admission_types.request_type

),

final as (

    select
        school_year_label(granted.year) as school_year,
        request_type,
        granted,
        granted * 1000 / nullif(regular_pupils.pupils, 0) as per_1000_pupils
    from granted
    left join regular_pupils using (year)

)

select * from final
order by school_year, request_type
