// Shared by the scheme tests: the two-estate test city (data/scheme_city.json) and
// the plan of its estate E1 (data/plan_e1.json), which leaves out the fire item.
//
// E1's survey: water poor, fire safety missing, heating missing, roof fair,
// accessibility poor, elevator missing, every other facility good. Building E1-B1
// has 6 floors and entrances 1 and 2, E1-B2 3 floors; neither has an elevator.
// E2 has no facility surveyed.
#ifndef RENEWAL_TESTS_SCHEME_SCHEME_TESTING_H_
#define RENEWAL_TESTS_SCHEME_SCHEME_TESTING_H_

#include <string>
#include <string_view>
#include <fstream>
#include <iterator>

#include "gtest/gtest.h"
#include "renewal/registry/registry_json.h"
#include "renewal/scheme/scheme_plan.h"

namespace renewal::scheme_testing {

inline std::string DataPath(std::string_view name) {
  return std::string(RENEWAL_SOURCE_DIR) + "/tests/scheme/data/" + std::string(name);
}

inline const Registry& City() {
  static const Registry* city = [] {
    absl::StatusOr<Registry> r = LoadRegistryFile(DataPath("scheme_city.json"));
    EXPECT_TRUE(r.ok()) << r.status();
    return new Registry(*std::move(r));
  }();
  return *city;
}

inline std::string PlanText() {
  std::ifstream in(DataPath("plan_e1.json"));
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The plan text with `from` replaced by `to` (once; the test fails if absent).
inline std::string Edited(std::string_view from, std::string_view to) {
  std::string text = PlanText();
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

inline SchemePlan Plan(const std::string& text = PlanText()) {
  absl::StatusOr<SchemePlan> p = ParseSchemePlanJson(text);
  EXPECT_TRUE(p.ok()) << p.status();
  return p.ok() ? *std::move(p) : SchemePlan{};
}

// Plan E1 with the fire item added: what the review asks for.
inline SchemePlan CorrectedPlan() {
  return Plan(Edited(R"({"id": "I-2",)",
                     R"({"id": "I-4", "catalogue": "fire_safety", "quantity": 1, "unit_cost_fen": 3000000},
    {"id": "I-2",)"));
}

}  // namespace renewal::scheme_testing

#endif  // RENEWAL_TESTS_SCHEME_SCHEME_TESTING_H_
