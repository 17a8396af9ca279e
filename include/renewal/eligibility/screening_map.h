// A screening on the map: per estate, the GeoJSON properties that EstatesGeoJson
// (renewal/registry/map.h) appends to the estate's facts.
#ifndef RENEWAL_ELIGIBILITY_SCREENING_MAP_H_
#define RENEWAL_ELIGIBILITY_SCREENING_MAP_H_

#include <string>
#include <vector>

#include "renewal/eligibility/eligibility.h"
#include "renewal/registry/registry.h"

namespace renewal {

/// One entry per estate of `screening` (made by ScreenRegistry(registry, policy, year)):
/// the members `"status"` (eligible / ineligible / undetermined), `"status_zh"`,
/// `"policy"`, `"year"`, `"failed_rules"` and `"unknown_rules"` (rule ids), and
/// `"reasons_zh"` / `"reasons_en"`: one sentence per rule that did not pass, each wholly
/// in its language.
std::vector<std::string> ScreeningMapProperties(const Registry& registry, const Policy& policy,
                                                const ScreeningResult& screening, int year);

}  // namespace renewal

#endif  // RENEWAL_ELIGIBILITY_SCREENING_MAP_H_
