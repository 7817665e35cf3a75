-- finance_lines: budget against actuals per category and line of one school year.
-- for: bestuur, kwaliteit
-- definition: the `finance` lines of the school year except `reserve_end` (equity, not a flow:
--   see finance_years), per category and item: budget_eur and actual_eur as given (summed
--   when a line repeats), difference_eur = actual_eur - budget_eur (empty when either is
--   empty), spent_share = actual_eur / budget_eur (empty when the budget is empty or 0).
--   Money, no counts of pupils: no suppression.
-- titel: Begroting en realisatie per post
-- definitie: De regels van de begroting van het schooljaar per categorie en post (zonder de
--   reserve aan het eind van het jaar): begroot, gerealiseerd, verschil (realisatie min
--   begroting) en realisatie als deel van de begroting.
-- params: school_year school_year!
-- grain: category, item
-- columns: category, item, budget_eur, actual_eur, difference_eur, spent_share
-- why: a board approves a budget and is held to it; the lines show where the money went.
-- counts: -

with

lines as (

    select category, item, sum(budget_eur)::double as budget_eur,
        sum(actual_eur)::double as actual_eur
    from finance
    where school_year = $school_year and category <> 'reserve_end'
    group by category, item

),

final as (

    select
        category,
        item,
        budget_eur,
        actual_eur,
        actual_eur - budget_eur as difference_eur,
        actual_eur / nullif(budget_eur, 0) as spent_share
    from lines

)

select * from final
order by category, item
