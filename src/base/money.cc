#include "renewal/base/money.h"

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <numeric>

#include "absl/numeric/int128.h"
#include "renewal/base/strcat.h"
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
  if (total.fen() == std::numeric_limits<std::int64_t>::min()) return Overflow("SplitByWeights");

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

absl::StatusOr<Ratio> Ratio::Of(std::int64_t num, std::int64_t den) {
  if (den <= 0) {
    return absl::InvalidArgumentError(StrCat("ratio: denominator must be > 0, got ", den));
  }
  if (num < 0) {
    return absl::InvalidArgumentError(StrCat("ratio: numerator must be >= 0, got ", num));
  }
  const std::int64_t g = std::gcd(num, den);
  return Ratio(num / g, den / g);
}

absl::StatusOr<Ratio> Ratio::ParsePercent(std::string_view text) {
  std::string_view s = text;
  if (!s.empty() && s.back() == '%') s.remove_suffix(1);
  const auto bad = [&] {
    return absl::InvalidArgumentError(StrCat(
        "percent: expected a number >= 0 with at most 6 decimals, got \"", text, "\""));
  };
  std::int64_t num = 0;
  std::int64_t den = 100;
  int decimals = -1;
  bool any_digit = false;
  for (char c : s) {
    if (c == '.') {
      if (decimals >= 0) return bad();
      decimals = 0;
      continue;
    }
    if (c < '0' || c > '9') return bad();
    any_digit = true;
    if (decimals >= 0) {
      if (++decimals > 6) return bad();
      den *= 10;
    }
    if (__builtin_mul_overflow(num, std::int64_t{10}, &num) ||
        __builtin_add_overflow(num, std::int64_t{c - '0'}, &num)) {
      return absl::OutOfRangeError(StrCat("percent: \"", text, "\" is too large"));
    }
  }
  if (!any_digit) return bad();
  return Of(num, den);
}

std::strong_ordering operator<=>(Ratio a, Ratio b) {
  const absl::int128 l = absl::int128(a.num_) * b.den_;
  const absl::int128 r = absl::int128(b.num_) * a.den_;
  if (l < r) return std::strong_ordering::less;
  if (l > r) return std::strong_ordering::greater;
  return std::strong_ordering::equal;
}

absl::StatusOr<Ratio> Ratio::Add(Ratio a, Ratio b) {
  const std::int64_t g = std::gcd(a.den_, b.den_);
  const absl::int128 den = absl::int128(a.den_ / g) * b.den_;
  const absl::int128 num = absl::int128(a.num_) * (b.den_ / g) + absl::int128(b.num_) * (a.den_ / g);
  // Reduce in 128 bits, then check the fit.
  absl::int128 x = num, y = den;
  while (y != 0) {
    const absl::int128 t = x % y;
    x = y;
    y = t;
  }
  const absl::int128 rn = x == 0 ? num : num / x;
  const absl::int128 rd = x == 0 ? den : den / x;
  const absl::int128 kMax = std::numeric_limits<std::int64_t>::max();
  if (rn > kMax || rd > kMax) return absl::OutOfRangeError("ratio: sum does not fit in 64 bits");
  return Ratio(static_cast<std::int64_t>(rn), static_cast<std::int64_t>(rd));
}

std::string Ratio::ToPercentString() const {
  // 100·num/den with up to six decimals, trailing zeros dropped.
  const absl::int128 scaled = absl::int128(num_) * 100 * 1'000'000;
  const absl::int128 q = scaled / den_;
  const bool exact = scaled % den_ == 0;
  std::string out = absl::StrFormat("%d", absl::Int128Low64(q / 1'000'000));
  std::string frac = absl::StrFormat("%06d", absl::Int128Low64(q % 1'000'000));
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  if (!frac.empty()) out += "." + frac;
  if (!exact) out += "…";
  return out + "%";
}

absl::StatusOr<Money> MultiplyRatio(Money m, Ratio r, Rounding rounding) {
  const absl::int128 product = absl::int128(m.fen()) * r.num();
  const absl::int128 den = r.den();
  absl::int128 q = product / den;  // truncates toward zero
  const absl::int128 rem = product % den;
  if (rem != 0) {
    const absl::int128 twice = (rem < 0 ? -rem : rem) * 2;
    const int sign = product < 0 ? -1 : 1;
    bool up = false;  // away from zero
    switch (rounding) {
      case Rounding::kHalfAwayFromZero: up = twice >= den; break;
      case Rounding::kTowardZero: up = false; break;
      case Rounding::kHalfEven: up = twice > den || (twice == den && q % 2 != 0); break;
    }
    if (up) q += sign;
  }
  if (q > std::numeric_limits<std::int64_t>::max() || q < std::numeric_limits<std::int64_t>::min()) {
    return Overflow("MultiplyRatio");
  }
  return Money::Fen(static_cast<std::int64_t>(q));
}

absl::Status AccumulateSplit(Money total, std::span<const std::uint32_t> weights,
                             std::span<std::int64_t> accumulate, SplitScratch& scratch) {
  if (weights.size() != accumulate.size()) {
    return absl::InvalidArgumentError(StrCat("split: ", weights.size(), " weights but ",
                                             accumulate.size(), " accumulators"));
  }
  if (weights.empty()) return absl::InvalidArgumentError("split: no weights");
  std::uint64_t weight_sum = 0;  // < 2^32 · 2^32 only if > 4e9 parts: fine in practice
  for (std::uint32_t w : weights) {
    if (__builtin_add_overflow(weight_sum, std::uint64_t{w}, &weight_sum)) {
      return absl::OutOfRangeError("split: weight sum overflows");
    }
  }
  if (weight_sum == 0) return absl::InvalidArgumentError("split: all weights are 0");
  if (total.fen() == std::numeric_limits<std::int64_t>::min()) return Overflow("AccumulateSplit");
  const bool negative = total.fen() < 0;
  const absl::uint128 amount =
      negative ? absl::uint128(-absl::int128(total.fen())) : absl::uint128(total.fen());
  const std::size_t n = weights.size();
  scratch.parts.resize(n);
  scratch.remainders.resize(n);
  absl::uint128 given = 0;
  std::uint32_t max_weight = 0;
  for (std::uint32_t w : weights) max_weight = std::max(max_weight, w);
  if (amount <= absl::uint128(UINT64_MAX / (std::uint64_t{max_weight} + 1))) {
    // Fast path: every product fits in 64 bits (amount < 2^64 / max weight, e.g. any
    // amount below 1.8e15 fen over areas below 100 m² × 10^4): 64-bit divisions.
    const std::uint64_t a = absl::Uint128Low64(amount);
    std::uint64_t g = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t product = a * weights[i];
      const std::uint64_t q = product / weight_sum;
      scratch.remainders[i] = product - q * weight_sum;
      scratch.parts[i] = static_cast<std::int64_t>(q);
      g += q;
    }
    given = g;
  } else {
    for (std::size_t i = 0; i < n; ++i) {
      const absl::uint128 product = amount * weights[i];
      const absl::uint128 floor_part = product / weight_sum;
      scratch.remainders[i] = absl::Uint128Low64(product % weight_sum);
      scratch.parts[i] = static_cast<std::int64_t>(absl::Uint128Low64(floor_part));
      given += floor_part;
    }
  }
  std::uint64_t left = absl::Uint128Low64(amount - given);  // < n
  if (left > 0) {
    // Only the `left` largest remainders matter: partial sort on indices; ties by
    // lower index, as in SplitByWeights.
    scratch.order.resize(n);
    for (std::size_t i = 0; i < n; ++i) scratch.order[i] = static_cast<std::uint32_t>(i);
    const auto by_remainder = [&](std::uint32_t a, std::uint32_t b) {
      if (scratch.remainders[a] != scratch.remainders[b]) {
        return scratch.remainders[a] > scratch.remainders[b];
      }
      return a < b;
    };
    std::nth_element(scratch.order.begin(),
                     scratch.order.begin() + static_cast<std::ptrdiff_t>(left - 1),
                     scratch.order.end(), by_remainder);
    for (std::uint64_t k = 0; k < left; ++k) ++scratch.parts[scratch.order[k]];
  }
  // Check every addition first so that an overflow changes nothing.
  for (std::size_t i = 0; i < n; ++i) {
    std::int64_t sum = 0;
    const std::int64_t part = negative ? -scratch.parts[i] : scratch.parts[i];
    if (__builtin_add_overflow(accumulate[i], part, &sum)) return Overflow("AccumulateSplit");
  }
  for (std::size_t i = 0; i < n; ++i) {
    accumulate[i] += negative ? -scratch.parts[i] : scratch.parts[i];
  }
  return absl::OkStatus();
}

}  // namespace renewal
