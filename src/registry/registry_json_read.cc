// Streaming reader of the registry JSON format. The document is fed to Boost.JSON's
// basic_parser; the top level is walked by hand and each element of the record
// arrays (one district, street, owner or estate) is assembled as a json::value,
// converted into RegistryBuilder calls and dropped. Peak memory is the registry
// being built plus one estate.
#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <vector>

#include "boost/json/basic_parser_impl.hpp"
#include "renewal/base/json_fields.h"
#include "renewal/base/status_macros.h"
#include "renewal/registry/registry_json.h"

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
    RENEWAL_RETURN_IF_ERROR(f.String("id", true, &d.id));
    RENEWAL_RETURN_IF_ERROR(f.String("name", false, &d.name));
    RENEWAL_RETURN_IF_ERROR(f.NoUnknownFields());
    const std::string where = StrCat(path(), " ", Quoted(d.id));
    return WithPath(builder_.AddDistrict(std::move(d)), where);
  }

  absl::Status Street(const json::object& o, std::size_t i) {
    auto path = [&] { return StrCat("streets[", i, "]"); };
    Fields f(o, path);
    std::string id, name, district;
    RENEWAL_RETURN_IF_ERROR(f.String("id", true, &id));
    RENEWAL_RETURN_IF_ERROR(f.String("name", false, &name));
    RENEWAL_RETURN_IF_ERROR(f.String("district", true, &district));
    RENEWAL_RETURN_IF_ERROR(f.NoUnknownFields());
    const std::string where = StrCat(path(), " ", Quoted(id));
    return WithPath(builder_.AddStreet(std::move(id), std::move(name), district), where);
  }

  absl::Status Owner(const json::object& o, std::size_t i) {
    auto path = [&] { return StrCat("owners[", i, "]"); };
    Fields f(o, path);
    std::string id, name;
    std::optional<OwnerKind> kind;
    RENEWAL_RETURN_IF_ERROR(f.String("id", true, &id));
    RENEWAL_RETURN_IF_ERROR(f.String("name", false, &name));
    RENEWAL_RETURN_IF_ERROR(f.Enum("kind", &kind));
    RENEWAL_RETURN_IF_ERROR(f.NoUnknownFields());
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
    if (depth_ >= 3) {
      stack_.push_object(n);
      if (--depth_ == 2) return Dispatch(ec);
      return true;
    }
    depth_ = 0;  // end of document
    return true;
  }
  bool on_array_begin(json::error_code& ec) {
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
    if (capturing()) stack_.push_chars(s);
    else key_.append(s.data(), s.size());
    return true;
  }
  bool on_key(json::string_view s, std::size_t, json::error_code& ec) {
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
    RENEWAL_RETURN_IF_ERROR(h.status);
    if (ec == json::error::incomplete) {
      return absl::InvalidArgumentError(
          StrCat("malformed JSON at byte ", offset_, ": unexpected end of input"));
    }
    return absl::InvalidArgumentError(
        StrCat("malformed JSON at byte ", offset_, ": ", ec.message()));
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
  RENEWAL_RETURN_IF_ERROR(loader.Write(text.data(), text.size(), true));
  return std::move(loader).Finish();
}

absl::StatusOr<Registry> LoadRegistryFile(const std::string& path, const LoadOptions& options) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                        &std::fclose);
  if (!file) return absl::NotFoundError(StrCat(path, ": cannot open file"));
  StreamingLoader loader(options);
  std::vector<char> buffer(1 << 20);
  while (true) {
    const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), file.get());
    if (std::ferror(file.get())) return absl::DataLossError(StrCat(path, ": read error"));
    const bool last = n < buffer.size() && std::feof(file.get());
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
  RENEWAL_ASSIGN_OR_RETURN(Registry loaded, LoadRegistryFile(path, options));
  *registry = std::move(loaded);
  return absl::OkStatus();
}

}  // namespace renewal
