-- lead_time_days: referrals per school year of receipt, gemeente, lead-time stage and days.
-- definition: the stages of a referral in whole calendar days, counted per school year of
--   received_on (`received_year`), municipality_code, stage and days: receipt_to_complete =
--   complete_on - received_on; complete_to_decision = decided_on - complete_on;
--   decision_to_start = for `granted` referrals the earliest started_on on or after decided_on
--   among the supports with that referral_id, minus decided_on (a referral without such a
--   support has no such stage); referrals = number of referrals. Read by lead_times, whose
--   join of every granted referral with its supports took seconds per view at national scale.

with

to_start as (

    select
        any_value(referrals.received_on) as received_on,
        any_value(referrals.municipality_code) as municipality_code,
        min(supports.started_on) - any_value(referrals.decided_on) as days
    from referrals
    join supports
        on supports.referral_id = referrals.referral_id
        and supports.started_on >= referrals.decided_on
    where referrals.decision = 'granted'
    group by referrals.referral_id

),

stages as (

    select
        school_year_start(received_on) as received_year,
        municipality_code,
        'receipt_to_complete' as stage,
        complete_on - received_on as days
    from referrals
    where complete_on is not null

    union all

    select
        school_year_start(received_on) as received_year,
        municipality_code,
        'complete_to_decision' as stage,
        decided_on - complete_on as days
    from referrals
    where complete_on is not null and decided_on is not null

    union all

    select
        school_year_start(received_on) as received_year,
        municipality_code,
        'decision_to_start' as stage,
        days
    from to_start

),

final as (

    select received_year, municipality_code, stage, days, count(*) as referrals
    from stages
    group by all

)

select * from final
