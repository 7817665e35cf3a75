-- coverage: dekkend aanbod - granted demand against offered capacity, per gemeente and need.
-- for: bestuur, kwaliteit, gemeenten, Inspectie
-- definition: demand = distinct pupils with a granted referral received in the school year,
--   by the referral's municipality_code and need_category; capacity = sum of offer capacity
--   of that school year, municipality and need category; gap = max(demand - capacity, 0);
--   coverage_ratio = capacity / demand (empty when demand is 0). Every pair with demand or
--   capacity appears (a missing side counts as 0).
-- titel: Dekkend aanbod per gemeente en ondersteuningsbehoefte
-- definitie: Vraag = aantal verschillende leerlingen met een toegekende aanmelding ontvangen in
--   het schooljaar, naar gemeente en behoefte van de aanmelding. Capaciteit = som van de
--   capaciteit van het aanbod in dat schooljaar, die gemeente en die behoefte. Tekort = max(vraag
--   − capaciteit, 0); dekkingsgraad = capaciteit / vraag (leeg bij vraag 0). Elke combinatie met
--   vraag óf aanbod verschijnt (een ontbrekende kant telt als 0).
-- params: school_year school_year!
-- grain: municipality_code, need_category
-- columns: municipality_code, need_category, demand, capacity, gap, coverage_ratio
-- suppress: demand -> gap, coverage_ratio
-- numerator: capacity (places)
-- denominator: demand (distinct pupils granted)
-- time_basis: school year of `received_on` of the granted referral; `offers.school_year`
-- why: Dekkend aanbod ("geen kind tussen wal en schip") is the core duty of a network, set out in
--   its ondersteuningsplan and reviewed by the Inspectie; gemeenten need it for the jeugdhulp side.
--   Capacity without demand is offer nobody asked for; demand without capacity is a gap.
-- counts: demand
-- rollup: coverage_trend.demand = demand

with

demand as (

    select municipality_code, need_category, demand
    from granted_demand
    where year = left($school_year, 4)::int

),

capacity as (

    select municipality_code, need_category, sum(capacity)::bigint as capacity
    from offers
    where school_year = $school_year
    group by municipality_code, need_category

),

pairs as (

    select
        municipality_code,
        need_category,
        coalesce(demand.demand, 0) as demand,
        coalesce(capacity.capacity, 0) as capacity
    from demand
    full outer join capacity using (municipality_code, need_category)

),

final as (

    select
        municipality_code,
        need_category,
        demand,
        capacity,
        greatest(demand - capacity, 0) as gap,
        capacity / nullif(demand, 0) as coverage_ratio
    from pairs

)

select * from final
order by municipality_code, need_category
