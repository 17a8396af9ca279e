// The snapshot reader: sections are checked (name, type, length, CRC-32) and copied
// into the registry's columns in bulk; then every value is checked as the builder
// checks it (docs/snapshot.md "Loading"), since a checksum only catches accidents,
// not a crafted file. Errors name the section, and the row and ID where there is one.
#include <algorithm>
#include <bit>
#include <limits>
#include <cmath>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "registry_indexes.h"
#include "registry_persons.h"
#include "unique_strings.h"
#include "renewal/base/ids.h"
#include "renewal/base/journal.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"
#include "renewal/registry/snapshot.h"
#include "snapshot_format.h"
#include "snapshot_utf8.h"

namespace renewal {

using namespace snapshot_internal;

namespace {

template <class T>
T GetLe(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}

std::string Quote(std::string_view s) { return StrCat("\"", s, "\""); }

}  // namespace

class SnapshotReader {
 public:
  SnapshotReader(std::string_view data, const LoadOptions& options)
      : data_(data), year_(options.current_year != 0 ? options.current_year : CurrentYear()) {}

  absl::StatusOr<Registry> Read() {
    RENEWAL_RETURN_IF_ERROR(Header());
    RENEWAL_RETURN_IF_ERROR(Areas());
    RENEWAL_RETURN_IF_ERROR(Estates());
    RENEWAL_RETURN_IF_ERROR(Buildings());
    RENEWAL_RETURN_IF_ERROR(Entrances());
    RENEWAL_RETURN_IF_ERROR(Dwellings());
    RENEWAL_RETURN_IF_ERROR(Owners());
    if (pos_ != data_.size()) {
      return absl::InvalidArgumentError(
          StrCat("snapshot: ", data_.size() - pos_, " bytes after the last section"));
    }
    RENEWAL_RETURN_IF_ERROR(Indexes());
    Derive();
    return std::move(r_);
  }

 private:
  // ---- sections -----------------------------------------------------------

  absl::Status Header() {
    if (data_.size() < kMagic.size() ||
        std::memcmp(data_.data(), kMagic.data(), kMagic.size()) != 0) {
      return absl::InvalidArgumentError("header: not a registry snapshot (no magic number)");
    }
    if (data_.size() < kHeaderBytes) {
      return absl::DataLossError(StrCat("header: truncated (", data_.size(), " of ",
                                        kHeaderBytes, " bytes)"));
    }
    const auto version = GetLe<std::uint32_t>(data_.data() + 8);
    if (version != kSnapshotVersion) {
      return absl::InvalidArgumentError(StrCat("header: snapshot version ", version,
                                               ", this build reads version ", kSnapshotVersion));
    }
    const auto stored = GetLe<std::uint32_t>(data_.data() + 80);
    const std::uint32_t crc = internal::Crc32(data_.substr(0, 80));
    if (stored != crc) return absl::DataLossError("header: checksum mismatch");
    if (GetLe<std::uint32_t>(data_.data() + 84) != 0) {
      return absl::DataLossError("header: reserved bytes are not zero");
    }
    const auto sections = GetLe<std::uint32_t>(data_.data() + 12);
    if (sections != kSectionNames.size()) {
      return absl::InvalidArgumentError(StrCat("header: ", sections, " sections, version ",
                                               kSnapshotVersion, " has ", kSectionNames.size()));
    }
    for (std::size_t k = 0; k < kCountKinds; ++k) {
      count_[k] = GetLe<std::uint64_t>(data_.data() + 16 + 8 * k);
      // Rows are numbered with 32-bit Index, kNoIndex reserved.
      if (count_[k] >= kNoIndex) {
        return absl::InvalidArgumentError(
            StrCat("header: ", count_[k], " ", kCountNames[k], ", more than an index can number"));
      }
    }
    pos_ = kHeaderBytes;
    return absl::OkStatus();
  }

  // The next section's payload, after checking that it is `name` of `type` with
  // `count` elements, whole, and that its checksum matches.
  absl::StatusOr<std::string_view> Next(std::string_view name, Type type, std::uint64_t count) {
    if (kSectionNames[next_] != name) std::abort();  // the reader's own order is wrong
    ++next_;
    const std::string where = StrCat("section ", Quote(name));
    if (data_.size() - pos_ < kSectionHeaderBytes) {
      return absl::DataLossError(StrCat(where, ": truncated (the file ends in its header)"));
    }
    const char* h = data_.data() + pos_;
    const std::string_view stored_name(h, strnlen(h, kNameBytes));
    const std::string_view field(h, kNameBytes);  // the name, then zeros only
    if (stored_name != name ||
        field.find_first_not_of('\0', name.size()) != std::string_view::npos) {
      return absl::InvalidArgumentError(
          StrCat(where, ": found section ", Quote(stored_name), " in its place"));
    }
    const auto stored_type = GetLe<std::uint32_t>(h + kNameBytes);
    const auto crc = GetLe<std::uint32_t>(h + kNameBytes + 4);
    const auto stored_count = GetLe<std::uint64_t>(h + kNameBytes + 8);
    const auto bytes = GetLe<std::uint64_t>(h + kNameBytes + 16);
    if (stored_type != static_cast<std::uint32_t>(type)) {
      return absl::InvalidArgumentError(StrCat(where, ": type ", stored_type, ", expected ",
                                               static_cast<std::uint32_t>(type), " (",
                                               TypeName(type), ")"));
    }
    if (stored_count != count) {
      return absl::InvalidArgumentError(
          StrCat(where, ": ", stored_count, " elements, expected ", count));
    }
    pos_ += kSectionHeaderBytes;
    const std::uint64_t left = data_.size() - pos_;
    const std::uint64_t padded = bytes + (kAlign - bytes % kAlign) % kAlign;
    if (bytes > left || padded > left) {
      return absl::DataLossError(StrCat(where, ": truncated (", bytes, " payload bytes, ",
                                        left, " left in the file)"));
    }
    const std::string_view payload = data_.substr(pos_, bytes);
    for (std::size_t i = bytes; i < padded; ++i) {
      if (data_[pos_ + i] != '\0') {
        return absl::DataLossError(StrCat(where, ": padding is not zero"));
      }
    }
    if (internal::Crc32(payload) != crc) {
      return absl::DataLossError(StrCat(where, ": checksum mismatch"));
    }
    pos_ += padded;
    return payload;
  }

  template <class T>
  absl::Status Column(std::string_view name, std::uint64_t count, std::vector<T>* out) {
    RENEWAL_ASSIGN_OR_RETURN(std::string_view payload, Next(name, TypeOf<T>(), count));
    if (payload.size() != count * sizeof(T)) {
      return absl::InvalidArgumentError(StrCat("section ", Quote(name), ": ", payload.size(),
                                               " bytes for ", count, " elements of ",
                                               sizeof(T)));
    }
    out->resize(count);
    if (count > 0) std::memcpy(out->data(), payload.data(), payload.size());
    return absl::OkStatus();
  }

  template <class E>
  absl::Status Labels(std::string_view name, std::uint64_t count, std::vector<E>* out) {
    RENEWAL_RETURN_IF_ERROR(Column(name, count, out));
    for (std::size_t i = 0; i < out->size(); ++i) {
      if (static_cast<std::size_t>((*out)[i]) >= LabelCount<E>()) {
        return Bad(name, i, StrCat("no label numbered ", static_cast<int>((*out)[i])));
      }
    }
    return absl::OkStatus();
  }

  absl::Status Tri(std::string_view name, std::uint64_t count, std::vector<std::uint8_t>* out) {
    RENEWAL_RETURN_IF_ERROR(Column(name, count, out));
    for (std::size_t i = 0; i < out->size(); ++i) {
      if ((*out)[i] > kAbsentBool) {
        return Bad(name, i, StrCat("expected 0, 1 or 2 (not surveyed), got ", (*out)[i]));
      }
    }
    return absl::OkStatus();
  }

  // A strings section; every row valid UTF-8 (as the JSON reader requires).
  absl::Status Strings(std::string_view name, std::uint64_t count, StringColumn* out) {
    RENEWAL_ASSIGN_OR_RETURN(std::string_view payload, Next(name, Type::kStrings, count));
    if (payload.size() / 4 < count) {
      return absl::InvalidArgumentError(StrCat("section ", Quote(name), ": ", payload.size(),
                                               " bytes cannot hold ", count, " row ends"));
    }
    std::vector<std::uint32_t> ends(count);
    if (count > 0) std::memcpy(ends.data(), payload.data(), count * 4);
    const std::string_view chars = payload.substr(count * 4);
    std::uint32_t begin = 0;
    for (std::size_t i = 0; i < count; ++i) {
      if (ends[i] < begin || ends[i] > chars.size()) {
        return Bad(name, i, StrCat("row end ", ends[i], " out of order or past the ",
                                   chars.size(), " bytes"));
      }
      begin = ends[i];
    }
    if (begin != chars.size()) {
      return absl::InvalidArgumentError(StrCat("section ", Quote(name), ": ",
                                               chars.size() - begin, " bytes after the last row"));
    }
    if (!internal::IsValidUtf8(chars)) {
      // Find the row, for the message (only on error).
      std::uint32_t b = 0;
      for (std::size_t i = 0; i < count; ++i) {
        if (!internal::IsValidUtf8(chars.substr(b, ends[i] - b))) {
          return Bad(name, i, "not valid UTF-8");
        }
        b = ends[i];
      }
    }
    // The buffer as a whole being UTF-8 is not enough: a row may end inside a
    // character that the next row completes. Each row starts on a character.
    for (std::size_t i = 0; i + 1 < count; ++i) {
      if (ends[i] < chars.size() &&
          (static_cast<unsigned char>(chars[ends[i]]) & 0xC0) == 0x80) {
        return Bad(name, i, "not valid UTF-8 (ends inside a character)");
      }
    }
    *out = StringColumn::FromParts(std::string(chars), std::move(ends));
    return absl::OkStatus();
  }

  // ---- checks ---------------------------------------------------------------

  static absl::Status Bad(std::string_view section, std::size_t row, std::string_view message,
                          std::string_view id = {}) {
    return absl::InvalidArgumentError(StrCat("section ", Quote(section), " row ", row,
                                             id.empty() ? "" : StrCat(" ", Quote(id)), ": ",
                                             message));
  }
  static absl::Status Duplicate(std::string_view section, std::size_t row, std::string_view what,
                                std::string_view id) {
    return absl::AlreadyExistsError(StrCat("section ", Quote(section), " row ", row,
                                           ": duplicate ", what, " id ", Quote(id)));
  }
  // CheckId's verdict, placed.
  static absl::Status Id(std::string_view section, std::size_t row, std::string_view id) {
    absl::Status s = CheckId(id);
    if (!s.ok()) return Bad(section, row, ToStd(s.message()), id);
    return absl::OkStatus();
  }

  absl::Status Year(std::string_view section, std::size_t row, std::string_view id,
                    std::int32_t v, bool allow_never, int latest) const {
    if (v == kAbsentInt || (allow_never && v == kNever)) return absl::OkStatus();
    if (v < kEarliestBuildYear || v > latest) {
      return Bad(section, row,
                 StrCat("must be between ", kEarliestBuildYear, " and ", latest, ", got ", v), id);
    }
    return absl::OkStatus();
  }
  static absl::Status Floors(std::string_view section, std::size_t row, std::string_view id,
                             std::int32_t v) {
    if (v != kAbsentInt && (v < 1 || v > 120)) {
      return Bad(section, row, StrCat("must be between 1 and 120, got ", v), id);
    }
    return absl::OkStatus();
  }
  // "Absent" for f64 facts is the one NaN the writer writes, so that what loads
  // writes back the same bytes; any other NaN is refused.
  static bool Absent(double v) {
    return std::bit_cast<std::uint64_t>(v) ==
           std::bit_cast<std::uint64_t>(std::numeric_limits<double>::quiet_NaN());
  }
  static std::optional<int> Opt(std::int32_t v) {
    return v == kAbsentInt ? std::nullopt : std::optional<int>(v);
  }
  static std::optional<bool> Opt(std::uint8_t v) {
    return v == kAbsentBool ? std::nullopt : std::optional<bool>(v == kTrue);
  }

  // Rows counted per parent: `counts` (each > 0 when `nonempty`) must add up to
  // `total`; returns each parent's first row in *first (one extra entry: total).
  static absl::Status Ranges(std::string_view section, const std::vector<Index>& counts,
                             std::uint64_t total, bool nonempty, std::string_view empty_message,
                             std::vector<Index>* first) {
    first->resize(counts.size() + 1);
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
      if (nonempty && counts[i] == 0) return Bad(section, i, empty_message);
      (*first)[i] = static_cast<Index>(sum);
      sum += counts[i];
      if (sum > total) {
        return Bad(section, i, StrCat("the counts so far add up to ", sum, ", more than the ",
                                      total, " rows"));
      }
    }
    if (sum != total) {
      return absl::InvalidArgumentError(StrCat("section ", Quote(section), ": the counts add up to ",
                                               sum, ", not the ", total, " rows"));
    }
    first->back() = static_cast<Index>(total);
    return absl::OkStatus();
  }

  // ---- the tables ------------------------------------------------------------

  absl::Status Areas() {
    std::vector<CoordinateSystem> crs;
    RENEWAL_RETURN_IF_ERROR(Labels("registry.crs", 1, &crs));
    r_.coordinate_system_ = crs[0];
    StringColumn ids, names;
    RENEWAL_RETURN_IF_ERROR(Strings("district.id", count_[kDistricts], &ids));
    RENEWAL_RETURN_IF_ERROR(Strings("district.name", count_[kDistricts], &names));
    for (std::size_t i = 0; i < ids.size(); ++i) {
      RENEWAL_RETURN_IF_ERROR(Id("district.id", i, ids[i]));
      r_.districts_.push_back(District{std::string(ids[i]), std::string(names[i])});
      if (!r_.indexes_->district.try_emplace(std::string(ids[i]), static_cast<Index>(i)).second) {
        return Duplicate("district.id", i, "district", ids[i]);
      }
    }
    std::vector<Index> district;
    RENEWAL_RETURN_IF_ERROR(Strings("street.id", count_[kStreets], &ids));
    RENEWAL_RETURN_IF_ERROR(Strings("street.name", count_[kStreets], &names));
    RENEWAL_RETURN_IF_ERROR(Column("street.district", count_[kStreets], &district));
    for (std::size_t i = 0; i < ids.size(); ++i) {
      RENEWAL_RETURN_IF_ERROR(Id("street.id", i, ids[i]));
      if (district[i] >= r_.districts_.size()) {
        return Bad("street.district", i, StrCat("no district numbered ", district[i]), ids[i]);
      }
      r_.streets_.push_back(Street{std::string(ids[i]), std::string(names[i]), district[i]});
      if (!r_.indexes_->street.try_emplace(std::string(ids[i]), static_cast<Index>(i)).second) {
        return Duplicate("street.id", i, "street", ids[i]);
      }
    }
    return absl::OkStatus();
  }

  absl::Status Estates() {
    const std::uint64_t n = count_[kEstates];
    StringColumn ids, names;
    std::vector<Index> district, street, building_count;
    std::vector<std::int32_t> build_year, floors, hazard_count, demolition, renovation;
    std::vector<Structure> structure;
    std::vector<std::uint8_t> elevator, committee, self_governance, shantytown, urban_village,
        self_built, consent[4];
    std::vector<Condition> facilities;
    std::vector<Hazard> hazards;
    std::vector<IllegalStructures> illegal;
    std::vector<ManagementMode> mode;
    std::vector<double> willingness, lon, lat;
    RENEWAL_RETURN_IF_ERROR(Strings("estate.id", n, &ids));
    RENEWAL_RETURN_IF_ERROR(Strings("estate.name", n, &names));
    RENEWAL_RETURN_IF_ERROR(Column("estate.district", n, &district));
    RENEWAL_RETURN_IF_ERROR(Column("estate.street", n, &street));
    RENEWAL_RETURN_IF_ERROR(Column("estate.building_count", n, &building_count));
    RENEWAL_RETURN_IF_ERROR(Column("estate.build_year", n, &build_year));
    RENEWAL_RETURN_IF_ERROR(Labels("estate.structure", n, &structure));
    RENEWAL_RETURN_IF_ERROR(Column("estate.floors", n, &floors));
    RENEWAL_RETURN_IF_ERROR(Tri("estate.elevator", n, &elevator));
    RENEWAL_RETURN_IF_ERROR(Labels("estate.facilities", n * kFacilityCount, &facilities));
    RENEWAL_RETURN_IF_ERROR(Column("estate.hazard_count", n, &hazard_count));
    std::uint64_t hazard_total = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (hazard_count[i] < kHazardsNotSurveyed) {
        return Bad("estate.hazard_count", i, StrCat("expected -1 (not surveyed) or a count, got ",
                                                    hazard_count[i]), ids[i]);
      }
      if (hazard_count[i] > 0) hazard_total += static_cast<std::uint64_t>(hazard_count[i]);
    }
    RENEWAL_RETURN_IF_ERROR(Labels("estate.hazards", hazard_total, &hazards));
    RENEWAL_RETURN_IF_ERROR(Labels("estate.illegal_structures", n, &illegal));
    RENEWAL_RETURN_IF_ERROR(Tri("estate.owners_committee", n, &committee));
    RENEWAL_RETURN_IF_ERROR(Tri("estate.self_governance_group", n, &self_governance));
    RENEWAL_RETURN_IF_ERROR(Labels("estate.management_mode", n, &mode));
    RENEWAL_RETURN_IF_ERROR(Column("estate.willingness_pct", n, &willingness));
    RENEWAL_RETURN_IF_ERROR(Column("estate.lon", n, &lon));
    RENEWAL_RETURN_IF_ERROR(Column("estate.lat", n, &lat));
    RENEWAL_RETURN_IF_ERROR(Tri("estate.shantytown_plan", n, &shantytown));
    RENEWAL_RETURN_IF_ERROR(Column("estate.demolition_plan_year", n, &demolition));
    RENEWAL_RETURN_IF_ERROR(Column("estate.last_renovation_year", n, &renovation));
    RENEWAL_RETURN_IF_ERROR(Tri("estate.urban_village", n, &urban_village));
    RENEWAL_RETURN_IF_ERROR(Tri("estate.mostly_self_built", n, &self_built));
    RENEWAL_RETURN_IF_ERROR(Tri("estate.consent_remove_illegal", n, &consent[0]));
    RENEWAL_RETURN_IF_ERROR(Tri("estate.consent_property_mgmt", n, &consent[1]));
    RENEWAL_RETURN_IF_ERROR(Tri("estate.consent_fund_top_up", n, &consent[2]));
    RENEWAL_RETURN_IF_ERROR(Tri("estate.consent_entrust_public", n, &consent[3]));
    RENEWAL_RETURN_IF_ERROR(Ranges("estate.building_count", building_count, count_[kBuildings],
                                   true, "estate has no buildings", &estate_first_building_));

    r_.estates_.resize(n);
    std::size_t hazard = 0;
    for (std::size_t i = 0; i < n; ++i) {
      Estate& e = r_.estates_[i];
      const std::string_view id = ids[i];
      RENEWAL_RETURN_IF_ERROR(Id("estate.id", i, id));
      e.id = id;
      e.name = names[i];
      if (district[i] >= r_.districts_.size()) {
        return Bad("estate.district", i, StrCat("no district numbered ", district[i]), id);
      }
      e.district = district[i];
      if (street[i] != kNoIndex) {
        if (street[i] >= r_.streets_.size()) {
          return Bad("estate.street", i, StrCat("no street numbered ", street[i]), id);
        }
        if (r_.streets_[street[i]].district != district[i]) {
          return Bad("estate.street", i,
                     StrCat("street ", Quote(r_.streets_[street[i]].id), " belongs to district ",
                            Quote(r_.districts_[r_.streets_[street[i]].district].id), ", not ",
                            Quote(r_.districts_[district[i]].id)),
                     id);
        }
      }
      e.street = street[i];
      e.first_building = estate_first_building_[i];
      e.building_count = building_count[i];
      EstateFacts& f = e.facts;
      RENEWAL_RETURN_IF_ERROR(Year("estate.build_year", i, id, build_year[i], false, year_));
      f.build_year = Opt(build_year[i]);
      f.structure = structure[i];
      RENEWAL_RETURN_IF_ERROR(Floors("estate.floors", i, id, floors[i]));
      f.floors = Opt(floors[i]);
      f.has_elevator = Opt(elevator[i]);
      std::copy_n(facilities.begin() + static_cast<std::ptrdiff_t>(i * kFacilityCount),
                  kFacilityCount, f.facilities.begin());
      if (hazard_count[i] >= 0) {
        const auto first = hazards.begin() + static_cast<std::ptrdiff_t>(hazard);
        f.safety_hazards.emplace(first, first + hazard_count[i]);
        hazard += static_cast<std::size_t>(hazard_count[i]);
      }
      f.illegal_structures = illegal[i];
      f.owners_committee = Opt(committee[i]);
      f.self_governance_group = Opt(self_governance[i]);
      f.management_mode = mode[i];
      if (!Absent(willingness[i])) {
        if (!(willingness[i] >= 0 && willingness[i] <= 100)) {
          return Bad("estate.willingness_pct", i,
                     StrCat("must be between 0 and 100, got ", willingness[i]), id);
        }
        f.willingness_pct = willingness[i];
      }
      if (!Absent(lon[i]) || !Absent(lat[i])) {
        if (!(lon[i] >= -180 && lon[i] <= 180 && lat[i] >= -90 && lat[i] <= 90)) {
          return Bad("estate.lon", i, StrCat("lon/lat out of range, got [", lon[i], ", ",
                                             lat[i], "]"), id);
        }
        f.location = Location{lon[i], lat[i]};
      }
      f.in_shantytown_plan = Opt(shantytown[i]);
      RENEWAL_RETURN_IF_ERROR(Year("estate.demolition_plan_year", i, id, demolition[i], true, 2200));
      f.demolition_plan_year = Opt(demolition[i]);
      RENEWAL_RETURN_IF_ERROR(Year("estate.last_renovation_year", i, id, renovation[i], true, year_));
      f.last_renovation_year = Opt(renovation[i]);
      f.urban_village = Opt(urban_village[i]);
      f.mostly_self_built = Opt(self_built[i]);
      f.consent_remove_illegal = Opt(consent[0][i]);
      f.consent_property_management = Opt(consent[1][i]);
      f.consent_fund_top_up = Opt(consent[2][i]);
      f.consent_entrust_public_resources = Opt(consent[3][i]);
      if (!r_.indexes_->estate.try_emplace(e.id, static_cast<Index>(i)).second) {
        return Duplicate("estate.id", i, "estate", id);
      }
    }
    return absl::OkStatus();
  }

  absl::Status Buildings() {
    const std::uint64_t n = count_[kBuildings];
    StringColumn ids, names;
    std::vector<std::int32_t> floors, build_year;
    std::vector<std::uint8_t> elevator;
    std::vector<Index> entrance_count;
    RENEWAL_RETURN_IF_ERROR(Strings("building.id", n, &ids));
    RENEWAL_RETURN_IF_ERROR(Strings("building.name", n, &names));
    RENEWAL_RETURN_IF_ERROR(Column("building.floors", n, &floors));
    RENEWAL_RETURN_IF_ERROR(Tri("building.elevator", n, &elevator));
    RENEWAL_RETURN_IF_ERROR(Column("building.build_year", n, &build_year));
    RENEWAL_RETURN_IF_ERROR(Column("building.entrance_count", n, &entrance_count));
    RENEWAL_RETURN_IF_ERROR(Ranges("building.entrance_count", entrance_count, count_[kEntrances],
                                   true, "building has no entrances", &building_first_entrance_));
    r_.buildings_.resize(n);
    Index estate = 0;
    for (std::size_t i = 0; i < n; ++i) {
      while (estate_first_building_[estate + 1] <= i) ++estate;  // every estate has one
      Building& b = r_.buildings_[i];
      const std::string_view id = ids[i];
      RENEWAL_RETURN_IF_ERROR(Id("building.id", i, id));
      b.id = id;
      b.name = names[i];
      b.estate = estate;
      RENEWAL_RETURN_IF_ERROR(Floors("building.floors", i, id, floors[i]));
      b.floors = Opt(floors[i]);
      b.has_elevator = Opt(elevator[i]);
      RENEWAL_RETURN_IF_ERROR(Year("building.build_year", i, id, build_year[i], false, year_));
      b.build_year = Opt(build_year[i]);
      b.first_entrance = building_first_entrance_[i];
      b.entrance_count = entrance_count[i];
      if (!r_.indexes_->building.try_emplace(b.id, static_cast<Index>(i)).second) {
        return Duplicate("building.id", i, "building", id);
      }
    }
    return absl::OkStatus();
  }

  absl::Status Entrances() {
    const std::uint64_t n = count_[kEntrances];
    std::vector<Index> dwelling_count;
    RENEWAL_RETURN_IF_ERROR(Strings("entrance.id", n, &r_.entrance_id_));
    RENEWAL_RETURN_IF_ERROR(Column("entrance.dwelling_count", n, &dwelling_count));
    RENEWAL_RETURN_IF_ERROR(Ranges("entrance.dwelling_count", dwelling_count, count_[kDwellings],
                                   false, "", &r_.entrance_first_dwelling_));
    r_.entrance_building_.resize(n);
    for (Index b = 0; b < r_.buildings_.size(); ++b) {
      const Building& building = r_.buildings_[b];
      for (Index e = building.first_entrance; e < building.first_entrance + building.entrance_count;
           ++e) {
        r_.entrance_building_[e] = b;
        RENEWAL_RETURN_IF_ERROR(Id("entrance.id", e, r_.entrance_id_[e]));
        for (Index k = building.first_entrance; k < e; ++k) {  // a few per building
          if (r_.entrance_id_[k] == r_.entrance_id_[e]) {
            return Duplicate("entrance.id", e, "entrance", r_.entrance_id_[e]);
          }
        }
      }
    }
    for (Index e = 0; e < r_.estates_.size(); ++e) {
      const Estate& estate = r_.estates_[e];
      const Index first = building_first_entrance_[estate.first_building];
      const Index end = building_first_entrance_[estate.first_building + estate.building_count];
      if (r_.entrance_first_dwelling_[first] == r_.entrance_first_dwelling_[end]) {
        return Bad("entrance.dwelling_count", first, "estate has no dwellings", estate.id);
      }
    }
    return absl::OkStatus();
  }

  absl::Status Dwellings() {
    const std::uint64_t n = count_[kDwellings];
    DwellingColumns& c = r_.dwellings_;
    RENEWAL_RETURN_IF_ERROR(Strings("dwelling.id", n, &r_.indexes_->dwelling.mutable_column()));
    RENEWAL_RETURN_IF_ERROR(Column("dwelling.area_centi", n, &c.area_centi));
    RENEWAL_RETURN_IF_ERROR(Labels("dwelling.area_source", n, &c.area_source));
    RENEWAL_RETURN_IF_ERROR(Labels("dwelling.property_type", n, &c.property_type));
    RENEWAL_RETURN_IF_ERROR(Labels("dwelling.sale_state", n, &c.sale_state));
    RENEWAL_RETURN_IF_ERROR(Column("dwelling.floor", n, &c.floor));
    RENEWAL_RETURN_IF_ERROR(Column("dwelling.owner", n, &c.owner));
    std::vector<Index> co_dwelling, co_owner;
    RENEWAL_RETURN_IF_ERROR(Column("co_owner.dwelling", count_[kCoOwners], &co_dwelling));
    RENEWAL_RETURN_IF_ERROR(Column("co_owner.owner", count_[kCoOwners], &co_owner));

    c.entrance.resize(n);
    for (Index e = 0; e < r_.entrance_building_.size(); ++e) {
      std::fill(c.entrance.begin() + r_.entrance_first_dwelling_[e],
                c.entrance.begin() + r_.entrance_first_dwelling_[e + 1], e);
    }
    const std::uint64_t owners = count_[kOwners];
    for (std::size_t i = 0; i < n; ++i) {
      RENEWAL_RETURN_IF_ERROR(DwellingId(i));
      if (c.area_centi[i] == 0 || c.area_centi[i] > kMaxDwellingAreaCenti) {
        return Bad("dwelling.area_centi", i,
                   StrCat("exclusive_area_m2 must be > 0 and <= 10000, got ",
                          Area::Centi(c.area_centi[i]).ToString()));
      }
      if (c.floor[i] < -5 || c.floor[i] > 120) {
        return Bad("dwelling.floor", i, StrCat("must be between -5 and 120, got ", c.floor[i]));
      }
      if (c.owner[i] == kNoIndex) {
        if (c.property_type[i] != PropertyType::kOwnerless) {
          return Bad("dwelling.owner", i,
                     "must name at least one owner unless property_type is ownerless");
        }
      } else if (c.owner[i] >= owners) {
        return Bad("dwelling.owner", i, StrCat("no owner numbered ", c.owner[i]));
      }
    }
    // Co-owners: sorted pairs, no repeat, at most 8 owners in all, never the first owner.
    c.co_owners.resize(co_dwelling.size());
    std::size_t run = 0;
    for (std::size_t k = 0; k < co_dwelling.size(); ++k) {
      const Index d = co_dwelling[k], o = co_owner[k];
      if (d >= n) return Bad("co_owner.dwelling", k, StrCat("no dwelling numbered ", d));
      if (o >= owners) return Bad("co_owner.owner", k, StrCat("no owner numbered ", o));
      if (k > 0 && std::pair(co_dwelling[k - 1], co_owner[k - 1]) >= std::pair(d, o)) {
        return Bad("co_owner.dwelling", k, "pairs must be sorted by dwelling and owner, each once");
      }
      run = k > 0 && co_dwelling[k - 1] == d ? run + 1 : 1;
      if (run > 7) return Bad("co_owner.dwelling", k, "at most 8 co-owners");
      if (c.owner[d] == kNoIndex || c.owner[d] == o) {
        return Bad("co_owner.owner", k,
                   c.owner[d] == kNoIndex ? "dwelling has no first owner" : "owner listed twice");
      }
      c.co_owners[k] = {d, o};
    }
    return absl::OkStatus();
  }

  // A dwelling's stored ID: the full ID, or DwellingIds::kRoomMark and its room, exactly as the
  // builder stores it (dwelling_ids.h): a compressed row's entrance ID and room
  // contain no '-', and an ID stored whole is one that does not compress.
  absl::Status DwellingId(std::size_t i) {
    const DwellingIds& ids = r_.indexes_->dwelling;
    const std::string_view stored = ids.column()[i];
    const Index e = r_.dwellings_.entrance[i];
    const std::string_view building = r_.buildings_[r_.entrance_building_[e]].id;
    const std::string_view entrance = r_.entrance_id_[e];
    if (!stored.empty() && stored.front() == DwellingIds::kRoomMark) {
      const std::string_view room = stored.substr(1);
      if (room.empty() || building.size() + entrance.size() + 2 + room.size() > kMaxIdBytes) {
        return Bad("dwelling.id", i, "compressed ID with an empty or too long room");
      }
      if (room.find('-') != std::string_view::npos ||
          entrance.find('-') != std::string_view::npos) {
        return Bad("dwelling.id", i,
                   "compressed ID whose room or entrance ID contains '-' (ambiguous)");
      }
      return Id("dwelling.id", i, room);
    }
    RENEWAL_RETURN_IF_ERROR(Id("dwelling.id", i, stored));
    if (ids.RoomIfCompressible(stored, e)) {
      return Bad("dwelling.id", i, "ID stored whole where the builder stores its room", stored);
    }
    return absl::OkStatus();
  }

  // Dwelling IDs unique without a per-dwelling table (the builder's rule, checked in
  // bulk): rooms within each entrance that lookups scan; the listed rows (IDs stored
  // whole, big entrances) against each other; each ID stored whole against the rows
  // found through building, entrance and room. Returns the error for the first
  // duplicate found.
  absl::Status UniqueDwellingIds() {
    DwellingIds& ids = r_.indexes_->dwelling;
    const StringColumn& stored = ids.column();
    std::vector<std::string_view> rooms;
    std::vector<Index> whole;
    for (Index e = 0; e < r_.entrance_building_.size(); ++e) {
      const Index first = r_.entrance_first_dwelling_[e];
      const Index end = r_.entrance_first_dwelling_[e + 1];
      const bool big = end - first > DwellingIds::kScanLimit;
      rooms.clear();
      for (Index d = first; d < end; ++d) {
        const std::string_view s = stored[d];
        const bool compressed = s.front() == DwellingIds::kRoomMark;  // IDs are not empty
        if (!compressed) whole.push_back(d);
        if (big || !compressed) {
          if (!ids.List(d)) return Duplicate("dwelling.id", d, "dwelling", r_.dwelling(d).id);
        } else {
          rooms.push_back(s);
        }
      }
      std::sort(rooms.begin(), rooms.end());
      const auto same = std::adjacent_find(rooms.begin(), rooms.end());
      if (same != rooms.end()) {
        bool seen = false;  // report the later row of the pair
        for (Index d = first; d < end; ++d) {
          if (stored[d] != *same) continue;
          if (seen) return Duplicate("dwelling.id", d, "dwelling", r_.dwelling(d).id);
          seen = true;
        }
      }
    }
    std::string id;
    for (const Index d : whole) {
      id.clear();
      ids.Append(d, &id);
      if (ids.FindCompressed(id)) return Duplicate("dwelling.id", d, "dwelling", id);
    }
    ids.shrink_to_fit();
    return absl::OkStatus();
  }

  absl::Status Owners() {
    const std::uint64_t n = count_[kOwners];
    RENEWAL_RETURN_IF_ERROR(Strings("owner.id", n, &owner_ids_));
    RENEWAL_RETURN_IF_ERROR(Strings("owner.name", n, &r_.owner_name_));
    RENEWAL_RETURN_IF_ERROR(Labels("owner.kind", n, &r_.owner_kind_));
    for (std::size_t i = 0; i < n; ++i) RENEWAL_RETURN_IF_ERROR(Id("owner.id", i, owner_ids_[i]));
    return absl::OkStatus();
  }

  // The dwelling IDs and the owner IDs checked unique side by side on two threads.
  // The owner IDs by their sorted hashes: the hash table FindOwner needs is built on
  // its first call (a snapshot's dwellings reference owners by row).
  absl::Status Indexes() {
    Registry::Indexes& x = *r_.indexes_;
    r_.BindIndexes();  // dwelling IDs are spelled through this registry's columns
    Index owner_duplicate = UINT32_MAX;
    std::thread owners([&] { owner_duplicate = internal::FirstDuplicate(owner_ids_); });
    const absl::Status dwellings = UniqueDwellingIds();
    owners.join();
    RENEWAL_RETURN_IF_ERROR(dwellings);
    if (owner_duplicate != UINT32_MAX) {
      return Duplicate("owner.id", owner_duplicate, "owner", owner_ids_[owner_duplicate]);
    }
    x.owner.AdoptColumn(std::move(owner_ids_));
    x.owner_unindexed = true;
    return absl::OkStatus();
  }

  // What RegistryBuilder::Finish derives: estate dwelling ranges and persons.
  void Derive() {
    r_.estate_first_dwelling_.clear();
    r_.estate_first_dwelling_.reserve(r_.estate_count() + 1);
    for (const Estate& e : r_.estates_) {
      r_.estate_first_dwelling_.push_back(
          r_.entrance_first_dwelling_[r_.buildings_[e.first_building].first_entrance]);
    }
    r_.estate_first_dwelling_.push_back(static_cast<Index>(r_.dwelling_count()));
    r_.person_count_ = internal::AssignPersons(r_.dwellings_, r_.owner_count(),
                                               r_.estate_first_dwelling_, &r_.estate_first_person_);
  }

  std::string_view data_;
  int year_;
  std::size_t pos_ = 0, next_ = 0;
  std::array<std::uint64_t, kCountKinds> count_{};
  Registry r_;
  std::vector<Index> estate_first_building_, building_first_entrance_;
  StringColumn owner_ids_;
};

bool IsRegistrySnapshot(std::string_view head) {
  return head.size() >= kMagic.size() &&
         std::memcmp(head.data(), kMagic.data(), kMagic.size()) == 0;
}

absl::StatusOr<Registry> LoadRegistrySnapshot(std::string_view bytes, const LoadOptions& options) {
  return SnapshotReader(bytes, options).Read();
}

absl::StatusOr<Registry> LoadRegistryAny(std::string_view bytes, const LoadOptions& options) {
  if (IsRegistrySnapshot(bytes)) return LoadRegistrySnapshot(bytes, options);
  return LoadRegistryJson(bytes, options);
}

}  // namespace renewal
