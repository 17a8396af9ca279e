// Financing and self-balance (资金运营自平衡, BRIEF §5; seed 004 二(四)5; seed 000
// Yueyang Louqu: 3.38亿元 of loans repaid from property fees, parking and ads).
// Loans with a repayment style, revenue streams and operating costs by year give a
// yearly cash-flow table, the payback year, the NPV at a discount rate and whether
// the project balances itself within N years.
//
// Money is exact: interest is balance × rate rounded half away from zero to the fen
// each year; an equal-payment (等额本息) instalment is the smallest whole-fen amount
// that clears the loan in its term (found by bisection over exact integer
// schedules, no floating point); the last instalment clears the balance exactly.
// The NPV is a valuation, not a split: it is computed in long double and rounded
// to the fen.
#ifndef RENEWAL_FINANCING_H_
#define RENEWAL_FINANCING_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "renewal/base/labels.h"
#include "renewal/base/money.h"

namespace renewal {

enum class RepaymentStyle : std::uint8_t { kEqualPayment, kEqualPrincipal, kBullet };
template <>
struct LabelTable<RepaymentStyle> {
  static constexpr std::array<Label<RepaymentStyle>, 3> kLabels{{
      {RepaymentStyle::kEqualPayment, "equal_payment", "等额本息", "equal instalments"},
      {RepaymentStyle::kEqualPrincipal, "equal_principal", "等额本金", "equal principal"},
      {RepaymentStyle::kBullet, "bullet", "先息后本", "interest only, principal at maturity"},
  }};
};

enum class RevenueKind : std::uint8_t {
  kParking, kAdvertising, kElevatorFees, kServiceRoomRent, kPropertyFees, kOther
};
template <>
struct LabelTable<RevenueKind> {
  static constexpr std::array<Label<RevenueKind>, 6> kLabels{{
      {RevenueKind::kParking, "parking", "停车收费", "parking"},
      {RevenueKind::kAdvertising, "advertising", "广告位出租", "advertising"},
      {RevenueKind::kElevatorFees, "elevator_fees", "电梯使用费", "elevator fees"},
      {RevenueKind::kServiceRoomRent, "service_room_rent", "服务用房租金", "service room rent"},
      {RevenueKind::kPropertyFees, "property_fees", "物业收费", "property fees"},
      {RevenueKind::kOther, "other", "其他收益", "other"},
  }};
};

struct Loan {
  std::string id;
  Money principal;            // drawn at year 0
  Ratio annual_rate;          // e.g. 4.2% = Ratio::ParsePercent("4.2")
  int term_years = 0;         // repaid in years 1..term
  int grace_years = 0;        // interest only in years 1..grace (not for bullet)
  RepaymentStyle style = RepaymentStyle::kEqualPayment;
};

// A yearly amount from `first_year` to `last_year` (inclusive; 0 = to the horizon),
// growing by `growth` a year (compounded, rounded to the fen each year).
struct YearlyAmount {
  std::string id;
  RevenueKind kind = RevenueKind::kOther;  // revenues only
  Money amount;
  Ratio growth;
  int first_year = 1;
  int last_year = 0;
};

struct FinancingCase {
  std::string id;
  Money investment;  // spent at year 0
  std::vector<Loan> loans;
  std::vector<YearlyAmount> revenues;
  std::vector<YearlyAmount> operating_costs;
  int horizon_years = 20;
  Ratio discount_rate = Ratio::Percent(4);
  int balance_within_years = 20;  // "balances itself within N years"
};

struct CashFlowYear {
  int year = 0;
  Money revenue;
  Money operating_cost;
  Money interest;
  Money principal;
  Money debt_service;      // interest + principal
  Money project_cash_flow; // revenue − operating cost (− investment in year 0)
  Money net_cash_flow;     // revenue − operating cost − debt service (+ loans − investment in year 0)
  Money cumulative_net;    // Σ net_cash_flow so far
  Money loan_balance;      // outstanding after this year's repayment
};

struct FinancingResult {
  std::vector<CashFlowYear> years;  // 0..horizon
  std::vector<Money> instalments;   // per loan: the equal-payment instalment (0 otherwise)
  // First year whose cumulative project cash flow is ≥ 0 (the investment paid back
  // from operations), if within the horizon.
  std::optional<int> payback_year;
  Money npv;  // of the project cash flows at the discount rate
  // Loans fully repaid within `balance_within_years` and no year up to then with a
  // negative cumulative net cash flow: the project carries its own debt.
  bool self_balancing = false;
  std::optional<int> first_shortfall_year;  // first year with cumulative_net < 0
  // Why (not) self-balancing, with the values: the same reasons wholly in Chinese and
  // wholly in English, in the same order.
  std::vector<std::string> reasons_zh, reasons_en;
};

// Errors (InvalidArgument naming the record and field): negative amounts, term < 1,
// grace ≥ term, horizon < 1 or > 100; OutOfRange on money overflow.
absl::StatusOr<FinancingResult> AnalyseFinancing(const FinancingCase& c);

// One loan's schedule (interest, principal) for years 1..term.
struct LoanYear {
  Money interest;
  Money principal;
};
absl::StatusOr<std::vector<LoanYear>> LoanSchedule(const Loan& loan, Money* instalment = nullptr);

}  // namespace renewal

#endif  // RENEWAL_FINANCING_H_
