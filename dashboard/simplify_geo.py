"""Build a small boundary asset from a detailed GeoJSON (run once, by hand; no dependencies).

    python -m dashboard.simplify_geo SOURCE OUT [--tolerance DEGREES]

Topology-preserving simplification: the rings are cut into arcs at the vertices where the set of
features sharing a vertex changes (the ends of a common border), every arc is simplified with
Douglas-Peucker once, and both neighbours get the same simplified arc, so no slivers or gaps
appear between gemeenten. Coordinates are then rounded to 4 decimals (about 10 m). Used for
`dashboard/assets/gemeenten_vl_2025.geojson` (see assets/SOURCES.md).
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

Point = tuple[float, float]


def _distance(p: Point, a: Point, b: Point) -> float:
    """Distance of p to the segment a-b (planar degrees; fine for tolerances of metres)."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5


def douglas_peucker(line: list[Point], tolerance: float) -> list[Point]:
    """The line with its end points and every vertex further than `tolerance` from the rest."""
    if len(line) < 3:
        return line
    keep = [False] * len(line)
    keep[0] = keep[-1] = True
    stack = [(0, len(line) - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = 0.0, None
        for i in range(first + 1, last):
            d = _distance(line[i], line[first], line[last])
            if d > worst:
                worst, index = d, i
        if index is not None and worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(line, keep, strict=True) if k]


def _rings(geometry: dict) -> list[list]:
    polygons = (geometry["coordinates"] if geometry["type"] == "MultiPolygon"
                else [geometry["coordinates"]])
    return [ring for polygon in polygons for ring in polygon]


def simplify(geojson: dict, tolerance: float, decimals: int = 4) -> dict:
    owners: dict[Point, set[int]] = defaultdict(set)
    for i, feature in enumerate(geojson["features"]):
        for ring in _rings(feature["geometry"]):
            for x, y in ring:
                owners[(x, y)].add(i)
    done: dict[tuple[Point, ...], list[Point]] = {}

    def arc(points: list[Point]) -> list[Point]:
        """One arc simplified the same way whichever way round a ring walks it."""
        backwards = points[::-1] < points
        key = tuple(points[::-1] if backwards else points)
        if key not in done:
            done[key] = douglas_peucker(list(key), tolerance)
        return done[key][::-1] if backwards else done[key]

    def ring_of(ring: list) -> list:
        points = [(x, y) for x, y in ring[:-1]]
        n = len(points)
        cuts = [j for j in range(n) if len(owners[points[j]]) > 2
                or owners[points[j]] != owners[points[j - 1]]
                or owners[points[j]] != owners[points[(j + 1) % n]]]
        if len(cuts) < 2:  # a ring with one neighbour all round (or an island): fixed cut points
            start = min(points)
            far = max(points, key=lambda p: (p[0] - start[0]) ** 2 + (p[1] - start[1]) ** 2)
            cuts = sorted({points.index(start), points.index(far)})
        out: list[Point] = []
        for a, b in zip(cuts, [*cuts[1:], cuts[0] + n], strict=True):
            part = [points[j % n] for j in range(a, b + 1)]
            out += arc(part)[:-1]
        rounded: list[list[float]] = []
        for x, y in [*out, out[0]]:
            p = [round(x, decimals), round(y, decimals)]
            if not rounded or p != rounded[-1]:
                rounded.append(p)
        if len(rounded) < 4:  # collapsed: keep the ring as it was, rounded
            rounded = [[round(x, decimals), round(y, decimals)] for x, y in ring]
        return rounded

    features = []
    for feature in geojson["features"]:
        geom = feature["geometry"]
        if geom["type"] == "Polygon":
            coords = [ring_of(r) for r in geom["coordinates"]]
        else:
            coords = [[ring_of(r) for r in polygon] for polygon in geom["coordinates"]]
        features.append({"type": "Feature", "properties": feature["properties"],
                         "geometry": {"type": geom["type"], "coordinates": coords}})
    return {"type": "FeatureCollection", "features": features}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--tolerance", type=float, default=0.0004)
    args = parser.parse_args()
    raw = json.loads(args.source.read_text(encoding="utf-8"))
    small = simplify(raw, args.tolerance)
    args.out.write_text(json.dumps(small, ensure_ascii=False, separators=(",", ":")) + "\n",
                        encoding="utf-8")


if __name__ == "__main__":
    main()
