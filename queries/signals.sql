-- signals: what deserves attention in a school year, found automatically; one row per finding.
-- for: bestuur, kwaliteit
-- definition: findings of the school year, each with a code (`signal`), what it concerns
--   (`subject`), its figure (`value`), what that is compared with (`reference`), limits where a
--   funnel gives them, one Dutch sentence (`message`) and `cases` = the referrals, pupils,
--   episodes or cases behind the finding. funnel_school_referrals, funnel_municipality_referrals,
--   funnel_school_admissions, funnel_municipality_admissions, funnel_municipality_out_of_school:
--   a unit of funnel_points (model `funnel`) whose rate lies outside the 99.8% limits (value =
--   its rate, reference = the network rate, lower/upper_limit = the 99.8% limits for its pupils,
--   1000 x (p -/+ 3.09 x sqrt(p(1 - p)/n)), unclipped; cases = its referrals, admissions or
--   thuiszitters). waiting_rising (subject `network`): the median days from receipt to decision
--   of the referrals received in a calendar month of the school year (decided ones, continuous
--   median) rose three months in a row over the last four months with decisions (value = the
--   last month's median, reference = the median three months before; cases = the decisions of
--   those four months). coverage_gap_persisting (subject `municipality_code:need_category`):
--   a pair of coverage with gap > 0 in the school year and the one before (value = this year's
--   gap, reference = last year's, lower_limit = the number of consecutive school years with a
--   gap up to this one; cases = this year's demand). out_of_school_reason_growth (subject = the
--   reason as out_of_school_reasons groups it, all kinds) and case_problem_growth (subject =
--   problem_type of cases opened in the year): value = this year's pupils or cases, reference =
--   last year's, fired when value >= 1.5 x reference and value - reference >= 5; cases = value.
--   target_missed_twice (subject = the key under pib.toml [targets]): a headline figure
--   (median_waiting_days, within_norm_share with norm_days, preventive_hours_share,
--   achieved_share, out_of_school_per_1000, admissions_per_1000, each as kpi_headline defines
--   it) missed its target this school year and the one before (above it where lower is better:
--   median_waiting_days and the two rates; below it for the shares); value = this year's
--   figure, reference = the target, lower_limit = last year's figure; cases = the decisions,
--   supports, evaluations, thuiszitters or admissions it rests on. smallest_group = the
--   smallest count the row's figures and sentence show: for the growth signals the smaller of
--   value and reference (value when reference is 0), else cases. out_of_school_reason_growth
--   names a free-text reason: it is shown to the data-quality roles only (queries/roles.py).
-- titel: Signalen: wat opvalt in het schooljaar
-- definitie: Bevindingen van het schooljaar, elk met een zin: scholen en gemeenten buiten de
--   99,8%-grenzen van het trechterdiagram (aanmeldingen, TLV's, thuiszitters per 1.000
--   leerlingen), een mediane wachttijd die drie maanden op rij steeg, een tekort in dekkend aanbod
--   dat twee of meer schooljaren aanhoudt, redenen van thuiszitten en soorten casussen die sterk
--   groeiden (minstens de helft en minstens 5 meer dan vorig jaar) en een doel dat twee
--   schooljaren op rij niet is gehaald. `cases` is het aantal kinderen, aanmeldingen of casussen
--   achter de bevinding.
-- params: school_year school_year!; norm_days int = settings.decision_days
-- grain: signal, subject
-- columns: signal, subject, value, reference, lower_limit, upper_limit, message, cases,
--   smallest_group
-- suppress: cases -> subject, value, reference, lower_limit, upper_limit, message
-- suppress: smallest_group -> subject, value, reference, lower_limit, upper_limit, message
-- counts: cases, smallest_group
-- rollup: funnel_points.cases[measure=referrals] =
--   cases[signal=funnel_school_referrals|funnel_municipality_referrals]
-- rollup: funnel_points.cases[measure=admissions] =
--   cases[signal=funnel_school_admissions|funnel_municipality_admissions]
-- rollup: funnel_points.cases[measure=out_of_school] =
--   cases[signal=funnel_municipality_out_of_school]
-- numerator: per signal, see the definition
-- time_basis: the school year asked for and the one before it
-- note: The growth and target signals compare with the previous school year; a signal about
--   fewer than `min_cell` cases loses subject, figures and sentence for suppressed roles. The
--   sentences use the Flemish terms under `terminology = "vl"` (ondersteuningsvragen,
--   verslagen, leerlingen met problematische afwezigheid, beslissing).
-- why: The board asks what changed and where to look; a list of findings in sentences answers
--   that without anyone having to read every chart.

with

this_year as (

    select left($school_year, 4)::int as year

),

funnel_findings as (

    select
        'funnel_' || level || '_' || measure as signal,
        subject,
        rate as value,
        network_rate as reference,
        lower_998 as lower_limit,
        upper_998 as upper_limit,
        (case level when 'school' then 'School ' || coalesce(name, subject)
            else 'Gemeente ' || subject end)
        || ' heeft ' || replace(printf('%.1f', rate), '.', ',') || ' '
        || (case measure
            when 'referrals' then if(terminology() = 'vl', 'ondersteuningsvragen', 'aanmeldingen')
            when 'admissions'
                then if(terminology() = 'vl', 'toegekende verslagen', 'toegekende TLV''s')
            else if(terminology() = 'vl', 'leerlingen met problematische afwezigheid',
                'thuiszitters') end)
        || ' per 1.000 leerlingen, ' || (case when rate > upper_998 then 'boven' else 'onder' end)
        || ' de grenzen van 99,8% (' || replace(printf('%.1f', lower_998), '.', ',') || ' tot '
        || replace(printf('%.1f', upper_998), '.', ',') || ') rond het netwerkgemiddelde van '
        || replace(printf('%.1f', network_rate), '.', ',') || '.' as message,
        cases
    from funnel
    where year = (from this_year) and (rate < lower_998 or rate > upper_998)

),

monthly_waiting as (

    select
        date_trunc('month', received_on)::date as month,
        quantile_cont(decided_on - received_on, 0.5) as median_days,
        count(*) as decided
    from referrals
    where decided_on is not null and in_school_year(received_on, $school_year)
    group by all

),

last_months as (

    select
        *,
        row_number() over (order by month desc) as back,
        lead(median_days) over (order by month desc) as median_before
    from monthly_waiting

),

waiting_findings as (

    select
        'waiting_rising' as signal,
        'network' as subject,
        max(median_days) filter (where back = 1) as value,
        max(median_days) filter (where back = 4) as reference,
        null::double as lower_limit,
        null::double as upper_limit,
        'De mediane wachttijd tot een ' || if(terminology() = 'vl', 'beslissing', 'besluit')
        || ' steeg drie maanden op rij: van '
        || replace(printf('%.1f', max(median_days) filter (where back = 4)), '.', ',')
        || ' dagen (aanmeldingen van ' || max(strftime(month, '%Y-%m')) filter (where back = 4)
        || ') tot ' || replace(printf('%.1f', max(median_days) filter (where back = 1)), '.', ',')
        || ' dagen (' || max(strftime(month, '%Y-%m')) filter (where back = 1) || ').'
            as message,
        sum(decided) as cases
    from last_months
    where back <= 4
    having count(*) filter (where back <= 3 and median_days > median_before) = 3

),

coverage_pairs as (

    select
        year,
        municipality_code,
        need_category,
        coalesce(granted_demand.demand, 0) as demand,
        greatest(coalesce(granted_demand.demand, 0) - coalesce(capacity.capacity, 0), 0) as gap
    from granted_demand
    full outer join (
        select left(school_year, 4)::int as year, municipality_code, need_category,
            sum(capacity)::bigint as capacity
        from offers
        group by all
    ) capacity using (year, municipality_code, need_category)

),

gap_runs as (

    select
        *,
        year - row_number() over (
            partition by municipality_code, need_category order by year
        ) as run
    from coverage_pairs
    where gap > 0 and year <= (from this_year)

),

gap_lengths as (

    select
        *,
        count(*) over (partition by municipality_code, need_category, run) as years_with_gap,
        lag(gap) over (partition by municipality_code, need_category, run order by year)
            as gap_before
    from gap_runs

),

gap_findings as (

    select
        'coverage_gap_persisting' as signal,
        municipality_code || ':' || need_category as subject,
        gap::double as value,
        gap_before::double as reference,
        years_with_gap::double as lower_limit,
        null::double as upper_limit,
        'Gemeente ' || municipality_code || ', behoefte '
        || (case need_category when 'learning' then 'leren' when 'behaviour' then 'gedrag'
            when 'communication' then 'communicatie' when 'sensory' then 'zintuiglijk'
            when 'physical' then 'lichamelijk' when 'intellectual' then 'verstandelijk'
            when 'psychiatric' then 'psychiatrisch' when 'giftedness' then 'hoogbegaafdheid'
            when 'other' then 'overig' else 'onbekend' end)
        || ': al ' || years_with_gap || ' schooljaren op rij te weinig plaatsen (tekort '
        || gap || ', vorig schooljaar ' || gap_before || ').' as message,
        demand as cases
    from gap_lengths
    where year = (from this_year) and years_with_gap >= 2

),

reason_counts as (

    select
        this_year.year - years.back as year,
        coalesce(nullif(trim(reason), ''), 'unknown') as reason,
        count(distinct pupil_id) as pupils
    from out_of_school
    cross join this_year
    cross join (select unnest([0, 1]) as back) years
    where school_year_start(started_on) <= this_year.year - years.back
        and (ended_on is null or school_year_start(ended_on) >= this_year.year - years.back)
    group by all

),

problem_counts as (

    select school_year_start(opened_on) as year, problem_type, count(*) as cases
    from cases
    where school_year_start(opened_on) between (from this_year) - 1 and (from this_year)
    group by all

),

growth as (

    select
        'out_of_school_reason_growth' as signal,
        reason as subject,
        coalesce(max(pupils) filter (where year = (from this_year)), 0) as value,
        coalesce(max(pupils) filter (where year < (from this_year)), 0) as reference
    from reason_counts
    group by reason
    union all
    select
        'case_problem_growth',
        problem_type,
        coalesce(max(cases) filter (where year = (from this_year)), 0),
        coalesce(max(cases) filter (where year < (from this_year)), 0)
    from problem_counts
    group by problem_type

),

growth_findings as (

    select
        signal,
        subject,
        value::double as value,
        reference::double as reference,
        null::double as lower_limit,
        null::double as upper_limit,
        (case signal when 'case_problem_growth' then 'Het aantal casussen met als probleem '''
            || (case subject
                when 'out_of_school'
                    then if(terminology() = 'vl', 'problematische afwezigheid', 'thuiszitten')
                when 'no_fitting_place' then 'geen passende plek'
                when 'support_not_offered' then 'ondersteuning niet geboden'
                when 'care_education' then 'zorg en onderwijs' when 'transport' then 'vervoer'
                else 'overig' end)
            || ''' groeide van ' || reference || ' naar ' || value
            else 'Het aantal ' || if(terminology() = 'vl',
                'leerlingen met problematische afwezigheid', 'thuiszitters')
            || ' met reden ''' || subject || ''' groeide van '
            || reference || ' naar ' || value end)
        || ' ten opzichte van vorig schooljaar.' as message,
        value as cases,
        if(reference = 0, value, least(value, reference)) as smallest_group
    from growth
    where value >= 1.5 * reference and value - reference >= 5

),

-- The headline figures with a target, for this year and the one before, as kpi_headline
-- defines them (a test checks they agree).
kpi_years as (

    select this_year.year - back as year
    from this_year
    cross join (select unnest([0, 1]) as back)

),

waiting_kpis as (

    select
        school_year_start(received_on) as year,
        quantile_cont(decided_on - received_on, 0.5) as median_waiting_days,
        count(*) filter (where decided_on - received_on <= $norm_days) / count(*)
            as within_norm_share,
        count(*) as decided
    from referrals
    where decided_on is not null
        and school_year_start(received_on) in (from kpi_years)
    group by all

),

prevention_kpis as (

    select
        year,
        coalesce(sum(hours) filter (where prevention_level = 'preventive'), 0)
            / nullif(sum(hours), 0) as preventive_hours_share,
        sum(supports)::bigint as supports_started
    from support_counts
    where year in (from kpi_years)
    group by year

),

evaluation_kpis as (

    select
        year,
        coalesce(sum(evaluations) filter (where goal_attainment = 'achieved'), 0)
            / sum(evaluations) as achieved_share,
        sum(evaluations)::bigint as evaluated
    from evaluation_counts
    where year in (from kpi_years)
    group by year

),

enrolled as (

    select
        left(enrolments.school_year, 4)::int as year,
        sum(enrolments.pupils)::bigint as pupils,
        sum(enrolments.pupils) filter (
            where schools.sector in ('po', 'vo', 'bao', 'so_vo')
        )::bigint as regular_pupils
    from enrolments
    left join schools using (school_id)
    where left(enrolments.school_year, 4)::int in (from kpi_years)
    group by all

),

out_of_school_kpis as (

    select kpi_years.year, count(distinct out_of_school.pupil_id) as pupils_out_of_school
    from kpi_years
    join out_of_school
        on out_of_school.kind in ('absolute_absence', 'long_relative_absence')
        and school_year_start(out_of_school.started_on) <= kpi_years.year
        and (
            out_of_school.ended_on is null
            or school_year_start(out_of_school.ended_on) >= kpi_years.year
        )
    group by all

),

admission_kpis as (

    select decided_year as year, sum(referrals)::bigint as admissions_granted
    from referral_flow
    where decision = 'granted'
        and request_type in ('admission_sbo', 'admission_so', 'admission_vso')
        and decided_year in (from kpi_years)
    group by all

),

kpi_values as (

    unpivot (
        select
            kpi_years.year,
            struct_pack(value := waiting_kpis.median_waiting_days,
                cases := waiting_kpis.decided) as median_waiting_days,
            struct_pack(value := waiting_kpis.within_norm_share,
                cases := waiting_kpis.decided) as within_norm_share,
            struct_pack(value := prevention_kpis.preventive_hours_share,
                cases := prevention_kpis.supports_started) as preventive_hours_share,
            struct_pack(value := evaluation_kpis.achieved_share,
                cases := evaluation_kpis.evaluated) as achieved_share,
            struct_pack(value := coalesce(out_of_school_kpis.pupils_out_of_school, 0) * 1000
                / nullif(enrolled.pupils, 0),
                cases := coalesce(out_of_school_kpis.pupils_out_of_school, 0))
                as out_of_school_per_1000,
            struct_pack(value := coalesce(admission_kpis.admissions_granted, 0) * 1000
                / nullif(enrolled.regular_pupils, 0),
                cases := coalesce(admission_kpis.admissions_granted, 0)) as admissions_per_1000
        from kpi_years
        left join waiting_kpis using (year)
        left join prevention_kpis using (year)
        left join evaluation_kpis using (year)
        left join enrolled using (year)
        left join out_of_school_kpis using (year)
        left join admission_kpis using (year)
    )
    on median_waiting_days, within_norm_share, preventive_hours_share, achieved_share,
        out_of_school_per_1000, admissions_per_1000
    into name key value figure

),

missed as (

    select
        key,
        target(key) as target,
        key in ('median_waiting_days', 'out_of_school_per_1000', 'admissions_per_1000')
            as lower_is_better,
        max(figure.value) filter (where year = (from this_year)) as value,
        max(figure.value) filter (where year < (from this_year)) as value_before,
        max(figure.cases) filter (where year = (from this_year)) as cases
    from kpi_values
    group by key

),

target_findings as (

    select
        'target_missed_twice' as signal,
        key as subject,
        value,
        target as reference,
        value_before as lower_limit,
        null::double as upper_limit,
        [target, value_before, value].list_transform(lambda figure: if(
            key like '%_share',
            round(100 * figure)::int || '%',
            replace(printf('%.1f', figure), '.', ',')
                || if(key = 'median_waiting_days', ' dagen', '')
        )) as shown,
        'Het doel voor '
        || (case key
            when 'median_waiting_days' then 'de mediane wachttijd (hoogstens '
            when 'within_norm_share' then if(terminology() = 'vl', 'beslissingen', 'besluiten')
                || ' binnen de norm (minstens '
            when 'preventive_hours_share' then 'het aandeel preventieve uren (minstens '
            when 'achieved_share' then 'behaalde doelen (minstens '
            when 'out_of_school_per_1000' then if(terminology() = 'vl',
                'leerlingen met problematische afwezigheid', 'thuiszitters')
                || ' per 1.000 leerlingen (hoogstens '
            else if(terminology() = 'vl', 'verslagen', 'TLV''s')
                || ' per 1.000 leerlingen (hoogstens ' end)
        || shown[1] || ') is twee schooljaren op rij niet gehaald: ' || shown[2]
        || ' vorig schooljaar, ' || shown[3] || ' nu.' as message,
        cases
    from missed
    where target is not null and value is not null and value_before is not null
        and (
            (lower_is_better and value > target and value_before > target)
            or (not lower_is_better and value < target and value_before < target)
        )

),

findings as (

    select signal, subject, value, reference, lower_limit, upper_limit, message, cases
    from funnel_findings
    union all by name from gap_findings
    union all by name from waiting_findings
    union all by name from growth_findings
    union all by name select * exclude (shown) from target_findings

),

final as (

    select
        signal, subject, value, reference, lower_limit, upper_limit, message,
        cases::bigint as cases,
        coalesce(smallest_group, cases)::bigint as smallest_group
    from findings

)

select * from final
order by signal, subject
