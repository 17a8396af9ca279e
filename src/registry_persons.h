// Derives DwellingColumns::person (owners as persons for vote headcounts).
#ifndef RENEWAL_SRC_REGISTRY_PERSONS_H_
#define RENEWAL_SRC_REGISTRY_PERSONS_H_

#include <cstddef>

#include "renewal/registry.h"

namespace renewal::internal {

// Fills c.person from sale_state, owner and the sorted co_owners; returns the
// number of persons. See DwellingColumns::person for the rule.
std::size_t AssignPersons(DwellingColumns& c, std::size_t owner_count);

}  // namespace renewal::internal

#endif  // RENEWAL_SRC_REGISTRY_PERSONS_H_
