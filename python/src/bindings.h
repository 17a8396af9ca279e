// First include of every binding file: the pybind11 alias and the one place where
// absl::Status becomes a Python exception (STYLE: one choke point).
#ifndef RENEWAL_PYTHON_BINDINGS_H_
#define RENEWAL_PYTHON_BINDINGS_H_

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renewal/base/labels.h"

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

}  // namespace renewal::python

#endif  // RENEWAL_PYTHON_BINDINGS_H_
