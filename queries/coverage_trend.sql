-- coverage_trend: dekkend aanbod over the years, per need category.
-- for: bestuur, kwaliteit, Inspectie
-- definition: the coverage pairs (municipality x need category, demand and capacity as in
--   coverage) of every school year, summed per school year and need category: demand and
--   capacity are sums over the municipalities, gap = sum of the municipal gaps (a surplus in
--   one gemeente does not fill a shortage in another), coverage_ratio = capacity / demand
--   (empty when demand is 0), municipalities_with_gap = gemeenten with demand > capacity.
-- titel: Dekkend aanbod door de jaren
-- definitie: De combinaties van gemeente en behoefte van `coverage` (vraag en capaciteit zoals
--   daar) voor elk schooljaar, opgeteld per behoefte: vraag, capaciteit, tekort (som van de
--   tekorten per gemeente: een overschot in de ene gemeente vult geen tekort in een andere),
--   dekkingsgraad = capaciteit / vraag (leeg bij vraag 0) en het aantal gemeenten met een tekort.
-- params: municipality_code text?
-- grain: school_year, need_category
-- columns: school_year, need_category, demand, capacity, gap, coverage_ratio,
--   municipalities_with_gap
-- suppress: demand -> gap, coverage_ratio, municipalities_with_gap
-- counts: demand
-- margins: municipality_code in referrals

with

demand as (

    select year, municipality_code, need_category, demand
    from granted_demand
    where $municipality_code is null or municipality_code = $municipality_code

),

capacity as (

    select
        left(school_year, 4)::int as year,
        municipality_code,
        need_category,
        sum(capacity)::bigint as capacity
    from offers
    where $municipality_code is null or municipality_code = $municipality_code
    group by all

),

pairs as (

    select
        year,
        need_category,
        coalesce(demand.demand, 0) as demand,
        coalesce(capacity.capacity, 0) as capacity
    from demand
    full outer join capacity using (year, municipality_code, need_category)

),

final as (

    select
        school_year_label(year) as school_year,
        need_category,
        sum(demand)::bigint as demand,
        sum(capacity)::bigint as capacity,
        sum(greatest(demand - capacity, 0))::bigint as gap,
        sum(capacity) / nullif(sum(demand), 0) as coverage_ratio,
        count(*) filter (where demand > capacity) as municipalities_with_gap
    from pairs
    group by year, need_category

)

select * from final
order by school_year, need_category
