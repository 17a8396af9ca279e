// Owners as persons (法释〔2009〕7号 art. 9; docs/votes.md "Counting"): computed
// once per registry so that a vote's headcount is a lookup, not a match of owner
// sets per vote.
#include "registry_persons.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace renewal::internal {

namespace {

// One co-owned dwelling's owner set, [begin, end) in a flat array, sorted.
struct OwnerSet {
  Index dwelling;
  std::uint32_t begin, end;
};

}  // namespace

std::size_t AssignPersons(DwellingColumns& c, std::size_t owner_count,
                          std::span<const Index> estate_first_dwelling,
                          std::vector<Index>* estate_first_person) {
  const std::size_t n = c.owner.size();
  // Co-owned dwellings in kOwned state: the first dwelling with the same owner set
  // stands for all.
  std::vector<Index> owners;
  std::vector<OwnerSet> sets;
  for (auto it = c.co_owners.begin(); it != c.co_owners.end();) {
    const Index d = it->first;
    if (c.sale_state[d] != SaleState::kOwned) {  // the developer's, whoever is registered
      while (it != c.co_owners.end() && it->first == d) ++it;
      continue;
    }
    const auto begin = static_cast<std::uint32_t>(owners.size());
    owners.push_back(c.owner[d]);
    for (; it != c.co_owners.end() && it->first == d; ++it) owners.push_back(it->second);
    std::sort(owners.begin() + begin, owners.end());
    sets.push_back({d, begin, static_cast<std::uint32_t>(owners.size())});
  }
  auto same = [&owners](const OwnerSet& a, const OwnerSet& b) {
    return std::equal(owners.begin() + a.begin, owners.begin() + a.end, owners.begin() + b.begin,
                      owners.begin() + b.end);
  };
  auto less = [&owners, &same](const OwnerSet& a, const OwnerSet& b) {
    if (same(a, b)) return a.dwelling < b.dwelling;
    return std::lexicographical_compare(owners.begin() + a.begin, owners.begin() + a.end,
                                        owners.begin() + b.begin, owners.begin() + b.end);
  };
  std::sort(sets.begin(), sets.end(), less);
  // representative[k]: the lowest dwelling with set k's owners (sets sorted by dwelling
  // within a run of equal sets).
  std::vector<std::pair<Index, Index>> representative;  // (dwelling, first dwelling of its set)
  representative.reserve(sets.size());
  for (std::size_t k = 0; k < sets.size(); ++k) {
    const Index first = k > 0 && same(sets[k - 1], sets[k]) ? representative.back().second
                                                             : sets[k].dwelling;
    representative.emplace_back(sets[k].dwelling, first);
  }
  std::sort(representative.begin(), representative.end());

  // One pass in dwelling order hands out ids on first appearance.
  c.person.assign(n, kNoIndex);
  std::vector<Index> person_of_owner(owner_count, kNoIndex);
  Index next = kDeveloperPerson + 1;
  auto co = representative.begin();
  estate_first_person->clear();
  auto estate = estate_first_dwelling.begin();
  for (Index d = 0; d < n; ++d) {
    for (; estate != estate_first_dwelling.end() && *estate == d; ++estate) {
      estate_first_person->push_back(next);
    }
    const bool co_owned = co != representative.end() && co->first == d;
    Index first_of_set = d;
    if (co_owned) first_of_set = (co++)->second;
    Index p;
    if (c.sale_state[d] != SaleState::kOwned) {
      p = kDeveloperPerson;  // unsold and undelivered units: the developer, once
    } else if (c.owner[d] == kNoIndex) {
      p = next++;  // an ownerless exclusive part still counts as one
    } else if (co_owned) {
      p = first_of_set < d ? c.person[first_of_set] : next++;
    } else {
      Index& slot = person_of_owner[c.owner[d]];
      if (slot == kNoIndex) slot = next++;
      p = slot;
    }
    c.person[d] = p;
  }
  for (; estate != estate_first_dwelling.end(); ++estate) estate_first_person->push_back(next);
  return next;
}

}  // namespace renewal::internal
