-- granted_demand: pupils with a granted referral, per school year, gemeente and need.
-- definition: distinct pupils (pupil_id) with a referral decided `granted`, by the school year
--   of received_on (its first calendar year, `year`), the referral's municipality_code and its
--   need_category. The demand side of coverage and coverage_trend.

with

final as (

    select
        school_year_start(received_on) as year,
        municipality_code,
        need_category,
        count(distinct pupil_id) as demand
    from referrals
    where decision = 'granted'
    group by all

)

select * from final
