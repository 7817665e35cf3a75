-- support_target_trend: the shift of leersteun from the pupil to the teacher and the team.
-- for: bestuur, kwaliteit, leersteuncentrum
-- definition: supports with a target_level, by school year of started_on; pupil_started /
--   teacher_started / team_started = the number with that target_level; hours_pupil /
--   hours_teacher / hours_team = their hours as given; teacher_team_hours_share =
--   (hours_teacher + hours_team) / (hours_pupil + hours_teacher + hours_team), empty when those
--   are 0. Supports without a target_level are left out (support_by_target counts them).
-- titel: Leerling-, leerkracht- en teamgerichte leersteun per schooljaar
-- definitie: Leersteun met een doelgroep, naar schooljaar van de startdatum: aantal gestart en
--   uren (zoals aangeleverd), leerling-, leerkracht- en teamgericht, en het aandeel leerkracht-
--   en teamgerichte uren = (uren leerkracht + uren team) / (uren leerling + leerkracht + team);
--   leeg als er geen uren zijn. Leersteun zonder doelgroep telt niet mee.
-- params: -
-- grain: school_year
-- columns: school_year, pupil_started, teacher_started, team_started, hours_pupil,
--   hours_teacher, hours_team, teacher_team_hours_share
-- suppress: pupil_started -> hours_pupil, teacher_team_hours_share
-- suppress: teacher_started -> hours_teacher, teacher_team_hours_share
-- suppress: team_started -> hours_team, teacher_team_hours_share
-- counts: pupil_started, teacher_started, team_started
-- rollup: support_by_target.supports_started[target_level=pupil] = pupil_started
-- rollup: support_by_target.supports_started[target_level=teacher] = teacher_started
-- rollup: support_by_target.supports_started[target_level=team] = team_started
-- numerator: hours of teacher- and team-directed support
-- denominator: hours of support with a target level
-- time_basis: school year of `started_on`
-- note: no total column: with a total, a suppressed level would follow from the total minus the
--   others; the share is emptied when any level is small, for the same reason. The target is
--   `teacher_team_hours_share` under [targets] in pib.toml (a minimum).
-- why: Making teachers and teams able to act themselves is the core of the leersteundecreet: the
--   share of teacher- and team-directed hours is the Flemish measure of preventive work, and the
--   board sets a target for it.

with

per_year as (

    select
        school_year_start(started_on) as year,
        count(*) filter (where target_level = 'pupil') as pupil_started,
        count(*) filter (where target_level = 'teacher') as teacher_started,
        count(*) filter (where target_level = 'team') as team_started,
        coalesce(sum(hours) filter (where target_level = 'pupil'), 0) as hours_pupil,
        coalesce(sum(hours) filter (where target_level = 'teacher'), 0) as hours_teacher,
        coalesce(sum(hours) filter (where target_level = 'team'), 0) as hours_team
    from supports
    where target_level is not null
    group by year

),

final as (

    select
        school_year_label(year) as school_year,
        * exclude (year),
        (hours_teacher + hours_team)
            / nullif(hours_pupil + hours_teacher + hours_team, 0) as teacher_team_hours_share
    from per_year

)

select * from final
order by school_year
