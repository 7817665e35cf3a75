-- filter_municipalities: the municipality codes in the data, for the dashboard's gemeente filter.
-- for: dashboard
-- definition: every municipality_code of schools, offers, referrals, supports and
--   out-of-school episodes. Lists codes, not children: no suppression.
-- titel: Gemeenten voor het filter
-- definitie: Alle gemeentecodes in de gegevens.
-- params: -
-- grain: municipality_code
-- columns: municipality_code
-- counts: -

with

final as (

    select municipality_code from schools
    union select municipality_code from offers
    union select municipality_code from referrals
    union select municipality_code from supports where municipality_code is not null
    union select municipality_code from out_of_school

)

select * from final
order by municipality_code
