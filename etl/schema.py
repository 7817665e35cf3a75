"""The canonical schema: one definition that drives validation, the DuckDB DDL and the docs.

Each entity is a canonical input file of CONTRACT section 2 and a warehouse table of the same
name. Column kinds: `text`, `code` (one of a code list), `int`, `number`, `date`, `bool`,
`school_year`, `municipality` (today's CBS or NIS code, or `unknown`: `etl.municipalities`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

NEED_CATEGORIES = (
    "learning", "behaviour", "communication", "sensory", "physical", "intellectual",
    "psychiatric", "giftedness", "other",
)
UNKNOWN = "unknown"  # the source does not say; a code of its own, not a missing value
NEED_CATEGORY_CODES = (*NEED_CATEGORIES, UNKNOWN)
REQUEST_TYPES = (
    "consultation", "arrangement", "admission_sbo", "admission_so", "admission_vso", "other",
)
DECISIONS = ("granted", "rejected", "withdrawn", "referred")
DECISION_CODES = (*DECISIONS, UNKNOWN)  # unknown: decided, the source does not say how
PREVENTION_LEVELS = ("preventive", "curative")
GOAL_ATTAINMENTS = ("achieved", "partly", "not_achieved")
DESTINATIONS = ("regular", "sbo", "so", "vso", "other", "unknown")
OUT_OF_SCHOOL_KINDS = ("absolute_absence", "long_relative_absence", "exemption")
SECTORS = ("po", "vo", "sbo", "so", "vso", "bao", "buo", "so_vo")
FUNDING_CATEGORIES = ("low", "medium", "high")  # bekostigingscategorie of an SO/VSO TLV
# Leerplichtwet 1969: 5 onder a/b/c, 5a (trekkend bestaan), 15 (ander onderwijs), 3a.
EXEMPTION_ARTICLES = ("art_5_a", "art_5_b", "art_5_c", "art_5a", "art_15", "art_3a")
RESOLUTIONS = (
    "returned", "placed_regular", "placed_special", "care_combination", "moved", "exempted",
    "other",
)
TARGET_LEVELS = ("pupil", "teacher", "team")
REPORT_TYPES = ("gc", "iac", "ov4")  # Flemish verslag: gemeenschappelijk curriculum, IAC, OV4
EDUCATION_TYPES = ("basic", "type_2", "type_3", "type_4", "type_6", "type_7", "type_9")
CARE_PHASE_MAX = 3  # Flemish zorgcontinuüm: fase 0 to 3
CASE_REFERRERS = ("school", "parents", "swv", "attendance_officer", "care", "other")
CASE_PROBLEMS = (
    "out_of_school", "no_fitting_place", "support_not_offered", "care_education", "transport",
    "other",
)
CASE_SECTORS = ("po", "vo", "so", "vso", "mbo", "none")
CASE_OUTCOMES = (
    "placed_regular", "placed_special", "care_combination", "exemption", "no_solution",
    "withdrawn",
)
FINANCE_CATEGORIES = (
    "income", "personnel", "school_support", "arrangements", "special_education_transfer",
    "other_expense", "reserve_end",
)

DUCKDB_TYPES = {
    "text": "VARCHAR", "code": "VARCHAR", "int": "BIGINT", "number": "DOUBLE",
    "date": "DATE", "bool": "BOOLEAN", "school_year": "VARCHAR", "municipality": "VARCHAR",
}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    doc: str
    required: bool = True
    codes: tuple[str, ...] = ()
    minimum: float | None = None
    default: object = None
    pseudonymised: bool = False


@dataclass(frozen=True)
class Rule:
    """A row rule over several columns; `check()` is true for a valid row."""

    name: str
    columns: tuple[str, ...]
    reason: str
    check: Callable[[], pl.Expr]


def _not_before(later: str, earlier: str) -> Callable[[], pl.Expr]:
    return lambda: pl.col(later).is_null() | (pl.col(later) >= pl.col(earlier))


def _both_or_neither(a: str, b: str) -> Callable[[], pl.Expr]:
    return lambda: pl.col(a).is_null() == pl.col(b).is_null()


@dataclass(frozen=True)
class Entity:
    name: str
    doc: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    rules: tuple[Rule, ...] = ()

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _c(name: str, kind: str, doc: str, **kw) -> Column:
    return Column(name, kind, doc, **kw)


def _opt(name: str, kind: str, doc: str, **kw) -> Column:
    return Column(name, kind, doc, required=False, **kw)


ENDED_AFTER_STARTED = Rule(
    "ended_after_started", ("ended_on",), "ligt voor started_on",
    _not_before("ended_on", "started_on"),
)
MUNICIPALITY = "municipality code: CBS `GM0193` (nl) or NIS `44021` (vl), or `unknown`"

ENTITIES: dict[str, Entity] = {
    e.name: e
    for e in (
        Entity(
            "schools", "Schools and school sites of (and around) the network.", ("school_id",),
            (
                _c("school_id", "text", "school identifier (BRIN/vestiging or own code)"),
                _c("name", "text", "school name"),
                _c("sector", "code", "school type", codes=SECTORS),
                _c("municipality_code", "municipality", MUNICIPALITY),
                _opt("postcode4", "text", "four-digit postcode"),
                _opt("in_region", "bool", "inside the network's region", default=True),
            ),
        ),
        Entity(
            "enrolments", "Pupil counts per school and school year (the denominators).",
            ("school_id", "school_year"),
            (
                _c("school_id", "text", "school identifier"),
                _c("school_year", "school_year", "school year such as `2024-2025`"),
                _c("pupils", "int", "enrolled pupils", minimum=0),
            ),
        ),
        Entity(
            "offers", "The support offer: capacity per provider, need category and municipality.",
            ("offer_id",),
            (
                _c("offer_id", "text", "offer identifier"),
                _c("provider", "text", "provider of the offer"),
                _c("need_category", "code", "need the offer serves", codes=NEED_CATEGORY_CODES),
                _c("offer_type", "text", "kind of offer (arrangement, group, placement, ...)"),
                _c("municipality_code", "municipality", MUNICIPALITY),
                _c("school_year", "school_year", "school year such as `2024-2025`"),
                _c("capacity", "int", "places (pupils) the offer can serve", minimum=0),
                _opt("tariff_eur", "number", "cost of one place for the school year, in euros",
                     minimum=0),
            ),
        ),
        Entity(
            "referrals", "Referrals (aanmeldingen, ondersteuningsvragen) and their decisions.",
            ("referral_id",),
            (
                _c("referral_id", "text", "referral identifier"),
                _c("pupil_id", "text", "pupil; stored only as a keyed pseudonym",
                   pseudonymised=True),
                _opt("birth_year", "int", "pupil's year of birth", minimum=0),
                _c("municipality_code", "municipality", MUNICIPALITY + " of the pupil"),
                _opt("school_id", "text", "school that referred"),
                _c("received_on", "date", "date the referral was received"),
                _opt("complete_on", "date", "date the dossier was complete"),
                _c("need_category", "code", "main need; `unknown` where the source does not "
                   "say", codes=NEED_CATEGORY_CODES),
                _c("request_type", "code", "what was asked", codes=REQUEST_TYPES),
                _opt("urgent", "bool", "urgent request", default=False),
                _opt("decided_on", "date", "date of the decision"),
                _opt("decision", "code", "decision; `unknown`: decided, the source does not say "
                     "how", codes=DECISION_CODES),
                _opt("placed_school_id", "text", "school a TLV or placement is for"),
                _opt("funding_category", "code", "funding category of an SO/VSO TLV",
                     codes=FUNDING_CATEGORIES),
                _opt("valid_until", "date", "last day a TLV is valid"),
            ),
            (
                Rule("decided_after_received", ("decided_on",),
                     "ligt voor received_on", _not_before("decided_on", "received_on")),
                Rule("decision_pair", ("decided_on", "decision"),
                     "moeten allebei leeg of allebei gevuld zijn",
                     _both_or_neither("decided_on", "decision")),
            ),
        ),
        Entity(
            "supports", "Support given: individual arrangements and school- or team-level work.",
            ("support_id",),
            (
                _c("support_id", "text", "support identifier"),
                _opt("referral_id", "text", "referral it answers; empty for school/team work"),
                _opt("school_id", "text", "school where the support takes place"),
                _c("kind", "text", "kind of support (arrangement, team training, ...)"),
                _c("prevention_level", "code", "preventive or curative",
                   codes=PREVENTION_LEVELS),
                _opt("provider", "text", "who delivers it"),
                _opt("municipality_code", "municipality", MUNICIPALITY),
                _c("started_on", "date", "start date"),
                _opt("ended_on", "date", "end date; empty while running"),
                _c("hours", "number", "hours of support", minimum=0),
                _opt("cost_eur", "number", "cost in euros", minimum=0),
                _opt("target_level", "code", "whom the support is aimed at",
                     codes=TARGET_LEVELS),
                _opt("sessions", "int", "number of sessions (contacts)", minimum=0),
                _opt("report_type", "code", "Flemish verslag the support rests on",
                     codes=REPORT_TYPES),
                _opt("education_type", "code", "Flemish type (buitengewoon onderwijs)",
                     codes=EDUCATION_TYPES),
                _opt("care_phase", "int", "Flemish zorgcontinuüm fase, 0 to 3", minimum=0),
            ),
            (
                ENDED_AFTER_STARTED,
                Rule("care_phase_range", ("care_phase",), f"is hoger dan {CARE_PHASE_MAX}",
                     lambda: pl.col("care_phase").is_null()
                     | (pl.col("care_phase") <= CARE_PHASE_MAX)),
            ),
        ),
        Entity(
            "outcomes", "Evaluations of support: goal attainment and destination.",
            ("support_id", "evaluated_on"),
            (
                _c("support_id", "text", "support evaluated"),
                _c("evaluated_on", "date", "date of the evaluation"),
                _c("goal_attainment", "code", "were the goals met", codes=GOAL_ATTAINMENTS),
                _opt("destination", "code", "where the pupil went", codes=DESTINATIONS),
            ),
        ),
        Entity(
            "out_of_school", "Episodes of pupils without education (thuiszitters).",
            ("episode_id",),
            (
                _c("episode_id", "text", "episode identifier"),
                _c("pupil_id", "text", "pupil; stored only as a keyed pseudonym",
                   pseudonymised=True),
                _c("municipality_code", "municipality", MUNICIPALITY + " of the pupil"),
                _c("kind", "code", "absolute_absence, long_relative_absence or exemption",
                   codes=OUT_OF_SCHOOL_KINDS),
                _c("started_on", "date", "start date"),
                _opt("ended_on", "date", "end date; empty while ongoing"),
                _opt("reason", "text", "reason, short text"),
                _opt("exemption_article", "code",
                     "article of the Leerplichtwet 1969 (kind `exemption` only)",
                     codes=EXEMPTION_ARTICLES),
                _opt("has_offer", "bool", "an offer of education or care is in place"),
                _opt("resolution", "code", "how an ended episode ended", codes=RESOLUTIONS),
            ),
            (
                ENDED_AFTER_STARTED,
                Rule("article_only_with_exemption", ("exemption_article",),
                     "mag alleen gevuld zijn bij kind exemption",
                     lambda: pl.col("exemption_article").is_null()
                     | (pl.col("kind") == "exemption")),
            ),
        ),
        Entity(
            "cases", "Escalated cases (thuiszittersoverleg, doorzettingsmacht) and their outcome.",
            ("case_id",),
            (
                _c("case_id", "text", "case identifier"),
                _c("pupil_id", "text", "pupil; stored only as a keyed pseudonym",
                   pseudonymised=True),
                _c("municipality_code", "municipality", MUNICIPALITY + " of the pupil"),
                _c("opened_on", "date", "date the case was opened"),
                _opt("closed_on", "date", "date the case was closed; empty while open"),
                _c("referred_by", "code", "who brought the case", codes=CASE_REFERRERS),
                _c("problem_type", "code", "what the case is about", codes=CASE_PROBLEMS),
                _opt("sector", "code", "sector of the pupil", codes=CASE_SECTORS),
                _opt("days_out_before", "int",
                     "days without education before the case opened", minimum=0),
                _opt("outcome", "code", "how the case ended", codes=CASE_OUTCOMES),
            ),
            (
                Rule("closed_after_opened", ("closed_on",), "ligt voor opened_on",
                     _not_before("closed_on", "opened_on")),
            ),
        ),
        Entity(
            "finance", "The network's budget and actuals per school year (begroting, realisatie).",
            ("school_year", "item"),
            (
                _c("school_year", "school_year", "school year such as `2024-2025`"),
                _c("item", "text", "the organisation's own line name"),
                _c("category", "code",
                   "kind of line; `reserve_end` is the equity at the end of the year",
                   codes=FINANCE_CATEGORIES),
                _opt("budget_eur", "number", "budgeted amount in euros", minimum=0),
                _opt("actual_eur", "number", "actual amount in euros", minimum=0),
            ),
        ),
    )
}

# Bookkeeping columns added to every entity table in the warehouse.
LINEAGE = (
    Column("load_id", "int", "the load (load_log.load_id) that wrote the row"),
    Column("source_line", "int", "line of the row in its source file"),
)

META_DDL = """
create table if not exists load_log (
    load_id bigint, file varchar, entity varchar, sha256 varchar, source varchar,
    rows_read bigint, rows_loaded bigint, rows_quarantined bigint,
    started_at timestamp, finished_at timestamp, outcome varchar, message varchar
);
create table if not exists quarantine (
    load_id bigint, source_file varchar, entity varchar, line bigint, column_name varchar,
    reason varchar, raw_values varchar
);
"""

# Public CBS figures (StatLine 85701NED), loaded by `etl.importers.cbs_85701` rather than from
# a canonical file.
PARTICIPATION_DDL = """
create table if not exists participation (
    school_year varchar, municipality_code varchar, school_type varchar, pupils bigint,
    provisional boolean, load_id bigint
);
"""

# Where the region's schools are (DUO school list with BAG points), loaded by
# `etl.importers.duo_scholen`.
SCHOOL_LOCATIONS_DDL = """
create table if not exists school_locations (
    school_id varchar, lat double, lon double, pupils bigint, load_id bigint
);
"""


# Pupil ids and keys are stored uncompressed. A pseudonym is 24 random hex characters (and a
# source profile's key built from a pupil number is one too): DuckDB's string compression
# halves it, but at load costs about a quarter of the whole insert per such column
# (docs/performance.md); the ids are nearly unique, so a dictionary gains nothing either. A
# warehouse made before keeps its columns as they were.
_STORED_PLAIN = " using compression uncompressed"


def table_ddl(entity: Entity) -> str:
    """`create table` for an entity: canonical columns plus lineage; for a table made by an
    earlier version, the optional columns added since (`alter table ... add column`)."""
    plain = {c.name for c in entity.columns if c.pseudonymised} | set(entity.key)
    cols = [f"{c.name} {DUCKDB_TYPES[c.kind]}{_STORED_PLAIN if c.name in plain else ''}"
            for c in (*entity.columns, *LINEAGE)]
    added = "".join(
        f"alter table {entity.name} add column if not exists {c.name} {DUCKDB_TYPES[c.kind]};"
        for c in entity.columns if not c.required
    )
    return f"create table if not exists {entity.name} ({', '.join(cols)});{added}"


def warehouse_ddl() -> str:
    """The whole warehouse DDL."""
    return (META_DDL + PARTICIPATION_DDL + SCHOOL_LOCATIONS_DDL
            + "\n".join(table_ddl(e) for e in ENTITIES.values()))


def entity_for_file(filename: str) -> Entity | None:
    """Recognise an entity by file name: `referrals*.csv`, `referrals_2024.xlsx`, ..."""
    stem = filename.lower()
    for name in sorted(ENTITIES, key=len, reverse=True):
        if stem.startswith(name):
            return ENTITIES[name]
    return None
