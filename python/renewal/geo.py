"""The estates on a map (docs/map.md): GeoJSON, ``__geo_interface__``, GeoDataFrames and
a self-contained HTML map page.

The GeoJSON is written in C++ (``renewal/registry/map.h``): one Point feature per estate
in registry order, its facts as properties, coordinates as stored in the registry's
coordinate system (``Registry.crs``: GCJ-02 unless the file says otherwise), which the
member ``coordinate_system`` names. No datum shift is applied.

>>> import renewal
>>> city = renewal.Registry.load("examples/small_city.json")          # doctest: +SKIP
>>> city.to_geojson()["features"][0]["properties"]["households"]      # doctest: +SKIP
>>> screening = city.screen("yueyang", 2026)                          # doctest: +SKIP
>>> screening.to_html_map("screening.html")                           # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import warnings
from typing import Any, Dict, Optional, Union

import pandas as pd

from ._core import Registry
from ._core import eligibility as _eligibility

__all__ = ["EPSG", "ScreeningFrame", "to_geojson", "to_geodataframe", "to_html_map",
           "write_html_map"]

# The EPSG code of each coordinate system; GCJ-02 has none (it is an offset of WGS-84
# that China's web maps apply, not a datum).
EPSG: Dict[str, Optional[str]] = {"WGS-84": "EPSG:4326", "CGCS2000": "EPSG:4490",
                                  "GCJ-02": None}

PathType = Union[str, "os.PathLike[str]"]


def to_geojson(registry: Registry) -> Dict[str, Any]:
    """Every estate as a GeoJSON FeatureCollection (a dict; schema
    docs/schemas/map-geojson.schema.json). An estate without a location has a null
    geometry."""
    return json.loads(registry._geojson())


def _geodataframe(geojson: Dict[str, Any]) -> Any:
    try:
        import geopandas
    except ImportError as e:  # pragma: no cover - depends on the machine
        raise ImportError("to_geodataframe needs geopandas (Debian: apt install "
                          "python3-geopandas)") from e
    system = geojson["coordinate_system"]
    epsg = EPSG.get(system)
    if epsg is None:
        warnings.warn(f"coordinates are {system}, which has no EPSG code: the GeoDataFrame "
                      "has no crs (do not overlay it on WGS-84 maps without converting)",
                      UserWarning, stacklevel=3)
    frame = geopandas.GeoDataFrame.from_features(geojson["features"], crs=epsg)
    frame.attrs["coordinate_system"] = system
    return frame


def to_geodataframe(registry: Registry) -> Any:
    """The estates as a ``geopandas.GeoDataFrame`` (one row per estate, its facts as
    columns). ``crs`` is EPSG:4326 for WGS-84, EPSG:4490 for CGCS2000 and None (with a
    warning) for GCJ-02; ``attrs["coordinate_system"]`` names it in every case.

    :raises ImportError: geopandas is not installed.
    """
    return _geodataframe(to_geojson(registry))


def _html(geojson: Dict[str, Any], title: str) -> str:
    return Registry._map_html(json.dumps(geojson, ensure_ascii=False), title)


def write_html_map(geojson: Dict[str, Any], path: Optional[PathType] = None,
                   title: str = "小区分布图 Estates") -> str:
    """A self-contained HTML map page (no network) of ``geojson``: points coloured by the
    ``status`` property, a legend, and a click shows the estate's facts and reasons.
    Written to ``path`` when given; the page's text is returned."""
    page = _html(geojson, title)
    if path is not None:
        with open(os.fspath(path), "w", encoding="utf-8") as f:
            f.write(page)
    return page


def to_html_map(registry: Registry, path: Optional[PathType] = None,
                title: str = "小区分布图 Estates") -> str:
    """The registry's estates as an HTML map page (see :func:`write_html_map`)."""
    return write_html_map(to_geojson(registry), path, title)


class ScreeningFrame(pd.DataFrame):
    """What :func:`renewal.eligibility.screen` returns: a DataFrame (one row per estate)
    that also knows its registry and policy, so it can be put on a map:
    ``__geo_interface__``, :meth:`to_geojson`, :meth:`to_geodataframe` and
    :meth:`to_html_map` give the estates of its rows with their facts, status and
    reasons (``reasons_zh``, ``reasons_en``). Filtering rows keeps this."""

    _metadata = ["_renewal_registry", "_renewal_policy"]

    @property
    def _constructor(self):  # type: ignore[override]
        return ScreeningFrame

    def to_geojson(self) -> Dict[str, Any]:
        """The estates of these rows as GeoJSON, with their screening as properties."""
        registry = getattr(self, "_renewal_registry", None)
        policy = getattr(self, "_renewal_policy", None)
        if registry is None or policy is None:
            raise ValueError("this frame no longer knows its registry and policy "
                             "(made by a pandas operation that drops them); screen again")
        doc = json.loads(_eligibility.screen_geojson(registry, policy, int(self.attrs["year"])))
        if "estate_id" in self.columns and len(self) != len(doc["features"]):
            keep = set(self["estate_id"])
            doc["features"] = [f for f in doc["features"] if f["id"] in keep]
        return doc

    @property
    def __geo_interface__(self) -> Dict[str, Any]:
        return self.to_geojson()

    def to_geodataframe(self) -> Any:
        """As :func:`to_geodataframe`, with the screening's columns."""
        return _geodataframe(self.to_geojson())

    def to_html_map(self, path: Optional[PathType] = None, title: Optional[str] = None) -> str:
        """An HTML map page coloured by status (see :func:`write_html_map`)."""
        if title is None:
            title = f"改造范围筛查 Screening: {self.attrs.get('policy', '')} {self.attrs.get('year', '')}"
        return write_html_map(self.to_geojson(), path, title)
