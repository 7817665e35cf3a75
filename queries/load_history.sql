-- load_history: the most recent loads, with what each one read, loaded and quarantined.
-- for: beheer, kwaliteit
-- definition: the `limit` most recent rows of load_log (highest load_id first chosen), one
--   per loaded file: file, entity, source (canonical, or an importer such as cbs-85701),
--   rows_read, rows_loaded, rows_quarantined, started_at, finished_at, outcome and message;
--   sorted by load_id. Counts rows, not children: no suppression.
-- titel: Laadgeschiedenis
-- definitie: De laatste `limit` ladingen uit `load_log` (standaard 50), één rij per geladen
--   bestand: bestand, bron, gelezen, geladen en in quarantaine geplaatste rijen, begin- en
--   eindtijd, uitkomst en melding. Voor de pagina Datakwaliteit.
-- params: limit int = 50
-- grain: load_id
-- columns: load_id, file, entity, source, rows_read, rows_loaded, rows_quarantined,
--   started_at, finished_at, outcome, message
-- note: One row per load of one file.
-- why: A quality officer checks after every delivery that each file arrived whole: rows read =
--   loaded + quarantined, and when the last load of each source was.

with

final as (

    select
        load_id, file, entity, source, rows_read, rows_loaded, rows_quarantined, started_at,
        finished_at, outcome, message
    from load_log
    order by load_id desc
    limit $limit

)

select * from final
order by load_id
