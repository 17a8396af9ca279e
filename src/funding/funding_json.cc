// JSON reading and writing of cost plans, funding policies and allocations.
#include "renewal/funding/funding_json.h"

#include <fstream>
#include <functional>
#include <sstream>

#include "boost/json.hpp"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"

namespace renewal {
namespace {

namespace json = boost::json;

std::string_view Sv(json::string_view s) { return {s.data(), s.size()}; }

std::string Describe(const json::value& v) {
  if (v.is_string()) return StrCat("\"", Sv(v.get_string()), "\"");
  if (v.is_object()) return "an object";
  if (v.is_array()) return "an array";
  return json::serialize(v);
}

// Strict access to one object's fields; messages are `<path> <field>: <what>`.
class Reader {
 public:
  Reader(const json::object& o, std::string path) : o_(o), path_(std::move(path)) {}

  absl::Status Invalid(std::string_view field, std::string_view what) const {
    return absl::InvalidArgumentError(StrCat(path_, path_.empty() ? "" : " ", field, ": ", what));
  }
  const std::string& path() const { return path_; }

  // Unknown keys are errors (a misspelt key must not be ignored).
  absl::Status OnlyKeys(std::initializer_list<std::string_view> keys) const {
    for (const auto& kv : o_) {
      const std::string_view k = Sv(kv.key());
      if (std::find(keys.begin(), keys.end(), k) == keys.end()) {
        return Invalid(k, "unknown field");
      }
    }
    return absl::OkStatus();
  }
  const json::value* Find(std::string_view key) const {
    const json::value* v = o_.if_contains(json::string_view(key.data(), key.size()));
    return v == nullptr || v->is_null() ? nullptr : v;
  }
  absl::Status String(std::string_view key, bool required, std::string* out) const {
    const json::value* v = Find(key);
    if (!v) return required ? Invalid(key, "required") : absl::OkStatus();
    if (!v->is_string()) return Invalid(key, StrCat("expected a string, got ", Describe(*v)));
    *out = std::string(Sv(v->get_string()));
    return absl::OkStatus();
  }
  absl::Status Int(std::string_view key, std::int64_t min, std::int64_t* out) const {
    const json::value* v = Find(key);
    if (!v) return absl::OkStatus();
    if (!v->is_int64() && !v->is_uint64()) {
      return Invalid(key, StrCat("expected an integer, got ", Describe(*v)));
    }
    if (v->is_uint64() || v->get_int64() < min) {
      return Invalid(key, StrCat("must be >= ", min, ", got ", Describe(*v)));
    }
    *out = v->get_int64();
    return absl::OkStatus();
  }
  absl::Status Bool(std::string_view key, bool* out) const {
    const json::value* v = Find(key);
    if (!v) return absl::OkStatus();
    if (!v->is_bool()) return Invalid(key, StrCat("expected true or false, got ", Describe(*v)));
    *out = v->get_bool();
    return absl::OkStatus();
  }
  // Yuan as "1234.56" or an integer.
  absl::Status Yuan(std::string_view key, bool required, Money* out, bool* present = nullptr) const {
    const json::value* v = Find(key);
    if (present) *present = v != nullptr;
    if (!v) return required ? Invalid(key, "required") : absl::OkStatus();
    absl::StatusOr<Money> m;
    if (v->is_string()) {
      m = Money::Parse(Sv(v->get_string()));
    } else if (v->is_int64()) {
      m = Money::Yuan(v->get_int64());
    } else {
      return Invalid(key, StrCat("expected yuan as a string like \"1234.56\" or an integer, got ",
                                 Describe(*v)));
    }
    if (!m.ok()) return Invalid(key, ToStd(m.status().message()));
    *out = *m;
    return absl::OkStatus();
  }
  absl::Status Percent(std::string_view key, Ratio* out) const {
    const json::value* v = Find(key);
    if (!v) return Invalid(key, "required");
    absl::StatusOr<Ratio> r;
    if (v->is_string()) {
      r = Ratio::ParsePercent(Sv(v->get_string()));
    } else if (v->is_int64() && v->get_int64() >= 0) {
      r = Ratio::Percent(v->get_int64());
    } else {
      return Invalid(key, StrCat("expected a percentage like \"65\" or \"12.5\", got ", Describe(*v)));
    }
    if (!r.ok()) return Invalid(key, ToStd(r.status().message()));
    *out = *r;
    return absl::OkStatus();
  }
  template <class E>
  absl::Status Enum(std::string_view key, bool required, E* out, bool* present = nullptr) const {
    const json::value* v = Find(key);
    if (present) *present = v != nullptr;
    if (!v) return required ? Invalid(key, "required") : absl::OkStatus();
    if (!v->is_string()) return Invalid(key, StrCat("expected a string, got ", Describe(*v)));
    std::optional<E> e = ParseLabel<E>(Sv(v->get_string()));
    if (!e) return Invalid(key, StrCat("unknown value ", Describe(*v)));
    *out = *e;
    return absl::OkStatus();
  }
  // An array of enum labels as a bit mask.
  template <class E>
  absl::Status EnumMask(std::string_view key, std::uint32_t* out) const {
    const json::value* v = Find(key);
    if (!v) return absl::OkStatus();
    if (!v->is_array()) return Invalid(key, StrCat("expected an array, got ", Describe(*v)));
    const json::array& a = v->get_array();
    for (std::size_t i = 0; i < a.size(); ++i) {
      const std::string field = StrCat(key, "[", i, "]");
      if (!a[i].is_string()) return Invalid(field, StrCat("expected a string, got ", Describe(a[i])));
      std::optional<E> e = ParseLabel<E>(Sv(a[i].get_string()));
      if (!e) return Invalid(field, StrCat("unknown value ", Describe(a[i])));
      *out |= 1u << static_cast<unsigned>(*e);
    }
    return absl::OkStatus();
  }
  absl::Status Object(std::string_view key, const json::object** out) const {
    const json::value* v = Find(key);
    *out = nullptr;
    if (!v) return absl::OkStatus();
    if (!v->is_object()) return Invalid(key, StrCat("expected an object, got ", Describe(*v)));
    *out = &v->get_object();
    return absl::OkStatus();
  }
  absl::Status Array(std::string_view key, bool required, const json::array** out) const {
    const json::value* v = Find(key);
    *out = nullptr;
    if (!v) return required ? Invalid(key, "required") : absl::OkStatus();
    if (!v->is_array()) return Invalid(key, StrCat("expected an array, got ", Describe(*v)));
    *out = &v->get_array();
    return absl::OkStatus();
  }

 private:
  const json::object& o_;
  std::string path_;
};

absl::StatusOr<json::value> Parse(std::string_view text, std::string_view what) {
  boost::system::error_code ec;
  json::value v = json::parse(json::string_view(text.data(), text.size()), ec);
  if (ec) return absl::InvalidArgumentError(StrCat(what, ": not valid JSON: ", ec.message()));
  if (!v.is_object()) return absl::InvalidArgumentError(StrCat(what, ": expected a JSON object"));
  return v;
}

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(StrCat("cannot open \"", path, "\""));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Quantity: "120.5" (up to three decimals) or an integer, as thousandths.
absl::Status Quantity(const Reader& r, std::int64_t* out) {
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
                                        Describe(*v)));
  }
  const std::string_view s = Sv(v->get_string());
  std::int64_t milli = 0;
  int decimals = -1;
  bool negative = false, digits = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (i == 0 && c == '-') { negative = true; continue; }
    if (c == '.' && decimals < 0) { decimals = 0; continue; }
    if (c < '0' || c > '9' || decimals >= 3) {
      return r.Invalid("quantity", StrCat("expected at most three decimals, got ", Describe(*v)));
    }
    digits = true;
    if (decimals >= 0) ++decimals;
    if (__builtin_mul_overflow(milli, std::int64_t{10}, &milli) ||
        __builtin_add_overflow(milli, std::int64_t{c - '0'}, &milli)) {
      return r.Invalid("quantity", "too large");
    }
  }
  if (!digits) return r.Invalid("quantity", StrCat("expected a number, got ", Describe(*v)));
  for (int d = std::max(decimals, 0); d < 3; ++d) {
    if (__builtin_mul_overflow(milli, std::int64_t{10}, &milli)) return r.Invalid("quantity", "too large");
  }
  *out = negative ? -milli : milli;
  return absl::OkStatus();
}

absl::Status ParseItem(const json::value& v, std::size_t i, CostItem* item) {
  if (!v.is_object()) {
    return absl::InvalidArgumentError(StrCat("items[", i, "]: expected an object, got ", Describe(v)));
  }
  const json::object& o = v.get_object();
  std::string id;
  if (const json::value* idv = o.if_contains("id"); idv && idv->is_string()) {
    id = std::string(Sv(idv->get_string()));
  }
  const Reader r(o, StrCat("items[", i, "] \"", id, "\""));
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
  RENEWAL_RETURN_IF_ERROR(r.String("name", false, &item->name));
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
  RENEWAL_RETURN_IF_ERROR(r.Int("elevators", 0, &elevators));
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

std::string Yuan(Money m) { return m.ToYuanString(); }

json::array Keys(std::uint32_t mask, auto labels) {
  json::array a;
  for (const auto& l : labels) {
    if (mask >> static_cast<unsigned>(l.value) & 1u) a.emplace_back(std::string(l.key));
  }
  return a;
}

json::object MoneyBySource(const std::array<Money, kFundingSourceCount>& m) {
  json::object o;
  for (const auto& l : Labels<FundingSource>()) {
    const Money v = m[static_cast<std::size_t>(l.value)];
    if (!v.is_zero()) o[std::string(l.key)] = Yuan(v);
  }
  return o;
}

}  // namespace

absl::StatusOr<CostPlan> ParseCostPlanJson(std::string_view text) {
  RENEWAL_ASSIGN_OR_RETURN(json::value v, Parse(text, "plan"));
  const Reader r(v.get_object(), "plan");
  RENEWAL_RETURN_IF_ERROR(
      r.OnlyKeys({"id", "estate", "households", "items", "$schema", "description"}));
  CostPlan plan;
  RENEWAL_RETURN_IF_ERROR(r.String("id", true, &plan.id));
  RENEWAL_RETURN_IF_ERROR(r.String("estate", false, &plan.estate));
  RENEWAL_RETURN_IF_ERROR(r.Int("households", 0, &plan.households));
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
  if (!plan.ok()) return absl::Status(plan.status().code(), StrCat(path, ": ", plan.status().message()));
  return plan;
}

namespace {

absl::Status ParseTarget(const json::value& v, const std::string& path, RuleTarget* t) {
  if (!v.is_object()) {
    return absl::InvalidArgumentError(StrCat(path, ": expected an object, got ", Describe(v)));
  }
  const Reader r(v.get_object(), path);
  RENEWAL_RETURN_IF_ERROR(r.OnlyKeys({"source", "percent"}));
  std::string source;
  RENEWAL_RETURN_IF_ERROR(r.String("source", true, &source));
  if (source == "item_utility") {
    t->payer = Payer::ItemUtility();
  } else {
    std::optional<FundingSource> s = ParseLabel<FundingSource>(source);
    if (!s) return r.Invalid("source", StrCat("unknown source \"", source, "\""));
    t->payer = Payer::Of(*s);
  }
  if (r.Find("percent")) {
    RENEWAL_RETURN_IF_ERROR(r.Percent("percent", &t->share));
  } else {
    t->share = Ratio::Whole();
  }
  return absl::OkStatus();
}

absl::Status ParseRule(const json::value& v, std::size_t i, FundingRule* rule) {
  if (!v.is_object()) {
    return absl::InvalidArgumentError(StrCat("rules[", i, "]: expected an object, got ", Describe(v)));
  }
  const json::object& o = v.get_object();
  std::string id;
  if (const json::value* idv = o.if_contains("id"); idv && idv->is_string()) {
    id = std::string(Sv(idv->get_string()));
  }
  const Reader r(o, StrCat("rules[", i, "] \"", id, "\""));
  RENEWAL_RETURN_IF_ERROR(
      r.OnlyKeys({"id", "description", "seed", "match", "kind", "targets", "source", "percent",
                  "basis", "of", "mode", "amount", "per", "after_residual"}));
  RENEWAL_RETURN_IF_ERROR(r.String("id", true, &rule->id));
  RENEWAL_RETURN_IF_ERROR(r.String("description", false, &rule->description));
  RENEWAL_RETURN_IF_ERROR(r.String("seed", false, &rule->seed));
  const json::object* match = nullptr;
  RENEWAL_RETURN_IF_ERROR(r.Object("match", &match));
  if (match) {
    const Reader m(*match, StrCat(r.path(), " match"));
    RENEWAL_RETURN_IF_ERROR(
        m.OnlyKeys({"category", "facility", "asset_owner", "tags_any", "tags_none"}));
    RENEWAL_RETURN_IF_ERROR(m.EnumMask<Category>("category", &rule->match.categories));
    RENEWAL_RETURN_IF_ERROR(m.EnumMask<Facility>("facility", &rule->match.facilities));
    RENEWAL_RETURN_IF_ERROR(m.EnumMask<AssetOwner>("asset_owner", &rule->match.owners));
    std::uint32_t any = 0, none = 0;
    RENEWAL_RETURN_IF_ERROR(m.EnumMask<CostTag>("tags_any", &any));
    RENEWAL_RETURN_IF_ERROR(m.EnumMask<CostTag>("tags_none", &none));
    rule->match.tags_any = static_cast<TagSet>(any);
    rule->match.tags_none = static_cast<TagSet>(none);
  }
  RENEWAL_RETURN_IF_ERROR(r.Enum("kind", true, &rule->kind));
  const json::array* targets = nullptr;
  RENEWAL_RETURN_IF_ERROR(r.Array("targets", false, &targets));
  if (targets && r.Find("source")) return r.Invalid("source", "give either source or targets");
  if (targets) {
    for (std::size_t k = 0; k < targets->size(); ++k) {
      RuleTarget t;
      RENEWAL_RETURN_IF_ERROR(
          ParseTarget((*targets)[k], StrCat(r.path(), " targets[", k, "]"), &t));
      rule->targets.push_back(t);
    }
  } else {
    // Shorthand: "source" (+ "percent" for percent rules).
    RuleTarget t;
    json::object shorthand;
    if (const json::value* s = r.Find("source")) shorthand["source"] = *s;
    else return r.Invalid("targets", "required (or source)");
    if (const json::value* p = r.Find("percent")) shorthand["percent"] = *p;
    RENEWAL_RETURN_IF_ERROR(ParseTarget(shorthand, r.path(), &t));
    rule->targets.push_back(t);
  }
  if (targets && r.Find("percent")) return r.Invalid("percent", "give percentages inside targets");
  RENEWAL_RETURN_IF_ERROR(r.Enum("basis", false, &rule->basis));
  bool has_of = false;
  RENEWAL_RETURN_IF_ERROR(
      r.Enum("of", rule->basis == FundingBasis::kSourceShare, &rule->of, &has_of));
  RENEWAL_RETURN_IF_ERROR(r.Enum("mode", false, &rule->mode));
  RENEWAL_RETURN_IF_ERROR(r.Bool("after_residual", &rule->after_residual));
  if (rule->kind == FundingRuleKind::kFixed) {
    RENEWAL_RETURN_IF_ERROR(r.Yuan("amount", true, &rule->amount));
    RENEWAL_RETURN_IF_ERROR(r.Enum("per", true, &rule->per));
  } else if (r.Find("amount") || r.Find("per")) {
    return r.Invalid("amount", "only fixed rules have an amount");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<FundingPolicy> ParseFundingPolicyJson(std::string_view text) {
  RENEWAL_ASSIGN_OR_RETURN(json::value v, Parse(text, "policy"));
  const Reader r(v.get_object(), "policy");
  RENEWAL_RETURN_IF_ERROR(
      r.OnlyKeys({"name", "description", "base", "residual", "limits", "rules", "$schema"}));
  FundingPolicy p;
  RENEWAL_RETURN_IF_ERROR(r.String("name", true, &p.name));
  RENEWAL_RETURN_IF_ERROR(r.String("description", false, &p.description));
  FundingSource residual{};
  bool has_residual = false;
  RENEWAL_RETURN_IF_ERROR(r.Enum("residual", false, &residual, &has_residual));
  if (has_residual) p.residual = residual;
  const json::object* limits = nullptr;
  RENEWAL_RETURN_IF_ERROR(r.Object("limits", &limits));
  if (limits) {
    for (const auto& kv : *limits) {
      const std::string key(Sv(kv.key()));
      std::optional<FundingSource> s = ParseLabel<FundingSource>(key);
      if (!s) return r.Invalid(StrCat("limits.", key), StrCat("unknown source \"", key, "\""));
      if (!kv.value().is_object()) return r.Invalid(StrCat("limits.", key), "expected an object");
      const Reader l(kv.value().get_object(), StrCat("policy limits.", key));
      RENEWAL_RETURN_IF_ERROR(l.OnlyKeys({"cap", "fallback"}));
      SourceLimit& lim = p.limit(*s);
      bool has_cap = false;
      Money cap;
      RENEWAL_RETURN_IF_ERROR(l.Yuan("cap", false, &cap, &has_cap));
      if (has_cap) lim.cap = cap;
      FundingSource fb{};
      bool has_fb = false;
      RENEWAL_RETURN_IF_ERROR(l.Enum("fallback", false, &fb, &has_fb));
      if (has_fb) lim.fallback = fb;
    }
  }
  const json::array* rules = nullptr;
  RENEWAL_RETURN_IF_ERROR(r.Array("rules", false, &rules));
  if (rules) {
    p.rules.resize(rules->size());
    for (std::size_t i = 0; i < rules->size(); ++i) {
      RENEWAL_RETURN_IF_ERROR(ParseRule((*rules)[i], i, &p.rules[i]));
    }
  }
  std::string base;
  RENEWAL_RETURN_IF_ERROR(r.String("base", false, &base));
  if (!base.empty()) {
    absl::StatusOr<FundingPolicy> b = FundingPreset(base);
    if (!b.ok()) return absl::Status(b.status().code(), StrCat("policy base: ", b.status().message()));
    const std::string name = p.name;
    RENEWAL_ASSIGN_OR_RETURN(FundingPolicy composed, ComposePolicies(p, *b));
    composed.name = name;
    return composed;
  }
  RENEWAL_RETURN_IF_ERROR(ValidatePolicy(p));
  return p;
}

absl::StatusOr<FundingPolicy> LoadFundingPolicyFile(const std::string& path) {
  RENEWAL_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  absl::StatusOr<FundingPolicy> p = ParseFundingPolicyJson(text);
  if (!p.ok()) return absl::Status(p.status().code(), StrCat(path, ": ", p.status().message()));
  return p;
}

absl::StatusOr<FundingPolicy> ResolveFundingPolicy(std::string_view name_or_path) {
  if (name_or_path.size() > 5 && name_or_path.substr(name_or_path.size() - 5) == ".json") {
    return LoadFundingPolicyFile(std::string(name_or_path));
  }
  return FundingPreset(name_or_path);
}

std::string DumpFundingPolicyJson(const FundingPolicy& p) {
  json::object o;
  o["name"] = p.name;
  if (!p.description.empty()) o["description"] = p.description;
  if (p.residual) o["residual"] = std::string(KeyOf(*p.residual));
  json::object limits;
  for (const auto& l : Labels<FundingSource>()) {
    const SourceLimit& lim = p.limit(l.value);
    if (!lim.cap && !lim.fallback) continue;
    json::object x;
    if (lim.cap) x["cap"] = Yuan(*lim.cap);
    if (lim.fallback) x["fallback"] = std::string(KeyOf(*lim.fallback));
    limits[std::string(l.key)] = std::move(x);
  }
  if (!limits.empty()) o["limits"] = std::move(limits);
  json::array rules;
  for (const FundingRule& r : p.rules) {
    json::object x;
    x["id"] = r.id;
    if (!r.description.empty()) x["description"] = r.description;
    if (!r.seed.empty()) x["seed"] = r.seed;
    json::object m;
    if (r.match.categories) m["category"] = Keys(r.match.categories, Labels<Category>());
    if (r.match.facilities) m["facility"] = Keys(r.match.facilities, Labels<Facility>());
    if (r.match.owners) m["asset_owner"] = Keys(r.match.owners, Labels<AssetOwner>());
    if (r.match.tags_any) m["tags_any"] = Keys(r.match.tags_any, Labels<CostTag>());
    if (r.match.tags_none) m["tags_none"] = Keys(r.match.tags_none, Labels<CostTag>());
    if (!m.empty()) x["match"] = std::move(m);
    x["kind"] = std::string(KeyOf(r.kind));
    json::array targets;
    for (const RuleTarget& t : r.targets) {
      json::object tt;
      tt["source"] = t.payer.item_utility ? std::string("item_utility")
                                          : std::string(KeyOf(t.payer.source));
      std::string pct = t.share.ToPercentString();
      pct.pop_back();  // "%"
      tt["percent"] = pct;
      targets.push_back(std::move(tt));
    }
    x["targets"] = std::move(targets);
    if (r.kind == FundingRuleKind::kPercent) {
      x["basis"] = std::string(KeyOf(r.basis));
      if (r.basis == FundingBasis::kSourceShare) {
        x["of"] = std::string(KeyOf(r.of));
        x["mode"] = std::string(KeyOf(r.mode));
      }
    } else {
      x["amount"] = Yuan(r.amount);
      x["per"] = std::string(KeyOf(r.per));
    }
    if (r.after_residual) x["after_residual"] = true;
    rules.push_back(std::move(x));
  }
  o["rules"] = std::move(rules);
  return json::serialize(o);
}

std::string DumpAllocationJson(const FundingAllocation& a, const FundingPolicy& policy,
                               const CostPlan& plan, const DwellingApportionment* dwellings,
                               const Registry* registry) {
  json::object o;
  o["plan"] = a.plan;
  o["policy"] = a.policy;
  o["total_cost"] = Yuan(a.total_cost);
  o["gap"] = Yuan(a.gap);
  json::array items;
  for (std::uint32_t i = 0; i < plan.items.size() && i < a.item_cost.size(); ++i) {
    const CostItem& item = plan.items[i];
    json::object x;
    x["id"] = item.id;
    x["name"] = item.name;
    x["category"] = std::string(KeyOf(item.category));
    x["facility"] = std::string(KeyOf(item.facility));
    x["cost"] = Yuan(a.item_cost[i]);
    x["gap"] = Yuan(a.item_gap[i]);
    json::array shares;
    for (const FundingShare& s : a.SharesOf(i)) {
      json::object sh;
      sh["source"] = std::string(KeyOf(s.source));
      sh["amount"] = Yuan(s.amount);
      sh["step"] = std::string(KeyOf(s.step));
      if (s.rule < policy.rules.size()) sh["rule"] = policy.rules[s.rule].id;
      if (s.from) sh["from"] = std::string(KeyOf(*s.from));
      if (s.clipped) sh["clipped"] = true;
      sh["explain"] = ExplainShare(s, policy);
      shares.push_back(std::move(sh));
    }
    x["shares"] = std::move(shares);
    items.push_back(std::move(x));
  }
  o["items"] = std::move(items);
  o["by_source"] = MoneyBySource(a.by_source);
  json::object by_category;
  for (const auto& l : Labels<Category>()) {
    by_category[std::string(l.key)] = MoneyBySource(a.by_category[static_cast<std::size_t>(l.value)]);
  }
  o["by_category"] = std::move(by_category);
  json::array notes;
  for (const std::string& n : a.notes) notes.emplace_back(n);
  o["notes"] = std::move(notes);
  if (dwellings && registry) {
    json::array d;
    for (std::size_t k = 0; k < dwellings->fen.size(); ++k) {
      const auto idx = static_cast<Index>(dwellings->first_dwelling + k);
      json::object x;
      x["id"] = std::string(registry->dwelling(idx).id);
      x["amount"] = Yuan(Money::Fen(dwellings->fen[k]));
      d.push_back(std::move(x));
    }
    o["dwellings"] = std::move(d);
    json::array b;
    for (const BuildingTotal& t : TotalsByBuilding(a, plan, *registry, *dwellings)) {
      json::object x;
      x["id"] = registry->building(t.building).id;
      x["by_source"] = MoneyBySource(t.by_source);
      x["residents_apportioned"] = Yuan(t.residents_apportioned);
      b.push_back(std::move(x));
    }
    o["buildings"] = std::move(b);
  }
  return json::serialize(o);
}

namespace {

absl::Status ParseStreams(const Reader& r, std::string_view key, bool revenue,
                          std::vector<YearlyAmount>* out) {
  const json::array* a = nullptr;
  RENEWAL_RETURN_IF_ERROR(r.Array(key, false, &a));
  if (!a) return absl::OkStatus();
  for (std::size_t i = 0; i < a->size(); ++i) {
    if (!(*a)[i].is_object()) {
      return r.Invalid(StrCat(key, "[", i, "]"), StrCat("expected an object, got ", Describe((*a)[i])));
    }
    const Reader s((*a)[i].get_object(), StrCat(r.path(), " ", key, "[", i, "]"));
    RENEWAL_RETURN_IF_ERROR(
        s.OnlyKeys({"id", "kind", "amount", "growth", "first_year", "last_year"}));
    YearlyAmount y;
    RENEWAL_RETURN_IF_ERROR(s.String("id", false, &y.id));
    if (revenue) RENEWAL_RETURN_IF_ERROR(s.Enum("kind", false, &y.kind));
    RENEWAL_RETURN_IF_ERROR(s.Yuan("amount", true, &y.amount));
    if (s.Find("growth")) RENEWAL_RETURN_IF_ERROR(s.Percent("growth", &y.growth));
    std::int64_t first = 1, last = 0;
    RENEWAL_RETURN_IF_ERROR(s.Int("first_year", 0, &first));
    RENEWAL_RETURN_IF_ERROR(s.Int("last_year", 0, &last));
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
  const Reader r(v.get_object(), "financing");
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
      const Reader l((*loans)[i].get_object(), StrCat("financing loans[", i, "]"));
      RENEWAL_RETURN_IF_ERROR(
          l.OnlyKeys({"id", "principal", "rate", "term_years", "grace_years", "style"}));
      Loan loan;
      RENEWAL_RETURN_IF_ERROR(l.String("id", false, &loan.id));
      RENEWAL_RETURN_IF_ERROR(l.Yuan("principal", true, &loan.principal));
      RENEWAL_RETURN_IF_ERROR(l.Percent("rate", &loan.annual_rate));
      std::int64_t term = 0, grace = 0;
      RENEWAL_RETURN_IF_ERROR(l.Int("term_years", 1, &term));
      RENEWAL_RETURN_IF_ERROR(l.Int("grace_years", 0, &grace));
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
  RENEWAL_RETURN_IF_ERROR(r.Int("horizon_years", 1, &horizon));
  RENEWAL_RETURN_IF_ERROR(r.Int("balance_within_years", 0, &within));
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
  if (!c.ok()) return absl::Status(c.status().code(), StrCat(path, ": ", c.status().message()));
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
  json::array reasons;
  for (const std::string& s : r.reasons) reasons.emplace_back(s);
  o["reasons"] = std::move(reasons);
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
