// JSON reading of financing cases and writing of their results.
#include "renewal/base/file.h"
#include "renewal/funding/funding_json.h"

#include <string>
#include <string_view>
#include <vector>

#include "funding_json_reader.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"

namespace renewal {

namespace json = boost::json;
using namespace funding_json_internal;  // the private reader kit (funding_json_reader.h)

namespace {

absl::Status ParseStreams(Fields& r, std::string_view key, bool revenue,
                          std::vector<YearlyAmount>* out) {
  const json::array* a = nullptr;
  RENEWAL_RETURN_IF_ERROR(r.Array(key, false, &a));
  if (!a) return absl::OkStatus();
  for (std::size_t i = 0; i < a->size(); ++i) {
    if (!(*a)[i].is_object()) {
      return r.Invalid(StrCat(key, "[", i, "]"),
                       StrCat("expected an object, got ", DescribeScalar((*a)[i])));
    }
    Fields s = Reader((*a)[i].get_object(), StrCat(r.path(), " ", key, "[", i, "]"));
    RENEWAL_RETURN_IF_ERROR(
        s.OnlyKeys({"id", "kind", "amount", "growth", "first_year", "last_year"}));
    YearlyAmount y;
    RENEWAL_RETURN_IF_ERROR(s.String("id", false, &y.id));
    if (revenue) RENEWAL_RETURN_IF_ERROR(s.Enum("kind", false, &y.kind));
    RENEWAL_RETURN_IF_ERROR(s.Yuan("amount", true, &y.amount));
    if (s.Find("growth")) RENEWAL_RETURN_IF_ERROR(s.Percent("growth", &y.growth));
    std::int64_t first = 1, last = 0;
    RENEWAL_RETURN_IF_ERROR(s.IntAtLeast("first_year", 0, &first));
    RENEWAL_RETURN_IF_ERROR(s.IntAtLeast("last_year", 0, &last));
    if (first > 100 || last > 100) return s.Invalid("first_year", "years must be <= 100");
    y.first_year = static_cast<int>(first);
    y.last_year = static_cast<int>(last);
    out->push_back(y);
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<FinancingCase> ParseFinancingCaseJson(std::string_view text) {
  RENEWAL_ASSIGN_OR_RETURN(json::value v, Parse(text, "financing"));
  Fields r = Reader(v.get_object(), "financing");
  RENEWAL_RETURN_IF_ERROR(
      r.OnlyKeys({"$schema", "id", "description", "investment", "loans", "revenues",
                  "operating_costs", "horizon_years", "discount_rate", "balance_within_years"}));
  FinancingCase c;
  RENEWAL_RETURN_IF_ERROR(r.String("id", false, &c.id));
  RENEWAL_RETURN_IF_ERROR(r.Yuan("investment", false, &c.investment));
  const json::array* loans = nullptr;
  RENEWAL_RETURN_IF_ERROR(r.Array("loans", false, &loans));
  if (loans) {
    for (std::size_t i = 0; i < loans->size(); ++i) {
      if (!(*loans)[i].is_object()) return r.Invalid(StrCat("loans[", i, "]"), "expected an object");
      Fields l = Reader((*loans)[i].get_object(), StrCat("financing loans[", i, "]"));
      RENEWAL_RETURN_IF_ERROR(
          l.OnlyKeys({"id", "principal", "rate", "term_years", "grace_years", "style"}));
      Loan loan;
      RENEWAL_RETURN_IF_ERROR(l.String("id", false, &loan.id));
      RENEWAL_RETURN_IF_ERROR(l.Yuan("principal", true, &loan.principal));
      RENEWAL_RETURN_IF_ERROR(l.Percent("rate", &loan.annual_rate));
      std::int64_t term = 0, grace = 0;
      RENEWAL_RETURN_IF_ERROR(l.IntAtLeast("term_years", 1, &term));
      RENEWAL_RETURN_IF_ERROR(l.IntAtLeast("grace_years", 0, &grace));
      if (term > 100 || grace > 100) return l.Invalid("term_years", "must be <= 100");
      loan.term_years = static_cast<int>(term);
      loan.grace_years = static_cast<int>(grace);
      RENEWAL_RETURN_IF_ERROR(l.Enum("style", false, &loan.style));
      c.loans.push_back(loan);
    }
  }
  RENEWAL_RETURN_IF_ERROR(ParseStreams(r, "revenues", true, &c.revenues));
  RENEWAL_RETURN_IF_ERROR(ParseStreams(r, "operating_costs", false, &c.operating_costs));
  std::int64_t horizon = c.horizon_years, within = -1;
  RENEWAL_RETURN_IF_ERROR(r.IntAtLeast("horizon_years", 1, &horizon));
  RENEWAL_RETURN_IF_ERROR(r.IntAtLeast("balance_within_years", 0, &within));
  if (horizon > 100 || within > 100) return r.Invalid("horizon_years", "must be <= 100");
  c.horizon_years = static_cast<int>(horizon);
  c.balance_within_years = within < 0 ? c.horizon_years : static_cast<int>(within);
  if (r.Find("discount_rate"))
    RENEWAL_RETURN_IF_ERROR(r.Percent("discount_rate", &c.discount_rate));
  return c;
}

absl::StatusOr<FinancingCase> LoadFinancingCaseFile(const std::string& path) {
  RENEWAL_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  absl::StatusOr<FinancingCase> c = ParseFinancingCaseJson(text);
  if (!c.ok()) return internal::Prefixed(c.status(), path);
  return c;
}

std::string DumpFinancingResultJson(const FinancingCase& c, const FinancingResult& r) {
  json::object o;
  o["id"] = c.id;
  o["self_balancing"] = r.self_balancing;
  o["payback_year"] = r.payback_year ? json::value(*r.payback_year) : json::value(nullptr);
  o["first_shortfall_year"] =
      r.first_shortfall_year ? json::value(*r.first_shortfall_year) : json::value(nullptr);
  o["npv"] = Yuan(r.npv);
  json::array inst;
  for (Money m : r.instalments) inst.emplace_back(Yuan(m));
  o["instalments"] = std::move(inst);
  // "reasons" in English, as it always was; "reasons_zh" the same in Chinese.
  json::array reasons, reasons_zh;
  for (const std::string& s : r.reasons_en) reasons.emplace_back(s);
  for (const std::string& s : r.reasons_zh) reasons_zh.emplace_back(s);
  o["reasons"] = std::move(reasons);
  o["reasons_zh"] = std::move(reasons_zh);
  json::array years;
  for (const CashFlowYear& y : r.years) {
    json::object x;
    x["year"] = y.year;
    x["revenue"] = Yuan(y.revenue);
    x["operating_cost"] = Yuan(y.operating_cost);
    x["interest"] = Yuan(y.interest);
    x["principal"] = Yuan(y.principal);
    x["debt_service"] = Yuan(y.debt_service);
    x["project_cash_flow"] = Yuan(y.project_cash_flow);
    x["net_cash_flow"] = Yuan(y.net_cash_flow);
    x["cumulative_net"] = Yuan(y.cumulative_net);
    x["loan_balance"] = Yuan(y.loan_balance);
    years.push_back(std::move(x));
  }
  o["years"] = std::move(years);
  return json::serialize(o);
}

}  // namespace renewal
