// The GeoJSON properties of a screening, one string of members per estate.
#include "renewal/eligibility/screening_map.h"

#include "renewal/base/json_write.h"
#include "renewal/base/strcat.h"

namespace renewal {
namespace {

void Strings(std::string& out, std::string_view key, const std::vector<std::string>& values) {
  out += ',';
  internal::AppendJsonString(out, key);
  out += ":[";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i != 0) out += ',';
    internal::AppendJsonString(out, values[i]);
  }
  out += ']';
}

}  // namespace

std::vector<std::string> ScreeningMapProperties(const Registry& r, const Policy& policy,
                                                const ScreeningResult& screening, int year) {
  std::vector<std::string> out(screening.estate_count());
  for (Index e = 0; e < screening.estate_count(); ++e) {
    std::vector<std::string> failed, unknown, zh, en;
    for (std::size_t k = 0; k < screening.rule_count; ++k) {
      const RuleOutcome o = screening.outcome(e, k);
      if (o == RuleOutcome::kPass) continue;
      (o == RuleOutcome::kFail ? failed : unknown).push_back(policy.rules[k].id);
      // The compared values only for the rules shown, as the screen command does.
      const RuleResult result = ExplainRule(policy.rules[k], r.estate(e).facts, year);
      zh.push_back(ReasonZh(policy.rules[k], result));
      en.push_back(ReasonEn(policy.rules[k], result));
    }
    std::string& s = out[e];
    s += "\"status\":";
    internal::AppendJsonString(s, KeyOf(screening.status[e]));
    s += ",\"status_zh\":";
    internal::AppendJsonString(s, ZhOf(screening.status[e]));
    s += ",\"policy\":";
    internal::AppendJsonString(s, policy.name);
    s += StrCat(",\"year\":", year);
    Strings(s, "failed_rules", failed);
    Strings(s, "unknown_rules", unknown);
    Strings(s, "reasons_zh", zh);
    Strings(s, "reasons_en", en);
  }
  return out;
}

}  // namespace renewal
