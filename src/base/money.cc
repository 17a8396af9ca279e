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

}  // namespace renewal
