// Private to the plan area's JSON readers and writers (plan_io.cc, menu_io.cc): the
// document parse, typed field access and the small helpers they share.
#ifndef RENEWAL_SRC_PLAN_PLAN_IO_INTERNAL_H_
#define RENEWAL_SRC_PLAN_PLAN_IO_INTERNAL_H_

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "boost/json.hpp"
#include "renewal/base/file.h"
#include "renewal/base/json_parse.h"
#include "renewal/base/labels.h"
#include "renewal/base/money.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"

namespace renewal::plan_io_internal {


namespace json = boost::json;

inline std::string_view Sv(json::string_view s) { return {s.data(), s.size()}; }

inline absl::StatusOr<json::value> Parse(std::string_view text, std::string_view what) {
  absl::StatusOr<json::value> v = internal::ParseJson(text);
  if (!v.ok()) return internal::Prefixed(v.status(), what);
  return v;
}

// Field readers: `where` names the record ("projects[3] \"P-3\"").
class Fields {
 public:
  // `sep` joins the record and the key in messages: "projects[3] cost_yuan", "options.year".
  Fields(const json::object& o, std::string where, std::string_view sep = " ")
      : o_(o), where_(std::move(where)), sep_(sep) {}
  const std::string& where() const { return where_; }

  // Unknown fields are errors: a misspelt key must not turn a fact into "missing".
  absl::Status Only(std::initializer_list<std::string_view> allowed) const {
    for (const auto& kv : o_) {
      const std::string_view key = Sv(kv.key());
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        return absl::InvalidArgumentError(StrCat(where_, sep_, key, ": unknown field"));
      }
    }
    return absl::OkStatus();
  }
  absl::Status OnlyKeys(const std::vector<std::string_view>& allowed) const {
    for (const auto& kv : o_) {
      const std::string_view key = Sv(kv.key());
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        return absl::InvalidArgumentError(StrCat(where_, sep_, key, ": unknown field"));
      }
    }
    return absl::OkStatus();
  }

  absl::Status Error(std::string_view key, std::string_view what) const {
    return absl::InvalidArgumentError(StrCat(where_, sep_, key, ": ", what));
  }
  const json::value* Get(std::string_view key) const {
    auto it = o_.find(json::string_view(key.data(), key.size()));
    if (it == o_.end() || it->value().is_null()) return nullptr;
    return &it->value();
  }
  absl::Status String(std::string_view key, bool required, std::string* out) const {
    const json::value* v = Get(key);
    if (!v) return required ? Error(key, "required") : absl::OkStatus();
    if (!v->is_string()) return Error(key, "must be a string");
    *out = std::string(Sv(v->as_string()));
    return absl::OkStatus();
  }
  absl::Status Bool(std::string_view key, std::optional<bool>* out) const {
    const json::value* v = Get(key);
    if (!v) return absl::OkStatus();
    if (!v->is_bool()) return Error(key, "must be true or false");
    *out = v->as_bool();
    return absl::OkStatus();
  }
  absl::Status Int(std::string_view key, std::optional<std::int64_t>* out) const {
    const json::value* v = Get(key);
    if (!v) return absl::OkStatus();
    if (v->is_int64()) {
      *out = v->as_int64();
    } else if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
      *out = static_cast<std::int64_t>(v->as_uint64());
    } else {
      return Error(key, StrCat("must be an integer, got ", json::serialize(*v)));
    }
    return absl::OkStatus();
  }
  absl::Status Yuan(std::string_view key, bool required, Money* out) const {
    const json::value* v = Get(key);
    if (!v) return required ? Error(key, "required") : absl::OkStatus();
    if (v->is_string()) {
      absl::StatusOr<Money> m = Money::Parse(Sv(v->as_string()));
      if (!m.ok()) return Error(key, ToStd(m.status().message()));
      *out = *m;
      return absl::OkStatus();
    }
    std::optional<std::int64_t> n;
    if (absl::Status s = Int(key, &n); !s.ok()) {
      return Error(key, StrCat("must be a string of yuan (\"1234.50\") or an integer, got ",
                               json::serialize(*v)));
    }
    absl::StatusOr<Money> m = Money::Yuan(*n);
    if (!m.ok()) return Error(key, ToStd(m.status().message()));
    *out = *m;
    return absl::OkStatus();
  }

 private:
  const json::object& o_;
  std::string where_;
  std::string_view sep_;
};

inline absl::StatusOr<const json::array*> TopArray(const json::value& v, std::string_view key) {
  if (!v.is_object()) return absl::InvalidArgumentError(StrCat("document: must be an object"));
  const json::value* a = v.as_object().if_contains(json::string_view(key.data(), key.size()));
  if (!a || !a->is_array()) {
    return absl::InvalidArgumentError(StrCat(key, ": required, an array"));
  }
  return &a->as_array();
}

inline std::string YuanText(Money m) { return m.ToYuanString(); }

template <class E>
absl::Status ParseEnum(const Fields& f, std::string_view key, E* out) {
  std::string text;
  RENEWAL_RETURN_IF_ERROR(f.String(key, false, &text));
  if (text.empty()) return absl::OkStatus();
  std::optional<E> e = ParseLabel<E>(text);
  if (!e) return f.Error(key, StrCat("unknown value \"", text, "\""));
  *out = *e;
  return absl::OkStatus();
}


}  // namespace renewal::plan_io_internal

#endif  // RENEWAL_SRC_PLAN_PLAN_IO_INTERNAL_H_
