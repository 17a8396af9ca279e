"""The map (docs/map.md): the coordinate system, GeoJSON from the registry and from a
screening, __geo_interface__, GeoDataFrames, and the HTML page opened in Chromium."""

import json
import os
import pathlib
import shutil
import subprocess

import pytest

import renewal

jsonschema = pytest.importorskip("jsonschema")


def _validator(root):
    with open(root / "docs" / "schemas" / "map-geojson.schema.json", encoding="utf-8") as f:
        return jsonschema.Draft202012Validator(json.load(f))


def _cli(root):
    path = os.environ.get("RENEWAL_CLI") or str(
        pathlib.Path(renewal.__file__).resolve().parents[2] / "renewal")
    if not os.access(path, os.X_OK):
        pytest.skip(f"renewal CLI not found at {path} (set RENEWAL_CLI)")
    return path


def test_crs_defaults_to_gcj02_and_round_trips(tiny_path):
    city = renewal.Registry.load(tiny_path, current_year=2026)
    assert city.crs == "GCJ-02"  # absent from the file: the stated default
    text = city.dumps().replace('"crs":"GCJ-02"', '"crs":"CGCS2000"')
    other = renewal.Registry.loads(text, current_year=2026)
    assert other.crs == "CGCS2000"
    assert other != city
    with pytest.raises(renewal.InvalidArgumentError, match='crs: unknown coordinate system "BD-09"'):
        renewal.Registry.loads(text.replace("CGCS2000", "BD-09"), current_year=2026)


def test_registry_geojson_has_every_estate_and_its_facts(root, tiny_path):
    city = renewal.Registry.load(tiny_path, current_year=2026)
    doc = city.to_geojson()
    _validator(root).validate(doc)
    assert city.__geo_interface__ == doc
    assert doc["coordinate_system"] == "GCJ-02"
    first, second = doc["features"]
    assert first["geometry"] == {"type": "Point", "coordinates": [113.1, 29.37]}
    # tests/data/tiny_city.json: E-0001 has 4 dwellings, 72.35 + 60 + 88.05 + 55.5 m².
    p = first["properties"]
    assert (p["estate_id"], p["district"], p["households"], p["area_m2"]) == (
        "E-0001", "岳阳楼区", 4, 275.9)
    assert p["safety_hazards"] == ["gas"] and p["facilities"]["water"] == "poor"
    assert second["geometry"] is None  # no location surveyed


def test_screening_geojson_carries_status_and_reasons_for_its_rows(root, small_city_path):
    city = renewal.Registry.load(small_city_path)
    screening = city.screen("yueyang", 2026)
    doc = screening.__geo_interface__
    _validator(root).validate(doc)
    assert len(doc["features"]) == city.estate_count
    by_id = {f["id"]: f["properties"] for f in doc["features"]}
    for row in screening.itertuples():
        p = by_id[row.estate_id]
        assert p["status"] == row.status
        assert p["failed_rules"] == list(row.failed_rules)
        assert len(p["reasons_zh"]) == len(p["reasons_en"]) == (
            len(row.failed_rules) + len(row.unknown_rules))
    eligible = screening[screening["status"] == "eligible"]
    assert 0 < len(eligible) < len(screening)
    sub = eligible.to_geojson()
    assert [f["id"] for f in sub["features"]] == list(eligible["estate_id"])
    assert {f["properties"]["status"] for f in sub["features"]} == {"eligible"}


def test_geodataframe(small_city_path):
    geopandas = pytest.importorskip("geopandas")
    city = renewal.Registry.load(small_city_path)
    with pytest.warns(UserWarning, match="GCJ-02, which has no EPSG code"):
        gdf = city.to_geodataframe()
    assert isinstance(gdf, geopandas.GeoDataFrame)
    assert len(gdf) == city.estate_count and gdf.crs is None
    assert gdf.attrs["coordinate_system"] == "GCJ-02"
    wgs = renewal.Registry.loads(city.dumps().replace('"crs":"GCJ-02"', '"crs":"WGS-84"'))
    gdf = wgs.to_geodataframe()
    assert gdf.crs.to_epsg() == 4326
    assert gdf.geometry.iloc[0].x == city.to_geojson()["features"][0]["geometry"]["coordinates"][0]


def test_cli_map_writes_what_python_does(root, tmp_path, small_city_path):
    out = tmp_path / "city.geojson"
    r = subprocess.run([_cli(root), "map", small_city_path, "--screen", "yueyang", "--year",
                        "2026", "-o", str(out)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    _validator(root).validate(doc)
    city = renewal.Registry.load(small_city_path)
    assert doc == city.screen("yueyang", 2026).to_geojson()


def test_cli_map_errors_write_nothing(root, tmp_path, small_city_path):
    out = tmp_path / "x.geojson"
    r = subprocess.run([_cli(root), "map", small_city_path, "--screen", "nowhere", "-o", str(out)],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 1 and "nowhere" in r.stderr
    r = subprocess.run([_cli(root), "map"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert not out.exists() and list(tmp_path.iterdir()) == []


# Status colours of the page (src/registry/map_html.cc).
GREEN, RED = (0x2E, 0x7D, 0x32), (0xC6, 0x28, 0x28)


def _screenshot(html_path, png_path, fragment=""):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not installed (Debian: apt install chromium); "
                    "the HTML map is not opened")
    r = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                        "--hide-scrollbars", "--window-size=1280,800",
                        f"--screenshot={png_path}", html_path.as_uri() + fragment],
                       capture_output=True, text=True, timeout=120)
    assert png_path.exists(), r.stderr
    from PIL import Image
    return Image.open(png_path).convert("RGB")


def _count(image, colour, tolerance=6):
    return sum(n for n, c in image.getcolors(maxcolors=1 << 20)
               if all(abs(a - b) <= tolerance for a, b in zip(c, colour)))


def test_html_map_renders_points_in_status_colours(root, tmp_path, small_city_path):
    html = tmp_path / "city.html"
    r = subprocess.run([_cli(root), "map", small_city_path, "--screen", "yueyang", "--year",
                        "2026", "--html", "-o", str(html)], capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 0, r.stderr
    page = html.read_text(encoding="utf-8")
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in page
    image = _screenshot(html, tmp_path / "shot.png")
    counts = renewal.Registry.load(small_city_path).screen("yueyang", 2026)["status"].value_counts()
    assert counts["eligible"] > 0 and counts["ineligible"] > 0
    # Each estate is a disc of radius 9 in a 1000 x 700 view: many pixels of each colour.
    assert _count(image, GREEN) > 100
    assert _count(image, RED) > 100


def test_html_map_click_shows_facts_and_reasons(root, tmp_path, small_city_path):
    city = renewal.Registry.load(small_city_path)
    screening = city.screen("yueyang", 2026)
    failed = screening[screening["status"] == "ineligible"].iloc[0]
    html = tmp_path / "city.html"
    screening.to_html_map(html)
    # The page opened at #<estate id> shows that estate as if clicked; the panel's
    # text is checked through the DOM Chromium dumps.
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("chromium is not installed (Debian: apt install chromium)")
    r = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                        html.as_uri() + "#" + failed["estate_id"]], capture_output=True,
                       text=True, timeout=120)
    info = r.stdout.split('<div id="info">', 1)[1]
    assert failed["estate_id"] in info and failed["name"] in info
    assert "理由" in info and "Reasons" in info
    reason_zh = failed["reasons_zh"].splitlines()[0] if isinstance(failed["reasons_zh"], str) \
        else failed["reasons_zh"][0]
    assert reason_zh.split("：")[0] in info
