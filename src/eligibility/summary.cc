#include "renewal/eligibility/summary.h"

#include <cstdint>

#include "renewal/base/json_write.h"
#include "renewal/base/strcat.h"

namespace renewal {
namespace {

using internal::AppendJsonString;

CitySummary Count(const Registry& r, const ScreeningResult* screening) {
  CitySummary s;
  s.districts.resize(r.district_count());
  for (Index d = 0; d < r.district_count(); ++d) {
    s.districts[d].district_id = r.district(d).id;
    s.districts[d].district_name = r.district(d).name;
  }
  const auto& area = r.dwellings().area_centi;
  for (Index e = 0; e < r.estate_count(); ++e) {
    const Estate& estate = r.estate(e);
    SummaryRow& row = s.districts[estate.district];
    ++row.estates;
    row.buildings += estate.building_count;
    const auto [first, count] = r.DwellingRangeOfEstate(e);
    row.dwellings += count;
    std::int64_t centi = 0;
    for (Index i = first; i < first + count; ++i) centi += area[i];
    row.area += Area::Centi(centi);
    if (screening != nullptr) {
      switch (screening->status[e]) {
        case Eligibility::kEligible: ++row.eligible; break;
        case Eligibility::kIneligible: ++row.ineligible; break;
        case Eligibility::kUndetermined: ++row.undetermined; break;
      }
    }
  }
  s.total.district_name = "合计";
  for (const SummaryRow& row : s.districts) {
    s.total.estates += row.estates;
    s.total.buildings += row.buildings;
    s.total.dwellings += row.dwellings;
    s.total.area += row.area;
    s.total.eligible += row.eligible;
    s.total.ineligible += row.ineligible;
    s.total.undetermined += row.undetermined;
  }
  return s;
}

void AppendRow(std::string& out, const SummaryRow& row, bool screened) {
  out += "{\"district_id\":";
  if (row.district_id.empty()) {
    out += "null";
  } else {
    AppendJsonString(out, row.district_id);
  }
  out += ",\"district\":";
  AppendJsonString(out, row.district_name);
  out += StrCat(",\"estates\":", row.estates, ",\"buildings\":", row.buildings,
                ",\"households\":", row.dwellings, ",\"area_m2\":\"", row.area.ToString(), "\"",
                ",\"area_centi_m2\":", row.area.centi());
  if (screened) {
    out += StrCat(",\"eligible\":", row.eligible, ",\"ineligible\":", row.ineligible,
                  ",\"undetermined\":", row.undetermined);
  }
  out += "}";
}

}  // namespace

CitySummary Summarize(const Registry& registry) { return Count(registry, nullptr); }

CitySummary Summarize(const Registry& registry, const Policy& policy,
                      const ScreeningResult& screening, int year) {
  CitySummary s = Count(registry, &screening);
  s.policy = policy.name;
  s.year = year;
  return s;
}

void WriteSummaryJson(const CitySummary& s, std::ostream& out) {
  const bool screened = s.policy.has_value();
  std::string text = "{\"policy\":";
  if (screened) {
    AppendJsonString(text, *s.policy);
    text += StrCat(",\"year\":", s.year);
  } else {
    text += "null,\"year\":null";
  }
  text += ",\"districts\":[";
  for (std::size_t i = 0; i < s.districts.size(); ++i) {
    if (i > 0) text += ",";
    text += "\n  ";
    AppendRow(text, s.districts[i], screened);
  }
  text += "],\n\"total\":";
  AppendRow(text, s.total, screened);
  text += "}\n";
  out << text;
}

namespace {

// One estate's object of the screening document: its rules, values and reasons.
void AppendEstateJson(std::string& text, const Registry& registry, const Policy& policy, Index e,
                      Eligibility status, int year) {
  const Estate& estate = registry.estate(e);
  text += "{\"estate_id\":";
  AppendJsonString(text, estate.id);
  text += ",\"name\":";
  AppendJsonString(text, estate.name);
  text += ",\"district_id\":";
  AppendJsonString(text, registry.district(estate.district).id);
  text += ",\"district\":";
  AppendJsonString(text, registry.district(estate.district).name);
  text += StrCat(",\"status\":\"", KeyOf(status), "\"");
  std::string failed, unknown, rules;
  for (std::size_t k = 0; k < policy.rules.size(); ++k) {
    const EligibilityRule& rule = policy.rules[k];
    const RuleResult res = ExplainRule(rule, estate.facts, year);
    std::string& list = res.outcome == RuleOutcome::kFail ? failed : unknown;
    if (res.outcome != RuleOutcome::kPass) {
      if (!list.empty()) list += ",";
      AppendJsonString(list, rule.id);
    }
    if (k > 0) rules += ",";
    rules += "{\"id\":";
    AppendJsonString(rules, rule.id);
    rules += StrCat(",\"outcome\":\"", KeyOf(res.outcome), "\",\"actual\":");
    AppendJsonString(rules, res.actual);
    rules += ",\"expected\":";
    AppendJsonString(rules, res.expected);
    rules += ",\"reason_zh\":";
    AppendJsonString(rules, ReasonZh(rule, res));
    rules += ",\"reason_en\":";
    AppendJsonString(rules, ReasonEn(rule, res));
    rules += "}";
  }
  text += StrCat(",\"failed\":[", failed, "],\"unknown\":[", unknown, "],\"rules\":[", rules,
                 "]}");
}

std::string HeadJson(const Policy& policy, int year, std::size_t estates, std::size_t eligible,
                     std::size_t ineligible, std::size_t undetermined) {
  return StrCat("{\"policy\":", PolicyToJson(policy), ",\"year\":", year,
                ",\"counts\":{\"estates\":", estates, ",\"eligible\":", eligible,
                ",\"ineligible\":", ineligible, ",\"undetermined\":", undetermined,
                "},\"estates\":[");
}

}  // namespace

void WriteScreeningJson(const Registry& registry, const Policy& policy,
                        const ScreeningResult& screening, int year, std::ostream& out) {
  std::string text = HeadJson(policy, year, screening.estate_count(), screening.eligible,
                              screening.ineligible, screening.undetermined);
  for (Index e = 0; e < screening.estate_count(); ++e) {
    text += e == 0 ? "\n" : ",\n";
    AppendEstateJson(text, registry, policy, e, screening.status[e], year);
    if (text.size() > (1 << 20)) {  // stream in ~1 MB pieces
      out << text;
      text.clear();
    }
  }
  text += "]}\n";
  out << text;
}

void WriteEstateScreeningJson(const Registry& registry, const Policy& policy, Index estate,
                              int year, std::ostream& out) {
  const Eligibility status = ScreenEstate(policy, registry.estate(estate).facts, year).status;
  std::string text = HeadJson(policy, year, 1, status == Eligibility::kEligible,
                              status == Eligibility::kIneligible,
                              status == Eligibility::kUndetermined);
  text += "\n";
  AppendEstateJson(text, registry, policy, estate, status, year);
  text += "]}\n";
  out << text;
}

}  // namespace renewal
