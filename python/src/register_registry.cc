// renewal._core.Registry: loading, saving, pickling and column export of the
// estate registry. pandas conversion lives in python/renewal/registry.py.
#include "bindings.h"

#include <pybind11/numpy.h>

#include <sstream>
#include <string>

#include "renewal/registry/registry.h"
#include "renewal/registry/registry_json.h"
#include "renewal/registry/map.h"

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

template <class T>
py::array_t<T> Array(std::size_t n) {
  return py::array_t<T>(static_cast<py::ssize_t>(n));
}

py::object OptInt(const std::optional<int>& v) {
  return v ? py::object(py::int_(*v)) : py::object(py::none());
}
py::object OptBool(const std::optional<bool>& v) {
  return v ? py::object(py::bool_(*v)) : py::object(py::none());
}
py::object OptYear(const std::optional<int>& v) {  // None unknown, 0 never
  return OptInt(v);
}

py::dict EstateColumns(const Registry& r) {
  const std::size_t n = r.estate_count();
  py::list id, name, district, street, build_year, structure, floors, elevator, illegal,
      committee, self_group, management, willingness, lon, lat, shantytown, demolition,
      renovation, village, self_built, hazards, buildings, dwellings, consent_illegal,
      consent_management, consent_fund, consent_resources;
  std::vector<py::list> facilities(kFacilityCount);
  for (Index e = 0; e < n; ++e) {
    const Estate& es = r.estate(e);
    const EstateFacts& f = es.facts;
    id.append(es.id);
    name.append(es.name);
    district.append(r.district(es.district).id);
    street.append(es.street == kNoIndex ? py::object(py::none()) : py::str(r.street(es.street).id));
    build_year.append(OptInt(f.build_year));
    structure.append(std::string(KeyOf(f.structure)));
    floors.append(OptInt(f.floors));
    elevator.append(OptBool(f.has_elevator));
    illegal.append(std::string(KeyOf(f.illegal_structures)));
    committee.append(OptBool(f.owners_committee));
    self_group.append(OptBool(f.self_governance_group));
    management.append(std::string(KeyOf(f.management_mode)));
    willingness.append(f.willingness_pct ? py::object(py::float_(*f.willingness_pct)) : py::none());
    lon.append(f.location ? py::object(py::float_(f.location->lon)) : py::none());
    lat.append(f.location ? py::object(py::float_(f.location->lat)) : py::none());
    shantytown.append(OptBool(f.in_shantytown_plan));
    demolition.append(OptYear(f.demolition_plan_year));
    renovation.append(OptYear(f.last_renovation_year));
    village.append(OptBool(f.urban_village));
    self_built.append(OptBool(f.mostly_self_built));
    consent_illegal.append(OptBool(f.consent_remove_illegal));
    consent_management.append(OptBool(f.consent_property_management));
    consent_fund.append(OptBool(f.consent_fund_top_up));
    consent_resources.append(OptBool(f.consent_entrust_public_resources));
    if (f.safety_hazards) {
      std::string joined;
      for (Hazard h : *f.safety_hazards) {
        if (!joined.empty()) joined += ';';
        joined += KeyOf(h);
      }
      hazards.append(joined);
    } else {
      hazards.append(py::none());
    }
    for (std::size_t k = 0; k < kFacilityCount; ++k) {
      facilities[k].append(std::string(KeyOf(f.facilities[k])));
    }
    buildings.append(es.building_count);
    dwellings.append(r.DwellingRangeOfEstate(e).second);
  }
  py::dict out;
  out["estate_id"] = id;
  out["name"] = name;
  out["district"] = district;
  out["street"] = street;
  out["build_year"] = build_year;
  out["structure"] = structure;
  out["floors"] = floors;
  out["elevator"] = elevator;
  out["illegal_structures"] = illegal;
  out["owners_committee"] = committee;
  out["self_governance_group"] = self_group;
  out["management_mode"] = management;
  out["willingness_pct"] = willingness;
  out["lon"] = lon;
  out["lat"] = lat;
  out["shantytown_plan"] = shantytown;
  out["demolition_plan_year"] = demolition;
  out["last_renovation_year"] = renovation;
  out["urban_village"] = village;
  out["mostly_self_built"] = self_built;
  out["safety_hazards"] = hazards;
  out["consent_remove_illegal"] = consent_illegal;
  out["consent_property_management"] = consent_management;
  out["consent_fund_top_up"] = consent_fund;
  out["consent_entrust_public_resources"] = consent_resources;
  for (std::size_t k = 0; k < kFacilityCount; ++k) {
    out[py::str("facility_" + std::string(KeyOf(static_cast<Facility>(k))))] = facilities[k];
  }
  out["buildings"] = buildings;
  out["dwellings"] = dwellings;
  return out;
}

py::dict BuildingColumns(const Registry& r) {
  py::list id, name, estate, floors, elevator, build_year, entrances;
  for (const Building& b : r.buildings()) {
    id.append(b.id);
    name.append(b.name);
    estate.append(r.estate(b.estate).id);
    floors.append(OptInt(b.floors));
    elevator.append(OptBool(b.has_elevator));
    build_year.append(OptInt(b.build_year));
    entrances.append(b.entrance_count);
  }
  py::dict out;
  out["building_id"] = id;
  out["name"] = name;
  out["estate_id"] = estate;
  out["floors"] = floors;
  out["elevator"] = elevator;
  out["build_year"] = build_year;
  out["entrances"] = entrances;
  return out;
}

py::dict DwellingColumns(const Registry& r) {
  const std::size_t n = r.dwelling_count();
  py::list id, estate, building, entrance, source, type, sale, owners;
  auto area = Array<double>(n);
  auto area_centi = Array<std::int64_t>(n);
  auto floor = Array<std::int32_t>(n);
  auto a = area.mutable_unchecked<1>();
  auto ac = area_centi.mutable_unchecked<1>();
  auto fl = floor.mutable_unchecked<1>();
  for (Index d = 0; d < n; ++d) {
    const DwellingView v = r.dwelling(d);
    const EntranceView en = r.entrance(v.entrance);
    const Building& b = r.building(en.building);
    id.append(py::str(v.id.data(), v.id.size()));
    estate.append(r.estate(b.estate).id);
    building.append(b.id);
    entrance.append(py::str(en.id.data(), en.id.size()));
    a(d) = v.area.m2();
    ac(d) = v.area.centi();
    fl(d) = v.floor;
    source.append(std::string(KeyOf(v.area_source)));
    type.append(std::string(KeyOf(v.property_type)));
    sale.append(std::string(KeyOf(v.sale_state)));
    std::string joined;
    for (Index o : r.OwnersOf(d)) {
      if (!joined.empty()) joined += ';';
      joined += r.owner(o).id;
    }
    owners.append(joined);
  }
  py::dict out;
  out["dwelling_id"] = id;
  out["estate_id"] = estate;
  out["building_id"] = building;
  out["entrance"] = entrance;
  out["exclusive_area_m2"] = area;
  out["area_centi_m2"] = area_centi;
  out["area_source"] = source;
  out["property_type"] = type;
  out["sale_state"] = sale;
  out["floor"] = floor;
  out["owners"] = owners;
  return out;
}

py::dict OwnerColumns(const Registry& r) {
  py::list id, name, kind;
  for (Index o = 0; o < r.owner_count(); ++o) {
    const OwnerView v = r.owner(o);
    id.append(py::str(v.id.data(), v.id.size()));
    name.append(py::str(v.name.data(), v.name.size()));
    kind.append(std::string(KeyOf(v.kind)));
  }
  py::dict out;
  out["owner_id"] = id;
  out["name"] = name;
  out["kind"] = kind;
  return out;
}

py::dict AreaColumns(const Registry& r) {  // districts and streets in one table
  py::list id, name, kind, district;
  for (Index i = 0; i < r.district_count(); ++i) {
    id.append(r.district(i).id);
    name.append(r.district(i).name);
    kind.append("district");
    district.append(py::none());
  }
  for (Index i = 0; i < r.street_count(); ++i) {
    id.append(r.street(i).id);
    name.append(r.street(i).name);
    kind.append("street");
    district.append(r.district(r.street(i).district).id);
  }
  py::dict out;
  out["id"] = id;
  out["name"] = name;
  out["level"] = kind;
  out["district"] = district;
  return out;
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
  py::class_<Registry>(m, "Registry", R"doc(
The estate registry (摸底台账): districts, streets, estates, buildings, entrances,
dwellings and owners. Immutable once loaded. Load with :meth:`load` or :meth:`loads`;
``renewal.Registry.from_frames`` and ``to_frames`` convert to and from pandas.
)doc")
      .def_static(
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
      .def("_columns",
           [](const Registry& r, const Text& table) -> py::dict {
             if (table == "estates") return EstateColumns(r);
             if (table == "buildings") return BuildingColumns(r);
             if (table == "dwellings") return DwellingColumns(r);
             if (table == "owners") return OwnerColumns(r);
             if (table == "areas") return AreaColumns(r);
             std::string message = "table: expected estates, buildings, dwellings, owners or areas, got \"";
             message += table;
             message += '"';
             ThrowStatus(absl::InvalidArgumentError(message));
           },
           py::arg("table"), "Columns of one table as a dict of lists / numpy arrays.")
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
          [](const Registry& r) { return py::make_tuple(kPickleVersion, DumpRegistryJson(r)); },
          [](const py::tuple& state) {
            if (state.size() != 2 || state[0].cast<int>() != kPickleVersion) {
              ThrowStatus(absl::InvalidArgumentError(
                  "pickle: unsupported Registry pickle state (expected version 1)"));
            }
            // Pickles must reload whatever year they were made in.
            return ValueOrThrow(LoadRegistryJson(state[1].cast<std::string>(), Options(9999)));
          }));
}

}  // namespace renewal::python
