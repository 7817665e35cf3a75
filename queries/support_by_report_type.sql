-- support_by_report_type: leersteun per verslag: GC, IAC or OV4.
-- for: kwaliteit, leersteuncentrum, bestuur
-- definition: supports started in the school year (by started_on), by report_type (`gc`
--   gemeenschappelijk curriculum, `iac` individueel aangepast curriculum, `ov4` opleidingsvorm
--   4; `unknown` where empty, e.g. team-level work); supports = number started, hours = sum of
--   their hours as given.
-- titel: Leersteun naar verslag
-- definitie: Leersteun gestart in het schooljaar, naar het verslag waarop ze steunt:
--   gemeenschappelijk curriculum (GC), individueel aangepast curriculum (IAC) of opleidingsvorm
--   4 (OV4); zonder verslag (bv. teamgerichte leersteun) als onbekend. Aantal gestart en som
--   van de uren.
-- params: school_year school_year!
-- grain: report_type
-- columns: report_type, supports, hours
-- suppress: supports -> hours
-- counts: supports
-- equals: support_by_target.supports_started = supports
-- time_basis: school year of `started_on`
-- why: The verslag is the basis of leersteun; the mix of GC and IAC says how much support keeps
--   pupils in the common curriculum.

with

reported as (

    select coalesce(report_type, 'unknown') as report_type, hours
    from supports
    where in_school_year(started_on, $school_year)

),

final as (

    select report_type, count(*) as supports, sum(hours) as hours
    from reported
    group by report_type

)

select * from final
order by report_type
