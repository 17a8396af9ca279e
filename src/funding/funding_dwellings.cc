#include "renewal/funding/funding_dwellings.h"

#include <algorithm>

#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"

namespace renewal {
namespace {

std::string ItemRef(const CostPlan& plan, std::size_t i) {
  return StrCat("plan \"", plan.id, "\" items[", i, "] \"", plan.items[i].id, "\"");
}

absl::StatusOr<Index> EstateOf(const CostPlan& plan, const Registry& registry) {
  std::optional<Index> e = registry.FindEstate(plan.estate);
  if (!e) {
    return absl::NotFoundError(
        StrCat("plan \"", plan.id, "\" estate: no estate with id \"", plan.estate, "\""));
  }
  return *e;
}

std::pair<Index, Index> EstateRange(const Registry& registry, Index estate) {
  if (registry.estate(estate).building_count == 0) return {0, 0};
  return registry.DwellingRangeOfEstate(estate);
}

// The building an item is scoped to (kNoIndex for estate scope) and its dwelling range.
absl::Status ScopeOf(const CostPlan& plan, std::size_t i, const Registry& registry, Index estate,
                     Index* building, std::pair<Index, Index>* range) {
  const CostItem& item = plan.items[i];
  *building = kNoIndex;
  if (item.scope == CostScope::kEstate) {
    *range = EstateRange(registry, estate);
    return absl::OkStatus();
  }
  std::optional<Index> b = registry.FindBuilding(item.building);
  if (!b) {
    return absl::NotFoundError(
        StrCat(ItemRef(plan, i), " building: no building with id \"", item.building, "\""));
  }
  if (registry.building(*b).estate != estate) {
    return absl::InvalidArgumentError(StrCat(ItemRef(plan, i), " building: \"", item.building,
                                             "\" is not in estate \"", plan.estate, "\""));
  }
  *building = *b;
  if (item.scope == CostScope::kBuilding) {
    *range = registry.DwellingRangeOfBuilding(*b);
    return absl::OkStatus();
  }
  std::optional<Index> e = registry.FindEntrance(*b, item.entrance);
  if (!e) {
    return absl::NotFoundError(StrCat(ItemRef(plan, i), " entrance: building \"", item.building,
                                      "\" has no entrance \"", item.entrance, "\""));
  }
  const EntranceView v = registry.entrance(*e);
  *range = {v.first_dwelling, v.dwelling_count};
  return absl::OkStatus();
}

}  // namespace

absl::Status FillHouseholdsFromRegistry(CostPlan& plan, const Registry& registry) {
  RENEWAL_ASSIGN_OR_RETURN(Index e, EstateOf(plan, registry));
  plan.households = EstateRange(registry, e).second;
  return absl::OkStatus();
}

absl::Status ApportionToDwellings(const FundingAllocation& allocation, const CostPlan& plan,
                                  const Registry& registry, DwellingApportionment& out,
                                  SplitScratch& scratch) {
  if (allocation.item_cost.size() != plan.items.size()) {
    return absl::InvalidArgumentError(StrCat("plan \"", plan.id, "\": the allocation has ",
                                             allocation.item_cost.size(), " items, the plan ",
                                             plan.items.size()));
  }
  RENEWAL_ASSIGN_OR_RETURN(Index estate, EstateOf(plan, registry));
  const auto [first, count] = EstateRange(registry, estate);
  out.plan = plan.id;
  out.estate = estate;
  out.first_dwelling = first;
  out.fen.assign(count, 0);
  out.total = Money();
  const std::vector<std::uint32_t>& area = registry.dwellings().area_centi;
  // Items with the same scope are summed first and split once: one split per
  // distinct scope (an estate plan has a handful), which also keeps rounding to at
  // most one fen per dwelling and scope.
  struct ScopeSum {
    Index first;
    Index count;
    std::int64_t fen;
    std::uint32_t item;  // the first item with this scope, for messages
  };
  std::vector<ScopeSum> scopes;
  std::int64_t total = 0;
  for (std::uint32_t i = 0; i < plan.items.size(); ++i) {
    std::int64_t residents = 0;
    for (const FundingShare& s : allocation.SharesOf(i)) {
      if (IsApportionedToDwellings(s.source)) residents += s.amount.fen();
    }
    if (residents == 0) continue;
    Index building = kNoIndex;
    std::pair<Index, Index> range;
    if (absl::Status st = ScopeOf(plan, i, registry, estate, &building, &range); !st.ok()) {
      out.fen.clear();
      return st;
    }
    if (range.second == 0) {
      out.fen.clear();
      return absl::FailedPreconditionError(
          StrCat(ItemRef(plan, i), " scope: no dwellings to apportion ",
                 Money::Fen(residents).ToYuanString(), " to"));
    }
    auto it = std::find_if(scopes.begin(), scopes.end(), [&](const ScopeSum& s) {
      return s.first == range.first && s.count == range.second;
    });
    if (it == scopes.end()) {
      scopes.push_back({range.first, range.second, residents, i});
    } else {
      it->fen += residents;  // ≤ total cost of the plan, which fits
    }
    total += residents;
  }
  for (const ScopeSum& s : scopes) {
    const std::span<const std::uint32_t> weights(area.data() + s.first, s.count);
    const std::span<std::int64_t> acc(out.fen.data() + (s.first - first), s.count);
    if (absl::Status st = AccumulateSplit(Money::Fen(s.fen), weights, acc, scratch); !st.ok()) {
      out.fen.clear();
      return absl::Status(st.code(), StrCat(ItemRef(plan, s.item), ": ", st.message()));
    }
  }
  out.total = Money::Fen(total);
  return absl::OkStatus();
}

absl::StatusOr<DwellingApportionment> ApportionToDwellings(const FundingAllocation& allocation,
                                                           const CostPlan& plan,
                                                           const Registry& registry) {
  DwellingApportionment out;
  SplitScratch scratch;
  RENEWAL_RETURN_IF_ERROR(ApportionToDwellings(allocation, plan, registry, out, scratch));
  return out;
}

std::vector<BuildingTotal> TotalsByBuilding(const FundingAllocation& allocation,
                                            const CostPlan& plan, const Registry& registry,
                                            const DwellingApportionment& dwellings) {
  std::vector<BuildingTotal> out;
  if (dwellings.estate == kNoIndex) return out;
  const Estate& estate = registry.estate(dwellings.estate);
  for (Index b = estate.first_building; b < estate.first_building + estate.building_count; ++b) {
    BuildingTotal t;
    t.building = b;
    const auto [first, count] = registry.DwellingRangeOfBuilding(b);
    std::int64_t sum = 0;
    for (Index d = first; d < first + count; ++d) sum += dwellings.fen[d - dwellings.first_dwelling];
    t.residents_apportioned = Money::Fen(sum);
    out.push_back(t);
  }
  for (std::uint32_t i = 0; i < plan.items.size(); ++i) {
    const CostItem& item = plan.items[i];
    if (item.scope == CostScope::kEstate) continue;
    std::optional<Index> b = registry.FindBuilding(item.building);
    if (!b || *b < estate.first_building || *b >= estate.first_building + estate.building_count) {
      continue;
    }
    BuildingTotal& t = out[*b - estate.first_building];
    for (const FundingShare& s : allocation.SharesOf(i)) {
      Money& m = t.by_source[static_cast<std::size_t>(s.source)];
      m = Money::Fen(m.fen() + s.amount.fen());
    }
  }
  return out;
}

}  // namespace renewal
