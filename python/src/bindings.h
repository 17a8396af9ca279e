// First include of every binding file: the pybind11 alias, the one place where
// absl::Status becomes a Python exception (STYLE: one choke point), and the
// conversions every binding shares (money, labels, JSON text).
#ifndef RENEWAL_PYTHON_BINDINGS_H_
#define RENEWAL_PYTHON_BINDINGS_H_

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renewal/base/labels.h"
#include "renewal/base/money.h"

namespace py = pybind11;

namespace renewal::python {

// Raises the renewal.Error subclass matching the status code. Never returns.
[[noreturn]] void ThrowStatus(const absl::Status& status);

inline void ThrowIfError(const absl::Status& status) {
  if (!status.ok()) ThrowStatus(status);
}

template <class T>
T ValueOrThrow(absl::StatusOr<T> result) {
  if (!result.ok()) ThrowStatus(result.status());
  return *std::move(result);
}

// The label whose key is `text`; otherwise InvalidArgumentError
// `<field>: unknown value "<text>"`.
template <class E>
E LabelArg(const std::string& text, const std::string& field) {
  std::optional<E> e = ParseLabel<E>(text);
  if (!e) ThrowStatus(absl::InvalidArgumentError(field + ": unknown value \"" + text + "\""));
  return *e;
}

// Money from Python, one meaning everywhere: an int is fen; yuan is a decimal.Decimal or a
// str ("12.34"); a float (not exact) or a bool is refused. Where the argument is in
// yuan (a name ending in `_yuan`, or a field where an int meant yuan before) an int
// is refused too, so that old calls fail instead of silently meaning fen:
// `budget_yuan: an int is fen; pass yuan as Decimal or str (e.g. "1200000.00")`.
// `name` names the argument in messages (InvalidArgumentError, or OutOfRangeError).
enum class MoneyForm {
  kFenOrYuan,  // int fen, or Decimal / str yuan
  kYuan,       // Decimal / str yuan only
};
Money MoneyArg(py::handle value, std::string_view name, MoneyForm form = MoneyForm::kFenOrYuan);

// Text from Python: a str (or, for paths, an os.PathLike) that must be valid Unicode;
// a lone surrogate ("\ud800") is InvalidArgumentError naming the argument and the
// character's index, not pybind11's TypeError echoing the whole argument.
std::string TextArg(py::handle value, std::string_view name);

// An integer from Python that fits int64: InvalidArgumentError naming the argument
// for a non-integer, OutOfRangeError for one beyond ±2^63.
std::int64_t IntArg(py::handle value, std::string_view name);

// A text argument of a binding: a std::string whose caster refuses a str that is not
// valid Unicode (a lone surrogate) with InvalidArgumentError saying where, instead of
// pybind11's TypeError that echoes the whole argument, and takes an os.PathLike as its
// path. Shown as `str` in signatures.
struct Text : std::string {
  Text() = default;
  explicit Text(std::string s) : std::string(std::move(s)) {}
};

// A date argument of a binding: "YYYY-MM-DD" text, or a datetime.date, or a
// datetime.datetime / pandas.Timestamp (its calendar date as written, in its own time
// zone). Shown as `str` in signatures; the stubs say `str | datetime.date`.
struct DateText : std::string {
  DateText() = default;
  explicit DateText(std::string s) : std::string(std::move(s)) {}
};

// An int argument of a binding: an integer beyond int's range (2^63 and up included)
// is renewal.OutOfRangeError, not pybind11's TypeError. Shown as `int` in signatures.
struct Int {
  int value = 0;
  operator int() const { return value; }  // NOLINT: used where an int is
};

// Python's json.dumps(value, ensure_ascii=False): dicts and keywords become the JSON
// text the C++ parsers read, so that names, defaults and errors are defined once.
std::string JsonDumps(py::handle value);

}  // namespace renewal::python

namespace pybind11::detail {

template <>
struct type_caster<renewal::python::Text> {
  PYBIND11_TYPE_CASTER(renewal::python::Text, const_name("str"));
  bool load(handle src, bool) {
    if (!isinstance<str>(src) && !PyObject_HasAttrString(src.ptr(), "__fspath__")) return false;
    value = renewal::python::Text(renewal::python::TextArg(src, "a str argument"));
    return true;
  }
  static handle cast(const renewal::python::Text& s, return_value_policy, handle) {
    return PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), nullptr);
  }
};

template <>
struct type_caster<renewal::python::DateText> {
  PYBIND11_TYPE_CASTER(renewal::python::DateText, const_name("str"));
  bool load(handle src, bool) {
    if (isinstance<str>(src)) {
      value = renewal::python::DateText(renewal::python::TextArg(src, "date"));
      return true;
    }
    const module_ datetime = module_::import("datetime");
    if (!isinstance(src, datetime.attr("date"))) return false;
    object day = reinterpret_borrow<object>(src);
    if (isinstance(src, datetime.attr("datetime"))) day = day.attr("date")();
    value = renewal::python::DateText(day.attr("isoformat")().cast<std::string>());
    return true;
  }
  static handle cast(const renewal::python::DateText& s, return_value_policy, handle) {
    return PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), nullptr);
  }
};

template <>
struct type_caster<renewal::python::Int> {
  PYBIND11_TYPE_CASTER(renewal::python::Int, const_name("int"));
  bool load(handle src, bool) {
    if (isinstance<bool_>(src) || !PyIndex_Check(src.ptr())) return false;
    const std::int64_t v = renewal::python::IntArg(src, "an int argument");
    if (v < INT32_MIN || v > INT32_MAX) {
      renewal::python::ThrowStatus(absl::OutOfRangeError(
          "an int argument: " + std::to_string(v) + " is out of range"));
    }
    value.value = static_cast<int>(v);
    return true;
  }
  static handle cast(renewal::python::Int i, return_value_policy, handle) {
    return PyLong_FromLong(i.value);
  }
};

}  // namespace pybind11::detail

#endif  // RENEWAL_PYTHON_BINDINGS_H_
