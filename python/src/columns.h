// Bulk column helpers for the typed frames: numpy arrays filled in one C++ loop,
// str objects made without the UTF-8 decoder when the text is ASCII, text read
// from object arrays without copying, and the row names that errors quote.
#ifndef RENEWAL_PYTHON_COLUMNS_H_
#define RENEWAL_PYTHON_COLUMNS_H_

#include "bindings.h"

#include <pybind11/numpy.h>

#include <cmath>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace renewal::python {

// A new str holding `s` (UTF-8).
inline PyObject* NewStr(std::string_view s) {
  bool ascii = true;
  for (unsigned char c : s) {
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  }
  const auto n = static_cast<Py_ssize_t>(s.size());
  if (!ascii) {
    PyObject* o = PyUnicode_DecodeUTF8(s.data(), n, "strict");
    if (o == nullptr) throw py::error_already_set();
    return o;
  }
  PyObject* o = PyUnicode_New(n, 127);
  if (o == nullptr) throw py::error_already_set();
  std::memcpy(PyUnicode_DATA(o), s.data(), s.size());
  return o;
}

// An object array of n entries; fill(i) returns a new reference (or nullptr for None).
template <class Fill>
py::array ObjectArray(std::size_t n, Fill&& fill) {
  py::array out(py::dtype("O"), std::vector<py::ssize_t>{static_cast<py::ssize_t>(n)});
  auto** data = static_cast<PyObject**>(out.mutable_data());
  for (std::size_t i = 0; i < n; ++i) {
    PyObject* v = fill(i);
    if (v == nullptr) {
      v = Py_None;
      Py_INCREF(v);
    }
    PyObject* old = data[i];
    data[i] = v;
    Py_XDECREF(old);
  }
  return out;
}

// A numpy array of n values of T; fill(i) gives each.
template <class T, class Fill>
py::array_t<T> NumArray(std::size_t n, Fill&& fill) {
  py::array_t<T> out(static_cast<py::ssize_t>(n));
  T* data = out.mutable_data();
  for (std::size_t i = 0; i < n; ++i) data[i] = static_cast<T>(fill(i));
  return out;
}

// True for None, pandas.NA and float NaN: the missing values of an object column.
inline bool IsMissing(PyObject* o) {
  if (o == Py_None) return true;
  if (PyFloat_Check(o)) return std::isnan(PyFloat_AS_DOUBLE(o));
  static PyObject* const na = [] {
    py::object pandas_na = py::module_::import("pandas").attr("NA");
    return pandas_na.release().ptr();  // kept for the life of the process
  }();
  return o == na;
}

// The error label of row i of a table: `<table> row <index label>`; `rows` is the
// frame's index (read only here, on error: no object per row is made otherwise).
inline std::string RowName(const std::string& table, const py::object& rows, std::size_t i) {
  if (rows.is_none() || py::len(rows) <= i) return table + " row " + std::to_string(i);
  return table + " row " + std::string(py::str(rows[py::int_(i)]));
}

// The text of an object-array entry, valid while the array lives; empty for a missing
// value. Anything but str (or a str that is not valid Unicode) is InvalidArgumentError
// naming `where` (computed only then).
template <class Where>
std::string_view TextAt(PyObject* o, Where&& where) {
  if (IsMissing(o)) return {};
  if (!PyUnicode_Check(o)) {
    ThrowStatus(absl::InvalidArgumentError(where() + ": expected text, got " +
                                           std::string(Py_TYPE(o)->tp_name) + " " +
                                           std::string(py::str(py::handle(o)))));
  }
  Py_ssize_t size = 0;
  const char* utf8 = PyUnicode_AsUTF8AndSize(o, &size);
  if (utf8 == nullptr) {
    PyErr_Clear();
    ThrowStatus(absl::InvalidArgumentError(where() + ": not valid Unicode (a lone surrogate)"));
  }
  return std::string_view(utf8, static_cast<std::size_t>(size));
}

// The entries of an object array (owned by the array).
inline PyObject* const* Objects(const py::array& a, std::string_view name) {
  if (a.dtype().kind() != 'O' || a.ndim() != 1) {
    ThrowStatus(absl::InvalidArgumentError(std::string(name) + ": expected an object array"));
  }
  return static_cast<PyObject* const*>(a.data());
}

}  // namespace renewal::python

#endif  // RENEWAL_PYTHON_COLUMNS_H_
