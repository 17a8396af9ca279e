#include "unique_strings.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "renewal/base/id_index.h"

namespace renewal::internal {

namespace {
std::uint64_t HashOf(std::string_view s) {
  PieceHasher h;
  h.Add(s);
  return h.Finish();
}
}  // namespace

void RadixSort(std::vector<std::uint64_t>* keys) {
  if (keys->size() < 4096) {  // below this the passes over the buckets dominate
    std::sort(keys->begin(), keys->end());
    return;
  }
  // Eight passes of 8 bits: 256 buckets keep the scatter's write streams in cache
  // (with 16-bit digits, 65,536 streams thrashed cache and TLB: ~90 ms of a 3 M
  // dwelling load in the profile).
  // All eight histograms come from one read of the keys.
  constexpr int kPasses = 8;
  std::vector<std::array<std::size_t, 256>> start(kPasses);
  for (auto& h : start) h.fill(0);
  for (const std::uint64_t k : *keys) {
    for (int p = 0; p < kPasses; ++p) ++start[p][(k >> (8 * p)) & 0xFF];
  }
  std::vector<std::uint64_t> other(keys->size());
  for (int p = 0; p < kPasses; ++p) {
    std::size_t sum = 0;
    for (std::size_t& s : start[p]) sum += std::exchange(s, sum);
    for (const std::uint64_t k : *keys) other[start[p][(k >> (8 * p)) & 0xFF]++] = k;
    keys->swap(other);
  }
}

std::uint32_t FirstDuplicate(const StringColumn& column) {
  const std::size_t n = column.size();
  std::vector<std::uint64_t> hashes(n);
  for (std::size_t i = 0; i < n; ++i) hashes[i] = HashOf(column[i]);
  RadixSort(&hashes);
  // Hashes met more than once (at national scale a collision of different IDs is
  // about a 1-in-40,000 event, so this is nearly always empty unless IDs repeat).
  std::vector<std::uint64_t> repeated;
  for (std::size_t i = 1; i < n; ++i) {
    if (hashes[i] == hashes[i - 1] && (repeated.empty() || repeated.back() != hashes[i])) {
      repeated.push_back(hashes[i]);
    }
  }
  if (repeated.empty()) return UINT32_MAX;
  // The rows with those hashes, grouped by hash in row order; each compared with the
  // earlier rows of its group.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> rows;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t h = HashOf(column[i]);
    if (std::binary_search(repeated.begin(), repeated.end(), h)) {
      rows.emplace_back(h, static_cast<std::uint32_t>(i));
    }
  }
  std::sort(rows.begin(), rows.end());
  std::uint32_t first = UINT32_MAX;
  for (std::size_t g = 0; g < rows.size();) {
    std::size_t end = g;
    while (end < rows.size() && rows[end].first == rows[g].first) ++end;
    for (std::size_t k = g + 1; k < end && rows[k].second < first; ++k) {
      for (std::size_t j = g; j < k; ++j) {
        if (column[rows[j].second] == column[rows[k].second]) {
          first = std::min(first, rows[k].second);
          break;
        }
      }
    }
    g = end;
  }
  return first;
}

}  // namespace renewal::internal
