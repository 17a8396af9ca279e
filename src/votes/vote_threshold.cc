// Threshold tests (docs/votes.md "Thresholds"): a test evaluated on the totals of
// a count, exactly, and its explanation in words.
#include <string>

#include "renewal/base/strcat.h"
#include "renewal/votes/vote.h"
#include "vote_threshold.h"

namespace renewal {
namespace {

std::string Amount(VoteBasis basis, std::int64_t v) {
  return basis == VoteBasis::kArea ? StrCat(Area::Centi(v).ToString(), " m²") : StrCat(v, " 人");
}
std::string AmountEn(VoteBasis basis, std::int64_t v) {
  if (basis == VoteBasis::kArea) return StrCat(Area::Centi(v).ToString(), " m²");
  return StrCat(v, v == 1 ? " owner" : " owners");
}

}  // namespace

ThresholdResult EvaluateThreshold(const ThresholdTest& test, const VoteTotals& totals) {
  return vote_internal::Evaluate(test, totals);
}

namespace vote_internal {

ThresholdResult Evaluate(const ThresholdTest& t, const VoteTotals& x) {
  ThresholdResult r;
  r.test = t;
  const bool area = t.basis == VoteBasis::kArea;
  const std::int64_t participating = area ? x.area_participating : x.heads_participating;
  r.numerator = t.counted == VoteCounted::kAgree ? (area ? x.area_agree : x.heads_agree) : participating;
  r.denominator = t.over == VoteOver::kAll ? (area ? x.area_total : x.heads_total) : participating;
  if (r.denominator == 0) {
    r.passed = false;
    r.reachable = false;
    return r;
  }
  // a/b of D: at_least needs N*b >= a*D, more_than N*b > a*D (exact, 128-bit).
  const __int128 lhs = static_cast<__int128>(r.numerator) * t.threshold.den;
  const __int128 rhs = static_cast<__int128>(t.threshold.num) * r.denominator;
  r.passed = t.comparison == VoteComparison::kAtLeast ? lhs >= rhs : lhs > rhs;
  // rhs >= 0; a 64-bit division when it fits (it does for any real scope) is
  // several times cheaper than a 128-bit one.
  const __int128 floor_q =
      rhs <= static_cast<__int128>(UINT64_MAX)
          ? static_cast<__int128>(static_cast<std::uint64_t>(rhs) /
                                  static_cast<std::uint64_t>(t.threshold.den))
          : rhs / t.threshold.den;
  const bool exact = floor_q * t.threshold.den == rhs;
  const __int128 minimum = t.comparison == VoteComparison::kAtLeast ? (exact ? floor_q : floor_q + 1)
                                                                 : floor_q + 1;
  r.minimum_to_pass = static_cast<std::int64_t>(minimum);
  r.margin = r.numerator - r.minimum_to_pass;
  r.reachable = r.minimum_to_pass <= r.denominator;
  return r;
}

}  // namespace vote_internal

std::string ExplainThresholdZh(const ThresholdResult& r) {
  const ThresholdTest& t = r.test;
  const bool area = t.basis == VoteBasis::kArea;
  const std::string what = StrCat(ZhOf(t.counted), area ? "面积" : "人数", " ",
                                  Amount(t.basis, r.numerator), " / ", ZhOf(t.over),
                                  area ? "面积" : "人数", " ", Amount(t.basis, r.denominator));
  if (r.denominator == 0) return StrCat(what, "：分母为0，无法通过");
  return StrCat(what, " = ", VotePercent(r.numerator, r.denominator), " ",
                t.comparison == VoteComparison::kAtLeast ? "≥" : ">", " ", ThresholdToString(t.threshold),
                "（", VotePercent(t.threshold.num, t.threshold.den), "）：",
                r.passed ? "通过" : "未通过", "；", r.passed ? "可再减少 " : "尚差 ",
                Amount(t.basis, r.margin >= 0 ? r.margin : -r.margin),
                r.reachable ? "" : "（超过分母，无法达到）");
}

std::string ExplainThresholdEn(const ThresholdResult& r) {
  const ThresholdTest& t = r.test;
  const bool area = t.basis == VoteBasis::kArea;
  const std::string what =
      StrCat(area ? "area " : "headcount ", EnOf(t.counted), " ", AmountEn(t.basis, r.numerator),
             " / ", area ? "area of " : "headcount of ", EnOf(t.over), " ",
             AmountEn(t.basis, r.denominator));
  if (r.denominator == 0) return StrCat(what, ": the denominator is 0, cannot pass");
  const std::string margin = AmountEn(t.basis, r.margin >= 0 ? r.margin : -r.margin);
  return StrCat(what, " = ", VotePercent(r.numerator, r.denominator), " ",
                t.comparison == VoteComparison::kAtLeast ? "≥" : ">", " ",
                ThresholdToString(t.threshold), " (", VotePercent(t.threshold.num, t.threshold.den),
                "): ", r.passed ? StrCat("passed; ", margin, " to spare")
                                : StrCat("failed; ", margin, " short"),
                r.reachable ? "" : " (more than the denominator: cannot be reached)");
}

}  // namespace renewal
