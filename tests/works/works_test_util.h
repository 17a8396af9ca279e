// The small programme the works tests share: two districts, two estates, two
// contractors, two projects under the national_2020 funding preset, and the
// calendar of 2024 and 2025 only.
#ifndef RENEWAL_TESTS_WORKS_WORKS_TEST_UTIL_H_
#define RENEWAL_TESTS_WORKS_WORKS_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <string>

#include "renewal/works/works.h"

namespace renewal::testing_works {

inline Date D(const char* s) { return *Date::Parse(s); }
inline Money Y(std::int64_t yuan) { return *Money::Yuan(yuan); }

inline CostItem Lump(std::string id, Facility f, Money cost) {
  CostItem item;
  item.id = std::move(id);
  item.name = item.id;
  item.facility = f;
  item.category = DefaultCategoryOf(f);
  item.asset_owner = AssetOwner::kOwnersInCommon;
  item.lump_sum = true;
  item.cost = cost;
  return item;
}

inline WorkCalendar Calendar2024And2025() {
  const std::string dir = std::string(RENEWAL_SOURCE_DIR) + "/data/calendar";
  WorkCalendar c;
  EXPECT_TRUE(LoadCalendarFiles(c, {dir + "/2024.json", dir + "/2025.json"}).ok());
  return c;
}

inline WorksDirectory SmallDirectory() {
  WorksDirectory d;
  EXPECT_TRUE(d.AddEstate({"E-1", "D-1"}).ok());
  EXPECT_TRUE(d.AddEstate({"E-2", "D-2"}).ok());
  EXPECT_TRUE(d.AddEstate({"E-3", "D-1"}).ok());
  EXPECT_TRUE(d.AddContractor({"K-1", "甲建设公司"}).ok());
  EXPECT_TRUE(d.AddContractor({"K-2", "乙建设公司"}).ok());
  WorksProject p1;
  p1.id = "P-1";
  p1.estate = "E-1";
  p1.contractor = "K-1";
  p1.contract_amount = Y(1'000'000);
  p1.plan.items = {Lump("roof", Facility::kRoof, Y(100'000)),
                   Lump("green", Facility::kGreening, Y(50'000))};
  p1.funding_policy = "national_2020";
  absl::Status s = d.AddProject(p1);
  EXPECT_TRUE(s.ok()) << s;
  WorksProject p2;
  p2.id = "P-2";
  p2.estate = "E-2";
  p2.contractor = "K-2";
  p2.contract_amount = Y(200'000);
  p2.plan.items = {Lump("roof", Facility::kRoof, Y(200'000))};
  p2.funding_policy = "national_2020";
  s = d.AddProject(p2);
  EXPECT_TRUE(s.ok()) << s;
  return d;
}

inline Works SmallWorks(WorksPolicy policy = DefaultWorksPolicy()) {
  auto w = Works::Create(SmallDirectory(), Calendar2024And2025(), std::move(policy));
  EXPECT_TRUE(w.ok()) << w.status();
  return *std::move(w);
}

inline ComplaintFiled Filing(std::string id, std::string estate, std::string project, Date on) {
  ComplaintFiled f;
  f.id = std::move(id);
  f.estate = std::move(estate);
  f.project = std::move(project);
  f.channel = ComplaintChannel::kHotline;
  f.category = "quality";
  f.text = "楼道漏水";
  f.complainant = "张三丰";
  f.on = on;
  return f;
}

inline ComplaintStepDone Step(std::string id, ComplaintAction a, Date on, bool resolved = false,
                              bool upheld = false) {
  ComplaintStepDone s;
  s.complaint = std::move(id);
  s.action = a;
  s.person = "李四";
  s.on = on;
  s.resolved = resolved;
  s.upheld = upheld;
  return s;
}

}  // namespace renewal::testing_works

#endif  // RENEWAL_TESTS_WORKS_WORKS_TEST_UTIL_H_
