// Private to the registry area: one JSON record (a district, street, owner or
// estate with its buildings, entrances and dwellings) turned into RegistryBuilder
// calls. The streaming reader (registry_json_read.cc) hands each record over;
// the estate's parts are read in registry_json_records.cc.
#ifndef RENEWAL_SRC_REGISTRY_JSON_RECORDS_H_
#define RENEWAL_SRC_REGISTRY_JSON_RECORDS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "boost/json.hpp"
#include "renewal/base/json_fields.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"
#include "renewal/registry/registry.h"

namespace renewal {
namespace registry_json_internal {

using internal::Fields;
namespace json = boost::json;

inline std::string Quoted(std::string_view s) { return StrCat("\"", s, "\""); }

// Prefixes a builder error (which names only the field) with the record path.
inline absl::Status WithPath(const absl::Status& st, const std::string& path) {
  if (st.ok()) return st;
  return absl::Status(st.code(), StrCat(path, " ", st.message()));
}

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

  absl::Status District(const json::object& o, std::size_t i) {
    auto path = [&] { return StrCat("districts[", i, "]"); };
    Fields f(o, path);
    renewal::District d;
    RENEWAL_RETURN_IF_ERROR(f.String("id", true, &d.id));
    RENEWAL_RETURN_IF_ERROR(f.String("name", false, &d.name));
    RENEWAL_RETURN_IF_ERROR(f.NoUnknownFields());
    const std::string where = StrCat(path(), " ", Quoted(d.id));
    return WithPath(builder_.AddDistrict(std::move(d)), where);
  }

  absl::Status Street(const json::object& o, std::size_t i) {
    auto path = [&] { return StrCat("streets[", i, "]"); };
    Fields f(o, path);
    std::string id, name, district;
    RENEWAL_RETURN_IF_ERROR(f.String("id", true, &id));
    RENEWAL_RETURN_IF_ERROR(f.String("name", false, &name));
    RENEWAL_RETURN_IF_ERROR(f.String("district", true, &district));
    RENEWAL_RETURN_IF_ERROR(f.NoUnknownFields());
    const std::string where = StrCat(path(), " ", Quoted(id));
    return WithPath(builder_.AddStreet(std::move(id), std::move(name), district), where);
  }

  absl::Status Owner(const json::object& o, std::size_t i) {
    auto path = [&] { return StrCat("owners[", i, "]"); };
    Fields f(o, path);
    std::string id, name;
    std::optional<OwnerKind> kind;
    RENEWAL_RETURN_IF_ERROR(f.String("id", true, &id));
    RENEWAL_RETURN_IF_ERROR(f.String("name", false, &name));
    RENEWAL_RETURN_IF_ERROR(f.Enum("kind", &kind));
    RENEWAL_RETURN_IF_ERROR(f.NoUnknownFields());
    return WithPath(builder_.AddOwner(id, name, kind.value_or(OwnerKind::kPerson)),
                    StrCat(path(), " ", Quoted(id)));
  }

  absl::Status Estate(const json::object& o, std::size_t i);

  absl::StatusOr<Registry> Finish() && { return std::move(builder_).Finish(); }

 private:
  absl::Status Facts(Fields& f, EstateFacts* facts);
  absl::Status Building(const json::object& o, const std::string& estate_path, std::size_t i);
  absl::Status Dwelling(const json::object& o, const std::string& entrance_path, std::size_t i);

  RegistryBuilder builder_;
  std::vector<std::string_view> owner_ids_;  // reused per dwelling
};

}  // namespace registry_json_internal
}  // namespace renewal

#endif  // RENEWAL_SRC_REGISTRY_JSON_RECORDS_H_
