// The conversions declared in bindings.h that every binding file shares.
#include "bindings.h"

#include <cstdint>
#include <string>

namespace renewal::python {
namespace {

[[noreturn]] void Invalid(std::string_view name, const std::string& what) {
  ThrowStatus(absl::InvalidArgumentError(std::string(name) + ": " + what));
}

std::string Expected(MoneyForm form) {
  return form == MoneyForm::kYuan ? "pass yuan as Decimal or str (e.g. \"12.34\")"
                                  : "pass yuan as Decimal or str (e.g. \"12.34\") or fen as int";
}

}  // namespace

Money MoneyArg(py::handle value, std::string_view name, MoneyForm form) {
  if (py::isinstance<py::bool_>(value)) Invalid(name, "a bool is not money; " + Expected(form));
  if (py::isinstance<py::float_>(value)) Invalid(name, "a float is not exact; " + Expected(form));
  if (PyIndex_Check(value.ptr())) {  // int, numpy integers
    const py::int_ n = py::reinterpret_steal<py::int_>(PyNumber_Index(value.ptr()));
    if (!n) throw py::error_already_set();
    const std::string digits = py::str(static_cast<py::handle>(n)).cast<std::string>();
    if (form == MoneyForm::kYuan) {
      Invalid(name, "an int is fen; pass yuan as Decimal or str (e.g. \"" + digits + ".00\")");
    }
    const long long fen = PyLong_AsLongLong(n.ptr());
    if (fen == -1 && PyErr_Occurred()) {
      PyErr_Clear();
      ThrowStatus(absl::OutOfRangeError(std::string(name) + ": " + digits + " fen is out of range"));
    }
    return Money::Fen(static_cast<std::int64_t>(fen));
  }
  std::string text;
  if (py::isinstance<py::str>(value)) {
    text = value.cast<std::string>();
  } else if (py::isinstance(value, py::module_::import("decimal").attr("Decimal"))) {
    // Positional notation: str(Decimal("1.2E+6")) would be "1.2E+6".
    text = py::str(py::module_::import("builtins").attr("format")(value, "f"));
  } else {
    Invalid(name, "expected money, got " + std::string(py::str(value.get_type().attr("__name__"))) +
                      "; " + Expected(form));
  }
  absl::StatusOr<Money> m = Money::Parse(text);
  if (!m.ok()) {
    ThrowStatus(absl::Status(m.status().code(), std::string(name) + ": " +
                                                    std::string(m.status().message())));
  }
  return *m;
}

std::string JsonDumps(py::handle value) {
  // numpy scalars (np.int64(2025), np.bool_(True)) as the Python values they hold.
  static const py::object* scalar = new py::object(py::cpp_function([](py::handle o) -> py::object {
    if (py::hasattr(o, "dtype") && py::hasattr(o, "item")) return o.attr("item")();
    throw py::type_error("Object of type " + std::string(py::str(o.get_type().attr("__name__"))) +
                         " is not JSON serializable");
  }));
  return py::module_::import("json")
      .attr("dumps")(value, py::arg("ensure_ascii") = false, py::arg("default") = *scalar)
      .cast<std::string>();
}

std::string TextArg(py::handle value, std::string_view name) {
  py::object text = py::reinterpret_borrow<py::object>(value);
  if (!py::isinstance<py::str>(value) && PyObject_HasAttrString(value.ptr(), "__fspath__")) {
    text = py::module_::import("os").attr("fspath")(value);
  }
  if (!py::isinstance<py::str>(text)) {
    Invalid(name, "expected str, got " +
                      std::string(py::str(value.get_type().attr("__name__"))));
  }
  Py_ssize_t size = 0;
  const char* utf8 = PyUnicode_AsUTF8AndSize(text.ptr(), &size);
  if (utf8 == nullptr) {
    PyErr_Clear();
    const py::str s = py::reinterpret_borrow<py::str>(text);
    Py_ssize_t at = 0;
    for (const Py_ssize_t n = PyUnicode_GetLength(s.ptr()); at < n; ++at) {
      const Py_UCS4 c = PyUnicode_ReadChar(s.ptr(), at);
      if (c >= 0xD800 && c <= 0xDFFF) break;
    }
    Invalid(name, "not valid Unicode: a lone surrogate at character " + std::to_string(at));
  }
  return std::string(utf8, static_cast<std::size_t>(size));
}

std::int64_t IntArg(py::handle value, std::string_view name) {
  if (py::isinstance<py::bool_>(value) || !PyIndex_Check(value.ptr())) {
    Invalid(name, "expected an integer, got " +
                      std::string(py::str(value.get_type().attr("__name__"))));
  }
  const py::int_ n = py::reinterpret_steal<py::int_>(PyNumber_Index(value.ptr()));
  if (!n) throw py::error_already_set();
  const long long v = PyLong_AsLongLong(n.ptr());
  if (v == -1 && PyErr_Occurred()) {
    PyErr_Clear();
    ThrowStatus(absl::OutOfRangeError(std::string(name) + ": " +
                                      py::str(static_cast<py::handle>(n)).cast<std::string>() +
                                      " does not fit a 64-bit integer"));
  }
  return static_cast<std::int64_t>(v);
}

}  // namespace renewal::python
