-- funnel_points: every school or gemeente of a funnel plot: its rate and the funnel limits.
-- for: bestuur, kwaliteit
-- definition: the model `funnel` for one school year and measure (`referrals`, `admissions` or
--   `out_of_school`; level `school` or `municipality`, both when absent): per unit its pupils
--   (sum of enrolments.pupils of the year), cases, rate = 1000 x cases / pupils, the network rate
--   1000 x p (p = all cases of the units / all their pupils) and the limits 1000 x (p -/+ z x
--   sqrt(p(1 - p) / pupils)) for z = 1.96 (95%) and 3.09 (99.8%), unclipped. Referrals: received
--   in the year, by their school_id; admissions: granted admission referrals decided in the year,
--   schools of regular education only; out_of_school: distinct pupils with an absolute_absence or
--   long_relative_absence episode overlapping the year by their gemeente, against the pupils of
--   the schools in that gemeente. Units with pupils only. Every measure when measure is absent.
--   network_cases = the cases of all units of the measure and level (network_rate x their
--   pupils / 1000): the total the units add up to, declared so disclosure control sees it.
-- titel: Trechterdiagram: scholen en gemeenten tegen het netwerk
-- definitie: Per school of gemeente in het schooljaar: leerlingen (inschrijvingen), aantal
--   (aanmeldingen ontvangen in het jaar, toegekende TLV's besloten in het jaar, of thuiszitters),
--   het aantal per 1.000 leerlingen, het netwerkgemiddelde en de grenzen van 95% en 99,8% rond
--   dat gemiddelde voor een school of gemeente van die omvang: 1.000 × (p ± z × √(p(1 − p)/n))
--   met z = 1,96 of 3,09 (normale benadering van Spiegelhalters trechterdiagram).
-- params: school_year school_year!; measure text?; level text?
-- grain: measure, level, subject
-- columns: school_year, measure, level, subject, name, pupils, cases, rate, network_rate,
--   lower_95, upper_95, lower_998, upper_998, network_cases
-- suppress: cases -> rate
-- suppress: network_cases -> network_rate, lower_95, upper_95, lower_998, upper_998
-- counts: cases, network_cases
-- total: network_cases = cases by measure, level
-- numerator: referrals, granted admissions or thuiszitters of the unit
-- denominator: the unit's pupils in `enrolments` (a gemeente: the pupils of its schools)
-- time_basis: received_on (referrals), decided_on (admissions), overlap with the school year
--   (out_of_school); enrolments of the school year
-- note: A gemeente's thuiszitters live there, its pupils go to school there: the rate is an
--   approximation where many pupils cross the border. The lower limits are not clipped at 0.
-- why: A funnel plot shows which schools or gemeenten differ from the network more than chance
--   explains for their size, without ranking small units on noise (Spiegelhalter 2005).

with

final as (

    select
        school_year_label(year) as school_year,
        measure,
        level,
        subject,
        name,
        pupils,
        cases,
        rate,
        network_rate,
        lower_95,
        upper_95,
        lower_998,
        upper_998,
        (sum(cases) over (partition by measure, level))::bigint as network_cases
    from funnel
    where year = left($school_year, 4)::int
        and ($measure is null or measure = $measure)
        and ($level is null or level = $level)

)

select * from final
order by measure, level, subject
