// The one largest-remainder splitter (renewal/base/split.h) against the rule written
// out plainly: floor shares, the leftover fen to the largest remainders, ties to the
// lower index, in 128-bit arithmetic with a stable sort.
#include "renewal/base/split.h"

#include <cstdint>
#include <numeric>
#include <random>
#include <vector>

#include "gtest/gtest.h"

namespace renewal {
namespace {

std::vector<std::int64_t> ReferenceSplit(std::int64_t total, const std::vector<std::int64_t>& w) {
  absl::int128 sum = 0;
  for (std::int64_t x : w) sum += x;
  std::vector<std::int64_t> parts(w.size());
  std::vector<absl::int128> rem(w.size());
  absl::int128 given = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const absl::int128 p = absl::int128(total) * w[i];
    parts[i] = static_cast<std::int64_t>(p / sum);
    rem[i] = p % sum;
    given += p / sum;
  }
  std::vector<std::size_t> order(w.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return rem[a] > rem[b]; });
  for (std::size_t k = 0; given < total; ++k, ++given) ++parts[order[k]];
  return parts;
}

TEST(SplitColumnTest, MatchesTheReference) {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 300; ++round) {
    const std::size_t n = 1 + rng() % 40;
    std::vector<std::int64_t> w(n), out(n);
    for (auto& x : w) x = static_cast<std::int64_t>(rng() % (round % 3 == 0 ? 3 : 100000));
    w[rng() % n] += 1;
    const auto total = static_cast<std::int64_t>(rng() % 10'000'000);
    ASSERT_TRUE(SplitColumn(total, w, out).ok());
    std::vector<std::int64_t> ref = ReferenceSplit(total, w);
    for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(out[i], ref[i]) << round << " " << i;
  }
}

// The column split selects the fen-receiving remainders by histogram levels; it must
// give exactly the reference's answer, including ties (lower index first), clustered
// remainders (many dwellings of one floor plan) and the 128-bit path.
TEST(SplitColumnTest, HistogramSelectionMatchesTheReference) {
  std::mt19937_64 rng(11);
  SplitScratch scratch;
  for (int round = 0; round < 400; ++round) {
    const std::size_t n = 1 + rng() % (round % 4 == 0 ? 5000 : 300);
    std::vector<std::int64_t> w(n), out(n);
    const int shape = round % 5;
    for (auto& x : w) {
      switch (shape) {
        case 0: x = 1 + static_cast<std::int64_t>(rng() % 3); break;          // few distinct
        case 1: x = 4000 + static_cast<std::int64_t>(rng() % 10000); break;   // 0.01 m²
        case 2: x = static_cast<std::int64_t>(rng() % 2) * 7000; break;       // zeros
        case 3: x = static_cast<std::int64_t>(rng() % 1'000'000'000'000); break;  // 128-bit
        default: x = static_cast<std::int64_t>(rng() % 500'000'000); break;   // balances
      }
    }
    w[rng() % n] += 1;
    const auto total = static_cast<std::int64_t>(shape == 3 ? rng() % 100'000'000'000
                                                            : rng() % 10'000'000'000);
    std::vector<std::int64_t> ref = ReferenceSplit(total, w);
    // collect = 0 and 1 force every histogram level; the default selects directly.
    for (std::size_t collect : {std::size_t{0}, std::size_t{1}, internal::kSplitCollect}) {
      ASSERT_TRUE(internal::SplitInto(
                      total, n, [&](std::size_t i) { return w[i]; }, out, scratch, collect)
                      .ok());
      for (std::size_t i = 0; i < n; ++i) {
        ASSERT_EQ(out[i], ref[i]) << round << " " << i << " collect " << collect;
      }
    }
  }
  // Ties by hand: 2 fen over three equal weights → 1, 1, 0 (the lower indexes win).
  std::vector<std::int64_t> w{5, 5, 5}, out(3);
  ASSERT_TRUE(internal::SplitInto(2, 3, [&](std::size_t i) { return w[i]; }, out, scratch, 0).ok());
  EXPECT_EQ(out, (std::vector<std::int64_t>{1, 1, 0}));
  // The reciprocal division is exact at the edges of 64 bits.
  const std::uint64_t kTop = std::uint64_t{1} << 63;
  for (std::uint64_t d : std::vector<std::uint64_t>{1, 3, 7, std::uint64_t{1} << 32, kTop - 1}) {
    const std::uint64_t m = UINT64_MAX / d;
    for (std::uint64_t p : std::vector<std::uint64_t>{0, 1, d - 1, d, 2 * d - 1, kTop - 1, UINT64_MAX}) {
      EXPECT_EQ(internal::DivideByReciprocal(p, d, m), p / d) << p << " / " << d;
    }
  }
}

TEST(SplitByWeightsTest, AgreesWithTheColumnSplitAndNegates) {
  const std::vector<std::int64_t> w{3, 0, 5, 5};
  std::vector<std::int64_t> out(w.size());
  ASSERT_TRUE(SplitColumn(1001, w, out).ok());
  absl::StatusOr<std::vector<Money>> parts = SplitByWeights(Money::Fen(-1001), w);
  ASSERT_TRUE(parts.ok());
  // 1001 × 3/13 = 231.0…, × 5/13 = 385.0… twice: 231 + 385 + 385 = 1001, no leftover.
  EXPECT_EQ(out, (std::vector<std::int64_t>{231, 0, 385, 385}));
  for (std::size_t i = 0; i < w.size(); ++i) EXPECT_EQ((*parts)[i].fen(), -out[i]);
}

}  // namespace
}  // namespace renewal
