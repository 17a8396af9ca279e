// The city summary (renewal/eligibility/summary.h) as a terminal table.
#ifndef RENEWAL_CLI_SUMMARY_TABLE_H_
#define RENEWAL_CLI_SUMMARY_TABLE_H_

#include <string>

#include "renewal/eligibility/summary.h"

namespace renewal::cli {

// The summary as a Chinese-labelled table (区, 小区数, 楼栋数, 户数, 专有面积(m²),
// and when screened 符合, 不符合, 待核实), with a 合计 row.
std::string FormatSummaryTable(const CitySummary& summary);

}  // namespace renewal::cli

#endif  // RENEWAL_CLI_SUMMARY_TABLE_H_
