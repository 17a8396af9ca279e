// The one largest-remainder (Hamilton) split of the project: money over dwellings,
// funding shares, ledger bills and interest all go through SplitInto.
//
// The rule: each part first gets floor(total × wᵢ / Σw); the fen left over (fewer than
// the number of parts) go one each to the parts with the largest remainders; among
// equal remainders the lower index goes first. The parts add up to the total exactly.
//
// Built for columns of tens of millions of weights as well as for a handful:
//  - no column-sized scratch: a remainder is recomputed from its share when needed
//    (total × weight − share × sum) instead of being stored;
//  - for a long column, the remainder that takes the last extra fen is found by radix
//    selection on a 4096-bucket histogram (one or two extra passes), not by sorting;
//    a short one (≤ `collect` parts) selects directly with nth_element;
//  - 64-bit division by the constant sum is a multiply by its reciprocal, corrected
//    exactly, when total × weight fits 64 bits (fen × 0.01 m² does).
#ifndef RENEWAL_BASE_SPLIT_H_
#define RENEWAL_BASE_SPLIT_H_

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "absl/numeric/int128.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "renewal/base/money.h"

namespace renewal {

/// Scratch space reused between splits, so that a loop of splits (one per building,
/// per bill) allocates nothing after the first.
struct SplitScratch {
  std::vector<std::int64_t> parts;
  std::vector<std::uint32_t> histogram;
  std::vector<std::uint64_t> candidates;
};

/// Splits `total` into parts proportional to `weights` (each ≥ 0, not all 0, their sum
/// below 2^63) by the rule above. A negative total is split as the negation of
/// splitting |total|. Errors: InvalidArgument for no weights, a negative weight or all
/// weights 0; OutOfRange when the weights' sum or the total does not fit.
absl::StatusOr<std::vector<Money>> SplitByWeights(Money total,
                                                  std::span<const std::int64_t> weights);

/// The same split for hot loops (e.g. a cost over the dwellings of a building,
/// weighted by exclusive area in 0.01 m²): adds part i to `accumulate[i]` (fen)
/// instead of returning a vector. On error nothing is added.
absl::Status AccumulateSplit(Money total, std::span<const std::uint32_t> weights,
                             std::span<std::int64_t> accumulate, SplitScratch& scratch);

/// The same split over a column, written into `out` (same size as `weights`);
/// total ≥ 0.
absl::Status SplitColumn(std::int64_t total, std::span<const std::int64_t> weights,
                         std::span<std::int64_t> out);

namespace internal {

// Bucket bits per histogram level, and how many remainders are selected directly.
inline constexpr int kSplitBucketBits = 12;
inline constexpr std::size_t kSplitCollect = 65536;

// The shift that puts values 0..span into at most 2^kSplitBucketBits buckets.
inline int BucketShift(std::uint64_t span) {
  const auto bits = static_cast<int>(std::bit_width(span));
  return bits > kSplitBucketBits ? bits - kSplitBucketBits : 0;
}

// floor(p / d) for d ≥ 1, given reciprocal m = floor((2^64 − 1) / d): m·p / 2^64 is at
// most 2 below p / d and never above it, so at most two corrections make it exact.
inline std::uint64_t DivideByReciprocal(std::uint64_t p, std::uint64_t d, std::uint64_t m) {
  auto q = static_cast<std::uint64_t>((static_cast<unsigned __int128>(p) * m) >> 64);
  std::uint64_t r = p - q * d;
  if (r >= d) { ++q; r -= d; }
  if (r >= d) { ++q; }
  return q;
}

// Splits `total` (≥ 0) over weights weight(0..n−1) (each ≥ 0, not all 0) into out
// (size n). `collect` is how many remainders may be selected directly (tests lower it
// to exercise the histogram levels).
template <class WeightFn>
absl::Status SplitInto(std::int64_t total, std::size_t n, WeightFn weight,
                       std::span<std::int64_t> out, SplitScratch& scratch,
                       std::size_t collect = kSplitCollect) {
  if (out.size() != n) return absl::InternalError("split: size mismatch");
  if (total < 0) return absl::InvalidArgumentError(absl::StrCat("split: total must be >= 0, got ", total));
  absl::int128 wsum = 0;
  std::int64_t wmax = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t w = weight(i);
    if (w < 0) {
      return absl::InvalidArgumentError(absl::StrCat("split: weights[", i, "] must be >= 0, got ", w));
    }
    wsum += w;
    wmax = std::max(wmax, w);
  }
  if (wsum == 0) return absl::InvalidArgumentError("split: all weights are 0");
  if (wsum > absl::int128(INT64_MAX)) return absl::OutOfRangeError("split: weights sum overflow");
  const auto sum = static_cast<std::uint64_t>(wsum);
  const auto t = static_cast<std::uint64_t>(total);
  // total × weight fits 64 bits: the usual case (fen × 0.01 m², fen × fen of interest).
  const bool narrow = total == 0 || wmax <= INT64_MAX / total;
  const std::uint64_t reciprocal = UINT64_MAX / sum;
  // The remainder of element i once out[i] holds its floor share (always < sum).
  auto remainder = [&](std::size_t i) -> std::uint64_t {
    const auto w = static_cast<std::uint64_t>(weight(i));
    const auto q = static_cast<std::uint64_t>(out[i]);
    if (narrow) return t * w - q * sum;
    return static_cast<std::uint64_t>(absl::uint128(t) * w - absl::uint128(q) * sum);
  };

  // Floor shares, and (for a long column) the first histogram level of the
  // remainders, in one pass. A column of at most `collect` selects directly.
  const bool levels = n > collect;
  std::uint64_t lo = 0, hi = sum - 1;  // the range of remainders being narrowed
  int shift = BucketShift(hi - lo);
  std::vector<std::uint32_t>& hist = scratch.histogram;
  if (levels) hist.assign(((hi - lo) >> shift) + 1, 0);
  std::uint64_t given = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto w = static_cast<std::uint64_t>(weight(i));
    std::uint64_t q = 0;
    if (narrow) {
      q = DivideByReciprocal(t * w, sum, reciprocal);
    } else {
      q = static_cast<std::uint64_t>(absl::uint128(t) * w / sum);
    }
    out[i] = static_cast<std::int64_t>(q);
    given += q;
    if (levels) ++hist[remainder(i) >> shift];
  }
  std::uint64_t need = t - given;  // extra fen to hand out, < n
  if (need == 0) return absl::OkStatus();

  // Narrow [lo, hi] to the need-th largest remainder, the threshold.
  std::uint64_t threshold = 0, at_threshold = 0;
  while (levels) {
    std::size_t b = hist.size() - 1;
    std::uint64_t higher = 0;
    while (higher + hist[b] < need) higher += hist[b--];
    need -= higher;  // every remainder in a higher bucket takes a fen
    const std::uint64_t in_range = hist[b];
    lo += static_cast<std::uint64_t>(b) << shift;
    hi = std::min(hi, lo + ((std::uint64_t{1} << shift) - 1));
    if (lo == hi) break;
    if (in_range <= collect) break;
    // Another level over [lo, hi]; equal remainders (dwellings of one floor plan)
    // are common, so the pass also notes whether the range holds a single value.
    shift = BucketShift(hi - lo);
    hist.assign(((hi - lo) >> shift) + 1, 0);
    std::uint64_t min = hi, max = lo;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t r = remainder(i);
      if (r - lo > hi - lo) continue;  // outside [lo, hi] (wraps when below lo)
      ++hist[(r - lo) >> shift];
      min = std::min(min, r);
      max = std::max(max, r);
    }
    if (min == max) {
      lo = hi = min;
      break;
    }
  }
  if (lo == hi) {  // one value: the threshold; `need` of its ties take a fen
    threshold = lo;
    at_threshold = need;
  } else {  // few enough to select directly
    std::vector<std::uint64_t>& c = scratch.candidates;
    c.clear();
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t r = remainder(i);
      if (r - lo <= hi - lo) c.push_back(r);
    }
    const auto k = static_cast<std::ptrdiff_t>(need - 1);
    std::nth_element(c.begin(), c.begin() + k, c.end(), std::greater<>());
    threshold = c[static_cast<std::size_t>(k)];
    std::uint64_t above = 0;
    for (std::uint64_t r : c) above += r > threshold ? 1 : 0;
    at_threshold = need - above;
  }
  // Remainders above the threshold take a fen; of those equal to it, the lowest indexes.
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t r = remainder(i);
    if (r > threshold) {
      ++out[i];
    } else if (r == threshold && at_threshold > 0) {
      ++out[i];
      --at_threshold;
    }
  }
  return absl::OkStatus();
}


}  // namespace internal
}  // namespace renewal

#endif  // RENEWAL_BASE_SPLIT_H_
