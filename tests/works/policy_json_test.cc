// The works policies read from JSON (docs/schemas/works-policy.schema.json): presets by
// name, a policy spelled out, every error naming its field, and the loaded deadlines
// used by the works.
#include <gtest/gtest.h>

#include "renewal/works/works_policy_json.h"
#include "works/works_test_util.h"

namespace renewal {
namespace {

using namespace testing_works;

TEST(WorksPolicyJson, PresetsByNameAndRoundTrip) {
  auto p = ParseWorksPolicyJson(
      R"({"complaints":"liuyang_huitong","changes":"huitong","acceptance":"hebei_80",)"
      R"("warranty":"regulation_279","appointments":"daoxian_suining"})");
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(*p, DefaultWorksPolicy());
  auto empty = ParseWorksPolicyJson("{}");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(*empty, DefaultWorksPolicy());
  // Written out in full, it reads back the same, sources included.
  const std::string text = WorksPolicyToJson(DefaultWorksPolicy());
  auto back = ParseWorksPolicyJson(text);
  ASSERT_TRUE(back.ok()) << back.status() << "\n" << text;
  EXPECT_EQ(*back, DefaultWorksPolicy());
  EXPECT_EQ(WorksPolicyToJson(*back), text);
}

TEST(WorksPolicyJson, LoadedDeadlinesAreUsed) {
  // Acceptance 1 working day, handling 2 calendar days.
  auto p = ParseWorksPolicyJson(R"({"complaints":{"name":"city","accept":{"amount":1,"unit":"working_days"},
      "handle":{"amount":2,"unit":"calendar_days"},"revisit":{"amount":3,"unit":"working_days"},
      "tiers":[{"key":"office","zh":"街道","en":"street office"}]},
      "changes":{"name":"city","major_amount":"100000.00"},
      "acceptance":{"name":"none"},
      "appointments":{"name":"city","supervisors":{"min":2,"max":3},"council":{"min":0,"max":9}}})");
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_FALSE(p->changes.major_share.has_value());
  EXPECT_EQ(*p->changes.major_amount, Y(100'000));
  EXPECT_TRUE(p->acceptance.satisfaction_rule.empty());
  EXPECT_EQ(p->warranty, DefaultWarranty());
  Works w = SmallWorks(*p);
  // Filed Fri 2025-01-24; 国办发明电〔2024〕12号 makes Sun 01-26 a working day, so one
  // working day later is 01-26. Accepted Mon 01-27; two calendar days later: 01-29.
  ASSERT_TRUE(w.Apply(Filing("C-1", "E-1", "P-1", D("2025-01-24"))).ok());
  EXPECT_EQ(w.complaint(0).due, D("2025-01-26"));
  ASSERT_TRUE(w.Apply(Step("C-1", ComplaintAction::kAccept, D("2025-01-27"))).ok());
  EXPECT_EQ(w.complaint(0).due, D("2025-01-29"));
}

TEST(WorksPolicyJson, ErrorsNameTheField) {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {R"({"changes":"huitong","changes":"huitong"})", "duplicate key \"changes\""},
      {R"({"complaints":"beijing"})", "works policy complaints: unknown preset \"beijing\""},
      {R"({"complaints":7})", "works policy complaints: expected a preset name or an object"},
      {R"({"complaints":{"name":"x","tiers":[]},"colour":1})", "colour"},
      {R"({"complaints":{"name":"x","accept":{"amount":-1,"unit":"working_days"},"tiers":[]}})",
       "works policy complaints.accept.amount"},
      {R"({"complaints":{"name":"x","accept":{"amount":1,"unit":"fortnights"},"tiers":[]}})",
       "works policy complaints.accept.unit: unknown label \"fortnights\""},
      {R"({"complaints":{"name":"x","tiers":[{"key":"a","zh":"甲","en":"a"},{"key":"a","zh":"乙","en":"b"}]}})",
       "works policy complaints.tiers[1] key"},
      {R"({"complaints":{"name":"x","tiers":[{"key":"a","zh":"甲"}]}})", "complaints.tiers[0].en"},
      {R"({"complaints":{"tiers":[]}})", "works policy complaints.name"},
      {R"({"changes":{"name":"x","major_share":"120"}})", "works policy changes.major_share"},
      {R"({"changes":{"name":"x","major_amount":"1.005"}})", "works policy changes.major_amount"},
      {R"({"warranty":{"name":"x","periods":[{"item_kind":"roof","months":0}]}})",
       "works policy warranty.periods[0].months"},
      {R"({"warranty":{"name":"x"}})", "works policy warranty.periods"},
      {R"({"appointments":{"name":"x","supervisors":{"min":3,"max":1}}})",
       "works policy appointments.supervisors"},
      {R"({"appointments":{"name":"x","council":{"min":1}}})", "works policy appointments.council.max"},
      {R"([])", "works policy: expected an object"},
  };
  for (const Case& c : cases) {
    auto p = ParseWorksPolicyJson(c.text);
    EXPECT_EQ(p.status().code(), absl::StatusCode::kInvalidArgument) << c.text << "\n" << p.status();
    EXPECT_NE(p.status().message().find(c.message), std::string::npos) << c.text << "\n" << p.status();
  }
  EXPECT_EQ(WorksPolicyFromOption("national").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(WorksPolicyFromOption("default")->complaints.name, "liuyang_huitong");
}

}  // namespace
}  // namespace renewal
