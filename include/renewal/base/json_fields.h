// Typed, strict access to the fields of one JSON object with error messages that
// name the record path, the field and the bad value. Unknown fields are errors:
// a misspelt key must not silently become "not surveyed".
#ifndef RENEWAL_SRC_JSON_FIELDS_H_
#define RENEWAL_SRC_JSON_FIELDS_H_

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "boost/json.hpp"
#include "absl/status/statusor.h"
#include "renewal/base/labels.h"
#include "renewal/base/money.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"

namespace renewal::internal {

namespace json = boost::json;

inline std::string_view ToStd(json::string_view s) { return {s.data(), s.size()}; }

// How a JSON value is named in messages: `true`, `12`, `"abc"`, `an object`.
std::string Describe(const json::value& v);
/// Like `Describe`, but strings are never shortened and numbers are written as
/// Boost.JSON serializes them (`1.5E0`): the funding readers' wording.
std::string DescribeScalar(const json::value& v);
/// The value as JSON text (`"a\"b"`, `{"x":1}`): the vote readers' wording.
std::string DescribeSerialized(const json::value& v);
/// The kind of a value: `null`, `a boolean`, `an integer`, `a number`, `a string`,
/// `an array`, `an object`.
std::string_view KindName(const json::value& v);
/// The kind and the JSON text, cut to 60 bytes (`a string "2000"`, `a number 2.0005E3`):
/// the eligibility reader's wording.
std::string DescribeTyped(const json::value& v);

/// The wording of a `Fields` reader's messages. Areas that wrote their own
/// readers first keep their messages byte for byte through a style.
struct FieldStyle {
  /// Names a bad value: `Describe`, `DescribeScalar`, `DescribeSerialized` or `DescribeTyped`.
  std::string (*describe)(const json::value&) = &Describe;
  /// The message for a missing required field.
  std::string_view missing = "required field is missing";
  /// How `Enum` and `EnumMask` word a bad label.
  enum class Labels {
    /// `expected a label string, got X` / `unknown label "x" (expected one of a b)`
    kLabel,
    /// `expected a string, got X` / `unknown value "x"`
    kValue,
    /// `expected a string, got X` / `unknown value "x" (expected one of a, b)`
    kValueChoices,
  } labels = Labels::kLabel;
  /// Whether a field given as `null` counts as absent (else it is a value of the wrong type).
  bool null_is_absent = true;
  /// The code of an `Int` outside its bounds.
  absl::StatusCode range_code = absl::StatusCode::kInvalidArgument;
};

class Fields {
 public:
  // `path` is the record's path, e.g. `estates[17] "E-0017"`; produced lazily.
  Fields(const json::object& object, std::function<std::string()> path, FieldStyle style = {})
      : object_(object), path_(std::move(path)), style_(style) {}
  /// A reader whose path is a fixed string.
  Fields(const json::object& object, std::string path, FieldStyle style = {})
      : Fields(object, [p = std::move(path)] { return p; }, style) {}

  /// The reader of element `i` of array `array`, named `array[i] "id"` in messages
  /// (`id` is the element's "id" string, empty when it has none); an element that
  /// is not an object is an error `array[i]: expected an object, got X`.
  static absl::StatusOr<Fields> Element(const json::value& v, std::string_view array,
                                        std::size_t i, FieldStyle style = {});

  /// The record's path as given to the constructor.
  std::string path() const { return path_(); }
  const FieldStyle& style() const { return style_; }

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
  /// As above, but a view into the document (valid while the document lives).
  absl::Status String(std::string_view key, bool required, std::string_view* out);
  /// An integer >= `min`, left unchanged when absent ("must be >= min, got X").
  absl::Status IntAtLeast(std::string_view key, std::int64_t min, std::int64_t* out);
  /// Yuan as a string like "1234.56" or an integer; `*present` tells whether it was given.
  absl::Status Yuan(std::string_view key, bool required, Money* out, bool* present = nullptr);
  /// A required percentage: a string like "12.5" or a non-negative integer.
  absl::Status Percent(std::string_view key, Ratio* out);
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
    return ReadLabel(key, *v, out);
  }

  /// A label field into `*out`, left unchanged when absent; `*present` tells
  /// whether it was given. Absent and `required` is an error.
  template <class E>
  absl::Status Enum(std::string_view key, bool required, E* out, bool* present = nullptr) {
    const json::value* v = Find(key);
    if (present != nullptr) *present = v != nullptr;
    if (v == nullptr) return required ? Invalid(key, style_.missing) : absl::OkStatus();
    std::optional<E> e;
    RENEWAL_RETURN_IF_ERROR(ReadLabel(key, *v, &e));
    *out = *e;
    return absl::OkStatus();
  }

  /// An array of labels as a bit mask (bit `1 << value`), OR-ed into `*out`;
  /// element errors name the field `key[i]`.
  template <class E>
  absl::Status EnumMask(std::string_view key, std::uint32_t* out) {
    const json::value* v = Find(key);
    if (v == nullptr) return absl::OkStatus();
    if (!v->is_array()) return Invalid(key, StrCat("expected an array, got ", style_.describe(*v)));
    const json::array& a = v->get_array();
    for (std::size_t i = 0; i < a.size(); ++i) {
      std::optional<E> e;
      RENEWAL_RETURN_IF_ERROR(ReadLabel(StrCat(key, "[", i, "]"), a[i], &e));
      *out |= 1u << static_cast<unsigned>(*e);
    }
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
  /// Errors on the first key (in document order) not in `keys`.
  absl::Status OnlyKeys(std::initializer_list<std::string_view> keys) const;

 private:
  // Errors on the first key (in document order) not in `known`.
  absl::Status FirstKeyNotIn(std::span<const std::string_view> known) const;

  // The label `v` of field `field`, worded by `style_.labels`.
  template <class E>
  absl::Status ReadLabel(std::string_view field, const json::value& v,
                         std::optional<E>* out) const {
    const bool label = style_.labels == FieldStyle::Labels::kLabel;
    if (!v.is_string()) {
      return Invalid(field, StrCat(label ? "expected a label string" : "expected a string",
                                   ", got ", style_.describe(v)));
    }
    const std::string_view text = ToStd(v.get_string());
    *out = ParseLabel<E>(text);
    if (*out) return absl::OkStatus();
    if (label) return Invalid(field, StrCat("unknown label \"", text, "\"", Choices<E>()));
    if (style_.labels == FieldStyle::Labels::kValue) {
      return Invalid(field, StrCat("unknown value \"", text, "\""));
    }
    std::string keys;
    for (const Label<E>& l : Labels<E>()) keys += StrCat(keys.empty() ? "" : ", ", l.key);
    return Invalid(field, StrCat("unknown value \"", text, "\" (expected one of ", keys, ")"));
  }

  const json::object& object_;
  std::function<std::string()> path_;
  std::string prefix_;  // for nested objects: "location."
  std::vector<std::string_view> seen_;
  FieldStyle style_;
};

}  // namespace renewal::internal

#endif  // RENEWAL_SRC_JSON_FIELDS_H_
