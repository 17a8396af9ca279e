// Private to the registry area: the estate facts written in the registry format's keys,
// shared by the registry writer and the GeoJSON writer (map_geojson.cc).
#ifndef RENEWAL_REGISTRY_FACTS_JSON_H_
#define RENEWAL_REGISTRY_FACTS_JSON_H_

#include <ostream>

#include "renewal/registry/registry.h"

namespace renewal::registry_json_internal {

// Writes `,"build_year":1995,...` (each surveyed fact, with a leading comma) into an
// object that already has members.
void WriteFactMembers(const EstateFacts& facts, std::ostream& out);

}  // namespace renewal::registry_json_internal

#endif  // RENEWAL_REGISTRY_FACTS_JSON_H_
