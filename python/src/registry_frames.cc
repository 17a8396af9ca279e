// The registry's tables as columns for the typed frames (python/renewal/frames.py),
// the registry built back from such columns, and the vectorised ID lookups; all in
// bulk: one C++ loop per column, no Python object per value except the text ones.
#include "registry_frames.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "columns.h"
#include "renewal/registry/registry.h"

namespace renewal::python {
namespace {

// The yes/no survey facts of an estate and their column names, both ways (to_frame
// and from_frames).
constexpr std::pair<const char*, std::optional<bool> EstateFacts::*> kEstateFlags[] = {
    {"elevator", &EstateFacts::has_elevator},
    {"owners_committee", &EstateFacts::owners_committee},
    {"self_governance_group", &EstateFacts::self_governance_group},
    {"shantytown_plan", &EstateFacts::in_shantytown_plan},
    {"urban_village", &EstateFacts::urban_village},
    {"mostly_self_built", &EstateFacts::mostly_self_built},
    {"consent_remove_illegal", &EstateFacts::consent_remove_illegal},
    {"consent_property_management", &EstateFacts::consent_property_management},
    {"consent_fund_top_up", &EstateFacts::consent_fund_top_up},
    {"consent_entrust_public_resources", &EstateFacts::consent_entrust_public_resources},
};

// Missing integers (years, floors) travel as this value.
constexpr std::int32_t kNaInt = std::numeric_limits<std::int32_t>::min();

std::int32_t OptInt(const std::optional<int>& v) { return v ? *v : kNaInt; }
std::int8_t OptBool(const std::optional<bool>& v) { return v ? (*v ? 1 : 0) : -1; }
double OptDouble(const std::optional<double>& v) {
  return v ? *v : std::numeric_limits<double>::quiet_NaN();
}

template <class T>
py::array_t<T> CopyOf(const std::vector<T>& v) {
  py::array_t<T> out(static_cast<py::ssize_t>(v.size()));
  if (!v.empty()) std::memcpy(out.mutable_data(), v.data(), v.size() * sizeof(T));
  return out;
}

// Enum columns as their uint8 codes.
template <class E>
py::array_t<std::uint8_t> Codes(const std::vector<E>& v) {
  static_assert(sizeof(E) == 1);
  py::array_t<std::uint8_t> out(static_cast<py::ssize_t>(v.size()));
  if (!v.empty()) std::memcpy(out.mutable_data(), v.data(), v.size());
  return out;
}

py::dict DistrictColumns(const Registry& r) {
  const std::size_t n = r.district_count();
  py::dict out;
  out["district_id"] = ObjectArray(n, [&](std::size_t i) { return NewStr(r.district(i).id); });
  out["name"] = ObjectArray(n, [&](std::size_t i) { return NewStr(r.district(i).name); });
  return out;
}

py::dict StreetColumns(const Registry& r) {
  const std::size_t n = r.street_count();
  py::dict out;
  out["street_id"] = ObjectArray(n, [&](std::size_t i) { return NewStr(r.street(i).id); });
  out["name"] = ObjectArray(n, [&](std::size_t i) { return NewStr(r.street(i).name); });
  out["district"] = NumArray<std::uint32_t>(n, [&](std::size_t i) { return r.street(i).district; });
  return out;
}

py::dict EstateColumns(const Registry& r) {
  const auto es = r.estates();
  const std::size_t n = es.size();
  auto facts = [&](std::size_t i) -> const EstateFacts& { return es[i].facts; };
  py::dict out;
  out["estate_id"] = ObjectArray(n, [&](std::size_t i) { return NewStr(es[i].id); });
  out["name"] = ObjectArray(n, [&](std::size_t i) { return NewStr(es[i].name); });
  out["district"] = NumArray<std::uint32_t>(n, [&](std::size_t i) { return es[i].district; });
  out["street"] = NumArray<std::uint32_t>(n, [&](std::size_t i) { return es[i].street; });
  out["build_year"] =
      NumArray<std::int32_t>(n, [&](std::size_t i) { return OptInt(facts(i).build_year); });
  out["structure"] = NumArray<std::uint8_t>(n, [&](std::size_t i) { return facts(i).structure; });
  out["floors"] = NumArray<std::int32_t>(n, [&](std::size_t i) { return OptInt(facts(i).floors); });
  out["illegal_structures"] =
      NumArray<std::uint8_t>(n, [&](std::size_t i) { return facts(i).illegal_structures; });
  out["management_mode"] =
      NumArray<std::uint8_t>(n, [&](std::size_t i) { return facts(i).management_mode; });
  out["willingness_pct"] =
      NumArray<double>(n, [&](std::size_t i) { return OptDouble(facts(i).willingness_pct); });
  out["lon"] = NumArray<double>(n, [&](std::size_t i) {
    return facts(i).location ? facts(i).location->lon : std::numeric_limits<double>::quiet_NaN();
  });
  out["lat"] = NumArray<double>(n, [&](std::size_t i) {
    return facts(i).location ? facts(i).location->lat : std::numeric_limits<double>::quiet_NaN();
  });
  out["demolition_plan_year"] = NumArray<std::int32_t>(
      n, [&](std::size_t i) { return OptInt(facts(i).demolition_plan_year); });
  out["last_renovation_year"] = NumArray<std::int32_t>(
      n, [&](std::size_t i) { return OptInt(facts(i).last_renovation_year); });
  for (const auto& [name, member] : kEstateFlags) {
    out[name] = NumArray<std::int8_t>(n, [&](std::size_t i) { return OptBool(facts(i).*member); });
  }
  out["safety_hazards"] = ObjectArray(n, [&](std::size_t i) -> PyObject* {
    if (!facts(i).safety_hazards) return nullptr;
    std::string joined;
    for (Hazard h : *facts(i).safety_hazards) {
      if (!joined.empty()) joined += ';';
      joined += KeyOf(h);
    }
    return NewStr(joined);
  });
  py::array_t<std::uint8_t> facilities(
      {static_cast<py::ssize_t>(n), static_cast<py::ssize_t>(kFacilityCount)});
  std::uint8_t* f = facilities.mutable_data();
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t k = 0; k < kFacilityCount; ++k) {
      f[i * kFacilityCount + k] = static_cast<std::uint8_t>(facts(i).facilities[k]);
    }
  }
  out["facilities"] = facilities;
  out["building_count"] =
      NumArray<std::int64_t>(n, [&](std::size_t i) { return es[i].building_count; });
  out["dwelling_count"] = NumArray<std::int64_t>(
      n, [&](std::size_t i) { return r.DwellingRangeOfEstate(static_cast<Index>(i)).second; });
  return out;
}

py::dict BuildingColumns(const Registry& r) {
  const auto bs = r.buildings();
  const std::size_t n = bs.size();
  py::dict out;
  out["building_id"] = ObjectArray(n, [&](std::size_t i) { return NewStr(bs[i].id); });
  out["name"] = ObjectArray(n, [&](std::size_t i) { return NewStr(bs[i].name); });
  out["estate"] = NumArray<std::uint32_t>(n, [&](std::size_t i) { return bs[i].estate; });
  out["floors"] = NumArray<std::int32_t>(n, [&](std::size_t i) { return OptInt(bs[i].floors); });
  out["elevator"] =
      NumArray<std::int8_t>(n, [&](std::size_t i) { return OptBool(bs[i].has_elevator); });
  out["build_year"] =
      NumArray<std::int32_t>(n, [&](std::size_t i) { return OptInt(bs[i].build_year); });
  out["entrance_count"] =
      NumArray<std::int64_t>(n, [&](std::size_t i) { return bs[i].entrance_count; });
  out["dwelling_count"] = NumArray<std::int64_t>(
      n, [&](std::size_t i) { return r.DwellingRangeOfBuilding(static_cast<Index>(i)).second; });
  return out;
}

py::dict EntranceColumns(const Registry& r) {
  const std::size_t n = r.entrance_count();
  py::dict out;
  out["entrance_id"] =
      ObjectArray(n, [&](std::size_t i) { return NewStr(r.entrance(static_cast<Index>(i)).id); });
  out["building"] = NumArray<std::uint32_t>(
      n, [&](std::size_t i) { return r.entrance(static_cast<Index>(i)).building; });
  out["dwelling_count"] = NumArray<std::int64_t>(
      n, [&](std::size_t i) { return r.entrance(static_cast<Index>(i)).dwelling_count; });
  return out;
}

py::dict DwellingColumns(const Registry& r) {
  const renewal::DwellingColumns& c = r.dwellings();
  const std::size_t n = r.dwelling_count();
  py::dict out;
  py::array ids = ObjectArray(n, [](std::size_t) -> PyObject* { return nullptr; });
  auto** id = static_cast<PyObject**>(ids.mutable_data());
  r.ForEachDwellingId([&](Index d, std::string_view s) {
    PyObject* old = id[d];
    id[d] = NewStr(s);
    Py_XDECREF(old);
  });
  out["dwelling_id"] = ids;
  out["entrance"] = CopyOf(c.entrance);
  out["area_centi"] = CopyOf(c.area_centi);
  out["area_source"] = Codes(c.area_source);
  out["property_type"] = Codes(c.property_type);
  out["sale_state"] = Codes(c.sale_state);
  out["floor"] = CopyOf(c.floor);
  // Owner IDs joined by ';' (co-owners are rare and sorted by dwelling).
  auto co = c.co_owners.begin();
  std::string joined;
  out["owner_ids"] = ObjectArray(n, [&](std::size_t d) -> PyObject* {
    if (c.owner[d] == kNoIndex) return nullptr;
    while (co != c.co_owners.end() && co->first < d) ++co;
    if (co == c.co_owners.end() || co->first != d) return NewStr(r.owner(c.owner[d]).id);
    joined.assign(r.owner(c.owner[d]).id);
    for (; co != c.co_owners.end() && co->first == d; ++co) {
      joined += ';';
      joined += r.owner(co->second).id;
    }
    return NewStr(joined);
  });
  out["person"] = CopyOf(c.person);
  return out;
}

py::dict OwnerColumns(const Registry& r) {
  const std::size_t n = r.owner_count();
  py::dict out;
  out["owner_id"] =
      ObjectArray(n, [&](std::size_t i) { return NewStr(r.owner(static_cast<Index>(i)).id); });
  out["name"] =
      ObjectArray(n, [&](std::size_t i) { return NewStr(r.owner(static_cast<Index>(i)).name); });
  out["kind"] =
      NumArray<std::uint8_t>(n, [&](std::size_t i) { return r.owner(static_cast<Index>(i)).kind; });
  return out;
}

// ---------------------------------------------------------------------------
// The registry from columns.

// One input table: its columns by name and the row labels errors quote.
class Table {
 public:
  Table(std::string name, const py::dict& tables) : name_(std::move(name)) {
    if (!tables.contains(name_.c_str())) return;
    cols_ = tables[name_.c_str()].cast<py::dict>();
    present_ = true;
    rows_ = cols_["row"];
    size_ = py::len(rows_);
  }
  bool present() const { return present_; }
  std::size_t size() const { return size_; }
  const std::string& name() const { return name_; }
  bool has(const char* column) const { return present_ && cols_.contains(column); }
  py::array Array(const char* column) const {
    if (!cols_.contains(column)) {
      ThrowStatus(absl::InvalidArgumentError(name_ + ": missing column " + column));
    }
    py::array a = py::array::ensure(cols_[column]);
    if (!a || a.ndim() < 1 || static_cast<std::size_t>(a.shape(0)) != size_) {
      ThrowStatus(absl::InvalidArgumentError(name_ + " " + column + ": wrong length"));
    }
    return a;
  }
  template <class T>
  const T* Numbers(const char* column) const {
    py::array a = Array(column);
    if (!py::isinstance<py::array_t<T>>(a) || !(a.flags() & py::array::c_style)) {
      ThrowStatus(absl::InvalidArgumentError(name_ + " " + column + ": wrong dtype"));
    }
    keep_.push_back(a);
    return static_cast<const T*>(a.data());
  }
  PyObject* const* Texts(const char* column) const {
    py::array a = Array(column);
    keep_.push_back(a);
    return Objects(a, name_ + " " + column);
  }
  // `<table> row <label> (<id column> "<id>") `: the prefix of this row's errors.
  std::string Where(std::size_t i, std::string_view id) const {
    std::string s = RowName(name_, rows_, i);
    if (!id.empty()) s += " \"" + std::string(id) + "\"";
    return s;
  }
  std::string_view Text(PyObject* const* column, std::size_t i, const char* column_name) const {
    return TextAt(column[i], [&] { return RowName(name_, rows_, i) + " " + column_name; });
  }
  // The same for a column that must not be blank.
  std::string_view Need(PyObject* const* column, std::size_t i, const char* column_name) const {
    const std::string_view s = Text(column, i, column_name);
    if (s.empty()) {
      ThrowStatus(
          absl::InvalidArgumentError(RowName(name_, rows_, i) + " " + column_name + ": missing"));
    }
    return s;
  }

 private:
  std::string name_;
  py::dict cols_;
  py::object rows_ = py::none();
  bool present_ = false;
  std::size_t size_ = 0;
  mutable std::vector<py::array> keep_;
};

[[noreturn]] void Fail(const absl::Status& st, const std::string& where) {
  ThrowStatus(absl::Status(st.code(), where + " " + std::string(st.message())));
}
// `where` (a callable giving the record's name) runs only on error: naming a row reads
// the frame's index, too slow for every one of millions of rows.
template <class Where>
void Check(const absl::Status& st, Where&& where) {
  if (!st.ok()) Fail(st, where());
}
[[noreturn]] void Invalid(const std::string& where, const std::string& message) {
  ThrowStatus(absl::InvalidArgumentError(where + " " + message));
}

std::optional<int> IntOpt(std::int32_t v) {
  return v == kNaInt ? std::nullopt : std::optional<int>(v);
}
std::optional<bool> BoolOpt(std::int8_t v) {
  return v < 0 ? std::nullopt : std::optional<bool>(v != 0);
}
template <class E>
E EnumOr(std::int8_t code, E missing) {
  return code < 0 ? missing : static_cast<E>(code);
}

// A str-keyed index of one column: row by text, duplicates reported.
using TextIndex = absl::flat_hash_map<std::string_view, std::uint32_t>;

// Row of a referenced ID; consecutive rows usually repeat the same str object, so the
// last one is remembered by identity.
struct Lookup {
  const TextIndex* index;
  PyObject* last = nullptr;
  std::uint32_t last_row = 0;
  std::optional<std::uint32_t> Find(PyObject* o, std::string_view text) {
    if (o == last) return last_row;
    auto it = index->find(text);
    if (it == index->end()) return std::nullopt;
    last = o;
    last_row = it->second;
    return it->second;
  }
};

void SplitOwners(std::string_view s, std::vector<std::string_view>* out) {
  out->clear();
  while (!s.empty()) {
    const std::size_t semi = s.find(';');
    const std::string_view piece = s.substr(0, semi);
    if (!piece.empty()) out->push_back(piece);
    if (semi == std::string_view::npos) break;
    s.remove_prefix(semi + 1);
  }
}

Registry FromColumns(const py::dict& tables, int current_year) {
  const Table districts("districts", tables), streets("streets", tables), owners("owners", tables),
      estates("estates", tables), buildings("buildings", tables), entrances("entrances", tables),
      dwellings("dwellings", tables);
  RegistryBuilder builder(current_year);

  // Estates first, for the derived districts, streets and the buildings' parents.
  PyObject* const* e_id = estates.Texts("estate_id");
  PyObject* const* e_district = estates.Texts("district_id");
  PyObject* const* e_street = estates.Texts("street_id");
  TextIndex estate_row;
  estate_row.reserve(estates.size());
  for (std::size_t i = 0; i < estates.size(); ++i) {
    const std::string_view id = estates.Need(e_id, i, "estate_id");
    if (!estate_row.try_emplace(id, static_cast<std::uint32_t>(i)).second) {
      ThrowStatus(
          absl::AlreadyExistsError(estates.Where(i, id) + " estate_id: duplicate estate id"));
    }
  }

  if (districts.present()) {
    PyObject* const* id = districts.Texts("district_id");
    PyObject* const* name = districts.Texts("name");
    for (std::size_t i = 0; i < districts.size(); ++i) {
      const std::string_view d = districts.Need(id, i, "district_id");
      Check(builder.AddDistrict(
                District{std::string(d), std::string(districts.Text(name, i, "name"))}),
            [&] { return districts.Where(i, d); });
    }
  } else {  // the districts the estates name, in order of first mention, named by their IDs
    absl::flat_hash_map<std::string_view, bool> seen;
    for (std::size_t i = 0; i < estates.size(); ++i) {
      const std::string_view d = estates.Need(e_district, i, "district_id");
      if (!seen.try_emplace(d, true).second) continue;
      Check(builder.AddDistrict(District{std::string(d), std::string(d)}),
            [&] { return estates.Where(i, estates.Need(e_id, i, "estate_id")) + " district_id:"; });
    }
  }
  if (streets.present()) {
    PyObject* const* id = streets.Texts("street_id");
    PyObject* const* name = streets.Texts("name");
    PyObject* const* district = streets.Texts("district_id");
    for (std::size_t i = 0; i < streets.size(); ++i) {
      const std::string_view s = streets.Need(id, i, "street_id");
      Check(builder.AddStreet(std::string(s), std::string(streets.Text(name, i, "name")),
                              streets.Need(district, i, "district_id")),
            [&] { return streets.Where(i, s); });
    }
  } else {  // the streets the estates name, named by their IDs
    absl::flat_hash_map<std::string_view, bool> seen;
    for (std::size_t i = 0; i < estates.size(); ++i) {
      const std::string_view s = estates.Text(e_street, i, "street_id");
      if (s.empty() || !seen.try_emplace(s, true).second) continue;
      Check(builder.AddStreet(std::string(s), std::string(s),
                              estates.Need(e_district, i, "district_id")),
            [&] { return estates.Where(i, estates.Need(e_id, i, "estate_id")) + " street_id:"; });
    }
  }

  // Buildings grouped under their estates, in table order.
  PyObject* const* b_id = buildings.Texts("building_id");
  PyObject* const* b_estate = buildings.Texts("estate_id");
  TextIndex building_row;
  building_row.reserve(buildings.size());
  std::vector<std::uint32_t> estate_of(buildings.size());
  std::vector<std::uint32_t> estate_buildings(estates.size() + 1, 0);
  Lookup estate_lookup{&estate_row};
  for (std::size_t i = 0; i < buildings.size(); ++i) {
    const std::string_view id = buildings.Need(b_id, i, "building_id");
    if (!building_row.try_emplace(id, static_cast<std::uint32_t>(i)).second) {
      ThrowStatus(
          absl::AlreadyExistsError(buildings.Where(i, id) + " building_id: duplicate building id"));
    }
    const std::string_view e = buildings.Need(b_estate, i, "estate_id");
    const std::optional<std::uint32_t> row = estate_lookup.Find(b_estate[i], e);
    if (!row) {
      ThrowStatus(absl::NotFoundError(buildings.Where(i, id) + " estate_id: no estate with id \"" +
                                      std::string(e) + "\""));
    }
    estate_of[i] = *row;
    ++estate_buildings[*row + 1];
  }
  for (std::size_t e = 0; e < estates.size(); ++e) estate_buildings[e + 1] += estate_buildings[e];
  std::vector<std::uint32_t> building_order(buildings.size());
  {
    std::vector<std::uint32_t> fill(estate_buildings.begin(), estate_buildings.end() - 1);
    for (std::size_t i = 0; i < buildings.size(); ++i) {
      building_order[fill[estate_of[i]]++] = static_cast<std::uint32_t>(i);
    }
  }

  // Entrances per building: from the entrances table, or in order of first mention.
  struct Entrance {
    std::string_view id;
    std::uint32_t next = UINT32_MAX;  // the building's next entrance
  };
  std::vector<Entrance> entrance_list;
  std::vector<std::uint32_t> first_entrance(buildings.size(), UINT32_MAX),
      last_entrance(buildings.size(), UINT32_MAX);
  auto add_entrance = [&](std::uint32_t b, std::string_view id) {
    const auto k = static_cast<std::uint32_t>(entrance_list.size());
    entrance_list.push_back({id});
    if (first_entrance[b] == UINT32_MAX) {
      first_entrance[b] = k;
    } else {
      entrance_list[last_entrance[b]].next = k;
    }
    last_entrance[b] = k;
    return k;
  };
  auto find_entrance = [&](std::uint32_t b, std::string_view id) -> std::optional<std::uint32_t> {
    for (std::uint32_t k = first_entrance[b]; k != UINT32_MAX; k = entrance_list[k].next) {
      if (entrance_list[k].id == id) return k;
    }
    return std::nullopt;
  };
  Lookup building_lookup{&building_row};
  if (entrances.present()) {
    PyObject* const* n_id = entrances.Texts("entrance_id");
    PyObject* const* n_building = entrances.Texts("building_id");
    for (std::size_t i = 0; i < entrances.size(); ++i) {
      const std::string_view id = entrances.Need(n_id, i, "entrance_id");
      const std::string_view b = entrances.Need(n_building, i, "building_id");
      const std::optional<std::uint32_t> row = building_lookup.Find(n_building[i], b);
      if (!row) {
        ThrowStatus(absl::NotFoundError(entrances.Where(i, id) +
                                        " building_id: no building with id \"" + std::string(b) +
                                        "\""));
      }
      if (find_entrance(*row, id)) {
        ThrowStatus(absl::AlreadyExistsError(entrances.Where(i, id) + " entrance_id: building \"" +
                                             std::string(b) + "\" lists it twice"));
      }
      add_entrance(*row, id);
    }
  }

  // Each dwelling's entrance; then the dwellings in registry order (a counting sort
  // by the entrance's position: estate, building, entrance, then table order).
  PyObject* const* d_id = dwellings.Texts("dwelling_id");
  PyObject* const* d_building = dwellings.Texts("building_id");
  PyObject* const* d_entrance = dwellings.Texts("entrance_id");
  PyObject* const* d_owners = dwellings.Texts("owner_ids");
  const std::int64_t* d_area = dwellings.Numbers<std::int64_t>("area_centi");
  const std::int8_t* d_source = dwellings.Numbers<std::int8_t>("area_source");
  const std::int8_t* d_type = dwellings.Numbers<std::int8_t>("property_type");
  const std::int8_t* d_sale = dwellings.Numbers<std::int8_t>("sale_state");
  const std::int32_t* d_floor = dwellings.Numbers<std::int32_t>("floor");
  const std::size_t nd = dwellings.size();
  std::vector<std::uint32_t> entrance_of(nd);
  {
    PyObject* last_b = nullptr;
    PyObject* last_e = nullptr;
    std::uint32_t last_k = 0;
    for (std::size_t i = 0; i < nd; ++i) {
      if (d_building[i] == last_b && d_entrance[i] == last_e) {
        entrance_of[i] = last_k;
        continue;
      }
      const std::string_view b = dwellings.Need(d_building, i, "building_id");
      const std::optional<std::uint32_t> row = building_lookup.Find(d_building[i], b);
      if (!row) {
        ThrowStatus(absl::NotFoundError(dwellings.Where(i, dwellings.Need(d_id, i, "dwelling_id")) +
                                        " building_id: no building with id \"" + std::string(b) +
                                        "\""));
      }
      const std::string_view e = dwellings.Need(d_entrance, i, "entrance_id");
      std::optional<std::uint32_t> k = find_entrance(*row, e);
      if (!k) {
        if (entrances.present()) {
          ThrowStatus(absl::NotFoundError(
              dwellings.Where(i, dwellings.Need(d_id, i, "dwelling_id")) +
              " entrance_id: building \"" + std::string(b) + "\" has no entrance \"" +
              std::string(e) + "\" in the entrances table"));
        }
        k = add_entrance(*row, e);
      }
      last_b = d_building[i];
      last_e = d_entrance[i];
      last_k = *k;
      entrance_of[i] = *k;
    }
  }
  std::vector<std::uint32_t> entrance_pos(entrance_list.size());
  {
    std::uint32_t pos = 0;
    for (std::uint32_t b : building_order) {
      for (std::uint32_t k = first_entrance[b]; k != UINT32_MAX; k = entrance_list[k].next) {
        entrance_pos[k] = pos++;
      }
    }
  }
  std::vector<std::uint32_t> entrance_start(entrance_list.size() + 1, 0);
  for (std::size_t i = 0; i < nd; ++i) ++entrance_start[entrance_pos[entrance_of[i]] + 1];
  for (std::size_t k = 0; k < entrance_list.size(); ++k) entrance_start[k + 1] += entrance_start[k];
  std::vector<std::uint32_t> dwelling_order(nd);
  {
    std::vector<std::uint32_t> fill(entrance_start.begin(), entrance_start.end() - 1);
    for (std::size_t i = 0; i < nd; ++i) {
      dwelling_order[fill[entrance_pos[entrance_of[i]]]++] = static_cast<std::uint32_t>(i);
    }
  }

  // Owners: the table's, or those the dwellings name, in order of first mention.
  std::vector<std::string_view> owner_ids;
  if (owners.present()) {
    PyObject* const* o_id = owners.Texts("owner_id");
    PyObject* const* o_name = owners.Texts("name");
    const std::int8_t* o_kind = owners.Numbers<std::int8_t>("kind");
    builder.ReserveOwners(owners.size());
    for (std::size_t i = 0; i < owners.size(); ++i) {
      const std::string_view id = owners.Need(o_id, i, "owner_id");
      Check(builder.AddOwner(id, owners.Text(o_name, i, "name"),
                             EnumOr(o_kind[i], OwnerKind::kPerson)),
            [&] { return owners.Where(i, id); });
    }
  } else {
    absl::flat_hash_map<std::string_view, bool> seen;
    for (std::size_t i = 0; i < nd; ++i) {
      SplitOwners(dwellings.Text(d_owners, i, "owner_ids"), &owner_ids);
      for (std::string_view o : owner_ids) {
        if (!seen.try_emplace(o, true).second) continue;
        Check(builder.AddOwner(o, "", OwnerKind::kPerson), [&] {
          return dwellings.Where(i, dwellings.Need(d_id, i, "dwelling_id")) + " owner_ids:";
        });
      }
    }
  }
  builder.ReserveDwellings(nd);

  // Estate columns.
  PyObject* const* e_name = estates.Texts("name");
  PyObject* const* e_hazards = estates.Texts("safety_hazards");
  const std::int32_t* e_build_year = estates.Numbers<std::int32_t>("build_year");
  const std::int32_t* e_floors = estates.Numbers<std::int32_t>("floors");
  const std::int32_t* e_demolition = estates.Numbers<std::int32_t>("demolition_plan_year");
  const std::int32_t* e_renovation = estates.Numbers<std::int32_t>("last_renovation_year");
  const std::int8_t* e_structure = estates.Numbers<std::int8_t>("structure");
  const std::int8_t* e_illegal = estates.Numbers<std::int8_t>("illegal_structures");
  const std::int8_t* e_mode = estates.Numbers<std::int8_t>("management_mode");
  const double* e_willingness = estates.Numbers<double>("willingness_pct");
  const double* e_lon = estates.Numbers<double>("lon");
  const double* e_lat = estates.Numbers<double>("lat");
  const std::int8_t* e_facilities = estates.Numbers<std::int8_t>("facilities");
  std::vector<const std::int8_t*> flags;
  for (const auto& [name, member] : kEstateFlags)
    flags.push_back(estates.Numbers<std::int8_t>(name));
  // Building columns.
  PyObject* const* b_name = buildings.Texts("name");
  const std::int32_t* b_floors = buildings.Numbers<std::int32_t>("floors");
  const std::int32_t* b_build_year = buildings.Numbers<std::int32_t>("build_year");
  const std::int8_t* b_elevator = buildings.Numbers<std::int8_t>("elevator");

  std::vector<std::string_view> dwelling_owners;
  std::size_t next_building = 0;
  std::uint32_t next_entrance = 0;
  for (std::size_t e = 0; e < estates.size(); ++e) {
    const std::string_view eid = estates.Need(e_id, e, "estate_id");
    const std::string where = estates.Where(e, eid);
    Estate estate;
    estate.id = std::string(eid);
    estate.name = std::string(estates.Text(e_name, e, "name"));
    EstateFacts& f = estate.facts;
    f.build_year = IntOpt(e_build_year[e]);
    f.floors = IntOpt(e_floors[e]);
    f.demolition_plan_year = IntOpt(e_demolition[e]);
    f.last_renovation_year = IntOpt(e_renovation[e]);
    f.structure = EnumOr(e_structure[e], Structure::kUnknown);
    f.illegal_structures = EnumOr(e_illegal[e], IllegalStructures::kUnknown);
    f.management_mode = EnumOr(e_mode[e], ManagementMode::kUnknown);
    if (!std::isnan(e_willingness[e])) f.willingness_pct = e_willingness[e];
    if (std::isnan(e_lon[e]) != std::isnan(e_lat[e]))
      Invalid(where, "location: needs both lon and lat");
    if (!std::isnan(e_lon[e])) f.location = Location{e_lon[e], e_lat[e]};
    for (std::size_t k = 0; k < flags.size(); ++k)
      f.*(kEstateFlags[k].second) = BoolOpt(flags[k][e]);
    for (std::size_t k = 0; k < kFacilityCount; ++k) {
      f.facilities[k] = EnumOr(e_facilities[e * kFacilityCount + k], Condition::kUnknown);
    }
    if (!IsMissing(e_hazards[e])) {
      f.safety_hazards.emplace();
      std::string_view rest = estates.Text(e_hazards, e, "safety_hazards");
      while (!rest.empty()) {
        const std::size_t semi = rest.find(';');
        const std::string_view piece = rest.substr(0, semi);
        if (!piece.empty()) {
          const std::optional<Hazard> h = ParseLabel<Hazard>(piece);
          if (!h) {
            std::string keys;
            for (const auto& l : Labels<Hazard>())
              keys += (keys.empty() ? "" : ", ") + std::string(l.key);
            Invalid(where, "safety_hazards: unknown hazard \"" + std::string(piece) +
                               "\" (expected " + keys + ", joined by ';')");
          }
          f.safety_hazards->push_back(*h);
        }
        if (semi == std::string_view::npos) break;
        rest.remove_prefix(semi + 1);
      }
    }
    if (estate_buildings[e + 1] == estate_buildings[e])
      Invalid(where, "buildings: estate has no buildings");
    Check(builder.BeginEstate(std::move(estate), estates.Need(e_district, e, "district_id"),
                              estates.Text(e_street, e, "street_id")),
          [&] { return where; });
    for (; next_building < estate_buildings[e + 1]; ++next_building) {
      const std::uint32_t b = building_order[next_building];
      const std::string_view bid = buildings.Need(b_id, b, "building_id");
      auto bwhere = [&] { return buildings.Where(b, bid); };
      if (first_entrance[b] == UINT32_MAX)
        Invalid(bwhere(), "entrances: building has no dwellings");
      Building building;
      building.id = std::string(bid);
      building.name = std::string(buildings.Text(b_name, b, "name"));
      building.floors = IntOpt(b_floors[b]);
      building.build_year = IntOpt(b_build_year[b]);
      building.has_elevator = BoolOpt(b_elevator[b]);
      Check(builder.AddBuilding(std::move(building)), bwhere);
      for (std::uint32_t k = first_entrance[b]; k != UINT32_MAX; k = entrance_list[k].next) {
        Check(builder.AddEntrance(entrance_list[k].id),
              [&] { return bwhere() + " entrance \"" + std::string(entrance_list[k].id) + "\""; });
        const std::uint32_t pos = next_entrance++;
        for (std::uint32_t j = entrance_start[pos]; j < entrance_start[pos + 1]; ++j) {
          const std::uint32_t i = dwelling_order[j];
          DwellingRecord d;
          d.id = dwellings.Need(d_id, i, "dwelling_id");
          d.area_centi = d_area[i];
          d.area_source = EnumOr(d_source[i], AreaSource::kRegistered);
          d.property_type = EnumOr(d_type[i], PropertyType::kCommercial);
          d.sale_state = EnumOr(d_sale[i], SaleState::kOwned);
          d.floor = d_floor[i];
          SplitOwners(dwellings.Text(d_owners, i, "owner_ids"), &dwelling_owners);
          d.owner_ids = dwelling_owners;
          if (absl::Status st = builder.AddDwelling(d); !st.ok())
            Fail(st, dwellings.Where(i, d.id));
        }
      }
    }
    Check(builder.EndEstate(), [&] { return where; });
  }
  absl::StatusOr<Registry> r = [&] {
    py::gil_scoped_release release;
    return std::move(builder).Finish();
  }();
  return ValueOrThrow(std::move(r));
}

// Dwelling rows of many IDs. The registry's own IDs are "<building>-<entrance>-<rest>":
// such an ID is found through its building (remembered while consecutive IDs stay in
// it) and entrance, whose dwellings' IDs are spelled once and kept while the IDs stay
// there; a batch in estate order (a vote drive) then costs no hash probe into the
// 38-million-row dwelling index per ID. Any other ID, or one not found that way, goes
// through Registry::FindDwelling, so the answer is the same for every ID.
class DwellingResolver {
 public:
  explicit DwellingResolver(const Registry& r) : r_(r) {}

  std::optional<Index> Find(std::string_view id) {
    // Shuffled IDs would spell a new entrance per ID (slower than the index): when
    // most of the last kWindow IDs did, the next kDirect go straight to the index.
    if (direct_ > 0) {
      --direct_;
      return r_.FindDwelling(id);
    }
    if (++seen_ == kWindow) {
      if (spelled_count_ * 2 > kWindow) direct_ = kDirect;
      seen_ = spelled_count_ = 0;
    }
    const std::size_t last = id.rfind('-');
    if (last != std::string_view::npos && last > 0) {
      const std::size_t mid = id.rfind('-', last - 1);
      if (mid != std::string_view::npos && mid > 0) {
        const std::optional<Index> e =
            Entrance(id.substr(0, mid), id.substr(mid + 1, last - mid - 1));
        if (e) {
          Spell(*e);
          for (std::size_t k = 0; k + 1 < ends_.size(); ++k) {
            if (std::string_view(spelled_).substr(ends_[k], ends_[k + 1] - ends_[k]) == id) {
              return first_dwelling_ + static_cast<Index>(k);
            }
          }
        }
      }
    }
    return r_.FindDwelling(id);
  }

 private:
  std::optional<Index> Entrance(std::string_view building, std::string_view entrance) {
    if (!has_building_ || building != building_text_) {
      building_text_.assign(building);
      building_ = r_.FindBuilding(building);
      has_building_ = true;
      entrance_text_.clear();
      entrance_.reset();
    }
    if (!building_) return std::nullopt;
    if (!entrance_ || entrance != entrance_text_) {
      entrance_text_.assign(entrance);
      entrance_ = r_.FindEntrance(*building_, entrance);
    }
    return entrance_;
  }
  // The IDs of entrance e's dwellings, once while it stays the same.
  void Spell(Index e) {
    if (e == spelled_entrance_) return;
    ++spelled_count_;
    spelled_entrance_ = e;
    const EntranceView view = r_.entrance(e);
    first_dwelling_ = view.first_dwelling;
    spelled_.clear();
    ends_.assign(1, 0);
    for (Index d = view.first_dwelling; d < view.first_dwelling + view.dwelling_count; ++d) {
      r_.AppendDwellingId(d, &spelled_);
      ends_.push_back(spelled_.size());
    }
  }

  static constexpr std::size_t kWindow = 256, kDirect = 8192;
  const Registry& r_;
  std::size_t seen_ = 0, spelled_count_ = 0, direct_ = 0;
  bool has_building_ = false;
  std::string building_text_, entrance_text_;
  std::optional<Index> building_, entrance_;
  Index spelled_entrance_ = kNoIndex;
  Index first_dwelling_ = 0;
  std::string spelled_;
  std::vector<std::size_t> ends_;
};

// Row numbers of IDs (an object array of str), -1 where unknown or missing.
template <class Find>
py::array_t<std::int64_t> Rows(const py::array& ids, const char* what, Find&& find) {
  PyObject* const* v = Objects(ids, what);
  const auto n = static_cast<std::size_t>(ids.size());
  return NumArray<std::int64_t>(n, [&](std::size_t i) -> std::int64_t {
    PyObject* o = v[i];
    if (!PyUnicode_Check(o)) return -1;  // None, NaN, or not an ID at all
    Py_ssize_t size = 0;
    const char* utf8 = PyUnicode_AsUTF8AndSize(o, &size);
    if (utf8 == nullptr) {
      PyErr_Clear();
      return -1;
    }
    const std::optional<Index> row = find(std::string_view(utf8, static_cast<std::size_t>(size)));
    return row ? static_cast<std::int64_t>(*row) : -1;
  });
}

}  // namespace

void register_registry_frames(py::class_<Registry>& c) {
  c.def(
      "_table_columns",
      [](const Registry& r, const Text& table) -> py::dict {
        if (table == "districts") return DistrictColumns(r);
        if (table == "streets") return StreetColumns(r);
        if (table == "estates") return EstateColumns(r);
        if (table == "buildings") return BuildingColumns(r);
        if (table == "entrances") return EntranceColumns(r);
        if (table == "dwellings") return DwellingColumns(r);
        if (table == "owners") return OwnerColumns(r);
        ThrowStatus(absl::InvalidArgumentError(
            "table: expected estates, buildings, entrances, dwellings, owners, districts or "
            "streets, got \"" +
            std::string(table) + "\""));
      },
      py::arg("table"),
      "The raw columns of one table (numpy arrays; parents as row numbers, labels as\n"
      "codes, missing ints as INT32_MIN, missing bools as -1); renewal.frames types them.");
  c.def_static(
      "_from_columns",
      [](const py::dict& tables, const Int& current_year) {
        return FromColumns(tables, current_year.value == 0 ? CurrentYear() : current_year.value);
      },
      py::arg("tables"), py::arg("current_year") = 0,
      "A registry from the raw columns renewal.frames prepares (see there); every record\n"
      "goes through the builder's checks. Errors name table, row and column.");
  c.def(
      "_dwelling_rows",
      [](const Registry& r, const py::array& ids) {
        PyObject* const* v = Objects(ids, "ids");
        const auto n = static_cast<std::size_t>(ids.size());
        std::vector<std::string_view> text(n);
        for (std::size_t i = 0; i < n; ++i) {
          Py_ssize_t size = 0;
          const char* utf8 = PyUnicode_Check(v[i]) ? PyUnicode_AsUTF8AndSize(v[i], &size) : nullptr;
          if (utf8 == nullptr) PyErr_Clear();  // not an ID (None, NaN, a number): unknown
          // An empty view finds nothing: IDs are never empty.
          text[i] = utf8 == nullptr ? std::string_view()
                                    : std::string_view(utf8, static_cast<std::size_t>(size));
        }
        std::vector<Index> rows(n);
        {
          py::gil_scoped_release release;
          DwellingResolver resolve(r);
          for (std::size_t i = 0; i < n; ++i) {
            rows[i] = text[i].empty() ? kNoIndex : resolve.Find(text[i]).value_or(kNoIndex);
          }
        }
        return NumArray<std::int64_t>(n, [&](std::size_t i) -> std::int64_t {
          return rows[i] == kNoIndex ? -1 : static_cast<std::int64_t>(rows[i]);
        });
      },
      py::arg("ids"),
      "Row numbers (int64) of dwelling IDs given as an object array of str; -1 for an\n"
      "unknown or missing ID. renewal.Registry.dwelling_rows accepts any column.");
  c.def(
      "_owner_rows",
      [](const Registry& r, const py::array& ids) {
        return Rows(ids, "ids", [&](std::string_view id) { return r.FindOwner(id); });
      },
      py::arg("ids"),
      "Row numbers of owner IDs (object array of str); -1 when unknown or missing.");
}

}  // namespace renewal::python
