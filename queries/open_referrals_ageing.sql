-- open_referrals_ageing: open referrals on a given day by age band and need category.
-- for: kwaliteit, bestuur
-- definition: open referrals as in open_referrals (received_on <= as_of and decided_on empty
--   or > as_of), age = as_of - received_on in days, in the bands 0-42 (within 6 weeks), 43-70
--   (within 6 + 4 weeks) and 71+ days; every band for each need category with an open
--   referral.
-- titel: Openstaande aanmeldingen naar leeftijd en behoefte
-- definitie: Openstaand op de peildatum als in `open_referrals`, in de banden 0–42, 43–70 en 71+
--   dagen, per ondersteuningsbehoefte.
-- params: as_of date!; municipality_code text?
-- grain: need_category, age_band
-- columns: need_category, age_band, open
-- suppress: open
-- counts: open
-- margins: municipality_code in referrals
-- rollup: open_referrals.open_total = open
-- rollup: open_referrals.open_over_6_weeks = open[age_band=43-70|71+]
-- rollup: open_referrals.open_over_10_weeks = open[age_band=71+]

with

open_referrals as (

    select need_category, $as_of - received_on as age_days
    from referrals
    where received_on <= $as_of
        and (decided_on is null or decided_on > $as_of)
        and ($municipality_code is null or municipality_code = $municipality_code)

),

bands (age_band, min_days, max_days) as (

    values ('0-42', 0, 42), ('43-70', 43, 70), ('71+', 71, null)

),

final as (

    select categories.need_category, bands.age_band, count(open_referrals.age_days) as open
    from (select distinct need_category from open_referrals) categories
    cross join bands
    left join open_referrals
        on open_referrals.need_category = categories.need_category
        and open_referrals.age_days >= bands.min_days
        and (bands.max_days is null or open_referrals.age_days <= bands.max_days)
    group by categories.need_category, bands.age_band

)

select * from final
order by need_category, age_band
