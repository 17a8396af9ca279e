// The CLI's terminal tables: display widths (CJK counts 2) and the city summary
// table, aligned by those widths.
#include "table.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "renewal/eligibility/eligibility.h"
#include "renewal/eligibility/summary.h"
#include "summary_table.h"
#include "support/small_city.h"

namespace renewal::cli {
namespace {

using test_support::SmallCity;

TEST(Summarize, TableAlignsChineseColumns) {
  const Registry r = SmallCity();
  const Policy p = *PresetPolicy("national_2020");
  const CitySummary s = Summarize(r, p, ScreenRegistry(r, p, 2024), 2024);
  EXPECT_EQ(FormatSummaryTable(s),
            "区      小区数  楼栋数  户数  专有面积(m²)  符合  不符合  待核实\n"
            "----------------------------------------------------------------\n"
            "城东区       1       2     3        185.58     0       0       1\n"
            "城西区       2       2     2        140.49     0       1       1\n"
            "新城区       0       0     0          0.00     0       0       0\n"
            "合计         3       4     5        326.07     0       1       2\n");
}

TEST(Text, DisplayWidth) {
  EXPECT_EQ(DisplayWidth(""), 0u);
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("小区"), 4u);
  EXPECT_EQ(DisplayWidth("m²"), 2u);
  EXPECT_EQ(DisplayWidth("（含）"), 6u);
}

}  // namespace
}  // namespace renewal::cli
