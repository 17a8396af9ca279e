// Private to the funding area: what funding_json.cc (cost plans),
// funding_json_policy.cc (policies and allocations) and funding_json_financing.cc
// (financing cases) share to read JSON: internal::Fields in funding's wording.
#ifndef RENEWAL_SRC_FUNDING_FUNDING_JSON_READER_H_
#define RENEWAL_SRC_FUNDING_FUNDING_JSON_READER_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "boost/json.hpp"
#include "renewal/base/file.h"
#include "renewal/base/json_fields.h"
#include "renewal/base/json_parse.h"
#include "renewal/base/strcat.h"
#include "renewal/funding/funding_json.h"

namespace renewal {
namespace funding_json_internal {

namespace json = boost::json;

using internal::DescribeScalar;
using internal::Fields;
using internal::ToStd;

// Funding's wording of field errors (kept byte for byte from its first reader):
// values as Boost.JSON writes them, "required", "unknown value \"x\"".
inline constexpr internal::FieldStyle kStyle{.describe = &internal::DescribeScalar,
                                             .missing = "required",
                                             .labels = internal::FieldStyle::Labels::kValue};

// The fields of `o`, named `<path> <field>` in messages.
inline Fields Reader(const json::object& o, std::string path) {
  return Fields(o, std::move(path), kStyle);
}

inline absl::StatusOr<json::value> Parse(std::string_view text, std::string_view what) {
  absl::StatusOr<json::value> v = internal::ParseJson(text);
  if (!v.ok()) return internal::Prefixed(v.status(), what);
  if (!v->is_object()) return absl::InvalidArgumentError(StrCat(what, ": expected a JSON object"));
  return v;
}

inline absl::StatusOr<std::string> ReadFile(const std::string& path) {
  return internal::ReadFileToString(path);
}

inline std::string Yuan(Money m) { return m.ToYuanString(); }

// The reader of element `i` of array `array`, named `array[i] "id"` in messages.
inline absl::StatusOr<Fields> ElementReader(const json::value& v, std::string_view array,
                                            std::size_t i) {
  return Fields::Element(v, array, i, kStyle);
}

}  // namespace funding_json_internal
}  // namespace renewal

#endif  // RENEWAL_SRC_FUNDING_FUNDING_JSON_READER_H_
