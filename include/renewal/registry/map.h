// The registry on a map: every estate as a GeoJSON feature (RFC 7946) with its facts as
// properties, and a self-contained HTML page that draws them (docs/map.md).
#ifndef RENEWAL_REGISTRY_MAP_H_
#define RENEWAL_REGISTRY_MAP_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "renewal/registry/registry.h"

namespace renewal {

/// A FeatureCollection with one Point feature per estate, in registry order
/// (docs/schemas/map-geojson.schema.json). Coordinates are the registry's lon/lat as
/// stored, in its coordinate system, which the top-level member `coordinate_system`
/// names (no datum shift is applied); an estate without a location has a null
/// geometry. Properties: estate_id, name, district_id, district, street_id, street,
/// buildings, households, area_m2 (exact, two decimals) and the survey facts under the
/// keys of the registry format (a fact not surveyed is absent).
///
/// `extra_properties`, when not empty, holds one entry per estate: JSON object members
/// without braces (`"status":"eligible","reasons_zh":[...]`, or empty) appended to that
/// estate's properties. A size other than the estate count is InvalidArgument.
absl::StatusOr<std::string> EstatesGeoJson(const Registry& registry,
                                           const std::vector<std::string>& extra_properties = {});

/// A self-contained HTML page (no network, no tile server) drawing `geojson` (the output
/// of EstatesGeoJson) as points coloured by the `status` property (eligible,
/// ineligible, undetermined; without one, all alike), with a legend; clicking a point
/// shows its properties, with the reasons in Chinese and English.
std::string EstatesMapHtml(std::string_view geojson, std::string_view title);

}  // namespace renewal

#endif  // RENEWAL_REGISTRY_MAP_H_
