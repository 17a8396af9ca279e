// Completeness and review results as JSON and text; the verdicts the annual plan
// reads back (docs/schemas/scheme-completeness.schema.json, scheme-review.schema.json).
#include <string>

#include "absl/container/flat_hash_set.h"

#include "renewal/base/json_fields.h"
#include "renewal/base/json_parse.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"
#include "renewal/scheme/review.h"

namespace renewal {
namespace {

namespace json = boost::json;

json::object CompletenessValue(const CompletenessPolicy& policy, const CompletenessResult& r) {
  json::object o;
  o["format"] = "renewal.scheme-completeness";
  o["estate"] = r.estate;
  o["policy"] = policy.name;
  o["complete"] = r.complete();
  o["counts"] = json::object{{"required", r.required},       {"covered", r.covered},
                             {"waived", r.waived},           {"missing", r.missing},
                             {"not_surveyed", r.not_surveyed}, {"suggested", r.suggested},
                             {"suggested_covered", r.suggested_covered},
                             {"declined", r.declined}};
  json::array needs;
  for (const Need& n : r.needs) {
    const CompletenessRule& rule = policy.rules[n.rule];
    json::object x;
    x["rule"] = rule.id;
    x["facility"] = KeyOf(n.facility);
    x["condition"] = KeyOf(n.condition);
    x["kind"] = KeyOf(n.kind);
    x["status"] = KeyOf(n.status);
    if (!n.building.empty()) {
      x["building"] = n.building;
      x["entrance"] = n.entrance;
      x["floors"] = n.floors;
    }
    json::array items;
    for (const std::string& id : n.items) items.push_back(json::string(id));
    x["items"] = std::move(items);
    if (n.status == NeedStatus::kWaived) x["waiver"] = n.waiver;
    x["reason_zh"] = n.reason_zh;
    x["reason_en"] = n.reason_en;
    x["source"] = rule.source;
    needs.push_back(std::move(x));
  }
  o["needs"] = std::move(needs);
  return o;
}

json::object ReviewValue(const ReviewPolicy& policy, const ReviewResult& r) {
  json::object o;
  o["format"] = "renewal.scheme-review";
  o["plan"] = r.plan;
  o["estate"] = r.estate;
  o["policy"] = json::object{{"name", policy.name}, {"zh", policy.zh}, {"en", policy.en}};
  o["status"] = KeyOf(r.status);
  o["passed"] = r.status == ReviewStatus::kPassed;
  json::array checks, failed;
  for (std::size_t i = 0; i < r.checks.size(); ++i) {
    const ReviewCheck& c = policy.checks[i];
    const CheckResult& x = r.checks[i];
    checks.push_back(json::object{{"id", c.id},
                                  {"kind", KeyOf(c.kind)},
                                  {"outcome", KeyOf(x.outcome)},
                                  {"actual", x.actual},
                                  {"expected", x.expected},
                                  {"reason_zh", x.reason_zh},
                                  {"reason_en", x.reason_en},
                                  {"source", c.source}});
  }
  for (std::size_t i : r.failed) failed.push_back(json::string(policy.checks[i].id));
  o["checks"] = std::move(checks);
  o["failed"] = std::move(failed);
  absl::StatusOr<CompletenessPolicy> cp = CompletenessPreset(policy.completeness);
  if (cp.ok()) o["completeness"] = CompletenessValue(*cp, r.completeness);
  return o;
}

}  // namespace

std::string CompletenessToJson(const CompletenessPolicy& policy, const CompletenessResult& r) {
  return json::serialize(CompletenessValue(policy, r)) + "\n";
}

std::string ReviewToJson(const ReviewPolicy& policy, const ReviewResult& result) {
  return json::serialize(ReviewValue(policy, result)) + "\n";
}

std::string ReviewsToJson(const ReviewPolicy& policy, const std::vector<ReviewResult>& results) {
  json::array reviews;
  for (const ReviewResult& r : results) reviews.push_back(ReviewValue(policy, r));
  return json::serialize(json::object{{"format", "renewal.scheme-reviews"},
                                      {"reviews", std::move(reviews)}}) +
         "\n";
}

std::string ReviewToText(const ReviewPolicy& policy, const ReviewResult& r, bool english) {
  std::string s = english ? StrCat(policy.en, "\nplan ", r.plan, " (estate ", r.estate, "): ",
                                   EnOf(r.status), "\n")
                          : StrCat(policy.zh, "\n方案 ", r.plan, "（小区 ", r.estate, "）：",
                                   ZhOf(r.status), "\n");
  for (std::size_t i = 0; i < r.checks.size(); ++i) {
    const CheckResult& x = r.checks[i];
    s += StrCat(x.outcome == CheckOutcome::kPass ? "  ✓ " : x.outcome == CheckOutcome::kFail ? "  ✗ " : "  ? ",
                english ? x.reason_en : x.reason_zh, "\n");
  }
  if (!r.failed.empty()) {
    s += english ? "failed checks:" : "不通过的审查项：";
    for (std::size_t i : r.failed) s += StrCat(" ", policy.checks[i].id);
    s += "\n";
  }
  return s;
}

absl::StatusOr<std::vector<ReviewVerdict>> ParseReviewVerdictsJson(std::string_view text) {
  RENEWAL_ASSIGN_OR_RETURN(json::value doc, internal::ParseJson(text));
  if (!doc.is_object()) return absl::InvalidArgumentError("reviews: expected a JSON object");
  // Reads the verdict fields of the review output; the rest of each review (the
  // checks and their reasons) is for people and is not read back.
  const auto read = [](const json::object& o, std::string path) -> absl::StatusOr<ReviewVerdict> {
    internal::Fields f(o, std::move(path));
    ReviewVerdict v;
    RENEWAL_RETURN_IF_ERROR(f.String("plan", true, &v.plan));
    RENEWAL_RETURN_IF_ERROR(f.String("estate", true, &v.estate));
    if (v.estate.empty()) return f.Invalid("estate", "must not be empty");
    RENEWAL_RETURN_IF_ERROR(f.Enum("status", true, &v.status));
    return v;
  };
  const json::object& root = doc.get_object();
  std::vector<ReviewVerdict> out;
  if (const json::value* reviews = root.if_contains("reviews")) {
    if (!reviews->is_array()) {
      return absl::InvalidArgumentError(
          StrCat("reviews: expected an array, got ", internal::Describe(*reviews)));
    }
    const json::array& a = reviews->get_array();
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!a[i].is_object()) {
        return absl::InvalidArgumentError(
            StrCat("reviews[", i, "]: expected an object, got ", internal::Describe(a[i])));
      }
      RENEWAL_ASSIGN_OR_RETURN(ReviewVerdict v, read(a[i].get_object(), StrCat("reviews[", i, "]")));
      out.push_back(std::move(v));
    }
  } else {
    RENEWAL_ASSIGN_OR_RETURN(ReviewVerdict v, read(root, "review"));
    out.push_back(std::move(v));
  }
  absl::flat_hash_set<std::string_view> seen;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (!seen.insert(out[i].estate).second) {
      return absl::AlreadyExistsError(StrCat("reviews[", i, "] estate: \"", out[i].estate,
                                             "\" is reviewed twice"));
    }
  }
  return out;
}

}  // namespace renewal
