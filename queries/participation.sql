-- participation: pupils in special education per municipality against the national figure.
-- for: bestuur, kwaliteit, Inspectie
-- definition: public CBS figures (StatLine 85701NED, rounded to tens by CBS; `pib load
--   --source cbs-85701`). Pupils per school type (bao, sbo, so, vso, vo) in the school year,
--   per today's municipality: municipalities that merged later are summed into today's, a
--   municipality that was split counts wholly with the successor that got its largest part.
--   sbo_share = sbo / (bao + sbo); so_share = so / (bao + sbo); vso_share = vso / vo (the
--   deelnamepercentages as the passend-onderwijs dashboards of Vensters define them: the
--   denominators are regular education only; vo is CBS's `Totaal voortgezet onderwijs`);
--   empty when the denominator is 0. The row NL sums every region of the file, including
--   "Gemeenten; niet in te delen" (pupils CBS places in no municipality), which gets no row of
--   its own. provisional is true for periods CBS marks with *. Public data: no suppression.
-- titel: Deelname aan speciaal onderwijs per gemeente (CBS)
-- definitie: Openbare CBS-cijfers (StatLine 85701NED, door CBS afgerond op tientallen; geladen met
--   `pib load --source cbs-85701`): leerlingen per schoolsoort (bao, sbo, so, vso, vo) in het
--   schooljaar, per huidige gemeente (later samengevoegde gemeenten opgeteld; een gesplitste
--   gemeente telt bij de opvolger die het grootste deel kreeg) en landelijk (NL, inclusief
--   leerlingen die CBS aan geen gemeente toedeelt), met de deelnamepercentages zoals Vensters ze
--   definieert (de noemer is alleen regulier onderwijs): sbo = sbo / (bao + sbo), so = so / (bao
--   + sbo) en vso = vso / vo (vo is het CBS-totaal voortgezet onderwijs), leeg als de noemer 0
--   is. Voorlopige cijfers van CBS zijn gemarkeerd. Openbare gegevens: geen onderdrukking.
-- params: school_year school_year!
-- grain: municipality_code
-- columns: municipality_code, pupils_bao, pupils_sbo, pupils_so, pupils_vso, pupils_vo,
--   sbo_share, so_share, vso_share, provisional
-- counts: -

with

counts as (

    select municipality_code, school_type, pupils, provisional
    from participation
    where school_year = $school_year

),

regions as (

    select * from counts where municipality_code <> 'NID'
    union all
    select * replace ('NL' as municipality_code) from counts

),

per_region as (

    select
        municipality_code,
        sum(pupils) filter (where school_type = 'bao')::bigint as pupils_bao,
        sum(pupils) filter (where school_type = 'sbo')::bigint as pupils_sbo,
        sum(pupils) filter (where school_type = 'so')::bigint as pupils_so,
        sum(pupils) filter (where school_type = 'vso')::bigint as pupils_vso,
        sum(pupils) filter (where school_type = 'vo')::bigint as pupils_vo,
        bool_or(provisional) as provisional
    from regions
    group by municipality_code

),

final as (

    select
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
order by municipality_code
