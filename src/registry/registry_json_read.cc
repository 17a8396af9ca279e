// Streaming reader of the registry JSON format. The document is fed to Boost.JSON's
// basic_parser; the top level is walked by hand and each element of the record
// arrays (one district, street, owner or estate) is staged from the parser's events
// in flat, reused buffers (registry_json_stage.h: no JSON value, no allocation per
// field), then checked and handed to the RegistryBuilder. Peak memory is the
// registry being built plus one estate.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "boost/json/basic_parser_impl.hpp"
#include "registry_json_records.h"
#include "registry_json_stage.h"
#include "renewal/base/json_parse.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/status_path.h"
#include "renewal/base/strcat.h"
#include "renewal/registry/registry_json.h"
#include "renewal/base/file.h"

namespace renewal {
namespace {

namespace json = boost::json;
using namespace registry_json_internal;  // the staged record types and field numbers

constexpr std::string_view kFormat = "renewal.registry";
constexpr std::int64_t kVersion = 1;

// --- the streaming top level ------------------------------------------------

enum class Section { kNone, kDistricts, kStreets, kOwners, kEstates };

// What an open object or array is, inside a record.
enum class Ctx : std::uint8_t {
  kDocument, kSection, kDistrict, kStreet, kOwner, kEstate, kFacilities, kHazards, kLocation,
  kConsents, kBuildings, kBuilding, kEntrances, kEntrance, kDwellings, kDwelling, kOwnerIds,
  kSkip,  // a value nobody reads (of an unknown field, or of the wrong type): only its keys are checked
};

// The keys an object of this kind knows (their index is the field number).
std::span<const std::string_view> KeysOf(Ctx ctx) {
  switch (ctx) {
    case Ctx::kDistrict: return kDistrictKeys;
    case Ctx::kStreet: return kStreetKeys;
    case Ctx::kOwner: return kOwnerKeys;
    case Ctx::kEstate: return kEstateKeys;
    case Ctx::kLocation: return kLocationKeys;
    case Ctx::kConsents: return kConsentKeys;
    case Ctx::kBuilding: return kBuildingKeys;
    case Ctx::kEntrance: return kEntranceKeys;
    case Ctx::kDwelling: return kDwellingKeys;
    default: return {};
  }
}

int Intern(std::span<const std::string_view> keys, std::string_view key) {
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == key) return static_cast<int>(i);
  }
  return -1;
}

// An open object or array. Frames live in a fixed array (the parser's depth limit
// bounds it) and are reused, so their buffers are allocated once.
struct Frame {
  Ctx ctx = Ctx::kSkip;
  bool object = false;
  std::uint32_t containers = 0;  // arrays: objects and arrays begun in it (for key paths)
  int field = -1;                // objects: the current key's field number, -1 if unknown
  std::string_view key;          // objects: the current key (for key paths)
  std::string key_store;         // holds `key` when it is not an interned name
  std::uint64_t seen = 0;        // interned keys met, by field number
  std::vector<std::string> other_keys;  // other keys met
  Val* fields = nullptr;         // the staged fields this object fills
  UnknownKey* unknown = nullptr;
  Range* range = nullptr;        // the children this array or object stages
};

// basic_parser handler: walks the top-level object by hand and stages each record
// of the four arrays (registry_json_stage.h) straight from the events; at the end
// of a record RecordReader checks it and feeds the builder.
class Handler {
 public:
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);
  static constexpr int kMaxDepth = 64;

  explicit Handler(int current_year) : reader_(current_year), frames_(kMaxDepth + 2) {}

  absl::Status status;  // first error found by the handler itself
  bool saw_format = false;
  bool saw_estates = false;
  RecordReader& reader() { return reader_; }

  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }

  bool on_object_begin(json::error_code& ec) {
    if (depth_ >= 3) {
      ++depth_;
      return BeginContainer(true, ec);
    }
    if (depth_ == 0) {  // the document
      Push(Ctx::kDocument, true);
      depth_ = 1;
      return true;
    }
    if (depth_ == 2 && section_ != Section::kNone) {  // a record
      arena_.clear();
      switch (section_) {
        case Section::kDistricts: small_ = {}; Push(Ctx::kDistrict, true, &small_.fields); break;
        case Section::kStreets: small_ = {}; Push(Ctx::kStreet, true, &small_.fields); break;
        case Section::kOwners: small_ = {}; Push(Ctx::kOwner, true, &small_.fields); break;
        case Section::kEstates: estate_.Clear(); Push(Ctx::kEstate, true, &estate_.fields); break;
        case Section::kNone: break;
      }
      depth_ = 3;
      return true;
    }
    return Fail(ec, absl::InvalidArgumentError(StrCat(key_, ": expected ", Expected())));
  }
  bool on_object_end(std::size_t, json::error_code& ec) {
    if (depth_ >= 3) {
      Frame& f = frames_[top_ - 1];
      if (f.range != nullptr) f.range->count = Staged(f.ctx) - f.range->first;
      --top_;
      if (--depth_ == 2) return Dispatch(ec);
      return true;
    }
    --top_;
    depth_ = 0;  // end of document
    return true;
  }
  bool on_array_begin(json::error_code& ec) {
    if (depth_ >= 3) {
      ++depth_;
      return BeginContainer(false, ec);
    }
    if (depth_ == 1) {
      if (key_ == "districts") section_ = Section::kDistricts;
      else if (key_ == "streets") section_ = Section::kStreets;
      else if (key_ == "owners") section_ = Section::kOwners;
      else if (key_ == "estates") section_ = Section::kEstates, saw_estates = true;
      else return Fail(ec, absl::InvalidArgumentError(StrCat(key_, ": ", Unexpected())));
      Push(Ctx::kSection, false);
      depth_ = 2;
      record_ = 0;
      return true;
    }
    return Fail(ec, absl::InvalidArgumentError(StrCat(Where(), ": expected ", Expected(),
                                                      ", got an array")));
  }
  bool on_array_end(std::size_t, json::error_code&) {
    Frame& f = frames_[top_ - 1];
    if (depth_ >= 3) {
      if (f.range != nullptr) f.range->count = Staged(f.ctx) - f.range->first;
      --top_;
      --depth_;
      return true;
    }
    --top_;
    section_ = Section::kNone;
    depth_ = 1;
    key_.clear();
    return true;
  }
  bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
    key_part_.append(s.data(), s.size());
    return true;
  }
  bool on_key(json::string_view s, std::size_t, json::error_code& ec) {
    std::string_view key(s.data(), s.size());
    if (!key_part_.empty()) {
      key_part_.append(key);
      key = key_part_;
    }
    const bool ok = Key(key, ec);
    key_part_.clear();
    return ok;
  }
  bool on_string_part(json::string_view s, std::size_t, json::error_code&) {
    if (depth_ >= 3) {
      if (!in_string_) string_begin_ = arena_.size(), in_string_ = true;
      arena_.append(s.data(), s.size());
    } else {
      scalar_.append(s.data(), s.size());
    }
    return true;
  }
  bool on_string(json::string_view s, std::size_t, json::error_code& ec) {
    if (depth_ >= 3) {
      if (!in_string_) string_begin_ = arena_.size();
      in_string_ = false;
      if (frames_[top_ - 1].ctx == Ctx::kSkip) {
        arena_.resize(string_begin_);
        return true;
      }
      arena_.append(s.data(), s.size());
      if (arena_.size() > UINT32_MAX) {
        return Fail(ec, absl::ResourceExhaustedError(
                            StrCat(SectionName(), "[", record_, "]: record exceeds 4 GiB")));
      }
      Val v;
      v.kind = Kind::kString;
      v.s = {static_cast<std::uint32_t>(string_begin_),
             static_cast<std::uint32_t>(arena_.size() - string_begin_)};
      Scalar(v);
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
    } else if (depth_ == 1 && key_ == "crs") {
      if (absl::Status st = reader_.CoordinateSystem(scalar_); !st.ok()) ok = Fail(ec, st);
    } else {
      ok = Fail(ec, absl::InvalidArgumentError(StrCat(Where(), ": expected ", Expected(),
                                                      ", got a string")));
    }
    scalar_.clear();
    key_.clear();
    return ok;
  }
  bool on_number_part(json::string_view, json::error_code&) { return true; }
  bool on_int64(std::int64_t n, json::string_view, json::error_code& ec) {
    if (depth_ >= 3) {
      Val v;
      v.kind = Kind::kInt64;
      v.i = n;
      Scalar(v);
      return true;
    }
    return TopScalar(ec, StrCat(n), n == kVersion);
  }
  bool on_uint64(std::uint64_t n, json::string_view, json::error_code& ec) {
    if (depth_ >= 3) {
      Val v;
      v.kind = Kind::kUint64;
      v.u = n;
      Scalar(v);
      return true;
    }
    return TopScalar(ec, StrCat(n), false);
  }
  bool on_double(double d, json::string_view, json::error_code& ec) {
    if (depth_ >= 3) {
      Val v;
      v.kind = Kind::kDouble;
      v.d = d;
      Scalar(v);
      return true;
    }
    return TopScalar(ec, StrCat(d), false);
  }
  bool on_bool(bool b, json::error_code& ec) {
    if (depth_ >= 3) {
      Val v;
      v.kind = Kind::kBool;
      v.b = b;
      Scalar(v);
      return true;
    }
    return TopScalar(ec, b ? "true" : "false", false);
  }
  bool on_null(json::error_code& ec) {
    if (depth_ >= 3) {
      Val v;
      v.kind = Kind::kNull;
      Scalar(v);
      return true;
    }
    return TopScalar(ec, "null", false);
  }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }

 private:
  template <std::size_t N>
  void Push(Ctx ctx, bool object, Fieldset<N>* fields, Range* range = nullptr) {
    Push(ctx, object, fields->f.data(), &fields->unknown, range);
  }
  void Push(Ctx ctx, bool object, Val* fields = nullptr, UnknownKey* unknown = nullptr,
            Range* range = nullptr) {
    if (top_ > 0 && !frames_[top_ - 1].object) ++frames_[top_ - 1].containers;
    Frame& f = frames_[top_++];
    f.ctx = ctx;
    f.object = object;
    f.containers = 0;
    f.field = -1;
    f.key = {};
    f.seen = 0;
    f.other_keys.clear();
    f.fields = fields;
    f.unknown = unknown;
    f.range = range;
  }

  // How many children the staging vector behind `ctx` holds.
  std::uint32_t Staged(Ctx ctx) const {
    switch (ctx) {
      case Ctx::kFacilities: return static_cast<std::uint32_t>(estate_.facility_items.size());
      case Ctx::kHazards: return static_cast<std::uint32_t>(estate_.hazard_values.size());
      case Ctx::kBuildings: return static_cast<std::uint32_t>(estate_.building_list.size());
      case Ctx::kEntrances: return static_cast<std::uint32_t>(estate_.entrance_list.size());
      case Ctx::kDwellings: return static_cast<std::uint32_t>(estate_.dwelling_list.size());
      case Ctx::kOwnerIds: return static_cast<std::uint32_t>(estate_.owner_ids.size());
      default: return 0;
    }
  }

  // A range of children starting now.
  Range* Open(Range* r, Ctx ctx) {
    r->first = Staged(ctx);
    r->count = 0;
    return r;
  }

  // An object (`object`) or array begins inside a record.
  bool BeginContainer(bool object, json::error_code& ec) {
    if (top_ + 1 >= static_cast<int>(frames_.size())) {
      return Fail(ec, absl::InvalidArgumentError("JSON nested too deeply"));
    }
    Frame& p = frames_[top_ - 1];
    Val v;
    v.kind = object ? Kind::kObject : Kind::kArray;
    StagedEstate& e = estate_;
    if (!p.object) {  // an element of an array
      switch (p.ctx) {
        case Ctx::kBuildings: {
          StagedBuilding& b = e.building_list.emplace_back();
          b.self = v;
          if (object) return Push(Ctx::kBuilding, true, &b.fields), true;
          break;
        }
        case Ctx::kEntrances: {
          StagedEntrance& n = e.entrance_list.emplace_back();
          n.self = v;
          if (object) return Push(Ctx::kEntrance, true, &n.fields), true;
          break;
        }
        case Ctx::kDwellings: {
          StagedDwelling& d = e.dwelling_list.emplace_back();
          d.self = v;
          if (object) return Push(Ctx::kDwelling, true, &d.fields), true;
          break;
        }
        case Ctx::kHazards: e.hazard_values.push_back(v); break;
        case Ctx::kOwnerIds: e.owner_ids.push_back(v); break;
        default: break;
      }
      Push(Ctx::kSkip, object);
      return true;
    }
    if (p.ctx == Ctx::kFacilities) {
      e.facility_items.back().value = v;
    } else if (p.ctx != Ctx::kSkip && p.field >= 0) {
      p.fields[p.field] = v;
      const int field = p.field;
      switch (p.ctx) {
        case Ctx::kEstate:
          if (object && field == kFacilities) {
            Push(Ctx::kFacilities, true, nullptr, nullptr, Open(&e.facilities, Ctx::kFacilities));
            return true;
          }
          if (!object && field == kSafetyHazards) {
            Push(Ctx::kHazards, false, nullptr, nullptr, Open(&e.hazards, Ctx::kHazards));
            return true;
          }
          if (object && field == kLocation) return Push(Ctx::kLocation, true, &e.location), true;
          if (object && field == kConsents) return Push(Ctx::kConsents, true, &e.consents), true;
          if (!object && field == kBuildings) {
            Push(Ctx::kBuildings, false, nullptr, nullptr, Open(&e.buildings, Ctx::kBuildings));
            return true;
          }
          break;
        case Ctx::kBuilding:
          if (!object && field == kEntrances) {
            Range* r = &e.building_list.back().entrances;
            Push(Ctx::kEntrances, false, nullptr, nullptr, Open(r, Ctx::kEntrances));
            return true;
          }
          break;
        case Ctx::kEntrance:
          if (!object && field == kDwellings) {
            Range* r = &e.entrance_list.back().dwellings;
            Push(Ctx::kDwellings, false, nullptr, nullptr, Open(r, Ctx::kDwellings));
            return true;
          }
          break;
        case Ctx::kDwelling:
          if (!object && field == kDwellingOwners) {
            Range* r = &e.dwelling_list.back().owners;
            Push(Ctx::kOwnerIds, false, nullptr, nullptr, Open(r, Ctx::kOwnerIds));
            return true;
          }
          break;
        default: break;
      }
    }
    Push(Ctx::kSkip, object);
    return true;
  }

  // A scalar inside a record.
  void Scalar(const Val& v) {
    Frame& p = frames_[top_ - 1];
    StagedEstate& e = estate_;
    if (p.object) {
      if (p.ctx == Ctx::kFacilities) {
        e.facility_items.back().value = v;
      } else if (p.ctx != Ctx::kSkip && p.field >= 0) {
        p.fields[p.field] = v;
      }
      return;
    }
    switch (p.ctx) {
      case Ctx::kBuildings: e.building_list.emplace_back().self = v; break;
      case Ctx::kEntrances: e.entrance_list.emplace_back().self = v; break;
      case Ctx::kDwellings: e.dwelling_list.emplace_back().self = v; break;
      case Ctx::kHazards: e.hazard_values.push_back(v); break;
      case Ctx::kOwnerIds: e.owner_ids.push_back(v); break;
      default: break;
    }
  }

  // A key of the innermost object: refused when repeated (never "the last one
  // wins"), interned, and remembered when the record does not know it.
  bool Key(std::string_view key, json::error_code& ec) {
    Frame& p = frames_[top_ - 1];
    const std::span<const std::string_view> known = KeysOf(p.ctx);
    const int field = Intern(known, key);
    bool repeated;
    if (field >= 0) {
      const std::uint64_t bit = std::uint64_t{1} << field;
      repeated = (p.seen & bit) != 0;
      p.seen |= bit;
      p.key = known[static_cast<std::size_t>(field)];
    } else {
      repeated = std::find(p.other_keys.begin(), p.other_keys.end(), key) != p.other_keys.end();
      if (!repeated) p.other_keys.emplace_back(key);
      p.key_store.assign(key);
      p.key = p.key_store;
    }
    if (repeated) {
      const std::string where = KeyPath();
      return Fail(ec, WithRecordPath(absl::InvalidArgumentError(
                                         StrCat("duplicate key \"", key, "\" in ", where)),
                                     top_ > 1 ? StrCat(where, ".", key) : std::string(key)));
    }
    p.field = field;
    if (depth_ >= 3) {
      if (field < 0 && p.unknown != nullptr && !p.unknown->any) {
        *p.unknown = {true, static_cast<std::uint32_t>(arena_.size()),
                      static_cast<std::uint32_t>(key.size())};
        arena_.append(key);
      }
      if (p.ctx == Ctx::kFacilities) {
        FacilityItem& item = estate_.facility_items.emplace_back();
        item.key_off = static_cast<std::uint32_t>(arena_.size());
        item.key_len = static_cast<std::uint32_t>(key.size());
        arena_.append(key);
      }
      return true;
    }
    key_.append(key);
    if (depth_ == 1) {
      if (key_ != "format" && key_ != "version" && key_ != "name" && key_ != "crs" &&
          key_ != "districts" && key_ != "streets" && key_ != "owners" && key_ != "estates") {
        return Fail(ec, absl::InvalidArgumentError(StrCat(key_, ": unknown field")));
      }
    }
    return true;
  }

  // The path of the innermost object, for a repeated key: `estates[0].buildings[1]`,
  // or `the document`.
  std::string KeyPath() const {
    std::string path = "the document";
    bool first = true;
    for (int i = 0; i + 1 < top_; ++i) {
      const Frame& f = frames_[i];
      if (f.object) {
        path = first ? std::string(f.key) : StrCat(path, ".", f.key);
      } else {
        path = StrCat(first ? "" : path, "[", f.containers - 1, "]");
      }
      first = false;
    }
    return path;
  }

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
    if (key_ == "crs") return "a coordinate system (GCJ-02, WGS-84 or CGCS2000)";
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
    absl::Status st;
    switch (section_) {
      case Section::kDistricts: st = reader_.District(small_, arena_, record_); break;
      case Section::kStreets: st = reader_.Street(small_, arena_, record_); break;
      case Section::kOwners: st = reader_.Owner(small_, arena_, record_); break;
      case Section::kEstates: st = reader_.Estate(estate_, arena_, record_); break;
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
  std::vector<Frame> frames_;  // fixed size: never reallocated (Frame::key may point into it)
  int top_ = 0;                // open frames
  std::string key_part_;       // a key split across input chunks
  std::string key_;            // current top-level key
  std::string scalar_;         // current top-level string
  int depth_ = 0;              // 1: top object, 2: inside a record array, >=3: inside a record
  Section section_ = Section::kNone;
  std::size_t record_ = 0;
  // The record being staged and its strings.
  StagedSmall small_;
  StagedEstate estate_;
  std::string arena_;
  std::size_t string_begin_ = 0;
  bool in_string_ = false;
};

// Record errors carry their record path for `--json` (renewal/base/status_path.h),
// attached where the record is checked (registry_json_records.cc) or by the builder.
// The document-level errors that have none ("format: ...", "estates[3]: expected an
// object") name no record ID, so their path is read off the message.
absl::Status WithPathFromMessage(absl::Status st) {
  if (st.ok() || RecordPathOf(st)) return st;
  const std::string_view m(st.message().data(), st.message().size());
  const std::size_t colon = m.find(": ");
  if (colon == std::string_view::npos) return st;
  const std::string path = RecordPathFromDescription(m.substr(0, colon));
  return WithRecordPath(std::move(st), path);
}

class StreamingLoader {
 public:
  explicit StreamingLoader(const LoadOptions& options)
      : parser_(ParseOptions(), options.current_year != 0 ? options.current_year : CurrentYear()) {}

  // Sizes the ID indexes for a document of `bytes` bytes. Growing them by doubling
  // re-hashes every ID about twice more (a fifth of a load's time). A canonical file
  // spends at least kBytesPerDwelling per dwelling (its definition and its owner's),
  // and generated cities have about 0.85 owners per dwelling (national: 25.2 M for
  // 29.6 M), so the estimates rarely exceed the table size the load needs anyway;
  // an underestimate only means the usual growth, and Finish gives back the unused.
  void ExpectBytes(std::uintmax_t bytes) {
    constexpr std::uintmax_t kBytesPerDwelling = 160;
    const std::size_t n = static_cast<std::size_t>(
        std::min<std::uintmax_t>(bytes / kBytesPerDwelling, UINT32_MAX));
    if (n < 4096) return;
    RegistryBuilder& b = parser_.handler().reader().builder();
    b.ReserveDwellings(n);
    b.ReserveOwners(n / 4 * 3);
  }

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
    if (!h.status.ok()) return WithPathFromMessage(h.status);
    return absl::InvalidArgumentError(internal::DescribeJsonError(
        std::string_view(data, size), used, ec, offset_ - used));
  }

  absl::StatusOr<Registry> Finish() && {
    Handler& h = parser_.handler();
    if (!h.saw_format) return absl::InvalidArgumentError("format: required field is missing");
    if (!h.saw_estates) return absl::InvalidArgumentError("estates: required field is missing");
    absl::StatusOr<Registry> r = std::move(h.reader()).Finish();
    if (!r.ok()) return WithPathFromMessage(r.status());
    return r;
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
  loader.ExpectBytes(text.size());
  RENEWAL_RETURN_IF_ERROR(loader.Write(text.data(), text.size(), true));
  return std::move(loader).Finish();
}

absl::StatusOr<Registry> LoadRegistryFile(const std::string& path, const LoadOptions& options) {
  absl::StatusOr<internal::InputFile> file = internal::InputFile::Open(path);
  if (!file.ok()) return file.status();
  StreamingLoader loader(options);
  std::error_code size_error;
  const std::uintmax_t bytes = std::filesystem::file_size(path, size_error);
  if (!size_error) loader.ExpectBytes(bytes);
  std::vector<char> buffer(1 << 20);
  while (true) {
    absl::StatusOr<std::size_t> read = file->Read(buffer.data(), buffer.size());
    if (!read.ok()) return read.status();
    const std::size_t n = *read;
    const bool last = n == 0;
    if (auto st = loader.Write(buffer.data(), n, last); !st.ok()) {
      return internal::Prefixed(st, path);
    }
    if (last) break;
  }
  absl::StatusOr<Registry> r = std::move(loader).Finish();
  if (!r.ok()) return internal::Prefixed(r.status(), path);
  return r;
}

absl::Status LoadRegistryFileInto(const std::string& path, Registry* registry,
                                  const LoadOptions& options) {
  RENEWAL_ASSIGN_OR_RETURN(Registry loaded, LoadRegistryFile(path, options));
  *registry = std::move(loaded);
  return absl::OkStatus();
}

}  // namespace renewal
