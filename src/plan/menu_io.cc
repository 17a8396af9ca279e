// JSON reading and writing of residents' menus (docs/plan.md, the menu section).
#include <string>
#include <vector>

#include "plan_io_internal.h"
#include "renewal/plan/plan_io.h"

namespace renewal {

namespace json = boost::json;
using namespace plan_io_internal;  // the private reader kit (plan_io_internal.h)

absl::StatusOr<MenuInput> ParseMenuJson(std::string_view text) {
  RENEWAL_ASSIGN_OR_RETURN(json::value doc, Parse(text, "menu"));
  if (!doc.is_object()) return absl::InvalidArgumentError("menu: must be an object");
  MenuInput in;
  Fields top(doc.as_object(), "menu");
  RENEWAL_RETURN_IF_ERROR(top.Only({"$schema", "budget_yuan", "satisfaction", "items", "ballots"}));
  RENEWAL_RETURN_IF_ERROR(top.Yuan("budget_yuan", true, &in.budget));
  RENEWAL_RETURN_IF_ERROR(ParseEnum(top, "satisfaction", &in.satisfaction));
  RENEWAL_ASSIGN_OR_RETURN(const json::array* items, TopArray(doc, "items"));
  for (std::size_t i = 0; i < items->size(); ++i) {
    const json::value& v = (*items)[i];
    if (!v.is_object()) return absl::InvalidArgumentError(StrCat("items[", i, "]: must be an object"));
    Fields f(v.as_object(), StrCat("items[", i, "]"));
    MenuItem m;
    std::optional<bool> required;
    absl::Status s = f.Only({"id", "name", "category", "cost_yuan", "required"});
    if (s.ok()) s = f.String("id", true, &m.id);
    if (s.ok()) s = f.String("name", false, &m.name);
    if (s.ok()) s = ParseEnum(f, "category", &m.category);
    if (s.ok()) s = f.Yuan("cost_yuan", true, &m.cost);
    if (s.ok()) s = f.Bool("required", &required);
    RENEWAL_RETURN_IF_ERROR(s);
    m.required = required.value_or(false);
    in.items.push_back(std::move(m));
  }
  RENEWAL_ASSIGN_OR_RETURN(const json::array* ballots, TopArray(doc, "ballots"));
  for (std::size_t b = 0; b < ballots->size(); ++b) {
    const json::value& v = (*ballots)[b];
    if (!v.is_object()) return absl::InvalidArgumentError(StrCat("ballots[", b, "]: must be an object"));
    Fields f(v.as_object(), StrCat("ballots[", b, "]"));
    MenuBallot ballot;
    RENEWAL_RETURN_IF_ERROR(f.Only({"household_id", "approved"}));
    RENEWAL_RETURN_IF_ERROR(f.String("household_id", true, &ballot.household_id));
    if (const json::value* a = f.Get("approved")) {
      if (!a->is_array()) return f.Error("approved", "must be an array of item ids");
      for (const json::value& x : a->as_array()) {
        if (!x.is_string()) return f.Error("approved", "must be an array of item ids");
        ballot.approved.emplace_back(Sv(x.as_string()));
      }
    }
    in.ballots.push_back(std::move(ballot));
  }
  return in;
}

std::string MenuResultToJson(const MenuResult& r) {
  json::object o;
  o["format"] = "renewal.menu_result/1";
  o["rule"] = std::string(KeyOf(r.rule));
  if (r.rule == MenuRule::kEqualShares) {
    o["completion"] = std::string(KeyOf(r.completion));
    o["satisfaction"] = std::string(KeyOf(r.satisfaction));
    o["share_increase_fen"] = r.share_increase_fen;
    o["mes_runs"] = r.mes_runs;
  }
  o["tie_break"] = r.tie_break;
  o["tie_break_zh"] = r.tie_break_zh;
  o["budget_yuan"] = YuanText(r.budget);
  o["required_yuan"] = YuanText(r.required_cost);
  o["spent_yuan"] = YuanText(r.spent);
  o["left_yuan"] = YuanText(r.left);
  json::array steps;
  for (const MenuStep& s : r.steps) {
    json::object so;
    so["item_id"] = s.item_id;
    so["phase"] = std::string(KeyOf(s.phase));
    so["cost_yuan"] = YuanText(s.cost);
    so["approvals"] = s.approvals;
    if (!s.rho_fen.empty()) so["rho_fen"] = s.rho_fen;
    steps.emplace_back(std::move(so));
  }
  o["funded"] = std::move(steps);
  json::array un;
  for (const std::string& id : r.unfunded) un.emplace_back(id);
  o["unfunded"] = std::move(un);
  json::array hs;
  for (const HouseholdOutcome& h : r.households) {
    json::object ho;
    ho["household_id"] = h.household_id;
    ho["approved"] = h.approved;
    ho["approved_funded"] = h.approved_funded;
    ho["approved_funded_yuan"] = YuanText(h.approved_funded_cost);
    ho["share_fen"] = h.share_fen;
    ho["paid_fen"] = h.paid_fen;
    hs.emplace_back(std::move(ho));
  }
  o["households"] = std::move(hs);
  return json::serialize(o);
}

}  // namespace renewal
