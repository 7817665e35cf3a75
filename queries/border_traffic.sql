-- border_traffic: admissions across the region's border (grensverkeer).
-- for: bestuur, kwaliteit
-- definition: referrals of the three `admission_*` request types with decision `granted`,
--   decided_on in the school year and a placed_school_id of a known school. outgoing = the
--   referral's municipality_code is in the region (`pib.toml` `[region] municipalities`;
--   `schools.in_region` is not used) and the placed school's municipality_code is not;
--   incoming = the placed school's municipality_code is in the region and the referral's is
--   not; balance = incoming - outgoing. A municipality_code `unknown` counts on neither side.
--   Only request types with such a referral have a row.
-- titel: Grensverkeer bij toelaatbaarheid
-- definitie: Toegekende aanmeldingen voor sbo, so en vso met een besluit in het schooljaar en
--   een bekende school van plaatsing. Uitgaand = de leerling woont in een gemeente van de regio
--   (`pib.toml` `[region] municipalities`) en de school ligt daarbuiten; inkomend = de school
--   ligt in de regio en de leerling woont daarbuiten; saldo = inkomend − uitgaand. Een onbekende
--   gemeente telt aan geen van beide kanten.
-- params: school_year school_year!
-- grain: request_type
-- columns: request_type, outgoing, incoming, balance
-- suppress: outgoing -> balance
-- suppress: incoming -> balance
-- counts: outgoing, incoming

with

placed as (

    select
        referrals.request_type,
        referrals.municipality_code <> 'unknown' and schools.municipality_code <> 'unknown'
            as both_known,
        in_region(referrals.municipality_code) as pupil_in_region,
        in_region(schools.municipality_code) as school_in_region
    from referrals
    join schools on schools.school_id = referrals.placed_school_id
    where referrals.decision = 'granted'
        and referrals.request_type in ('admission_sbo', 'admission_so', 'admission_vso')
        and in_school_year(referrals.decided_on, $school_year)

),

per_type as (

    select
        request_type,
        count(*) filter (where both_known and pupil_in_region and not school_in_region)
            as outgoing,
        count(*) filter (where both_known and school_in_region and not pupil_in_region)
            as incoming
    from placed
    group by request_type

),

final as (

    select
        request_type,
        outgoing,
        incoming,
        incoming - outgoing as balance
    from per_type

)

select * from final
order by request_type
