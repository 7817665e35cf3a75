-- open_referrals: referrals still waiting for a decision on a given day, and how long.
-- for: bestuur, kwaliteit, Inspectie
-- definition: referrals with received_on <= as_of and (decided_on empty or > as_of);
--   age = as_of - received_on in days; over 6 weeks is age > 42, over 10 weeks (the
--   zorgplicht term plus its extension of 4 weeks) is age > 70; oldest_days is the highest
--   age, empty when nothing is open. Always one row.
-- titel: Openstaande aanmeldingen op een peildatum
-- definitie: Aanmeldingen ontvangen op of vóór de peildatum `as_of` zonder besluit op die dag
--   (besluitdatum leeg of later). Leeftijd = peildatum − ontvangstdatum. Langer dan 6 weken = meer
--   dan 42 dagen, langer dan 10 weken (6 weken plus de verlenging van 4) = meer dan 70 dagen.
--   Altijd één rij, ook als er niets openstaat (dan 0 en oudste leeg).
-- params: as_of date!; municipality_code text?; need_category text?
-- grain: -
-- columns: open_total, open_over_6_weeks, open_over_10_weeks, oldest_days
-- suppress: open_total -> open_over_6_weeks, open_over_10_weeks, oldest_days
-- numerator: open referrals (older than 42 / 70 days)
-- time_basis: the day `as_of` (required); a referral decided on `as_of` itself is no longer open
-- why: What is waiting now, and what has passed the legal term (6 weeks) or even the extended term
--   (10 weeks): the board's early warning for pupils who may end up at home.
-- counts: open_total, open_over_6_weeks, open_over_10_weeks
-- sums: open_total >= open_over_6_weeks
-- sums: open_over_6_weeks >= open_over_10_weeks
-- margins: municipality_code in referrals, need_category in referrals

with

open_referrals as (

    select $as_of - received_on as age_days
    from referrals
    where received_on <= $as_of
        and (decided_on is null or decided_on > $as_of)
        and ($municipality_code is null or municipality_code = $municipality_code)
        and ($need_category is null or need_category = $need_category)

),

final as (

    select
        count(*) as open_total,
        count(*) filter (where age_days > 42) as open_over_6_weeks,
        count(*) filter (where age_days > 70) as open_over_10_weeks,
        max(age_days) as oldest_days
    from open_referrals

)

select * from final
