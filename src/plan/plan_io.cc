// JSON reading and writing for projects, facts, plans and menus (Boost.JSON).
#include "renewal/plan/plan_io.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <sstream>

#include <boost/json.hpp>

#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"
#include "renewal/base/file.h"
#include "renewal/base/json_parse.h"

namespace renewal {
namespace {

namespace json = boost::json;

std::string_view Sv(json::string_view s) { return {s.data(), s.size()}; }

absl::StatusOr<json::value> Parse(std::string_view text, std::string_view what) {
  absl::StatusOr<json::value> v = internal::ParseJson(text);
  if (!v.ok()) return internal::Prefixed(v.status(), what);
  return v;
}

// Field readers: `where` names the record ("projects[3] \"P-3\"").
class Fields {
 public:
  // `sep` joins the record and the key in messages: "projects[3] cost_yuan", "options.year".
  Fields(const json::object& o, std::string where, std::string_view sep = " ")
      : o_(o), where_(std::move(where)), sep_(sep) {}
  const std::string& where() const { return where_; }

  // Unknown fields are errors: a misspelt key must not turn a fact into "missing".
  absl::Status Only(std::initializer_list<std::string_view> allowed) const {
    for (const auto& kv : o_) {
      const std::string_view key = Sv(kv.key());
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        return absl::InvalidArgumentError(StrCat(where_, sep_, key, ": unknown field"));
      }
    }
    return absl::OkStatus();
  }
  absl::Status OnlyKeys(const std::vector<std::string_view>& allowed) const {
    for (const auto& kv : o_) {
      const std::string_view key = Sv(kv.key());
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        return absl::InvalidArgumentError(StrCat(where_, sep_, key, ": unknown field"));
      }
    }
    return absl::OkStatus();
  }

  absl::Status Error(std::string_view key, std::string_view what) const {
    return absl::InvalidArgumentError(StrCat(where_, sep_, key, ": ", what));
  }
  const json::value* Get(std::string_view key) const {
    auto it = o_.find(json::string_view(key.data(), key.size()));
    if (it == o_.end() || it->value().is_null()) return nullptr;
    return &it->value();
  }
  absl::Status String(std::string_view key, bool required, std::string* out) const {
    const json::value* v = Get(key);
    if (!v) return required ? Error(key, "required") : absl::OkStatus();
    if (!v->is_string()) return Error(key, "must be a string");
    *out = std::string(Sv(v->as_string()));
    return absl::OkStatus();
  }
  absl::Status Bool(std::string_view key, std::optional<bool>* out) const {
    const json::value* v = Get(key);
    if (!v) return absl::OkStatus();
    if (!v->is_bool()) return Error(key, "must be true or false");
    *out = v->as_bool();
    return absl::OkStatus();
  }
  absl::Status Int(std::string_view key, std::optional<std::int64_t>* out) const {
    const json::value* v = Get(key);
    if (!v) return absl::OkStatus();
    if (v->is_int64()) {
      *out = v->as_int64();
    } else if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
      *out = static_cast<std::int64_t>(v->as_uint64());
    } else {
      return Error(key, StrCat("must be an integer, got ", json::serialize(*v)));
    }
    return absl::OkStatus();
  }
  absl::Status Yuan(std::string_view key, bool required, Money* out) const {
    const json::value* v = Get(key);
    if (!v) return required ? Error(key, "required") : absl::OkStatus();
    if (v->is_string()) {
      absl::StatusOr<Money> m = Money::Parse(Sv(v->as_string()));
      if (!m.ok()) return Error(key, ToStd(m.status().message()));
      *out = *m;
      return absl::OkStatus();
    }
    std::optional<std::int64_t> n;
    if (absl::Status s = Int(key, &n); !s.ok()) {
      return Error(key, StrCat("must be a string of yuan (\"1234.50\") or an integer, got ",
                               json::serialize(*v)));
    }
    absl::StatusOr<Money> m = Money::Yuan(*n);
    if (!m.ok()) return Error(key, ToStd(m.status().message()));
    *out = *m;
    return absl::OkStatus();
  }

 private:
  const json::object& o_;
  std::string where_;
  std::string_view sep_;
};

absl::StatusOr<const json::array*> TopArray(const json::value& v, std::string_view key) {
  if (!v.is_object()) return absl::InvalidArgumentError(StrCat("document: must be an object"));
  const json::value* a = v.as_object().if_contains(json::string_view(key.data(), key.size()));
  if (!a || !a->is_array()) {
    return absl::InvalidArgumentError(StrCat(key, ": required, an array"));
  }
  return &a->as_array();
}

std::string YuanText(Money m) { return m.ToYuanString(); }

template <class E>
absl::Status ParseEnum(const Fields& f, std::string_view key, E* out) {
  std::string text;
  RENEWAL_RETURN_IF_ERROR(f.String(key, false, &text));
  if (text.empty()) return absl::OkStatus();
  std::optional<E> e = ParseLabel<E>(text);
  if (!e) return f.Error(key, StrCat("unknown value \"", text, "\""));
  *out = *e;
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<CandidateProject>> ParseProjectsJson(std::string_view text) {
  RENEWAL_ASSIGN_OR_RETURN(json::value doc, Parse(text, "projects"));
  RENEWAL_ASSIGN_OR_RETURN(const json::array* arr, TopArray(doc, "projects"));
  RENEWAL_RETURN_IF_ERROR(
      Fields(doc.as_object(), "document").Only({"$schema", "format", "projects"}));
  std::vector<CandidateProject> out;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const json::value& v = (*arr)[i];
    if (!v.is_object()) {
      return absl::InvalidArgumentError(StrCat("projects[", i, "]: must be an object"));
    }
    CandidateProject p;
    std::string id;
    {
      Fields f0(v.as_object(), StrCat("projects[", i, "]"));
      RENEWAL_RETURN_IF_ERROR(f0.String("id", true, &id));
    }
    Fields f(v.as_object(), StrCat("projects[", i, "] \"", id, "\""));
    p.id = id;
    absl::Status s = f.Only({"id", "estate_id", "name", "cost_yuan", "government_share_yuan", "items",
                             "vote_passed", "funding_confirmed", "management_agreed", "agreement_bp",
                             "fund_collection_bp", "carried_over_years", "must_include"});
    if (s.ok()) s = f.String("estate_id", true, &p.estate_id);
    if (s.ok()) s = f.String("name", false, &p.name);
    if (s.ok()) s = f.Yuan("cost_yuan", true, &p.cost);
    p.government_share = p.cost;
    if (s.ok()) s = f.Yuan("government_share_yuan", false, &p.government_share);
    if (s.ok()) s = f.Bool("vote_passed", &p.vote_passed);
    if (s.ok()) s = f.Bool("funding_confirmed", &p.funding_confirmed);
    if (s.ok()) s = f.Bool("management_agreed", &p.management_agreed);
    if (s.ok()) s = f.Int("agreement_bp", &p.agreement_bp);
    if (s.ok()) s = f.Int("fund_collection_bp", &p.fund_collection_bp);
    std::optional<std::int64_t> carried;
    if (s.ok()) s = f.Int("carried_over_years", &carried);
    std::optional<bool> must;
    if (s.ok()) s = f.Bool("must_include", &must);
    RENEWAL_RETURN_IF_ERROR(s);
    if (carried) {
      if (*carried < 0 || *carried > 100) {
        return f.Error("carried_over_years", StrCat("must be in [0, 100], got ", *carried));
      }
      p.carried_over_years = static_cast<int>(*carried);
    }
    p.must_include = must.value_or(false);
    if (const json::value* items = f.Get("items")) {
      if (!items->is_array()) return f.Error("items", "must be an array");
      for (std::size_t k = 0; k < items->as_array().size(); ++k) {
        const json::value& iv = items->as_array()[k];
        if (!iv.is_object()) return f.Error(StrCat("items[", k, "]"), "must be an object");
        Fields fi(iv.as_object(), StrCat(f.where(), " items[", k, "]"));
        ProjectItem item;
        RENEWAL_RETURN_IF_ERROR(fi.Only({"facility", "category", "cost_yuan"}));
        RENEWAL_RETURN_IF_ERROR(ParseEnum(fi, "facility", &item.facility));
        item.category = DefaultCategoryOf(item.facility);
        RENEWAL_RETURN_IF_ERROR(ParseEnum(fi, "category", &item.category));
        RENEWAL_RETURN_IF_ERROR(fi.Yuan("cost_yuan", true, &item.cost));
        p.items.push_back(item);
      }
    }
    out.push_back(std::move(p));
  }
  RENEWAL_RETURN_IF_ERROR(ValidateProjects(out));
  return out;
}

absl::StatusOr<std::vector<CandidateProject>> LoadProjectsFile(const std::string& path) {
  absl::StatusOr<std::string> text = internal::ReadFileToString(path);
  if (!text.ok()) return internal::Prefixed(text.status(), "projects file", " ");
  absl::StatusOr<std::vector<CandidateProject>> p = ParseProjectsJson(*text);
  if (!p.ok()) {
    return absl::Status(p.status().code(), StrCat(path, ": ", p.status().message()));
  }
  return p;
}

absl::StatusOr<std::vector<ProjectFacts>> ParseFactsJson(std::string_view text) {
  RENEWAL_ASSIGN_OR_RETURN(json::value doc, Parse(text, "facts"));
  RENEWAL_ASSIGN_OR_RETURN(const json::array* arr, TopArray(doc, "facts"));
  RENEWAL_RETURN_IF_ERROR(Fields(doc.as_object(), "document").Only({"$schema", "facts"}));
  std::vector<ProjectFacts> out;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const json::value& v = (*arr)[i];
    if (!v.is_object()) return absl::InvalidArgumentError(StrCat("facts[", i, "]: must be an object"));
    ProjectFacts pf;
    Fields f(v.as_object(), StrCat("facts[", i, "]"));
    std::vector<std::string_view> allowed = {"project_id", "estate_id", "district_id"};
    for (const Label<Feature>& l : Labels<Feature>()) allowed.push_back(l.key);
    absl::Status s = f.OnlyKeys(allowed);
    if (s.ok()) s = f.String("project_id", true, &pf.project_id);
    if (s.ok()) s = f.String("estate_id", false, &pf.estate_id);
    if (s.ok()) s = f.String("district_id", false, &pf.district_id);
    for (const Label<Feature>& l : Labels<Feature>()) {
      if (!s.ok()) break;
      if (const json::value* b = f.Get(l.key); b && b->is_bool()) {
        pf.at(l.value) = b->as_bool() ? 1 : 0;
        continue;
      }
      if (l.value == Feature::kManagementMode) {
        if (const json::value* m = f.Get(l.key); m && m->is_string()) {
          std::optional<ManagementMode> mode = ParseLabel<ManagementMode>(Sv(m->as_string()));
          if (!mode) {
            s = f.Error(l.key, StrCat("unknown management mode \"", Sv(m->as_string()), "\""));
          } else if (*mode != ManagementMode::kUnknown) {
            pf.at(l.value) = static_cast<std::int64_t>(*mode);
          }
          continue;
        }
      }
      s = f.Int(l.key, &pf.at(l.value));
    }
    RENEWAL_RETURN_IF_ERROR(s);
    out.push_back(std::move(pf));
  }
  return out;
}

namespace {

// The district_limits array of the options (replaces base's list); messages start with
// `prefix` ("" for the options file, "options." for Python's keywords).
absl::Status ParseDistrictLimits(const json::value& limits, std::string_view prefix,
                                 std::vector<DistrictLimit>* out) {
  if (!limits.is_array()) {
    return absl::InvalidArgumentError(StrCat(prefix, "district_limits: must be an array"));
  }
  out->clear();
  for (std::size_t k = 0; k < limits.as_array().size(); ++k) {
    const json::value& v = limits.as_array()[k];
    if (!v.is_object()) {
      return absl::InvalidArgumentError(
          StrCat(prefix, "district_limits[", k, "]: must be an object"));
    }
    DistrictLimit l;
    {
      Fields f0(v.as_object(), StrCat(prefix, "district_limits[", k, "]"));
      RENEWAL_RETURN_IF_ERROR(f0.String("district_id", true, &l.district_id));
    }
    Fields f(v.as_object(), StrCat(prefix, "district_limits[", k, "] \"", l.district_id, "\""));
    std::optional<std::int64_t> min_projects, max_projects;
    absl::Status s = f.Only({"district_id", "min_projects", "max_projects", "min_spending_yuan",
                             "max_spending_yuan"});
    if (s.ok()) s = f.Int("min_projects", &min_projects);
    if (s.ok()) s = f.Int("max_projects", &max_projects);
    if (s.ok()) s = f.Yuan("min_spending_yuan", false, &l.min_spending);
    if (s.ok() && f.Get("max_spending_yuan")) {
      Money m;
      s = f.Yuan("max_spending_yuan", true, &m);
      l.max_spending = m;
    }
    RENEWAL_RETURN_IF_ERROR(s);
    l.min_projects = min_projects.value_or(0);
    if (max_projects) l.max_projects = *max_projects;
    if (l.min_projects < 0 || l.max_projects < l.min_projects) {
      return f.Error("max_projects", StrCat("need 0 <= min_projects <= max_projects, got ",
                                            l.min_projects, " and ", l.max_projects));
    }
    if (l.min_spending.is_negative() || (l.max_spending && *l.max_spending < l.min_spending)) {
      return f.Error("max_spending_yuan",
                     StrCat("need 0 <= min_spending_yuan <= max_spending_yuan, got ",
                            l.min_spending.ToYuanString(), " and ",
                            l.max_spending ? l.max_spending->ToYuanString() : "none"));
    }
    out->push_back(std::move(l));
  }
  return absl::OkStatus();
}

// Every option of ParsePlanKeywordsJson, in the order its message lists them.
constexpr std::string_view kPlanKeywords[] = {
    "year", "objective", "basis", "solver", "node_limit", "must_include_hazards",
    "require_vote_passed", "require_funding_confirmed", "require_management_agreed",
    "carry_over_bonus_points", "plan_tier_budget_yuan", "district_limits"};

}  // namespace

absl::StatusOr<PlanOptions> ParsePlanOptionsJson(std::string_view text, const PlanOptions& base) {
  absl::StatusOr<json::value> doc = Parse(text, "plan options");
  if (!doc.ok()) return doc.status();
  if (!doc->is_object()) return absl::InvalidArgumentError("plan options: must be an object");
  Fields top(doc->as_object(), "plan options");
  if (absl::Status s = top.Only({"$schema", "district_limits"}); !s.ok()) return s;
  PlanOptions out = base;
  const json::value* limits = top.Get("district_limits");
  if (!limits) return out;
  if (!limits->is_array()) return top.Error("district_limits", "must be an array");
  if (absl::Status s = ParseDistrictLimits(*limits, "", &out.district_limits); !s.ok()) return s;
  return out;
}

absl::StatusOr<PlanOptions> ParsePlanKeywordsJson(std::string_view text, const PlanOptions& base) {
  absl::StatusOr<json::value> doc = Parse(text, "options");
  if (!doc.ok()) return doc.status();
  if (!doc->is_object()) return absl::InvalidArgumentError("options: must be an object");
  for (const auto& kv : doc->as_object()) {
    const std::string_view key = Sv(kv.key());
    if (std::find(std::begin(kPlanKeywords), std::end(kPlanKeywords), key) ==
        std::end(kPlanKeywords)) {
      std::string known;
      for (std::string_view k : kPlanKeywords) known += StrCat(known.empty() ? "" : ", ", k);
      return absl::InvalidArgumentError(
          StrCat("options.", key, ": unknown option (known: ", known, ")"));
    }
  }
  Fields f(doc->as_object(), "options", ".");
  PlanOptions out = base;
  std::optional<std::int64_t> year, node_limit, bonus;
  std::optional<bool> hazards, vote, funding, management;
  absl::Status s = f.Int("year", &year);
  if (s.ok() && year && (*year < 0 || *year > 9999)) {
    s = f.Error("year", StrCat("must be 0 (the current year) or a year, got ", *year));
  }
  if (s.ok()) s = ParseEnum(f, "objective", &out.objective);
  if (s.ok()) s = ParseEnum(f, "basis", &out.basis);
  if (s.ok()) s = ParseEnum(f, "solver", &out.solve.solver);
  if (s.ok()) s = f.Int("node_limit", &node_limit);
  if (s.ok()) s = f.Bool("must_include_hazards", &hazards);
  if (s.ok()) s = f.Bool("require_vote_passed", &vote);
  if (s.ok()) s = f.Bool("require_funding_confirmed", &funding);
  if (s.ok()) s = f.Bool("require_management_agreed", &management);
  if (s.ok()) s = f.Int("carry_over_bonus_points", &bonus);
  constexpr std::int64_t kMaxBonus = INT64_MAX / kMilliPerPoint;
  if (s.ok() && bonus && (*bonus < -kMaxBonus || *bonus > kMaxBonus)) {
    s = f.Error("carry_over_bonus_points", StrCat("out of range, got ", *bonus));
  }
  if (s.ok()) s = f.Yuan("plan_tier_budget_yuan", false, &out.plan_tier_budget);
  if (s.ok()) {
    if (const json::value* limits = f.Get("district_limits")) {
      s = ParseDistrictLimits(*limits, "options.", &out.district_limits);
    }
  }
  if (!s.ok()) return s;
  if (year) out.year = static_cast<int>(*year);
  if (node_limit) out.solve.node_limit = *node_limit;
  if (hazards) out.must_include_hazards = *hazards;
  if (vote) out.require_vote_passed = *vote;
  if (funding) out.require_funding_confirmed = *funding;
  if (management) out.require_management_agreed = *management;
  if (bonus) out.carry_over_bonus = *bonus * kMilliPerPoint;
  return out;
}

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

namespace {

json::object DecisionJson(const ProjectDecision& x, const std::vector<std::string>& keys) {
  json::object o;
  o["id"] = x.project_id;
  o["estate_id"] = x.estate_id;
  o["district_id"] = x.district_id;
  o["rank"] = x.rank;
  o["selected"] = x.selected;
  o["tier"] = std::string(KeyOf(x.tier));
  o["reason"] = std::string(KeyOf(x.reason));
  o["explanation"] = x.explanation;
  o["score_milli"] = x.score;
  o["households"] = x.households;
  o["cost_yuan"] = YuanText(x.cost);
  o["total_cost_yuan"] = YuanText(x.total_cost);
  o["ratio_milli_per_wan"] = x.ratio_milli_per_wan;
  o["ready"] = x.ready;
  o["substitute_order"] = x.substitute_order;
  json::array missing;
  for (const std::string& m : x.missing) missing.emplace_back(m);
  o["missing"] = std::move(missing);
  json::object points;
  for (std::size_t k = 0; k < x.criteria.size() && k < keys.size(); ++k) {
    if (x.criteria[k].missing) {
      points[keys[k]] = nullptr;
    } else {
      points[keys[k]] = x.criteria[k].points;
    }
  }
  o["points_milli"] = std::move(points);
  return o;
}

}  // namespace

std::string PlanToJson(const AnnualPlan& plan) {
  json::object o;
  o["format"] = "renewal.plan/1";
  o["year"] = plan.year;
  o["sheet"] = plan.sheet;
  o["objective"] = std::string(KeyOf(plan.objective));
  o["basis"] = std::string(KeyOf(plan.basis));
  o["budget_yuan"] = YuanText(plan.budget);
  o["spent_yuan"] = YuanText(plan.spent);
  o["left_yuan"] = YuanText(plan.left);
  o["total_score_milli"] = plan.total_score;
  o["households"] = plan.households;
  o["objective_value"] = plan.objective_value;
  o["lp_bound"] = plan.lp_bound;
  o["gap_ppm"] = plan.gap_ppm;
  o["proven_optimal"] = plan.proven_optimal;
  o["solver"] = std::string(KeyOf(plan.solver));
  o["nodes"] = plan.nodes;
  o["cutoff_project_id"] = plan.cutoff_project_id;
  o["cutoff_milli_per_wan"] = plan.cutoff_milli_per_wan;
  o["tie_break"] = std::string(kRankTieBreak);
  json::array keys;
  for (const std::string& k : plan.criteria_keys) keys.emplace_back(k);
  o["criteria"] = std::move(keys);
  json::array ps;
  for (const ProjectDecision& x : plan.decisions) ps.emplace_back(DecisionJson(x, plan.criteria_keys));
  o["projects"] = std::move(ps);
  json::array shortfalls;
  for (const DistrictShortfall& f : plan.district_shortfalls) {
    shortfalls.emplace_back(json::object{{"district_id", f.district_id},
                                         {"min_projects", f.min_projects},
                                         {"projects", f.projects},
                                         {"min_spending_yuan", YuanText(f.min_spending)},
                                         {"spent_yuan", YuanText(f.spent)},
                                         {"explanation", f.explanation}});
  }
  o["district_shortfalls"] = std::move(shortfalls);
  json::array substitutions;
  for (const Substitution& x : plan.substitutions) {
    json::array added;
    for (const std::string& id : x.added_ids) added.emplace_back(id);
    substitutions.emplace_back(
        json::object{{"dropped_id", x.dropped_id}, {"added_ids", std::move(added)}});
  }
  o["substitutions"] = std::move(substitutions);
  return json::serialize(o);
}

std::string RollingPlanToJson(const RollingPlan& plan) {
  json::object o;
  o["format"] = "renewal.rolling_plan/1";
  json::array years;
  for (const YearOutcome& y : plan.years) {
    json::object yo;
    yo["year"] = y.year;
    yo["budget_yuan"] = YuanText(y.budget);
    yo["spent_yuan"] = YuanText(y.spent);
    json::array ids;
    for (const std::string& id : y.implemented) ids.emplace_back(id);
    yo["implemented"] = std::move(ids);
    yo["households"] = y.households;
    yo["cumulative_households"] = y.cumulative_households;
    yo["rolled_over"] = y.rolled_over;
    yo["proven_optimal"] = y.proven_optimal;
    years.emplace_back(std::move(yo));
  }
  o["years"] = std::move(years);
  json::array nd;
  for (const std::string& id : plan.not_done) nd.emplace_back(id);
  o["not_done"] = std::move(nd);
  return json::serialize(o);
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

std::string SheetToJson(const ScoringSheet& sheet) {
  json::object o;
  o["name"] = sheet.name;
  o["source"] = sheet.source;
  json::array cs;
  for (const Criterion& c : sheet.criteria) {
    json::object co;
    co["key"] = c.key;
    co["zh"] = c.zh;
    co["feature"] = std::string(KeyOf(c.feature));
    co["function"] = std::string(KeyOf(c.function));
    co["max_points_milli"] = c.max_points;
    co["missing"] = std::string(KeyOf(c.missing));
    if (c.function == ScoreFunction::kLinear) {
      co["low"] = c.low;
      co["high"] = c.high;
    }
    if (!c.steps.empty()) {
      json::array st;
      for (const StepThreshold& s : c.steps) st.emplace_back(json::object{{"at_least", s.at_least}, {"points_milli", s.points}});
      co["steps"] = std::move(st);
    }
    if (!c.table.empty()) {
      json::array t;
      for (const TableEntry& e : c.table) t.emplace_back(json::object{{"value", e.value}, {"points_milli", e.points}});
      co["table"] = std::move(t);
    }
    cs.emplace_back(std::move(co));
  }
  o["criteria"] = std::move(cs);
  return json::serialize(o);
}

std::string PlanToText(const AnnualPlan& plan) {
  std::ostringstream os;
  auto points = [](MilliPoints p) {
    return StrCat(p / kMilliPerPoint, ".", std::string(3 - std::min<std::size_t>(3, StrCat(p % kMilliPerPoint).size()), '0'), p % kMilliPerPoint);
  };
  os << "年度改造计划 " << plan.year << "（评分表 " << plan.sheet << "，目标 " << ZhOf(plan.objective)
     << "，预算口径 " << ZhOf(plan.basis) << "）\n";
  os << "预算 " << plan.budget.ToWanYuanString() << "元，已安排 " << plan.spent.ToWanYuanString()
     << "元，结余 " << plan.left.ToWanYuanString() << "元；总得分 " << points(plan.total_score)
     << "，受益户数 " << plan.households << "\n";
  os << "求解 " << ZhOf(plan.solver) << "：" << (plan.proven_optimal ? "已证明最优" : "未证明最优")
     << "，LP 上界差距 " << plan.gap_ppm << " ppm，搜索节点 " << plan.nodes << "\n";
  os << "排名\t项目\t区县\t得分\t成本\t层级\t原因\t说明\n";
  for (const ProjectDecision& x : plan.decisions) {
    os << x.rank << "\t" << x.project_id << "\t" << x.district_id << "\t" << points(x.score) << "\t"
       << x.cost.ToWanYuanString() << "\t" << ZhOf(x.tier) << "\t" << ZhOf(x.reason) << "\t"
       << x.explanation << "\n";
  }
  return os.str();
}

}  // namespace renewal
