-- finance_years: income, preventive against curative spending, and reserves against the signaleringswaarde per school year.
-- for: bestuur, kwaliteit, Inspectie
-- definition: per school year of `finance` (actual_eur only): income_eur = sum of `income`;
--   expense_eur = sum of `personnel`, `school_support`, `arrangements`,
--   `special_education_transfer` and `other_expense`; preventive_eur = `school_support`
--   (basisondersteuning passed on to the school boards); curative_eur = `arrangements` +
--   `special_education_transfer` (extra support for a pupil, and the afdracht for pupils in
--   (v)so); preventive_share = preventive_eur / (preventive_eur + curative_eur), empty when
--   both are 0; reserve_eur = sum of `reserve_end` (empty when the year has none);
--   signaleringswaarde_eur = greatest(0.035 x income_eur, 250000), the Inspectie's rule for
--   samenwerkingsverbanden (docs/finance.md); above_eur = reserve_eur -
--   signaleringswaarde_eur (positive: above); above_signal = above_eur > 0. Money, no counts
--   of pupils: no suppression.
-- titel: Baten, preventief en curatief, en reserve tegen de signaleringswaarde
-- definitie: Per schooljaar, uit de realisatie: baten; lasten; preventief = middelen naar de
--   schoolbesturen voor basisondersteuning; curatief = arrangementen plus de afdracht voor
--   leerlingen in het (v)so; het aandeel preventief in preventief plus curatief; de reserve
--   aan het eind van het jaar; de signaleringswaarde = 3,5% van de baten, minstens € 250.000;
--   en hoeveel de reserve daarboven (positief) of daaronder (negatief) ligt.
-- params: -
-- grain: school_year
-- columns: school_year, income_eur, expense_eur, preventive_eur, curative_eur,
--   preventive_share, reserve_eur, signaleringswaarde_eur, above_eur, above_signal
-- numerator: reserve_end (equity at the end of the school year)
-- denominator: the signaleringswaarde of the same year
-- note: the Inspectie applies the rule to annual accounts (calendar years); on school-year
--   figures it is an indication.
-- why: reserves above the signaleringswaarde must be explained, and spent on support.
-- counts: -

with

years as (

    select
        school_year,
        coalesce(sum(actual_eur) filter (where category = 'income'), 0)::double as income_eur,
        coalesce(sum(actual_eur) filter (where category in (
            'personnel', 'school_support', 'arrangements', 'special_education_transfer',
            'other_expense'
        )), 0)::double as expense_eur,
        coalesce(sum(actual_eur) filter (where category = 'school_support'), 0)::double
            as preventive_eur,
        coalesce(sum(actual_eur) filter (
            where category in ('arrangements', 'special_education_transfer')
        ), 0)::double as curative_eur,
        (sum(actual_eur) filter (where category = 'reserve_end'))::double as reserve_eur
    from finance
    group by school_year

),

final as (

    select
        school_year,
        income_eur,
        expense_eur,
        preventive_eur,
        curative_eur,
        preventive_eur / nullif(preventive_eur + curative_eur, 0) as preventive_share,
        reserve_eur,
        greatest(0.035 * income_eur, 250000)::double as signaleringswaarde_eur,
        reserve_eur - greatest(0.035 * income_eur, 250000) as above_eur,
        reserve_eur - greatest(0.035 * income_eur, 250000) > 0 as above_signal
    from years

)

select * from final
order by school_year
