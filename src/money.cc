#include "renewal/money.h"

#include <algorithm>
#include <cstdlib>
#include <numeric>

#include "absl/numeric/int128.h"
#include "strcat.h"
#include "absl/strings/str_format.h"

namespace renewal {
namespace {

absl::Status Overflow(std::string_view what) {
  return absl::OutOfRangeError(StrCat("money overflow in ", what));
}

}  // namespace

absl::StatusOr<Money> Money::Yuan(std::int64_t yuan) {
  std::int64_t fen = 0;
  if (__builtin_mul_overflow(yuan, std::int64_t{100}, &fen)) return Overflow("Money::Yuan");
  return Money(fen);
}

absl::StatusOr<Money> Money::Parse(std::string_view text) {
  std::string_view s = text;
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  std::int64_t fen = 0;
  int decimals = -1;  // -1 until the point is seen
  bool any_digit = false;
  for (char c : s) {
    if (c == '.') {
      if (decimals >= 0) decimals = 3;  // a second point: invalid below
      else decimals = 0;
      continue;
    }
    if (c < '0' || c > '9' || decimals >= 2) {
      return absl::InvalidArgumentError(
          StrCat("money: expected yuan with at most two decimals, got \"", text, "\""));
    }
    any_digit = true;
    if (decimals >= 0) ++decimals;
    if (__builtin_mul_overflow(fen, std::int64_t{10}, &fen) ||
        __builtin_add_overflow(fen, std::int64_t{c - '0'}, &fen)) {
      return Overflow(StrCat("Money::Parse(\"", text, "\")"));
    }
  }
  if (!any_digit || decimals > 2) {
    return absl::InvalidArgumentError(
        StrCat("money: expected yuan with at most two decimals, got \"", text, "\""));
  }
  for (int d = std::max(decimals, 0); d < 2; ++d) {
    if (__builtin_mul_overflow(fen, std::int64_t{10}, &fen)) {
      return Overflow(StrCat("Money::Parse(\"", text, "\")"));
    }
  }
  return Money(negative ? -fen : fen);
}

std::string Money::ToYuanString() const {
  const absl::int128 v = fen_;
  const absl::int128 mag = v < 0 ? -v : v;
  return absl::StrFormat("%s%d.%02d", fen_ < 0 ? "-" : "",
                         absl::Int128Low64(mag / 100), absl::Int128Low64(mag % 100));
}

std::string Money::ToWanYuanString() const {
  // 0.01 万元 = 100 元 = 10,000 fen; round half away from zero.
  const absl::int128 v = fen_;
  absl::int128 mag = v < 0 ? -v : v;
  mag = (mag + 5000) / 10000;
  return absl::StrFormat("%s%d.%02d万", fen_ < 0 && mag != 0 ? "-" : "",
                         absl::Int128Low64(mag / 100), absl::Int128Low64(mag % 100));
}

absl::StatusOr<Money> Add(Money a, Money b) {
  std::int64_t r = 0;
  if (__builtin_add_overflow(a.fen(), b.fen(), &r)) return Overflow("Add");
  return Money::Fen(r);
}

absl::StatusOr<Money> Subtract(Money a, Money b) {
  std::int64_t r = 0;
  if (__builtin_sub_overflow(a.fen(), b.fen(), &r)) return Overflow("Subtract");
  return Money::Fen(r);
}

absl::StatusOr<Money> Multiply(Money a, std::int64_t factor) {
  std::int64_t r = 0;
  if (__builtin_mul_overflow(a.fen(), factor, &r)) return Overflow("Multiply");
  return Money::Fen(r);
}

absl::StatusOr<Money> Sum(std::span<const Money> parts) {
  Money total;
  for (Money m : parts) {
    absl::StatusOr<Money> next = Add(total, m);
    if (!next.ok()) return next.status();
    total = *next;
  }
  return total;
}

absl::StatusOr<std::vector<Money>> SplitByWeights(Money total,
                                                  std::span<const std::int64_t> weights) {
  if (weights.empty()) return absl::InvalidArgumentError("split: no weights");
  absl::int128 weight_sum = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] < 0) {
      return absl::InvalidArgumentError(
          StrCat("split: weights[", i, "] must be >= 0, got ", weights[i]));
    }
    weight_sum += weights[i];
  }
  if (weight_sum == 0) return absl::InvalidArgumentError("split: all weights are 0");

  const bool negative = total.fen() < 0;
  const absl::int128 amount = negative ? -absl::int128(total.fen()) : absl::int128(total.fen());
  std::vector<Money> parts(weights.size());
  std::vector<absl::int128> remainders(weights.size());
  absl::int128 given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const absl::int128 product = amount * weights[i];
    const absl::int128 floor_part = product / weight_sum;
    remainders[i] = product % weight_sum;
    parts[i] = Money::Fen(static_cast<std::int64_t>(floor_part));
    given += floor_part;
  }
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return remainders[a] > remainders[b];
  });
  // Fewer than weights.size() fen are left, so one pass suffices.
  for (std::size_t k = 0; given < amount; ++k, ++given) {
    parts[order[k]] = Money::Fen(parts[order[k]].fen() + 1);
  }
  if (negative) {
    for (Money& p : parts) p = Money::Fen(-p.fen());
  }
  return parts;
}

}  // namespace renewal
