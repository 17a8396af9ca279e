// The registry as GeoJSON: one Point feature per estate, its facts as properties.
// Written by hand into one string (a city of 20,000 estates is a few MB).
#include <charconv>
#include <sstream>

#include "registry_facts_json.h"
#include "renewal/base/area.h"
#include "renewal/base/json_write.h"
#include "renewal/base/strcat.h"
#include "renewal/registry/map.h"

namespace renewal {
namespace {

void Member(std::ostream& out, std::string_view key) {
  out.put(',');
  internal::WriteJsonString(out, key);
  out.put(':');
}

void Double(std::ostream& out, double d) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  out.write(buf, end - buf);
}

void Feature(std::ostream& out, const Registry& r, Index e, const std::string* extra) {
  const Estate& estate = r.estate(e);
  out << "{\"type\":\"Feature\",\"id\":";
  internal::WriteJsonString(out, estate.id);
  out << ",\"geometry\":";
  if (estate.facts.location) {
    out << "{\"type\":\"Point\",\"coordinates\":[";
    Double(out, estate.facts.location->lon);
    out.put(',');
    Double(out, estate.facts.location->lat);
    out << "]}";
  } else {
    out << "null";
  }
  out << ",\"properties\":{\"estate_id\":";
  internal::WriteJsonString(out, estate.id);
  Member(out, "name");
  internal::WriteJsonString(out, estate.name);
  Member(out, "district_id");
  internal::WriteJsonString(out, r.district(estate.district).id);
  Member(out, "district");
  internal::WriteJsonString(out, r.district(estate.district).name);
  if (estate.street != kNoIndex) {
    Member(out, "street_id");
    internal::WriteJsonString(out, r.street(estate.street).id);
    Member(out, "street");
    internal::WriteJsonString(out, r.street(estate.street).name);
  }
  const auto [first, count] = r.DwellingRangeOfEstate(e);
  std::int64_t area_centi = 0;  // at most 10,000 m² a dwelling: no overflow
  for (Index d = first; d < first + count; ++d) area_centi += r.dwellings().area_centi[d];
  Member(out, "buildings");
  out << estate.building_count;
  Member(out, "households");
  out << count;
  Member(out, "area_m2");
  out << Area::Centi(area_centi).ToString();
  registry_json_internal::WriteFactMembers(estate.facts, out);
  if (extra != nullptr && !extra->empty()) out << ',' << *extra;
  out << "}}";
}

}  // namespace

absl::StatusOr<std::string> EstatesGeoJson(const Registry& r,
                                           const std::vector<std::string>& extra_properties) {
  if (!extra_properties.empty() && extra_properties.size() != r.estate_count()) {
    return absl::InvalidArgumentError(
        StrCat("extra_properties: expected one entry per estate (", r.estate_count(), "), got ",
               extra_properties.size()));
  }
  std::ostringstream out;
  out << "{\"type\":\"FeatureCollection\",\"coordinate_system\":";
  internal::WriteJsonString(out, KeyOf(r.coordinate_system()));
  out << ",\"features\":[";
  for (Index e = 0; e < r.estate_count(); ++e) {
    if (e != 0) out.put(',');
    out << "\n";
    Feature(out, r, e, extra_properties.empty() ? nullptr : &extra_properties[e]);
  }
  out << "\n]}\n";
  return out.str();
}

}  // namespace renewal
