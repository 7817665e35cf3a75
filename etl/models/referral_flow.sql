-- referral_flow: referrals per school year of receipt and of decision, waiting days and outcome.
-- definition: referrals by the school year of received_on (`received_year`) and of decided_on
--   (`decided_year`, empty while undecided), the whole days from receipt to decision (`days`,
--   empty while undecided), request_type and decision; referrals = number of rows. Read by
--   kpi_headline and admissions, which need these counts over all referrals of all years.

with

final as (

    select
        school_year_start(received_on) as received_year,
        school_year_start(decided_on) as decided_year,
        decided_on - received_on as days,
        request_type,
        decision,
        count(*) as referrals
    from referrals
    group by all

)

select * from final
