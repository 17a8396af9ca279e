// Scoring sheets: presets, facts from the registry, points and ranks.
#include "renewal/plan/scoring.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "renewal/base/status_macros.h"
#include "renewal/plan/project.h"
#include "renewal/registry/registry.h"
#include "renewal/base/strcat.h"

namespace renewal {
namespace {

constexpr MilliPoints P(std::int64_t points) { return points * kMilliPerPoint; }

Criterion Linear(std::string key, std::string zh, Feature f, MilliPoints max, std::int64_t low,
                 std::int64_t high, MissingPolicy missing = MissingPolicy::kZero) {
  Criterion c;
  c.key = std::move(key);
  c.zh = std::move(zh);
  c.feature = f;
  c.function = ScoreFunction::kLinear;
  c.max_points = max;
  c.low = low;
  c.high = high;
  c.missing = missing;
  return c;
}
Criterion Steps(std::string key, std::string zh, Feature f, MilliPoints max,
                std::vector<StepThreshold> steps) {
  Criterion c;
  c.key = std::move(key);
  c.zh = std::move(zh);
  c.feature = f;
  c.function = ScoreFunction::kStep;
  c.max_points = max;
  c.steps = std::move(steps);
  return c;
}
Criterion YesNo(std::string key, std::string zh, Feature f, MilliPoints max) {
  Criterion c;
  c.key = std::move(key);
  c.zh = std::move(zh);
  c.feature = f;
  c.function = ScoreFunction::kYesNo;
  c.max_points = max;
  return c;
}
Criterion ManagementTable(MilliPoints max) {
  Criterion c;
  c.key = "management_mode";
  c.zh = "改造后管理模式";
  c.feature = Feature::kManagementMode;
  c.function = ScoreFunction::kTable;
  c.max_points = max;
  auto idx = [](ManagementMode m) { return static_cast<std::int64_t>(m); };
  // A professional company scores highest; self-management and the work unit keep
  // an owner of the estate; trusteeship is the government fallback; none scores 0.
  c.table = {{idx(ManagementMode::kProfessional), max},
             {idx(ManagementMode::kSelfManaged), max * 6 / 10},
             {idx(ManagementMode::kWorkUnit), max * 6 / 10},
             {idx(ManagementMode::kGovernmentTrustee), max * 4 / 10},
             {idx(ManagementMode::kNone), 0}};
  return c;
}

bool IsShortfall(Condition c) { return c == Condition::kPoor || c == Condition::kMissing; }

}  // namespace

// seed 001_c9c5fc786dd61830.txt (Ningbo) 一、四是方案量化打分: "从小区配套设施与服务短板、
// 居民参与的积极性、改造后长效管理机制建立情况等多个维度…实行量化计分、排序". The three
// dimensions get 50 / 30 / 20 points; the split inside each is our documented choice.
ScoringSheet NingboSheet() {
  ScoringSheet s;
  s.name = "ningbo";
  s.source = "《城镇老旧小区改造可复制政策机制清单（第四批）》 (宁波) 一、四是方案量化打分";
  // 配套设施与服务短板 (50): a full survey is a precondition (一是全面摸底调查), so a
  // project without facility conditions is not ranked.
  s.criteria.push_back(Linear("basic_shortfalls", "基础类设施短板", Feature::kBasicShortfalls,
                              P(30), 0, 6, MissingPolicy::kExcludeProject));
  s.criteria.push_back(Linear("service_shortfalls", "完善提升类设施与服务短板",
                              Feature::kServiceShortfalls, P(10), 0, 4));
  s.criteria.push_back(Steps("hazards", "安全隐患", Feature::kHazardCount, P(10),
                             {{1, P(5)}, {2, P(10)}}));
  // 居民参与的积极性 (30): willingness survey (二是广泛征集居民意愿) and the second vote
  // on the plan (三是…组织业主进行二次表决), from the 2/3 line to unanimity.
  s.criteria.push_back(Linear("willingness", "居民改造意愿", Feature::kWillingnessBp, P(15),
                              5000, 10000));
  s.criteria.push_back(Linear("agreement", "方案表决同意率", Feature::kAgreementBp, P(15),
                              6667, 10000));
  // 改造后长效管理机制 (20): management mode agreed (引导业主共同协商议定改造后小区管理模式).
  s.criteria.push_back(YesNo("management_agreed", "议定长效管理机制", Feature::kManagementAgreed,
                             P(10)));
  s.criteria.push_back(ManagementTable(P(10)));
  return s;
}

// seed 000_0d284f5c619b042b.txt (湘潭/株洲) 1 科学改造项目难: 《株洲市城镇老旧小区改造项目综合
// 评分表》 is named, not printed. Our comprehensive example combines age, shortfalls and
// hazards (摸底), scale, willingness, Xiangtan's entry consents (同意拆违、接受物业管理、
// 补交维修资金), funding readiness and long-term management.
ScoringSheet ZhuzhouSheet() {
  ScoringSheet s;
  s.name = "zhuzhou";
  s.source = "《湖南省城镇老旧小区改造“解难题、建机制”可复制经验做法清单（第一批）》（湘建城函〔2021〕161号） (湘潭/株洲) 1.6/1.7 综合评分表 (weights: our example)";
  s.criteria.push_back(Linear("age", "建成年代", Feature::kAgeYears, P(15), 20, 40));
  s.criteria.push_back(Linear("basic_shortfalls", "基础类设施短板", Feature::kBasicShortfalls,
                              P(20), 0, 6, MissingPolicy::kExcludeProject));
  s.criteria.push_back(Steps("hazards", "安全隐患", Feature::kHazardCount, P(10),
                             {{1, P(5)}, {2, P(10)}}));
  s.criteria.push_back(Steps("households", "受益户数", Feature::kHouseholds, P(10),
                             {{100, P(4)}, {300, P(7)}, {500, P(10)}}));
  s.criteria.push_back(Linear("willingness", "居民改造意愿", Feature::kWillingnessBp, P(10),
                              5000, 10000));
  s.criteria.push_back(YesNo("consent_remove_illegal", "同意拆除违章建筑",
                             Feature::kConsentRemoveIllegal, P(5)));
  s.criteria.push_back(YesNo("consent_property_management", "同意接受专业物业管理",
                             Feature::kConsentPropertyManagement, P(5)));
  s.criteria.push_back(YesNo("consent_fund_top_up", "同意补交维修资金",
                             Feature::kConsentFundTopUp, P(5)));
  s.criteria.push_back(YesNo("funding_confirmed", "资金筹措落实", Feature::kFundingConfirmed,
                             P(10)));
  s.criteria.push_back(Linear("fund_collection", "维修资金归集率", Feature::kFundCollectionBp,
                              P(5), 0, 10000));
  s.criteria.push_back(YesNo("management_agreed", "长效管理机制", Feature::kManagementAgreed,
                             P(5)));
  return s;
}

std::vector<std::string> PresetSheetNames() { return {"ningbo", "zhuzhou"}; }

absl::StatusOr<ScoringSheet> PresetSheet(std::string_view name) {
  if (name == "ningbo" || name == "宁波") return NingboSheet();
  if (name == "zhuzhou" || name == "株洲") return ZhuzhouSheet();
  return absl::NotFoundError(
      StrCat("sheet: no preset named \"", name, "\" (known: ningbo, zhuzhou)"));
}

absl::Status ValidateSheet(const ScoringSheet& sheet) {
  for (std::size_t i = 0; i < sheet.criteria.size(); ++i) {
    const Criterion& c = sheet.criteria[i];
    auto where = [&] { return StrCat("sheet \"", sheet.name, "\" criteria[", i, "] \"", c.key, "\""); };
    if (c.key.empty()) return absl::InvalidArgumentError(StrCat(where(), " key: must not be empty"));
    if (c.max_points < 0) {
      return absl::InvalidArgumentError(
          StrCat(where(), " max_points: must be >= 0, got ", c.max_points));
    }
    if (c.function == ScoreFunction::kLinear && c.low == c.high) {
      return absl::InvalidArgumentError(
          StrCat(where(), " low/high: bounds must differ, both ", c.low));
    }
    for (std::size_t k = 0; k < c.steps.size(); ++k) {
      if (k > 0 && c.steps[k].at_least <= c.steps[k - 1].at_least) {
        return absl::InvalidArgumentError(
            StrCat(where(), " steps[", k, "].at_least: must ascend, got ", c.steps[k].at_least,
                   " after ", c.steps[k - 1].at_least));
      }
      if (c.steps[k].points < 0 || c.steps[k].points > c.max_points) {
        return absl::InvalidArgumentError(StrCat(where(), " steps[", k, "].points: must be in [0, ",
                                                 c.max_points, "], got ", c.steps[k].points));
      }
    }
    for (std::size_t k = 0; k < c.table.size(); ++k) {
      if (c.table[k].points < 0 || c.table[k].points > c.max_points) {
        return absl::InvalidArgumentError(StrCat(where(), " table[", k, "].points: must be in [0, ",
                                                 c.max_points, "], got ", c.table[k].points));
      }
    }
  }
  return absl::OkStatus();
}

MilliPoints ScoreValue(const Criterion& c, std::int64_t x) {
  switch (c.function) {
    case ScoreFunction::kLinear: {
      const bool rising = c.low < c.high;
      const std::int64_t lo = rising ? c.low : c.high;
      const std::int64_t hi = rising ? c.high : c.low;
      if (x <= lo) return rising ? 0 : c.max_points;
      if (x >= hi) return rising ? c.max_points : 0;
      const __int128 span = static_cast<__int128>(hi) - lo;
      const __int128 along = rising ? static_cast<__int128>(x) - lo : static_cast<__int128>(hi) - x;
      // Half up: floor((2·max·along + span) / (2·span)).
      const __int128 num = 2 * static_cast<__int128>(c.max_points) * along + span;
      return static_cast<MilliPoints>(num / (2 * span));
    }
    case ScoreFunction::kStep: {
      MilliPoints p = 0;
      for (const StepThreshold& s : c.steps) {
        if (x >= s.at_least) p = s.points;
      }
      return p;
    }
    case ScoreFunction::kTable:
      for (const TableEntry& e : c.table) {
        if (e.value == x) return e.points;
      }
      return 0;
    case ScoreFunction::kYesNo:
      return x != 0 ? c.max_points : 0;
  }
  return 0;
}

absl::StatusOr<ProjectFacts> GatherFacts(const Registry& registry, const CandidateProject& project,
                                         int plan_year) {
  std::optional<Index> e = registry.FindEstate(project.estate_id);
  if (!e) {
    return absl::NotFoundError(StrCat("project \"", project.id, "\" estate_id: no estate with id \"",
                                      project.estate_id, "\""));
  }
  const Estate& estate = registry.estate(*e);
  const EstateFacts& f = estate.facts;
  ProjectFacts out;
  out.project_id = project.id;
  out.estate_id = estate.id;
  if (estate.district != kNoIndex) out.district_id = registry.district(estate.district).id;
  auto set = [&](Feature feature, std::optional<std::int64_t> v) { out.at(feature) = v; };
  auto flag = [](std::optional<bool> b) -> std::optional<std::int64_t> {
    if (!b) return std::nullopt;
    return *b ? 1 : 0;
  };
  if (f.build_year && *f.build_year > 0) set(Feature::kAgeYears, plan_year - *f.build_year);
  if (f.safety_hazards) set(Feature::kHazardCount, static_cast<std::int64_t>(f.safety_hazards->size()));
  // Shortfalls count facilities in poor or missing condition; the count is unknown
  // only when no facility of the category was surveyed.
  std::int64_t basic = 0, service = 0;
  bool basic_surveyed = false, service_surveyed = false;
  for (std::size_t i = 0; i < kFacilityCount; ++i) {
    const Condition c = f.facilities[i];
    const bool is_basic = DefaultCategoryOf(static_cast<Facility>(i)) == Category::kBasic;
    if (c == Condition::kUnknown) continue;
    (is_basic ? basic_surveyed : service_surveyed) = true;
    if (IsShortfall(c)) ++(is_basic ? basic : service);
  }
  if (basic_surveyed) set(Feature::kBasicShortfalls, basic);
  if (service_surveyed) set(Feature::kServiceShortfalls, service);
  const auto [first, count] = registry.DwellingRangeOfEstate(*e);
  (void)first;
  if (count > 0) set(Feature::kHouseholds, count);
  if (f.willingness_pct) set(Feature::kWillingnessBp, std::llround(*f.willingness_pct * 100.0));
  if (project.agreement_bp) set(Feature::kAgreementBp, *project.agreement_bp);
  if (f.management_mode != ManagementMode::kUnknown) {
    set(Feature::kManagementMode, static_cast<std::int64_t>(f.management_mode));
  }
  set(Feature::kManagementAgreed, flag(project.management_agreed));
  set(Feature::kVotePassed, flag(project.vote_passed));
  set(Feature::kFundingConfirmed, flag(project.funding_confirmed));
  if (project.fund_collection_bp) set(Feature::kFundCollectionBp, *project.fund_collection_bp);
  set(Feature::kOwnersCommittee, flag(f.owners_committee));
  set(Feature::kConsentRemoveIllegal, flag(f.consent_remove_illegal));
  set(Feature::kConsentPropertyManagement, flag(f.consent_property_management));
  set(Feature::kConsentFundTopUp, flag(f.consent_fund_top_up));
  return out;
}

absl::StatusOr<std::vector<ProjectScore>> ScoreProjects(const ScoringSheet& sheet,
                                                        const std::vector<ProjectFacts>& facts,
                                                        const std::vector<int>& carried_over_years) {
  RENEWAL_RETURN_IF_ERROR(ValidateSheet(sheet));
  if (!carried_over_years.empty() && carried_over_years.size() != facts.size()) {
    return absl::InvalidArgumentError(StrCat("carried_over_years: ", carried_over_years.size(),
                                             " entries for ", facts.size(), " projects"));
  }
  std::vector<ProjectScore> out(facts.size());
  for (std::size_t i = 0; i < facts.size(); ++i) {
    ProjectScore& ps = out[i];
    ps.project_id = facts[i].project_id;
    ps.criteria.resize(sheet.criteria.size());
    for (std::size_t k = 0; k < sheet.criteria.size(); ++k) {
      const Criterion& c = sheet.criteria[k];
      CriterionScore& cs = ps.criteria[k];
      cs.value = facts[i].at(c.feature);
      if (!cs.value) {
        cs.missing = true;
        ps.missing.push_back(c.key);
        if (c.missing == MissingPolicy::kExcludeProject) ps.excluded = true;
        continue;
      }
      cs.points = ScoreValue(c, *cs.value);
      ps.total += cs.points;
    }
  }
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (!out[i].excluded) order.push_back(i);
  }
  auto carried = [&](std::size_t i) { return carried_over_years.empty() ? 0 : carried_over_years[i]; };
  auto households = [&](std::size_t i) { return facts[i].at(Feature::kHouseholds).value_or(0); };
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (out[a].total != out[b].total) return out[a].total > out[b].total;
    if (carried(a) != carried(b)) return carried(a) > carried(b);
    if (households(a) != households(b)) return households(a) > households(b);
    return out[a].project_id < out[b].project_id;
  });
  for (std::size_t r = 0; r < order.size(); ++r) out[order[r]].rank = static_cast<int>(r + 1);
  return out;
}

}  // namespace renewal
