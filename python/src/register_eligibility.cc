// renewal._core.eligibility: screening, the summary
// by district, and the synthetic city. Results are plain columns (dicts of
// lists); python/renewal/eligibility.py turns them into DataFrames.
#include "bindings.h"

#include <string>
#include <vector>

#include "renewal/eligibility/eligibility.h"
#include "renewal/registry/registry.h"
#include "renewal/eligibility/summary.h"
#include "renewal/eligibility/screening_map.h"
#include "renewal/registry/map.h"

namespace renewal::python {
namespace {

Policy PolicyOf(const std::string& spec) { return ValueOrThrow(LoadPolicy(spec)); }

py::dict ScreenColumns(const Registry& r, const Text& spec, Int year) {
  const Policy policy = PolicyOf(spec);
  ScreeningResult s;
  {
    py::gil_scoped_release release;
    s = ScreenRegistry(r, policy, year);
  }
  py::list estate_id, name, district_id, district, status, failed, unknown, reasons_zh,
      reasons_en;
  std::vector<py::list> per_rule(policy.rules.size());
  for (Index e = 0; e < s.estate_count(); ++e) {
    const Estate& estate = r.estate(e);
    estate_id.append(estate.id);
    name.append(estate.name);
    district_id.append(r.district(estate.district).id);
    district.append(r.district(estate.district).name);
    status.append(std::string(KeyOf(s.status[e])));
    py::list f, u;
    std::string zh, en;
    for (std::size_t k = 0; k < policy.rules.size(); ++k) {
      const RuleOutcome o = s.outcome(e, k);
      per_rule[k].append(std::string(KeyOf(o)));
      if (o == RuleOutcome::kPass) continue;
      (o == RuleOutcome::kFail ? f : u).append(policy.rules[k].id);
      // Reasons for the rules that did not pass (the ones that decide).
      const RuleResult res = ExplainRule(policy.rules[k], estate.facts, year);
      if (!zh.empty()) zh += '\n';
      zh += ReasonZh(policy.rules[k], res);
      if (!en.empty()) en += '\n';
      en += ReasonEn(policy.rules[k], res);
    }
    failed.append(f);
    unknown.append(u);
    reasons_zh.append(zh);
    reasons_en.append(en);
  }
  py::dict rules;
  for (std::size_t k = 0; k < policy.rules.size(); ++k) rules[py::str(policy.rules[k].id)] = per_rule[k];
  py::dict out;
  out["estate_id"] = estate_id;
  out["name"] = name;
  out["district_id"] = district_id;
  out["district"] = district;
  out["status"] = status;
  out["failed_rules"] = failed;
  out["unknown_rules"] = unknown;
  out["reasons_zh"] = reasons_zh;
  out["reasons_en"] = reasons_en;
  out["rule_outcomes"] = rules;
  out["policy"] = policy.name;
  out["year"] = year;
  return out;
}

py::dict ExplainEstate(const Registry& r, const Text& estate_id, const Text& spec,
                       Int year) {
  const Policy policy = PolicyOf(spec);
  const std::optional<Index> e = r.FindEstate(estate_id);
  if (!e) {
    std::string message = "estate: no estate with id \"";
    message.append(estate_id).append("\"");
    ThrowStatus(absl::NotFoundError(message));
  }
  const EstateScreening s = ScreenEstate(policy, r.estate(*e).facts, year);
  py::list rules;
  for (std::size_t k = 0; k < policy.rules.size(); ++k) {
    py::dict d;
    d["id"] = policy.rules[k].id;
    d["kind"] = std::string(KeyOf(policy.rules[k].kind));
    d["outcome"] = std::string(KeyOf(s.rules[k].outcome));
    d["actual"] = s.rules[k].actual;
    d["expected"] = s.rules[k].expected;
    d["reason_zh"] = ReasonZh(policy.rules[k], s.rules[k]);
    d["reason_en"] = ReasonEn(policy.rules[k], s.rules[k]);
    rules.append(d);
  }
  py::dict out;
  out["estate_id"] = estate_id;
  out["status"] = std::string(KeyOf(s.status));
  out["rules"] = rules;
  return out;
}

py::dict SummaryColumns(const Registry& r, const std::optional<std::string>& spec,
                        std::optional<int> year) {
  CitySummary s;
  if (spec) {
    if (!year) {
      ThrowStatus(absl::InvalidArgumentError("year: required when a policy is given"));
    }
    const Policy policy = PolicyOf(*spec);
    py::gil_scoped_release release;
    s = Summarize(r, policy, ScreenRegistry(r, policy, *year), *year);
  } else {
    py::gil_scoped_release release;
    s = Summarize(r);
  }
  py::list district_id, district, estates, buildings, households, area_centi, eligible,
      ineligible, undetermined;
  for (const SummaryRow& row : s.districts) {
    district_id.append(row.district_id);
    district.append(row.district_name);
    estates.append(row.estates);
    buildings.append(row.buildings);
    households.append(row.dwellings);
    area_centi.append(row.area.centi());
    eligible.append(row.eligible);
    ineligible.append(row.ineligible);
    undetermined.append(row.undetermined);
  }
  py::dict out;
  out["district_id"] = district_id;
  out["district"] = district;
  out["estates"] = estates;
  out["buildings"] = buildings;
  out["households"] = households;
  out["area_centi_m2"] = area_centi;
  if (spec) {
    out["eligible"] = eligible;
    out["ineligible"] = ineligible;
    out["undetermined"] = undetermined;
  }
  return out;
}

}  // namespace

void register_eligibility(py::module_& e) {
  e.def("presets", [] {
    std::vector<std::string> names;
    for (std::string_view n : PresetPolicyNames()) names.emplace_back(n);
    return names;
  }, "The preset policy names.\n\n:returns: ``['national_2020', 'yueyang', 'xiangtan_competitive']``");
  e.def("policy_json", [](const Text& spec) { return PolicyToJson(PolicyOf(spec)); },
        py::arg("policy"),
        "The policy as normalised JSON.\n\n"
        ":param policy: a preset name, JSON text, or the path of a JSON policy file.\n"
        ":raises InvalidArgumentError: malformed policy (the message names rules[i] and the field).\n"
        ":raises NotFoundError: unknown preset or unreadable file.");
  e.def("screen", &ScreenColumns, py::arg("registry"), py::arg("policy"), py::arg("year"),
        "Screens every estate.\n\n"
        ":param registry: a :class:`renewal.Registry`.\n"
        ":param policy: a preset name, JSON text, or the path of a JSON policy file.\n"
        ":param year: the evaluation year (windows such as '近5年' count from it).\n"
        ":returns: a dict of columns (estate_id, name, district_id, district, status,\n"
        "    failed_rules, unknown_rules, reasons_zh, reasons_en), ``rule_outcomes``\n"
        "    (rule id → list of 'pass'/'fail'/'unknown'), ``policy`` and ``year``.\n"
        ":raises InvalidArgumentError: malformed policy.");
  e.def("explain", &ExplainEstate, py::arg("registry"), py::arg("estate_id"), py::arg("policy"),
        py::arg("year"),
        "Every rule's outcome, compared values and reasons for one estate.\n\n"
        ":raises NotFoundError: no estate with that id.");
  e.def("summary", &SummaryColumns, py::arg("registry"), py::arg("policy") = py::none(),
        py::arg("year") = py::none(),
        "By district: estates, buildings, households, exact exclusive area (0.01 m²) and,\n"
        "with a policy, eligible / ineligible / undetermined estates.\n\n"
        ":param year: required with a policy.\n"
        ":returns: a dict of columns.");
  e.def("screen_geojson",
        [](const Registry& r, const Text& spec, Int year) {
          const Policy policy = PolicyOf(spec);
          absl::StatusOr<std::string> text;
          {
            py::gil_scoped_release release;
            text = EstatesGeoJson(
                r, ScreeningMapProperties(r, policy, ScreenRegistry(r, policy, year), year));
          }
          return ValueOrThrow(std::move(text));
        },
        py::arg("registry"), py::arg("policy"), py::arg("year"),
        "The registry as GeoJSON text (see ``Registry._geojson``) with each estate's\n"
        "screening added to its properties: status, status_zh, policy, year,\n"
        "failed_rules, unknown_rules, reasons_zh, reasons_en (docs/map.md).\n\n"
        ":raises InvalidArgumentError: malformed policy.\n"
        ":raises NotFoundError: unknown preset.");
}

}  // namespace renewal::python
