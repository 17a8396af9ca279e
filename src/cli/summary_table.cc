#include "summary_table.h"

#include <vector>

#include "renewal/base/strcat.h"
#include "table.h"

namespace renewal::cli {

std::string FormatSummaryTable(const CitySummary& s, Lang lang) {
  const bool screened = s.policy.has_value();
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header =
      lang == Lang::kZh
          ? std::vector<std::string>{"区", "小区数", "楼栋数", "户数", "专有面积(m²)"}
          : std::vector<std::string>{"district", "estates", "buildings", "dwellings",
                                     "exclusive area (m²)"};
  if (screened) {
    if (lang == Lang::kZh) {
      header.insert(header.end(), {"符合", "不符合", "待核实"});
    } else {
      header.insert(header.end(), {"eligible", "ineligible", "undetermined"});
    }
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
  if (lang == Lang::kEn) rows.back()[0] = "total";
  std::vector<std::size_t> right;
  for (std::size_t c = 1; c < header.size(); ++c) right.push_back(c);
  return FormatTable(rows, right);
}

std::string PolicyLine(const Policy& policy, int year, Lang lang) {
  if (lang == Lang::kZh) {
    return StrCat("政策：", policy.zh.empty() ? policy.name : policy.zh, "，评估年份：", year,
                  "年\n");
  }
  return StrCat("policy: ", policy.en.empty() ? policy.name : policy.en,
                ", assessment year ", year, "\n");
}

}  // namespace renewal::cli
