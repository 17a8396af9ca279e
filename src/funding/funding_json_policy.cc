// JSON reading and writing of funding policies, and the allocation report.
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

absl::Status ParseTarget(const json::value& v, const std::string& path, RuleTarget* t) {
  if (!v.is_object()) {
    return absl::InvalidArgumentError(
        StrCat(path, ": expected an object, got ", DescribeScalar(v)));
  }
  Fields r = Reader(v.get_object(), path);
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
  RENEWAL_ASSIGN_OR_RETURN(Fields r, ElementReader(v, "rules", i));
  RENEWAL_RETURN_IF_ERROR(
      r.OnlyKeys({"id", "description", "seed", "match", "kind", "targets", "source", "percent",
                  "basis", "of", "mode", "amount", "per", "after_residual"}));
  RENEWAL_RETURN_IF_ERROR(r.String("id", true, &rule->id));
  RENEWAL_RETURN_IF_ERROR(r.String("description", false, &rule->description));
  RENEWAL_RETURN_IF_ERROR(r.String("seed", false, &rule->seed));
  const json::object* match = nullptr;
  RENEWAL_RETURN_IF_ERROR(r.Object("match", &match));
  if (match) {
    Fields m = Reader(*match, StrCat(r.path(), " match"));
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
  std::optional<bool> after_residual;
  RENEWAL_RETURN_IF_ERROR(r.Bool("after_residual", &after_residual));
  if (after_residual) rule->after_residual = *after_residual;
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
  Fields r = Reader(v.get_object(), "policy");
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
      const std::string key(ToStd(kv.key()));
      std::optional<FundingSource> s = ParseLabel<FundingSource>(key);
      if (!s) return r.Invalid(StrCat("limits.", key), StrCat("unknown source \"", key, "\""));
      if (!kv.value().is_object()) return r.Invalid(StrCat("limits.", key), "expected an object");
      Fields l = Reader(kv.value().get_object(), StrCat("policy limits.", key));
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
  if (!p.ok()) return internal::Prefixed(p.status(), path);
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
      sh["explain"] = ExplainShareEn(s, policy);
      sh["explain_zh"] = ExplainShareZh(s, policy);
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
  // "notes" and "explain" in English, as they always were; "*_zh" the same in Chinese.
  json::array notes, notes_zh;
  for (const std::string& n : a.notes_en) notes.emplace_back(n);
  for (const std::string& n : a.notes_zh) notes_zh.emplace_back(n);
  o["notes"] = std::move(notes);
  o["notes_zh"] = std::move(notes_zh);
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

}  // namespace renewal
