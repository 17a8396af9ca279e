// renewal._core.Registry: loading, saving and pickling of the estate registry. The
// typed frames' columns are registry_frames.cc; pandas is python/renewal/registry.py.
#include "bindings.h"
#include "registry_frames.h"


#include <sstream>
#include <string>

#include "renewal/registry/registry.h"
#include "renewal/registry/registry_json.h"

namespace renewal::python {
namespace {

constexpr int kPickleVersion = 1;

LoadOptions Options(int current_year) {
  LoadOptions o;
  o.current_year = current_year;
  return o;
}

LoadOptions Options(py::handle current_year) {
  const std::int64_t year = IntArg(current_year, "current_year");
  if (year < 0 || year > 9999) {
    ThrowStatus(absl::InvalidArgumentError("current_year: expected 0 (this year) to 9999, got " +
                                           std::to_string(year)));
  }
  return Options(static_cast<int>(year));
}

std::string Repr(const Registry& r) {
  std::ostringstream os;
  os << "<renewal.Registry: " << r.estate_count() << " estates, " << r.building_count()
     << " buildings, " << r.dwelling_count() << " dwellings, " << r.owner_count() << " owners, "
     << r.district_count() << " districts>";
  return os.str();
}

}  // namespace

void register_registry(py::module_& m) {
  py::class_<Registry> registry(m, "Registry", R"doc(
The estate registry (摸底台账): districts, streets, estates, buildings, entrances,
dwellings and owners. Immutable once loaded. Load with :meth:`load` or :meth:`loads`;
``renewal.Registry.from_frames`` and ``to_frames`` convert to and from pandas.
)doc");
  registry.def_static(
          "load",
          [](py::handle path_arg, py::handle year_arg) {
            const std::string path = TextArg(path_arg, "path");
            const LoadOptions options = Options(year_arg);
            absl::StatusOr<Registry> r = [&] {
              py::gil_scoped_release release;  // loading a city takes a while
              return LoadRegistryFile(path, options);
            }();
            return ValueOrThrow(std::move(r));  // raising needs the GIL
          },
          py::arg("path"), py::arg("current_year") = 0, R"doc(
Load a registry JSON file (format ``renewal.registry`` version 1).

:param path: file path.
:param current_year: latest allowed build year; 0 means this calendar year.
:returns: the Registry.
:raises renewal.InvalidArgumentError: bad content; the message names record, field and value.
:raises renewal.NotFoundError: the file does not exist or a reference dangles.
)doc")
      .def_static(
          "loads",
          [](py::handle text, py::handle current_year) {
            return ValueOrThrow(LoadRegistryJson(TextArg(text, "text"), Options(current_year)));
          },
          py::arg("text"), py::arg("current_year") = 0,
          "Load a registry from JSON text. Same errors as :meth:`load`.")
      .def(
          "dumps", [](const Registry& r) { return DumpRegistryJson(r); },
          "The registry as canonical JSON text.")
      .def(
          "save",
          [](const Registry& r, py::handle path) {
            ThrowIfError(SaveRegistryFile(r, TextArg(path, "path")));
          },
          py::arg("path"), "Write the registry as JSON to ``path`` (atomically, via rename).")
      .def_property_readonly("estate_count", &Registry::estate_count)
      .def_property_readonly("building_count", &Registry::building_count)
      .def_property_readonly("entrance_count", &Registry::entrance_count)
      .def_property_readonly("dwelling_count", &Registry::dwelling_count)
      .def_property_readonly("owner_count", &Registry::owner_count)
      .def_property_readonly("district_count", &Registry::district_count)
      .def_property_readonly("street_count", &Registry::street_count)
      .def("dwelling_bytes", &Registry::DwellingBytes,
           "Heap bytes of the dwelling columns and their ID index (owner names excluded).")
      .def("total_bytes", &Registry::TotalBytes, "Heap bytes held by the whole registry.")
      .def("__eq__", [](const Registry& a, const Registry& b) { return a == b; })
      .def("__repr__", &Repr)
      .def(py::pickle(
          [](const Registry& r) { return py::make_tuple(kPickleVersion, DumpRegistryJson(r)); },
          [](const py::tuple& state) {
            if (state.size() != 2 || state[0].cast<int>() != kPickleVersion) {
              ThrowStatus(absl::InvalidArgumentError(
                  "pickle: unsupported Registry pickle state (expected version 1)"));
            }
            // Pickles must reload whatever year they were made in.
            return ValueOrThrow(LoadRegistryJson(state[1].cast<std::string>(), Options(9999)));
          }));
  register_registry_frames(registry);
}

}  // namespace renewal::python
