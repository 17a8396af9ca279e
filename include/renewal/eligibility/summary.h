// The city at a glance, by district: estates, buildings, households (dwellings),
// total exclusive area (exact, 0.01 m²), and — when screened under a policy —
// how many estates are eligible, ineligible or undetermined; and the JSON writers
// the CLI and docs use.
#ifndef RENEWAL_SUMMARY_H_
#define RENEWAL_SUMMARY_H_

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "renewal/base/area.h"
#include "renewal/eligibility/eligibility.h"
#include "renewal/registry/registry.h"

namespace renewal {

struct SummaryRow {
  std::string district_id;  // empty for the total row
  std::string district_name;
  std::size_t estates = 0;
  std::size_t buildings = 0;
  std::size_t dwellings = 0;
  Area area;  // sum of exclusive areas, exact
  std::size_t eligible = 0, ineligible = 0, undetermined = 0;  // 0 when not screened
};

struct CitySummary {
  std::vector<SummaryRow> districts;  // in registry order
  SummaryRow total;
  // Set when screened.
  std::optional<std::string> policy;
  int year = 0;
};

CitySummary Summarize(const Registry& registry);
// `screening` must come from ScreenRegistry on the same registry.
CitySummary Summarize(const Registry& registry, const Policy& policy,
                      const ScreeningResult& screening, int year);

// JSON (docs/schemas/summary.schema.json).
void WriteSummaryJson(const CitySummary& summary, std::ostream& out);

// Screening results as JSON (docs/schemas/screen-result.schema.json): the policy,
// the counts and every estate with every rule, its values and reasons.
void WriteScreeningJson(const Registry& registry, const Policy& policy,
                        const ScreeningResult& screening, int year, std::ostream& out);
/// The same document for one estate (`renewal screen --estate ID --json`): counts of
/// that estate alone, and its object in "estates".
void WriteEstateScreeningJson(const Registry& registry, const Policy& policy, Index estate,
                              int year, std::ostream& out);

}  // namespace renewal

#endif  // RENEWAL_SUMMARY_H_
