// The guards on stage transitions, as a policy with named presets, and the
// overdue limits of the reports (docs/progress.md).
#ifndef RENEWAL_PROGRESS_PROGRESS_POLICY_H_
#define RENEWAL_PROGRESS_PROGRESS_POLICY_H_

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "renewal/progress/progress.h"

namespace renewal {

/// One piece of evidence a stage needs: of `kind`, passed, and for votes counted
/// under one of `rules` (any rule when empty).
struct EvidenceRequirement {
  EvidenceKind kind = EvidenceKind::kVote;
  std::vector<std::string> rules;
  std::string zh;  // what is missing, in Chinese: "双2/3以上业主签字同意的改造方案表决"
  std::string en;  // the same in English
  bool operator==(const EvidenceRequirement&) const = default;
};

/// What entering each stage needs. A requirement is met by passed evidence the
/// transition cites or an earlier transition of the project cited.
struct GuardPolicy {
  std::string name;
  std::string source;  // the policy document it follows
  std::array<std::vector<EvidenceRequirement>, kStageCount> requirements;
  bool operator==(const GuardPolicy&) const = default;
};

/// "national" (the default) and "yueyang".
std::span<const std::string_view> GuardPresetNames();
absl::StatusOr<GuardPolicy> GuardPreset(std::string_view name);

/// How long a project may stay in each stage, in calendar days (0: no limit).
/// No policy document the project cites gives per-stage limits, so there is no
/// preset: the host states its own (docs/progress.md).
struct OverduePolicy {
  std::array<std::int64_t, kStageCount> max_days{};
};

/// "started=180,completed=90": stage keys (or Chinese names) and days.
absl::StatusOr<OverduePolicy> ParseOverdueLimits(std::string_view text);

}  // namespace renewal

#endif  // RENEWAL_PROGRESS_PROGRESS_POLICY_H_
