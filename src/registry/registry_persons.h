// Derives DwellingColumns::person (owners as persons for vote headcounts).
#ifndef RENEWAL_SRC_REGISTRY_PERSONS_H_
#define RENEWAL_SRC_REGISTRY_PERSONS_H_

#include <cstddef>
#include <span>
#include <vector>

#include "renewal/registry/registry.h"

namespace renewal::internal {

// Fills c.person from sale_state, owner and the sorted co_owners; returns the
// number of persons. See DwellingColumns::person for the rule. Ids are handed
// out in dwelling order, so the persons whose first unit lies in an estate form
// one block: (*estate_first_person)[e] is the first id handed out in estate e
// (estate_first_dwelling[e] its first dwelling; one extra entry at the end).
std::size_t AssignPersons(DwellingColumns& c, std::size_t owner_count,
                          std::span<const Index> estate_first_dwelling,
                          std::vector<Index>* estate_first_person);

}  // namespace renewal::internal

#endif  // RENEWAL_SRC_REGISTRY_PERSONS_H_
