#include "vote_wording.h"

namespace renewal::cli {

std::string M2(std::int64_t centi) { return Area::Centi(centi).ToString() + " m²"; }

std::string RuleLine(const VoteRule& rule) {
  return "规则：" + rule.name + " " + rule.title + "（" + rule.source + "）";
}

std::string BallotCountsLine(const std::array<std::int64_t, kBallotStatusCount>& counts,
                             std::int64_t total) {
  auto n = [&counts](BallotStatus s) { return std::to_string(counts[static_cast<std::size_t>(s)]); };
  std::int64_t rejected = 0;
  std::string reasons;
  for (std::size_t k = 0; k < kBallotStatusCount; ++k) {
    const auto st = static_cast<BallotStatus>(k);
    if (!IsRejection(st)) continue;
    rejected += counts[k];
    if (counts[k] > 0) reasons += "；" + std::string(ZhOf(st)) + " " + std::to_string(counts[k]);
  }
  return "选票：共 " + std::to_string(total) + " 张；有效 " + n(BallotStatus::kAccepted) + "，被取代 " +
         n(BallotStatus::kSuperseded) + "，共有人一致 " + n(BallotStatus::kConcurring) + "，无效 " +
         std::to_string(rejected) + reasons;
}

}  // namespace renewal::cli
