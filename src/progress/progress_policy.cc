// Guard presets and overdue limits.
#include "renewal/progress/progress_policy.h"

#include <string>

#include "renewal/base/strcat.h"

namespace renewal {
namespace {

constexpr std::string_view kPresetNames[] = {"national", "national_works", "yueyang"};

EvidenceRequirement Need(EvidenceKind kind, std::vector<std::string> rules, std::string zh,
                         std::string en) {
  return EvidenceRequirement{kind, std::move(rules), std::move(zh), std::move(en)};
}

std::vector<EvidenceRequirement>& At(GuardPolicy& p, Stage s) {
  return p.requirements[static_cast<std::size_t>(s)];
}

// 国办发〔2020〕23号 (二)(三): plans are settled with the residents ("居民议定"), the
// works are accepted jointly with them. Any counted rule that passed will do.
void National(GuardPolicy& p) {
  p.source = "国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见（国办发〔2020〕23号）";
  At(p, Stage::kPlanVote).push_back(Need(EvidenceKind::kVote, {}, "通过的改造方案表决",
                                         "a passed vote on the renovation plan"));
  At(p, Stage::kStarted).push_back(Need(EvidenceKind::kVote, {}, "通过的改造方案表决",
                                        "a passed vote on the renovation plan"));
  At(p, Stage::kJointAcceptance).push_back(Need(EvidenceKind::kAcceptance, {},
                                                "通过的联合竣工验收记录",
                                                "a passed joint acceptance record"));
}

}  // namespace

std::span<const std::string_view> GuardPresetNames() { return kPresetNames; }

absl::StatusOr<GuardPolicy> GuardPreset(std::string_view name) {
  GuardPolicy p;
  p.name = std::string(name);
  if (name == "national") {
    National(p);
  } else if (name == "national_works") {
    // National, with the acceptance records kept by the works area (docs/works.md):
    // 完工 needs a passed step inspection (北京 举牌验收, 《城镇老旧小区改造可复制政策机制清单（第四批）》),
    // 联合竣工验收 the joint acceptance form signed by every party (and the residents'
    // satisfaction vote where the works policy asks for one).
    National(p);
    p.source = StrCat(p.source, "；《城镇老旧小区改造可复制政策机制清单（第四批）》 举牌验收");
    At(p, Stage::kCompleted).push_back(
        Need(EvidenceKind::kAcceptance, {std::string(kStepInspectionRule)}, "通过的举牌验收记录",
             "a passed step inspection"));
    At(p, Stage::kJointAcceptance).clear();
    At(p, Stage::kJointAcceptance).push_back(
        Need(EvidenceKind::kAcceptance, {std::string(kJointAcceptanceRule)},
             "各方签字完成的联合竣工验收记录", "a joint acceptance signed by every party"));
  } else if (name == "yueyang") {
    National(p);
    p.source =
        "《岳阳市城区老旧小区改造工作实施方案（征求意见稿）》 七、实施步骤（一）5、（二）";
    // 七(一)5: the city office reviews the applications before the annual plan.
    At(p, Stage::kAnnualPlan).push_back(Need(EvidenceKind::kReview, {}, "通过的审查意见",
                                             "a passed review"));
    // 七(二): the plan is publicised and signed by owners holding 双2/3.
    const std::vector<std::string> yueyang = {"yueyang_double_two_thirds"};
    for (Stage s : {Stage::kPlanVote, Stage::kStarted}) {
      At(p, s).clear();
      At(p, s).push_back(Need(EvidenceKind::kVote, yueyang, "双2/3以上业主签字同意的方案表决",
                              "a passed plan vote under the double two-thirds rule"));
    }
    At(p, Stage::kStarted).push_back(Need(EvidenceKind::kReview, {}, "通过的审查意见",
                                          "a passed review"));
  } else {
    return absl::NotFoundError(
        StrCat("policy: no guard preset named \"", name, "\" (presets: national, national_works, yueyang)"));
  }
  return p;
}

absl::StatusOr<OverduePolicy> ParseOverdueLimits(std::string_view text) {
  OverduePolicy p;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find(',', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view part = text.substr(pos, end - pos);
    const std::size_t eq = part.find('=');
    if (eq == std::string_view::npos) {
      return absl::InvalidArgumentError(
          StrCat("limits: expected STAGE=DAYS, got \"", part, "\""));
    }
    const std::optional<Stage> stage = ParseLabel<Stage>(part.substr(0, eq));
    if (!stage) {
      return absl::InvalidArgumentError(
          StrCat("limits: unknown stage \"", part.substr(0, eq), "\""));
    }
    const std::string_view days = part.substr(eq + 1);
    std::int64_t n = 0;
    if (days.empty() || days.size() > 6) {
      return absl::InvalidArgumentError(StrCat("limits: days for ", part.substr(0, eq),
                                               ": expected 1 to 999999, got \"", days, "\""));
    }
    for (char c : days) {
      if (c < '0' || c > '9') {
        return absl::InvalidArgumentError(StrCat("limits: days for ", part.substr(0, eq),
                                                 ": expected 1 to 999999, got \"", days, "\""));
      }
      n = n * 10 + (c - '0');
    }
    if (n == 0) {
      return absl::InvalidArgumentError(
          StrCat("limits: days for ", part.substr(0, eq), ": must be >= 1"));
    }
    p.max_days[static_cast<std::size_t>(*stage)] = n;
    pos = end + 1;
  }
  return p;
}

}  // namespace renewal
