// The residents' share of a plan, apportioned to dwellings by exclusive area over
// each item's scope (谁受益、谁出资; Civil Code art. 283: common-part costs are shared
// in proportion to exclusive area), and totals by building and dwelling.
//
// Hot path: one int64 per dwelling of the estate, splits with AccumulateSplit on
// the registry's area column: no per-dwelling heap objects.
#ifndef RENEWAL_FUNDING_DWELLINGS_H_
#define RENEWAL_FUNDING_DWELLINGS_H_

#include <array>
#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renewal/funding/cost.h"
#include "renewal/funding/funding.h"
#include "renewal/base/money.h"
#include "renewal/registry/registry.h"
#include "renewal/base/split.h"

namespace renewal {

struct DwellingApportionment {
  std::string plan;
  Index estate = kNoIndex;
  Index first_dwelling = 0;          // registry index of fen[0]
  std::vector<std::int64_t> fen;     // residents' share per dwelling of the estate
  Money total;                       // Σ fen = the allocation's residents' shares

  Money Of(Index dwelling) const { return Money::Fen(fen[dwelling - first_dwelling]); }
};

// Sets plan.households to the number of dwellings of plan.estate.
absl::Status FillHouseholdsFromRegistry(CostPlan& plan, const Registry& registry);

// Apportions the shares of the sources for which IsApportionedToDwellings holds
// (residents direct, maintenance fund, provident fund). Errors: unknown estate,
// building or entrance (NotFound, naming the item and field), a building of
// another estate (InvalidArgument), a scope without dwellings that has a
// residents' share (FailedPrecondition).
absl::Status ApportionToDwellings(const FundingAllocation& allocation, const CostPlan& plan,
                                  const Registry& registry, DwellingApportionment& out,
                                  SplitScratch& scratch);
absl::StatusOr<DwellingApportionment> ApportionToDwellings(const FundingAllocation& allocation,
                                                           const CostPlan& plan,
                                                           const Registry& registry);

struct BuildingTotal {
  Index building = kNoIndex;
  // Shares of the items scoped to this building or one of its entrances.
  std::array<Money, kFundingSourceCount> by_source{};
  // The residents' shares apportioned to this building's dwellings (all scopes).
  Money residents_apportioned;
};
// One entry per building of the plan's estate, in registry order.
std::vector<BuildingTotal> TotalsByBuilding(const FundingAllocation& allocation,
                                            const CostPlan& plan, const Registry& registry,
                                            const DwellingApportionment& dwellings);

}  // namespace renewal

#endif  // RENEWAL_FUNDING_DWELLINGS_H_
