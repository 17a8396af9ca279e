#include "renewal/funding/financing.h"

#include <cmath>
#include <limits>

#include "absl/numeric/int128.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"

namespace renewal {
namespace {

using i128 = absl::int128;
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

// balance × rate, half away from zero (balance ≥ 0).
i128 Interest(i128 balance, Ratio rate) {
  const i128 p = balance * rate.num();
  i128 q = p / rate.den();
  if ((p % rate.den()) * 2 >= rate.den()) q += 1;
  return q;
}

// Balance left after `years` equal payments of `a` (after any grace years);
// negative when `a` overpays. Stops early when clearly overpaid.
i128 Remaining(i128 principal, Ratio rate, int years, i128 a) {
  i128 b = principal;
  for (int y = 0; y < years; ++y) {
    b = b + Interest(b, rate) - a;
    // ≤ 100% a year at most doubles b: stop long before 128 bits overflow.
    if (b <= 0 || b > (i128(1) << 100)) return b;
  }
  return b;
}

absl::Status CheckLoan(const Loan& l, std::string_view ref) {
  if (l.principal.is_negative()) {
    return absl::InvalidArgumentError(StrCat(ref, " principal: must be >= 0, got ",
                                             l.principal.ToYuanString()));
  }
  if (l.term_years < 1 || l.term_years > 100) {
    return absl::InvalidArgumentError(StrCat(ref, " term_years: must be 1..100, got ", l.term_years));
  }
  if (l.grace_years < 0 || l.grace_years >= l.term_years) {
    return absl::InvalidArgumentError(StrCat(ref, " grace_years: must be 0..term_years-1, got ",
                                             l.grace_years));
  }
  if (l.annual_rate.exceeds_one()) {
    return absl::InvalidArgumentError(StrCat(ref, " annual_rate: must be <= 100%, got ",
                                             l.annual_rate.ToPercentString()));
  }
  return absl::OkStatus();
}

absl::StatusOr<Money> Fits(i128 v, std::string_view what) {
  if (v > kMax || v < -kMax) return absl::OutOfRangeError(StrCat("money overflow in ", what));
  return Money::Fen(static_cast<std::int64_t>(v));
}

}  // namespace

absl::StatusOr<std::vector<LoanYear>> LoanSchedule(const Loan& loan, Money* instalment) {
  const std::string ref = StrCat("loan \"", loan.id, "\"");
  RENEWAL_RETURN_IF_ERROR(CheckLoan(loan, ref));
  const Ratio r = loan.annual_rate;
  const int n = loan.term_years;
  const int grace = loan.style == RepaymentStyle::kBullet ? 0 : loan.grace_years;
  const int amort = n - grace;
  std::vector<LoanYear> out(static_cast<std::size_t>(n));
  i128 balance = loan.principal.fen();
  if (instalment) *instalment = Money();
  // Equal payment: the smallest whole-fen instalment with Remaining ≤ 0.
  i128 a = 0;
  if (loan.style == RepaymentStyle::kEqualPayment && balance > 0) {
    i128 lo = 0, hi = balance + Interest(balance, r) + 1;  // hi always clears in one year
    while (lo < hi) {
      const i128 mid = lo + (hi - lo) / 2;
      if (Remaining(balance, r, amort, mid) <= 0) hi = mid;
      else lo = mid + 1;
    }
    a = lo;
    if (instalment) {
      RENEWAL_ASSIGN_OR_RETURN(Money m, Fits(a, "instalment"));
      *instalment = m;
    }
  }
  for (int y = 1; y <= n; ++y) {
    const i128 interest = Interest(balance, r);
    i128 principal = 0;
    if (y > grace) {
      const int k = y - grace;  // 1..amort
      switch (loan.style) {
        case RepaymentStyle::kEqualPayment:
          principal = y == n ? balance : std::min(balance, a - interest);
          break;
        case RepaymentStyle::kEqualPrincipal: {
          // P / amort per year; the first (P mod amort) years pay one fen more
          // (largest remainder with equal weights: ties to the earlier year).
          const i128 p = loan.principal.fen();
          principal = p / amort + (k <= static_cast<int>(p % amort) ? 1 : 0);
          break;
        }
        case RepaymentStyle::kBullet:
          principal = y == n ? balance : 0;
          break;
      }
    }
    if (principal < 0) principal = 0;
    balance -= principal;
    RENEWAL_ASSIGN_OR_RETURN(Money im, Fits(interest, "interest"));
    RENEWAL_ASSIGN_OR_RETURN(Money pm, Fits(principal, "principal"));
    out[static_cast<std::size_t>(y - 1)] = {im, pm};
  }
  return out;
}

absl::StatusOr<FinancingResult> AnalyseFinancing(const FinancingCase& c) {
  const std::string ref = StrCat("financing \"", c.id, "\"");
  if (c.horizon_years < 1 || c.horizon_years > 100) {
    return absl::InvalidArgumentError(StrCat(ref, " horizon_years: must be 1..100, got ",
                                             c.horizon_years));
  }
  if (c.investment.is_negative()) {
    return absl::InvalidArgumentError(StrCat(ref, " investment: must be >= 0, got ",
                                             c.investment.ToYuanString()));
  }
  const int h = c.horizon_years;
  std::vector<i128> revenue(h + 1, 0), cost(h + 1, 0), interest(h + 1, 0), principal(h + 1, 0);
  i128 borrowed = 0;
  FinancingResult out;
  int repaid_by = 0;
  for (std::size_t i = 0; i < c.loans.size(); ++i) {
    Money inst;
    absl::StatusOr<std::vector<LoanYear>> s = LoanSchedule(c.loans[i], &inst);
    if (!s.ok()) {
      return absl::Status(s.status().code(), StrCat(ref, " loans[", i, "] ", s.status().message()));
    }
    out.instalments.push_back(inst);
    borrowed += c.loans[i].principal.fen();
    repaid_by = std::max(repaid_by, c.loans[i].term_years);
    for (int y = 1; y <= c.loans[i].term_years && y <= h; ++y) {
      interest[y] += (*s)[static_cast<std::size_t>(y - 1)].interest.fen();
      principal[y] += (*s)[static_cast<std::size_t>(y - 1)].principal.fen();
    }
  }
  const auto add_stream = [&](const std::vector<YearlyAmount>& streams, std::string_view field,
                              std::vector<i128>& into) -> absl::Status {
    for (std::size_t i = 0; i < streams.size(); ++i) {
      const YearlyAmount& s = streams[i];
      const std::string sref = StrCat(ref, " ", field, "[", i, "] \"", s.id, "\"");
      if (s.amount.is_negative()) {
        return absl::InvalidArgumentError(StrCat(sref, " amount: must be >= 0, got ",
                                                 s.amount.ToYuanString()));
      }
      if (s.first_year < 0 || (s.last_year != 0 && s.last_year < s.first_year)) {
        return absl::InvalidArgumentError(StrCat(sref, " years: bad range ", s.first_year, "..",
                                                 s.last_year));
      }
      const int last = s.last_year == 0 ? h : std::min(s.last_year, h);
      i128 v = s.amount.fen();
      for (int y = s.first_year; y <= last; ++y) {
        into[y] += v;
        // Next year's amount: v × (1 + g), half away from zero.
        v += Interest(v, s.growth);
        if (v > kMax) return absl::OutOfRangeError(StrCat(sref, ": money overflow by year ", y));
      }
    }
    return absl::OkStatus();
  };
  RENEWAL_RETURN_IF_ERROR(add_stream(c.revenues, "revenues", revenue));
  RENEWAL_RETURN_IF_ERROR(add_stream(c.operating_costs, "operating_costs", cost));

  i128 balance = borrowed, cumulative = 0, cumulative_project = 0;
  long double npv = 0;
  const long double d = static_cast<long double>(c.discount_rate.num()) /
                        static_cast<long double>(c.discount_rate.den());
  for (int y = 0; y <= h; ++y) {
    CashFlowYear row;
    row.year = y;
    const i128 project = revenue[y] - cost[y] - (y == 0 ? i128(c.investment.fen()) : 0);
    const i128 debt = interest[y] + principal[y];
    const i128 net = project - debt + (y == 0 ? borrowed : 0);
    balance -= principal[y];
    cumulative += net;
    cumulative_project += project;
    for (auto [v, slot] : {std::pair{revenue[y], &row.revenue}, {cost[y], &row.operating_cost},
                           {interest[y], &row.interest}, {principal[y], &row.principal},
                           {debt, &row.debt_service}, {project, &row.project_cash_flow},
                           {net, &row.net_cash_flow}, {cumulative, &row.cumulative_net},
                           {balance, &row.loan_balance}}) {
      absl::StatusOr<Money> m = Fits(v, StrCat("year ", y));
      if (!m.ok()) return absl::OutOfRangeError(StrCat(ref, ": ", m.status().message()));
      *slot = *m;
    }
    if (!out.payback_year && y > 0 && cumulative_project >= 0) out.payback_year = y;
    if (!out.first_shortfall_year && cumulative < 0) out.first_shortfall_year = y;
    npv += static_cast<long double>(project) / std::pow(1.0L + d, static_cast<long double>(y));
    out.years.push_back(row);
  }
  if (!(std::fabs(npv) < 9.2e18L)) {
    return absl::OutOfRangeError(StrCat(ref, ": NPV does not fit in money"));
  }
  out.npv = Money::Fen(static_cast<std::int64_t>(std::llround(npv)));
  const int n = c.balance_within_years;
  bool ok = true;
  // Each reason wholly in Chinese and wholly in English.
  const auto reason = [&out](std::string zh, std::string en) {
    out.reasons_zh.push_back(std::move(zh));
    out.reasons_en.push_back(std::move(en));
  };
  if (repaid_by > n) {
    ok = false;
    reason(StrCat("贷款至第 ", repaid_by, " 年才还清，超过第 ", n, " 年"),
           StrCat("loans run to year ", repaid_by, ", beyond ", n));
  } else {
    reason(StrCat("贷款于第 ", repaid_by, " 年还清（不晚于第 ", n, " 年）"),
           StrCat("loans repaid by year ", repaid_by, " (<= ", n, ")"));
  }
  if (out.first_shortfall_year && *out.first_shortfall_year <= n) {
    ok = false;
    const CashFlowYear& row = out.years[static_cast<std::size_t>(*out.first_shortfall_year)];
    reason(StrCat("第 ", row.year, " 年累计净现金流为 ", row.cumulative_net.ToYuanString(),
                  " 元（小于 0）"),
           StrCat("cumulative net cash flow is ", row.cumulative_net.ToYuanString(), " in year ",
                  row.year, " (< 0)"));
  } else {
    Money lowest = out.years[0].cumulative_net;
    for (int y = 0; y <= std::min(n, h); ++y) {
      lowest = std::min(lowest, out.years[static_cast<std::size_t>(y)].cumulative_net);
    }
    reason(StrCat("至第 ", std::min(n, h), " 年累计净现金流均不低于 0（最低 ",
                  lowest.ToYuanString(), " 元）"),
           StrCat("cumulative net cash flow never below 0 through year ", std::min(n, h),
                  " (lowest ", lowest.ToYuanString(), ")"));
  }
  out.self_balancing = ok;
  return out;
}

}  // namespace renewal
