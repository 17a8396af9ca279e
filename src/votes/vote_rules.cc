// Vote rules: exact fractions, the named presets with their sources, and the rule
// JSON format (docs/schemas/vote-rule.schema.json).
#include <boost/json.hpp>

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

#include "renewal/votes/vote.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"
#include "renewal/base/json_parse.h"
#include "renewal/base/file.h"
#include "vote_internal.h"

namespace renewal {
namespace {

bool ParseInt(std::string_view text, std::int64_t* out) {
  if (text.empty()) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

absl::Status CheckFraction(std::string_view field, Threshold f) {
  if (f.den < 1 || f.den > kMaxFractionDen || f.num < 0 || f.num > f.den) {
    return absl::InvalidArgumentError(StrCat(field, ": must be a fraction between 0 and 1 with ",
                                             "denominator 1..", kMaxFractionDen, ", got ",
                                             f.num, "/", f.den));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Threshold> ParseThreshold(std::string_view text) {
  Threshold f;
  bool ok = false;
  if (!text.empty() && text.back() == '%') {
    // "80%" or "66.5%": a decimal percentage, exact.
    std::string_view digits = text.substr(0, text.size() - 1);
    const std::size_t dot = digits.find('.');
    std::int64_t scale = 100;
    std::string joined(digits);
    if (dot != std::string_view::npos) {
      const std::size_t decimals = digits.size() - dot - 1;
      joined = StrCat(digits.substr(0, dot), digits.substr(dot + 1));
      for (std::size_t k = 0; k < decimals && k < 5; ++k) scale *= 10;
      ok = decimals >= 1 && decimals <= 4;
    } else {
      ok = true;
    }
    ok = ok && ParseInt(joined, &f.num);
    f.den = scale;
  } else if (const std::size_t slash = text.find('/'); slash != std::string_view::npos) {
    ok = ParseInt(text.substr(0, slash), &f.num) && ParseInt(text.substr(slash + 1), &f.den);
  } else {
    ok = ParseInt(text, &f.num);
    f.den = 1;
  }
  if (!ok) {
    return absl::InvalidArgumentError(
        StrCat("threshold: expected \"a/b\" or \"NN%\", got \"", text, "\""));
  }
  RENEWAL_RETURN_IF_ERROR(CheckFraction("threshold", f));
  return f;
}

std::string ThresholdToString(Threshold f) { return StrCat(f.num, "/", f.den); }

std::string VotePercent(std::int64_t num, std::int64_t den) {
  if (den <= 0) return "—";
  // Hundredths of a percent, rounded half up: (num * 10000 * 2 + den) / (2 den).
  const __int128 n = static_cast<__int128>(num) * 20000 + den;
  const __int128 q = n / (static_cast<__int128>(den) * 2);
  const auto v = static_cast<std::int64_t>(q);
  std::string frac = std::to_string(v % 100);
  if (frac.size() < 2) frac.insert(0, "0");
  return StrCat(v / 100, ".", frac, "%");
}

absl::Status ValidateVoteRule(const VoteRule& rule) {
  if (rule.name.empty()) return absl::InvalidArgumentError("rule name: must not be empty");
  if (rule.tests.empty()) {
    return absl::InvalidArgumentError(StrCat("rule \"", rule.name, "\" tests: must not be empty"));
  }
  for (std::size_t i = 0; i < rule.tests.size(); ++i) {
    const ThresholdTest& t = rule.tests[i];
    // Messages are built only on error: counting validates the rule every time.
    auto where = [&] { return StrCat("rule \"", rule.name, "\" tests[", i, "]"); };
    if (t.name.empty()) return absl::InvalidArgumentError(StrCat(where(), " name: must not be empty"));
    const Threshold f = t.threshold;
    if (f.den < 1 || f.den > kMaxFractionDen || f.num < 0 || f.num > f.den) {
      return CheckFraction(StrCat(where(), " \"", t.name, "\" threshold"), f);
    }
    if (t.counted == VoteCounted::kParticipants && t.over == VoteOver::kParticipants) {
      return absl::InvalidArgumentError(StrCat(where(), " \"", t.name,
                                               "\": participants over participants is always 1"));
    }
  }
  return absl::OkStatus();
}

// ---------------------------------------------------------------------------
// Presets

namespace {

ThresholdTest T(std::string name, VoteBasis basis, VoteCounted counted, VoteOver over, std::int64_t num,
           std::int64_t den, VoteComparison cmp) {
  return ThresholdTest{std::move(name), basis, counted, over, Threshold{num, den}, cmp};
}

constexpr VoteBasis kArea = VoteBasis::kArea;
constexpr VoteBasis kHeads = VoteBasis::kHeads;
constexpr VoteCounted kPart = VoteCounted::kParticipants;
constexpr VoteCounted kAgree = VoteCounted::kAgree;
constexpr VoteOver kAll = VoteOver::kAll;
constexpr VoteOver kOfPart = VoteOver::kParticipants;
constexpr VoteComparison kGe = VoteComparison::kAtLeast;
constexpr VoteComparison kGt = VoteComparison::kMoreThan;

// Civil Code art. 278 para. 2: participation by owners holding ≥ 2/3 of the
// exclusive area AND ≥ 2/3 of the headcount.
void AddParticipation(VoteRule& r) {
  r.tests.push_back(T("participation_area", kArea, kPart, kAll, 2, 3, kGe));
  r.tests.push_back(T("participation_heads", kHeads, kPart, kAll, 2, 3, kGe));
}

constexpr std::string_view kPresetNames[] = {
    "civil_code_major",    "civil_code_ordinary", "order165_fund_use_without_assembly",
    "yueyang_double_two_thirds", "changsha_two_80", "hebei_80_entry",
    "hebei_80_plan",       "hebei_80_acceptance", "changping_double_80",
    "yichang_all_agree",
};

}  // namespace

std::span<const std::string_view> VoteRulePresetNames() { return kPresetNames; }

absl::StatusOr<VoteRule> VoteRulePreset(std::string_view name) {
  VoteRule r;
  r.name = std::string(name);
  if (name == "civil_code_major") {
    // 民法典 art. 278 para. 2, items (6)–(8): 3/4 of the participating area and
    // heads. Zhuhai and Chengdu apply it to renovation plans: seed
    // 001_c9c5fc786dd61830.txt (珠海市、成都市) "参与表决专有部分面积3/4以上的业主且
    // 参与表决人数3/4以上的业主同意".
    r.title = "双三分之二参与、双四分之三同意";
    r.title_en = "two thirds take part (area and headcount); three quarters of them agree (area and headcount)";
    r.source = "民法典第278条第2款(六)—(八)项; 《城镇老旧小区改造可复制政策机制清单（第四批）》 珠海市、成都市";
    AddParticipation(r);
    r.tests.push_back(T("agree_area", kArea, kAgree, kOfPart, 3, 4, kGe));
    r.tests.push_back(T("agree_heads", kHeads, kAgree, kOfPart, 3, 4, kGe));
  } else if (name == "civil_code_ordinary") {
    // 民法典 art. 278 para. 2, items (1)–(5) and (9): "经参与表决专有部分面积过半数的
    // 业主且参与表决人数过半数的业主同意" — strictly more than half.
    r.title = "双三分之二参与、双过半数同意";
    r.title_en = "two thirds take part (area and headcount); more than half of them agree (area and headcount)";
    r.source = "民法典第278条第2款(一)—(五)、(九)项";
    AddParticipation(r);
    r.tests.push_back(T("agree_area", kArea, kAgree, kOfPart, 1, 2, kGt));
    r.tests.push_back(T("agree_heads", kHeads, kAgree, kOfPart, 1, 2, kGt));
  } else if (name == "order165_fund_use_without_assembly") {
    // 住宅专项维修资金管理办法 (建设部、财政部令第165号) art. 22(一): before an owners'
    // assembly exists, owners of ≥ 2/3 of the area AND ≥ 2/3 of the headcount of the
    // affected scope agree.
    r.title = "维修资金使用：相关业主双三分之二以上同意";
    r.title_en = "maintenance fund use: owners of at least two thirds of the area and two thirds of the headcount agree";
    r.source = "建设部、财政部令第165号 第22条";
    r.tests.push_back(T("agree_area", kArea, kAgree, kAll, 2, 3, kGe));
    r.tests.push_back(T("agree_heads", kHeads, kAgree, kAll, 2, 3, kGe));
  } else if (name == "yueyang_double_two_thirds") {
    // seed 002_28ab3feb3714a830.txt (岳阳市) 四、(二): "经小区双“2/3”（专有部分占建筑物
    // 总面积三分之二且占总人数三分之二）以上业主签字同意".
    r.title = "双2/3以上业主签字同意";
    r.title_en = "at least two thirds of owners by area and by headcount sign their agreement";
    r.source = "《岳阳市城区老旧小区改造工作实施方案（征求意见稿）》 岳阳市 改造方案";
    r.tests.push_back(T("agree_area", kArea, kAgree, kAll, 2, 3, kGe));
    r.tests.push_back(T("agree_heads", kHeads, kAgree, kAll, 2, 3, kGe));
  } else if (name == "changsha_two_80") {
    // seed 000_0d284f5c619b042b.txt (长沙市) "两个80%": "征求意见80%以上业主的同意，且
    // 获得其中80%以上业主签字同意" — 80% of owners consulted, 80% of those agree.
    r.title = "两个80%";
    r.title_en = "two 80%s: at least 80% of owners consulted, at least 80% of them agree";
    r.source = "《湖南省城镇老旧小区改造“解难题、建机制”可复制经验做法清单（第一批）》（湘建城函〔2021〕161号） 长沙市 改造方案编制";
    r.tests.push_back(T("consulted_heads", kHeads, kPart, kAll, 80, 100, kGe));
    r.tests.push_back(T("agree_heads", kHeads, kAgree, kOfPart, 80, 100, kGe));
  } else if (name == "hebei_80_entry") {
    // seed 001_c9c5fc786dd61830.txt (河北省) 3个80%: "80%的小区居民同意方可纳入改造".
    r.title = "80%的小区居民同意方可纳入改造";
    r.title_en = "an estate enters renovation when at least 80% of its residents agree";
    r.source = "《城镇老旧小区改造可复制政策机制清单（第四批）》 河北省 3个80%（一）";
    r.tests.push_back(T("agree_heads", kHeads, kAgree, kAll, 80, 100, kGe));
  } else if (name == "hebei_80_plan") {
    // seed 001 (河北省): "征求80%的居民意愿制定改造方案" — opinions collected from 80%.
    r.title = "征求80%的居民意愿制定改造方案";
    r.title_en = "the plan is drawn up after consulting at least 80% of residents";
    r.source = "《城镇老旧小区改造可复制政策机制清单（第四批）》 河北省 3个80%（二）";
    r.tests.push_back(T("consulted_heads", kHeads, kPart, kAll, 80, 100, kGe));
  } else if (name == "hebei_80_acceptance") {
    // seed 001 (河北省): "80%的居民满意方可组织竣工验收" — "agree" means satisfied.
    r.title = "80%的居民满意方可组织竣工验收";
    r.title_en = "completion acceptance only when at least 80% of residents are satisfied";
    r.source = "《城镇老旧小区改造可复制政策机制清单（第四批）》 河北省 3个80%（三）";
    r.tests.push_back(T("satisfied_heads", kHeads, kAgree, kAll, 80, 100, kGe));
  } else if (name == "changping_double_80") {
    // seed 001_c9c5fc786dd61830.txt (北京市昌平区昌盛社区): "经业主大会以双超80%的高同意率
    // 表决通过" — area and heads both strictly over 80% of all owners.
    r.title = "双超80%同意";
    r.title_en = "more than 80% of owners agree, by area and by headcount";
    r.source = "《城镇老旧小区改造可复制政策机制清单（第四批）》 北京市昌平区 合并物业管理区域";
    r.tests.push_back(T("agree_area", kArea, kAgree, kAll, 80, 100, kGt));
    r.tests.push_back(T("agree_heads", kHeads, kAgree, kAll, 80, 100, kGt));
  } else if (name == "yichang_all_agree") {
    // seed 001_c9c5fc786dd61830.txt (宜昌市 三轮征询): "最终实现100%居民同意改造方案".
    r.title = "100%居民同意";
    r.title_en = "every resident agrees";
    r.source = "《城镇老旧小区改造可复制政策机制清单（第四批）》 宜昌市 三轮征询";
    r.tests.push_back(T("agree_heads", kHeads, kAgree, kAll, 1, 1, kGe));
  } else {
    std::string names;
    for (std::string_view n : kPresetNames) names += StrCat(names.empty() ? "" : ", ", n);
    return absl::NotFoundError(StrCat("rule: no preset named \"", name, "\" (presets: ", names, ")"));
  }
  return r;
}

std::string_view DefaultVoteRuleName(VoteMatter matter) {
  switch (matter) {
    case VoteMatter::kRaiseFund: case VoteMatter::kRebuild: case VoteMatter::kChangeUse:
      return "civil_code_major";
    case VoteMatter::kRenovationPlan: case VoteMatter::kElevatorAddition:
      // Renovation plans: Zhuhai/Chengdu (seed 001); elevators rebuild common
      // parts, art. 278 item 7.
      return "civil_code_major";
    case VoteMatter::kAcceptanceSatisfaction:
      return "hebei_80_acceptance";
    case VoteMatter::kCustom:
      return "";
    default:
      return "civil_code_ordinary";
  }
}

// ---------------------------------------------------------------------------
// JSON

namespace vote_internal {

absl::StatusOr<VoteRule> RuleFromJsonValue(const boost::json::value& v, std::string_view where) {
  if (v.is_string()) return VoteRulePreset(v.get_string());
  if (!v.is_object()) return absl::InvalidArgumentError(StrCat(where, ": expected an object"));
  internal::Fields f(v.get_object(), std::string(where), kFieldStyle);
  RENEWAL_RETURN_IF_ERROR(f.OnlyKeys({"name", "title", "title_en", "source", "tests"}));
  VoteRule r;
  RENEWAL_RETURN_IF_ERROR(f.String("name", true, &r.name));
  RENEWAL_RETURN_IF_ERROR(f.String("title", false, &r.title));
  RENEWAL_RETURN_IF_ERROR(f.String("title_en", false, &r.title_en));
  RENEWAL_RETURN_IF_ERROR(f.String("source", false, &r.source));
  const boost::json::value* tests = f.Find("tests");
  if (tests == nullptr || !tests->is_array()) return f.Invalid("tests", "expected an array");
  std::size_t i = 0;
  for (const boost::json::value& tv : tests->get_array()) {
    const std::string w = StrCat(where, " tests[", i++, "]");
    if (!tv.is_object()) return absl::InvalidArgumentError(StrCat(w, ": expected an object"));
    internal::Fields t_f(tv.get_object(), w, kFieldStyle);
    RENEWAL_RETURN_IF_ERROR(
        t_f.OnlyKeys({"name", "basis", "counted", "over", "threshold", "comparison"}));
    ThresholdTest t;
    RENEWAL_RETURN_IF_ERROR(t_f.String("name", true, &t.name));
    RENEWAL_RETURN_IF_ERROR(t_f.Enum("basis", true, &t.basis));
    RENEWAL_RETURN_IF_ERROR(t_f.Enum("counted", true, &t.counted));
    RENEWAL_RETURN_IF_ERROR(t_f.Enum("over", true, &t.over));
    RENEWAL_RETURN_IF_ERROR(t_f.Enum("comparison", true, &t.comparison));
    std::string thr;
    RENEWAL_RETURN_IF_ERROR(t_f.String("threshold", true, &thr));
    auto frac = ParseThreshold(thr);
    if (!frac.ok()) return absl::InvalidArgumentError(StrCat(w, " ", frac.status().message()));
    t.threshold = *frac;
    r.tests.push_back(std::move(t));
  }
  if (auto st = ValidateVoteRule(r); !st.ok()) {
    return absl::InvalidArgumentError(StrCat(where, ": ", st.message()));
  }
  return r;
}

boost::json::object RuleToJsonValue(const VoteRule& rule) {
  boost::json::object o;
  o["name"] = rule.name;
  o["title"] = rule.title;
  if (!rule.title_en.empty()) o["title_en"] = rule.title_en;
  o["source"] = rule.source;
  boost::json::array tests;
  for (const ThresholdTest& t : rule.tests) {
    boost::json::object to;
    to["name"] = t.name;
    to["basis"] = KeyOf(t.basis);
    to["counted"] = KeyOf(t.counted);
    to["over"] = KeyOf(t.over);
    to["threshold"] = ThresholdToString(t.threshold);
    to["comparison"] = KeyOf(t.comparison);
    tests.push_back(std::move(to));
  }
  o["tests"] = std::move(tests);
  return o;
}

}  // namespace vote_internal

absl::StatusOr<VoteRule> ParseVoteRuleJson(std::string_view json) {
  absl::StatusOr<boost::json::value> v = internal::ParseJson(json);
  if (!v.ok()) return internal::Prefixed(v.status(), "rule");
  return vote_internal::RuleFromJsonValue(*v, "rule");
}

std::string VoteRuleToJson(const VoteRule& rule) { return boost::json::serialize(vote_internal::RuleToJsonValue(rule)); }

}  // namespace renewal
