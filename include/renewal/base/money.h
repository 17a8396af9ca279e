// Money as an integer count of fen (0.01 yuan), never a double. Arithmetic that
// could overflow is checked and reports an error instead of wrapping.
#ifndef RENEWAL_MONEY_H_
#define RENEWAL_MONEY_H_

#include <compare>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace renewal {

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money Fen(std::int64_t fen) { return Money(fen); }
  // Whole yuan; checked because 元 × 100 can overflow.
  static absl::StatusOr<Money> Yuan(std::int64_t yuan);
  // Parses "1234.56", "-0.5", "12" (at most two decimals; no exponent, no separators).
  static absl::StatusOr<Money> Parse(std::string_view text);

  constexpr std::int64_t fen() const { return fen_; }
  constexpr bool is_zero() const { return fen_ == 0; }
  constexpr bool is_negative() const { return fen_ < 0; }

  friend constexpr auto operator<=>(Money, Money) = default;

  // "1234.56" (元, two decimals).
  std::string ToYuanString() const;
  // "123.46万" rounded half away from zero to 0.01 万元 (100 元); for reports.
  std::string ToWanYuanString() const;

 private:
  constexpr explicit Money(std::int64_t fen) : fen_(fen) {}
  std::int64_t fen_ = 0;
};

// Checked arithmetic: OutOfRange instead of signed overflow.
absl::StatusOr<Money> Add(Money a, Money b);
absl::StatusOr<Money> Subtract(Money a, Money b);
absl::StatusOr<Money> Multiply(Money a, std::int64_t factor);
absl::StatusOr<Money> Sum(std::span<const Money> parts);

// An exact non-negative rational num/den (den > 0), e.g. a percentage 65/100 or
// 1/3. Never a double: comparisons cross-multiply in 128 bits, so 2/3 == 66.6…%
// only when it is exactly 2/3.
class Ratio {
 public:
  constexpr Ratio() = default;  // 0/1
  // num ≥ 0, den > 0; otherwise InvalidArgument.
  static absl::StatusOr<Ratio> Of(std::int64_t num, std::int64_t den);
  // p percent, p ≥ 0 (not range-checked: callers validate against their own limit).
  static constexpr Ratio Percent(std::int64_t p) { return Ratio(p, 100); }
  static constexpr Ratio Whole() { return Ratio(1, 1); }
  // Parses a percentage: "65", "12.5", "33.3333", "65%" (up to 6 decimals, ≥ 0).
  static absl::StatusOr<Ratio> ParsePercent(std::string_view text);

  constexpr std::int64_t num() const { return num_; }
  constexpr std::int64_t den() const { return den_; }
  constexpr bool is_zero() const { return num_ == 0; }
  // num/den > 1.
  bool exceeds_one() const { return num_ > den_; }

  friend std::strong_ordering operator<=>(Ratio a, Ratio b);
  friend bool operator==(Ratio a, Ratio b) { return (a <=> b) == 0; }

  // Exact sum; OutOfRange when the reduced result does not fit in 64 bits.
  static absl::StatusOr<Ratio> Add(Ratio a, Ratio b);

  // "65%", "12.5%", "33.333333…%" (at most 6 decimals, then "…" when inexact).
  std::string ToPercentString() const;

 private:
  constexpr Ratio(std::int64_t num, std::int64_t den) : num_(num), den_(den) {}
  std::int64_t num_ = 0;
  std::int64_t den_ = 1;
};

enum class Rounding : std::uint8_t {
  kHalfAwayFromZero,  // 0.5 fen → 1 fen, -0.5 → -1 (the usual 四舍五入)
  kTowardZero,        // truncate
  kHalfEven,          // banker's rounding
};

// m × r rounded to whole fen; OutOfRange if the result does not fit.
absl::StatusOr<Money> MultiplyRatio(Money m, Ratio r,
                                    Rounding rounding = Rounding::kHalfAwayFromZero);

}  // namespace renewal

#endif  // RENEWAL_MONEY_H_
