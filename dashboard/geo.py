"""Municipality boundaries and names for maps and labels (shipped GeoJSON, no network).

The terminology profile of `pib.toml` picks the map: `nl` the Dutch gemeenten (CBS codes,
`GM0193`), `vl` the Flemish and Brussels gemeenten of 2025 (NIS codes, `44021`). Every feature
has `id` = the code the warehouse uses, so `featureidkey="id"` joins a query's
`municipality_code`.
"""

from __future__ import annotations

import json
from functools import cache
from itertools import pairwise
from pathlib import Path

from dashboard.labels import label
from etl.schema import UNKNOWN
from etl.settings import get_settings

ASSETS = Path(__file__).parent / "assets"


def _signed_area(ring: list[list[float]]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairwise(ring)) / 2


def _rewind_polygon(rings: list, clockwise_outer: bool) -> list:
    """Outer ring clockwise (d3/plotly geo) and holes the other way, or the reverse."""
    out = []
    for i, ring in enumerate(rings):
        want_clockwise = clockwise_outer if i == 0 else not clockwise_outer
        is_clockwise = _signed_area(ring) < 0
        out.append(ring if is_clockwise == want_clockwise else ring[::-1])
    return out


def rewind(geojson: dict, clockwise_outer: bool = True) -> dict:
    """A copy with every ring wound as plotly's geo (d3) expects."""
    features = []
    for f in geojson["features"]:
        geom = f["geometry"]
        if geom["type"] == "Polygon":
            coords = _rewind_polygon(geom["coordinates"], clockwise_outer)
        else:
            coords = [_rewind_polygon(p, clockwise_outer) for p in geom["coordinates"]]
        features.append({**f, "geometry": {"type": geom["type"], "coordinates": coords}})
    return {**geojson, "features": features}


@cache
def municipalities_nl() -> dict:
    """Dutch municipalities 2025, feature id = CBS code (`GM0193`), d3 winding."""
    raw = json.loads((ASSETS / "gemeenten_nl_2025.geojson").read_text(encoding="utf-8"))
    for f in raw["features"]:
        f["id"] = f["properties"]["statcode"]
    return rewind(raw)


@cache
def municipalities_vl() -> dict:
    """Flemish and Brussels municipalities 2025, feature id = NIS code (`44021`), d3 winding."""
    raw = json.loads((ASSETS / "gemeenten_vl_2025.geojson").read_text(encoding="utf-8"))
    for f in raw["features"]:
        f["id"] = f["properties"]["geoitem"]
    return rewind(raw)


_NAME_PROPERTY = {"nl": "statnaam", "vl": "naam"}


def _profile() -> str:
    return get_settings().terminology


def municipalities(profile: str | None = None) -> dict:
    """The boundaries of the terminology profile (or of `profile`): nl or vl."""
    return municipalities_vl() if (profile or _profile()) == "vl" else municipalities_nl()


@cache
def _names(profile: str) -> dict[str, str]:
    key = _NAME_PROPERTY[profile]
    return {f["id"]: f["properties"][key] for f in municipalities(profile)["features"]}


def municipality_names(profile: str | None = None) -> dict[str, str]:
    """Municipality code → name, for the terminology profile (or `profile`)."""
    return _names(profile or _profile())


def municipality_name(code: str | None) -> str:
    """The name of a gemeente code; `Onbekend` for a missing code or the code `unknown` (the
    source did not say), the code itself when the map does not know it."""
    if code is None or code == UNKNOWN:
        return label("municipality_unknown")
    return municipality_names().get(code, code)
