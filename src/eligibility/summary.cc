#include "renewal/eligibility/summary.h"

#include <algorithm>
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

// Decodes one UTF-8 code point at `i` (advancing it); invalid bytes count as one.
std::uint32_t NextCodePoint(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  int len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 1;
  if (i + static_cast<std::size_t>(len) > s.size()) len = 1;
  std::uint32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1Fu) : len == 3 ? (b0 & 0x0Fu) : (b0 & 0x07u);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
  i += static_cast<std::size_t>(len);
  return cp;
}

bool IsWide(std::uint32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
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

void WriteScreeningJson(const Registry& registry, const Policy& policy,
                        const ScreeningResult& screening, int year, std::ostream& out) {
  std::string text = StrCat("{\"policy\":", PolicyToJson(policy), ",\"year\":", year,
                            ",\"counts\":{\"estates\":", screening.estate_count(),
                            ",\"eligible\":", screening.eligible,
                            ",\"ineligible\":", screening.ineligible,
                            ",\"undetermined\":", screening.undetermined, "},\"estates\":[");
  for (Index e = 0; e < screening.estate_count(); ++e) {
    const Estate& estate = registry.estate(e);
    text += e == 0 ? "\n" : ",\n";
    text += "{\"estate_id\":";
    AppendJsonString(text, estate.id);
    text += ",\"name\":";
    AppendJsonString(text, estate.name);
    text += ",\"district_id\":";
    AppendJsonString(text, registry.district(estate.district).id);
    text += ",\"district\":";
    AppendJsonString(text, registry.district(estate.district).name);
    text += StrCat(",\"status\":\"", KeyOf(screening.status[e]), "\"");
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
    if (text.size() > (1 << 20)) {  // stream in ~1 MB pieces
      out << text;
      text.clear();
    }
  }
  text += "]}\n";
  out << text;
}

std::size_t DisplayWidth(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) width += IsWide(NextCodePoint(text, i)) ? 2 : 1;
  return width;
}

std::string FormatTable(const std::vector<std::vector<std::string>>& rows,
                        const std::vector<std::size_t>& right_aligned) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (std::size_t c = 0; c < row.size(); ++c) {
      widths[c] = std::max(widths[c], DisplayWidth(row[c]));
    }
  }
  const auto is_right = [&](std::size_t c) {
    return std::find(right_aligned.begin(), right_aligned.end(), c) != right_aligned.end();
  };
  std::string out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::string line;
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      const std::string& cell = rows[r][c];
      const std::size_t pad = widths[c] - DisplayWidth(cell);
      if (c > 0) line += "  ";
      if (is_right(c)) line.append(pad, ' ');
      line += cell;
      if (!is_right(c) && c + 1 < rows[r].size()) line.append(pad, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
    if (r == 0) {
      std::size_t total = 0;
      for (std::size_t c = 0; c < widths.size(); ++c) total += widths[c] + (c > 0 ? 2 : 0);
      out.append(total, '-');
      out += '\n';
    }
  }
  return out;
}

std::string FormatSummaryTable(const CitySummary& s) {
  const bool screened = s.policy.has_value();
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header = {"区", "小区数", "楼栋数", "户数", "专有面积(m²)"};
  if (screened) {
    header.insert(header.end(), {"符合", "不符合", "待核实"});
  }
  rows.push_back(header);
  const auto add = [&](const SummaryRow& row) {
    std::vector<std::string> cells = {row.district_name, StrCat(row.estates),
                                      StrCat(row.buildings), StrCat(row.dwellings),
                                      row.area.ToString()};
    if (screened) {
      cells.insert(cells.end(),
                   {StrCat(row.eligible), StrCat(row.ineligible), StrCat(row.undetermined)});
    }
    rows.push_back(std::move(cells));
  };
  for (const SummaryRow& row : s.districts) add(row);
  add(s.total);
  std::vector<std::size_t> right;
  for (std::size_t c = 1; c < header.size(); ++c) right.push_back(c);
  return FormatTable(rows, right);
}

}  // namespace renewal
