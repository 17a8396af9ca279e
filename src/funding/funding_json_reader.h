// Private to the funding area: the strict JSON reader that funding_json.cc (cost
// plans), funding_json_policy.cc (policies and allocations) and
// funding_json_financing.cc (financing cases) share.
#ifndef RENEWAL_SRC_FUNDING_FUNDING_JSON_READER_H_
#define RENEWAL_SRC_FUNDING_FUNDING_JSON_READER_H_

#include <functional>
#include <sstream>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "boost/json.hpp"
#include "renewal/base/file.h"
#include "renewal/base/json_parse.h"
#include "renewal/base/strcat.h"
#include "renewal/funding/funding_json.h"

namespace renewal {
namespace funding_json_internal {

namespace json = boost::json;

inline std::string_view Sv(json::string_view s) { return {s.data(), s.size()}; }

inline std::string Describe(const json::value& v) {
  if (v.is_string()) return StrCat("\"", Sv(v.get_string()), "\"");
  if (v.is_object()) return "an object";
  if (v.is_array()) return "an array";
  return json::serialize(v);
}

// Strict access to one object's fields; messages are `<path> <field>: <what>`.
class Reader {
 public:
  Reader(const json::object& o, std::string path) : o_(o), path_(std::move(path)) {}

  absl::Status Invalid(std::string_view field, std::string_view what) const {
    return absl::InvalidArgumentError(StrCat(path_, path_.empty() ? "" : " ", field, ": ", what));
  }
  const std::string& path() const { return path_; }

  // Unknown keys are errors (a misspelt key must not be ignored).
  absl::Status OnlyKeys(std::initializer_list<std::string_view> keys) const {
    for (const auto& kv : o_) {
      const std::string_view k = Sv(kv.key());
      if (std::find(keys.begin(), keys.end(), k) == keys.end()) {
        return Invalid(k, "unknown field");
      }
    }
    return absl::OkStatus();
  }
  const json::value* Find(std::string_view key) const {
    const json::value* v = o_.if_contains(json::string_view(key.data(), key.size()));
    return v == nullptr || v->is_null() ? nullptr : v;
  }
  absl::Status String(std::string_view key, bool required, std::string* out) const {
    const json::value* v = Find(key);
    if (!v) return required ? Invalid(key, "required") : absl::OkStatus();
    if (!v->is_string()) return Invalid(key, StrCat("expected a string, got ", Describe(*v)));
    *out = std::string(Sv(v->get_string()));
    return absl::OkStatus();
  }
  absl::Status Int(std::string_view key, std::int64_t min, std::int64_t* out) const {
    const json::value* v = Find(key);
    if (!v) return absl::OkStatus();
    if (!v->is_int64() && !v->is_uint64()) {
      return Invalid(key, StrCat("expected an integer, got ", Describe(*v)));
    }
    if (v->is_uint64() || v->get_int64() < min) {
      return Invalid(key, StrCat("must be >= ", min, ", got ", Describe(*v)));
    }
    *out = v->get_int64();
    return absl::OkStatus();
  }
  absl::Status Bool(std::string_view key, bool* out) const {
    const json::value* v = Find(key);
    if (!v) return absl::OkStatus();
    if (!v->is_bool()) return Invalid(key, StrCat("expected true or false, got ", Describe(*v)));
    *out = v->get_bool();
    return absl::OkStatus();
  }
  // Yuan as "1234.56" or an integer.
  absl::Status Yuan(std::string_view key, bool required, Money* out, bool* present = nullptr) const {
    const json::value* v = Find(key);
    if (present) *present = v != nullptr;
    if (!v) return required ? Invalid(key, "required") : absl::OkStatus();
    absl::StatusOr<Money> m;
    if (v->is_string()) {
      m = Money::Parse(Sv(v->get_string()));
    } else if (v->is_int64()) {
      m = Money::Yuan(v->get_int64());
    } else {
      return Invalid(key, StrCat("expected yuan as a string like \"1234.56\" or an integer, got ",
                                 Describe(*v)));
    }
    if (!m.ok()) return Invalid(key, ToStd(m.status().message()));
    *out = *m;
    return absl::OkStatus();
  }
  absl::Status Percent(std::string_view key, Ratio* out) const {
    const json::value* v = Find(key);
    if (!v) return Invalid(key, "required");
    absl::StatusOr<Ratio> r;
    if (v->is_string()) {
      r = Ratio::ParsePercent(Sv(v->get_string()));
    } else if (v->is_int64() && v->get_int64() >= 0) {
      r = Ratio::Percent(v->get_int64());
    } else {
      return Invalid(key, StrCat("expected a percentage like \"65\" or \"12.5\", got ", Describe(*v)));
    }
    if (!r.ok()) return Invalid(key, ToStd(r.status().message()));
    *out = *r;
    return absl::OkStatus();
  }
  template <class E>
  absl::Status Enum(std::string_view key, bool required, E* out, bool* present = nullptr) const {
    const json::value* v = Find(key);
    if (present) *present = v != nullptr;
    if (!v) return required ? Invalid(key, "required") : absl::OkStatus();
    if (!v->is_string()) return Invalid(key, StrCat("expected a string, got ", Describe(*v)));
    std::optional<E> e = ParseLabel<E>(Sv(v->get_string()));
    if (!e) return Invalid(key, StrCat("unknown value ", Describe(*v)));
    *out = *e;
    return absl::OkStatus();
  }
  // An array of enum labels as a bit mask.
  template <class E>
  absl::Status EnumMask(std::string_view key, std::uint32_t* out) const {
    const json::value* v = Find(key);
    if (!v) return absl::OkStatus();
    if (!v->is_array()) return Invalid(key, StrCat("expected an array, got ", Describe(*v)));
    const json::array& a = v->get_array();
    for (std::size_t i = 0; i < a.size(); ++i) {
      const std::string field = StrCat(key, "[", i, "]");
      if (!a[i].is_string()) return Invalid(field, StrCat("expected a string, got ", Describe(a[i])));
      std::optional<E> e = ParseLabel<E>(Sv(a[i].get_string()));
      if (!e) return Invalid(field, StrCat("unknown value ", Describe(a[i])));
      *out |= 1u << static_cast<unsigned>(*e);
    }
    return absl::OkStatus();
  }
  absl::Status Object(std::string_view key, const json::object** out) const {
    const json::value* v = Find(key);
    *out = nullptr;
    if (!v) return absl::OkStatus();
    if (!v->is_object()) return Invalid(key, StrCat("expected an object, got ", Describe(*v)));
    *out = &v->get_object();
    return absl::OkStatus();
  }
  absl::Status Array(std::string_view key, bool required, const json::array** out) const {
    const json::value* v = Find(key);
    *out = nullptr;
    if (!v) return required ? Invalid(key, "required") : absl::OkStatus();
    if (!v->is_array()) return Invalid(key, StrCat("expected an array, got ", Describe(*v)));
    *out = &v->get_array();
    return absl::OkStatus();
  }

 private:
  const json::object& o_;
  std::string path_;
};

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
inline absl::StatusOr<Reader> ElementReader(const json::value& v, std::string_view array,
                                            std::size_t i) {
  if (!v.is_object()) {
    return absl::InvalidArgumentError(
        StrCat(array, "[", i, "]: expected an object, got ", Describe(v)));
  }
  const json::object& o = v.get_object();
  std::string id;
  if (const json::value* idv = o.if_contains("id"); idv && idv->is_string()) {
    id = std::string(Sv(idv->get_string()));
  }
  return Reader(o, StrCat(array, "[", i, "] \"", id, "\""));
}

}  // namespace funding_json_internal
}  // namespace renewal

#endif  // RENEWAL_SRC_FUNDING_FUNDING_JSON_READER_H_
