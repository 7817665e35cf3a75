-- participation_trend: pupils in special education per school year and municipality.
-- for: bestuur, kwaliteit, Inspectie
-- definition: the figures of `participation` for every school year loaded (CBS StatLine
--   85701NED on today's municipalities), one row per school year and municipality plus a row
--   NL per school year (every region of the file, including "Gemeenten; niet in te delen").
--   The page sums the pupils of the network's municipalities for a region line; shares are
--   computed from summed pupils, never averaged. Public data: no suppression.
-- titel: Deelname door de jaren (CBS)
-- definitie: De cijfers van `participation` voor elk geladen schooljaar: één rij per schooljaar en
--   gemeente plus landelijk (NL). Voor de regio telt de pagina de leerlingen van de gemeenten van
--   het samenwerkingsverband op en berekent de aandelen uit die sommen, nooit als gemiddelde.
--   Openbare gegevens: geen onderdrukking.
-- params: -
-- grain: school_year, municipality_code
-- columns: school_year, municipality_code, pupils_bao, pupils_sbo, pupils_so, pupils_vso,
--   pupils_vo, sbo_share, so_share, vso_share, provisional
-- counts: -

with

regions as (

    select * exclude (load_id) from participation where municipality_code <> 'NID'
    union all
    select * exclude (load_id) replace ('NL' as municipality_code) from participation

),

per_region as (

    select
        school_year,
        municipality_code,
        sum(pupils) filter (where school_type = 'bao')::bigint as pupils_bao,
        sum(pupils) filter (where school_type = 'sbo')::bigint as pupils_sbo,
        sum(pupils) filter (where school_type = 'so')::bigint as pupils_so,
        sum(pupils) filter (where school_type = 'vso')::bigint as pupils_vso,
        sum(pupils) filter (where school_type = 'vo')::bigint as pupils_vo,
        bool_or(provisional) as provisional
    from regions
    group by school_year, municipality_code

),

final as (

    select
        school_year,
        municipality_code,
        pupils_bao,
        pupils_sbo,
        pupils_so,
        pupils_vso,
        pupils_vo,
        pupils_sbo / nullif(pupils_bao + pupils_sbo, 0) as sbo_share,
        pupils_so / nullif(pupils_bao + pupils_sbo, 0) as so_share,
        pupils_vso / nullif(pupils_vo, 0) as vso_share,
        provisional
    from per_region

)

select * from final
order by school_year, municipality_code
