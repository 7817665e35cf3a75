-- admissions_by_category: granted SO and VSO admissions (TLVs) by funding category.
-- for: bestuur, kwaliteit
-- definition: referrals of request_type `admission_so` or `admission_vso` with decision
--   `granted` and decided_on in the school year, counted by their funding_category (`low`,
--   `medium`, `high`; `unknown` where empty). Only categories with a granted referral have a
--   row.
-- titel: Toelaatbaarheidsverklaringen so en vso per bekostigingscategorie
-- definitie: Toegekende aanmeldingen voor so en vso (toelaatbaarheidsverklaringen) met een
--   besluit in het schooljaar, per bekostigingscategorie (laag, midden, hoog; onbekend als de
--   categorie ontbreekt).
-- params: school_year school_year!
-- grain: request_type, funding_category
-- columns: request_type, funding_category, granted
-- suppress: granted
-- counts: granted

with

granted as (

    select
        request_type,
        coalesce(funding_category, 'unknown') as funding_category
    from referrals
    where decision = 'granted'
        and request_type in ('admission_so', 'admission_vso')
        and in_school_year(decided_on, $school_year)

),

final as (

    select request_type, funding_category, count(*) as granted
    from granted
    group by request_type, funding_category

)

select * from final
order by request_type, funding_category
