// JSON reading and writing of cost plans (policies and allocations in
// funding_json_policy.cc, financing cases in funding_json_financing.cc).
#include "renewal/base/file.h"
#include "renewal/funding/funding_json.h"

#include <functional>
#include <sstream>

#include "boost/json.hpp"
#include "funding_json_reader.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"

namespace renewal {
namespace {

namespace json = boost::json;
using namespace funding_json_internal;  // the private reader kit (funding_json_reader.h)

// Quantity: "120.5" (up to three decimals) or an integer, as thousandths.
absl::Status Quantity(Fields& r, std::int64_t* out) {
  const json::value* v = r.Find("quantity");
  if (!v) return r.Invalid("quantity", "required unless lump_sum is given");
  if (v->is_int64()) {
    if (__builtin_mul_overflow(v->get_int64(), std::int64_t{1000}, out)) {
      return r.Invalid("quantity", "too large");
    }
    return absl::OkStatus();
  }
  if (!v->is_string()) {
    return r.Invalid("quantity", StrCat("expected a number as a string or an integer, got ",
                                        DescribeScalar(*v)));
  }
  const std::string_view s = ToStd(v->get_string());
  std::int64_t milli = 0;
  int decimals = -1;
  bool negative = false, digits = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (i == 0 && c == '-') { negative = true; continue; }
    if (c == '.' && decimals < 0) { decimals = 0; continue; }
    if (c < '0' || c > '9' || decimals >= 3) {
      return r.Invalid("quantity",
                       StrCat("expected at most three decimals, got ", DescribeScalar(*v)));
    }
    digits = true;
    if (decimals >= 0) ++decimals;
    if (__builtin_mul_overflow(milli, std::int64_t{10}, &milli) ||
        __builtin_add_overflow(milli, std::int64_t{c - '0'}, &milli)) {
      return r.Invalid("quantity", "too large");
    }
  }
  if (!digits) return r.Invalid("quantity", StrCat("expected a number, got ", DescribeScalar(*v)));
  for (int d = std::max(decimals, 0); d < 3; ++d) {
    if (__builtin_mul_overflow(milli, std::int64_t{10}, &milli)) return r.Invalid("quantity", "too large");
  }
  *out = negative ? -milli : milli;
  return absl::OkStatus();
}

absl::Status ParseItem(const json::value& v, std::size_t i, CostItem* item) {
  RENEWAL_ASSIGN_OR_RETURN(Fields r, ElementReader(v, "items", i));
  RENEWAL_RETURN_IF_ERROR(r.OnlyKeys({"id", "name", "catalogue", "category", "facility", "quantity",
                                      "unit", "unit_price", "lump_sum", "asset_owner", "utility",
                                      "scope", "building", "entrance", "tags", "elevators"}));
  std::string catalogue;
  RENEWAL_RETURN_IF_ERROR(r.String("catalogue", false, &catalogue));
  if (!catalogue.empty()) {
    const CatalogueEntry* e = FindCatalogueEntry(catalogue);
    if (!e) return r.Invalid("catalogue", StrCat("no catalogue item \"", catalogue, "\""));
    *item = ItemFromCatalogue(*e, "");
  }
  RENEWAL_RETURN_IF_ERROR(r.String("id", true, &item->id));
  // An absent name keeps the catalogue's (String would clear it).
  if (r.Find("name")) RENEWAL_RETURN_IF_ERROR(r.String("name", false, &item->name));
  bool has_category = false, has_facility = false;
  RENEWAL_RETURN_IF_ERROR(r.Enum("facility", catalogue.empty(), &item->facility, &has_facility));
  RENEWAL_RETURN_IF_ERROR(r.Enum("category", false, &item->category, &has_category));
  if (!has_category && catalogue.empty()) item->category = DefaultCategoryOf(item->facility);
  RENEWAL_RETURN_IF_ERROR(r.Enum("asset_owner", false, &item->asset_owner));
  FundingSource utility{};
  bool has_utility = false;
  RENEWAL_RETURN_IF_ERROR(r.Enum("utility", false, &utility, &has_utility));
  if (has_utility) item->utility = utility;
  RENEWAL_RETURN_IF_ERROR(r.Enum("scope", false, &item->scope));
  RENEWAL_RETURN_IF_ERROR(r.String("building", false, &item->building));
  RENEWAL_RETURN_IF_ERROR(r.String("entrance", false, &item->entrance));
  std::int64_t elevators = 0;
  RENEWAL_RETURN_IF_ERROR(r.IntAtLeast("elevators", 0, &elevators));
  if (elevators > INT32_MAX) return r.Invalid("elevators", "too large");
  item->elevators = static_cast<std::int32_t>(elevators);
  std::uint32_t tags = 0;
  RENEWAL_RETURN_IF_ERROR(r.EnumMask<CostTag>("tags", &tags));
  if (r.Find("tags")) item->tags = static_cast<TagSet>(tags);
  bool lump = false;
  RENEWAL_RETURN_IF_ERROR(r.Yuan("lump_sum", false, &item->cost, &lump));
  item->lump_sum = lump;
  if (lump) {
    if (r.Find("quantity") || r.Find("unit_price")) {
      return r.Invalid("lump_sum", "give either lump_sum or quantity and unit_price, not both");
    }
  } else {
    RENEWAL_RETURN_IF_ERROR(Quantity(r, &item->quantity_milli));
    RENEWAL_RETURN_IF_ERROR(r.Yuan("unit_price", true, &item->unit_price));
  }
  if (item->name.empty()) item->name = item->id;
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<CostPlan> ParseCostPlanJson(std::string_view text) {
  RENEWAL_ASSIGN_OR_RETURN(json::value v, Parse(text, "plan"));
  Fields r = Reader(v.get_object(), "plan");
  RENEWAL_RETURN_IF_ERROR(
      r.OnlyKeys({"id", "estate", "households", "items", "$schema", "description"}));
  CostPlan plan;
  RENEWAL_RETURN_IF_ERROR(r.String("id", true, &plan.id));
  RENEWAL_RETURN_IF_ERROR(r.String("estate", false, &plan.estate));
  RENEWAL_RETURN_IF_ERROR(r.IntAtLeast("households", 0, &plan.households));
  const json::array* items = nullptr;
  RENEWAL_RETURN_IF_ERROR(r.Array("items", true, &items));
  plan.items.resize(items->size());
  for (std::size_t i = 0; i < items->size(); ++i) {
    RENEWAL_RETURN_IF_ERROR(ParseItem((*items)[i], i, &plan.items[i]));
  }
  RENEWAL_RETURN_IF_ERROR(ComputeCosts(plan));
  return plan;
}

absl::StatusOr<CostPlan> LoadCostPlanFile(const std::string& path) {
  RENEWAL_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  absl::StatusOr<CostPlan> plan = ParseCostPlanJson(text);
  if (!plan.ok()) return internal::Prefixed(plan.status(), path);
  return plan;
}

}  // namespace renewal
