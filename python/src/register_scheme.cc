// renewal._core.scheme: estate plans (一小区一方案), their completeness against the
// survey, review and the opinions register. Plans go in as JSON text (the C++ reader
// is the one definition of the format); results come out as the JSON the CLI writes
// (docs/schemas/scheme-*.schema.json), which python/renewal/scheme.py wraps.
#include "bindings.h"

#include <string>
#include <vector>

#include "renewal/registry/registry.h"
#include "renewal/scheme/completeness.h"
#include "renewal/scheme/opinions.h"
#include "renewal/scheme/review.h"
#include "renewal/scheme/scheme_plan.h"

namespace renewal::python {
namespace {

SchemePlan PlanOf(const Text& text) { return ValueOrThrow(ParseSchemePlanJson(text)); }

}  // namespace

void register_scheme(py::module_& m) {
  m.def("review_presets",
        [] {
          std::vector<std::string> out;
          for (std::string_view n : ReviewPresetNames()) out.emplace_back(n);
          return out;
        },
        "The review presets (changsha_eight_no, national, wuhan_joint_review, "
        "changsha_two_rounds).\n\n:returns: list of names.");
  m.def("completeness_presets",
        [] {
          std::vector<std::string> out;
          for (std::string_view n : CompletenessPresetNames()) out.emplace_back(n);
          return out;
        },
        "The completeness presets (national, changsha).\n\n:returns: list of names.");
  m.def("plan_json", [](const Text& text) { return SchemePlanToJson(PlanOf(text)); },
        py::arg("text"),
        "Reads a plan and writes it back in full (every default filled in).\n\n"
        ":param text: the plan as JSON text (docs/schemas/scheme-plan.schema.json).\n"
        ":returns: the plan as JSON text.\n"
        ":raises InvalidArgumentError: a malformed plan; the message names the record and field.\n"
        ":raises NotFoundError: an item of an unknown catalogue key or vote rule.\n"
        ":raises AlreadyExistsError: a duplicate item or opinion ID.");
  m.def("load_plan_json",
        [](const Text& path) { return SchemePlanToJson(ValueOrThrow(LoadSchemePlanFile(path))); },
        py::arg("path"),
        "Reads a plan file and writes it back in full.\n\n"
        ":param path: the plan JSON file.\n:returns: the plan as JSON text.\n"
        ":raises NotFoundError: no such file, or as plan_json.\n"
        ":raises InvalidArgumentError: as plan_json, prefixed with the path.");
  m.def("item_costs_fen",
        [](const Text& text) {
          const SchemePlan plan = PlanOf(text);
          std::vector<std::int64_t> out;
          for (const SchemeItem& item : plan.items) out.push_back(ValueOrThrow(SchemeItemCost(item)).fen());
          return out;
        },
        py::arg("text"),
        "Each item's quantity x unit cost, rounded half away from zero to the fen.\n\n"
        ":param text: the plan as JSON text.\n:returns: list of int fen, in item order.\n"
        ":raises OutOfRangeError: a cost beyond the range of money.");
  m.def("check_plan",
        [](const Registry& registry, const Text& text) {
          ThrowIfError(CheckPlanAgainstRegistry(PlanOf(text), registry));
        },
        py::arg("registry"), py::arg("text"),
        "Checks that the plan's estate, buildings, entrances and opinions' dwellings are in "
        "the registry.\n\n"
        ":param registry: a :class:`renewal.Registry`.\n:param text: the plan as JSON text.\n"
        ":raises NotFoundError: the estate is not in the registry.\n"
        ":raises InvalidArgumentError: a record outside the estate (named with its field).");
  m.def("completeness_json",
        [](const Registry& registry, const Text& text, const Text& policy) {
          const CompletenessPolicy p = ValueOrThrow(CompletenessPreset(policy));
          return CompletenessToJson(p, ValueOrThrow(CheckCompleteness(PlanOf(text), registry, p)));
        },
        py::arg("registry"), py::arg("text"), py::arg("policy") = "national",
        "The plan's completeness against the estate's survey.\n\n"
        ":param registry: a :class:`renewal.Registry`.\n:param text: the plan as JSON text.\n"
        ":param policy: a completeness preset.\n"
        ":returns: JSON text (docs/schemas/scheme-completeness.schema.json).\n"
        ":raises NotFoundError: unknown preset or estate.\n"
        ":raises InvalidArgumentError: a malformed plan or one that does not fit the estate.");
  m.def("review_json",
        [](const Registry& registry, const Text& text, const Text& policy) {
          const ReviewPolicy p = ValueOrThrow(ReviewPreset(policy));
          return ReviewToJson(p, ValueOrThrow(ReviewPlan(PlanOf(text), registry, p)));
        },
        py::arg("registry"), py::arg("text"), py::arg("policy") = "national",
        "Reviews the plan: every check with its outcome, values and reasons.\n\n"
        ":param registry: a :class:`renewal.Registry`.\n:param text: the plan as JSON text.\n"
        ":param policy: a review preset.\n"
        ":returns: JSON text (docs/schemas/scheme-review.schema.json).\n"
        ":raises NotFoundError: unknown preset or estate.\n"
        ":raises InvalidArgumentError: a malformed plan or one that does not fit the estate.");
  m.def("opinions_json",
        [](const Text& text, bool masked) { return OpinionsToJson(PlanOf(text), masked); },
        py::arg("text"), py::arg("masked") = true,
        "The opinions register.\n\n:param text: the plan as JSON text.\n"
        ":param masked: hide the room of each dwelling (for publication).\n"
        ":returns: JSON text (docs/schemas/scheme-opinions.schema.json).\n"
        ":raises InvalidArgumentError: a malformed plan.");
  m.def("opinions_notice",
        [](const Text& text, const Text& estate_name, const Text& format) {
          const SchemePlan plan = PlanOf(text);
          if (format == "md") return OpinionsNoticeMarkdown(plan, estate_name);
          if (format == "html") return OpinionsNoticeHtml(plan, estate_name);
          ThrowStatus(absl::InvalidArgumentError("format: expected md or html, got \"" +
                                                 std::string(format) + "\""));
        },
        py::arg("text"), py::arg("estate_name") = "", py::arg("format") = "md",
        "The public notice of the answers, in Chinese, dwellings masked.\n\n"
        ":param text: the plan as JSON text.\n:param estate_name: the heading's estate name.\n"
        ":param format: md or html.\n:returns: the notice text.\n"
        ":raises InvalidArgumentError: a malformed plan or an unknown format.");
  m.def("mask_dwelling", [](const Text& id) { return MaskDwelling(id); }, py::arg("dwelling_id"),
        "A dwelling ID with its room hidden: E000025-03-1-502 -> E000025-03-1-***.\n\n"
        ":param dwelling_id: the ID.\n:returns: the masked ID.");
}

}  // namespace renewal::python
