-- out_of_school_census: the leerplicht count of pupils out of school, per kind and article.
-- for: bestuur, kwaliteit, Inspectie
-- definition: out-of-school episodes; an episode is active on day d when started_on <= d and
--   (ended_on empty or ended_on >= d); first and last are the first and last day of the school
--   year. Per kind (and per exemption_article for `exemption`, empty for the other kinds),
--   distinct pupils: at_start = with an episode active on the first day; new_in_year = with an
--   episode that started within the year and none of the same kind (and article) active on
--   the first day; total = with an episode overlapping the year; over_3_months = with an
--   episode overlapping the year for which started_on + 3 months < least(coalesce(ended_on,
--   last), last): more than three calendar months by its end or the last day, whichever comes
--   first (DuckDB month arithmetic: 30 November + 3 months = 28 February); ended_in_year = with
--   an episode that ended within the year; open_at_end = with an episode active on the last
--   day. Only groups with an episode overlapping the year have a row. Disclosure control
--   hides at_start and new_in_year together (they add up to total) and likewise ended_in_year
--   and open_at_end (which nearly do).
-- titel: Telling thuiszitters en vrijstellingen (leerplicht)
-- definitie: Verzuimperiodes per soort (en bij vrijstellingen per artikel van de
--   Leerplichtwet), geteld in unieke leerlingen. Een periode loopt op dag d als de startdatum op
--   of voor d ligt en de einddatum leeg is of op of na d ligt. Bij de start = met een lopende
--   periode op de eerste dag van het schooljaar; nieuw = met een periode die in het schooljaar
--   begon en geen periode van dezelfde soort (en hetzelfde artikel) op de eerste dag; totaal =
--   met een periode in het schooljaar; langer dan 3 maanden = met een periode in het schooljaar
--   die bij het einde of de laatste dag van het schooljaar (wat het eerst komt) meer dan drie
--   kalendermaanden duurde (30 november + 3 maanden = 28 februari); beëindigd = met een periode
--   die in het schooljaar eindigde; open aan het eind = met een lopende periode op de laatste
--   dag van het schooljaar.
-- params: school_year school_year!
-- grain: kind, exemption_article
-- columns: kind, exemption_article, at_start, new_in_year, total, over_3_months,
--   ended_in_year, open_at_end
-- suppress: total -> at_start, new_in_year, over_3_months, ended_in_year, open_at_end
-- suppress: at_start -> new_in_year
-- suppress: new_in_year -> at_start
-- suppress: over_3_months
-- suppress: ended_in_year -> open_at_end
-- suppress: open_at_end -> ended_in_year
-- counts: at_start, new_in_year, total, over_3_months, ended_in_year, open_at_end

with

bounds as (

    select
        school_year_first_day($school_year) as first_day,
        school_year_last_day($school_year) as last_day

),

episodes as (

    select
        out_of_school.pupil_id,
        out_of_school.kind,
        case when out_of_school.kind = 'exemption' then out_of_school.exemption_article end
            as exemption_article,
        out_of_school.started_on,
        out_of_school.ended_on,
        bounds.first_day,
        bounds.last_day
    from out_of_school
    cross join bounds
    where out_of_school.started_on <= bounds.last_day
        and (out_of_school.ended_on is null or out_of_school.ended_on >= bounds.first_day)

),

flagged as (

    select
        pupil_id,
        kind,
        exemption_article,
        started_on <= first_day as active_at_start,
        started_on >= first_day as started_in_year,
        started_on + interval 3 month < least(coalesce(ended_on, last_day), last_day)
            as over_3_months,
        ended_on is not null and ended_on <= last_day as ended_in_year,
        ended_on is null or ended_on >= last_day as active_at_end
    from episodes

),

per_pupil as (

    select
        kind,
        exemption_article,
        pupil_id,
        bool_or(active_at_start) as at_start,
        bool_or(started_in_year) and not bool_or(active_at_start) as new_in_year,
        bool_or(over_3_months) as over_3_months,
        bool_or(ended_in_year) as ended_in_year,
        bool_or(active_at_end) as open_at_end
    from flagged
    group by kind, exemption_article, pupil_id

),

final as (

    select
        kind,
        exemption_article,
        count(*) filter (where at_start) as at_start,
        count(*) filter (where new_in_year) as new_in_year,
        count(*) as total,
        count(*) filter (where over_3_months) as over_3_months,
        count(*) filter (where ended_in_year) as ended_in_year,
        count(*) filter (where open_at_end) as open_at_end
    from per_pupil
    group by kind, exemption_article

)

select * from final
order by kind, exemption_article nulls first
