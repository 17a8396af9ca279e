// Private to the registry area: the registry's ID indexes, which registry.cc
// looks up and the builder (registry_builder.cc) fills.
#ifndef RENEWAL_SRC_REGISTRY_INDEXES_H_
#define RENEWAL_SRC_REGISTRY_INDEXES_H_

#include <string>

#include "absl/container/flat_hash_map.h"
#include "renewal/base/id_index.h"
#include "renewal/registry/registry.h"

namespace renewal {

struct Registry::Indexes {
  absl::flat_hash_map<std::string, Index> district, street, estate, building;
  internal::IdIndex dwelling;
  internal::IdIndex owner;
};

}  // namespace renewal

#endif  // RENEWAL_SRC_REGISTRY_INDEXES_H_
