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
-- counts: -

with

years as (

    select left(school_year, 4)::int as year from enrolments
    union select left(school_year, 4)::int from offers
    union select received_year from referral_flow
    union select year from support_counts
    union select year from evaluation_counts
    union select school_year_start(started_on) from out_of_school
    union select school_year_start(ended_on) from out_of_school where ended_on is not null
    union select school_year_start(opened_on) from cases

),

final as (

    select school_year_label(year) as school_year
    from years

)

select * from final
order by school_year
