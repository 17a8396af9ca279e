// Private to the registry area: a staged record (registry_json_stage.h) checked
// field by field and turned into RegistryBuilder calls. The checks run in a fixed
// order (a record's own fields, then its children in order) and every error names
// the record path and the field, e.g.
// `estates[0] "E-0001" buildings[0] "E-0001-B1" entrances[0] dwellings[1] "X" floor: ...`.
#ifndef RENEWAL_SRC_REGISTRY_JSON_RECORDS_H_
#define RENEWAL_SRC_REGISTRY_JSON_RECORDS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "registry_json_stage.h"
#include "renewal/base/labels.h"
#include "renewal/base/strcat.h"
#include "renewal/registry/registry.h"

namespace renewal {
namespace registry_json_internal {

class RecordReader {
 public:
  explicit RecordReader(int current_year) : builder_(current_year) {}

  // The top-level `crs`: a coordinate system's key or name.
  absl::Status CoordinateSystem(std::string_view text) {
    const std::optional<renewal::CoordinateSystem> crs = ParseLabel<renewal::CoordinateSystem>(text);
    if (!crs) {
      return absl::InvalidArgumentError(
          StrCat("crs: unknown coordinate system \"", text, "\" (expected GCJ-02, WGS-84 or CGCS2000)"));
    }
    builder_.SetCoordinateSystem(*crs);
    return absl::OkStatus();
  }

  // `arena` holds the record's strings (Val::s).
  absl::Status District(const StagedSmall& r, std::string_view arena, std::size_t i);
  absl::Status Street(const StagedSmall& r, std::string_view arena, std::size_t i);
  absl::Status Owner(const StagedSmall& r, std::string_view arena, std::size_t i);
  absl::Status Estate(const StagedEstate& e, std::string_view arena, std::size_t i);

  RegistryBuilder& builder() { return builder_; }
  absl::StatusOr<Registry> Finish() && { return std::move(builder_).Finish(); }

 private:
  absl::Status Building(const StagedEstate& e, const StagedBuilding& b, std::string_view arena,
                        const std::string& estate_path, const std::string& estate_record,
                        std::size_t i);
  absl::Status Dwelling(const StagedEstate& e, const StagedDwelling& d, std::string_view arena,
                        const std::string& entrance_path, const std::string& entrance_record,
                        std::size_t i);

  RegistryBuilder builder_;
  std::vector<std::string_view> owner_ids_;  // reused per dwelling
};

}  // namespace registry_json_internal
}  // namespace renewal

#endif  // RENEWAL_SRC_REGISTRY_JSON_RECORDS_H_
