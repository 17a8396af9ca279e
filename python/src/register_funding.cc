// renewal._core.funding: cost plans, funding policies, allocations, the per-dwelling
// residents' share and the self-balance analysis. Results are plain columns (dicts
// of lists, money in integer fen); python/renewal/funding.py makes DataFrames. Money
// given to a financing case is yuan as Decimal or str (MoneyArg, bindings.h).
#include "bindings.h"

#include <string>
#include <vector>

#include "renewal/funding/cost.h"
#include "renewal/funding/financing.h"
#include "renewal/funding/funding.h"
#include "renewal/funding/funding_dwellings.h"
#include "renewal/funding/funding_json.h"
#include "renewal/registry/registry.h"

namespace renewal::python {
namespace {

bool LooksLikeJson(const std::string& s) {
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') continue;
    return c == '{';
  }
  return false;
}

FundingPolicy PolicyOf(const std::string& spec) {
  if (LooksLikeJson(spec)) return ValueOrThrow(ParseFundingPolicyJson(spec));
  return ValueOrThrow(ResolveFundingPolicy(spec));
}

CostPlan PlanOf(const std::string& spec) {
  if (LooksLikeJson(spec)) return ValueOrThrow(ParseCostPlanJson(spec));
  return ValueOrThrow(LoadCostPlanFile(spec));
}

py::dict ShareColumns(const FundingAllocation& a, const FundingPolicy& policy, const CostPlan& plan) {
  py::list item_id, item_name, category, facility, source, amount, step, rule, from, clipped,
      explain_zh, explain_en;
  for (std::uint32_t i = 0; i < plan.items.size(); ++i) {
    for (const FundingShare& s : a.SharesOf(i)) {
      item_id.append(plan.items[i].id);
      item_name.append(plan.items[i].name);
      category.append(std::string(KeyOf(plan.items[i].category)));
      facility.append(std::string(KeyOf(plan.items[i].facility)));
      source.append(std::string(KeyOf(s.source)));
      amount.append(s.amount.fen());
      step.append(std::string(KeyOf(s.step)));
      rule.append(s.rule < policy.rules.size() ? py::object(py::str(policy.rules[s.rule].id))
                                               : py::object(py::none()));
      from.append(s.from ? py::object(py::str(std::string(KeyOf(*s.from)))) : py::object(py::none()));
      clipped.append(s.clipped);
      explain_zh.append(ExplainShareZh(s, policy));
      explain_en.append(ExplainShareEn(s, policy));
    }
  }
  py::list ids, costs, gaps;
  for (std::uint32_t i = 0; i < plan.items.size(); ++i) {
    ids.append(plan.items[i].id);
    costs.append(a.item_cost[i].fen());
    gaps.append(a.item_gap[i].fen());
  }
  py::dict shares;
  shares["item_id"] = item_id;
  shares["item_name"] = item_name;
  shares["category"] = category;
  shares["facility"] = facility;
  shares["source"] = source;
  shares["amount_fen"] = amount;
  shares["step"] = step;
  shares["rule"] = rule;
  shares["from"] = from;
  shares["clipped"] = clipped;
  shares["explain_zh"] = explain_zh;  // renewal.funding picks one by its lang
  shares["explain_en"] = explain_en;
  py::dict items;
  items["item_id"] = ids;
  items["cost_fen"] = costs;
  items["gap_fen"] = gaps;
  py::dict out;
  out["plan"] = a.plan;
  out["policy"] = a.policy;
  out["shares"] = shares;
  out["items"] = items;
  out["total_cost_fen"] = a.total_cost.fen();
  out["gap_fen"] = a.gap.fen();
  out["notes_zh"] = a.notes_zh;
  out["notes_en"] = a.notes_en;
  return out;
}

// Money in a financing case is in yuan: Decimal or str (an int meant yuan here before,
// and would now mean fen, so it is refused with what to pass; bindings.h).
Money YuanOf(const py::handle& v, const std::string& field) {
  return MoneyArg(v, field, MoneyForm::kYuan);
}

Ratio PercentOf(const py::handle& v, const char* field) {
  if (py::isinstance<py::str>(v)) return ValueOrThrow(Ratio::ParsePercent(v.cast<std::string>()));
  if (py::isinstance<py::int_>(v) && v.cast<std::int64_t>() >= 0) {
    return Ratio::Percent(v.cast<std::int64_t>());
  }
  ThrowStatus(absl::InvalidArgumentError(std::string(field) +
                                         ": expected a percentage as a str like \"4.2\" or an int"));
}

template <class E>
E EnumOf(const py::handle& v, const char* field) {
  return LabelArg<E>(py::str(v), field);
}

std::vector<YearlyAmount> StreamsOf(const py::dict& d, const char* key) {
  std::vector<YearlyAmount> out;
  if (!d.contains(key)) return out;
  std::size_t i = 0;
  for (const py::handle& h : d[key]) {
    const py::dict s = py::reinterpret_borrow<py::dict>(h);
    YearlyAmount y;
    y.id = s.contains("id") ? s["id"].cast<std::string>() : "";
    if (s.contains("kind")) y.kind = EnumOf<RevenueKind>(s["kind"], "kind");
    y.amount = YuanOf(s["amount"], std::string(key) + "[" + std::to_string(i) + "].amount");
    if (s.contains("growth")) y.growth = PercentOf(s["growth"], "growth");
    if (s.contains("first_year")) y.first_year = s["first_year"].cast<int>();
    if (s.contains("last_year")) y.last_year = s["last_year"].cast<int>();
    out.push_back(y);
    ++i;
  }
  return out;
}

py::dict AnalyseFinancingDict(const py::dict& d) {
  FinancingCase c;
  c.id = d.contains("id") ? d["id"].cast<std::string>() : "";
  if (d.contains("investment")) c.investment = YuanOf(d["investment"], "investment");
  if (d.contains("loans")) {
    std::size_t i = 0;
    for (const py::handle& h : d["loans"]) {
      const py::dict l = py::reinterpret_borrow<py::dict>(h);
      Loan loan;
      loan.id = l.contains("id") ? l["id"].cast<std::string>() : "";
      loan.principal = YuanOf(l["principal"], "loans[" + std::to_string(i++) + "].principal");
      loan.annual_rate = PercentOf(l["rate"], "rate");
      loan.term_years = l["term_years"].cast<int>();
      if (l.contains("grace_years")) loan.grace_years = l["grace_years"].cast<int>();
      if (l.contains("style")) loan.style = EnumOf<RepaymentStyle>(l["style"], "style");
      c.loans.push_back(loan);
    }
  }
  c.revenues = StreamsOf(d, "revenues");
  c.operating_costs = StreamsOf(d, "operating_costs");
  if (d.contains("horizon_years")) c.horizon_years = d["horizon_years"].cast<int>();
  if (d.contains("discount_rate")) c.discount_rate = PercentOf(d["discount_rate"], "discount_rate");
  c.balance_within_years =
      d.contains("balance_within_years") ? d["balance_within_years"].cast<int>() : c.horizon_years;
  const FinancingResult r = ValueOrThrow(AnalyseFinancing(c));
  py::list year, revenue, cost, interest, principal, debt, project, net, cumulative, balance;
  for (const CashFlowYear& y : r.years) {
    year.append(y.year);
    revenue.append(y.revenue.fen());
    cost.append(y.operating_cost.fen());
    interest.append(y.interest.fen());
    principal.append(y.principal.fen());
    debt.append(y.debt_service.fen());
    project.append(y.project_cash_flow.fen());
    net.append(y.net_cash_flow.fen());
    cumulative.append(y.cumulative_net.fen());
    balance.append(y.loan_balance.fen());
  }
  py::dict years;
  years["year"] = year;
  years["revenue_fen"] = revenue;
  years["operating_cost_fen"] = cost;
  years["interest_fen"] = interest;
  years["principal_fen"] = principal;
  years["debt_service_fen"] = debt;
  years["project_cash_flow_fen"] = project;
  years["net_cash_flow_fen"] = net;
  years["cumulative_net_fen"] = cumulative;
  years["loan_balance_fen"] = balance;
  py::list inst;
  for (Money m : r.instalments) inst.append(m.fen());
  py::dict out;
  out["years"] = years;
  out["instalments_fen"] = inst;
  out["payback_year"] = r.payback_year ? py::object(py::int_(*r.payback_year)) : py::object(py::none());
  out["npv_fen"] = r.npv.fen();
  out["self_balancing"] = r.self_balancing;
  out["first_shortfall_year"] = r.first_shortfall_year
                                    ? py::object(py::int_(*r.first_shortfall_year))
                                    : py::object(py::none());
  out["reasons_zh"] = r.reasons_zh;
  out["reasons_en"] = r.reasons_en;
  return out;
}

}  // namespace

void register_funding(py::module_& f) {
  f.def("presets", [] {
    std::vector<std::string> out;
    for (std::string_view n : FundingPresetNames()) out.emplace_back(n);
    return out;
  }, "The funding policy preset names.");
  f.def("policy_json", [](const Text& spec) { return DumpFundingPolicyJson(PolicyOf(spec)); },
        py::arg("policy"),
        "The policy as JSON.\n\n:param policy: a preset name (``a+b`` composes), a path to a .json "
        "policy, or JSON text.\n:returns: JSON text.\n:raises renewal.InvalidArgumentError: bad policy.");
  f.def("plan_json_check", [](const Text& spec) {
    const CostPlan plan = PlanOf(spec);
    py::dict out;
    py::list ids, costs;
    for (const CostItem& i : plan.items) {
      ids.append(i.id);
      costs.append(i.cost.fen());
    }
    out["id"] = plan.id;
    out["item_id"] = ids;
    out["cost_fen"] = costs;
    return out;
  }, py::arg("plan"), "Parses a plan (JSON text or path) and returns its item costs in fen.");
  f.def("split", [](const Text& plan_spec, const Text& policy_spec) {
    const CostPlan plan = PlanOf(plan_spec);
    const FundingPolicy policy = PolicyOf(policy_spec);
    FundingAllocation a;
    {
      py::gil_scoped_release release;
      a = ValueOrThrow(Allocate(policy, plan));
    }
    return ShareColumns(a, policy, plan);
  }, py::arg("plan"), py::arg("policy"),
        "Splits a plan's costs among sources.\n\n:param plan: plan JSON text or path.\n"
        ":param policy: preset name, path or JSON text.\n:returns: dict with ``shares`` and "
        "``items`` columns (money in fen), totals, and the explanations and notes in Chinese and in English (``*_zh``, ``*_en``).\n:raises renewal.InvalidArgumentError: "
        "bad plan or policy.");
  f.def("split_json", [](const Text& plan_spec, const Text& policy_spec) {
    const CostPlan plan = PlanOf(plan_spec);
    const FundingPolicy policy = PolicyOf(policy_spec);
    const FundingAllocation a = ValueOrThrow(Allocate(policy, plan));
    return DumpAllocationJson(a, policy, plan);
  }, py::arg("plan"), py::arg("policy"), "The allocation as JSON (docs/schemas/funding_allocation.schema.json).");
  f.def("by_dwelling", [](const Text& plan_spec, const Text& policy_spec,
                          const Registry& registry) {
    CostPlan plan = PlanOf(plan_spec);
    ThrowIfError(FillHouseholdsFromRegistry(plan, registry));
    const FundingPolicy policy = PolicyOf(policy_spec);
    const FundingAllocation a = ValueOrThrow(Allocate(policy, plan));
    const DwellingApportionment d = ValueOrThrow(ApportionToDwellings(a, plan, registry));
    py::list ids, amounts, buildings;
    for (std::size_t k = 0; k < d.fen.size(); ++k) {
      const auto idx = static_cast<Index>(d.first_dwelling + k);
      ids.append(std::string(registry.dwelling(idx).id));
      buildings.append(registry.building(registry.BuildingOfDwelling(idx)).id);
      amounts.append(d.fen[k]);
    }
    py::dict out;
    out["dwelling_id"] = ids;
    out["building_id"] = buildings;
    out["amount_fen"] = amounts;
    return out;
  }, py::arg("plan"), py::arg("policy"), py::arg("registry"),
        "The residents' share per dwelling of the plan's estate, by exclusive area over each "
        "item's scope.\n\n:raises renewal.NotFoundError: unknown estate, building or entrance.");
  f.def("catalogue", [] {
    py::list out;
    for (const CatalogueEntry& e : CostCatalogue()) {
      py::dict d;
      d["key"] = std::string(e.key);
      d["zh"] = std::string(e.zh);
      d["en"] = std::string(e.en);
      d["unit"] = std::string(e.unit_zh);
      d["category"] = std::string(KeyOf(e.category));
      d["facility"] = std::string(KeyOf(e.facility));
      d["asset_owner"] = std::string(KeyOf(e.asset_owner));
      out.append(d);
    }
    return out;
  }, "The standard cost items (Chinese and English names).");
  f.def("sources", [] {
    py::list out;
    for (const auto& l : Labels<FundingSource>()) {
      out.append(py::make_tuple(std::string(l.key), std::string(l.zh), std::string(l.en)));
    }
    return out;
  }, "(key, zh, en) of every funding source.");
  f.def("categories", [] {
    py::list out;
    for (const auto& l : Labels<Category>()) {
      out.append(py::make_tuple(std::string(l.key), std::string(l.zh), std::string(l.en)));
    }
    return out;
  }, "(key, zh, en) of every renovation category (基础类, 完善类, 提升类).");
  f.def("analyse_financing", &AnalyseFinancingDict, py::arg("case"),
        "Yearly cash flows, payback year, NPV and self-balance of a financing case (dict: "
        "investment, loans[{principal, rate, term_years, style, grace_years}], revenues[{kind, "
        "amount, growth}], operating_costs, horizon_years, discount_rate, balance_within_years).\n\n"
        ":param case: money (investment, principal, amount) in yuan as Decimal or str; rates "
        "in percent as str or int.\n"
        ":returns: dict with ``years`` columns, instalments and NPV in fen, and the reasons in Chinese and in English (``reasons_zh``, ``reasons_en``).\n"
        ":raises renewal.InvalidArgumentError: bad case, or money given as an int or float.");
}

}  // namespace renewal::python
