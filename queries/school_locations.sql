-- school_locations: where the region's schools are, for the map.
-- for: dashboard
-- definition: schools in the region (in_region) that have a point in school_locations (the DUO
--   school list, `pib load --source duo-scholen`): school_id, name, sector, municipality_code,
--   lat, lon (WGS84) and pupils as DUO gives them (may be empty), optionally for one
--   municipality. Public school data, no children: no suppression.
-- titel: Scholen in de regio op de kaart (DUO)
-- definitie: Scholen in de regio (in_region) met een punt in school_locations (de DUO-lijst van
--   schoolvestigingen, `pib load --source duo-scholen`): school_id, naam, sector, gemeente,
--   lat, lon (WGS84) en leerlingen zoals DUO ze geeft (soms leeg), eventueel voor één gemeente.
--   Openbare schoolgegevens, geen leerlingen: geen onderdrukking.
-- params: municipality_code text?
-- grain: school_id
-- columns: school_id, name, sector, municipality_code, lat, lon, pupils
-- counts: -

with

final as (

    select
        schools.school_id,
        schools.name,
        schools.sector,
        schools.municipality_code,
        school_locations.lat,
        school_locations.lon,
        school_locations.pupils
    from schools
    join school_locations using (school_id)
    where schools.in_region
        and ($municipality_code is null or schools.municipality_code = $municipality_code)

)

select * from final
order by school_id
