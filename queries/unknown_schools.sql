-- unknown_schools: references to a school that is not in `schools`, per table and column.
-- for: kwaliteit, beheer
-- definition: per reference column (enrolments.school_id, referrals.school_id,
--   referrals.placed_school_id, supports.school_id): rows = rows whose value is filled and not
--   a school_id of `schools`; schools = distinct such values; school_ids = those values, sorted
--   and joined with ', '. Only columns with such rows appear. Counts rows, not children: no
--   suppression; data quality only (the ids are raw input values).
-- titel: Verwijzingen naar onbekende scholen
-- definitie: Per kolom die een school noemt (leerlingaantallen, aanmeldingen, de school van
--   plaatsing van een aanmelding, ondersteuning): het aantal rijen met een school_id die niet
--   in het scholenbestand staat, het aantal verschillende onbekende scholen en hun codes. Zulke
--   rijen tellen wel mee in de cijfers, maar niet per school, sector of gemeente van de school.
-- params: -
-- grain: entity, column_name
-- columns: entity, column_name, rows, schools, school_ids
-- why: A referral or enrolment of a school the schools file does not know drops out of every
--   figure per school, sector or gemeente of the school (rates per 1,000 pupils, border
--   traffic, signals); the quality officer sees which ids to add to the schools file.

with

refs as (

    select 'enrolments' as entity, 'school_id' as column_name, school_id as school
    from enrolments
    union all
    select 'referrals', 'school_id', school_id from referrals
    union all
    select 'referrals', 'placed_school_id', placed_school_id from referrals
    union all
    select 'supports', 'school_id', school_id from supports

),

unknown as (

    select entity, column_name, school
    from refs
    where school is not null and school not in (select school_id from schools)

),

final as (

    select
        entity,
        column_name,
        count(*) as rows,
        count(distinct school) as schools,
        string_agg(distinct school, ', ' order by school) as school_ids
    from unknown
    group by entity, column_name

)

select * from final
order by entity, column_name
