#include "renewal/base/split.h"

#include <limits>

#include "renewal/base/strcat.h"

namespace renewal {
namespace {

absl::Status Overflow(std::string_view what) {
  return absl::OutOfRangeError(StrCat("money overflow in ", what));
}

// SplitByWeights' checks, in its words (SplitInto also limits the sum to 63 bits).
absl::Status CheckWeights(std::span<const std::int64_t> weights) {
  if (weights.empty()) return absl::InvalidArgumentError("split: no weights");
  absl::int128 sum = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] < 0) {
      return absl::InvalidArgumentError(
          StrCat("split: weights[", i, "] must be >= 0, got ", weights[i]));
    }
    sum += weights[i];
  }
  if (sum == 0) return absl::InvalidArgumentError("split: all weights are 0");
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<Money>> SplitByWeights(Money total,
                                                  std::span<const std::int64_t> weights) {
  if (absl::Status s = CheckWeights(weights); !s.ok()) return s;
  if (total.fen() == std::numeric_limits<std::int64_t>::min()) return Overflow("SplitByWeights");
  const bool negative = total.fen() < 0;
  std::vector<std::int64_t> parts(weights.size());
  SplitScratch scratch;
  if (absl::Status s = internal::SplitInto(
          negative ? -total.fen() : total.fen(), weights.size(),
          [weights](std::size_t i) { return weights[i]; }, parts, scratch);
      !s.ok()) {
    return s;
  }
  std::vector<Money> out(parts.size());
  for (std::size_t i = 0; i < parts.size(); ++i) out[i] = Money::Fen(negative ? -parts[i] : parts[i]);
  return out;
}

absl::Status AccumulateSplit(Money total, std::span<const std::uint32_t> weights,
                             std::span<std::int64_t> accumulate, SplitScratch& scratch) {
  if (weights.size() != accumulate.size()) {
    return absl::InvalidArgumentError(StrCat("split: ", weights.size(), " weights but ",
                                                   accumulate.size(), " accumulators"));
  }
  if (weights.empty()) return absl::InvalidArgumentError("split: no weights");
  if (total.fen() == std::numeric_limits<std::int64_t>::min()) return Overflow("AccumulateSplit");
  const bool negative = total.fen() < 0;
  std::vector<std::int64_t>& parts = scratch.parts;
  parts.resize(weights.size());
  if (absl::Status s = internal::SplitInto(
          negative ? -total.fen() : total.fen(), weights.size(),
          [weights](std::size_t i) { return static_cast<std::int64_t>(weights[i]); }, parts,
          scratch);
      !s.ok()) {
    return s;
  }
  // Check every addition first so that an overflow changes nothing.
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::int64_t sum = 0;
    if (__builtin_add_overflow(accumulate[i], negative ? -parts[i] : parts[i], &sum)) {
      return Overflow("AccumulateSplit");
    }
  }
  for (std::size_t i = 0; i < parts.size(); ++i) {
    accumulate[i] += negative ? -parts[i] : parts[i];
  }
  return absl::OkStatus();
}

absl::Status SplitColumn(std::int64_t total, std::span<const std::int64_t> weights,
                         std::span<std::int64_t> out) {
  SplitScratch scratch;
  return internal::SplitInto(
      total, weights.size(), [weights](std::size_t i) { return weights[i]; }, out, scratch);
}

}  // namespace renewal
