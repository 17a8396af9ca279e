// Change orders (变更签证), Huitong's rules in 湘建城函〔2021〕161号: a change without new
// content is confirmed on site by the project office with the residents; a major
// change is reviewed by construction, design, supervision, contractor and owner
// representatives, then budget-reviewed by the finance bureau, then approved.
// Major under HuitongChanges(): 500,000 yuan or 10 % of the contract and above.
#include <gtest/gtest.h>

#include "renewal/works/works.h"
#include "works/works_test_util.h"

namespace renewal {
namespace {

using namespace testing_works;
constexpr auto kDistrict = static_cast<std::size_t>(FundingSource::kDistrict);
constexpr auto kResidents = static_cast<std::size_t>(FundingSource::kResidentsDirect);

ChangeOrderRaised Order(std::string id, std::string project, CostItem item, Money stated) {
  ChangeOrderRaised o;
  o.id = std::move(id);
  o.project = std::move(project);
  o.on = D("2025-03-03");
  o.reason = "屋面实际面积大于设计";
  o.edits = {{ItemEdit::Op::kModify, std::move(item)}};
  o.stated_change = stated;
  return o;
}

TEST(ChangeOrders, MinorChangeRecomputesTheFundingSplitToTheFen) {
  // P-1 roof 100,000.00 → 112,345.67: +12,345.67 yuan, 1.23 % of the 1,000,000
  // contract and below 500,000: minor.
  // national_2020 pays a basic item 80 % district, the rest residents:
  //   before: district 80,000.00, residents 20,000.00 (+ greening 25,000 / 25,000)
  //   after:  80 % of 11,234,567 fen = 8,987,653.6 → 8,987,654 district,
  //           residents 11,234,567 − 8,987,654 = 2,246,913
  //   difference: district +9,876.54, residents +2,469.13 (sum 12,345.67).
  Works w = SmallWorks();
  ChangeOrderRaised o = Order("CO-1", "P-1", Lump("roof", Facility::kRoof, Money::Fen(11'234'567)),
                              Money::Fen(1'234'567));
  auto preview = w.PreviewChangeOrder(o);
  ASSERT_TRUE(preview.ok()) << preview.status();
  const ChangeImpact& im = preview->impact;
  EXPECT_FALSE(im.major);
  EXPECT_EQ(im.cost_before, Y(150'000));
  EXPECT_EQ(im.change.fen(), 1'234'567);
  EXPECT_EQ(im.difference[kDistrict].fen(), 987'654);
  EXPECT_EQ(im.difference[kResidents].fen(), 246'913);
  EXPECT_EQ(im.before[kDistrict], Y(105'000));
  EXPECT_NE(im.reason_zh.find("现场签证"), std::string::npos);

  ASSERT_TRUE(w.Apply(o).ok());
  // Not effective until both sign; the project's items are unchanged meanwhile.
  ASSERT_TRUE(w.Apply(ChangeOrderSigned{"CO-1", ChangeRole::kProjectOffice, "赵六", D("2025-03-04")}).ok());
  EXPECT_EQ(w.project(0).plan.items[0].cost, Y(100'000));
  // A major-change signer has no place on a minor order.
  EXPECT_EQ(w.Apply(ChangeOrderSigned{"CO-1", ChangeRole::kFinance, "钱七", D("2025-03-04")}).code(),
            absl::StatusCode::kInvalidArgument);
  ASSERT_TRUE(w.Apply(ChangeOrderSigned{"CO-1", ChangeRole::kResidents, "孙八", D("2025-03-05")}).ok());
  EXPECT_TRUE(w.change_orders()[0].effective);
  EXPECT_EQ(w.project(0).plan.items[0].cost.fen(), 11'234'567);
}

TEST(ChangeOrders, ShareOfContractBoundary) {
  // P-2: contract 200,000. +20,000.00 is exactly 10 %: major ("以上" includes it);
  // +19,999.99 is below: minor.
  Works w = SmallWorks();
  auto at = w.PreviewChangeOrder(Order("CO-2", "P-2", Lump("roof", Facility::kRoof, Y(220'000)), Y(20'000)));
  ASSERT_TRUE(at.ok()) << at.status();
  EXPECT_TRUE(at->impact.major);
  EXPECT_NE(at->impact.reason_en.find("10%"), std::string::npos) << at->impact.reason_en;
  auto below = w.PreviewChangeOrder(Order("CO-2", "P-2", Lump("roof", Facility::kRoof, Money::Fen(21'999'999)),
                                          Money::Fen(1'999'999)));
  ASSERT_TRUE(below.ok()) << below.status();
  EXPECT_FALSE(below->impact.major);
  // A saving counts by its size: −20,000.00 is major too.
  auto saving = w.PreviewChangeOrder(Order("CO-2", "P-2", Lump("roof", Facility::kRoof, Y(180'000)), Y(-20'000)));
  ASSERT_TRUE(saving.ok()) << saving.status();
  EXPECT_TRUE(saving->impact.major);
}

TEST(ChangeOrders, AmountBoundary) {
  // P-1: contract 1,000,000, so 10 % is 100,000 — below 500,000 the share decides.
  // With a 6,000,000 contract, +500,000.00 (8.3 %) is major by amount and
  // +499,999.99 is minor.
  WorksDirectory d = SmallDirectory();
  WorksProject big;
  big.id = "P-3";
  big.estate = "E-3";
  big.contractor = "K-1";
  big.contract_amount = Y(6'000'000);
  big.plan.items = {Lump("wall", Facility::kFacade, Y(1'000'000))};
  ASSERT_TRUE(d.AddProject(big).ok());
  auto w = Works::Create(std::move(d), Calendar2024And2025(), DefaultWorksPolicy());
  ASSERT_TRUE(w.ok());
  auto at = w->PreviewChangeOrder(Order("CO-3", "P-3", Lump("wall", Facility::kFacade, Y(1'500'000)), Y(500'000)));
  ASSERT_TRUE(at.ok()) << at.status();
  EXPECT_TRUE(at->impact.major);
  EXPECT_NE(at->impact.reason_zh.find("500000.00"), std::string::npos) << at->impact.reason_zh;
  auto below = w->PreviewChangeOrder(
      Order("CO-3", "P-3", Lump("wall", Facility::kFacade, Money::Fen(149'999'999)), Money::Fen(49'999'999)));
  ASSERT_TRUE(below.ok()) << below.status();
  EXPECT_FALSE(below->impact.major);
  // No funding policy named: no per-source amounts.
  EXPECT_TRUE(at->impact.difference[kDistrict].is_zero());
}

TEST(ChangeOrders, MajorChangeGoesReviewThenFinanceThenApproval) {
  Works w = SmallWorks();
  ASSERT_TRUE(w.Apply(Order("CO-2", "P-2", Lump("roof", Facility::kRoof, Y(220'000)), Y(20'000))).ok());
  auto sign = [&](ChangeRole r) {
    return w.Apply(ChangeOrderSigned{"CO-2", r, "签字人", D("2025-03-10")});
  };
  EXPECT_EQ(sign(ChangeRole::kResidents).code(), absl::StatusCode::kInvalidArgument);
  ASSERT_TRUE(sign(ChangeRole::kConstruction).ok());
  ASSERT_TRUE(sign(ChangeRole::kDesign).ok());
  absl::Status early = sign(ChangeRole::kFinance);
  EXPECT_EQ(early.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(early.message().find("supervision, contractor, owner_reps"), std::string::npos) << early;
  EXPECT_EQ(sign(ChangeRole::kApproval).code(), absl::StatusCode::kFailedPrecondition);
  ASSERT_TRUE(sign(ChangeRole::kSupervision).ok());
  ASSERT_TRUE(sign(ChangeRole::kContractor).ok());
  ASSERT_TRUE(sign(ChangeRole::kOwnerReps).ok());
  EXPECT_EQ(sign(ChangeRole::kOwnerReps).code(), absl::StatusCode::kFailedPrecondition);
  ASSERT_TRUE(sign(ChangeRole::kFinance).ok());
  EXPECT_FALSE(w.change_orders()[0].effective);
  // A second order on the project waits for this one.
  EXPECT_EQ(w.Apply(Order("CO-9", "P-2", Lump("roof", Facility::kRoof, Y(230'000)), Y(30'000))).code(),
            absl::StatusCode::kFailedPrecondition);
  ASSERT_TRUE(sign(ChangeRole::kApproval).ok());
  EXPECT_TRUE(w.change_orders()[0].effective);
  EXPECT_EQ(w.project(1).plan.items[0].cost, Y(220'000));
}

}  // namespace
}  // namespace renewal
