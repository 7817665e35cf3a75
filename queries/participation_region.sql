-- participation_region: special-education participation of the network's region against the national figure, per school year.
-- for: bestuur, kwaliteit, Inspectie
-- definition: the figures of `participation` (CBS StatLine 85701NED on today's municipalities)
--   for every school year loaded, summed over the municipalities listed in `municipalities`
--   (codes separated by commas, e.g. `GM0193,GM0166`; the dashboard passes pib.toml [region]
--   municipalities) as area `regio`, next to area `NL` (every region of the file, including
--   "Gemeenten; niet in te delen"). municipality_count = how many municipalities have CBS
--   figures in the area that year (for NL without "niet in te delen"). Shares are computed from
--   the summed pupils, never averaged, as `participation` defines them: sbo_share = sbo / (bao
--   + sbo); so_share = so / (bao + sbo); vso_share = vso / vo; empty when the denominator is 0.
--   Without `municipalities`, or when none of them has CBS figures (NIS codes), only the NL
--   rows.
--   provisional is true for periods CBS marks with *. Public data: no suppression.
-- titel: Deelname aan speciaal onderwijs in de regio en landelijk (CBS)
-- definitie: De cijfers van `participation` (CBS StatLine 85701NED, op de huidige gemeenten)
--   voor elk geladen schooljaar, opgeteld over de gemeenten in `municipalities` (codes
--   gescheiden door komma's, bv. `GM0193,GM0166`; het dashboard geeft de gemeenten van pib.toml
--   [region]) als gebied `regio`, naast het gebied `NL` (het hele bestand, inclusief
--   "Gemeenten; niet in te delen"). municipality_count = het aantal gemeenten met CBS-cijfers
--   in dat gebied en jaar. Aandelen komen uit de opgetelde leerlingen, nooit uit een gemiddelde:
--   sbo = sbo / (bao + sbo), so = so / (bao + sbo), vso = vso / vo, leeg als de noemer 0 is. Zonder `municipalities` (of zonder CBS-cijfers voor die gemeenten) alleen de
--   rijen NL. Voorlopige cijfers van CBS zijn gemarkeerd. Openbare gegevens: geen onderdrukking.
-- params: municipalities text?
-- grain: school_year, area
-- columns: school_year, area, municipality_count, pupils_bao, pupils_sbo, pupils_so,
--   pupils_vso, pupils_vo, sbo_share, so_share, vso_share, provisional
-- note: `municipalities` takes gemeentecodes separated by commas (gemeentecodes gescheiden door
--   komma's), e.g. `pib query participation_region --param municipalities=GM0193,GM0166`.
-- counts: -

with

listed as (

    select distinct trim(code) as municipality_code
    from (select unnest(string_split($municipalities::varchar, ',')) as code)
    where trim(code) <> ''

),

areas as (

    select 'regio' as area, school_year, municipality_code, school_type, pupils, provisional
    from participation
    where municipality_code in (select municipality_code from listed)
    union all
    select 'NL' as area, school_year, municipality_code, school_type, pupils, provisional
    from participation

),

per_area as (

    select
        school_year,
        area,
        count(distinct municipality_code) filter (where municipality_code <> 'NID')
            as municipality_count,
        sum(pupils) filter (where school_type = 'bao')::bigint as pupils_bao,
        sum(pupils) filter (where school_type = 'sbo')::bigint as pupils_sbo,
        sum(pupils) filter (where school_type = 'so')::bigint as pupils_so,
        sum(pupils) filter (where school_type = 'vso')::bigint as pupils_vso,
        sum(pupils) filter (where school_type = 'vo')::bigint as pupils_vo,
        bool_or(provisional) as provisional
    from areas
    group by school_year, area

),

final as (

    select
        school_year,
        area,
        municipality_count,
        pupils_bao,
        pupils_sbo,
        pupils_so,
        pupils_vso,
        pupils_vo,
        pupils_sbo / nullif(pupils_bao + pupils_sbo, 0) as sbo_share,
        pupils_so / nullif(pupils_bao + pupils_sbo, 0) as so_share,
        pupils_vso / nullif(pupils_vo, 0) as vso_share,
        provisional
    from per_area

)

select * from final
order by school_year, area
