-- admissions_validity: valid TLVs on a month end and when they expire.
-- for: bestuur, kwaliteit
-- definition: the peildatum d is the last day of the month of as_of (any day of a month gives
--   that month's end, so stepping the parameter day by day reveals nothing). A TLV is valid on
--   d when it is a referral of one of the three `admission_*` request types with decision
--   `granted`, decided_on <= d and valid_until empty or >= d. Each valid TLV falls in one
--   expiry_band by its valid_until: `0_3_months` (up to the last day of the month three months
--   after d), `3_6_months`, `6_12_months` (likewise six and twelve months), `later`, and
--   `no_end_date` (valid_until empty). Only bands with a valid TLV have a row; there is no total
--   row (the page adds up what it may show).
-- titel: Geldige toelaatbaarheidsverklaringen en hun einddatum
-- definitie: Toelaatbaarheidsverklaringen (toegekende aanmeldingen voor sbo, so en vso) die op
--   de peildatum (de laatste dag van de gekozen maand) geldig zijn: besloten op of vóór de
--   peildatum en geldig tot en met de peildatum of later, of zonder einddatum. Per type, naar
--   wanneer de geldigheid afloopt: binnen 3 maanden, over 3 tot 6 maanden, over 6 tot 12
--   maanden, later, of geen einddatum bekend.
-- params: as_of date!
-- grain: request_type, expiry_band
-- columns: request_type, expiry_band, tlvs
-- suppress: tlvs
-- counts: tlvs
-- time_basis: the last day of the month of `as_of`; `decided_on` and `valid_until`
-- why: A TLV that expires ends the funding of a place unless it is renewed; the network plans
--   the renewal requests (and the money) of the coming months from this count.

with

peildatum as (

    select last_day($as_of::date) as d

),

valid as (

    select
        referrals.request_type,
        case
            when referrals.valid_until is null then 'no_end_date'
            when referrals.valid_until <= last_day(peildatum.d + interval 3 month) then '0_3_months'
            when referrals.valid_until <= last_day(peildatum.d + interval 6 month) then '3_6_months'
            when referrals.valid_until <= last_day(peildatum.d + interval 12 month)
                then '6_12_months'
            else 'later'
        end as expiry_band
    from referrals, peildatum
    where referrals.decision = 'granted'
        and referrals.request_type in ('admission_sbo', 'admission_so', 'admission_vso')
        and referrals.decided_on <= peildatum.d
        and (referrals.valid_until is null or referrals.valid_until >= peildatum.d)

),

final as (

    select
        request_type,
        expiry_band,
        count(*) as tlvs
    from valid
    group by request_type, expiry_band

)

select * from final
order by
    request_type,
    list_position(['0_3_months', '3_6_months', '6_12_months', 'later', 'no_end_date'],
        expiry_band)
