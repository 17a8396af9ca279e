// Typed, strict access to the fields of one JSON object with error messages that
// name the record path, the field and the bad value. Unknown fields are errors:
// a misspelt key must not silently become "not surveyed".
#ifndef RENEWAL_SRC_JSON_FIELDS_H_
#define RENEWAL_SRC_JSON_FIELDS_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "boost/json.hpp"
#include "renewal/base/labels.h"
#include "renewal/base/strcat.h"

namespace renewal::internal {

namespace json = boost::json;

inline std::string_view ToStd(json::string_view s) { return {s.data(), s.size()}; }

// How a JSON value is named in messages: `true`, `12`, `"abc"`, `an object`.
std::string Describe(const json::value& v);

class Fields {
 public:
  // `path` is the record's path, e.g. `estates[17] "E-0017"`; produced lazily.
  Fields(const json::object& object, std::function<std::string()> path)
      : object_(object), path_(std::move(path)) {}

  // The fields of a nested object, named "<key>.<field>" in messages.
  Fields Nested(const json::object& object, std::string_view key) const {
    Fields nested(object, path_);
    nested.prefix_ = StrCat(prefix_, key, ".");
    return nested;
  }

  // The error for `field` of this record.
  absl::Status Error(absl::StatusCode code, std::string_view field, std::string_view what) const;
  absl::Status Invalid(std::string_view field, std::string_view what) const {
    return Error(absl::StatusCode::kInvalidArgument, field, what);
  }

  // Each returns the value, or nullptr / nullopt when absent or null.
  const json::value* Find(std::string_view key);
  absl::Status Required(std::string_view key, const json::value** out);

  absl::Status String(std::string_view key, bool required, std::string* out);
  absl::Status Bool(std::string_view key, std::optional<bool>* out);
  absl::Status Int(std::string_view key, std::int64_t min, std::int64_t max,
                   std::optional<std::int64_t>* out);
  absl::Status Double(std::string_view key, double min, double max, std::optional<double>* out);
  // A year, or a word meaning "known: none" (kNever) such as "never" / "none".
  absl::Status YearOrNever(std::string_view key, std::string_view never_word,
                           std::optional<int>* out);
  // An area in m² with at most two decimals, as 0.01 m².
  absl::Status CentiArea(std::string_view key, std::int64_t* out);
  absl::Status Array(std::string_view key, bool required, const json::array** out);
  absl::Status Object(std::string_view key, const json::object** out);

  template <class E>
  absl::Status Enum(std::string_view key, std::optional<E>* out) {
    out->reset();
    const json::value* v = Find(key);
    if (v == nullptr) return absl::OkStatus();
    if (!v->is_string()) return Invalid(key, StrCat("expected a label string, got ", Describe(*v)));
    const std::string_view text = ToStd(v->get_string());
    *out = ParseLabel<E>(text);
    if (!*out) return Invalid(key, StrCat("unknown label \"", text, "\"", Choices<E>()));
    return absl::OkStatus();
  }

  template <class E>
  static std::string Choices() {
    std::string s = " (expected one of";
    for (const Label<E>& l : Labels<E>()) s += StrCat(" ", l.key);
    return s + ")";
  }

  // Errors on any key not read through this object.
  absl::Status NoUnknownFields() const;

 private:
  const json::object& object_;
  std::function<std::string()> path_;
  std::string prefix_;  // for nested objects: "location."
  std::vector<std::string_view> seen_;
};

}  // namespace renewal::internal

#endif  // RENEWAL_SRC_JSON_FIELDS_H_
