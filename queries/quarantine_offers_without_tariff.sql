-- quarantine_offers_without_tariff: offers without a tariff, which the cost of the network counts as 0.
-- for: kwaliteit, beheer
-- definition: offers whose tariff_eur is empty, by school_year and provider: offers = such
--   offers; places = sum of their capacity; offer_ids = their offer_id, sorted and joined with
--   ', '. Only groups with such an offer appear. The offers are loaded (not quarantined) and
--   count as 0 euro in `network_cost`; the `quarantine_` prefix makes this a data-quality
--   query (kwaliteit and beheer only, queries/roles.py): the ids are raw input values. Counts
--   offers, not children: no suppression.
-- titel: Aanbod zonder tarief
-- definitie: Per schooljaar en aanbieder het aanbod zonder tarief per plaats: het aantal
--   aanbodregels, hun plaatsen (opgetelde capaciteit) en hun codes. In de kosten van het aanbod
--   tellen ze met 0 euro mee, dus die kosten zijn te laag tot het tarief is aangevuld.
-- params: -
-- grain: school_year, provider
-- columns: school_year, provider, offers, places, offer_ids
-- why: The cost of the network (places x tariff) silently misses every offer without a
--   tariff; the quality officer sees which offers to complete in the source.

with

untariffed as (

    select school_year, provider, offer_id, capacity
    from offers
    where tariff_eur is null

),

final as (

    select
        school_year,
        provider,
        count(*) as offers,
        sum(capacity)::bigint as places,
        string_agg(offer_id, ', ' order by offer_id) as offer_ids
    from untariffed
    group by school_year, provider

)

select * from final
order by school_year, provider
