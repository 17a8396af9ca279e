// Private to the registry area: the registry's ID indexes, which registry.cc
// looks up and the builder (registry_builder.cc) fills.
#ifndef RENEWAL_SRC_REGISTRY_INDEXES_H_
#define RENEWAL_SRC_REGISTRY_INDEXES_H_

#include <mutex>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "dwelling_ids.h"
#include "renewal/base/id_index.h"
#include "renewal/registry/registry.h"

namespace renewal {

struct Registry::Indexes {
  absl::flat_hash_map<std::string, Index> district, street, estate, building;
  DwellingIds dwelling;
  // Owner IDs. The builder fills the hash table as it goes (it looks owners up while
  // loading); a snapshot load only checks them unique (sorted hashes) and leaves the
  // table to the first FindOwner, which builds it once under owner_once
  // (owner_unindexed is set before the registry is shared and never changes).
  internal::IdIndex owner;
  bool owner_unindexed = false;
  std::once_flag owner_once;
};

}  // namespace renewal

#endif  // RENEWAL_SRC_REGISTRY_INDEXES_H_
