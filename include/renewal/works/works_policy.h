// The policies the works follow: complaint deadlines and escalation tiers, what makes
// a change order major, the acceptance preconditions, warranty periods, how many
// supervisors an estate has. Presets cite their sources; docs/works.md says which
// numbers the sources leave open and what the presets chose.
#ifndef RENEWAL_WORKS_WORKS_POLICY_H_
#define RENEWAL_WORKS_WORKS_POLICY_H_

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renewal/base/labels.h"
#include "renewal/base/money.h"
#include "renewal/calendar/calendar.h"

namespace renewal {

/// An escalation tier: who deals with a complaint at this level.
struct ComplaintTier {
  std::string key;  // "party_member"
  std::string zh;   // "党员"
  std::string en;   // "party member"
  bool operator==(const ComplaintTier&) const = default;
};

/// Deadlines of the three steps of the dispute table (受理 → 化解处理 → 回访核实) and
/// the escalation tiers. Each deadline counts from the end of the step before:
/// acceptance from filing, handling from acceptance (or from the revisit that
/// reopened the case), the revisit from handling.
struct ComplaintPolicy {
  std::string name;
  DeadlineRule accept{1, DeadlineUnit::kWorkingDays};
  DeadlineRule handle{5, DeadlineUnit::kWorkingDays};
  DeadlineRule revisit{3, DeadlineUnit::kWorkingDays};
  /// From the lowest tier; a new complaint starts at the first.
  std::vector<ComplaintTier> tiers;
  std::string source;
  bool operator==(const ComplaintPolicy&) const = default;
};

/// When a change order counts as major (重大变更): its amount (absolute value of the
/// cost change) at or above `major_amount`, or its share of the contract amount at
/// or above `major_share` ("以上" includes the boundary). Either may be absent.
struct ChangePolicy {
  std::string name;
  std::optional<Money> major_amount;
  std::optional<Ratio> major_share;
  std::string source;
  bool operator==(const ChangePolicy&) const = default;
};

/// What completion acceptance needs besides the parties' signatures.
struct AcceptancePolicy {
  std::string name;
  /// The votes area's rule the residents' satisfaction vote must pass (empty: no vote needed).
  std::string satisfaction_rule;
  std::string source;
  bool operator==(const AcceptancePolicy&) const = default;
};

/// A warranty period for a kind of item, in months from completion acceptance.
struct WarrantyPeriod {
  std::string item_kind;  // "waterproofing"
  std::int32_t months = 0;
  bool operator==(const WarrantyPeriod&) const = default;
};

/// Warranty periods and the revisit interval.
struct WarrantyPolicy {
  std::string name;
  std::vector<WarrantyPeriod> periods;
  /// A warranty revisit is due every this many months while a warranty runs.
  std::int32_t revisit_months = 12;
  std::string source;
  bool operator==(const WarrantyPolicy&) const = default;
};

/// How many people of a role an estate has (inclusive bounds).
struct AppointmentLimit {
  std::int32_t min = 0;
  std::int32_t max = 0;
  bool operator==(const AppointmentLimit&) const = default;
};

/// Volunteer supervisors (特邀义务监督员) and residents' council members (居民理事会).
struct AppointmentPolicy {
  std::string name;
  AppointmentLimit supervisors{1, 2};
  AppointmentLimit council{3, 5};
  std::string source;
  bool operator==(const AppointmentPolicy&) const = default;
};

/// All of them.
struct WorksPolicy {
  ComplaintPolicy complaints;
  ChangePolicy changes;
  AcceptancePolicy acceptance;
  WarrantyPolicy warranty;
  AppointmentPolicy appointments;
  bool operator==(const WorksPolicy&) const = default;
};

/// Checks the policy: deadlines >= 0, at least one tier with unique keys, a major
/// share within [0, 1], warranty months > 0 and kinds unique, limits 0 <= min <= max.
absl::Status ValidateWorksPolicy(const WorksPolicy& policy);

/// Liuyang's three tiers (普通问题党员解、职能问题党小组解、复杂问题工作专班解) over
/// Huitong's three steps, seed 000; deadlines per docs/works.md.
ComplaintPolicy LiuyangHuitongComplaints();
/// Huitong's change-order rules (seed 000); the thresholds per docs/works.md.
ChangePolicy HuitongChanges();
/// Hebei's "80 % satisfied before completion acceptance" (seed 001).
AcceptancePolicy Hebei80Acceptance();
/// Warranty periods of the national regulation on construction quality; docs/works.md.
WarrantyPolicy DefaultWarranty();
/// Daoxian's 1–2 supervisors per estate and Suining's 3–5 council members (seed 000).
AppointmentPolicy DaoxianSuiningAppointments();
/// The presets above together.
WorksPolicy DefaultWorksPolicy();

}  // namespace renewal

#endif  // RENEWAL_WORKS_WORKS_POLICY_H_
