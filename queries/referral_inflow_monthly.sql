-- referral_inflow_monthly: referrals received per month and request type.
-- for: kwaliteit, bestuur
-- definition: referrals by calendar month of received_on (month = its first day) and
--   request_type; received = number of referrals.
-- titel: Instroom van aanmeldingen per maand
-- definitie: Aantal ontvangen aanmeldingen per kalendermaand en type aanvraag.
-- params: school_year school_year?; municipality_code text?; need_category text?
-- grain: month, request_type
-- columns: month, school_year, request_type, received
-- suppress: received
-- counts: received
-- margins: municipality_code in referrals, need_category in referrals
-- rollup: kpi_headline.referrals_received = received

with

received as (

    select
        date_trunc('month', received_on)::date as month,
        school_year_start(received_on) as year,
        request_type
    from referrals
    where ($school_year is null or in_school_year(received_on, $school_year))
        and ($municipality_code is null or municipality_code = $municipality_code)
        and ($need_category is null or need_category = $need_category)

),

final as (

    select month, school_year_label(year) as school_year, request_type, count(*) as received
    from received
    group by month, year, request_type

)

select * from final
order by month, request_type
