-- placements_outside_region: support given at schools outside the network's region.
-- for: bestuur, kwaliteit
-- definition: supports with a school_id of a known school, by school year of started_on;
--   supports_at_schools = all of them, supports_outside_region = those at a school with
--   in_region false, pupils_outside_region = distinct pupils (through the support's referral)
--   among the latter; outside_region_share = supports_outside_region / supports_at_schools.
-- titel: Ondersteuning buiten de regio
-- definitie: Ondersteuning op scholen buiten de regio (`in_region` onwaar), per schooljaar van
--   start, met het aantal leerlingen en het aandeel van alle ondersteuning op scholen.
-- params: municipality_code text?
-- grain: school_year
-- columns: school_year, supports_at_schools, supports_outside_region, pupils_outside_region,
--   outside_region_share
-- suppress: supports_at_schools -> outside_region_share
-- suppress: supports_outside_region -> outside_region_share
-- suppress: pupils_outside_region
-- why: Pupils who must travel out of the region for a fitting place point at gaps in the offer
--   nearby (thuisnabij).
-- counts: supports_at_schools, supports_outside_region,
--   pupils_outside_region
-- sums: supports_at_schools >= supports_outside_region
-- margins: municipality_code in supports

with

at_schools as (

    select
        school_year_start(supports.started_on) as year,
        not schools.in_region as outside,
        supports.referral_id
    from supports
    join schools using (school_id)
    where $municipality_code is null or supports.municipality_code = $municipality_code

),

per_year as (

    select
        year,
        count(*) as supports_at_schools,
        count(*) filter (where outside) as supports_outside_region
    from at_schools
    group by year

),

pupils_outside as (

    select at_schools.year, count(distinct referrals.pupil_id) as pupils_outside_region
    from at_schools
    join referrals using (referral_id)
    where at_schools.outside
    group by at_schools.year

),

final as (

    select
        school_year_label(year) as school_year,
        supports_at_schools,
        supports_outside_region,
        coalesce(pupils_outside.pupils_outside_region, 0) as pupils_outside_region,
        supports_outside_region / supports_at_schools as outside_region_share
    from per_year
    left join pupils_outside using (year)

)

select * from final
order by school_year
