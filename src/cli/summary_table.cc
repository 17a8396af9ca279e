#include "summary_table.h"

#include <vector>

#include "renewal/base/strcat.h"
#include "table.h"

namespace renewal::cli {

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

}  // namespace renewal::cli
