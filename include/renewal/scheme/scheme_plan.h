// The estate plan document (一小区一方案, BRIEF §3): what one estate's renovation
// will do (items from the cost catalogue), how it is paid for (a reference to the
// funding split with the residents' and social contributions stated), who manages
// the estate afterwards, and how residents took part: consultation rounds counted
// by the votes area, public notices, the opinions register, waivers and
// departments' sign-offs. Completeness (completeness.h) and review (review.h) read
// it. JSON: docs/schemas/scheme-plan.schema.json, docs/scheme.md.
#ifndef RENEWAL_SCHEME_SCHEME_PLAN_H_
#define RENEWAL_SCHEME_SCHEME_PLAN_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renewal/base/labels.h"
#include "renewal/base/money.h"
#include "renewal/funding/cost.h"
#include "renewal/registry/registry.h"
#include "renewal/votes/vote.h"
#include "renewal/votes/vote_consult.h"

namespace renewal {

/// A calendar date "YYYY-MM-DD" (the plan's dates: rounds, notices, opinions).
/// Ordering by text is ordering in time (fixed width, zero-padded).
struct PlanDate {
  std::string text;
  friend auto operator<=>(const PlanDate&, const PlanDate&) = default;
};
/// Parses "2025-03-01" (a real calendar day, years 1900–9999).
absl::StatusOr<PlanDate> ParsePlanDate(std::string_view text);

/// One item of the plan. Category, facility and unit default to the catalogue's.
struct SchemeItem {
  std::string id;
  std::string catalogue;  // a key of CostCatalogue(), required
  Category category = Category::kBasic;
  Facility facility = Facility::kWater;
  std::int64_t quantity_milli = 0;  // thousandths of the unit, >= 0
  std::string unit;                 // e.g. "米"
  Money unit_cost;                  // fen per unit, >= 0
  CostScope scope = CostScope::kEstate;
  std::string building;  // building and entrance scope: the building ID
  std::string entrance;  // entrance scope: the entrance ID within the building
  bool operator==(const SchemeItem&) const = default;
};

/// The funding plan: a reference to the funding split (e.g. the file or record of
/// `renewal fund-split`) and the contributions the plan must disclose (Changsha
/// "八不通过": 就社会出资与居民出资告知). std::nullopt: not stated.
struct SchemeFunding {
  std::string reference;
  std::string policy;  // the funding policy used, e.g. "yueyang"
  std::optional<Money> residents;
  std::optional<Money> social;
  bool operator==(const SchemeFunding&) const = default;
};

/// One consultation round as counted by the votes area: the rule's name (a
/// preset of VoteRulePreset) and the totals of the count. The outcome is worked
/// out again from the totals (EvaluateConsultationRound), never stated.
struct ConsultationRecord {
  int round = 1;  // 1, 2, ... in order
  PlanDate opens;
  PlanDate closes;
  std::string rule;
  VoteTotals totals;
  bool operator==(const ConsultationRecord&) const = default;
};

/// A public notice (公示) of the plan: round, first and last day (inclusive).
struct PublicNotice {
  int round = 1;
  PlanDate starts;
  PlanDate ends;
  std::string place;  // where it was posted; optional
  bool operator==(const PublicNotice&) const = default;
};

enum class OpinionAnswer : std::uint8_t { kPending, kAdopted, kNotAdopted };
template <>
struct LabelTable<OpinionAnswer> {
  static constexpr std::array<Label<OpinionAnswer>, 3> kLabels{{
      {OpinionAnswer::kPending, "pending", "待答复", "pending"},
      {OpinionAnswer::kAdopted, "adopted", "采纳", "adopted"},
      {OpinionAnswer::kNotAdopted, "not_adopted", "不予采纳", "not adopted"},
  }};
};

/// One entry of the opinions register (征询意见): who (a dwelling of the estate),
/// when, in which round, what; the answer with the plan change it caused
/// (adopted) or the explanation (not adopted).
struct Opinion {
  std::string id;
  std::string dwelling;
  PlanDate date;
  int round = 1;
  bool objection = false;  // the resident objected to the plan
  std::string text;
  OpinionAnswer answer = OpinionAnswer::kPending;
  std::string change;       // adopted: what changed in the plan (required)
  std::string explanation;  // not adopted: why (required)
  bool operator==(const Opinion&) const = default;
};

/// A required facility left out of the plan on purpose, with the reason
/// ("管线单位另行改造", "2021年已改造").
struct Waiver {
  Facility facility = Facility::kWater;
  std::string reason;  // required, non-empty
  bool operator==(const Waiver&) const = default;
};

/// The per-entrance elevator decision (加装电梯, decided per 单元 by its vote).
struct ElevatorDecision {
  std::string building;
  std::string entrance;
  bool passed = false;
  bool operator==(const ElevatorDecision&) const = default;
};

/// Departments of Wuhan's joint review (seed 001, 湖北省武汉市).
enum class Department : std::uint8_t {
  kUrbanManagement, kFire, kPublicSecurity, kTraffic, kWater, kPower, kLandscaping,
  kCultureTourism
};
template <>
struct LabelTable<Department> {
  static constexpr std::array<Label<Department>, 8> kLabels{{
      {Department::kUrbanManagement, "urban_management", "城市管理部门", "urban management"},
      {Department::kFire, "fire", "消防部门", "fire service"},
      {Department::kPublicSecurity, "public_security", "公安部门", "public security"},
      {Department::kTraffic, "traffic", "交通管理部门", "traffic management"},
      {Department::kWater, "water", "水务部门", "water authority"},
      {Department::kPower, "power", "供电部门", "power supply"},
      {Department::kLandscaping, "landscaping", "园林部门", "parks and landscaping"},
      {Department::kCultureTourism, "culture_tourism", "文旅部门", "culture and tourism"},
  }};
};

/// A department's sign-off in a joint review.
struct SignOff {
  Department department = Department::kFire;
  PlanDate date;
  bool approved = false;
  std::string opinion;
  bool operator==(const SignOff&) const = default;
};

struct SchemePlan {
  std::string id;
  std::string estate;  // estate ID in the registry
  std::string title;
  std::vector<SchemeItem> items;
  SchemeFunding funding;
  ManagementMode management_mode = ManagementMode::kUnknown;  // after renovation
  std::vector<ConsultationRecord> consultations;
  std::vector<PublicNotice> notices;
  std::vector<Opinion> opinions;
  std::vector<Waiver> waivers;
  std::vector<ElevatorDecision> elevator_decisions;
  std::vector<SignOff> signoffs;
  bool operator==(const SchemePlan&) const = default;
};

/// quantity × unit cost, rounded half away from zero to the fen (as the funding
/// area's ItemCost); OutOfRange on overflow.
absl::StatusOr<Money> SchemeItemCost(const SchemeItem& item);
/// The sum of the items' costs, overflow-checked.
absl::StatusOr<Money> SchemeTotalCost(const SchemePlan& plan);

/// The consultation round's rule (VoteRulePreset) evaluated on its totals.
struct RoundEvaluation {
  VoteRule rule;
  std::vector<ThresholdResult> tests;
  bool passed = false;
};
absl::StatusOr<RoundEvaluation> EvaluateConsultationRound(const ConsultationRecord& round);

/// The record of a consultation counted by the votes area (RunConsultation):
/// one ConsultationRecord per round with its cumulative totals.
std::vector<ConsultationRecord> RecordsFromConsultation(const ConsultationResult& result,
                                                        std::string_view rule,
                                                        const std::vector<PlanDate>& opens,
                                                        const std::vector<PlanDate>& closes);

/// Checks what needs the registry: the estate exists; building and entrance of
/// every item, elevator decision and opinion belong to it. Errors name the record
/// and field: `opinions[2] "O-3" dwelling: "E1-B2-1-101" is not in estate "E1"`.
absl::Status CheckPlanAgainstRegistry(const SchemePlan& plan, const Registry& registry);

/// Reads a plan (all or nothing). Errors name the record and field, e.g.
/// `items[1] "I-2" quantity_milli: must be >= 0, got -5`, `waivers[0] reason:
/// required field is missing`, `notices[1] ends: "2025-03-01" is before starts
/// "2025-03-10"`, `items[0] "I-1" catalogue: unknown catalogue key "x"`.
absl::StatusOr<SchemePlan> ParseSchemePlanJson(std::string_view text);
absl::StatusOr<SchemePlan> LoadSchemePlanFile(const std::string& path);
/// The plan in the same format, every field written (reads back equal).
std::string SchemePlanToJson(const SchemePlan& plan);

}  // namespace renewal

#endif  // RENEWAL_SCHEME_SCHEME_PLAN_H_
