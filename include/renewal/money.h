// Money as an integer count of fen (0.01 yuan), never a double. Arithmetic that
// could overflow is checked and reports an error instead of wrapping.
#ifndef RENEWAL_MONEY_H_
#define RENEWAL_MONEY_H_

#include <compare>
#include <cstdint>
#include <span>
#include <string>
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

// Splits `total` into parts proportional to `weights` (all ≥ 0, not all 0) with the
// largest-remainder (Hamilton) method. Each part first gets floor(total·w/W); the fen
// left over go one each to the parts with the largest remainders, ties broken by the
// lower index. The parts always add up to `total` exactly. Negative totals are split
// as the negation of splitting |total|. Intermediate products use 128-bit integers.
absl::StatusOr<std::vector<Money>> SplitByWeights(Money total,
                                                  std::span<const std::int64_t> weights);

}  // namespace renewal

#endif  // RENEWAL_MONEY_H_
