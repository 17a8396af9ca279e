// The CLI's input files, each of which may be "-" for stdin (read whole, then parsed
// by the library's Parse*/Load*Json; messages start with "-: " where a file's start
// with its path).
#ifndef RENEWAL_CLI_INPUT_H_
#define RENEWAL_CLI_INPUT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "renewal/eligibility/eligibility.h"
#include "renewal/funding/cost.h"
#include "renewal/funding/financing.h"
#include "renewal/plan/project.h"
#include "renewal/registry/registry.h"
#include "renewal/registry/registry_json.h"
#include "renewal/scheme/scheme_plan.h"
#include "renewal/votes/vote_consult.h"
#include "renewal/votes/vote_json.h"

namespace renewal::cli {

// --policy: a preset's name, a policy JSON file, or "-" (stdin).
absl::StatusOr<Policy> LoadPolicyInput(const std::string& spec);
// A registry file in JSON or the binary snapshot (by content, whatever its name).
absl::StatusOr<Registry> LoadRegistryInput(const std::string& path,
                                           const LoadOptions& options = {});
absl::StatusOr<VoteDocument> LoadVoteInput(const Registry& registry, const std::string& path);
absl::StatusOr<std::vector<ElevatorApplication>> LoadElevatorApplicationsInput(
    const Registry& registry, const std::string& path);
absl::StatusOr<CostPlan> LoadCostPlanInput(const std::string& path);
absl::StatusOr<FinancingCase> LoadFinancingCaseInput(const std::string& path);
absl::StatusOr<std::vector<CandidateProject>> LoadProjectsInput(const std::string& path);
absl::StatusOr<SchemePlan> LoadSchemePlanInput(const std::string& path);

}  // namespace renewal::cli

#endif  // RENEWAL_CLI_INPUT_H_
