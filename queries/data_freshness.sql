-- data_freshness: when each source was last loaded, and how many rows the warehouse holds.
-- for: iedereen (every page), beheer
-- definition: per canonical entity, and per other source in load_log (such as the CBS
--   participation figures): last_loaded_at = finished_at of its latest successful load in
--   load_log, last_file = the file of that load (both empty when never loaded), rows = rows in
--   the canonical entity's table now (empty for other sources). Counts rows, not children: no
--   suppression.
-- titel: Actualiteit van de gegevens
-- definitie: Per gegevensbron (en per andere bron in het laadlogboek, zoals de CBS-cijfers):
--   laatste geslaagde lading, het bestand daarvan en het aantal rijen nu (leeg voor andere
--   bronnen). Elke pagina toont dit. Telt rijen, geen leerlingen: geen onderdrukking.
-- params: -
-- grain: entity
-- columns: entity, last_loaded_at, last_file, rows
-- counts: -

with

table_rows as (

    select 'schools' as entity, count(*) as rows from schools
    union all select 'enrolments', count(*) from enrolments
    union all select 'offers', count(*) from offers
    union all select 'referrals', count(*) from referrals
    union all select 'supports', count(*) from supports
    union all select 'outcomes', count(*) from outcomes
    union all select 'out_of_school', count(*) from out_of_school

),

last_load as (

    select entity, max(finished_at) as last_loaded_at, arg_max(file, finished_at) as last_file
    from load_log
    where outcome = 'ok'
    group by entity

),

final as (

    select entity, last_load.last_loaded_at, last_load.last_file, table_rows.rows
    from table_rows
    full outer join last_load using (entity)

)

select * from final
order by entity
