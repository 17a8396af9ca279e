// The labelled enumerations as Python sees them: by kind name ("facility",
// "condition", ...), each with its keys, Chinese and English names, and a bulk
// conversion of a column of text to enum codes (renewal.labels, typed frames).
#ifndef RENEWAL_PYTHON_LABELS_H_
#define RENEWAL_PYTHON_LABELS_H_

#include "bindings.h"

#include <pybind11/numpy.h>

#include <string>
#include <string_view>
#include <vector>

namespace renewal::python {

struct LabelNames {
  std::string_view key, zh, en;
};

// The labels of `kind` in enumerator order (the enum value is the index);
// InvalidArgumentError naming the kinds for an unknown one.
std::vector<LabelNames> LabelsOfKind(std::string_view kind);

// An object array of text to int8 enum codes: each value may be the key, the Chinese
// or the English name; None and NaN give -1. An unknown text is InvalidArgumentError
// `<where> row <label> <column>: unknown value "x"` with the row's label from `rows`.
py::array_t<std::int8_t> LabelCodes(std::string_view kind, const py::array& values,
                                    const py::object& rows, const std::string& where,
                                    const std::string& column);

void register_labels(py::module_& m);

}  // namespace renewal::python

#endif  // RENEWAL_PYTHON_LABELS_H_
