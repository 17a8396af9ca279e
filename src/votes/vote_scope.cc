// A vote's scope resolved to the registry's dwellings: an estate, a building, an
// entrance, or listed dwellings.
#include <algorithm>
#include <utility>
#include <vector>

#include "renewal/base/strcat.h"
#include "renewal/votes/vote.h"

namespace renewal {

absl::StatusOr<std::vector<Index>> ResolveVoteScope(const Registry& r, const VoteScope& scope) {
  std::vector<Index> out;
  auto range = [&](std::pair<Index, Index> fc) {
    out.resize(fc.second);
    for (Index k = 0; k < fc.second; ++k) out[k] = fc.first + k;
  };
  switch (scope.kind) {
    case VoteScopeKind::kEstate: {
      const std::optional<Index> e = r.FindEstate(scope.id);
      if (!e) return absl::NotFoundError(StrCat("scope estate: no estate with id \"", scope.id, "\""));
      range(r.DwellingRangeOfEstate(*e));
      break;
    }
    case VoteScopeKind::kBuilding:
    case VoteScopeKind::kEntrance: {
      const std::optional<Index> b = r.FindBuilding(scope.id);
      if (!b) {
        return absl::NotFoundError(StrCat("scope building: no building with id \"", scope.id, "\""));
      }
      if (scope.kind == VoteScopeKind::kBuilding) {
        range(r.DwellingRangeOfBuilding(*b));
        break;
      }
      const std::optional<Index> en = r.FindEntrance(*b, scope.entrance);
      if (!en) {
        return absl::NotFoundError(StrCat("scope entrance: building \"", scope.id,
                                          "\" has no entrance \"", scope.entrance, "\""));
      }
      const EntranceView v = r.entrance(*en);
      range({v.first_dwelling, v.dwelling_count});
      break;
    }
    case VoteScopeKind::kDwellings: {
      out.reserve(scope.dwellings.size());
      for (std::size_t i = 0; i < scope.dwellings.size(); ++i) {
        const std::optional<Index> d = r.FindDwelling(scope.dwellings[i]);
        if (!d) {
          return absl::NotFoundError(StrCat("scope dwellings[", i, "]: no dwelling with id \"",
                                            scope.dwellings[i], "\""));
        }
        out.push_back(*d);
      }
      std::sort(out.begin(), out.end());
      if (auto it = std::adjacent_find(out.begin(), out.end()); it != out.end()) {
        return absl::InvalidArgumentError(StrCat("scope dwellings: dwelling \"",
                                                 r.dwelling(*it).id, "\" listed twice"));
      }
      if (out.empty()) return absl::InvalidArgumentError("scope dwellings: must not be empty");
      break;
    }
  }
  return out;
}

}  // namespace renewal
