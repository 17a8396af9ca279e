// The directory of estates, contractors and projects the works refer to.
#include "renewal/works/works_directory.h"

#include "renewal/base/ids.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"
#include "renewal/funding/funding.h"

namespace renewal {
namespace {

absl::Status CheckNewId(const std::unordered_map<std::string, std::uint32_t>& index,
                        std::string_view what, const std::string& id) {
  if (absl::Status s = CheckId(id); !s.ok()) {
    return absl::InvalidArgumentError(StrCat(what, " \"", id, "\" ", ToStd(s.message())));
  }
  if (index.count(id) != 0) return absl::AlreadyExistsError(StrCat(what, " \"", id, "\": listed twice"));
  return absl::OkStatus();
}

std::optional<std::uint32_t> Lookup(const std::unordered_map<std::string, std::uint32_t>& index,
                                    std::string_view id) {
  auto it = index.find(std::string(id));
  if (it == index.end()) return std::nullopt;
  return it->second;
}

}  // namespace

absl::Status WorksDirectory::AddEstate(WorksEstate estate) {
  RENEWAL_RETURN_IF_ERROR(CheckNewId(estate_index_, "estate", estate.id));
  auto [it, inserted] = district_index_.emplace(estate.district, static_cast<std::uint32_t>(districts_.size()));
  if (inserted) districts_.push_back(estate.district);
  estate_district_.push_back(it->second);
  estate_index_.emplace(estate.id, static_cast<std::uint32_t>(estates_.size()));
  estates_.push_back(std::move(estate));
  return absl::OkStatus();
}

absl::Status WorksDirectory::AddContractor(Contractor contractor) {
  RENEWAL_RETURN_IF_ERROR(CheckNewId(contractor_index_, "contractor", contractor.id));
  contractor_index_.emplace(contractor.id, static_cast<std::uint32_t>(contractors_.size()));
  contractors_.push_back(std::move(contractor));
  return absl::OkStatus();
}

absl::Status WorksDirectory::AddProject(WorksProject project) {
  RENEWAL_RETURN_IF_ERROR(CheckNewId(project_index_, "project", project.id));
  if (!FindEstate(project.estate)) {
    return absl::NotFoundError(StrCat("project \"", project.id, "\" estate: unknown estate \"",
                                      project.estate, "\""));
  }
  if (!FindContractor(project.contractor)) {
    return absl::NotFoundError(StrCat("project \"", project.id,
                                      "\" contractor: unknown contractor \"", project.contractor, "\""));
  }
  if (project.contract_amount.is_negative()) {
    return absl::InvalidArgumentError(StrCat("project \"", project.id,
                                             "\" contract_amount: must be >= 0, got ",
                                             project.contract_amount.ToYuanString()));
  }
  if (!project.funding_policy.empty() && !FundingPreset(project.funding_policy).ok()) {
    return absl::InvalidArgumentError(StrCat("project \"", project.id,
                                             "\" funding_policy: unknown funding preset \"",
                                             project.funding_policy, "\""));
  }
  project.plan.estate = project.estate;
  if (project.plan.id.empty()) project.plan.id = project.id;
  if (absl::Status s = ComputeCosts(project.plan); !s.ok()) {
    return absl::Status(s.code(), StrCat("project \"", project.id, "\" plan: ", ToStd(s.message())));
  }
  project_estate_.push_back(*FindEstate(project.estate));
  project_contractor_.push_back(*FindContractor(project.contractor));
  project_index_.emplace(project.id, static_cast<std::uint32_t>(projects_.size()));
  projects_.push_back(std::move(project));
  return absl::OkStatus();
}

absl::Status WorksDirectory::AddRegistryEstates(const Registry& registry) {
  WorksDirectory copy = *this;  // all or nothing
  for (std::size_t i = 0; i < registry.estate_count(); ++i) {
    const Estate& e = registry.estate(static_cast<Index>(i));
    std::string district = e.district == kNoIndex ? "" : registry.district(e.district).id;
    RENEWAL_RETURN_IF_ERROR(copy.AddEstate({e.id, std::move(district)}));
  }
  *this = std::move(copy);
  return absl::OkStatus();
}

std::optional<std::uint32_t> WorksDirectory::FindEstate(std::string_view id) const {
  return Lookup(estate_index_, id);
}
std::optional<std::uint32_t> WorksDirectory::FindContractor(std::string_view id) const {
  return Lookup(contractor_index_, id);
}
std::optional<std::uint32_t> WorksDirectory::FindProject(std::string_view id) const {
  return Lookup(project_index_, id);
}

}  // namespace renewal
