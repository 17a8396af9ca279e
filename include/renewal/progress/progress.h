// Programme progress (项目进度): renovation projects, their stages in the order of
// 《岳阳市城区老旧小区改造工作实施方案（征求意见稿）》 七、实施步骤, and the events that
// move them: creation, transitions with evidence, corrections, outcomes at
// completion, money received and paid (docs/progress.md).
#ifndef RENEWAL_PROGRESS_PROGRESS_H_
#define RENEWAL_PROGRESS_PROGRESS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "renewal/base/labels.h"
#include "renewal/base/money.h"
#include "renewal/votes/vote.h"

namespace renewal {

/// The fifteen stages of a project, in order (seed 002 七、实施步骤; BRIEF §8).
enum class Stage : std::uint8_t {
  kSurvey, kApplication, kPreliminaryPlan, kReview, kAnnualPlan, kPlanVote, kPreparation,
  kStarted, kCompleted, kJointAcceptance, kSettlementAudit, kFinalAccounts, kArchived,
  kPerformanceEvaluation, kLongTermManagement
};
template <>
struct LabelTable<Stage> {
  static constexpr std::array<Label<Stage>, 15> kLabels{{
      {Stage::kSurvey, "survey", "摸底调查", "survey"},
      {Stage::kApplication, "application", "申请", "application by the owners"},
      {Stage::kPreliminaryPlan, "preliminary_plan", "初步方案", "preliminary plan"},
      {Stage::kReview, "review", "审查", "review"},
      {Stage::kAnnualPlan, "annual_plan", "列入年度计划", "in the annual plan"},
      {Stage::kPlanVote, "plan_vote", "公示、表决", "plan publicised and voted"},
      {Stage::kPreparation, "preparation", "立项、设计、财评、招标",
       "approval, design, budget review and tendering"},
      {Stage::kStarted, "started", "开工", "started"},
      {Stage::kCompleted, "completed", "完工", "completed"},
      {Stage::kJointAcceptance, "joint_acceptance", "联合竣工验收", "joint completion acceptance"},
      {Stage::kSettlementAudit, "settlement_audit", "结算审计", "settlement audit"},
      {Stage::kFinalAccounts, "final_accounts", "竣工财务决算", "final accounts"},
      {Stage::kArchived, "archived", "归档", "archived"},
      {Stage::kPerformanceEvaluation, "performance_evaluation", "绩效评价",
       "performance evaluation"},
      {Stage::kLongTermManagement, "long_term_management", "长效管理", "long-term management"},
  }};
};
inline constexpr std::size_t kStageCount = 15;

/// What a piece of evidence is. Votes come from the votes area (EvidenceFromVote);
/// the others are supplied by the areas that produce them (plan review, works).
enum class EvidenceKind : std::uint8_t { kVote, kReview, kDocument, kAcceptance, kAudit, kOther };
template <>
struct LabelTable<EvidenceKind> {
  static constexpr std::array<Label<EvidenceKind>, 6> kLabels{{
      {EvidenceKind::kVote, "vote", "业主表决", "owners' vote"},
      {EvidenceKind::kReview, "review", "审查意见", "review result"},
      {EvidenceKind::kDocument, "document", "文件文号", "document number"},
      {EvidenceKind::kAcceptance, "acceptance", "验收记录", "acceptance record"},
      {EvidenceKind::kAudit, "audit", "审计报告", "audit report"},
      {EvidenceKind::kOther, "other", "其他材料", "other record"},
  }};
};

/// Where money comes from (BRIEF §5).
enum class FundSource : std::uint8_t {
  kCentralSubsidy, kCentralBudgetInvestment, kSpecialBonds, kProvincial, kCity, kDistrict,
  kUtilities, kPropertyUnits, kResidents, kSocialCapital, kLoans
};
template <>
struct LabelTable<FundSource> {
  static constexpr std::array<Label<FundSource>, 11> kLabels{{
      {FundSource::kCentralSubsidy, "central_subsidy", "中央补助资金", "central subsidy"},
      {FundSource::kCentralBudgetInvestment, "central_budget_investment", "中央预算内投资",
       "central budget investment"},
      {FundSource::kSpecialBonds, "special_bonds", "地方政府专项债券", "local special bonds"},
      {FundSource::kProvincial, "provincial", "省级资金", "provincial budget"},
      {FundSource::kCity, "city", "市级资金", "city budget"},
      {FundSource::kDistrict, "district", "区级资金", "district budget"},
      {FundSource::kUtilities, "utilities", "管线单位出资", "utilities"},
      {FundSource::kPropertyUnits, "property_units", "原产权单位出资", "original property units"},
      {FundSource::kResidents, "residents", "居民出资", "residents"},
      {FundSource::kSocialCapital, "social_capital", "社会资本", "social capital"},
      {FundSource::kLoans, "loans", "金融机构贷款", "loans"},
  }};
};

/// Through which department's channel money was obtained: seed 003 counts the
/// central and provincial awards "住建口" and "发改口".
enum class FundChannel : std::uint8_t { kHousing, kDevelopmentReform, kFinance, kOther };
template <>
struct LabelTable<FundChannel> {
  static constexpr std::array<Label<FundChannel>, 4> kLabels{{
      {FundChannel::kHousing, "housing", "住建口", "housing ministry channel"},
      {FundChannel::kDevelopmentReform, "development_reform", "发改口",
       "development and reform channel"},
      {FundChannel::kFinance, "finance", "财政口", "finance channel"},
      {FundChannel::kOther, "other", "其他渠道", "other channel"},
  }};
};

/// A payment's instalment: the first (首拨) or a later one (余拨).
enum class Instalment : std::uint8_t { kFirst, kLater };
template <>
struct LabelTable<Instalment> {
  static constexpr std::array<Label<Instalment>, 2> kLabels{{
      {Instalment::kFirst, "first", "首拨", "first instalment"},
      {Instalment::kLater, "later", "余拨", "later instalment"},
  }};
};

/// Pipelines renewed, by kind (the national bulletin's quantities).
enum class PipelineKind : std::uint8_t { kWater, kDrainage, kPower, kGas, kHeating, kTelecom };
template <>
struct LabelTable<PipelineKind> {
  static constexpr std::array<Label<PipelineKind>, 6> kLabels{{
      {PipelineKind::kWater, "water", "供水管线", "water"},
      {PipelineKind::kDrainage, "drainage", "排水管线", "drainage"},
      {PipelineKind::kPower, "power", "供电线路", "power"},
      {PipelineKind::kGas, "gas", "燃气管线", "gas"},
      {PipelineKind::kHeating, "heating", "供热管线", "heating"},
      {PipelineKind::kTelecom, "telecom", "通信线路", "telecom"},
  }};
};
inline constexpr std::size_t kPipelineKindCount = 6;

enum class EventKind : std::uint8_t {
  kCreate, kTransition, kCorrection, kEvidence, kOutcomes, kReceived, kPaid
};
template <>
struct LabelTable<EventKind> {
  static constexpr std::array<Label<EventKind>, 7> kLabels{{
      {EventKind::kCreate, "create", "建立项目", "project created"},
      {EventKind::kTransition, "transition", "阶段推进", "stage transition"},
      {EventKind::kCorrection, "correction", "阶段更正", "stage correction"},
      {EventKind::kEvidence, "evidence", "佐证材料", "evidence"},
      {EventKind::kOutcomes, "outcomes", "改造成效", "outcomes"},
      {EventKind::kReceived, "received", "资金到位", "money received"},
      {EventKind::kPaid, "paid", "资金拨付", "money paid"},
  }};
};

/// Dates are yyyymmdd integers (20240315), checked to be real calendar days.
absl::StatusOr<int> ParseProgressDate(std::string_view text);  // "2024-03-15"
std::string FormatProgressDate(int yyyymmdd);                  // "2024-03-15"
/// Whether yyyymmdd is a real calendar day from 1900 on.
bool IsCalendarDay(int yyyymmdd);
/// Days since 1970-01-01 of a valid yyyymmdd date (for overdue checks).
std::int64_t DaysSinceEpoch(int yyyymmdd);

/// One estate a project covers, with its households.
struct PlannedEstate {
  std::string id;
  std::int64_t households = 0;
  bool operator==(const PlannedEstate&) const = default;
};

/// What a project is, as recorded when it is created. A project covers one estate,
/// or several merged into one implementation unit (片区 / 改造实施单元).
struct ProjectInfo {
  std::string id;
  std::string name;
  std::vector<PlannedEstate> estates;  // at least one
  int plan_year = 0;                   // the annual plan; 0: not yet in a plan
  int plan_batch = 0;                  // batch within the year (1, 2 ...); 0 with no plan
  std::string province, city, district, street;  // the levels of the reports
  std::int64_t buildings = 0;
  std::int64_t floor_area_centi_m2 = 0;  // 0.01 m²
  std::vector<std::string> items;        // cost-catalogue keys of the planned works
  Money investment;                      // planned investment
  std::int64_t households() const;
  bool operator==(const ProjectInfo&) const = default;
};

/// The `rule` of acceptance evidence: which kind of acceptance record it is. The
/// works area builds both from its records (works_evidence.h); empty for an
/// acceptance record the host keeps elsewhere.
inline constexpr std::string_view kJointAcceptanceRule = "joint_acceptance";  // 联合竣工验收
inline constexpr std::string_view kStepInspectionRule = "step_inspection";    // 举牌验收

/// The counts of an owners' vote, kept with the evidence so a report can show them.
struct VoteCounts {
  std::int64_t area_agree = 0, area_total = 0;    // 0.01 m²
  std::int64_t heads_agree = 0, heads_total = 0;
  bool operator==(const VoteCounts&) const = default;
};

/// A piece of evidence: its kind, its id (a vote id, a document number ...) and
/// whether it passed. A failed vote is recorded (it happened) but never satisfies
/// a guard and cannot be cited by a transition.
struct Evidence {
  EvidenceKind kind = EvidenceKind::kOther;
  std::string id;
  bool passed = false;
  std::string rule;  // votes: the rule counted under (a votes preset name);
                     // acceptance: kJointAcceptanceRule, kStepInspectionRule or empty
  std::optional<VoteCounts> counts; // votes: what was counted
  std::string note;
  bool operator==(const Evidence&) const = default;
};

/// The evidence a counted vote gives: its id, rule, result and counts. This is the
/// only way the library builds vote evidence, so a failed count stays failed.
Evidence EvidenceFromVote(const VoteOutcome& outcome);

/// The national bulletin's quantities, recorded at completion.
struct Outcomes {
  std::array<std::int64_t, kPipelineKindCount> pipelines_m{};  // metres, by PipelineKind
  std::int64_t elevators = 0;
  std::int64_t parking_spaces = 0;
  std::int64_t car_chargers = 0;
  std::int64_t ebike_chargers = 0;
  std::int64_t elderly_care_facilities = 0;
  std::int64_t childcare_facilities = 0;
  std::int64_t other_service_facilities = 0;
  std::int64_t energy_retrofit_centi_m2 = 0;  // 0.01 m²
  std::int64_t fitness_space_centi_m2 = 0;    // 0.01 m²
  std::int64_t households_benefited = 0;
  bool operator==(const Outcomes&) const = default;
};

/// One event. Which fields matter depends on `kind`:
///  - create: `info` (its id is the project);
///  - transition: `stage` (the next stage), `cites` (evidence ids recorded before),
///    `mode` (long-term management only: professional, government_trustee,
///    self_managed or work_unit — the base area's labels);
///  - correction: `stage` (any other stage, earlier or later), `reason` (required);
///  - evidence: `evidence`;
///  - outcomes: `outcomes` (once, at or after completion);
///  - received: `source`, `channel`, `amount`;
///  - paid: `source`, `channel`, `instalment`, `amount`.
struct Event {
  EventKind kind = EventKind::kCreate;
  std::string project;
  int date = 0;  // yyyymmdd
  ProjectInfo info;
  Stage stage = Stage::kSurvey;
  std::vector<std::string> cites;
  std::optional<ManagementMode> mode;
  std::string reason;
  Evidence evidence;
  Outcomes outcomes;
  FundSource source = FundSource::kDistrict;
  FundChannel channel = FundChannel::kOther;
  Instalment instalment = Instalment::kFirst;
  Money amount;
  bool operator==(const Event&) const = default;
};

}  // namespace renewal

#endif  // RENEWAL_PROGRESS_PROGRESS_H_
