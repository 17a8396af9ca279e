// The works policies: validation and the presets (sources in docs/works.md).
#include "renewal/works/works_policy.h"

#include <set>

#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"

namespace renewal {
namespace {

absl::Status CheckDeadline(const DeadlineRule& rule, std::string_view field) {
  if (rule.amount < 0) {
    return absl::InvalidArgumentError(StrCat("works policy complaints.", field,
                                             ": must be >= 0 days, got ", rule.amount));
  }
  return absl::OkStatus();
}

absl::Status CheckLimit(const AppointmentLimit& l, std::string_view field) {
  if (l.min < 0 || l.max < l.min) {
    return absl::InvalidArgumentError(StrCat("works policy appointments.", field,
                                             ": need 0 <= min <= max, got ", l.min, "..", l.max));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateWorksPolicy(const WorksPolicy& p) {
  RENEWAL_RETURN_IF_ERROR(CheckDeadline(p.complaints.accept, "accept"));
  RENEWAL_RETURN_IF_ERROR(CheckDeadline(p.complaints.handle, "handle"));
  RENEWAL_RETURN_IF_ERROR(CheckDeadline(p.complaints.revisit, "revisit"));
  if (p.complaints.tiers.empty()) {
    return absl::InvalidArgumentError("works policy complaints.tiers: at least one tier is needed");
  }
  std::set<std::string> keys;
  for (std::size_t i = 0; i < p.complaints.tiers.size(); ++i) {
    if (p.complaints.tiers[i].key.empty() || !keys.insert(p.complaints.tiers[i].key).second) {
      return absl::InvalidArgumentError(StrCat("works policy complaints.tiers[", i,
                                               "] key: empty or repeated \"",
                                               p.complaints.tiers[i].key, "\""));
    }
  }
  if (p.changes.major_amount && p.changes.major_amount->is_negative()) {
    return absl::InvalidArgumentError(StrCat("works policy changes.major_amount: must be >= 0, got ",
                                             p.changes.major_amount->ToYuanString()));
  }
  if (p.changes.major_share && p.changes.major_share->exceeds_one()) {
    return absl::InvalidArgumentError(StrCat("works policy changes.major_share: must be at most 100%, got ",
                                             p.changes.major_share->ToPercentString()));
  }
  std::set<std::string> kinds;
  for (std::size_t i = 0; i < p.warranty.periods.size(); ++i) {
    const WarrantyPeriod& w = p.warranty.periods[i];
    if (w.months <= 0 || w.item_kind.empty() || !kinds.insert(w.item_kind).second) {
      return absl::InvalidArgumentError(StrCat("works policy warranty.periods[", i, "] \"", w.item_kind,
                                               "\": needs a unique kind and months > 0"));
    }
  }
  if (p.warranty.revisit_months <= 0) {
    return absl::InvalidArgumentError(StrCat("works policy warranty.revisit_months: must be > 0, got ",
                                             p.warranty.revisit_months));
  }
  RENEWAL_RETURN_IF_ERROR(CheckLimit(p.appointments.supervisors, "supervisors"));
  RENEWAL_RETURN_IF_ERROR(CheckLimit(p.appointments.council, "council"));
  return absl::OkStatus();
}

ComplaintPolicy LiuyangHuitongComplaints() {
  ComplaintPolicy p;
  p.name = "liuyang_huitong";
  // The seeds name the steps and the tiers but no time limits; these are the
  // project's defaults (docs/works.md), meant to be set by each city.
  p.accept = {1, DeadlineUnit::kWorkingDays};
  p.handle = {5, DeadlineUnit::kWorkingDays};
  p.revisit = {3, DeadlineUnit::kWorkingDays};
  p.tiers = {{"party_member", "党员", "party member"},
             {"party_group", "党小组", "party group"},
             {"task_force", "工作专班", "task force"}};
  p.source =
      "《湖南省城镇老旧小区改造“解难题、建机制”可复制经验做法清单（第一批）》（湘建城函〔2021〕161号）："
      "浏阳市普通问题党员解、职能问题党小组解、复杂问题工作专班解；会同县受理—化解处理—回访核实";
  return p;
}

ChangePolicy HuitongChanges() {
  ChangePolicy p;
  p.name = "huitong";
  // Huitong separates ordinary and major changes without a number; 10 % of the
  // contract or 500,000 yuan is the project's default (docs/works.md).
  p.major_amount = *Money::Yuan(500'000);
  p.major_share = Ratio::Percent(10);
  p.source =
      "《湖南省城镇老旧小区改造“解难题、建机制”可复制经验做法清单（第一批）》（湘建城函〔2021〕161号）："
      "会同县老旧小区改造工程变更签证管理细则";
  return p;
}

AcceptancePolicy Hebei80Acceptance() {
  return {"hebei_80", "hebei_80_acceptance",
          "《城镇老旧小区改造可复制政策机制清单（第四批）》：河北省80%的居民满意方可组织竣工验收"};
}

WarrantyPolicy DefaultWarranty() {
  WarrantyPolicy p;
  p.name = "regulation_279";
  // 《建设工程质量管理条例》（国务院令第279号）第四十条: waterproofing 5 years;
  // electrical, plumbing, equipment installation and finishing 2 years.
  p.periods = {{"waterproofing", 60}, {"electrical", 24}, {"plumbing", 24},
               {"equipment", 24},     {"finishing", 24}};
  p.revisit_months = 12;
  p.source = "《建设工程质量管理条例》（国务院令第279号）第四十条";
  return p;
}

AppointmentPolicy DaoxianSuiningAppointments() {
  AppointmentPolicy p;
  p.name = "daoxian_suining";
  p.supervisors = {1, 2};
  p.council = {3, 5};
  p.source =
      "《湖南省城镇老旧小区改造“解难题、建机制”可复制经验做法清单（第一批）》（湘建城函〔2021〕161号）："
      "道县每个小区受聘1-2人特邀义务监督员；绥宁县每个小区3-5名住户组建居民理事会";
  return p;
}

WorksPolicy DefaultWorksPolicy() {
  return {LiuyangHuitongComplaints(), HuitongChanges(), Hebei80Acceptance(), DefaultWarranty(),
          DaoxianSuiningAppointments()};
}

}  // namespace renewal
