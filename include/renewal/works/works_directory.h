// What the works refer to and do not own: estates (with their district), contractors
// and projects (with their contractor, contract amount and cost plan). The caller
// fills a directory — from a registry and its own project list today, from the
// progress area's project records once that area exists (docs/works.md) — and the
// works check every reference against it.
#ifndef RENEWAL_WORKS_WORKS_DIRECTORY_H_
#define RENEWAL_WORKS_WORKS_DIRECTORY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renewal/base/money.h"
#include "renewal/funding/cost.h"
#include "renewal/registry/registry.h"

namespace renewal {

struct WorksEstate {
  std::string id;
  std::string district;  // district ID ("" when unknown)
};

struct Contractor {
  std::string id;
  std::string name;
};

/// A renovation project as the works see it.
struct WorksProject {
  std::string id;
  std::string estate;      // estate ID
  std::string contractor;  // contractor ID
  Money contract_amount;   // the construction contract (for the change-order share)
  /// The project's cost items (funding area); a change order edits them. May be
  /// empty when no change order will be recorded.
  CostPlan plan;
  /// The funding policy the plan is split under (a funding preset name); empty: none.
  std::string funding_policy;
};

/// The estates, contractors and projects the works may name.
class WorksDirectory {
 public:
  /// AlreadyExists on a repeated ID; InvalidArgument on a bad ID (base/ids.h).
  absl::Status AddEstate(WorksEstate estate);
  absl::Status AddContractor(Contractor contractor);
  /// NotFound when its estate or contractor is unknown. The plan's costs are
  /// computed (funding's ComputeCosts) and its estate set to the project's.
  absl::Status AddProject(WorksProject project);
  /// Every estate of a registry, with its district's ID.
  absl::Status AddRegistryEstates(const Registry& registry);

  std::optional<std::uint32_t> FindEstate(std::string_view id) const;
  std::optional<std::uint32_t> FindContractor(std::string_view id) const;
  std::optional<std::uint32_t> FindProject(std::string_view id) const;

  const std::vector<WorksEstate>& estates() const { return estates_; }
  const std::vector<Contractor>& contractors() const { return contractors_; }
  const std::vector<WorksProject>& projects() const { return projects_; }
  /// The district IDs, in first-seen order, and each estate's index into them.
  const std::vector<std::string>& districts() const { return districts_; }
  std::uint32_t estate_district(std::uint32_t estate) const { return estate_district_[estate]; }
  /// A project's estate and contractor indexes.
  std::uint32_t project_estate(std::uint32_t project) const { return project_estate_[project]; }
  std::uint32_t project_contractor(std::uint32_t project) const { return project_contractor_[project]; }

 private:
  std::vector<WorksEstate> estates_;
  std::vector<Contractor> contractors_;
  std::vector<WorksProject> projects_;
  std::vector<std::string> districts_;
  std::vector<std::uint32_t> estate_district_;
  std::vector<std::uint32_t> project_estate_, project_contractor_;
  std::unordered_map<std::string, std::uint32_t> estate_index_, contractor_index_, project_index_,
      district_index_;
};

}  // namespace renewal

#endif  // RENEWAL_WORKS_WORKS_DIRECTORY_H_
