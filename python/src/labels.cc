// renewal._core.labels / label_codes: the labelled enumerations by kind, for
// renewal.labels() and the typed frames' categories.
#include "labels.h"

#include <utility>

#include "columns.h"
#include "renewal/votes/vote.h"

namespace renewal::python {
namespace {

template <class E>
std::vector<LabelNames> NamesOf() {
  std::vector<LabelNames> out;
  for (const Label<E>& l : Labels<E>()) out.push_back({l.key, l.zh, l.en});
  return out;
}

using NamesFn = std::vector<LabelNames> (*)();
constexpr std::pair<std::string_view, NamesFn> kKinds[] = {
    {"area_source", &NamesOf<AreaSource>},
    {"property_type", &NamesOf<PropertyType>},
    {"sale_state", &NamesOf<SaleState>},
    {"structure", &NamesOf<Structure>},
    {"facility", &NamesOf<Facility>},
    {"category", &NamesOf<Category>},
    {"condition", &NamesOf<Condition>},
    {"hazard", &NamesOf<Hazard>},
    {"illegal_structures", &NamesOf<IllegalStructures>},
    {"management_mode", &NamesOf<ManagementMode>},
    {"owner_kind", &NamesOf<OwnerKind>},
    {"ballot_choice", &NamesOf<BallotChoice>},
    {"cast_by", &NamesOf<CastBy>},
};

}  // namespace

std::vector<LabelNames> LabelsOfKind(std::string_view kind) {
  std::string known;
  for (const auto& [name, fn] : kKinds) {
    if (name == kind) return fn();
    known += known.empty() ? "" : ", ";
    known += name;
  }
  ThrowStatus(absl::InvalidArgumentError("kind: unknown label kind \"" + std::string(kind) +
                                         "\"; expected one of " + known));
}

py::array_t<std::int8_t> LabelCodes(std::string_view kind, const py::array& values,
                                    const py::object& rows, const std::string& where,
                                    const std::string& column) {
  const std::vector<LabelNames> labels = LabelsOfKind(kind);
  PyObject* const* v = Objects(values, column);
  // Columns repeat a few str objects (categories, interned literals): remember the
  // last ones by identity before comparing text.
  constexpr std::size_t kCache = 8;
  PyObject* seen[kCache] = {};
  std::int8_t seen_code[kCache] = {};
  std::size_t next = 0;
  const auto n = static_cast<std::size_t>(values.size());
  return NumArray<std::int8_t>(n, [&](std::size_t i) -> std::int8_t {
    PyObject* o = v[i];
    for (std::size_t k = 0; k < kCache; ++k) {
      if (seen[k] == o) return seen_code[k];
    }
    auto name = [&] { return RowName(where, rows, i) + " " + column; };
    const std::string_view text = TextAt(o, name);
    std::int8_t code = -1;
    if (!IsMissing(o)) {
      for (std::size_t c = 0; c < labels.size() && code < 0; ++c) {
        if (text == labels[c].key || text == labels[c].zh || text == labels[c].en) {
          code = static_cast<std::int8_t>(c);
        }
      }
      if (code < 0) {
        std::string keys;
        for (const LabelNames& l : labels) keys += (keys.empty() ? "" : ", ") + std::string(l.key);
        ThrowStatus(absl::InvalidArgumentError(name() + ": unknown value \"" + std::string(text) +
                                               "\" (expected " + keys + ")"));
      }
    }
    seen[next] = o;
    seen_code[next] = code;
    next = (next + 1) % kCache;
    return code;
  });
}

void register_labels(py::module_& m) {
  m.def(
      "labels",
      [](const Text& kind) {
        std::vector<py::tuple> out;
        for (const LabelNames& l : LabelsOfKind(kind)) {
          out.push_back(py::make_tuple(std::string(l.key), std::string(l.zh), std::string(l.en)));
        }
        return out;
      },
      py::arg("kind"),
      "The labels of one kind (facility, condition, ...) in code order: (key, zh, en).\n\n"
      ":raises InvalidArgumentError: an unknown kind.");
  m.def(
      "label_codes",
      [](const Text& kind, const py::array& values, const py::object& rows, const Text& table,
         const Text& column) { return LabelCodes(kind, values, rows, table, column); },
      py::arg("kind"), py::arg("values"), py::arg("rows"), py::arg("table"), py::arg("column"),
      "Codes (int8, the label's position; -1 for a missing value) of an object array of\n"
      "label keys, Chinese or English names.\n\n"
      ":raises InvalidArgumentError: an unknown value, naming table, row and column.");
}

}  // namespace renewal::python
