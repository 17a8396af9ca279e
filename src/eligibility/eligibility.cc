// EligibilityRule evaluation and registry screening. Presets and JSON policies are in
// eligibility_policy.cc.
#include "renewal/eligibility/eligibility.h"

#include <cmath>
#include <utility>

#include "absl/numeric/int128.h"
#include "absl/strings/str_format.h"
#include "renewal/base/strcat.h"

namespace renewal {

std::optional<bool> FlagValue(const EstateFacts& f, EstateFlag flag) {
  switch (flag) {
    case EstateFlag::kInShantytownPlan: return f.in_shantytown_plan;
    case EstateFlag::kUrbanVillage: return f.urban_village;
    case EstateFlag::kMostlySelfBuilt: return f.mostly_self_built;
    case EstateFlag::kConsentRemoveIllegal: return f.consent_remove_illegal;
    case EstateFlag::kConsentPropertyManagement: return f.consent_property_management;
    case EstateFlag::kConsentFundTopUp: return f.consent_fund_top_up;
    case EstateFlag::kConsentEntrustPublicResources: return f.consent_entrust_public_resources;
    case EstateFlag::kOwnersCommittee: return f.owners_committee;
    case EstateFlag::kSelfGovernanceGroup: return f.self_governance_group;
    case EstateFlag::kHasElevator: return f.has_elevator;
  }
  return std::nullopt;
}

namespace {

constexpr std::string_view kNotSurveyed = "not surveyed";

std::string_view BoolText(bool b) { return b ? "true" : "false"; }

// willingness_pct / 100 >= num / den, exactly. The percentage is a double from
// the survey; it equals m * 2^(e - 53) for integers m and e, so the comparison
// m * den >= 100 * num * 2^(53 - e) is done in 128-bit integers.
bool ShareAtLeast(double pct, std::int64_t num, std::int64_t den) {
  if (num <= 0) return pct >= 0;
  if (!(pct > 0)) return false;
  int e = 0;
  const double f = std::frexp(pct, &e);  // pct = f * 2^e, f in [0.5, 1)
  const auto m = static_cast<std::int64_t>(std::ldexp(f, 53));  // exact
  const int s = 53 - e;
  if (s <= 0) return true;  // pct >= 2^53: above any share <= 1 (validated)
  const absl::int128 lhs = absl::int128(m) * den;  // < 2^116
  // floor(lhs / 2^s) >= 100 * num  <=>  lhs / 2^s >= 100 * num (integer right side).
  const absl::int128 floor_part = s >= 127 ? absl::int128(0) : (lhs >> s);
  return floor_part >= absl::int128(num) * 100;
}

// "66.67%" for 2/3 (rounded half up, for display only).
std::string PercentText(std::int64_t num, std::int64_t den) {
  if (den <= 0) return "?";
  const absl::int128 hundredths = (absl::int128(num) * 10000 * 2 + den) / (absl::int128(den) * 2);
  const auto h = static_cast<std::int64_t>(hundredths);
  return absl::StrFormat("%d.%02d%%", h / 100, h % 100);
}

std::string IllegalAcceptedText(IllegalStructures max) {
  std::string out;
  for (int v = static_cast<int>(IllegalStructures::kNone); v <= static_cast<int>(max); ++v) {
    if (!out.empty()) out += " or ";
    out += KeyOf(static_cast<IllegalStructures>(v));
  }
  return out.empty() ? std::string("(nothing)") : out;
}

// The single implementation behind EvaluateRule and ExplainRule: `out` (may be
// null) receives the compared values.
RuleOutcome Evaluate(const EligibilityRule& rule, const EstateFacts& f, int year, RuleResult* out) {
  const auto put = [out](std::string actual, std::string expected) {
    if (out != nullptr) {
      out->actual = std::move(actual);
      out->expected = std::move(expected);
    }
  };
  const bool explain = out != nullptr;
  switch (rule.kind) {
    case RuleKind::kBuiltNoLaterThan: {
      if (explain) {
        put(f.build_year ? StrCat(*f.build_year) : std::string(kNotSurveyed),
            StrCat("<= ", rule.year));
      }
      if (!f.build_year) return RuleOutcome::kUnknown;
      return *f.build_year <= rule.year ? RuleOutcome::kPass : RuleOutcome::kFail;
    }
    case RuleKind::kFlag: {
      const std::optional<bool> v = FlagValue(f, rule.flag);
      if (explain) put(v ? std::string(BoolText(*v)) : std::string(kNotSurveyed),
                       std::string(BoolText(rule.required)));
      if (!v) return RuleOutcome::kUnknown;
      return *v == rule.required ? RuleOutcome::kPass : RuleOutcome::kFail;
    }
    case RuleKind::kNoDemolitionPlan: {
      // years == 0: any plan fails. Otherwise a plan for year y fails when
      // y < year + years: the evaluation year and the years-1 after it ("今后5年"
      // from 2024 is 2024–2028), and overdue plans (y < year).
      if (explain) {
        const auto& d = f.demolition_plan_year;
        put(!d ? std::string(kNotSurveyed) : *d == kNever ? std::string("none") : StrCat(*d),
            rule.years <= 0 ? std::string("none") : StrCat("none or >= ", year + rule.years));
      }
      if (!f.demolition_plan_year) return RuleOutcome::kUnknown;
      const int y = *f.demolition_plan_year;
      if (y == kNever) return RuleOutcome::kPass;
      if (rule.years <= 0) return RuleOutcome::kFail;
      return y >= year + rule.years ? RuleOutcome::kPass : RuleOutcome::kFail;
    }
    case RuleKind::kNoRecentRenovation: {
      // "近N年未实施综合改造": the last N years are year-N+1 .. year, so a
      // renovation in exactly year - N passes (docs/eligibility.md).
      if (explain) {
        const auto& r = f.last_renovation_year;
        put(!r ? std::string(kNotSurveyed) : *r == kNever ? std::string("never") : StrCat(*r),
            StrCat("never or <= ", year - rule.years));
      }
      if (!f.last_renovation_year) return RuleOutcome::kUnknown;
      const int r = *f.last_renovation_year;
      if (r == kNever) return RuleOutcome::kPass;
      return r <= year - rule.years ? RuleOutcome::kPass : RuleOutcome::kFail;
    }
    case RuleKind::kIllegalStructuresAtMost: {
      if (explain) {
        put(f.illegal_structures == IllegalStructures::kUnknown
                ? std::string(kNotSurveyed)
                : std::string(KeyOf(f.illegal_structures)),
            IllegalAcceptedText(rule.max_illegal));
      }
      if (f.illegal_structures == IllegalStructures::kUnknown) return RuleOutcome::kUnknown;
      return f.illegal_structures <= rule.max_illegal ? RuleOutcome::kPass : RuleOutcome::kFail;
    }
    case RuleKind::kSelfGovernance: {
      const auto& oc = f.owners_committee;
      const auto& sg = f.self_governance_group;
      if (explain) {
        const auto text = [](const std::optional<bool>& b) {
          return b ? std::string(BoolText(*b)) : std::string(kNotSurveyed);
        };
        put(StrCat("owners_committee ", text(oc), ", self_governance_group ", text(sg)),
            "either true");
      }
      if ((oc && *oc) || (sg && *sg)) return RuleOutcome::kPass;
      if (oc && sg) return RuleOutcome::kFail;  // both surveyed, both false
      return RuleOutcome::kUnknown;
    }
    case RuleKind::kWillingnessAtLeast: {
      const auto& w = f.willingness_pct;
      if (explain) {
        put(w ? StrCat(*w, "%") : std::string(kNotSurveyed),
            StrCat(">= ", rule.share_num, "/", rule.share_den, " (",
                   PercentText(rule.share_num, rule.share_den), ")"));
      }
      if (!w || std::isnan(*w) || rule.share_den <= 0) return RuleOutcome::kUnknown;
      return ShareAtLeast(*w, rule.share_num, rule.share_den) ? RuleOutcome::kPass : RuleOutcome::kFail;
    }
    case RuleKind::kBasicFacilitiesDeficient: {
      // Seed 002 三、(二) "基础设施和功能明显不足": at least one basic-category
      // facility (国办发〔2020〕23号) is poor or missing.
      bool deficient = false;
      bool unknown = false;
      std::string bad, unsurveyed;
      for (std::size_t i = 0; i < kFacilityCount; ++i) {
        const auto facility = static_cast<Facility>(i);
        if (DefaultCategoryOf(facility) != Category::kBasic) continue;
        const Condition c = f.facilities[i];
        if (c == Condition::kPoor || c == Condition::kMissing) {
          deficient = true;
          if (explain) bad += StrCat(bad.empty() ? "" : ", ", KeyOf(facility), " ", KeyOf(c));
        } else if (c == Condition::kUnknown) {
          unknown = true;
          if (explain) unsurveyed += StrCat(unsurveyed.empty() ? "" : ", ", KeyOf(facility));
        }
      }
      if (explain) {
        std::string actual = bad.empty() ? std::string("no basic facility poor or missing") : bad;
        if (!bad.empty()) actual = StrCat("poor or missing: ", bad);
        if (!deficient && unknown) actual += StrCat("; not surveyed: ", unsurveyed);
        put(std::move(actual), ">= 1 basic facility poor or missing");
      }
      if (deficient) return RuleOutcome::kPass;
      return unknown ? RuleOutcome::kUnknown : RuleOutcome::kFail;
    }
  }
  return RuleOutcome::kUnknown;
}

std::string_view RuleLabelZh(const EligibilityRule& rule) {
  if (!rule.zh.empty()) return rule.zh;
  if (rule.kind == RuleKind::kFlag) return ZhOf(rule.flag);
  return ZhOf(rule.kind);
}
std::string_view RuleLabelEn(const EligibilityRule& rule) {
  if (!rule.en.empty()) return rule.en;
  if (rule.kind == RuleKind::kFlag) return EnOf(rule.flag);
  return EnOf(rule.kind);
}

// The few whole-value tokens worth translating in the Chinese sentence.
std::string ZhValue(const std::string& v) {
  if (v == kNotSurveyed) return "未调查";
  if (v == "true") return "是";
  if (v == "false") return "否";
  if (v == "none" || v == "never") return "无";
  return v;
}

}  // namespace

RuleOutcome EvaluateRule(const EligibilityRule& rule, const EstateFacts& facts, int year) {
  return Evaluate(rule, facts, year, nullptr);
}

RuleResult ExplainRule(const EligibilityRule& rule, const EstateFacts& facts, int year) {
  RuleResult r;
  r.outcome = Evaluate(rule, facts, year, &r);
  return r;
}

Eligibility Combine(std::span<const RuleOutcome> outcomes) {
  bool unknown = false;
  for (RuleOutcome o : outcomes) {
    if (o == RuleOutcome::kFail) return Eligibility::kIneligible;
    unknown = unknown || o == RuleOutcome::kUnknown;
  }
  return unknown ? Eligibility::kUndetermined : Eligibility::kEligible;
}

EstateScreening ScreenEstate(const Policy& policy, const EstateFacts& facts, int year) {
  EstateScreening s;
  s.rules.reserve(policy.rules.size());
  std::vector<RuleOutcome> outcomes;
  outcomes.reserve(policy.rules.size());
  for (const EligibilityRule& rule : policy.rules) {
    s.rules.push_back(ExplainRule(rule, facts, year));
    outcomes.push_back(s.rules.back().outcome);
  }
  s.status = Combine(outcomes);
  return s;
}

std::string ReasonZh(const EligibilityRule& rule, const RuleResult& r) {
  return StrCat(RuleLabelZh(rule), "：实际 ", ZhValue(r.actual), "，要求 ", ZhValue(r.expected),
                " → ", ZhOf(r.outcome));
}

std::string ReasonEn(const EligibilityRule& rule, const RuleResult& r) {
  return StrCat(RuleLabelEn(rule), ": actual ", r.actual, ", required ", r.expected, " → ",
                EnOf(r.outcome));
}

ScreeningResult ScreenRegistry(const Registry& registry, const Policy& policy, int year) {
  ScreeningResult out;
  const std::size_t n = registry.estate_count();
  const std::size_t k = policy.rules.size();
  out.rule_count = k;
  out.status.resize(n);
  out.outcomes.resize(n * k);
  const std::span<const Estate> estates = registry.estates();
  for (std::size_t e = 0; e < n; ++e) {
    const EstateFacts& facts = estates[e].facts;
    RuleOutcome* row = out.outcomes.data() + e * k;
    for (std::size_t r = 0; r < k; ++r) row[r] = Evaluate(policy.rules[r], facts, year, nullptr);
    const Eligibility s = Combine(std::span<const RuleOutcome>(row, k));
    out.status[e] = s;
    switch (s) {
      case Eligibility::kEligible: ++out.eligible; break;
      case Eligibility::kIneligible: ++out.ineligible; break;
      case Eligibility::kUndetermined: ++out.undetermined; break;
    }
  }
  return out;
}

}  // namespace renewal
