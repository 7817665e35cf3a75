-- referrals_by_decision: referrals by request type and decision - the inspection table.
-- for: kwaliteit, Inspectie, bestuur
-- definition: referrals by school year of received_on, request_type and decision (an
--   undecided referral as 'undecided'); referrals = number of referrals.
-- titel: Aanmeldingen naar type en besluit
-- definitie: Aantal aanmeldingen per schooljaar van ontvangst, type aanvraag en besluit (nog geen
--   besluit: `undecided`) — de tabel die de Inspectie vraagt.
-- params: municipality_code text?; need_category text?
-- grain: school_year, request_type, decision
-- columns: school_year, request_type, decision, referrals
-- suppress: referrals
-- counts: referrals
-- margins: municipality_code in referrals, need_category in referrals

with

referral_rows as (

    select
        school_year_start(received_on) as year,
        request_type,
        coalesce(decision, 'undecided') as decision
    from referrals
    where ($municipality_code is null or municipality_code = $municipality_code)
        and ($need_category is null or need_category = $need_category)

),

final as (

    select school_year_label(year) as school_year, request_type, decision, count(*) as referrals
    from referral_rows
    group by year, request_type, decision

)

select * from final
order by school_year, request_type, decision
