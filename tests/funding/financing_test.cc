// Loans, yearly cash flows, payback, NPV and self-balance (资金运营自平衡).
#include "renewal/funding/financing.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace renewal {
namespace {

using ::testing::HasSubstr;

Money Yuan(std::int64_t y) { return Money::Fen(y * 100); }

Loan MakeLoan(Money p, Ratio rate, int years, RepaymentStyle style, int grace = 0) {
  Loan l;
  l.id = "L";
  l.principal = p;
  l.annual_rate = rate;
  l.term_years = years;
  l.style = style;
  l.grace_years = grace;
  return l;
}

// 等额本金 1,000,000.00 at 5% over 4 years: principal 250,000 a year; interest on the
// opening balance 50,000 / 37,500 / 25,000 / 12,500.
TEST(LoanTest, EqualPrincipal) {
  auto s = LoanSchedule(MakeLoan(Yuan(1'000'000), Ratio::Percent(5), 4,
                                 RepaymentStyle::kEqualPrincipal));
  ASSERT_TRUE(s.ok()) << s.status();
  const std::int64_t interest[] = {50'000, 37'500, 25'000, 12'500};
  for (int y = 0; y < 4; ++y) {
    EXPECT_EQ((*s)[y].principal, Yuan(250'000));
    EXPECT_EQ((*s)[y].interest, Yuan(interest[y]));
  }
  // 1.00 元 over 3 years: 34, 33, 33 fen (largest remainder, earlier year first).
  s = LoanSchedule(MakeLoan(Money::Fen(100), Ratio(), 3, RepaymentStyle::kEqualPrincipal));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((*s)[0].principal.fen(), 34);
  EXPECT_EQ((*s)[1].principal.fen(), 33);
  EXPECT_EQ((*s)[2].principal.fen(), 33);
}

// 等额本息 1,000.00 at 10% over 2 years. Annuity 1000 × 0.1 / (1 − 1.1⁻²) = 576.19047…
// Smallest whole-fen instalment that clears: 576.19 (year 1: interest 100.00,
// principal 476.19, balance 523.81; year 2: interest 52.381 → 52.38, principal 523.81,
// payment 576.19 exactly). 576.18 leaves 0.02 unpaid.
TEST(LoanTest, EqualPaymentIsExact) {
  Money instalment;
  auto s = LoanSchedule(MakeLoan(Yuan(1'000), Ratio::Percent(10), 2, RepaymentStyle::kEqualPayment),
                        &instalment);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(instalment.fen(), 57'619);
  EXPECT_EQ((*s)[0].interest.fen(), 10'000);
  EXPECT_EQ((*s)[0].principal.fen(), 47'619);
  EXPECT_EQ((*s)[1].interest.fen(), 5'238);
  EXPECT_EQ((*s)[1].principal.fen(), 52'381);
}

// 先息后本 1,000,000 at 5% over 3 years: 50,000 interest a year, principal at the end.
// With 2 grace years, 等额本金 over 4 years repays in years 3–4 only.
TEST(LoanTest, BulletAndGrace) {
  auto s = LoanSchedule(MakeLoan(Yuan(1'000'000), Ratio::Percent(5), 3, RepaymentStyle::kBullet));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((*s)[0].principal, Money());
  EXPECT_EQ((*s)[2].principal, Yuan(1'000'000));
  EXPECT_EQ((*s)[2].interest, Yuan(50'000));
  s = LoanSchedule(
      MakeLoan(Yuan(1'000'000), Ratio::Percent(5), 4, RepaymentStyle::kEqualPrincipal, 2));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((*s)[1].principal, Money());
  EXPECT_EQ((*s)[1].interest, Yuan(50'000));
  EXPECT_EQ((*s)[2].principal, Yuan(500'000));
  EXPECT_EQ((*s)[3].interest, Yuan(25'000));
}

TEST(LoanTest, BadLoans) {
  EXPECT_THAT(LoanSchedule(MakeLoan(Yuan(1), Ratio(), 0, RepaymentStyle::kBullet)).status().message(),
              HasSubstr("loan \"L\" term_years: must be 1..100, got 0"));
  EXPECT_THAT(LoanSchedule(MakeLoan(Yuan(-1), Ratio(), 1, RepaymentStyle::kBullet)).status().message(),
              HasSubstr("principal: must be >= 0"));
  EXPECT_THAT(LoanSchedule(MakeLoan(Yuan(1), Ratio(), 2, RepaymentStyle::kEqualPayment, 2))
                  .status()
                  .message(),
              HasSubstr("grace_years"));
  EXPECT_THAT(LoanSchedule(MakeLoan(Yuan(1), Ratio::Percent(101), 2, RepaymentStyle::kBullet))
                  .status()
                  .message(),
              HasSubstr("annual_rate"));
}

// Seed 000 (Yueyang Louqu, 岳阳楼区): the district operator borrowed 3.38亿元, repaid
// from property fees, parking and advertising. Stated assumptions (not in the seed):
// the loans fund the whole investment; 4.2% a year (5-year LPR in 2021, rounded),
// 20 years, 等额本息; revenues per year: property fees 10,000,000, parking 14,000,000,
// advertising 4,000,000 (flat); operating costs 2,000,000 a year; NPV at 4%.
// Hand check: instalment ≈ 338M × 0.042 / (1 − 1.042⁻²⁰) = 14.196M / 0.56082 ≈ 25.313M;
// net of debt service 26M − 25.313M ≈ +0.687M a year → self-balancing;
// payback of the project: 338M / 26M = 13 years exactly (cumulative 0 at year 13);
// NPV = −338M + 26M × 13.5903 (annuity factor 20y @ 4%) ≈ 15.35M.
FinancingCase Louqu(Money parking) {
  FinancingCase c;
  c.id = "yueyang_louqu";
  c.investment = Yuan(338'000'000);
  c.loans.push_back(MakeLoan(Yuan(338'000'000), *Ratio::ParsePercent("4.2"), 20,
                             RepaymentStyle::kEqualPayment));
  c.revenues = {{"fees", RevenueKind::kPropertyFees, Yuan(10'000'000), Ratio(), 1, 0},
                {"parking", RevenueKind::kParking, parking, Ratio(), 1, 0},
                {"ads", RevenueKind::kAdvertising, Yuan(4'000'000), Ratio(), 1, 0}};
  c.operating_costs = {{"ops", RevenueKind::kOther, Yuan(2'000'000), Ratio(), 1, 0}};
  c.horizon_years = 20;
  c.discount_rate = Ratio::Percent(4);
  c.balance_within_years = 20;
  return c;
}

TEST(FinancingTest, YueyangLouquBalancesItself) {
  absl::StatusOr<FinancingResult> r = AnalyseFinancing(Louqu(Yuan(14'000'000)));
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->years.size(), 21u);
  EXPECT_GT(r->instalments[0], Yuan(25'300'000));
  EXPECT_LT(r->instalments[0], Yuan(25'330'000));
  EXPECT_EQ(r->years[20].loan_balance, Money());
  EXPECT_EQ(r->years[0].net_cash_flow, Money());  // borrowed = invested
  EXPECT_EQ(r->years[1].revenue, Yuan(28'000'000));
  EXPECT_EQ(r->years[1].debt_service, r->instalments[0]);
  EXPECT_EQ(r->payback_year, 13);
  EXPECT_EQ(r->years[13].cumulative_net.fen() >= 0, true);
  EXPECT_TRUE(r->self_balancing);
  EXPECT_FALSE(r->first_shortfall_year.has_value());
  EXPECT_GT(r->npv, Yuan(15'200'000));
  EXPECT_LT(r->npv, Yuan(15'500'000));
  // Σ principal repaid = the loan, to the fen.
  std::int64_t repaid = 0;
  for (const CashFlowYear& y : r->years) repaid += y.principal.fen();
  EXPECT_EQ(repaid, Yuan(338'000'000).fen());
}

// With parking at 6,000,000 the revenues (20M − 2M = 18M) do not cover the ≈25.3M
// instalment: the first shortfall is year 1, not self-balancing.
TEST(FinancingTest, ShortfallIsReportedWithValues) {
  absl::StatusOr<FinancingResult> r = AnalyseFinancing(Louqu(Yuan(6'000'000)));
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->self_balancing);
  EXPECT_EQ(r->first_shortfall_year, 1);
  // The reasons, wholly in each language: a 20-year loan taken in year 0 is repaid by
  // year 20, within the 20 years asked for; year 1's cumulative net is below 0.
  const std::string year1 = r->years[1].cumulative_net.ToYuanString();
  ASSERT_EQ(r->reasons_zh.size(), 2u);
  ASSERT_EQ(r->reasons_en.size(), 2u);
  EXPECT_EQ(r->reasons_zh[0], "贷款于第 20 年还清（不晚于第 20 年）");
  EXPECT_EQ(r->reasons_en[0], "loans repaid by year 20 (<= 20)");
  EXPECT_EQ(r->reasons_zh[1], "第 1 年累计净现金流为 " + year1 + " 元（小于 0）");
  EXPECT_EQ(r->reasons_en[1], "cumulative net cash flow is " + year1 + " in year 1 (< 0)");
  EXPECT_EQ(year1[0], '-');
  EXPECT_EQ(r->payback_year, 19);  // 338M / 18M = 18.78 → paid back in year 19
}

TEST(FinancingTest, GrowthAndBadInput) {
  FinancingCase c;
  c.id = "g";
  c.horizon_years = 3;
  // 100.00 growing 10%: 100.00, 110.00, 121.00.
  c.revenues = {{"r", RevenueKind::kParking, Yuan(100), Ratio::Percent(10), 1, 0}};
  absl::StatusOr<FinancingResult> r = AnalyseFinancing(c);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->years[3].revenue, Yuan(121));
  EXPECT_EQ(r->payback_year, 1);
  c.revenues[0].amount = Yuan(-1);
  EXPECT_THAT(AnalyseFinancing(c).status().message(),
              HasSubstr("financing \"g\" revenues[0] \"r\" amount: must be >= 0"));
  c.horizon_years = 0;
  EXPECT_EQ(AnalyseFinancing(c).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace renewal
