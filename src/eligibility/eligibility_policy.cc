// Preset policies (each citing its seed) and the JSON policy format
// (docs/schemas/eligibility-policy.schema.json).
#include <algorithm>
#include <cstdint>
#include <sstream>
#include <string>
#include <utility>

#include "boost/json.hpp"
#include "renewal/base/status_macros.h"
#include "renewal/eligibility/eligibility.h"
#include "renewal/base/strcat.h"
#include "renewal/base/file.h"
#include "renewal/base/json_fields.h"
#include "renewal/base/json_parse.h"

namespace renewal {
namespace {

EligibilityRule BuiltBy(int year, std::string zh, std::string en, std::string source) {
  EligibilityRule r;
  r.id = StrCat("built_by_", year);
  r.kind = RuleKind::kBuiltNoLaterThan;
  r.year = year;
  r.zh = std::move(zh);
  r.en = std::move(en);
  r.source = std::move(source);
  return r;
}

EligibilityRule Flag(std::string id, EstateFlag flag, bool required, std::string zh, std::string en,
          std::string source) {
  EligibilityRule r;
  r.id = std::move(id);
  r.kind = RuleKind::kFlag;
  r.flag = flag;
  r.required = required;
  r.zh = std::move(zh);
  r.en = std::move(en);
  r.source = std::move(source);
  return r;
}

EligibilityRule Simple(std::string id, RuleKind kind, std::string zh, std::string en, std::string source) {
  EligibilityRule r;
  r.id = std::move(id);
  r.kind = kind;
  r.zh = std::move(zh);
  r.en = std::move(en);
  r.source = std::move(source);
  return r;
}

// 国办发〔2020〕23号 一(二): 城镇老旧小区 are estates "建成年代较早" and the
// programme targets those "2000年底前建成" (quoted in seed 003_c40c6dca2ac1fb31.txt
// 二: "力争基本完成2000年底以前建成的需要改造的城镇老旧小区"). The exclusions
// (shantytown plan, demolition and rebuilding, mostly self-built, urban villages)
// are the national definition as repeated in seed 002_28ab3feb3714a830.txt 三、
// last paragraph; BRIEF §2.
Policy National2020() {
  Policy p;
  p.name = "national_2020";
  p.zh = "全国（国办发〔2020〕23号）";
  p.en = "national guideline (State Council 2020 No. 23)";
  const std::string src = "国办发〔2020〕23号; 《关于城镇老旧小区改造工作专题调研报告》 二; 《岳阳市城区老旧小区改造工作实施方案（征求意见稿）》 三、末段";
  p.rules.push_back(BuiltBy(2000, "2000年底前建成", "built by the end of 2000",
                            "国办发〔2020〕23号; 《关于城镇老旧小区改造工作专题调研报告》 二"));
  p.rules.push_back(Flag("not_in_shantytown_plan", EstateFlag::kInShantytownPlan, false,
                         "未纳入城镇棚户区改造计划", "not in the shantytown renovation plan", src));
  EligibilityRule demolition = Simple("no_demolition_plan", RuleKind::kNoDemolitionPlan,
                           "不拟通过拆除新建实施改造", "not to be demolished and rebuilt", src);
  demolition.years = 0;  // any plan excludes
  p.rules.push_back(std::move(demolition));
  p.rules.push_back(Flag("not_urban_village", EstateFlag::kUrbanVillage, false, "不属于城中村",
                         "not an urban village", src));
  p.rules.push_back(Flag("not_mostly_self_built", EstateFlag::kMostlySelfBuilt, false,
                         "不属于以居民自建住房为主的区域", "not mostly self-built housing", src));
  return p;
}

// seed 002_28ab3feb3714a830.txt (Yueyang) 三、改造范围 (一)–(五) and its exclusions.
Policy Yueyang() {
  Policy p = National2020();
  p.name = "yueyang";
  p.zh = "岳阳市城区老旧小区改造范围";
  p.en = "Yueyang city-area renovation scope";
  // 三、(一) "2000年（含）以前建成": inclusive, the same year bound as the national rule.
  p.rules[0].zh = "2000年（含）以前建成";
  p.rules[0].en = "built in or before 2000";
  p.rules[0].source = "《岳阳市城区老旧小区改造工作实施方案（征求意见稿）》 三、(一)";
  for (std::size_t i = 1; i < p.rules.size(); ++i) p.rules[i].source = "《岳阳市城区老旧小区改造工作实施方案（征求意见稿）》 三、末段";
  // 三、(三) "近5年未实施综合改造且未纳入今后5年规划征迁改造范围".
  EligibilityRule renovation = Simple("no_renovation_5y", RuleKind::kNoRecentRenovation,
                           "近5年未实施综合改造", "no comprehensive renovation in the last 5 years",
                           "《岳阳市城区老旧小区改造工作实施方案（征求意见稿）》 三、(三)");
  renovation.years = 5;
  p.rules.push_back(std::move(renovation));
  EligibilityRule demolition = Simple("no_demolition_5y", RuleKind::kNoDemolitionPlan,
                           "未纳入今后5年规划征迁改造范围",
                           "not in the demolition plan of the next 5 years", "《岳阳市城区老旧小区改造工作实施方案（征求意见稿）》 三、(三)");
  demolition.years = 5;
  p.rules.push_back(std::move(demolition));
  // 三、(四) "违章建筑拆除情况较好": none, or largely removed.
  EligibilityRule illegal = Simple("illegal_structures_removed", RuleKind::kIllegalStructuresAtMost,
                        "违章建筑拆除情况较好", "illegal structures largely removed",
                        "《岳阳市城区老旧小区改造工作实施方案（征求意见稿）》 三、(四)");
  illegal.max_illegal = IllegalStructures::kLargelyRemoved;
  p.rules.push_back(std::move(illegal));
  p.rules.push_back(Simple("owners_committee_or_group", RuleKind::kSelfGovernance,
                           "已产生小区业主委员会或自治小组",
                           "an owners' committee or self-governance group exists",
                           "《岳阳市城区老旧小区改造工作实施方案（征求意见稿）》 三、(五)"));
  // 三、(二) "基础设施和功能明显不足、物业管理不完善、居民改造意愿强烈".
  p.rules.push_back(Simple("basic_facilities_deficient", RuleKind::kBasicFacilitiesDeficient,
                           "基础设施和功能明显不足",
                           "basic facilities clearly deficient", "《岳阳市城区老旧小区改造工作实施方案（征求意见稿）》 三、(二)"));
  // "意愿强烈" has no number in the seed; we take 2/3 of households, the same bar
  // Yueyang sets for signing the plan ("双2/3", seed 002 七). docs/eligibility.md.
  EligibilityRule willing = Simple("willingness_2_3", RuleKind::kWillingnessAtLeast,
                        "居民改造意愿强烈（三分之二以上）",
                        "strong willingness (at least 2/3 of households)", "《岳阳市城区老旧小区改造工作实施方案（征求意见稿）》 三、(二)");
  willing.share_num = 2;
  willing.share_den = 3;
  p.rules.push_back(std::move(willing));
  return p;
}

// seed 000_0d284f5c619b042b.txt (Hunan list, item 1, Xiangtan) 三、竞争性入围的四个基础条件.
Policy XiangtanCompetitive() {
  Policy p;
  p.name = "xiangtan_competitive";
  p.zh = "湘潭市竞争性入围基础条件";
  p.en = "Xiangtan competitive entry, basic conditions";
  const std::string src = "《湖南省城镇老旧小区改造“解难题、建机制”可复制经验做法清单（第一批）》（湘建城函〔2021〕161号） 序号1 三";
  // "小区原则建于2000年以前": read inclusively like the national rule; "原则"
  // (in principle) exceptions are decided outside the screening.
  p.rules.push_back(BuiltBy(2000, "小区原则建于2000年以前", "built before 2000 (in principle)",
                            src));
  p.rules.push_back(Flag("consent_remove_illegal", EstateFlag::kConsentRemoveIllegal, true,
                         "小区居民同意拆除违章建筑", "residents agree to remove illegal structures",
                         src));
  p.rules.push_back(Flag("consent_property_management", EstateFlag::kConsentPropertyManagement,
                         true, "同意接受专业的物业管理并缴纳物业管理费",
                         "residents accept professional management and pay its fees", src));
  p.rules.push_back(Flag("consent_fund_top_up", EstateFlag::kConsentFundTopUp, true,
                         "同意补交物业维修基金", "residents agree to top up the maintenance fund",
                         src));
  p.rules.push_back(Flag("consent_entrust_public_resources",
                         EstateFlag::kConsentEntrustPublicResources, true,
                         "小区居民同意将公共资源委托给社会资本盘活运营管理",
                         "residents agree to entrust public resources to operators", src));
  return p;
}

// --- JSON ------------------------------------------------------------------

namespace json = boost::json;

using internal::DescribeTyped;
using internal::Fields;

// The eligibility policy's wording of field errors (kept byte for byte from its
// first reader): values as `a string "x"`, "missing required field", a null field
// is a value of the wrong type, and an integer out of bounds is kOutOfRange.
constexpr internal::FieldStyle kFieldStyle{.describe = &DescribeTyped,
                                           .missing = "missing required field",
                                           .null_is_absent = false,
                                           .range_code = absl::StatusCode::kOutOfRange};

// "2/3" → 2, 3. Digits only; 0 <= num <= den <= 10^6.
bool ParseFraction(std::string_view s, std::int64_t* num, std::int64_t* den) {
  const std::size_t slash = s.find('/');
  if (slash == std::string_view::npos) return false;
  const auto digits = [](std::string_view d, std::int64_t* out) {
    if (d.empty() || d.size() > 7) return false;
    std::int64_t x = 0;
    for (char c : d) {
      if (c < '0' || c > '9') return false;
      x = x * 10 + (c - '0');
    }
    *out = x;
    return true;
  };
  return digits(s.substr(0, slash), num) && digits(s.substr(slash + 1), den) && *den > 0 &&
         *den <= 1'000'000 && *num <= *den;
}

// "66.5" (at most 4 decimals, 0..100) → 665/1000 of households.
bool ParsePercentText(std::string_view s, std::int64_t* num, std::int64_t* den) {
  std::int64_t n = 0, d = 100;
  bool dot = false, any = false;
  int decimals = 0;
  for (char c : s) {
    if (c == '.' && !dot) {
      dot = true;
      continue;
    }
    if (c < '0' || c > '9') return false;
    if (dot && ++decimals > 4) return false;
    if (n > 1'000'000'000) return false;
    n = n * 10 + (c - '0');
    if (dot) d *= 10;
    any = true;
  }
  if (!any || n > d) return false;
  *num = n;
  *den = d;
  return true;
}

// Which optional parameters each kind takes (besides id, kind, zh, en, source).
bool TakesField(RuleKind kind, std::string_view field) {
  switch (kind) {
    case RuleKind::kBuiltNoLaterThan: return field == "year";
    case RuleKind::kFlag: return field == "flag" || field == "required";
    case RuleKind::kNoDemolitionPlan: return field == "within_years";
    case RuleKind::kNoRecentRenovation: return field == "years";
    case RuleKind::kIllegalStructuresAtMost: return field == "level";
    case RuleKind::kSelfGovernance: return false;
    case RuleKind::kWillingnessAtLeast: return field == "min_share" || field == "min_pct";
    case RuleKind::kBasicFacilitiesDeficient: return false;
  }
  return false;
}

absl::Status ParseRule(const json::value& v, std::size_t index, EligibilityRule* rule) {
  const std::string where = StrCat("rules[", index, "]");
  if (!v.is_object()) {
    return absl::InvalidArgumentError(
        StrCat(where, ": expected an object, got ", DescribeTyped(v)));
  }
  const json::object& o = v.as_object();
  Fields f(o, where, kFieldStyle);
  std::string kind_text;
  RENEWAL_RETURN_IF_ERROR(f.String("kind", true, &kind_text));
  const std::optional<RuleKind> kind = ParseLabel<RuleKind>(kind_text);
  if (!kind) {
    std::string known;
    for (const auto& l : Labels<RuleKind>()) known += StrCat(known.empty() ? "" : ", ", l.key);
    return f.Invalid("kind", StrCat("unknown rule kind \"", kind_text, "\" (one of ", known, ")"));
  }
  rule->kind = *kind;
  // In document order, so that the first bad field is the one named.
  for (const auto& [key_sv, value] : o) {
    const std::string_view key(key_sv.data(), key_sv.size());
    if (key == "kind") continue;
    if (key == "id" || key == "zh" || key == "en" || key == "source") {
      std::string* target = key == "id" ? &rule->id
                            : key == "zh" ? &rule->zh
                            : key == "en" ? &rule->en
                                          : &rule->source;
      RENEWAL_RETURN_IF_ERROR(f.String(key, false, target));
      if (key == "id" && target->empty()) return f.Invalid("id", "must not be empty");
      continue;
    }
    if (!TakesField(*kind, key)) {
      return f.Invalid(key, StrCat("unknown field for rule kind \"", KeyOf(*kind), "\""));
    }
    std::optional<std::int64_t> x;
    if (key == "year") {
      RENEWAL_RETURN_IF_ERROR(f.Int(key, 1900, 2200, &x));
      rule->year = static_cast<int>(*x);
    } else if (key == "within_years") {
      RENEWAL_RETURN_IF_ERROR(f.Int(key, 0, 100, &x));
      rule->years = static_cast<int>(*x);
    } else if (key == "years") {
      RENEWAL_RETURN_IF_ERROR(f.Int(key, 1, 100, &x));
      rule->years = static_cast<int>(*x);
    } else if (key == "flag") {
      std::string text;
      RENEWAL_RETURN_IF_ERROR(f.String(key, false, &text));
      const std::optional<EstateFlag> flag = ParseLabel<EstateFlag>(text);
      if (!flag) return f.Invalid(key, StrCat("unknown flag \"", text, "\""));
      rule->flag = *flag;
    } else if (key == "required") {
      if (!value.is_bool()) {
        return f.Invalid(key, StrCat("expected a boolean, got ", DescribeTyped(value)));
      }
      rule->required = value.get_bool();
    } else if (key == "level") {
      std::string text;
      RENEWAL_RETURN_IF_ERROR(f.String(key, false, &text));
      const std::optional<IllegalStructures> level = ParseLabel<IllegalStructures>(text);
      if (!level || *level == IllegalStructures::kUnknown) {
        return f.Invalid(key, StrCat("unknown level \"", text,
                                     "\" (none, largely_removed, partly_removed, widespread)"));
      }
      rule->max_illegal = *level;
    } else if (key == "min_share") {
      std::string text;
      RENEWAL_RETURN_IF_ERROR(f.String(key, false, &text));
      if (!ParseFraction(text, &rule->share_num, &rule->share_den)) {
        return f.Invalid(key, StrCat("expected a fraction \"a/b\" with 0 <= a <= b <= 1000000, "
                                     "got \"", text, "\""));
      }
    } else if (key == "min_pct") {
      // An integer, or a decimal string ("66.67"): JSON numbers with a fraction
      // are binary doubles, so they are refused to keep the threshold exact.
      if (value.is_string()) {
        const std::string text(value.get_string().data(), value.get_string().size());
        if (!ParsePercentText(text, &rule->share_num, &rule->share_den)) {
          return f.Invalid(key, StrCat("expected a percentage 0..100 with at most 4 decimals, "
                                       "got \"", text, "\""));
        }
      } else {
        RENEWAL_RETURN_IF_ERROR(f.Int(key, 0, 100, &x));
        rule->share_num = *x;
        rule->share_den = 100;
      }
    }
  }
  // Required parameters.
  const auto need = [&](std::string_view field) -> absl::Status {
    if (f.Find(field) == nullptr) {
      return f.Invalid(field, StrCat("missing required field for rule kind \"", KeyOf(*kind),
                                     "\""));
    }
    return absl::OkStatus();
  };
  absl::Status st;
  switch (*kind) {
    case RuleKind::kBuiltNoLaterThan: st = need("year"); break;
    case RuleKind::kFlag:
      st = need("flag");
      if (st.ok()) st = need("required");
      break;
    case RuleKind::kNoDemolitionPlan:
      if (!o.contains("within_years")) rule->years = 0;
      break;
    case RuleKind::kNoRecentRenovation: st = need("years"); break;
    case RuleKind::kIllegalStructuresAtMost: st = need("level"); break;
    case RuleKind::kWillingnessAtLeast:
      if (o.contains("min_share") == o.contains("min_pct")) {
        st = f.Invalid("min_share", "give exactly one of min_share and min_pct");
      }
      break;
    case RuleKind::kSelfGovernance:
    case RuleKind::kBasicFacilitiesDeficient:
      break;
  }
  RENEWAL_RETURN_IF_ERROR(st);
  if (rule->id.empty()) {
    rule->id = std::string(rule->kind == RuleKind::kFlag ? KeyOf(rule->flag) : KeyOf(rule->kind));
  }
  return absl::OkStatus();
}

}  // namespace

std::vector<std::string_view> PresetPolicyNames() {
  return {"national_2020", "yueyang", "xiangtan_competitive"};
}

absl::StatusOr<Policy> PresetPolicy(std::string_view name) {
  if (name == "national_2020") return National2020();
  if (name == "yueyang") return Yueyang();
  if (name == "xiangtan_competitive") return XiangtanCompetitive();
  return absl::NotFoundError(StrCat("policy: no preset named \"", name,
                                    "\" (national_2020, yueyang, xiangtan_competitive)"));
}

absl::StatusOr<Policy> ParsePolicyJson(std::string_view text) {
  absl::StatusOr<json::value> parsed = internal::ParseJson(text);
  if (!parsed.ok()) return internal::Prefixed(parsed.status(), "policy");
  const json::value& root = *parsed;
  if (!root.is_object()) {
    return absl::InvalidArgumentError(
        StrCat("policy: expected an object, got ", internal::KindName(root)));
  }
  const json::object& o = root.as_object();
  Fields f(o, std::string(), kFieldStyle);
  Policy p;
  bool have_rules = false;
  for (const auto& [key_sv, value] : o) {
    const std::string_view key(key_sv.data(), key_sv.size());
    if (key == "name" || key == "zh" || key == "en") {
      std::string* target = key == "name" ? &p.name : key == "zh" ? &p.zh : &p.en;
      RENEWAL_RETURN_IF_ERROR(f.String(key, false, target));
    } else if (key == "extends" || key == "rules") {
      // handled below, in order: the base's rules first
    } else if (key != "$schema") {
      return f.Invalid(key, "unknown field");
    }
  }
  if (p.name.empty()) return f.Invalid("name", "missing required field (a non-empty string)");
  if (f.Find("extends") != nullptr) {
    std::string base_name;
    RENEWAL_RETURN_IF_ERROR(f.String("extends", false, &base_name));
    absl::StatusOr<Policy> preset = PresetPolicy(base_name);
    if (!preset.ok()) {
      return absl::NotFoundError(StrCat("extends: no preset named \"", base_name, "\""));
    }
    p.rules = std::move(preset->rules);
    have_rules = true;
  }
  if (const json::value* rules = f.Find("rules")) {
    if (!rules->is_array()) {
      return f.Invalid("rules", StrCat("expected an array, got ", internal::KindName(*rules)));
    }
    const json::array& a = rules->as_array();
    for (std::size_t i = 0; i < a.size(); ++i) {
      EligibilityRule rule;
      RENEWAL_RETURN_IF_ERROR(ParseRule(a[i], i, &rule));
      for (const EligibilityRule& earlier : p.rules) {
        if (earlier.id == rule.id) {
          return absl::AlreadyExistsError(
              StrCat("rules[", i, "] id: duplicate rule id \"", rule.id, "\""));
        }
      }
      p.rules.push_back(std::move(rule));
    }
    have_rules = true;
  }
  if (!have_rules) return f.Invalid("rules", "missing required field (or give \"extends\")");
  if (p.rules.empty()) return f.Invalid("rules", "a policy needs at least one rule");
  return p;
}

absl::StatusOr<Policy> ResolvePolicy(std::string_view name_or_json) {
  std::size_t i = 0;
  while (i < name_or_json.size() && (name_or_json[i] == ' ' || name_or_json[i] == '\n' ||
                                     name_or_json[i] == '\t' || name_or_json[i] == '\r')) {
    ++i;
  }
  if (i < name_or_json.size() && name_or_json[i] == '{') return ParsePolicyJson(name_or_json);
  return PresetPolicy(name_or_json);
}

absl::StatusOr<Policy> LoadPolicy(std::string_view spec) {
  for (std::string_view name : PresetPolicyNames()) {
    if (spec == name) return PresetPolicy(name);
  }
  if (spec.find('{') != std::string_view::npos) return ResolvePolicy(spec);
  const std::string path(spec);
  absl::StatusOr<std::string> text = internal::ReadFileToString(path);
  if (absl::IsNotFound(text.status())) {
    return absl::NotFoundError(StrCat("policy: \"", spec,
                                      "\" is neither a preset (national_2020, yueyang, "
                                      "xiangtan_competitive) nor a readable file"));
  }
  if (!text.ok()) return text.status();
  absl::StatusOr<Policy> p = ParsePolicyJson(*text);
  if (!p.ok()) {
    return internal::Prefixed(p.status(), path);
  }
  return p;
}

std::string PolicyToJson(const Policy& p) {
  json::object root;
  root["name"] = p.name;
  if (!p.zh.empty()) root["zh"] = p.zh;
  if (!p.en.empty()) root["en"] = p.en;
  json::array rules;
  for (const EligibilityRule& r : p.rules) {
    json::object o;
    o["id"] = r.id;
    o["kind"] = KeyOf(r.kind);
    switch (r.kind) {
      case RuleKind::kBuiltNoLaterThan: o["year"] = r.year; break;
      case RuleKind::kFlag:
        o["flag"] = KeyOf(r.flag);
        o["required"] = r.required;
        break;
      case RuleKind::kNoDemolitionPlan: o["within_years"] = r.years; break;
      case RuleKind::kNoRecentRenovation: o["years"] = r.years; break;
      case RuleKind::kIllegalStructuresAtMost: o["level"] = KeyOf(r.max_illegal); break;
      case RuleKind::kWillingnessAtLeast:
        o["min_share"] = StrCat(r.share_num, "/", r.share_den);
        break;
      case RuleKind::kSelfGovernance:
      case RuleKind::kBasicFacilitiesDeficient:
        break;
    }
    if (!r.zh.empty()) o["zh"] = r.zh;
    if (!r.en.empty()) o["en"] = r.en;
    if (!r.source.empty()) o["source"] = r.source;
    rules.push_back(std::move(o));
  }
  root["rules"] = std::move(rules);
  return json::serialize(root);
}

}  // namespace renewal
