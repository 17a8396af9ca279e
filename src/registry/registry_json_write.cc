// Streaming writer of the registry JSON format: one line per record, areas as
// exact two-decimal numbers, doubles in shortest round-trip form, unknown facts
// omitted. Written by hand (not via a json::value) so a national registry never
// exists twice in memory.
#include <charconv>
#include <fstream>
#include <sstream>

#include "renewal/registry/registry_json.h"
#include "renewal/base/file.h"
#include "renewal/base/strcat.h"
#include "renewal/base/json_write.h"
#include "registry_facts_json.h"

namespace renewal {
namespace {

class Writer {
 public:
  explicit Writer(std::ostream& out) : out_(out) {}

  void String(std::string_view s) { internal::WriteJsonString(out_, s); }
  void Double(double d) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
    out_.write(buf, end - buf);
  }
  // `"key": ` with the separator before it.
  Writer& Key(std::string_view key) {
    if (!first_) out_.put(',');
    first_ = false;
    String(key);
    out_.put(':');
    return *this;
  }
  void Open(char c) {
    out_.put(c);
    first_ = true;
  }
  void Close(char c) {
    out_.put(c);
    first_ = false;
  }
  void Separator() {
    if (!first_) out_.put(',');
    first_ = false;
  }
  std::ostream& raw() { return out_; }

  template <class E>
  void Label(std::string_view key, E value) {
    Key(key);
    String(KeyOf(value));
  }
  void OptBool(std::string_view key, const std::optional<bool>& v) {
    if (v) Key(key).raw() << (*v ? "true" : "false");
  }
  void OptInt(std::string_view key, const std::optional<int>& v) {
    if (v) Key(key).raw() << *v;
  }
  void OptYear(std::string_view key, const std::optional<int>& v, std::string_view never) {
    if (!v) return;
    Key(key);
    if (*v == kNever) String(never);
    else out_ << *v;
  }

 private:
  std::ostream& out_;
  bool first_ = true;
};

void WriteFacts(Writer& w, const EstateFacts& f) {
  w.OptInt("build_year", f.build_year);
  if (f.structure != Structure::kUnknown) w.Label("structure", f.structure);
  w.OptInt("floors", f.floors);
  w.OptBool("elevator", f.has_elevator);
  bool any_facility = false;
  for (Condition c : f.facilities) any_facility = any_facility || c != Condition::kUnknown;
  if (any_facility) {
    w.Key("facilities").Open('{');
    for (std::size_t i = 0; i < kFacilityCount; ++i) {
      if (f.facilities[i] == Condition::kUnknown) continue;
      w.Label(KeyOf(static_cast<Facility>(i)), f.facilities[i]);
    }
    w.Close('}');
  }
  if (f.safety_hazards) {
    w.Key("safety_hazards").Open('[');
    for (Hazard h : *f.safety_hazards) {
      w.Separator();
      w.String(KeyOf(h));
    }
    w.Close(']');
  }
  if (f.illegal_structures != IllegalStructures::kUnknown) {
    w.Label("illegal_structures", f.illegal_structures);
  }
  w.OptBool("owners_committee", f.owners_committee);
  w.OptBool("self_governance_group", f.self_governance_group);
  if (f.management_mode != ManagementMode::kUnknown) w.Label("management_mode", f.management_mode);
  if (f.willingness_pct) {
    w.Key("willingness_pct");
    w.Double(*f.willingness_pct);
  }
  if (f.location) {
    w.Key("location").Open('{');
    w.Key("lon");
    w.Double(f.location->lon);
    w.Key("lat");
    w.Double(f.location->lat);
    w.Close('}');
  }
  w.OptBool("shantytown_plan", f.in_shantytown_plan);
  w.OptYear("demolition_plan_year", f.demolition_plan_year, "none");
  w.OptYear("last_renovation_year", f.last_renovation_year, "never");
  w.OptBool("urban_village", f.urban_village);
  w.OptBool("mostly_self_built", f.mostly_self_built);
  if (f.consent_remove_illegal || f.consent_property_management || f.consent_fund_top_up ||
      f.consent_entrust_public_resources) {
    w.Key("consents").Open('{');
    w.OptBool("remove_illegal", f.consent_remove_illegal);
    w.OptBool("property_management", f.consent_property_management);
    w.OptBool("fund_top_up", f.consent_fund_top_up);
    w.OptBool("entrust_public_resources", f.consent_entrust_public_resources);
    w.Close('}');
  }
}

// Reads the columns directly: this runs once per dwelling of a national file.
void WriteDwelling(Writer& w, const Registry& r, Index d, std::string& id) {
  const DwellingColumns& c = r.dwellings();
  id.clear();
  r.AppendDwellingId(d, &id);
  w.Open('{');
  w.Key("id");
  w.String(id);
  w.Key("exclusive_area_m2").raw() << Area::Centi(c.area_centi[d]).ToString();
  if (c.area_source[d] != AreaSource::kRegistered) w.Label("area_source", c.area_source[d]);
  w.Label("property_type", c.property_type[d]);
  if (c.sale_state[d] != SaleState::kOwned) w.Label("sale_state", c.sale_state[d]);
  if (c.floor[d] != 0) w.Key("floor").raw() << static_cast<int>(c.floor[d]);
  const std::vector<Index> owners = r.OwnersOf(d);
  if (!owners.empty()) {
    w.Key("owners").Open('[');
    for (Index o : owners) {
      w.Separator();
      w.String(r.owner(o).id);
    }
    w.Close(']');
  }
  w.Close('}');
}

void WriteEstate(Writer& w, const Registry& r, Index e, std::string& scratch) {
  const Estate& estate = r.estate(e);
  w.Open('{');
  w.Key("id");
  w.String(estate.id);
  if (!estate.name.empty()) {
    w.Key("name");
    w.String(estate.name);
  }
  w.Key("district");
  w.String(r.district(estate.district).id);
  if (estate.street != kNoIndex) {
    w.Key("street");
    w.String(r.street(estate.street).id);
  }
  WriteFacts(w, estate.facts);
  w.Key("buildings").Open('[');
  for (Index b = estate.first_building; b < estate.first_building + estate.building_count; ++b) {
    const Building& building = r.building(b);
    w.Separator();
    w.raw() << "\n   ";
    w.Open('{');
    w.Key("id");
    w.String(building.id);
    if (!building.name.empty()) {
      w.Key("name");
      w.String(building.name);
    }
    w.OptInt("floors", building.floors);
    w.OptBool("elevator", building.has_elevator);
    w.OptInt("build_year", building.build_year);
    w.Key("entrances").Open('[');
    for (Index en = building.first_entrance;
         en < building.first_entrance + building.entrance_count; ++en) {
      const EntranceView entrance = r.entrance(en);
      w.Separator();
      w.Open('{');
      w.Key("id");
      w.String(entrance.id);
      w.Key("dwellings").Open('[');
      for (Index d = entrance.first_dwelling;
           d < entrance.first_dwelling + entrance.dwelling_count; ++d) {
        w.Separator();
        w.raw() << "\n    ";
        WriteDwelling(w, r, d, scratch);
      }
      w.Close(']');
      w.Close('}');
    }
    w.Close(']');
    w.Close('}');
  }
  w.Close(']');
  w.Close('}');
}

}  // namespace

void WriteRegistryJson(const Registry& r, std::ostream& out) {
  Writer w(out);
  w.Open('{');
  w.Key("format");
  w.String("renewal.registry");
  w.Key("version").raw() << 1;
  w.Key("crs");
  w.String(KeyOf(r.coordinate_system()));
  w.Key("districts").Open('[');
  for (Index i = 0; i < r.district_count(); ++i) {
    w.Separator();
    w.raw() << "\n ";
    w.Open('{');
    w.Key("id");
    w.String(r.district(i).id);
    w.Key("name");
    w.String(r.district(i).name);
    w.Close('}');
  }
  w.Close(']');
  w.Key("streets").Open('[');
  for (Index i = 0; i < r.street_count(); ++i) {
    const Street& s = r.street(i);
    w.Separator();
    w.raw() << "\n ";
    w.Open('{');
    w.Key("id");
    w.String(s.id);
    w.Key("name");
    w.String(s.name);
    w.Key("district");
    w.String(r.district(s.district).id);
    w.Close('}');
  }
  w.Close(']');
  w.Key("owners").Open('[');
  for (Index i = 0; i < r.owner_count(); ++i) {
    const OwnerView o = r.owner(i);
    w.Separator();
    w.raw() << "\n ";
    w.Open('{');
    w.Key("id");
    w.String(o.id);
    w.Key("name");
    w.String(o.name);
    if (o.kind != OwnerKind::kPerson) w.Label("kind", o.kind);
    w.Close('}');
  }
  w.Close(']');
  w.Key("estates").Open('[');
  std::string scratch;
  for (Index e = 0; e < r.estate_count(); ++e) {
    w.Separator();
    w.raw() << "\n  ";
    WriteEstate(w, r, e, scratch);
  }
  w.Close(']');
  w.raw() << "\n";
  w.Close('}');
  w.raw() << "\n";
}

std::string DumpRegistryJson(const Registry& registry) {
  std::ostringstream out;
  WriteRegistryJson(registry, out);
  return std::move(out).str();
}

absl::Status SaveRegistryFile(const Registry& registry, const std::string& path) {
  // Beside the target and renamed, so a failed save never leaves half a file.
  return internal::WriteFileAtomically(path, [&](std::ostream& out) {
    WriteRegistryJson(registry, out);
    return absl::OkStatus();
  });
}

}  // namespace renewal

namespace renewal::registry_json_internal {

// The survey facts as members of an object that already has members (for the GeoJSON
// writer, map_geojson.cc): the same keys and forms as in the registry file.
void WriteFactMembers(const EstateFacts& facts, std::ostream& out) {
  Writer w(out);
  w.Separator();  // the object is not empty: the first fact needs a comma
  WriteFacts(w, facts);
}

}  // namespace renewal::registry_json_internal
