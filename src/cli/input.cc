#include "input.h"

#include "command.h"
#include "progress.h"
#include "renewal/base/file.h"
#include "renewal/funding/funding_json.h"
#include "renewal/plan/plan_io.h"
#include "renewal/votes/vote_consult_json.h"
#include "renewal/base/status_macros.h"
#include "renewal/registry/snapshot.h"

namespace renewal::cli {
namespace {

// `load(path)` for a file; `parse(text)` of stdin for "-", its errors prefixed "-: ".
template <class Load, class Parse>
auto FromInput(const std::string& path, Load load, Parse parse) -> decltype(load(path)) {
  if (path != "-") return load(path);
  RENEWAL_ASSIGN_OR_RETURN(std::string text, ReadInput(path));
  auto parsed = parse(text);
  if (!parsed.ok()) return internal::Prefixed(parsed.status(), "-");
  return parsed;
}

}  // namespace

absl::StatusOr<Policy> LoadPolicyInput(const std::string& spec) {
  return FromInput(
      spec, [](const std::string& s) { return LoadPolicy(s); },
      [](const std::string& t) { return ParsePolicyJson(t); });
}

absl::StatusOr<Registry> LoadRegistryInput(const std::string& path, const LoadOptions& options) {
  // JSON or the binary snapshot, told apart by the first bytes (docs/snapshot.md).
  Progress progress("renewal: loading " + path);
  return FromInput(
      path, [&](const std::string& p) { return LoadRegistryAnyFile(p, options); },
      [&](const std::string& t) { return LoadRegistryAny(t, options); });
}

absl::StatusOr<VoteDocument> LoadVoteInput(const Registry& registry, const std::string& path) {
  return FromInput(
      path, [&](const std::string& p) { return LoadVoteFile(registry, p); },
      [&](const std::string& t) { return ParseVoteDocument(registry, t); });
}

absl::StatusOr<std::vector<ElevatorApplication>> LoadElevatorApplicationsInput(
    const Registry& registry, const std::string& path) {
  return FromInput(
      path, [&](const std::string& p) { return LoadElevatorApplicationsFile(registry, p); },
      [&](const std::string& t) { return ParseElevatorApplications(registry, t); });
}

absl::StatusOr<CostPlan> LoadCostPlanInput(const std::string& path) {
  return FromInput(path, LoadCostPlanFile, ParseCostPlanJson);
}

absl::StatusOr<SchemePlan> LoadSchemePlanInput(const std::string& path) {
  return FromInput(path, LoadSchemePlanFile, ParseSchemePlanJson);
}

absl::StatusOr<FinancingCase> LoadFinancingCaseInput(const std::string& path) {
  return FromInput(path, LoadFinancingCaseFile, ParseFinancingCaseJson);
}

absl::StatusOr<std::vector<CandidateProject>> LoadProjectsInput(const std::string& path) {
  return FromInput(path, LoadProjectsFile, ParseProjectsJson);
}

}  // namespace renewal::cli
