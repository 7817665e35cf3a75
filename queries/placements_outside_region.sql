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

with

at_schools as (

    select
        school_year(supports.started_on) as school_year,
        not schools.in_region as outside,
        referrals.pupil_id
    from supports
    join schools using (school_id)
    left join referrals using (referral_id)
    where $municipality_code is null or supports.municipality_code = $municipality_code

),

final as (

    select
        school_year,
        count(*) as supports_at_schools,
        count(*) filter (where outside) as supports_outside_region,
        count(distinct pupil_id) filter (where outside) as pupils_outside_region,
        count(*) filter (where outside) / count(*) as outside_region_share
    from at_schools
    group by school_year

)

select * from final
order by school_year
