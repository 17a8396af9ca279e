// A candidate renovation project of the project library (项目库): one estate's plan
// with its cost and readiness facts, the input of scoring and of the annual plan.
#ifndef RENEWAL_PLAN_PROJECT_H_
#define RENEWAL_PLAN_PROJECT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "renewal/base/labels.h"
#include "renewal/base/money.h"

namespace renewal {

struct ProjectItem {
  Facility facility = Facility::kWater;
  Category category = Category::kBasic;
  Money cost;
  bool operator==(const ProjectItem&) const = default;
};

// A candidate project: one estate's plan with its cost and readiness facts. Costs
// come from the funding split (total and government share); readiness facts are
// plain fields so that planning does not depend on the votes or funding modules.
struct CandidateProject {
  std::string id;
  std::string estate_id;
  std::string name;
  Money cost;              // total estimate
  Money government_share;  // the part paid from the budget being planned
  std::vector<ProjectItem> items;
  std::optional<bool> vote_passed;
  std::optional<bool> funding_confirmed;
  std::optional<bool> management_agreed;
  // The estate plan passed its review (the scheme area's ReviewPlan; `renewal plan
  // --require-review REVIEWS.json` fills it from the reviews by estate).
  std::optional<bool> review_passed;
  std::optional<std::int64_t> agreement_bp;        // owners agreeing, basis points
  std::optional<std::int64_t> fund_collection_bp;  // maintenance fund collected, basis points
  int carried_over_years = 0;  // years deferred from earlier plans (priority, seed 001 五)
  bool must_include = false;   // forced in (e.g. a safety order)
  bool operator==(const CandidateProject&) const = default;
};

// Checks ids unique and non-empty, costs ≥ 0, government share within [0, cost],
// basis points in [0, 10000], carried_over_years ≥ 0. Messages name the record.
absl::Status ValidateProjects(const std::vector<CandidateProject>& projects);
}  // namespace renewal

#endif  // RENEWAL_PLAN_PROJECT_H_
