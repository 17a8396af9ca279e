// Streaming reader of the registry JSON format. The document is fed to Boost.JSON's
// basic_parser; the top level is walked by hand and each element of the record
// arrays (one district, street, owner or estate) is assembled as a json::value,
// converted into RegistryBuilder calls and dropped. Peak memory is the registry
// being built plus one estate.
#include <array>
#include <cstdio>
#include <memory>
#include <vector>

#include "boost/json/basic_parser_impl.hpp"
#include "renewal/base/json_fields.h"
#include "renewal/base/json_parse.h"
#include "renewal/registry/registry_json.h"
#include "renewal/base/file.h"

namespace renewal {
namespace {

using internal::Fields;
using internal::ToStd;
namespace json = boost::json;

constexpr std::string_view kFormat = "renewal.registry";
constexpr std::int64_t kVersion = 1;

std::string Quoted(std::string_view s) { return StrCat("\"", s, "\""); }

// Prefixes a builder error (which names only the field) with the record path.
absl::Status WithPath(const absl::Status& st, const std::string& path) {
  if (st.ok()) return st;
  return absl::Status(st.code(), StrCat(path, " ", st.message()));
}

class RecordReader {
 public:
  explicit RecordReader(int current_year) : builder_(current_year) {}

  absl::Status District(const json::object& o, std::size_t i) {
    auto path = [&] { return StrCat("districts[", i, "]"); };
    Fields f(o, path);
    renewal::District d;
    if (auto st = f.String("id", true, &d.id); !st.ok()) return st;
    if (auto st = f.String("name", false, &d.name); !st.ok()) return st;
    if (auto st = f.NoUnknownFields(); !st.ok()) return st;
    const std::string where = StrCat(path(), " ", Quoted(d.id));
    return WithPath(builder_.AddDistrict(std::move(d)), where);
  }

  absl::Status Street(const json::object& o, std::size_t i) {
    auto path = [&] { return StrCat("streets[", i, "]"); };
    Fields f(o, path);
    std::string id, name, district;
    if (auto st = f.String("id", true, &id); !st.ok()) return st;
    if (auto st = f.String("name", false, &name); !st.ok()) return st;
    if (auto st = f.String("district", true, &district); !st.ok()) return st;
    if (auto st = f.NoUnknownFields(); !st.ok()) return st;
    const std::string where = StrCat(path(), " ", Quoted(id));
    return WithPath(builder_.AddStreet(std::move(id), std::move(name), district), where);
  }

  absl::Status Owner(const json::object& o, std::size_t i) {
    auto path = [&] { return StrCat("owners[", i, "]"); };
    Fields f(o, path);
    std::string id, name;
    std::optional<OwnerKind> kind;
    if (auto st = f.String("id", true, &id); !st.ok()) return st;
    if (auto st = f.String("name", false, &name); !st.ok()) return st;
    if (auto st = f.Enum("kind", &kind); !st.ok()) return st;
    if (auto st = f.NoUnknownFields(); !st.ok()) return st;
    return WithPath(builder_.AddOwner(id, name, kind.value_or(OwnerKind::kPerson)),
                    StrCat(path(), " ", Quoted(id)));
  }

  absl::Status Estate(const json::object& o, std::size_t i);

  absl::StatusOr<Registry> Finish() && { return std::move(builder_).Finish(); }

 private:
  absl::Status Facts(Fields& f, EstateFacts* facts);
  absl::Status Building(const json::object& o, const std::string& estate_path, std::size_t i);
  absl::Status Dwelling(const json::object& o, const std::string& entrance_path, std::size_t i);

  RegistryBuilder builder_;
  std::vector<std::string_view> owner_ids_;  // reused per dwelling
};

absl::Status RecordReader::Facts(Fields& f, EstateFacts* facts) {
  std::optional<std::int64_t> n;
  if (auto st = f.Int("build_year", -100000, 100000, &n); !st.ok()) return st;
  if (n) facts->build_year = static_cast<int>(*n);
  std::optional<Structure> structure;
  if (auto st = f.Enum("structure", &structure); !st.ok()) return st;
  facts->structure = structure.value_or(Structure::kUnknown);
  if (auto st = f.Int("floors", -1000, 1000, &n); !st.ok()) return st;
  if (n) facts->floors = static_cast<int>(*n);
  if (auto st = f.Bool("elevator", &facts->has_elevator); !st.ok()) return st;

  const json::object* facilities = nullptr;
  if (auto st = f.Object("facilities", &facilities); !st.ok()) return st;
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
  if (auto st = f.Array("safety_hazards", false, &hazards); !st.ok()) return st;
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
  if (auto st = f.Enum("illegal_structures", &illegal); !st.ok()) return st;
  facts->illegal_structures = illegal.value_or(IllegalStructures::kUnknown);
  if (auto st = f.Bool("owners_committee", &facts->owners_committee); !st.ok()) return st;
  if (auto st = f.Bool("self_governance_group", &facts->self_governance_group); !st.ok()) return st;
  std::optional<ManagementMode> mode;
  if (auto st = f.Enum("management_mode", &mode); !st.ok()) return st;
  facts->management_mode = mode.value_or(ManagementMode::kUnknown);
  if (auto st = f.Double("willingness_pct", 0, 100, &facts->willingness_pct); !st.ok()) return st;

  const json::object* location = nullptr;
  if (auto st = f.Object("location", &location); !st.ok()) return st;
  if (location != nullptr) {
    Fields loc = f.Nested(*location, "location");
    std::optional<double> lon, lat;
    if (auto st = loc.Double("lon", -180, 180, &lon); !st.ok()) return st;
    if (auto st = loc.Double("lat", -90, 90, &lat); !st.ok()) return st;
    if (!lon || !lat) return f.Invalid("location", "needs both lon and lat");
    if (auto st = loc.NoUnknownFields(); !st.ok()) return st;
    facts->location = Location{*lon, *lat};
  }
  if (auto st = f.Bool("shantytown_plan", &facts->in_shantytown_plan); !st.ok()) return st;
  if (auto st = f.YearOrNever("demolition_plan_year", "none", &facts->demolition_plan_year);
      !st.ok()) {
    return st;
  }
  if (auto st = f.YearOrNever("last_renovation_year", "never", &facts->last_renovation_year);
      !st.ok()) {
    return st;
  }
  if (auto st = f.Bool("urban_village", &facts->urban_village); !st.ok()) return st;
  if (auto st = f.Bool("mostly_self_built", &facts->mostly_self_built); !st.ok()) return st;

  const json::object* consents = nullptr;
  if (auto st = f.Object("consents", &consents); !st.ok()) return st;
  if (consents != nullptr) {
    Fields c = f.Nested(*consents, "consents");
    const std::array<std::pair<std::string_view, std::optional<bool>*>, 4> items{{
        {"remove_illegal", &facts->consent_remove_illegal},
        {"property_management", &facts->consent_property_management},
        {"fund_top_up", &facts->consent_fund_top_up},
        {"entrust_public_resources", &facts->consent_entrust_public_resources},
    }};
    for (const auto& [key, out] : items) {
      if (auto st = c.Bool(key, out); !st.ok()) return st;
    }
    if (auto st = c.NoUnknownFields(); !st.ok()) return st;
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
  if (auto st = f.String("id", true, &estate.id); !st.ok()) return st;
  if (auto st = f.String("name", false, &estate.name); !st.ok()) return st;
  if (auto st = f.String("district", true, &district); !st.ok()) return st;
  if (auto st = f.String("street", false, &street); !st.ok()) return st;
  if (auto st = Facts(f, &estate.facts); !st.ok()) return st;
  const json::array* buildings = nullptr;
  if (auto st = f.Array("buildings", true, &buildings); !st.ok()) return st;
  if (auto st = f.NoUnknownFields(); !st.ok()) return st;
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
    if (auto st = Building(v.get_object(), path, b); !st.ok()) return st;
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
  if (auto st = f.String("id", true, &building.id); !st.ok()) return st;
  if (auto st = f.String("name", false, &building.name); !st.ok()) return st;
  if (auto st = f.Int("floors", -1000, 1000, &n); !st.ok()) return st;
  if (n) building.floors = static_cast<int>(*n);
  if (auto st = f.Bool("elevator", &building.has_elevator); !st.ok()) return st;
  if (auto st = f.Int("build_year", -100000, 100000, &n); !st.ok()) return st;
  if (n) building.build_year = static_cast<int>(*n);
  const json::array* entrances = nullptr;
  if (auto st = f.Array("entrances", true, &entrances); !st.ok()) return st;
  if (auto st = f.NoUnknownFields(); !st.ok()) return st;
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
    if (auto st = ef.String("id", true, &id); !st.ok()) return st;
    const json::array* dwellings = nullptr;
    if (auto st = ef.Array("dwellings", true, &dwellings); !st.ok()) return st;
    if (auto st = ef.NoUnknownFields(); !st.ok()) return st;
    if (auto st = builder_.AddEntrance(id); !st.ok()) return WithPath(st, entrance_path);
    for (std::size_t d = 0; d < dwellings->size(); ++d) {
      const json::value& dv = (*dwellings)[d];
      if (!dv.is_object()) {
        return absl::InvalidArgumentError(StrCat(entrance_path, " dwellings[", d,
                                                 "]: expected an object, got ",
                                                 internal::Describe(dv)));
      }
      if (auto st = Dwelling(dv.get_object(), entrance_path, d); !st.ok()) return st;
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
  if (auto st = f.Required("id", &id); !st.ok()) return st;
  if (!id->is_string()) return f.Invalid("id", StrCat("expected a string, got ", internal::Describe(*id)));
  d.id = ToStd(id->get_string());
  if (auto st = f.CentiArea("exclusive_area_m2", &d.area_centi); !st.ok()) return st;
  std::optional<AreaSource> source;
  std::optional<PropertyType> type;
  std::optional<SaleState> sale;
  if (auto st = f.Enum("area_source", &source); !st.ok()) return st;
  if (auto st = f.Enum("property_type", &type); !st.ok()) return st;
  if (auto st = f.Enum("sale_state", &sale); !st.ok()) return st;
  d.area_source = source.value_or(AreaSource::kRegistered);
  d.property_type = type.value_or(PropertyType::kCommercial);
  d.sale_state = sale.value_or(SaleState::kOwned);
  std::optional<std::int64_t> floor;
  if (auto st = f.Int("floor", -5, 120, &floor); !st.ok()) return st;
  d.floor = static_cast<int>(floor.value_or(0));
  const json::array* owners = nullptr;
  if (auto st = f.Array("owners", false, &owners); !st.ok()) return st;
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
  if (auto st = f.NoUnknownFields(); !st.ok()) return st;
  return WithPath(builder_.AddDwelling(d), path());
}

// --- the streaming top level ------------------------------------------------

enum class Section { kNone, kDistricts, kStreets, kOwners, kEstates };

// basic_parser handler: walks the top-level object and hands each record of the
// four arrays to RecordReader as a json::value built with value_stack.
class Handler {
 public:
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);

  explicit Handler(int current_year) : reader_(current_year) {}

  absl::Status status;  // first error found by the handler itself
  bool saw_format = false;
  bool saw_estates = false;
  RecordReader& reader() { return reader_; }

  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }

  bool on_object_begin(json::error_code& ec) {
    keys_.OpenObject();
    if (capturing()) {
      ++depth_;
      return true;
    }
    if (depth_ == 0) {  // the document
      depth_ = 1;
      return true;
    }
    if (depth_ == 2 && section_ != Section::kNone) {  // a record: capture it
      stack_.reset();
      depth_ = 3;
      return true;
    }
    return Fail(ec, absl::InvalidArgumentError(StrCat(key_, ": expected ", Expected())));
  }
  bool on_object_end(std::size_t n, json::error_code& ec) {
    keys_.Close();
    if (depth_ >= 3) {
      stack_.push_object(n);
      if (--depth_ == 2) return Dispatch(ec);
      return true;
    }
    depth_ = 0;  // end of document
    return true;
  }
  bool on_array_begin(json::error_code& ec) {
    keys_.OpenArray();
    if (capturing()) {
      ++depth_;
      return true;
    }
    if (depth_ == 1) {
      if (key_ == "districts") section_ = Section::kDistricts;
      else if (key_ == "streets") section_ = Section::kStreets;
      else if (key_ == "owners") section_ = Section::kOwners;
      else if (key_ == "estates") section_ = Section::kEstates, saw_estates = true;
      else return Fail(ec, absl::InvalidArgumentError(StrCat(key_, ": ", Unexpected())));
      depth_ = 2;
      record_ = 0;
      return true;
    }
    return Fail(ec, absl::InvalidArgumentError(StrCat(Where(), ": expected ", Expected(),
                                                      ", got an array")));
  }
  bool on_array_end(std::size_t n, json::error_code&) {
    keys_.Close();
    if (capturing()) {
      stack_.push_array(n);
      --depth_;
      return true;
    }
    section_ = Section::kNone;
    depth_ = 1;
    key_.clear();
    return true;
  }
  bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
    full_key_.append(s.data(), s.size());
    if (capturing()) stack_.push_chars(s);
    else key_.append(s.data(), s.size());
    return true;
  }
  bool on_key(json::string_view s, std::size_t, json::error_code& ec) {
    full_key_.append(s.data(), s.size());
    const bool fresh = keys_.Key(full_key_, 0);
    full_key_.clear();
    if (!fresh) return Fail(ec, absl::InvalidArgumentError(keys_.message()));
    if (capturing()) {
      stack_.push_key(s);
      return true;
    }
    key_.append(s.data(), s.size());
    if (depth_ == 1) {
      if (key_ != "format" && key_ != "version" && key_ != "name" && key_ != "districts" &&
          key_ != "streets" && key_ != "owners" && key_ != "estates") {
        return Fail(ec, absl::InvalidArgumentError(StrCat(key_, ": unknown field")));
      }
    }
    return true;
  }
  bool on_string_part(json::string_view s, std::size_t, json::error_code&) {
    if (capturing()) stack_.push_chars(s);
    else scalar_.append(s.data(), s.size());
    return true;
  }
  bool on_string(json::string_view s, std::size_t, json::error_code& ec) {
    if (capturing()) {
      stack_.push_string(s);
      return true;
    }
    scalar_.append(s.data(), s.size());
    bool ok = true;
    if (depth_ == 1 && key_ == "format") {
      saw_format = true;
      if (scalar_ != kFormat) {
        ok = Fail(ec, absl::InvalidArgumentError(
                          StrCat("format: expected \"", kFormat, "\", got \"", scalar_, "\"")));
      }
    } else if (depth_ == 1 && key_ == "name") {
      // The city's name: informational.
    } else {
      ok = Fail(ec, absl::InvalidArgumentError(StrCat(Where(), ": expected ", Expected(),
                                                      ", got a string")));
    }
    scalar_.clear();
    key_.clear();
    return ok;
  }
  bool on_number_part(json::string_view, json::error_code&) { return true; }
  bool on_int64(std::int64_t v, json::string_view, json::error_code& ec) {
    if (capturing()) {
      stack_.push_int64(v);
      return true;
    }
    return TopScalar(ec, StrCat(v), v == kVersion);
  }
  bool on_uint64(std::uint64_t v, json::string_view, json::error_code& ec) {
    if (capturing()) {
      stack_.push_uint64(v);
      return true;
    }
    return TopScalar(ec, StrCat(v), false);
  }
  bool on_double(double v, json::string_view, json::error_code& ec) {
    if (capturing()) {
      stack_.push_double(v);
      return true;
    }
    return TopScalar(ec, StrCat(v), false);
  }
  bool on_bool(bool v, json::error_code& ec) {
    if (capturing()) {
      stack_.push_bool(v);
      return true;
    }
    return TopScalar(ec, v ? "true" : "false", false);
  }
  bool on_null(json::error_code& ec) {
    if (capturing()) {
      stack_.push_null();
      return true;
    }
    return TopScalar(ec, "null", false);
  }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }

 private:
  bool capturing() const { return depth_ >= 3; }

  std::string_view SectionName() const {
    switch (section_) {
      case Section::kDistricts: return "districts";
      case Section::kStreets: return "streets";
      case Section::kOwners: return "owners";
      case Section::kEstates: return "estates";
      case Section::kNone: break;
    }
    return "";
  }
  std::string Where() const {
    if (depth_ == 2) return StrCat(SectionName(), "[", record_, "]");
    return key_.empty() ? std::string("document") : key_;
  }
  std::string Expected() const {
    if (depth_ == 0 || depth_ == 2) return "an object";
    if (key_ == "version") return StrCat("the number ", kVersion);
    if (key_ == "format") return StrCat("\"", kFormat, "\"");
    if (key_ == "name") return "a string";
    return "an array";
  }
  std::string Unexpected() const { return StrCat("expected ", Expected(), ", got an array"); }

  bool TopScalar(json::error_code& ec, std::string_view text, bool is_version) {
    if (depth_ == 1 && key_ == "version") {
      key_.clear();
      if (is_version) return true;
      return Fail(ec, absl::InvalidArgumentError(
                          StrCat("version: unsupported version ", text, " (this reader knows ",
                                 kVersion, ")")));
    }
    const std::string where = Where();
    const std::string expected = Expected();
    key_.clear();
    return Fail(ec, absl::InvalidArgumentError(
                        StrCat(where, ": expected ", expected, ", got ", text)));
  }

  bool Dispatch(json::error_code& ec) {
    json::value v = stack_.release();
    const json::object& o = v.get_object();
    absl::Status st;
    switch (section_) {
      case Section::kDistricts: st = reader_.District(o, record_); break;
      case Section::kStreets: st = reader_.Street(o, record_); break;
      case Section::kOwners: st = reader_.Owner(o, record_); break;
      case Section::kEstates: st = reader_.Estate(o, record_); break;
      case Section::kNone: break;
    }
    ++record_;
    if (!st.ok()) return Fail(ec, st);
    return true;
  }

  bool Fail(json::error_code& ec, absl::Status st) {
    status = std::move(st);
    ec = json::error::exception;  // stops the parser; `status` says why
    return false;
  }

  RecordReader reader_;
  internal::DuplicateKeys keys_;  // a repeated key is an error, not "the last one wins"
  std::string full_key_;
  json::value_stack stack_;
  std::string key_;     // current top-level key
  std::string scalar_;  // current top-level string
  int depth_ = 0;       // 1: top object, 2: inside a record array, >=3: inside a record
  Section section_ = Section::kNone;
  std::size_t record_ = 0;
};

class StreamingLoader {
 public:
  explicit StreamingLoader(const LoadOptions& options)
      : parser_(ParseOptions(), options.current_year != 0 ? options.current_year : CurrentYear()) {}

  // Feeds the next chunk; `last` marks the end of input.
  absl::Status Write(const char* data, std::size_t size, bool last) {
    json::error_code ec;
    std::size_t used = 0;
    while (true) {
      used = parser_.write_some(!last, data, size, ec);
      offset_ += used;
      if (ec || used == size) break;
      data += used;
      size -= used;
    }
    if (!ec) return absl::OkStatus();
    Handler& h = parser_.handler();
    if (!h.status.ok()) return h.status;
    return absl::InvalidArgumentError(internal::DescribeJsonError(
        std::string_view(data, size), used, ec, offset_ - used));
  }

  absl::StatusOr<Registry> Finish() && {
    Handler& h = parser_.handler();
    if (!h.saw_format) return absl::InvalidArgumentError("format: required field is missing");
    if (!h.saw_estates) return absl::InvalidArgumentError("estates: required field is missing");
    return std::move(h.reader()).Finish();
  }

 private:
  static json::parse_options ParseOptions() {
    json::parse_options o;
    o.max_depth = 64;
    return o;
  }
  json::basic_parser<Handler> parser_;
  std::size_t offset_ = 0;
};

}  // namespace

absl::StatusOr<Registry> LoadRegistryJson(std::string_view text, const LoadOptions& options) {
  StreamingLoader loader(options);
  if (auto st = loader.Write(text.data(), text.size(), true); !st.ok()) return st;
  return std::move(loader).Finish();
}

absl::StatusOr<Registry> LoadRegistryFile(const std::string& path, const LoadOptions& options) {
  absl::StatusOr<internal::InputFile> file = internal::InputFile::Open(path);
  if (!file.ok()) return file.status();
  StreamingLoader loader(options);
  std::vector<char> buffer(1 << 20);
  while (true) {
    absl::StatusOr<std::size_t> read = file->Read(buffer.data(), buffer.size());
    if (!read.ok()) return read.status();
    const std::size_t n = *read;
    const bool last = n == 0;
    if (auto st = loader.Write(buffer.data(), n, last); !st.ok()) {
      return absl::Status(st.code(), StrCat(path, ": ", st.message()));
    }
    if (last) break;
  }
  absl::StatusOr<Registry> r = std::move(loader).Finish();
  if (!r.ok()) return absl::Status(r.status().code(), StrCat(path, ": ", r.status().message()));
  return r;
}

absl::Status LoadRegistryFileInto(const std::string& path, Registry* registry,
                                  const LoadOptions& options) {
  absl::StatusOr<Registry> loaded = LoadRegistryFile(path, options);
  if (!loaded.ok()) return loaded.status();
  *registry = *std::move(loaded);
  return absl::OkStatus();
}

}  // namespace renewal
