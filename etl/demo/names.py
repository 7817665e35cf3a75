"""Invented Dutch and Flemish names: schools, providers and out-of-school reasons."""

from __future__ import annotations

from dataclasses import dataclass

# A school-name pool: prefixes crossed with bases ("OBS" + "De Regenboog").
NamePool = tuple[tuple[str, ...], tuple[str, ...]]
# What a provider offers for one need category: (provider, offer_type) pairs.
OfferOptions = tuple[tuple[str, str], ...]
# A line of the network's books: (item, finance category, share of the income).
FinanceLine = tuple[str, str, float]


@dataclass(frozen=True)
class Names:
    schools: dict[str, NamePool]  # sector -> pool
    offers: dict[str, OfferOptions]  # need_category -> options
    team_providers: tuple[str, ...]
    absence_reasons: tuple[str, ...]
    exemption_reasons: tuple[str, ...]
    finance: tuple[FinanceLine, ...]  # income lines, then expense lines; shares sum to 1 each


_NL_PRIMARY_BASES = (
    "De Regenboog", "De Wegwijzer", "Het Kompas", "De Zonnewijzer", "De Vlinder", "Het Palet",
    "De Springplank", "De Klimop", "De Bron", "Het Mozaïek", "De Sterrenwacht", "De Meander",
    "Het Anker", "De Horizon", "De Fontein", "De Windroos", "De Boomgaard", "De Schakel",
    "De Zevensprong", "De Octopus", "Het Lichtbaken", "De Eendracht", "De Wielewaal",
    "De Vlonder", "Het Kristal", "De Tweemaster", "De Kroonvogel", "De Esch", "Het Vlechtwerk",
    "De Zandloper", "De Toverfluit", "Het Talent", "De Singel", "De Hoeksteen", "De Linde",
    "De Vuurvogel", "De Akkers", "De Waterlelie", "De Ontdekking", "De Korenbloem",
)

NL_NAMES = Names(
    schools={
        "po": (("Basisschool", "CBS", "OBS", "RKBS", "PCBS", "Kindcentrum", "IKC"),
               _NL_PRIMARY_BASES),
        "vo": (("CSG", "Scholengemeenschap", "Lyceum", "College"), (
            "Het Noorderlicht", "De Vechtstroom", "IJsseldelta", "De Overtoom", "Het Ravelijn",
            "De Wolder", "De Rietlanden", "Het Hoge Land", "Het Stadsdiep", "De Hanzeweg",
            "Het Weerwater", "De Kolk", "De Sallandse Poort", "Het Zwartewater",
        )),
        "sbo": (("SBO",), ("De Brug", "De Sprong", "Het Startpunt", "De Twijn", "De Sleutel")),
        "so": (("SO", "Mytylschool", "Expertisecentrum"),
               ("De Twinkeling", "De Zonnehoek", "De Wissel", "De Kameleon")),
        "vso": (("VSO",), ("De Kompasroos", "Het Baken", "De Ambachtsroute", "Het Kruispunt")),
    },
    offers={
        "learning": (("Ambulante dienst Regio Zwolle", "arrangement"),
                     ("Expertisecentrum IJssel-Vecht", "consultation"),
                     ("Leerlab Hanzestad", "group")),
        "behaviour": (("Ambulante dienst Regio Zwolle", "arrangement"),
                      ("Zorgboerderij De Vechtweide", "placement"),
                      ("Onderwijszorgcentrum De Overstap", "group")),
        "communication": (("Expertisecentrum Taal en Spraak Noordoost", "arrangement"),
                          ("Logopediepraktijk Hanzestad", "consultation")),
        "sensory": (("Ambulante begeleiding Zien en Horen Oost", "arrangement"),
                    ("Expertisecentrum IJssel-Vecht", "consultation")),
        "physical": (("Expertisecentrum Motoriek Oost", "arrangement"),
                     ("Ergotherapie Salland", "consultation")),
        "intellectual": (("Expertisecentrum IJssel-Vecht", "arrangement"),
                         ("Onderwijs-zorgarrangement De Brink", "placement")),
        "psychiatric": (("Jeugd-GGZ Onderwijszorg Salland", "arrangement"),
                        ("Onderwijszorgcentrum De Overstap", "placement"),
                        ("Jeugd-GGZ Onderwijszorg Salland", "consultation")),
        "giftedness": (("Plusklas Zwolle e.o.", "group"),
                       ("Expertisecentrum IJssel-Vecht", "consultation")),
        "other": (("Ambulante dienst Regio Zwolle", "consultation"),
                  ("Schoolmaatschappelijk werk IJssel-Vecht", "arrangement")),
    },
    team_providers=(
        "Ambulante dienst Regio Zwolle", "Expertisecentrum IJssel-Vecht",
        "Onderwijsadviesbureau De Kern", "Schoolmaatschappelijk werk IJssel-Vecht",
    ),
    absence_reasons=(
        "psychische klachten", "geen passende plek", "wachtlijst jeugdzorg", "conflict met school",
        "ziekte", "schoolangst", "gedragsproblemen", "thuissituatie",
    ),
    exemption_reasons=(
        "lichamelijke of psychische ongeschiktheid", "bedenkingen tegen de richting",
        "onderwijs in het buitenland",
    ),
    finance=(
        ("Rijksbijdrage zware ondersteuning", "income", 0.78),
        ("Rijksbijdrage lichte ondersteuning", "income", 0.19),
        ("Overige baten", "income", 0.03),
        ("Afdracht so/vso (ondersteuningsbekostiging)", "special_education_transfer", 0.52),
        ("Doorbetaling schoolbesturen (basisondersteuning+)", "school_support", 0.22),
        ("Arrangementen en maatwerk", "arrangements", 0.14),
        ("Personeel bureau en ondersteuningsteam", "personnel", 0.09),
        ("Huisvesting, ICT en administratie", "other_expense", 0.03),
    ),
)

VL_NAMES = Names(
    schools={
        "bao": (("Basisschool", "Vrije Basisschool", "GO! Basisschool", "Stedelijke Basisschool",
                 "Gemeentelijke Basisschool"), (
            "De Vlieger", "Sint-Jozef", "De Regenboog", "Klim-op", "De Toverfluit",
            "Sint-Vincentius", "De Kleine Wereld", "Het Klavertje", "De Wonderboom",
            "Sint-Pieter", "De Leieparel", "De Zonnebloem", "Mariagaarde", "De Kameleon",
            "Het Molenhof", "De Boomhut", "De Sterrenkijker", "De Schelp",
        )),
        "so_vo": (("GO! Atheneum", "Campus", "Instituut", "College"), (
            "Leiedal", "Scheldeland", "Kouter", "Zuid", "Sint-Paulus", "Ter Lieve", "Lindenhof",
            "Meetjesland", "Brugse Poort", "De Vaart",
        )),
        "buo": (("Buitengewoon Basisonderwijs", "BuSO", "School voor Buitengewoon Onderwijs"),
                ("De Vlinderboom", "De Kering", "De Sleutel", "Het Anker", "Ter Leie")),
    },
    offers={
        "learning": (("Leersteuncentrum Leie en Schelde", "arrangement"),
                     ("CLB Gent Centrum", "consultation"),
                     ("Pedagogische Begeleidingsdienst Gent", "group")),
        "behaviour": (("Leersteuncentrum Leie en Schelde", "arrangement"),
                      ("Zorgboerderij Het Leiehof", "placement"),
                      ("Time-outproject De Brug", "group")),
        "communication": (("Leersteuncentrum Type 7 Oost-Vlaanderen", "arrangement"),
                          ("CLB Gent Centrum", "consultation")),
        "sensory": (("Leersteuncentrum Type 6 en 7 Oost-Vlaanderen", "arrangement"),
                    ("Revalidatiecentrum Arteveldestad", "consultation")),
        "physical": (("Leersteuncentrum Type 4 Oost-Vlaanderen", "arrangement"),
                     ("Revalidatiecentrum Arteveldestad", "consultation")),
        "intellectual": (("Leersteuncentrum Leie en Schelde", "arrangement"),
                         ("Dagcentrum De Akker", "placement")),
        "psychiatric": (("Leersteuncentrum Type 9 Gent", "arrangement"),
                        ("Dagcentrum Kinderpsychiatrie Gent", "placement"),
                        ("CLB Gent Centrum", "consultation")),
        "giftedness": (("Plusklas Gent", "group"), ("CLB Gent Centrum", "consultation")),
        "other": (("CLB Gent Centrum", "consultation"),
                  ("Leersteuncentrum Leie en Schelde", "arrangement")),
    },
    team_providers=(
        "Leersteuncentrum Leie en Schelde", "Pedagogische Begeleidingsdienst Gent",
        "CLB Gent Centrum",
    ),
    absence_reasons=(
        "psychische klachten", "geen passende school", "wachtlijst jeugdhulp",
        "conflict met school", "ziekte", "schoolmoeheid", "schoolangst", "thuissituatie",
    ),
    exemption_reasons=("medische redenen", "huisonderwijs", "verblijf in het buitenland"),
    finance=(
        ("Werkingsmiddelen leersteun", "income", 0.88),
        ("Projectsubsidies", "income", 0.12),
        ("Leersteunteams (personeel)", "personnel", 0.71),
        ("Ondersteuning aan scholen", "school_support", 0.12),
        ("Trajecten en maatwerk", "arrangements", 0.11),
        ("Werking en administratie", "other_expense", 0.06),
    ),
)
