// renewal._core.Registry: loading, saving and pickling of the estate registry. The
// typed frames' columns are registry_frames.cc; pandas is python/renewal/registry.py.
#include "bindings.h"
#include "registry_frames.h"


#include <sstream>
#include <string>

#include "renewal/registry/registry.h"
#include "renewal/registry/registry_json.h"
#include "renewal/registry/snapshot.h"
#include "renewal/registry/map.h"

namespace renewal::python {
namespace {

// Pickle state: (2, snapshot bytes). Version 1, (1, JSON text), still loads.
constexpr int kPickleVersion = 2;
constexpr int kJsonPickleVersion = 1;

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
              return LoadRegistryAnyFile(path, options);
            }();
            return ValueOrThrow(std::move(r));  // raising needs the GIL
          },
          py::arg("path"), py::arg("current_year") = 0, R"doc(
Load a registry file: JSON (format ``renewal.registry`` version 1) or a binary
snapshot (:meth:`save_snapshot`), told apart by the file's first bytes.

:param path: file path.
:param current_year: latest allowed build year; 0 means this calendar year.
:returns: the Registry.
:raises renewal.InvalidArgumentError: bad content; the message names record, field and value
    (for a snapshot: the section and row).
:raises renewal.DataLossError: a truncated or damaged snapshot (checksum), naming the section.
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
      .def(
          "save_snapshot",
          [](const Registry& r, py::handle path_arg) {
            const std::string path = TextArg(path_arg, "path");
            absl::Status st;
            {
              py::gil_scoped_release release;
              st = SaveRegistrySnapshot(r, path);
            }
            ThrowIfError(st);
          },
          py::arg("path"), R"doc(
Write the registry as a binary snapshot (docs/snapshot.md) to ``path``, atomically
(via rename). :meth:`load` reads it back, many times faster than JSON.

:param path: file path (``.rsnap`` by convention).
:raises renewal.NotFoundError: the file cannot be created.
)doc")
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
      .def_property_readonly(
          "crs", [](const Registry& r) { return std::string(KeyOf(r.coordinate_system())); },
          "The coordinate system of the estates' lon/lat: ``GCJ-02`` (the default),\n"
          "``WGS-84`` or ``CGCS2000`` (the file's top-level ``crs``; docs/map.md).")
      .def("_geojson",
           [](const Registry& r) {
             absl::StatusOr<std::string> text;
             {
               py::gil_scoped_release release;
               text = EstatesGeoJson(r);
             }
             return ValueOrThrow(std::move(text));
           },
           "Every estate as a GeoJSON Feature (text; docs/schemas/map-geojson.schema.json).")
      .def_static("_map_html",
                  [](const Text& geojson, const Text& title) { return EstatesMapHtml(geojson, title); },
                  py::arg("geojson"), py::arg("title"),
                  "A self-contained HTML map page drawing ``geojson`` (docs/map.md).")
      .def("__eq__", [](const Registry& a, const Registry& b) { return a == b; })
      .def("__repr__", &Repr)
      .def(py::pickle(
          [](const Registry& r) {
            std::string bytes;
            {
              py::gil_scoped_release release;
              bytes = DumpRegistrySnapshot(r);
            }
            return py::make_tuple(kPickleVersion, py::bytes(bytes));
          },
          [](const py::tuple& state) {
            const int version = state.size() == 2 ? state[0].cast<int>() : 0;
            if (version == kJsonPickleVersion) {
              // Pickles must reload whatever year they were made in.
              return ValueOrThrow(LoadRegistryJson(state[1].cast<std::string>(), Options(9999)));
            }
            if (version != kPickleVersion || !py::isinstance<py::bytes>(state[1])) {
              ThrowStatus(absl::InvalidArgumentError(
                  "pickle: unsupported Registry pickle state (expected version 1 or 2)"));
            }
            char* data = nullptr;
            Py_ssize_t size = 0;
            if (PyBytes_AsStringAndSize(state[1].ptr(), &data, &size) != 0) {
              throw py::error_already_set();
            }
            absl::StatusOr<Registry> r;
            {
              py::gil_scoped_release release;  // the bytes object is held by `state`
              r = LoadRegistrySnapshot(std::string_view(data, static_cast<std::size_t>(size)),
                                       Options(9999));
            }
            return ValueOrThrow(std::move(r));
          }));
  register_registry_frames(registry);
}

}  // namespace renewal::python
