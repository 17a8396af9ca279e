// Floor area kept exact as an integer count of 0.01 m² (the registers give two
// decimals); sums of areas are exact, which vote thresholds rely on.
#ifndef RENEWAL_AREA_H_
#define RENEWAL_AREA_H_

#include <compare>
#include <cstdint>
#include <string>

namespace renewal {

class Area {
 public:
  constexpr Area() = default;
  static constexpr Area Centi(std::int64_t centi_m2) { return Area(centi_m2); }

  // Integer count of 0.01 m².
  constexpr std::int64_t centi() const { return centi_; }
  constexpr double m2() const { return static_cast<double>(centi_) / 100.0; }

  friend constexpr auto operator<=>(Area, Area) = default;
  constexpr Area& operator+=(Area other) { centi_ += other.centi_; return *this; }
  friend constexpr Area operator+(Area a, Area b) { return a += b; }
  constexpr Area& operator-=(Area other) { centi_ -= other.centi_; return *this; }
  friend constexpr Area operator-(Area a, Area b) { return a -= b; }

  // "72.35", "-12.00".
  std::string ToString() const;

 private:
  constexpr explicit Area(std::int64_t centi) : centi_(centi) {}
  std::int64_t centi_ = 0;
};

}  // namespace renewal

#endif  // RENEWAL_AREA_H_
