-- cases_days_out: how long children were without education before their case opened, in bands.
-- for: kwaliteit, bestuur
-- definition: cases opened in the school year (by opened_on) per band of days_out_before:
--   0 days, 1-28 days (up to four weeks), 29-91 days (up to three months), 92 days and more;
--   min_days and max_days are the band's bounds (max_days empty for the last band); cases
--   without days_out_before form the band with both bounds empty, sorted last. Only bands with
--   a case.
-- titel: Dagen zonder onderwijs vóór de casus
-- definitie: Casussen die in het schooljaar zijn geopend, naar het aantal dagen dat de leerling
--   al zonder onderwijs was toen de casus begon: 0 dagen, 1 tot en met 28 dagen (tot vier
--   weken), 29 tot en met 91 dagen (tot drie maanden), 92 dagen of meer, en onbekend.
-- params: school_year school_year!
-- grain: min_days
-- columns: min_days, max_days, cases
-- suppress: cases
-- counts: cases
-- equals: cases_summary.cases = cases
-- time_basis: opened_on
-- why: every week at home makes the way back harder; a case that opens after three months
--   opened too late.

with

bands as (

    select
        case
            when days_out_before is null then null
            when days_out_before = 0 then 0
            when days_out_before <= 28 then 1
            when days_out_before <= 91 then 29
            else 92
        end::bigint as min_days
    from cases
    where in_school_year(opened_on, $school_year)

),

final as (

    select
        min_days,
        case min_days when 0 then 0 when 1 then 28 when 29 then 91 end::bigint as max_days,
        count(*) as cases
    from bands
    group by min_days

)

select * from final
order by min_days nulls last
