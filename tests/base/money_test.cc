// Money (integer fen), exact ratios and the largest-remainder split. Values are
// worked out by hand in the comments.
#include "renewal/base/money.h"
#include "renewal/base/split.h"

#include <cstdint>
#include <limits>
#include <numeric>
#include <random>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace renewal {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

std::vector<std::int64_t> Fen(const std::vector<Money>& parts) {
  std::vector<std::int64_t> out;
  for (Money m : parts) out.push_back(m.fen());
  return out;
}

TEST(MoneyTest, YuanAndParse) {
  EXPECT_EQ(Money::Yuan(6000)->fen(), 600000);
  EXPECT_EQ(Money::Parse("1234.56")->fen(), 123456);
  EXPECT_EQ(Money::Parse("12")->fen(), 1200);
  EXPECT_EQ(Money::Parse("0.5")->fen(), 50);
  EXPECT_EQ(Money::Parse("-0.05")->fen(), -5);
  EXPECT_EQ(Money::Parse("+3.")->fen(), 300);
  for (const char* bad : {"", "-", ".", "1.234", "1,000", "1e3", "1.2.3", " 1", "abc"}) {
    absl::StatusOr<Money> m = Money::Parse(bad);
    EXPECT_EQ(m.status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
  // 92233720368547758.07 元 is INT64_MAX fen; one fen more overflows.
  EXPECT_EQ(Money::Parse("92233720368547758.07")->fen(), kMax);
  EXPECT_EQ(Money::Parse("92233720368547758.08").status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(Money::Yuan(kMax / 100 + 1).status().code(), absl::StatusCode::kOutOfRange);
}

TEST(MoneyTest, FormatsYuanAndWanYuan) {
  EXPECT_EQ(Money::Fen(123456).ToYuanString(), "1234.56");
  EXPECT_EQ(Money::Fen(-5).ToYuanString(), "-0.05");
  EXPECT_EQ(Money::Fen(0).ToYuanString(), "0.00");
  EXPECT_EQ(Money::Fen(kMin).ToYuanString(), "-92233720368547758.08");
  // 3.38 亿元 = 33,800 万元.
  EXPECT_EQ(Money::Yuan(338'000'000)->ToWanYuanString(), "33800.00万");
  // 1,234,550 元 = 123.455 万 → rounds half away from zero to 123.46万.
  EXPECT_EQ(Money::Yuan(1'234'550)->ToWanYuanString(), "123.46万");
  EXPECT_EQ(Money::Yuan(1'234'549)->ToWanYuanString(), "123.45万");
  EXPECT_EQ(Money::Yuan(-1'234'550)->ToWanYuanString(), "-123.46万");
  // 49.99 元 rounds to 0.00万 without a minus sign.
  EXPECT_EQ(Money::Fen(-4999).ToWanYuanString(), "0.00万");
}

TEST(MoneyTest, CheckedArithmeticReportsOverflow) {
  EXPECT_EQ(Add(Money::Fen(1), Money::Fen(2))->fen(), 3);
  EXPECT_EQ(Add(Money::Fen(kMax), Money::Fen(1)).status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(Subtract(Money::Fen(kMin), Money::Fen(1)).status().code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(Multiply(Money::Fen(kMax / 2 + 1), 2).status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(Multiply(Money::Fen(-7), 3)->fen(), -21);
  std::vector<Money> parts = {Money::Fen(kMax), Money::Fen(1)};
  EXPECT_THAT(Sum(parts).status().message(), HasSubstr("overflow"));
  parts = {Money::Fen(5), Money::Fen(-2), Money::Fen(7)};
  EXPECT_EQ(Sum(parts)->fen(), 10);
}

TEST(RatioTest, ParsesAndCompareExactly) {
  EXPECT_EQ(*Ratio::ParsePercent("65"), Ratio::Percent(65));
  EXPECT_EQ(*Ratio::ParsePercent("65%"), *Ratio::Of(13, 20));
  EXPECT_EQ(*Ratio::ParsePercent("12.5"), *Ratio::Of(1, 8));
  EXPECT_EQ(Ratio::ParsePercent("12.5")->den(), 8);  // reduced
  EXPECT_EQ(*Ratio::ParsePercent("100"), Ratio::Whole());
  // 66.666667% is not 2/3: exact comparison, no floating point.
  EXPECT_NE(*Ratio::ParsePercent("66.666667"), *Ratio::Of(2, 3));
  EXPECT_LT(*Ratio::ParsePercent("66.666666"), *Ratio::Of(2, 3));
  EXPECT_GT(*Ratio::ParsePercent("66.666667"), *Ratio::Of(2, 3));
  for (const char* bad : {"", "%", "-5", "1.2.3", "abc", "1.1234567"}) {
    EXPECT_EQ(Ratio::ParsePercent(bad).status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
  EXPECT_EQ(Ratio::Of(1, 0).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Ratio::Of(-1, 2).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(Ratio::Percent(101).exceeds_one());
  EXPECT_FALSE(Ratio::Percent(100).exceeds_one());
}

TEST(RatioTest, AddsAndFormats) {
  // 65% + 35% = 1 exactly.
  EXPECT_EQ(*Ratio::Add(Ratio::Percent(65), Ratio::Percent(35)), Ratio::Whole());
  // 1/3 + 1/6 = 1/2.
  EXPECT_EQ(*Ratio::Add(*Ratio::Of(1, 3), *Ratio::Of(1, 6)), *Ratio::Of(1, 2));
  EXPECT_EQ(Ratio::Percent(65).ToPercentString(), "65%");
  EXPECT_EQ(Ratio::ParsePercent("12.5")->ToPercentString(), "12.5%");
  EXPECT_EQ(Ratio::Of(2, 3)->ToPercentString(), "66.666666…%");
  EXPECT_EQ(Ratio().ToPercentString(), "0%");
  EXPECT_EQ(Ratio::Add(*Ratio::Of(1, kMax), *Ratio::Of(1, kMax - 1)).status().code(),
            absl::StatusCode::kOutOfRange);
}

TEST(RatioTest, MultiplyRoundsAsDocumented) {
  // 65% of 1.01 元 = 65.65 fen → 66 (half away), 65 (toward zero).
  EXPECT_EQ(MultiplyRatio(Money::Fen(101), Ratio::Percent(65))->fen(), 66);
  EXPECT_EQ(MultiplyRatio(Money::Fen(101), Ratio::Percent(65), Rounding::kTowardZero)->fen(), 65);
  // 50% of 5 fen = 2.5 → 3 half away, 2 half even; 50% of 7 = 3.5 → 4 both.
  EXPECT_EQ(MultiplyRatio(Money::Fen(5), Ratio::Percent(50))->fen(), 3);
  EXPECT_EQ(MultiplyRatio(Money::Fen(5), Ratio::Percent(50), Rounding::kHalfEven)->fen(), 2);
  EXPECT_EQ(MultiplyRatio(Money::Fen(7), Ratio::Percent(50), Rounding::kHalfEven)->fen(), 4);
  EXPECT_EQ(MultiplyRatio(Money::Fen(-5), Ratio::Percent(50))->fen(), -3);
  // 1/3 of 100 fen = 33.33 → 33.
  EXPECT_EQ(MultiplyRatio(Money::Fen(100), *Ratio::Of(1, 3))->fen(), 33);
  // Huge intermediate products are exact (int64 max × 99/100 fits after division).
  EXPECT_EQ(MultiplyRatio(Money::Fen(kMax), Ratio::Percent(100))->fen(), kMax);
  EXPECT_EQ(MultiplyRatio(Money::Fen(kMax), Ratio::Percent(200)).status().code(),
            absl::StatusCode::kOutOfRange);
}

TEST(SplitTest, LargestRemainderWithLowerIndexTieBreak) {
  // 100 fen by 1:1:1 → 33.33 each, one fen left; all remainders equal → index 0.
  std::vector<std::int64_t> w = {1, 1, 1};
  EXPECT_THAT(Fen(*SplitByWeights(Money::Fen(100), w)), ElementsAre(34, 33, 33));
  // 10 fen by 3:3:4 → 3, 3, 4 exact.
  w = {3, 3, 4};
  EXPECT_THAT(Fen(*SplitByWeights(Money::Fen(10), w)), ElementsAre(3, 3, 4));
  // 7 fen by 1:2:4 ... 1, 2, 4 exact; 8 fen by 1:2:4 → 8/7, 16/7, 32/7 = 1.14, 2.29, 4.57:
  // floors 1+2+4 = 7, remainders 1/7, 2/7, 4/7 → the extra fen goes to index 2.
  w = {1, 2, 4};
  EXPECT_THAT(Fen(*SplitByWeights(Money::Fen(8), w)), ElementsAre(1, 2, 5));
  // Negative totals mirror: -100 by 1:1:1 → -34, -33, -33.
  w = {1, 1, 1};
  EXPECT_THAT(Fen(*SplitByWeights(Money::Fen(-100), w)), ElementsAre(-34, -33, -33));
  // A zero weight gets nothing.
  w = {0, 1, 1};
  EXPECT_THAT(Fen(*SplitByWeights(Money::Fen(3), w)), ElementsAre(0, 2, 1));
}

TEST(SplitTest, RejectsBadWeights) {
  std::vector<std::int64_t> w;
  EXPECT_EQ(SplitByWeights(Money::Fen(1), w).status().code(), absl::StatusCode::kInvalidArgument);
  w = {0, 0};
  EXPECT_THAT(SplitByWeights(Money::Fen(1), w).status().message(), HasSubstr("all weights are 0"));
  w = {1, -2};
  EXPECT_THAT(SplitByWeights(Money::Fen(1), w).status().message(), HasSubstr("weights[1]"));
  w = {1};
  EXPECT_EQ(SplitByWeights(Money::Fen(kMin), w).status().code(), absl::StatusCode::kOutOfRange);
}

TEST(SplitTest, AccumulateMatchesSplitByWeights) {
  std::mt19937_64 rng(7);
  SplitScratch scratch;
  for (int round = 0; round < 2000; ++round) {
    const std::size_t n = 1 + rng() % 40;
    std::vector<std::uint32_t> w32(n);
    std::vector<std::int64_t> w64(n);
    for (std::size_t i = 0; i < n; ++i) {
      // Areas in 0.01 m², often equal (ties), sometimes zero.
      w32[i] = static_cast<std::uint32_t>(rng() % 4 == 0 ? 5000 : rng() % 20000);
      w64[i] = w32[i];
    }
    if (std::accumulate(w64.begin(), w64.end(), std::int64_t{0}) == 0) continue;
    const Money total = Money::Fen(static_cast<std::int64_t>(rng() % 10'000'000) - 1'000'000);
    std::vector<std::int64_t> acc(n, 0);
    ASSERT_TRUE(AccumulateSplit(total, w32, acc, scratch).ok());
    EXPECT_EQ(acc, Fen(*SplitByWeights(total, w64)));
    EXPECT_EQ(std::accumulate(acc.begin(), acc.end(), std::int64_t{0}), total.fen());
  }
}

// Amounts near the int64 limit and large weights take the 128-bit path.
TEST(SplitTest, AccumulateLargeAmountsUse128Bits) {
  std::mt19937_64 rng(11);
  SplitScratch scratch;
  for (int round = 0; round < 500; ++round) {
    const std::size_t n = 1 + rng() % 10;
    std::vector<std::uint32_t> w32(n);
    std::vector<std::int64_t> w64(n);
    for (std::size_t i = 0; i < n; ++i) {
      w32[i] = static_cast<std::uint32_t>(rng() | 1u);
      w64[i] = w32[i];
    }
    const Money total = Money::Fen(static_cast<std::int64_t>(rng() >> 1));
    std::vector<std::int64_t> acc(n, 0);
    ASSERT_TRUE(AccumulateSplit(total, w32, acc, scratch).ok());
    EXPECT_EQ(acc, Fen(*SplitByWeights(total, w64)));
  }
}

TEST(SplitTest, AccumulateChangesNothingOnError) {
  SplitScratch scratch;
  std::vector<std::uint32_t> w = {1, 1};
  std::vector<std::int64_t> acc = {kMax, 0};
  EXPECT_EQ(AccumulateSplit(Money::Fen(2), w, acc, scratch).code(), absl::StatusCode::kOutOfRange);
  EXPECT_THAT(acc, ElementsAre(kMax, 0));
  std::vector<std::int64_t> short_acc = {0};
  EXPECT_EQ(AccumulateSplit(Money::Fen(2), w, short_acc, scratch).code(),
            absl::StatusCode::kInvalidArgument);
  std::vector<std::uint32_t> zero = {0, 0};
  acc = {0, 0};
  EXPECT_EQ(AccumulateSplit(Money::Fen(2), zero, acc, scratch).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(acc, ElementsAre(0, 0));
}

}  // namespace
}  // namespace renewal
