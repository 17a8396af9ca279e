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

// One compared value in three wordings: the language-neutral key text kept in
// RuleResult::actual/expected (and the JSON), Chinese, and English.
struct Said {
  std::string key, zh, en;
};

Said Same(std::string text) { return {text, text, text}; }
Said NotSurveyed() { return {std::string(kNotSurveyed), "未调查", "not surveyed"}; }
Said BoolSaid(bool b) { return {b ? "true" : "false", b ? "是" : "否", b ? "yes" : "no"}; }
template <class E>
Said LabelSaid(E e) {
  return {std::string(KeyOf(e)), std::string(ZhOf(e)), std::string(EnOf(e))};
}

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

Said IllegalAcceptedText(IllegalStructures max) {
  Said out;
  for (int v = static_cast<int>(IllegalStructures::kNone); v <= static_cast<int>(max); ++v) {
    const auto e = static_cast<IllegalStructures>(v);
    if (!out.key.empty()) {
      out.key += " or ";
      out.zh += "或";
      out.en += " or ";
    }
    out.key += KeyOf(e);
    out.zh += ZhOf(e);
    out.en += EnOf(e);
  }
  if (out.key.empty()) return {"(nothing)", "（无）", "(nothing)"};
  return out;
}

// The single implementation behind EvaluateRule and ExplainRule: `out` (may be
// null) receives the compared values.
RuleOutcome Evaluate(const EligibilityRule& rule, const EstateFacts& f, int year, RuleResult* out) {
  const auto put = [out](Said actual, Said expected) {
    if (out != nullptr) {
      out->actual = std::move(actual.key);
      out->expected = std::move(expected.key);
      out->actual_zh = std::move(actual.zh);
      out->expected_zh = std::move(expected.zh);
      out->actual_en = std::move(actual.en);
      out->expected_en = std::move(expected.en);
    }
  };
  const bool explain = out != nullptr;
  switch (rule.kind) {
    case RuleKind::kBuiltNoLaterThan: {
      if (explain) {
        put(f.build_year ? Same(StrCat(*f.build_year)) : NotSurveyed(),
            {StrCat("<= ", rule.year), StrCat(rule.year, "年或以前"),
             StrCat("in or before ", rule.year)});
      }
      if (!f.build_year) return RuleOutcome::kUnknown;
      return *f.build_year <= rule.year ? RuleOutcome::kPass : RuleOutcome::kFail;
    }
    case RuleKind::kFlag: {
      const std::optional<bool> v = FlagValue(f, rule.flag);
      if (explain) put(v ? BoolSaid(*v) : NotSurveyed(), BoolSaid(rule.required));
      if (!v) return RuleOutcome::kUnknown;
      return *v == rule.required ? RuleOutcome::kPass : RuleOutcome::kFail;
    }
    case RuleKind::kNoDemolitionPlan: {
      // years == 0: any plan fails. Otherwise a plan for year y fails when
      // y < year + years: the evaluation year and the years-1 after it ("今后5年"
      // from 2024 is 2024–2028), and overdue plans (y < year).
      if (explain) {
        const auto& d = f.demolition_plan_year;
        const int from = year + rule.years;
        put(!d              ? NotSurveyed()
            : *d == kNever  ? Said{"none", "无征迁计划", "no demolition plan"}
                            : Same(StrCat(*d)),
            rule.years <= 0
                ? Said{"none", "无征迁计划", "no demolition plan"}
                : Said{StrCat("none or >= ", from), StrCat("无征迁计划或", from, "年及以后"),
                       StrCat("no demolition plan, or one in ", from, " or later")});
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
        const int until = year - rule.years;
        put(!r             ? NotSurveyed()
            : *r == kNever ? Said{"never", "未改造过", "never renovated"}
                           : Same(StrCat(*r)),
            {StrCat("never or <= ", until), StrCat("未改造过或", until, "年或以前"),
             StrCat("never renovated, or in or before ", until)});
      }
      if (!f.last_renovation_year) return RuleOutcome::kUnknown;
      const int r = *f.last_renovation_year;
      if (r == kNever) return RuleOutcome::kPass;
      return r <= year - rule.years ? RuleOutcome::kPass : RuleOutcome::kFail;
    }
    case RuleKind::kIllegalStructuresAtMost: {
      if (explain) {
        put(f.illegal_structures == IllegalStructures::kUnknown ? NotSurveyed()
                                                                : LabelSaid(f.illegal_structures),
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
          return b ? BoolSaid(*b) : NotSurveyed();
        };
        const Said o = text(oc), s = text(sg);
        put({StrCat("owners_committee ", o.key, ", self_governance_group ", s.key),
             StrCat("业主委员会 ", o.zh, "，自治小组 ", s.zh),
             StrCat("owners' committee ", o.en, ", self-governance group ", s.en)},
            {"either true", "二者有其一", "either of them"});
      }
      if ((oc && *oc) || (sg && *sg)) return RuleOutcome::kPass;
      if (oc && sg) return RuleOutcome::kFail;  // both surveyed, both false
      return RuleOutcome::kUnknown;
    }
    case RuleKind::kWillingnessAtLeast: {
      const auto& w = f.willingness_pct;
      if (explain) {
        const std::string pct = PercentText(rule.share_num, rule.share_den);
        put(w ? Same(StrCat(*w, "%")) : NotSurveyed(),
            {StrCat(">= ", rule.share_num, "/", rule.share_den, " (", pct, ")"),
             StrCat(rule.share_den, "分之", rule.share_num, "（", pct, "）以上"),
             StrCat("at least ", rule.share_num, "/", rule.share_den, " (", pct, ")")});
      }
      if (!w || std::isnan(*w) || rule.share_den <= 0) return RuleOutcome::kUnknown;
      return ShareAtLeast(*w, rule.share_num, rule.share_den) ? RuleOutcome::kPass : RuleOutcome::kFail;
    }
    case RuleKind::kBasicFacilitiesDeficient: {
      // Seed 002 三、(二) "基础设施和功能明显不足": at least one basic-category
      // facility (国办发〔2020〕23号) is poor or missing.
      bool deficient = false;
      bool unknown = false;
      Said bad, unsurveyed;
      for (std::size_t i = 0; i < kFacilityCount; ++i) {
        const auto facility = static_cast<Facility>(i);
        if (DefaultCategoryOf(facility) != Category::kBasic) continue;
        const Condition c = f.facilities[i];
        if (c == Condition::kPoor || c == Condition::kMissing) {
          deficient = true;
          if (explain) {
            const bool first = bad.key.empty();
            bad.key += StrCat(first ? "" : ", ", KeyOf(facility), " ", KeyOf(c));
            bad.zh += StrCat(first ? "" : "、", ZhOf(facility), ZhOf(c));
            bad.en += StrCat(first ? "" : ", ", EnOf(facility), " ", EnOf(c));
          }
        } else if (c == Condition::kUnknown) {
          unknown = true;
          if (explain) {
            const bool first = unsurveyed.key.empty();
            unsurveyed.key += StrCat(first ? "" : ", ", KeyOf(facility));
            unsurveyed.zh += StrCat(first ? "" : "、", ZhOf(facility));
            unsurveyed.en += StrCat(first ? "" : ", ", EnOf(facility));
          }
        }
      }
      if (explain) {
        Said actual{"no basic facility poor or missing", "基础设施无较差或缺失",
                    "no basic facility poor or missing"};
        if (!bad.key.empty()) {
          actual = {StrCat("poor or missing: ", bad.key), StrCat("较差或缺失：", bad.zh),
                    StrCat("poor or missing: ", bad.en)};
        }
        if (!deficient && unknown) {
          actual.key += StrCat("; not surveyed: ", unsurveyed.key);
          actual.zh += StrCat("；未调查：", unsurveyed.zh);
          actual.en += StrCat("; not surveyed: ", unsurveyed.en);
        }
        put(std::move(actual), {">= 1 basic facility poor or missing",
                                "至少一项基础设施较差或缺失",
                                "at least one basic facility poor or missing"});
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
  return StrCat(RuleLabelZh(rule), "：实际 ", r.actual_zh, "，要求 ", r.expected_zh, " → ",
                ZhOf(r.outcome));
}

std::string ReasonEn(const EligibilityRule& rule, const RuleResult& r) {
  return StrCat(RuleLabelEn(rule), ": actual ", r.actual_en, ", required ", r.expected_en, " → ",
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
