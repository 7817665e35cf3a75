-- quarantine_rows: quarantined rows with their reason and raw values, for checking a load.
-- for: beheer, kwaliteit (never bestuur: the raw values are row-level, though pseudonymised)
-- definition: the `limit` most recent rows of the quarantine table (highest load_id, then
--   highest line, chosen first), optionally of one entity: load_id, loaded_at = finished_at
--   of that load in load_log, source_file, entity, line (in the source file), column_name,
--   reason and raw_values (the row as read, with pupil_id already pseudonymised); sorted by
--   load_id and line. Counts rows, not children: no suppression.
-- titel: Rijen in quarantaine
-- definitie: De laatste `limit` rijen uit de quarantaine (standaard 500), eventueel van één bron
--   (`entity`): lading, tijdstip, bestand, regel, kolom, reden en de ruwe waarden zoals gelezen
--   (met `pupil_id` al gepseudonimiseerd). Alleen voor de rollen `kwaliteit` en `beheer`: de
--   pagina Datakwaliteit weigert andere rollen.
-- params: entity text?; limit int = 500
-- grain: load_id, line
-- columns: load_id, loaded_at, source_file, entity, line, column_name, reason, raw_values
-- note: One row per problem of one source row: a row with problems in several columns may appear
--   once per column. Row-level (pseudonymised) values: shown on the data-quality page to
--   `kwaliteit` and `beheer` only.
-- why: To repair a delivery the source system needs the file, the line and the reason of every
--   rejected row; `quarantine_summary` gives the overview without raw values.

with

final as (

    select
        quarantine.load_id,
        load_log.finished_at as loaded_at,
        quarantine.source_file,
        quarantine.entity,
        quarantine.line,
        quarantine.column_name,
        quarantine.reason,
        quarantine.raw_values
    from quarantine
    left join load_log using (load_id)
    where $entity is null or quarantine.entity = $entity
    order by quarantine.load_id desc, quarantine.line desc, quarantine.column_name
    limit $limit

)

select * from final
order by load_id, line, column_name
