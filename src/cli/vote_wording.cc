#include "vote_wording.h"

namespace renewal::cli {

std::string M2(std::int64_t centi) { return Area::Centi(centi).ToString() + " m²"; }

std::string Owners(std::int64_t n) { return std::to_string(n) + (n == 1 ? " owner" : " owners"); }

std::string RuleLine(const VoteRule& rule, Lang lang) {
  if (lang == Lang::kZh) {
    return "规则：" + rule.name + " " + rule.title + "（" + rule.source + "）";
  }
  return "rule: " + rule.name + (rule.title_en.empty() ? "" : ", " + rule.title_en) +
         (rule.source.empty() ? "" : " (" + rule.source + ")");
}

std::string BallotCountsLine(const std::array<std::int64_t, kBallotStatusCount>& counts,
                             std::int64_t total, Lang lang) {
  const bool zh = lang == Lang::kZh;
  auto n = [&counts](BallotStatus s) { return std::to_string(counts[static_cast<std::size_t>(s)]); };
  std::int64_t rejected = 0;
  std::string reasons;
  for (std::size_t k = 0; k < kBallotStatusCount; ++k) {
    const auto st = static_cast<BallotStatus>(k);
    if (!IsRejection(st)) continue;
    rejected += counts[k];
    if (counts[k] > 0) {
      reasons += (zh ? "；" : "; ") + std::string(zh ? ZhOf(st) : EnOf(st)) + " " +
                 std::to_string(counts[k]);
    }
  }
  if (zh) {
    return "选票：共 " + std::to_string(total) + " 张；有效 " + n(BallotStatus::kAccepted) +
           "，被取代 " + n(BallotStatus::kSuperseded) + "，共有人一致 " +
           n(BallotStatus::kConcurring) + "，无效 " + std::to_string(rejected) + reasons;
  }
  return "ballots: " + std::to_string(total) + "; accepted " + n(BallotStatus::kAccepted) +
         ", superseded " + n(BallotStatus::kSuperseded) + ", concurring " +
         n(BallotStatus::kConcurring) + ", rejected " + std::to_string(rejected) + reasons;
}

std::string_view PassedWord(bool passed, Lang lang) {
  if (lang == Lang::kZh) return passed ? "通过" : "未通过";
  return passed ? "passed" : "not passed";
}

std::string ThresholdLine(const ThresholdResult& result, Lang lang) {
  return lang == Lang::kZh ? ExplainThresholdZh(result) : ExplainThresholdEn(result);
}

}  // namespace renewal::cli
