-- out_of_school_reasons: the most frequent reasons of out-of-school episodes.
-- for: kwaliteit, beheer (free text: the data-quality roles only)
-- definition: episodes (optionally of one kind, and overlapping one school year) grouped by
--   their reason, trimmed, with an empty reason as 'unknown'; pupils = distinct pupils,
--   episodes = number of episodes; the `limit` reasons with the most pupils, sorted by pupils
--   (descending), then reason. Free text may hold a name: only the roles kwaliteit and
--   beheer may run it (docs/privacy.md).
-- titel: Redenen van thuiszitten
-- definitie: Perioden (eventueel van één soort en overlappend met één schooljaar) naar reden
--   (vrije tekst; leeg telt als onbekend): aantal verschillende leerlingen en aantal perioden,
--   voor de `limit` redenen (standaard 10) met de meeste leerlingen. Vrije tekst kan een naam
--   bevatten: alleen voor de rollen kwaliteit en beheer.
-- params: school_year school_year?; kind text?; limit int = 10
-- grain: reason
-- columns: reason, pupils, episodes
-- suppress: pupils -> episodes, reason
-- counts: pupils, episodes
-- margins: kind in out_of_school

with

episodes as (

    select pupil_id, coalesce(nullif(trim(reason), ''), 'unknown') as reason
    from out_of_school
    where ($kind is null or kind = $kind)
        and (
            $school_year is null
            or (
                school_year_start(started_on) <= left($school_year, 4)::int
                and (ended_on is null or school_year_start(ended_on) >= left($school_year, 4)::int)
            )
        )

),

final as (

    select reason, count(distinct pupil_id) as pupils, count(*) as episodes
    from episodes
    group by reason

)

select * from final
order by pupils desc, reason
limit $limit
