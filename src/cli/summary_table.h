// The city summary (renewal/eligibility/summary.h) as a terminal table.
#ifndef RENEWAL_CLI_SUMMARY_TABLE_H_
#define RENEWAL_CLI_SUMMARY_TABLE_H_

#include <string>

#include "command.h"
#include "renewal/eligibility/summary.h"

namespace renewal::cli {

// The summary as a table labelled in `lang` (区, 小区数, 楼栋数, 户数, 专有面积(m²),
// and when screened 符合, 不符合, 待核实), with a 合计 (total) row. District names
// are proper names, the same in both.
std::string FormatSummaryTable(const CitySummary& summary, Lang lang = Lang::kZh);

// "政策：岳阳市城区老旧小区改造范围，评估年份：2026年" / "policy: Yueyang city-area
// renovation scope, assessment year 2026" (the policy's name when it has no wording
// in that language).
std::string PolicyLine(const Policy& policy, int year, Lang lang);

}  // namespace renewal::cli

#endif  // RENEWAL_CLI_SUMMARY_TABLE_H_
