"""Importer for DUO school locations: `pib load scholen20241122.geo.zip --source duo-scholen`.

The file is DUO's open list of school sites (basisonderwijs, sbo, (v)so, vo), geocoded with
the BAG: a zip holding `scholen.geo.json`, a GeoJSON FeatureCollection with one Point per
vestiging and the properties naam, type, brin_nummer, vestigingscode, gemeente (DUO capitals,
`S GRAVENHAGE`), postcode and leerlingen, but no municipality code.

What the importer does:
- Each DUO gemeente name is matched to a CBS municipality of the classification of
  `REFERENCE_YEAR` (`etl/reference/gemeenten_per_jaar.csv`) by the matcher of every importer,
  `etl.municipality_names`, and carried to today's code; a name that does not match is
  reported and its sites quarantined.
- Only the sites in the network's region (`pib.toml` `[region] municipalities`) are imported,
  as `schools` rows (school_id = vestigingscode, which is brin_nummer + a two-digit number,
  e.g. `12AB00`; sector from `type`, see `SECTORS`; postcode4; in_region true) upserted by
  school_id like a canonical schools file, plus their point and pupil count in
  `school_locations`.
- A vestigingscode that occurs more than once (BAG gave the site several address points) is
  kept once, at its first point, when the school itself (name, type, gemeente, postcode,
  pupils) is the same in every copy; otherwise every copy is quarantined.
- The load is a no-op when the same file was imported before for the same region: the hash in
  `load_log` is the SHA-256 of the file's hash and the region's codes (`load_key`).
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from etl.importers.base import FileReport, Importer, Opened, Run
from etl.importers.bookkeeping import Entry
from etl.municipality_names import municipalities
from etl.readers import FileRejected, sha256_of
from etl.schema import Entity
from etl.settings import get_settings

ENTITY = "schools"
MEMBER = "scholen.geo.json"
REFERENCE_YEAR = 2024  # the classification of the November 2024 file
_LINE = "line"

# DUO `type` -> sector. `(V)SO` is one site with both an so and a vso department, listed once
# by DUO; the warehouse holds one sector per school, so it is filed as `so` (special education;
# which department a pupil is in shows in the referrals, not here). A network that wants the
# split loads a canonical schools file afterwards, which upserts over these rows. PRO
# (praktijkonderwijs) is regular secondary education (no TLV needed since 2016): `vo`, like
# every combination of VBO, MAVO, HAVO, VWO and BRUGJAAR.
SPECIAL = {"basisschool": "po", "SBAO": "sbo", "SO": "so", "VSO": "vso", "(V)SO": "so"}
_VO_PARTS = {"VBO", "MAVO", "HAVO", "VWO", "PRO", "BRUGJAAR"}

_FIELDS = ("naam", "type", "brin_nummer", "vestigingscode", "gemeente", "postcode",
           "leerlingen")
_SCHOOL = ("naam", "type", "gemeente", "postcode", "leerlingen")


def sector_of(kind: str | None) -> str | None:
    """The sector of a DUO `type` (None when unknown): `VBO/MAVO/HAVO` -> vo."""
    if kind is None:
        return None
    kind = kind.strip()
    if kind in SPECIAL:
        return SPECIAL[kind]
    parts = set(kind.upper().split("/"))
    return "vo" if parts and parts <= _VO_PARTS else None


@dataclass
class DuoReport(FileReport):
    """A FileReport plus what the summary of a DUO load names."""

    region: list[str] = field(default_factory=list)
    locations: int = 0
    sectors: dict[str, int] = field(default_factory=dict)
    unmatched: list[str] = field(default_factory=list)  # DUO gemeente names without a code

    def summary(self) -> str:
        sectors = ", ".join(f"{s} {n}" for s, n in sorted(self.sectors.items())) or "geen"
        return (f"DUO-scholen: {self.rows_read} vestigingen gelezen, {self.rows_loaded} in de "
                f"regio ({len(self.region)} gemeenten) geladen als scholen ({sectors}), "
                f"{self.locations} met een locatie; niet herkende gemeentenamen: "
                f"{', '.join(self.unmatched) or 'geen'}.")


@dataclass
class DuoSchools:
    """The outcome of `transform`."""

    schools: pl.DataFrame  # school_id, name, sector, municipality_code, postcode4, in_region,
    #                        source_line
    locations: pl.DataFrame  # school_id, lat, lon, pupils
    rejected: pl.DataFrame  # line, column_name, reason, raw_values
    unmatched: list[str]
    warnings: list[str]


def _member(archive: zipfile.ZipFile) -> str | None:
    names = [n for n in archive.namelist() if Path(n).name == MEMBER]
    return names[0] if names else None


def is_duo_schools(path: Path) -> bool:
    """True for a zip that holds `scholen.geo.json` (DUO's geocoded school list)."""
    try:
        if not zipfile.is_zipfile(path):
            return False
        with zipfile.ZipFile(path) as archive:
            return _member(archive) is not None
    except (OSError, zipfile.BadZipFile):
        return False


def _geojson(path: Path) -> dict:
    """The FeatureCollection from the zip (or from a bare `.geo.json` file)."""
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                member = _member(archive)
                if member is None:
                    raise FileRejected(path, f"de zip bevat geen {MEMBER} (DUO-scholenbestand).")
                text = archive.read(member)
        else:
            text = path.read_bytes()
        data = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FileRejected(path, f"dit is geen DUO-scholenlijst met locaties (een zip met "
                           f"{MEMBER}, of dat GeoJSON-bestand zelf). Een 'alle vestigingen'-"
                           "bestand van DUO (.csv) laadt met --source duo-vestigingen.") from exc
    except (OSError, zipfile.BadZipFile) as exc:
        raise FileRejected(path, f"het DUO-scholenbestand kan niet gelezen worden "
                           f"({getattr(exc, 'strerror', None) or exc}).") from exc
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" or not isinstance(
            data.get("features"), list):
        raise FileRejected(path, "geen GeoJSON FeatureCollection (DUO-scholenbestand verwacht).")
    return data


def read_features(path: Path) -> pl.DataFrame:
    """One row per feature: its number (`line`, from 1), the DUO properties as text (leerlingen
    as an integer) and lon/lat of a Point geometry (null otherwise)."""
    features = _geojson(path)["features"]
    rows = []
    for i, feature in enumerate(features, start=1):
        props = (feature or {}).get("properties") or {}
        geom = (feature or {}).get("geometry") or {}
        point = geom.get("coordinates") if geom.get("type") == "Point" else None
        ok = isinstance(point, list) and len(point) >= 2 and all(
            isinstance(c, int | float) for c in point[:2])
        pupils = props.get("leerlingen")
        rows.append({
            _LINE: i,
            **{k: None if props.get(k) is None else str(props[k]).strip()
               for k in _FIELDS if k != "leerlingen"},
            "leerlingen": pupils if isinstance(pupils, int) and not isinstance(pupils, bool)
            else None,
            "lon": float(point[0]) if ok else None,
            "lat": float(point[1]) if ok else None,
        })
    schema = {_LINE: pl.Int64, **{k: pl.String for k in _FIELDS}, "leerlingen": pl.Int64,
              "lon": pl.Float64, "lat": pl.Float64}
    frame = pl.DataFrame(rows, schema=schema, orient="row")
    if frame.height and frame["vestigingscode"].null_count() == frame.height:
        raise FileRejected(path, "de features hebben geen vestigingscode: dit is geen "
                                 "DUO-scholenbestand.")
    return frame.with_columns(pl.col(k).replace("", None) for k in _FIELDS if k != "leerlingen")


def match_municipalities(names: list[str], year: int = REFERENCE_YEAR) -> dict[str, str | None]:
    """DUO gemeente name -> today's CBS code (`GM0518`), None when it does not match (see
    `Municipalities.code_of`: `S GRAVENHAGE`, `BERGEN LB`, `HENGELO`, `NUENEN CA`)."""
    frame = pl.DataFrame({"name": names, "year": [year] * len(names)},
                         schema={"name": pl.String, "year": pl.Int32})
    return dict(municipalities().match(frame).select("name", "municipality_code").iter_rows())


def _raw(frame: pl.DataFrame) -> pl.Expr:
    return pl.struct([c for c in frame.columns if c != _LINE]).struct.json_encode()


def _reject(frame: pl.DataFrame, column: str, reason: pl.Expr) -> pl.DataFrame:
    return frame.select(pl.col(_LINE), pl.lit(column).alias("column_name"),
                        reason.alias("reason"), _raw(frame).alias("raw_values"))


def transform(features: pl.DataFrame, region: tuple[str, ...]) -> DuoSchools:
    """Feature rows (as from `read_features`) to the region's schools and locations."""
    names = sorted(set(features["gemeente"].drop_nulls()))
    codes = match_municipalities(names)
    unmatched = sorted(n for n, c in codes.items() if c is None)
    frame = features.with_columns(
        pl.col("gemeente").replace_strict(codes, default=None, return_dtype=pl.String)
        .alias("municipality_code"),
        pl.col("type").map_elements(sector_of, return_dtype=pl.String).alias("sector"),
    )
    rejected = []
    warnings = []
    for cond, column, reason in (
        (pl.col("vestigingscode").is_null(), "vestigingscode",
         pl.lit("verplichte waarde ontbreekt")),
        (pl.col("gemeente").is_null(), "gemeente", pl.lit("verplichte waarde ontbreekt")),
        (pl.col("municipality_code").is_null(), "gemeente", pl.format(
            "gemeentenaam '{}' komt niet voor in de CBS-gemeentelijst van {}", "gemeente",
            pl.lit(REFERENCE_YEAR))),
    ):
        flagged = frame.with_columns(cond.alias("_bad"))
        rejected.append(_reject(flagged.filter("_bad").drop("_bad"), column, reason))
        frame = flagged.filter(~pl.col("_bad")).drop("_bad")
    outside = frame.filter(~pl.col("municipality_code").is_in(list(region))).height
    frame = frame.filter(pl.col("municipality_code").is_in(list(region)))
    for cond, column, reason in (
        (pl.col("naam").is_null(), "naam", pl.lit("verplichte waarde ontbreekt")),
        (pl.col("sector").is_null(), "type", pl.format("onbekend schooltype '{}'", "type")),
        (pl.col("brin_nummer").is_not_null()
         & ~pl.col("vestigingscode").str.starts_with(pl.col("brin_nummer")), "vestigingscode",
         pl.format("vestigingscode '{}' begint niet met brin_nummer '{}'", "vestigingscode",
                   "brin_nummer")),
        (pl.struct(_SCHOOL).n_unique().over("vestigingscode") > 1, "vestigingscode",
         pl.format("vestigingscode '{}' komt meer dan eens voor met andere schoolgegevens",
                   "vestigingscode")),
    ):
        flagged = frame.with_columns(cond.fill_null(False).alias("_bad"))
        rejected.append(_reject(flagged.filter("_bad").drop("_bad", "municipality_code",
                                                            "sector"), column, reason))
        frame = flagged.filter(~pl.col("_bad")).drop("_bad")
    copies = frame.height - frame["vestigingscode"].n_unique()
    frame = frame.sort(_LINE).unique("vestigingscode", keep="first", maintain_order=True)
    if copies:
        warnings.append(f"{copies} extra adrespunt(en) van een vestiging die al in het bestand "
                        "stond; de eerste locatie is gebruikt.")
    if outside:
        warnings.append(f"{outside} vestigingen buiten de regio overgeslagen.")
    if missing := frame.filter(pl.col("lat").is_null()).height:
        warnings.append(f"{missing} vestiging(en) zonder puntlocatie: wel als school geladen, "
                        "niet op de kaart.")
    warnings += [f"gemeentenaam niet herkend, vestigingen in quarantaine: {n}." for n in unmatched]
    schools = frame.sort("vestigingscode").select(
        pl.col("vestigingscode").alias("school_id"), pl.col("naam").alias("name"), "sector",
        "municipality_code",
        pl.col("postcode").str.extract(r"^(\d{4})").alias("postcode4"),
        pl.lit(True).alias("in_region"), pl.col(_LINE).alias("source_line"),
    )
    locations = frame.sort("vestigingscode").filter(pl.col("lat").is_not_null()).select(
        pl.col("vestigingscode").alias("school_id"), "lat", "lon",
        pl.col("leerlingen").alias("pupils"),
    )
    return DuoSchools(schools, locations, pl.concat(rejected).sort(_LINE), unmatched, warnings)


def region_codes(path: Path) -> tuple[str, ...]:
    """The CBS codes of the network's region; FileRejected when there are none."""
    region = tuple(sorted({c for c in get_settings().municipalities if re.fullmatch(
        r"GM\d{4}", c)}))
    if not region:
        raise FileRejected(path, "pib.toml [region] municipalities bevat geen CBS-gemeentecodes "
                                 "(GM0193, ...): DUO-scholen zijn Nederlandse scholen en worden "
                                 "alleen voor de gemeenten van de regio geladen.")
    return region


def load_key(path: Path) -> str:
    """The load_log hash of an import: the file's SHA-256 together with the region's codes, so
    the same file for another region is a new load."""
    text = sha256_of(path) + "|" + ",".join(region_codes(path))
    return hashlib.sha256(text.encode()).hexdigest()


class DuoScholenImporter(Importer):
    """DUO's geocoded school list, recognised by the `scholen.geo.json` in its zip."""

    name = "duo-scholen"
    description = "DUO-scholenlijst met locaties, zip met scholen.geo.json"

    def recognise(self, path: Path) -> bool:
        return is_duo_schools(path)

    def open(self, path: Path, workdir: Path, entity: Entity | None = None) -> Opened:
        return Opened(path, ENTITY, load_key(path))

    def import_(self, con: duckdb.DuckDBPyConnection, opened: Opened, run: Run) -> DuoReport:
        """Upsert the region's schools and their locations by school_id."""
        path = opened.path
        region = region_codes(path)
        rep = DuoReport(path.name, ENTITY, region=list(region))
        entry = Entry(con, rep, self.name, opened.key)
        features = read_features(path)
        rep.rows_read = features.height
        result = transform(features, region)
        new_schools = result.schools.with_columns(  # noqa: F841 — read by DuckDB by name
            pl.lit(entry.load_id).alias("load_id"))
        new_locations = result.locations.with_columns(  # noqa: F841 — read by DuckDB by name
            pl.lit(entry.load_id).alias("load_id"))
        con.execute("delete from schools where school_id in (select school_id from new_schools)")
        con.execute("insert into schools by name select * from new_schools")
        con.execute("delete from school_locations "
                    "where school_id in (select school_id from new_schools)")
        con.execute("insert into school_locations by name select * from new_locations")
        entry.quarantine(result.rejected, _LINE, unit="feature")
        rep.rows_loaded = result.schools.height
        rep.locations = result.locations.height
        rep.sectors = dict(result.schools.group_by("sector").len().iter_rows())
        rep.unmatched = result.unmatched
        entry.finish(" ".join([*result.warnings, rep.summary()]))
        rep.warnings = [f"{path.name}: {w}" for w in result.warnings]
        return rep
