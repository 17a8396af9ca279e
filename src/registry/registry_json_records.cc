// The registry JSON format's estate records: the estate's facts, its buildings,
// their entrances and dwellings, each checked field by field and handed to the
// RegistryBuilder with the record's path in any error.
#include <cstdint>
#include <optional>
#include <string>

#include "registry_json_records.h"
#include "renewal/base/json_fields.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"

namespace renewal {
namespace registry_json_internal {

using internal::ToStd;

absl::Status RecordReader::Facts(Fields& f, EstateFacts* facts) {
  std::optional<std::int64_t> n;
  RENEWAL_RETURN_IF_ERROR(f.Int("build_year", -100000, 100000, &n));
  if (n) facts->build_year = static_cast<int>(*n);
  std::optional<Structure> structure;
  RENEWAL_RETURN_IF_ERROR(f.Enum("structure", &structure));
  facts->structure = structure.value_or(Structure::kUnknown);
  RENEWAL_RETURN_IF_ERROR(f.Int("floors", -1000, 1000, &n));
  if (n) facts->floors = static_cast<int>(*n);
  RENEWAL_RETURN_IF_ERROR(f.Bool("elevator", &facts->has_elevator));

  const json::object* facilities = nullptr;
  RENEWAL_RETURN_IF_ERROR(f.Object("facilities", &facilities));
  if (facilities != nullptr) {
    for (const auto& kv : *facilities) {
      const std::string_view key = ToStd(kv.key());
      const std::optional<Facility> facility = ParseLabel<Facility>(key);
      if (!facility) {
        return f.Invalid(StrCat("facilities.", key),
                         StrCat("unknown facility", Fields::Choices<Facility>()));
      }
      if (!kv.value().is_string()) {
        return f.Invalid(StrCat("facilities.", key),
                         StrCat("expected a condition label, got ", internal::Describe(kv.value())));
      }
      const std::string_view text = ToStd(kv.value().get_string());
      const std::optional<Condition> c = ParseLabel<Condition>(text);
      if (!c) {
        return f.Invalid(StrCat("facilities.", key),
                         StrCat("unknown label \"", text, "\"", Fields::Choices<Condition>()));
      }
      facts->facilities[static_cast<std::size_t>(*facility)] = *c;
    }
  }
  const json::array* hazards = nullptr;
  RENEWAL_RETURN_IF_ERROR(f.Array("safety_hazards", false, &hazards));
  if (hazards != nullptr) {
    facts->safety_hazards.emplace();
    for (std::size_t k = 0; k < hazards->size(); ++k) {
      const json::value& h = (*hazards)[k];
      const std::optional<Hazard> hazard =
          h.is_string() ? ParseLabel<Hazard>(ToStd(h.get_string())) : std::nullopt;
      if (!hazard) {
        return f.Invalid(StrCat("safety_hazards[", k, "]"),
                         StrCat("unknown label ", internal::Describe(h), Fields::Choices<Hazard>()));
      }
      facts->safety_hazards->push_back(*hazard);
    }
  }
  std::optional<IllegalStructures> illegal;
  RENEWAL_RETURN_IF_ERROR(f.Enum("illegal_structures", &illegal));
  facts->illegal_structures = illegal.value_or(IllegalStructures::kUnknown);
  RENEWAL_RETURN_IF_ERROR(f.Bool("owners_committee", &facts->owners_committee));
  RENEWAL_RETURN_IF_ERROR(f.Bool("self_governance_group", &facts->self_governance_group));
  std::optional<ManagementMode> mode;
  RENEWAL_RETURN_IF_ERROR(f.Enum("management_mode", &mode));
  facts->management_mode = mode.value_or(ManagementMode::kUnknown);
  RENEWAL_RETURN_IF_ERROR(f.Double("willingness_pct", 0, 100, &facts->willingness_pct));

  const json::object* location = nullptr;
  RENEWAL_RETURN_IF_ERROR(f.Object("location", &location));
  if (location != nullptr) {
    Fields loc = f.Nested(*location, "location");
    std::optional<double> lon, lat;
    RENEWAL_RETURN_IF_ERROR(loc.Double("lon", -180, 180, &lon));
    RENEWAL_RETURN_IF_ERROR(loc.Double("lat", -90, 90, &lat));
    if (!lon || !lat) return f.Invalid("location", "needs both lon and lat");
    RENEWAL_RETURN_IF_ERROR(loc.NoUnknownFields());
    facts->location = Location{*lon, *lat};
  }
  RENEWAL_RETURN_IF_ERROR(f.Bool("shantytown_plan", &facts->in_shantytown_plan));
  RENEWAL_RETURN_IF_ERROR(
      f.YearOrNever("demolition_plan_year", "none", &facts->demolition_plan_year));
  RENEWAL_RETURN_IF_ERROR(
      f.YearOrNever("last_renovation_year", "never", &facts->last_renovation_year));
  RENEWAL_RETURN_IF_ERROR(f.Bool("urban_village", &facts->urban_village));
  RENEWAL_RETURN_IF_ERROR(f.Bool("mostly_self_built", &facts->mostly_self_built));

  const json::object* consents = nullptr;
  RENEWAL_RETURN_IF_ERROR(f.Object("consents", &consents));
  if (consents != nullptr) {
    Fields c = f.Nested(*consents, "consents");
    const std::array<std::pair<std::string_view, std::optional<bool>*>, 4> items{{
        {"remove_illegal", &facts->consent_remove_illegal},
        {"property_management", &facts->consent_property_management},
        {"fund_top_up", &facts->consent_fund_top_up},
        {"entrust_public_resources", &facts->consent_entrust_public_resources},
    }};
    for (const auto& [key, out] : items) {
      RENEWAL_RETURN_IF_ERROR(c.Bool(key, out));
    }
    RENEWAL_RETURN_IF_ERROR(c.NoUnknownFields());
  }
  return absl::OkStatus();
}

absl::Status RecordReader::Estate(const json::object& o, std::size_t i) {
  const json::value* id_value = o.if_contains("id");
  const std::string path =
      id_value != nullptr && id_value->is_string()
          ? StrCat("estates[", i, "] ", Quoted(ToStd(id_value->get_string())))
          : StrCat("estates[", i, "]");
  Fields f(o, [&] { return path; });
  renewal::Estate estate;
  std::string district, street;
  RENEWAL_RETURN_IF_ERROR(f.String("id", true, &estate.id));
  RENEWAL_RETURN_IF_ERROR(f.String("name", false, &estate.name));
  RENEWAL_RETURN_IF_ERROR(f.String("district", true, &district));
  RENEWAL_RETURN_IF_ERROR(f.String("street", false, &street));
  RENEWAL_RETURN_IF_ERROR(Facts(f, &estate.facts));
  const json::array* buildings = nullptr;
  RENEWAL_RETURN_IF_ERROR(f.Array("buildings", true, &buildings));
  RENEWAL_RETURN_IF_ERROR(f.NoUnknownFields());
  if (buildings->empty()) return f.Invalid("buildings", "estate has no buildings");
  if (auto st = builder_.BeginEstate(std::move(estate), district, street); !st.ok()) {
    return WithPath(st, path);
  }
  for (std::size_t b = 0; b < buildings->size(); ++b) {
    const json::value& v = (*buildings)[b];
    if (!v.is_object()) {
      return f.Invalid(StrCat("buildings[", b, "]"),
                       StrCat("expected an object, got ", internal::Describe(v)));
    }
    RENEWAL_RETURN_IF_ERROR(Building(v.get_object(), path, b));
  }
  return WithPath(builder_.EndEstate(), path);
}

absl::Status RecordReader::Building(const json::object& o, const std::string& estate_path,
                                    std::size_t i) {
  const json::value* id_value = o.if_contains("id");
  const std::string path =
      id_value != nullptr && id_value->is_string()
          ? StrCat(estate_path, " buildings[", i, "] ", Quoted(ToStd(id_value->get_string())))
          : StrCat(estate_path, " buildings[", i, "]");
  Fields f(o, [&] { return path; });
  renewal::Building building;
  std::optional<std::int64_t> n;
  RENEWAL_RETURN_IF_ERROR(f.String("id", true, &building.id));
  RENEWAL_RETURN_IF_ERROR(f.String("name", false, &building.name));
  RENEWAL_RETURN_IF_ERROR(f.Int("floors", -1000, 1000, &n));
  if (n) building.floors = static_cast<int>(*n);
  RENEWAL_RETURN_IF_ERROR(f.Bool("elevator", &building.has_elevator));
  RENEWAL_RETURN_IF_ERROR(f.Int("build_year", -100000, 100000, &n));
  if (n) building.build_year = static_cast<int>(*n);
  const json::array* entrances = nullptr;
  RENEWAL_RETURN_IF_ERROR(f.Array("entrances", true, &entrances));
  RENEWAL_RETURN_IF_ERROR(f.NoUnknownFields());
  if (entrances->empty()) return f.Invalid("entrances", "building has no entrances");
  if (auto st = builder_.AddBuilding(std::move(building)); !st.ok()) return WithPath(st, path);
  for (std::size_t e = 0; e < entrances->size(); ++e) {
    const json::value& v = (*entrances)[e];
    const std::string entrance_path = StrCat(path, " entrances[", e, "]");
    if (!v.is_object()) {
      return absl::InvalidArgumentError(
          StrCat(entrance_path, ": expected an object, got ", internal::Describe(v)));
    }
    Fields ef(v.get_object(), [&] { return entrance_path; });
    std::string id;
    RENEWAL_RETURN_IF_ERROR(ef.String("id", true, &id));
    const json::array* dwellings = nullptr;
    RENEWAL_RETURN_IF_ERROR(ef.Array("dwellings", true, &dwellings));
    RENEWAL_RETURN_IF_ERROR(ef.NoUnknownFields());
    if (auto st = builder_.AddEntrance(id); !st.ok()) return WithPath(st, entrance_path);
    for (std::size_t d = 0; d < dwellings->size(); ++d) {
      const json::value& dv = (*dwellings)[d];
      if (!dv.is_object()) {
        return absl::InvalidArgumentError(StrCat(entrance_path, " dwellings[", d,
                                                 "]: expected an object, got ",
                                                 internal::Describe(dv)));
      }
      RENEWAL_RETURN_IF_ERROR(Dwelling(dv.get_object(), entrance_path, d));
    }
  }
  return absl::OkStatus();
}

absl::Status RecordReader::Dwelling(const json::object& o, const std::string& entrance_path,
                                    std::size_t i) {
  // Built only on error: this runs 38 million times for a national file.
  auto path = [&] {
    const json::value* id = o.if_contains("id");
    return id != nullptr && id->is_string()
               ? StrCat(entrance_path, " dwellings[", i, "] ", Quoted(ToStd(id->get_string())))
               : StrCat(entrance_path, " dwellings[", i, "]");
  };
  Fields f(o, path);
  DwellingRecord d;
  const json::value* id = nullptr;
  RENEWAL_RETURN_IF_ERROR(f.Required("id", &id));
  if (!id->is_string()) return f.Invalid("id", StrCat("expected a string, got ", internal::Describe(*id)));
  d.id = ToStd(id->get_string());
  RENEWAL_RETURN_IF_ERROR(f.CentiArea("exclusive_area_m2", &d.area_centi));
  std::optional<AreaSource> source;
  std::optional<PropertyType> type;
  std::optional<SaleState> sale;
  RENEWAL_RETURN_IF_ERROR(f.Enum("area_source", &source));
  RENEWAL_RETURN_IF_ERROR(f.Enum("property_type", &type));
  RENEWAL_RETURN_IF_ERROR(f.Enum("sale_state", &sale));
  d.area_source = source.value_or(AreaSource::kRegistered);
  d.property_type = type.value_or(PropertyType::kCommercial);
  d.sale_state = sale.value_or(SaleState::kOwned);
  std::optional<std::int64_t> floor;
  RENEWAL_RETURN_IF_ERROR(f.Int("floor", -5, 120, &floor));
  d.floor = static_cast<int>(floor.value_or(0));
  const json::array* owners = nullptr;
  RENEWAL_RETURN_IF_ERROR(f.Array("owners", false, &owners));
  owner_ids_.clear();
  if (owners != nullptr) {
    for (std::size_t k = 0; k < owners->size(); ++k) {
      const json::value& ov = (*owners)[k];
      if (!ov.is_string()) {
        return f.Invalid(StrCat("owners[", k, "]"),
                         StrCat("expected an owner id string, got ", internal::Describe(ov)));
      }
      owner_ids_.push_back(ToStd(ov.get_string()));
    }
  }
  d.owner_ids = owner_ids_;
  RENEWAL_RETURN_IF_ERROR(f.NoUnknownFields());
  return WithPath(builder_.AddDwelling(d), path());
}

}  // namespace registry_json_internal
}  // namespace renewal
