#include "renewal/base/status_path.h"
#include "renewal/base/json_fields.h"

#include <algorithm>
#include <cmath>

namespace renewal::internal {

std::string Describe(const json::value& v) {
  switch (v.kind()) {
    case json::kind::null: return "null";
    case json::kind::bool_: return v.get_bool() ? "true" : "false";
    case json::kind::int64: return StrCat(v.get_int64());
    case json::kind::uint64: return StrCat(v.get_uint64());
    case json::kind::double_: return StrCat(v.get_double());
    case json::kind::string: {
      std::string_view s = ToStd(v.get_string());
      if (s.size() > 40) return StrCat("\"", s.substr(0, 40), "...\"");
      return StrCat("\"", s, "\"");
    }
    case json::kind::array: return "an array";
    case json::kind::object: return "an object";
  }
  return "a value";
}

std::string DescribeScalar(const json::value& v) {
  if (v.is_string()) return StrCat("\"", ToStd(v.get_string()), "\"");
  if (v.is_object()) return "an object";
  if (v.is_array()) return "an array";
  return json::serialize(v);
}

std::string DescribeSerialized(const json::value& v) { return json::serialize(v); }

std::string_view KindName(const json::value& v) {
  switch (v.kind()) {
    case json::kind::null: return "null";
    case json::kind::bool_: return "a boolean";
    case json::kind::int64: case json::kind::uint64: return "an integer";
    case json::kind::double_: return "a number";
    case json::kind::string: return "a string";
    case json::kind::array: return "an array";
    case json::kind::object: return "an object";
  }
  return "a value";
}

std::string DescribeTyped(const json::value& v) {
  std::string s = json::serialize(v);
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return StrCat(KindName(v), " ", s);
}

absl::StatusOr<Fields> Fields::Element(const json::value& v, std::string_view array,
                                       std::size_t i, FieldStyle style) {
  if (!v.is_object()) {
    return absl::InvalidArgumentError(
        StrCat(array, "[", i, "]: expected an object, got ", style.describe(v)));
  }
  const json::object& o = v.get_object();
  std::string_view id;
  if (const json::value* idv = o.if_contains("id"); idv != nullptr && idv->is_string()) {
    id = ToStd(idv->get_string());
  }
  return Fields(o, StrCat(array, "[", i, "] \"", id, "\""), style);
}

absl::Status Fields::Error(absl::StatusCode code, std::string_view field,
                           std::string_view what) const {
  std::string path = path_();
  // The path in the payload (status_path.h): `estates[17] "E-0017"` + "field" →
  // estates[17].field.
  std::string record = RecordPathFromDescription(path);
  const std::string field_path = StrCat(prefix_, field);
  if (!field_path.empty()) record += StrCat(record.empty() ? "" : ".", field_path);
  return WithRecordPath(
      absl::Status(code, StrCat(path, path.empty() ? "" : " ", prefix_, field, ": ", what)),
      record);
}

const json::value* Fields::Find(std::string_view key) {
  seen_.push_back(key);
  const json::value* v = object_.if_contains(json::string_view(key.data(), key.size()));
  if (v == nullptr || (v->is_null() && style_.null_is_absent)) return nullptr;
  return v;
}

absl::Status Fields::Required(std::string_view key, const json::value** out) {
  *out = Find(key);
  if (*out == nullptr) return Invalid(key, style_.missing);
  return absl::OkStatus();
}

absl::Status Fields::String(std::string_view key, bool required, std::string* out) {
  std::string_view view;
  RENEWAL_RETURN_IF_ERROR(String(key, required, &view));
  out->assign(view);
  return absl::OkStatus();
}

absl::Status Fields::String(std::string_view key, bool required, std::string_view* out) {
  *out = {};
  const json::value* v = Find(key);
  if (v == nullptr) return required ? Invalid(key, style_.missing) : absl::OkStatus();
  if (!v->is_string()) return Invalid(key, StrCat("expected a string, got ", style_.describe(*v)));
  *out = ToStd(v->get_string());
  return absl::OkStatus();
}

absl::Status Fields::IntAtLeast(std::string_view key, std::int64_t min, std::int64_t* out) {
  const json::value* v = Find(key);
  if (v == nullptr) return absl::OkStatus();
  if (!v->is_int64() && !v->is_uint64()) {
    return Invalid(key, StrCat("expected an integer, got ", style_.describe(*v)));
  }
  if (v->is_uint64() || v->get_int64() < min) {
    return Invalid(key, StrCat("must be >= ", min, ", got ", style_.describe(*v)));
  }
  *out = v->get_int64();
  return absl::OkStatus();
}

namespace {

// `v` as text through `parse`, or as an integer that `int_ok` accepts through
// `of_int`; anything else is `<expected>, got X`. A parser's error names `key`.
template <class T, class Parse, class OfInt>
absl::Status TextOrInteger(const Fields& f, std::string_view key, const json::value& v,
                           bool int_ok, Parse parse, OfInt of_int, std::string_view expected,
                           T* out) {
  absl::StatusOr<T> r;
  if (v.is_string()) {
    r = parse(ToStd(v.get_string()));
  } else if (int_ok) {
    r = of_int(v.get_int64());
  } else {
    return f.Invalid(key, StrCat(expected, ", got ", f.style().describe(v)));
  }
  if (!r.ok()) return f.Invalid(key, renewal::ToStd(r.status().message()));
  *out = *r;
  return absl::OkStatus();
}

}  // namespace

absl::Status Fields::Yuan(std::string_view key, bool required, Money* out, bool* present) {
  const json::value* v = Find(key);
  if (present != nullptr) *present = v != nullptr;
  if (v == nullptr) return required ? Invalid(key, style_.missing) : absl::OkStatus();
  return TextOrInteger(*this, key, *v, v->is_int64(), &Money::Parse, &Money::Yuan,
                       "expected yuan as a string like \"1234.56\" or an integer", out);
}

absl::Status Fields::Percent(std::string_view key, Ratio* out) {
  const json::value* v = Find(key);
  if (v == nullptr) return Invalid(key, style_.missing);
  return TextOrInteger(
      *this, key, *v, v->is_int64() && v->get_int64() >= 0, &Ratio::ParsePercent,
      [](std::int64_t p) -> absl::StatusOr<Ratio> { return Ratio::Percent(p); },
      "expected a percentage like \"65\" or \"12.5\"", out);
}

absl::Status Fields::Bool(std::string_view key, std::optional<bool>* out) {
  out->reset();
  const json::value* v = Find(key);
  if (v == nullptr) return absl::OkStatus();
  if (!v->is_bool()) {
    return Invalid(key, StrCat("expected true or false, got ", style_.describe(*v)));
  }
  *out = v->get_bool();
  return absl::OkStatus();
}

absl::Status Fields::Int(std::string_view key, std::int64_t min, std::int64_t max,
                         std::optional<std::int64_t>* out) {
  out->reset();
  const json::value* v = Find(key);
  if (v == nullptr) return absl::OkStatus();
  std::int64_t n = 0;
  if (v->is_int64()) {
    n = v->get_int64();
  } else if (v->is_uint64()) {
    return Error(style_.range_code, key,
                 StrCat("must be between ", min, " and ", max, ", got ", v->get_uint64()));
  } else {
    return Invalid(key, StrCat("expected an integer, got ", style_.describe(*v)));
  }
  if (n < min || n > max) {
    return Error(style_.range_code, key,
                 StrCat("must be between ", min, " and ", max, ", got ", n));
  }
  *out = n;
  return absl::OkStatus();
}

absl::Status Fields::Double(std::string_view key, double min, double max,
                            std::optional<double>* out) {
  out->reset();
  const json::value* v = Find(key);
  if (v == nullptr) return absl::OkStatus();
  if (!v->is_number()) return Invalid(key, StrCat("expected a number, got ", style_.describe(*v)));
  const double d = v->to_number<double>();
  if (!(d >= min && d <= max)) {
    return Invalid(key,
                   StrCat("must be between ", min, " and ", max, ", got ", style_.describe(*v)));
  }
  *out = d;
  return absl::OkStatus();
}

absl::Status Fields::YearOrNever(std::string_view key, std::string_view never_word,
                                 std::optional<int>* out) {
  out->reset();
  const json::value* v = Find(key);
  if (v == nullptr) return absl::OkStatus();
  if (v->is_string() && ToStd(v->get_string()) == never_word) {
    *out = 0;
    return absl::OkStatus();
  }
  if (!v->is_int64()) {
    return Invalid(key,
                   StrCat("expected a year or \"", never_word, "\", got ", style_.describe(*v)));
  }
  const std::int64_t y = v->get_int64();
  if (y < 1900 || y > 2200) {
    return Invalid(key, StrCat("must be between 1900 and 2200, got ", y));
  }
  *out = static_cast<int>(y);
  return absl::OkStatus();
}

absl::Status Fields::CentiArea(std::string_view key, std::int64_t* out) {
  const json::value* v = nullptr;
  if (auto st = Required(key, &v); !st.ok()) return st;
  if (v->is_int64()) {
    const std::int64_t m2 = v->get_int64();
    if (m2 <= 0 || m2 > 10000) return Invalid(key, StrCat("must be > 0 and <= 10000, got ", m2));
    *out = m2 * 100;
    return absl::OkStatus();
  }
  if (!v->is_double()) {
    if (v->is_uint64()) {
      return Invalid(key, StrCat("must be > 0 and <= 10000, got ", v->get_uint64()));
    }
    return Invalid(key, StrCat("expected a number of m², got ", style_.describe(*v)));
  }
  const double m2 = v->get_double();
  if (!(m2 > 0 && m2 <= 10000)) {
    return Invalid(key, StrCat("must be > 0 and <= 10000, got ", style_.describe(*v)));
  }
  const double centi = m2 * 100.0;
  const double rounded = std::round(centi);
  // Registers give two decimals; a third would be silently rounded away.
  if (std::fabs(centi - rounded) > 1e-6) {
    return Invalid(key, StrCat("at most two decimals, got ", style_.describe(*v)));
  }
  *out = static_cast<std::int64_t>(rounded);
  return absl::OkStatus();
}

absl::Status Fields::Array(std::string_view key, bool required, const json::array** out) {
  *out = nullptr;
  const json::value* v = Find(key);
  if (v == nullptr) return required ? Invalid(key, style_.missing) : absl::OkStatus();
  if (!v->is_array()) return Invalid(key, StrCat("expected an array, got ", style_.describe(*v)));
  *out = &v->get_array();
  return absl::OkStatus();
}

absl::Status Fields::Object(std::string_view key, const json::object** out) {
  *out = nullptr;
  const json::value* v = Find(key);
  if (v == nullptr) return absl::OkStatus();
  if (!v->is_object()) return Invalid(key, StrCat("expected an object, got ", style_.describe(*v)));
  *out = &v->get_object();
  return absl::OkStatus();
}

absl::Status Fields::FirstKeyNotIn(std::span<const std::string_view> known) const {
  for (const auto& kv : object_) {
    const std::string_view key = ToStd(kv.key());
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      return Invalid(key, "unknown field");
    }
  }
  return absl::OkStatus();
}

absl::Status Fields::NoUnknownFields() const { return FirstKeyNotIn(seen_); }

absl::Status Fields::OnlyKeys(std::initializer_list<std::string_view> keys) const {
  return FirstKeyNotIn(std::span<const std::string_view>(keys.begin(), keys.size()));
}

}  // namespace renewal::internal
