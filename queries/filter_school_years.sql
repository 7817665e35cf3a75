-- filter_school_years: the school years with any data, for the dashboard's year filter.
-- for: dashboard
-- definition: every school year of enrolments and offers, of referrals (received_on), supports
--   (started_on), outcomes (evaluated_on) and out-of-school episodes (started_on, ended_on).
--   Lists school years, not children: no suppression.
-- titel: Schooljaren voor het filter
-- definitie: Alle schooljaren waarin gegevens voorkomen.
-- params: -
-- grain: school_year
-- columns: school_year

with

final as (

    select school_year from enrolments
    union select school_year from offers
    union select school_year(received_on) from referrals
    union select school_year(started_on) from supports
    union select school_year(evaluated_on) from outcomes
    union select school_year(started_on) from out_of_school
    union select school_year(ended_on) from out_of_school where ended_on is not null

)

select * from final
order by school_year
