// The registry JSON format's records, checked from their staged form: the same
// checks, in the same order and with the same messages, as internal::Fields applies
// to a parsed object (json_fields.cc), without building one.
#include "registry_json_records.h"

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/functional/function_ref.h"
#include "renewal/base/json_fields.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/status_path.h"
#include "renewal/base/strcat.h"

namespace renewal {
namespace registry_json_internal {
namespace {

using internal::Fields;

std::string Quoted(std::string_view s) { return StrCat("\"", s, "\""); }

// Prefixes a builder error (whose message begins "<field>: ") with the record as
// messages name it (`described`), and attaches the record path for `--json`
// (renewal/base/status_path.h): `record`.<field>.
absl::Status WithPath(const absl::Status& st, std::string_view described, std::string_view record) {
  if (st.ok()) return st;
  const std::string_view message = ToStd(st.message());
  const std::size_t colon = message.find(": ");
  std::string_view field = colon == std::string_view::npos ? "" : message.substr(0, colon);
  if (field.find_first_of(" \"") != std::string_view::npos) field = {};
  return WithRecordPath(absl::Status(st.code(), StrCat(described, " ", message)),
                        field.empty() ? std::string(record) : StrCat(record, ".", field));
}

// Typed access to staged values, worded like internal::Fields with the default style.
// `path` names the record in messages (`estates[0] "E-0001"`), `record` is its path
// for `--json` (`estates[0]`); both are built only on error and must outlive the
// Checker (they are held by reference).
class Checker {
 public:
  Checker(std::string_view arena, absl::FunctionRef<std::string()> path,
          absl::FunctionRef<std::string()> record, std::string_view prefix = "")
      : arena_(arena), path_(path), record_(record), prefix_(prefix) {}

  std::string_view Text(const Val& v) const { return arena_.substr(v.s.off, v.s.len); }
  std::string_view Key(const UnknownKey& k) const { return arena_.substr(k.off, k.len); }
  std::string_view Bytes(std::uint32_t off, std::uint32_t len) const {
    return arena_.substr(off, len);
  }

  // internal::Describe of the value.
  std::string Describe(const Val& v) const {
    switch (v.kind) {
      case Kind::kAbsent:
      case Kind::kNull: return "null";
      case Kind::kBool: return v.b ? "true" : "false";
      case Kind::kInt64: return StrCat(v.i);
      case Kind::kUint64: return StrCat(v.u);
      case Kind::kDouble: return StrCat(v.d);
      case Kind::kString: {
        const std::string_view s = Text(v);
        if (s.size() > 40) return StrCat("\"", s.substr(0, 40), "...\"");
        return StrCat("\"", s, "\"");
      }
      case Kind::kArray: return "an array";
      case Kind::kObject: return "an object";
    }
    return "a value";
  }

  absl::Status Invalid(std::string_view field, std::string_view what) const {
    const std::string path = path_();
    const std::string record = record_();
    return WithRecordPath(
        absl::InvalidArgumentError(StrCat(path, path.empty() ? "" : " ", prefix_, field, ": ", what)),
        StrCat(record, record.empty() ? "" : ".", prefix_, field));
  }
  absl::Status Missing(std::string_view key) const {
    return Invalid(key, "required field is missing");
  }

  absl::Status String(const Val& v, std::string_view key, bool required,
                      std::string_view* out) const {
    *out = {};
    if (v.missing()) return required ? Missing(key) : absl::OkStatus();
    if (v.kind != Kind::kString) return Invalid(key, StrCat("expected a string, got ", Describe(v)));
    *out = Text(v);
    return absl::OkStatus();
  }
  absl::Status String(const Val& v, std::string_view key, bool required, std::string* out) const {
    std::string_view view;
    RENEWAL_RETURN_IF_ERROR(String(v, key, required, &view));
    out->assign(view);
    return absl::OkStatus();
  }

  absl::Status Bool(const Val& v, std::string_view key, std::optional<bool>* out) const {
    out->reset();
    if (v.missing()) return absl::OkStatus();
    if (v.kind != Kind::kBool) {
      return Invalid(key, StrCat("expected true or false, got ", Describe(v)));
    }
    *out = v.b;
    return absl::OkStatus();
  }

  absl::Status Int(const Val& v, std::string_view key, std::int64_t min, std::int64_t max,
                   std::optional<std::int64_t>* out) const {
    out->reset();
    if (v.missing()) return absl::OkStatus();
    if (v.kind == Kind::kUint64) {
      return Invalid(key, StrCat("must be between ", min, " and ", max, ", got ", v.u));
    }
    if (v.kind != Kind::kInt64) return Invalid(key, StrCat("expected an integer, got ", Describe(v)));
    if (v.i < min || v.i > max) {
      return Invalid(key, StrCat("must be between ", min, " and ", max, ", got ", v.i));
    }
    *out = v.i;
    return absl::OkStatus();
  }

  absl::Status Double(const Val& v, std::string_view key, double min, double max,
                      std::optional<double>* out) const {
    out->reset();
    if (v.missing()) return absl::OkStatus();
    double d = 0;
    switch (v.kind) {
      case Kind::kInt64: d = static_cast<double>(v.i); break;
      case Kind::kUint64: d = static_cast<double>(v.u); break;
      case Kind::kDouble: d = v.d; break;
      default: return Invalid(key, StrCat("expected a number, got ", Describe(v)));
    }
    if (!(d >= min && d <= max)) {
      return Invalid(key, StrCat("must be between ", min, " and ", max, ", got ", Describe(v)));
    }
    *out = d;
    return absl::OkStatus();
  }

  absl::Status YearOrNever(const Val& v, std::string_view key, std::string_view never_word,
                           std::optional<int>* out) const {
    out->reset();
    if (v.missing()) return absl::OkStatus();
    if (v.kind == Kind::kString && Text(v) == never_word) {
      *out = 0;
      return absl::OkStatus();
    }
    if (v.kind != Kind::kInt64) {
      return Invalid(key, StrCat("expected a year or \"", never_word, "\", got ", Describe(v)));
    }
    if (v.i < 1900 || v.i > 2200) return Invalid(key, StrCat("must be between 1900 and 2200, got ", v.i));
    *out = static_cast<int>(v.i);
    return absl::OkStatus();
  }

  // An area in m² with at most two decimals, as 0.01 m² (Fields::CentiArea).
  absl::Status CentiArea(const Val& v, std::string_view key, std::int64_t* out) const {
    if (v.missing()) return Missing(key);
    if (v.kind == Kind::kInt64) {
      if (v.i <= 0 || v.i > 10000) return Invalid(key, StrCat("must be > 0 and <= 10000, got ", v.i));
      *out = v.i * 100;
      return absl::OkStatus();
    }
    if (v.kind != Kind::kDouble) {
      if (v.kind == Kind::kUint64) {
        return Invalid(key, StrCat("must be > 0 and <= 10000, got ", v.u));
      }
      return Invalid(key, StrCat("expected a number of m², got ", Describe(v)));
    }
    if (!(v.d > 0 && v.d <= 10000)) {
      return Invalid(key, StrCat("must be > 0 and <= 10000, got ", Describe(v)));
    }
    const double centi = v.d * 100.0;
    const double rounded = std::round(centi);
    // Registers give two decimals; a third would be silently rounded away.
    if (std::fabs(centi - rounded) > 1e-6) {
      return Invalid(key, StrCat("at most two decimals, got ", Describe(v)));
    }
    *out = static_cast<std::int64_t>(rounded);
    return absl::OkStatus();
  }

  template <class E>
  absl::Status Enum(const Val& v, std::string_view key, std::optional<E>* out) const {
    out->reset();
    if (v.missing()) return absl::OkStatus();
    if (v.kind != Kind::kString) {
      return Invalid(key, StrCat("expected a label string, got ", Describe(v)));
    }
    *out = ParseLabel<E>(Text(v));
    if (*out) return absl::OkStatus();
    return Invalid(key, StrCat("unknown label \"", Text(v), "\"", Fields::Choices<E>()));
  }

  // OK when the field is an array (or absent and not required).
  absl::Status Array(const Val& v, std::string_view key, bool required) const {
    if (v.missing()) return required ? Missing(key) : absl::OkStatus();
    if (v.kind != Kind::kArray) return Invalid(key, StrCat("expected an array, got ", Describe(v)));
    return absl::OkStatus();
  }
  absl::Status Object(const Val& v, std::string_view key) const {
    if (v.missing() || v.kind == Kind::kObject) return absl::OkStatus();
    return Invalid(key, StrCat("expected an object, got ", Describe(v)));
  }

  absl::Status NoUnknownFields(const UnknownKey& k) const {
    if (!k.any) return absl::OkStatus();
    return Invalid(Key(k), "unknown field");
  }

 private:
  std::string_view arena_;
  absl::FunctionRef<std::string()> path_;
  absl::FunctionRef<std::string()> record_;
  std::string_view prefix_;
};

absl::Status Facts(const StagedEstate& e, const Checker& f, EstateFacts* facts) {
  const auto& v = e.fields.f;
  std::optional<std::int64_t> n;
  RENEWAL_RETURN_IF_ERROR(f.Int(v[kBuildYear], "build_year", -100000, 100000, &n));
  if (n) facts->build_year = static_cast<int>(*n);
  std::optional<Structure> structure;
  RENEWAL_RETURN_IF_ERROR(f.Enum(v[kStructure], "structure", &structure));
  facts->structure = structure.value_or(Structure::kUnknown);
  RENEWAL_RETURN_IF_ERROR(f.Int(v[kFloors], "floors", -1000, 1000, &n));
  if (n) facts->floors = static_cast<int>(*n);
  RENEWAL_RETURN_IF_ERROR(f.Bool(v[kElevator], "elevator", &facts->has_elevator));

  RENEWAL_RETURN_IF_ERROR(f.Object(v[kFacilities], "facilities"));
  if (v[kFacilities].kind == Kind::kObject) {
    for (std::uint32_t k = 0; k < e.facilities.count; ++k) {
      const FacilityItem& item = e.facility_items[e.facilities.first + k];
      const std::string_view key = f.Bytes(item.key_off, item.key_len);
      const std::optional<Facility> facility = ParseLabel<Facility>(key);
      if (!facility) {
        return f.Invalid(StrCat("facilities.", key),
                         StrCat("unknown facility", Fields::Choices<Facility>()));
      }
      if (item.value.kind != Kind::kString) {
        return f.Invalid(StrCat("facilities.", key),
                         StrCat("expected a condition label, got ", f.Describe(item.value)));
      }
      const std::string_view text = f.Text(item.value);
      const std::optional<Condition> c = ParseLabel<Condition>(text);
      if (!c) {
        return f.Invalid(StrCat("facilities.", key),
                         StrCat("unknown label \"", text, "\"", Fields::Choices<Condition>()));
      }
      facts->facilities[static_cast<std::size_t>(*facility)] = *c;
    }
  }
  RENEWAL_RETURN_IF_ERROR(f.Array(v[kSafetyHazards], "safety_hazards", false));
  if (v[kSafetyHazards].kind == Kind::kArray) {
    facts->safety_hazards.emplace();
    for (std::uint32_t k = 0; k < e.hazards.count; ++k) {
      const Val& h = e.hazard_values[e.hazards.first + k];
      const std::optional<Hazard> hazard =
          h.kind == Kind::kString ? ParseLabel<Hazard>(f.Text(h)) : std::nullopt;
      if (!hazard) {
        return f.Invalid(StrCat("safety_hazards[", k, "]"),
                         StrCat("unknown label ", f.Describe(h), Fields::Choices<Hazard>()));
      }
      facts->safety_hazards->push_back(*hazard);
    }
  }
  std::optional<IllegalStructures> illegal;
  RENEWAL_RETURN_IF_ERROR(f.Enum(v[kIllegalStructures], "illegal_structures", &illegal));
  facts->illegal_structures = illegal.value_or(IllegalStructures::kUnknown);
  RENEWAL_RETURN_IF_ERROR(f.Bool(v[kOwnersCommittee], "owners_committee", &facts->owners_committee));
  RENEWAL_RETURN_IF_ERROR(
      f.Bool(v[kSelfGovernanceGroup], "self_governance_group", &facts->self_governance_group));
  std::optional<ManagementMode> mode;
  RENEWAL_RETURN_IF_ERROR(f.Enum(v[kManagementMode], "management_mode", &mode));
  facts->management_mode = mode.value_or(ManagementMode::kUnknown);
  RENEWAL_RETURN_IF_ERROR(
      f.Double(v[kWillingnessPct], "willingness_pct", 0, 100, &facts->willingness_pct));

  RENEWAL_RETURN_IF_ERROR(f.Object(v[kLocation], "location"));
  if (v[kLocation].kind == Kind::kObject) {
    std::optional<double> lon, lat;
    RENEWAL_RETURN_IF_ERROR(f.Double(e.location.f[kLon], "location.lon", -180, 180, &lon));
    RENEWAL_RETURN_IF_ERROR(f.Double(e.location.f[kLat], "location.lat", -90, 90, &lat));
    if (!lon || !lat) return f.Invalid("location", "needs both lon and lat");
    if (e.location.unknown.any) {
      return f.Invalid(StrCat("location.", f.Key(e.location.unknown)), "unknown field");
    }
    facts->location = Location{*lon, *lat};
  }
  RENEWAL_RETURN_IF_ERROR(f.Bool(v[kShantytownPlan], "shantytown_plan", &facts->in_shantytown_plan));
  RENEWAL_RETURN_IF_ERROR(f.YearOrNever(v[kDemolitionPlanYear], "demolition_plan_year", "none",
                                        &facts->demolition_plan_year));
  RENEWAL_RETURN_IF_ERROR(f.YearOrNever(v[kLastRenovationYear], "last_renovation_year", "never",
                                        &facts->last_renovation_year));
  RENEWAL_RETURN_IF_ERROR(f.Bool(v[kUrbanVillage], "urban_village", &facts->urban_village));
  RENEWAL_RETURN_IF_ERROR(f.Bool(v[kMostlySelfBuilt], "mostly_self_built", &facts->mostly_self_built));

  RENEWAL_RETURN_IF_ERROR(f.Object(v[kConsents], "consents"));
  if (v[kConsents].kind == Kind::kObject) {
    std::optional<bool>* const out[kConsentFields] = {
        &facts->consent_remove_illegal, &facts->consent_property_management,
        &facts->consent_fund_top_up, &facts->consent_entrust_public_resources};
    for (std::size_t k = 0; k < kConsentFields; ++k) {
      RENEWAL_RETURN_IF_ERROR(
          f.Bool(e.consents.f[k], StrCat("consents.", kConsentKeys[k]), out[k]));
    }
    if (e.consents.unknown.any) {
      return f.Invalid(StrCat("consents.", f.Key(e.consents.unknown)), "unknown field");
    }
  }
  return absl::OkStatus();
}

// `<path>` or `<path> "<id>"` when the record's id is a string.
std::string WithId(std::string_view path, const Val& id, std::string_view arena) {
  if (id.kind == Kind::kString) return StrCat(path, " ", Quoted(arena.substr(id.s.off, id.s.len)));
  return std::string(path);
}

}  // namespace

absl::Status RecordReader::District(const StagedSmall& r, std::string_view arena, std::size_t i) {
  auto path = [&] { return StrCat("districts[", i, "]"); };
  const Checker f(arena, path, path);
  renewal::District d;
  RENEWAL_RETURN_IF_ERROR(f.String(r.fields.f[kDistrictId], "id", true, &d.id));
  RENEWAL_RETURN_IF_ERROR(f.String(r.fields.f[kDistrictName], "name", false, &d.name));
  RENEWAL_RETURN_IF_ERROR(f.NoUnknownFields(r.fields.unknown));
  const std::string where = StrCat(path(), " ", Quoted(d.id));
  return WithPath(builder_.AddDistrict(std::move(d)), where, path());
}

absl::Status RecordReader::Street(const StagedSmall& r, std::string_view arena, std::size_t i) {
  auto path = [&] { return StrCat("streets[", i, "]"); };
  const Checker f(arena, path, path);
  std::string id, name;
  std::string_view district;
  RENEWAL_RETURN_IF_ERROR(f.String(r.fields.f[kStreetId], "id", true, &id));
  RENEWAL_RETURN_IF_ERROR(f.String(r.fields.f[kStreetName], "name", false, &name));
  RENEWAL_RETURN_IF_ERROR(f.String(r.fields.f[kStreetDistrict], "district", true, &district));
  RENEWAL_RETURN_IF_ERROR(f.NoUnknownFields(r.fields.unknown));
  const std::string where = StrCat(path(), " ", Quoted(id));
  return WithPath(builder_.AddStreet(std::move(id), std::move(name), district), where, path());
}

absl::Status RecordReader::Owner(const StagedSmall& r, std::string_view arena, std::size_t i) {
  auto path = [&] { return StrCat("owners[", i, "]"); };
  const Checker f(arena, path, path);
  std::string_view id, name;
  std::optional<OwnerKind> kind;
  RENEWAL_RETURN_IF_ERROR(f.String(r.fields.f[kOwnerId], "id", true, &id));
  RENEWAL_RETURN_IF_ERROR(f.String(r.fields.f[kOwnerName], "name", false, &name));
  RENEWAL_RETURN_IF_ERROR(f.Enum(r.fields.f[kOwnerKind], "kind", &kind));
  RENEWAL_RETURN_IF_ERROR(f.NoUnknownFields(r.fields.unknown));
  const absl::Status st = builder_.AddOwner(id, name, kind.value_or(OwnerKind::kPerson));
  if (st.ok()) return st;
  return WithPath(st, StrCat(path(), " ", Quoted(id)), path());
}

absl::Status RecordReader::Estate(const StagedEstate& e, std::string_view arena, std::size_t i) {
  const auto& v = e.fields.f;
  const std::string record = StrCat("estates[", i, "]");
  const std::string path = WithId(record, v[kEstateId], arena);
  auto name = [&] { return path; };
  auto record_path = [&] { return record; };
  const Checker f(arena, name, record_path);
  renewal::Estate estate;
  std::string_view district, street;
  RENEWAL_RETURN_IF_ERROR(f.String(v[kEstateId], "id", true, &estate.id));
  RENEWAL_RETURN_IF_ERROR(f.String(v[kEstateName], "name", false, &estate.name));
  RENEWAL_RETURN_IF_ERROR(f.String(v[kEstateDistrict], "district", true, &district));
  RENEWAL_RETURN_IF_ERROR(f.String(v[kEstateStreet], "street", false, &street));
  RENEWAL_RETURN_IF_ERROR(Facts(e, f, &estate.facts));
  RENEWAL_RETURN_IF_ERROR(f.Array(v[kBuildings], "buildings", true));
  RENEWAL_RETURN_IF_ERROR(f.NoUnknownFields(e.fields.unknown));
  if (e.buildings.count == 0) return f.Invalid("buildings", "estate has no buildings");
  if (auto st = builder_.BeginEstate(std::move(estate), district, street); !st.ok()) {
    return WithPath(st, path, record);
  }
  for (std::uint32_t b = 0; b < e.buildings.count; ++b) {
    const StagedBuilding& building = e.building_list[e.buildings.first + b];
    if (building.self.kind != Kind::kObject) {
      return f.Invalid(StrCat("buildings[", b, "]"),
                       StrCat("expected an object, got ", f.Describe(building.self)));
    }
    RENEWAL_RETURN_IF_ERROR(Building(e, building, arena, path, record, b));
  }
  return WithPath(builder_.EndEstate(), path, record);
}

absl::Status RecordReader::Building(const StagedEstate& e, const StagedBuilding& staged,
                                    std::string_view arena, const std::string& estate_path,
                                    const std::string& estate_record, std::size_t i) {
  const auto& v = staged.fields.f;
  const std::string path = WithId(StrCat(estate_path, " buildings[", i, "]"), v[kBuildingId], arena);
  const std::string record = StrCat(estate_record, ".buildings[", i, "]");
  auto name = [&] { return path; };
  auto record_path = [&] { return record; };
  const Checker f(arena, name, record_path);
  renewal::Building building;
  std::optional<std::int64_t> n;
  RENEWAL_RETURN_IF_ERROR(f.String(v[kBuildingId], "id", true, &building.id));
  RENEWAL_RETURN_IF_ERROR(f.String(v[kBuildingName], "name", false, &building.name));
  RENEWAL_RETURN_IF_ERROR(f.Int(v[kBuildingFloors], "floors", -1000, 1000, &n));
  if (n) building.floors = static_cast<int>(*n);
  RENEWAL_RETURN_IF_ERROR(f.Bool(v[kBuildingElevator], "elevator", &building.has_elevator));
  RENEWAL_RETURN_IF_ERROR(f.Int(v[kBuildingBuildYear], "build_year", -100000, 100000, &n));
  if (n) building.build_year = static_cast<int>(*n);
  RENEWAL_RETURN_IF_ERROR(f.Array(v[kEntrances], "entrances", true));
  RENEWAL_RETURN_IF_ERROR(f.NoUnknownFields(staged.fields.unknown));
  if (staged.entrances.count == 0) return f.Invalid("entrances", "building has no entrances");
  if (auto st = builder_.AddBuilding(std::move(building)); !st.ok()) {
    return WithPath(st, path, record);
  }
  std::string entrance_path, entrance_record;
  for (std::uint32_t k = 0; k < staged.entrances.count; ++k) {
    const StagedEntrance& entrance = e.entrance_list[staged.entrances.first + k];
    entrance_path = StrCat(path, " entrances[", k, "]");
    entrance_record = StrCat(record, ".entrances[", k, "]");
    auto entrance_name = [&] { return entrance_path; };
    auto entrance_record_path = [&] { return entrance_record; };
    const Checker ef(arena, entrance_name, entrance_record_path);
    if (entrance.self.kind != Kind::kObject) {
      return WithRecordPath(
          absl::InvalidArgumentError(
              StrCat(entrance_path, ": expected an object, got ", ef.Describe(entrance.self))),
          entrance_record);
    }
    std::string_view id;
    RENEWAL_RETURN_IF_ERROR(ef.String(entrance.fields.f[kEntranceId], "id", true, &id));
    RENEWAL_RETURN_IF_ERROR(ef.Array(entrance.fields.f[kDwellings], "dwellings", true));
    RENEWAL_RETURN_IF_ERROR(ef.NoUnknownFields(entrance.fields.unknown));
    if (auto st = builder_.AddEntrance(id); !st.ok()) {
      return WithPath(st, entrance_path, entrance_record);
    }
    for (std::uint32_t d = 0; d < entrance.dwellings.count; ++d) {
      const StagedDwelling& dwelling = e.dwelling_list[entrance.dwellings.first + d];
      if (dwelling.self.kind != Kind::kObject) {
        return WithRecordPath(
            absl::InvalidArgumentError(StrCat(entrance_path, " dwellings[", d,
                                              "]: expected an object, got ",
                                              ef.Describe(dwelling.self))),
            StrCat(entrance_record, ".dwellings[", d, "]"));
      }
      RENEWAL_RETURN_IF_ERROR(Dwelling(e, dwelling, arena, entrance_path, entrance_record, d));
    }
  }
  return absl::OkStatus();
}

absl::Status RecordReader::Dwelling(const StagedEstate& e, const StagedDwelling& staged,
                                    std::string_view arena, const std::string& entrance_path,
                                    const std::string& entrance_record, std::size_t i) {
  const auto& v = staged.fields.f;
  // Built only on error: this runs 38 million times for a national file.
  auto path = [&] {
    return WithId(StrCat(entrance_path, " dwellings[", i, "]"), v[kDwellingId], arena);
  };
  auto record = [&] { return StrCat(entrance_record, ".dwellings[", i, "]"); };
  const Checker f(arena, path, record);
  DwellingRecord d;
  if (v[kDwellingId].missing()) return f.Missing("id");
  if (v[kDwellingId].kind != Kind::kString) {
    return f.Invalid("id", StrCat("expected a string, got ", f.Describe(v[kDwellingId])));
  }
  d.id = f.Text(v[kDwellingId]);
  RENEWAL_RETURN_IF_ERROR(f.CentiArea(v[kArea], "exclusive_area_m2", &d.area_centi));
  std::optional<AreaSource> source;
  std::optional<PropertyType> type;
  std::optional<SaleState> sale;
  RENEWAL_RETURN_IF_ERROR(f.Enum(v[kAreaSource], "area_source", &source));
  RENEWAL_RETURN_IF_ERROR(f.Enum(v[kPropertyType], "property_type", &type));
  RENEWAL_RETURN_IF_ERROR(f.Enum(v[kSaleState], "sale_state", &sale));
  d.area_source = source.value_or(AreaSource::kRegistered);
  d.property_type = type.value_or(PropertyType::kCommercial);
  d.sale_state = sale.value_or(SaleState::kOwned);
  std::optional<std::int64_t> floor;
  RENEWAL_RETURN_IF_ERROR(f.Int(v[kFloor], "floor", -5, 120, &floor));
  d.floor = static_cast<int>(floor.value_or(0));
  RENEWAL_RETURN_IF_ERROR(f.Array(v[kDwellingOwners], "owners", false));
  owner_ids_.clear();
  if (v[kDwellingOwners].kind == Kind::kArray) {
    for (std::uint32_t k = 0; k < staged.owners.count; ++k) {
      const Val& ov = e.owner_ids[staged.owners.first + k];
      if (ov.kind != Kind::kString) {
        return f.Invalid(StrCat("owners[", k, "]"),
                         StrCat("expected an owner id string, got ", f.Describe(ov)));
      }
      owner_ids_.push_back(f.Text(ov));
    }
  }
  d.owner_ids = owner_ids_;
  RENEWAL_RETURN_IF_ERROR(f.NoUnknownFields(staged.fields.unknown));
  const absl::Status st = builder_.AddDwelling(d);
  if (st.ok()) return st;
  return WithPath(st, path(), record());
}

}  // namespace registry_json_internal
}  // namespace renewal
