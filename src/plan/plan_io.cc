// JSON reading and writing for projects, facts, options and plans (menus: menu_io.cc).
#include "renewal/base/file.h"
#include "renewal/plan/plan_io.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <sstream>

#include "plan_io_internal.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"

namespace renewal {

namespace json = boost::json;
using namespace plan_io_internal;  // the private reader kit (plan_io_internal.h)

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
                             "vote_passed", "funding_confirmed", "management_agreed", "review_passed",
                             "agreement_bp", "fund_collection_bp", "carried_over_years",
                             "must_include"});
    if (s.ok()) s = f.String("estate_id", true, &p.estate_id);
    if (s.ok()) s = f.String("name", false, &p.name);
    if (s.ok()) s = f.Yuan("cost_yuan", true, &p.cost);
    p.government_share = p.cost;
    if (s.ok()) s = f.Yuan("government_share_yuan", false, &p.government_share);
    if (s.ok()) s = f.Bool("vote_passed", &p.vote_passed);
    if (s.ok()) s = f.Bool("funding_confirmed", &p.funding_confirmed);
    if (s.ok()) s = f.Bool("management_agreed", &p.management_agreed);
    if (s.ok()) s = f.Bool("review_passed", &p.review_passed);
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
    return internal::Prefixed(p.status(), path);
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
    "require_review_passed", "carry_over_bonus_points", "plan_tier_budget_yuan", "district_limits"};

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
  std::optional<bool> hazards, vote, funding, management, review;
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
  if (s.ok()) s = f.Bool("require_review_passed", &review);
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
  if (review) out.require_review_passed = *review;
  if (bonus) out.carry_over_bonus = *bonus * kMilliPerPoint;
  return out;
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
  o["explanation"] = x.explanation_zh;  // Chinese, as it always was
  o["explanation_en"] = x.explanation_en;
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
                                         {"explanation", f.explanation_zh},
                                         {"explanation_en", f.explanation_en}});
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

namespace {

std::string PointsText(MilliPoints p) {
  return StrCat(p / kMilliPerPoint, ".",
                std::string(3 - std::min<std::size_t>(3, StrCat(p % kMilliPerPoint).size()), '0'),
                p % kMilliPerPoint);
}

}  // namespace

std::string PlanToTextZh(const AnnualPlan& plan) {
  std::ostringstream os;
  os << "年度改造计划 " << plan.year << "（评分表 " << plan.sheet << "，目标 " << ZhOf(plan.objective)
     << "，预算口径 " << ZhOf(plan.basis) << "）\n";
  os << "预算 " << plan.budget.ToWanYuanString() << "元，已安排 " << plan.spent.ToWanYuanString()
     << "元，结余 " << plan.left.ToWanYuanString() << "元；总得分 " << PointsText(plan.total_score)
     << "，受益户数 " << plan.households << "\n";
  os << "求解 " << ZhOf(plan.solver) << "：" << (plan.proven_optimal ? "已证明最优" : "未证明最优")
     << "，与线性规划上界相差百万分之 " << plan.gap_ppm << "，搜索节点 " << plan.nodes << "\n";
  os << "排名\t项目\t区县\t得分\t成本\t层级\t原因\t说明\n";
  for (const ProjectDecision& x : plan.decisions) {
    os << x.rank << "\t" << x.project_id << "\t" << x.district_id << "\t" << PointsText(x.score)
       << "\t" << x.cost.ToWanYuanString() << "\t" << ZhOf(x.tier) << "\t" << ZhOf(x.reason)
       << "\t" << x.explanation_zh << "\n";
  }
  for (const DistrictShortfall& f : plan.district_shortfalls) os << "注：" << f.explanation_zh << "\n";
  return os.str();
}

std::string PlanToTextEn(const AnnualPlan& plan) {
  std::ostringstream os;
  os << "annual renovation plan " << plan.year << " (sheet " << plan.sheet << ", objective "
     << EnOf(plan.objective) << ", budget basis " << EnOf(plan.basis) << ")\n";
  os << "budget " << plan.budget.ToYuanString() << " yuan, selected " << plan.spent.ToYuanString()
     << " yuan, left " << plan.left.ToYuanString() << " yuan; total score "
     << PointsText(plan.total_score) << ", households " << plan.households << "\n";
  os << "solver " << KeyOf(plan.solver) << ": "
     << (plan.proven_optimal ? "proven optimal" : "not proven optimal")
     << ", gap to the LP bound " << plan.gap_ppm << " ppm, search nodes " << plan.nodes << "\n";
  os << "rank\tproject\tdistrict\tscore\tcost (yuan)\ttier\treason\texplanation\n";
  for (const ProjectDecision& x : plan.decisions) {
    os << x.rank << "\t" << x.project_id << "\t" << x.district_id << "\t" << PointsText(x.score)
       << "\t" << x.cost.ToYuanString() << "\t" << EnOf(x.tier) << "\t" << EnOf(x.reason)
       << "\t" << x.explanation_en << "\n";
  }
  for (const DistrictShortfall& f : plan.district_shortfalls) os << "note: " << f.explanation_en << "\n";
  return os.str();
}

}  // namespace renewal
