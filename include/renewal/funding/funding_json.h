// JSON for cost plans, funding policies and allocations (schemas in
// docs/schemas/funding_plan.schema.json, funding_policy.schema.json and
// funding_allocation.schema.json). Money is a string of yuan with at most two
// decimals ("1234.56") or an integer number of yuan; percentages are strings or
// integers ("65", "12.5"); floating-point JSON numbers are rejected for both, so
// nothing is ever rounded on the way in. Unknown fields are errors.
#ifndef RENEWAL_FUNDING_JSON_H_
#define RENEWAL_FUNDING_JSON_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "renewal/funding/cost.h"
#include "renewal/funding/financing.h"
#include "renewal/funding/funding.h"
#include "renewal/funding/funding_dwellings.h"
#include "renewal/registry/registry.h"

namespace renewal {

// Parses a plan and computes its item costs (ComputeCosts). Errors name the path
// and field: `items[3] "I-4" facility: unknown value "watr"`.
absl::StatusOr<CostPlan> ParseCostPlanJson(std::string_view text);
absl::StatusOr<CostPlan> LoadCostPlanFile(const std::string& path);

// Parses a policy. With "base": "<preset>[+<preset>…]" the policy is composed on
// top of those presets. Rules are validated (ValidatePolicy).
absl::StatusOr<FundingPolicy> ParseFundingPolicyJson(std::string_view text);
absl::StatusOr<FundingPolicy> LoadFundingPolicyFile(const std::string& path);
// A preset name (or "a+b" composition) or, when it ends in ".json", a policy file.
absl::StatusOr<FundingPolicy> ResolveFundingPolicy(std::string_view name_or_path);

std::string DumpFundingPolicyJson(const FundingPolicy& policy);

// The allocation with every share explained; with `dwellings` (and the registry
// it came from) also the per-dwelling residents' shares.
std::string DumpAllocationJson(const FundingAllocation& allocation, const FundingPolicy& policy,
                               const CostPlan& plan, const DwellingApportionment* dwellings = nullptr,
                               const Registry* registry = nullptr);

// A financing case (docs/schemas/funding_financing.schema.json):
// {"id", "investment", "loans": [{"id", "principal", "rate", "term_years",
//  "grace_years", "style"}], "revenues": [{"id", "kind", "amount", "growth",
//  "first_year", "last_year"}], "operating_costs": [...], "horizon_years",
//  "discount_rate", "balance_within_years"}; rates and growth are percentages.
absl::StatusOr<FinancingCase> ParseFinancingCaseJson(std::string_view text);
absl::StatusOr<FinancingCase> LoadFinancingCaseFile(const std::string& path);
std::string DumpFinancingResultJson(const FinancingCase& c, const FinancingResult& r);

}  // namespace renewal

#endif  // RENEWAL_FUNDING_JSON_H_
