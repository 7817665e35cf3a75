-- quarantine_summary: quarantined rows per entity and kind of problem (never the raw values).
-- for: beheer, kwaliteit
-- definition: rows of the quarantine table by entity and reason_class, a fixed class derived
--   from the reason text: duplicate_key, missing_value, unknown_code, invalid_date,
--   invalid_number, invalid_boolean, invalid_school_year, below_minimum, date_order,
--   decision_pair, else other; a row with several problems counts once in each of its classes;
--   rows = quarantined rows. Counts rows, not children: no suppression.
-- titel: Quarantaine samengevat
-- definitie: Afgekeurde rijen per bron en soort probleem; nooit de ruwe waarden.
-- params: -
-- grain: entity, reason_class
-- columns: entity, reason_class, rows

with

quarantined as (

    select row_number() over () as row_id, entity, reason
    from quarantine

),

classes (reason_class, pattern) as (

    values
        ('duplicate_key', '%sleutel komt meer dan eens voor%'),
        ('missing_value', '%verplichte waarde ontbreekt%'),
        ('unknown_code', '%onbekende code%'),
        ('invalid_date', '%geen geldige datum%'),
        ('invalid_number', '%geen%getal%'),
        ('invalid_boolean', '%geen ja/nee-waarde%'),
        ('invalid_school_year', '%geen schooljaar%'),
        ('below_minimum', '%kleiner dan%'),
        ('date_order', '%ligt voor%'),
        ('decision_pair', '%allebei leeg of allebei gevuld%')

),

classified as (

    select quarantined.row_id, quarantined.entity, coalesce(classes.reason_class, 'other')
        as reason_class
    from quarantined
    left join classes on quarantined.reason like classes.pattern

),

final as (

    select entity, reason_class, count(distinct row_id) as rows
    from classified
    group by entity, reason_class

)

select * from final
order by entity, reason_class
