// Several drop-outs after the plan is made (seed 001 "遇到突发情况不能实施时，及时增补"):
// DropAndSubstitute for each, all or nothing.
#include <string>
#include <utility>
#include <vector>

#include "renewal/plan/plan.h"

namespace renewal {

absl::Status DropAndSubstituteAll(AnnualPlan& plan, const std::vector<std::string>& dropped_ids,
                                  const PlanOptions& options) {
  if (dropped_ids.empty()) return absl::OkStatus();
  AnnualPlan work = plan;  // `plan` stays as it was if any drop fails
  for (const std::string& id : dropped_ids) {
    absl::StatusOr<std::vector<std::string>> added = DropAndSubstitute(work, id, options);
    if (!added.ok()) return added.status();
  }
  plan = std::move(work);
  return absl::OkStatus();
}

}  // namespace renewal
