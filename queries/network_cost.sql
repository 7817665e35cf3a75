-- network_cost: places and cost of the support offer per municipality and need.
-- for: bestuur, kwaliteit
-- definition: offers of the school year, by municipality_code and need_category: places = sum
--   of capacity; cost_eur = sum of capacity x tariff_eur, where an offer without tariff_eur
--   counts as 0 cost. Places and money, no counts of pupils: no suppression.
-- titel: Plaatsen en kosten van het aanbod
-- definitie: Het aanbod van het schooljaar per gemeente en ondersteuningsbehoefte: plaatsen =
--   de opgetelde capaciteit; kosten = de som van capaciteit × tarief per plaats. Een aanbod
--   zonder tarief telt met 0 euro mee.
-- params: school_year school_year!
-- grain: municipality_code, need_category
-- columns: municipality_code, need_category, places, cost_eur
-- counts: -

with

offered as (

    select municipality_code, need_category, capacity, capacity * coalesce(tariff_eur, 0) as cost
    from offers
    where school_year = $school_year

),

final as (

    select
        municipality_code,
        need_category,
        sum(capacity)::bigint as places,
        sum(cost)::double as cost_eur
    from offered
    group by municipality_code, need_category

)

select * from final
order by municipality_code, need_category
