// Private to the registry area: are the rows of a string column distinct? Checked by
// sorting 64-bit hashes of the rows (sequential passes, no hash table probed per row)
// and comparing the strings only where hashes are equal.
#ifndef RENEWAL_SRC_REGISTRY_UNIQUE_STRINGS_H_
#define RENEWAL_SRC_REGISTRY_UNIQUE_STRINGS_H_

#include <cstdint>
#include <vector>

#include "renewal/base/string_column.h"

namespace renewal::internal {

// Sorts `keys` ascending: least-significant-digit radix sort, 8 bits a pass.
void RadixSort(std::vector<std::uint64_t>* keys);

// The first row (by row number) that spells the same as an earlier row, or
// UINT32_MAX when the rows are distinct.
std::uint32_t FirstDuplicate(const StringColumn& column);

}  // namespace renewal::internal

#endif  // RENEWAL_SRC_REGISTRY_UNIQUE_STRINGS_H_
