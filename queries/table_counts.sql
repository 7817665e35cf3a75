-- table_counts: rows per warehouse table, for the data-quality page and checks after a load.
-- for: beheer, kwaliteit
-- definition: table_name = every entity table plus load_log and quarantine; rows = number of
--   rows in it now. Counts rows, not children: no suppression.
-- titel: Rijen per tabel
-- definitie: Aantal rijen per tabel van het warehouse, voor de pagina Datakwaliteit.
-- params: -
-- grain: table_name
-- columns: table_name, rows

with

final as (

    select 'schools' as table_name, count(*) as rows from schools
    union all select 'enrolments', count(*) from enrolments
    union all select 'offers', count(*) from offers
    union all select 'referrals', count(*) from referrals
    union all select 'supports', count(*) from supports
    union all select 'outcomes', count(*) from outcomes
    union all select 'out_of_school', count(*) from out_of_school
    union all select 'load_log', count(*) from load_log
    union all select 'quarantine', count(*) from quarantine

)

select * from final
order by table_name
