// The snapshot writer: each column of the registry as one section, copied in bulk
// (docs/snapshot.md). Per-estate and per-building facts are gathered into columns
// first; the dwelling and owner columns are written straight from the registry.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

#include "registry_indexes.h"
#include "renewal/base/journal.h"
#include "renewal/base/strcat.h"
#include "renewal/registry/snapshot.h"
#include "snapshot_format.h"

namespace renewal {

using namespace snapshot_internal;

namespace {

// Where the bytes go: a string (DumpRegistrySnapshot) or a file.
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void Write(const void* data, std::size_t size) = 0;
};

class StringSink : public Sink {
 public:
  explicit StringSink(std::string* out) : out_(out) {}
  void Write(const void* data, std::size_t size) override {
    out_->append(static_cast<const char*>(data), size);
  }

 private:
  std::string* out_;
};

class FileSink : public Sink {
 public:
  explicit FileSink(std::FILE* file) : file_(file) {}
  void Write(const void* data, std::size_t size) override {
    if (ok_ && size > 0 && std::fwrite(data, 1, size, file_) != size) ok_ = false;
  }
  bool ok() const { return ok_; }

 private:
  std::FILE* file_;
  bool ok_ = true;
};

template <class T>
void PutLe(std::string* out, T v) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &v, sizeof(T));
  out->append(bytes, sizeof(T));
}

std::uint8_t Tri(const std::optional<bool>& b) {
  return b ? (*b ? kTrue : kFalse) : kAbsentBool;
}
std::int32_t OptInt(const std::optional<int>& v) { return v ? *v : kAbsentInt; }

}  // namespace

class SnapshotWriter {
 public:
  SnapshotWriter(const Registry& r, Sink& sink) : r_(r), sink_(sink) {}

  // The sections, in the order the reader expects them (docs/snapshot.md).
  void Write() {
    std::array<std::uint64_t, kCountKinds> counts{};
    counts[kDistricts] = r_.district_count();
    counts[kStreets] = r_.street_count();
    counts[kEstates] = r_.estate_count();
    counts[kBuildings] = r_.building_count();
    counts[kEntrances] = r_.entrance_count();
    counts[kDwellings] = r_.dwelling_count();
    counts[kCoOwners] = r_.dwellings_.co_owners.size();
    counts[kOwners] = r_.owner_count();
    Header(counts);

    Column("registry.crs", std::vector<CoordinateSystem>{r_.coordinate_system_});
    Strings("district.id", Gather(r_.districts_, [](const District& d) { return d.id; }));
    Strings("district.name", Gather(r_.districts_, [](const District& d) { return d.name; }));
    Strings("street.id", Gather(r_.streets_, [](const Street& s) { return s.id; }));
    Strings("street.name", Gather(r_.streets_, [](const Street& s) { return s.name; }));
    Column("street.district", Map(r_.streets_, [](const Street& s) { return s.district; }));

    const auto& e = r_.estates_;
    Strings("estate.id", Gather(e, [](const Estate& x) { return x.id; }));
    Strings("estate.name", Gather(e, [](const Estate& x) { return x.name; }));
    Column("estate.district", Map(e, [](const Estate& x) { return x.district; }));
    Column("estate.street", Map(e, [](const Estate& x) { return x.street; }));
    Column("estate.building_count", Map(e, [](const Estate& x) { return x.building_count; }));
    Column("estate.build_year", Map(e, [](const Estate& x) { return OptInt(x.facts.build_year); }));
    Column("estate.structure", Map(e, [](const Estate& x) { return x.facts.structure; }));
    Column("estate.floors", Map(e, [](const Estate& x) { return OptInt(x.facts.floors); }));
    Column("estate.elevator", Map(e, [](const Estate& x) { return Tri(x.facts.has_elevator); }));
    std::vector<Condition> facilities;
    facilities.reserve(e.size() * kFacilityCount);
    std::vector<std::int32_t> hazard_count;
    std::vector<Hazard> hazards;
    for (const Estate& x : e) {
      facilities.insert(facilities.end(), x.facts.facilities.begin(), x.facts.facilities.end());
      const auto& h = x.facts.safety_hazards;
      hazard_count.push_back(h ? static_cast<std::int32_t>(h->size()) : kHazardsNotSurveyed);
      if (h) hazards.insert(hazards.end(), h->begin(), h->end());
    }
    Column("estate.facilities", facilities);
    Column("estate.hazard_count", hazard_count);
    Column("estate.hazards", hazards);
    Column("estate.illegal_structures",
           Map(e, [](const Estate& x) { return x.facts.illegal_structures; }));
    Column("estate.owners_committee",
           Map(e, [](const Estate& x) { return Tri(x.facts.owners_committee); }));
    Column("estate.self_governance_group",
           Map(e, [](const Estate& x) { return Tri(x.facts.self_governance_group); }));
    Column("estate.management_mode", Map(e, [](const Estate& x) { return x.facts.management_mode; }));
    const double nan = std::numeric_limits<double>::quiet_NaN();
    Column("estate.willingness_pct",
           Map(e, [nan](const Estate& x) { return x.facts.willingness_pct.value_or(nan); }));
    Column("estate.lon", Map(e, [nan](const Estate& x) {
             return x.facts.location ? x.facts.location->lon : nan;
           }));
    Column("estate.lat", Map(e, [nan](const Estate& x) {
             return x.facts.location ? x.facts.location->lat : nan;
           }));
    Column("estate.shantytown_plan",
           Map(e, [](const Estate& x) { return Tri(x.facts.in_shantytown_plan); }));
    Column("estate.demolition_plan_year",
           Map(e, [](const Estate& x) { return OptInt(x.facts.demolition_plan_year); }));
    Column("estate.last_renovation_year",
           Map(e, [](const Estate& x) { return OptInt(x.facts.last_renovation_year); }));
    Column("estate.urban_village", Map(e, [](const Estate& x) { return Tri(x.facts.urban_village); }));
    Column("estate.mostly_self_built",
           Map(e, [](const Estate& x) { return Tri(x.facts.mostly_self_built); }));
    Column("estate.consent_remove_illegal",
           Map(e, [](const Estate& x) { return Tri(x.facts.consent_remove_illegal); }));
    Column("estate.consent_property_mgmt",
           Map(e, [](const Estate& x) { return Tri(x.facts.consent_property_management); }));
    Column("estate.consent_fund_top_up",
           Map(e, [](const Estate& x) { return Tri(x.facts.consent_fund_top_up); }));
    Column("estate.consent_entrust_public",
           Map(e, [](const Estate& x) { return Tri(x.facts.consent_entrust_public_resources); }));

    const auto& b = r_.buildings_;
    Strings("building.id", Gather(b, [](const Building& x) { return x.id; }));
    Strings("building.name", Gather(b, [](const Building& x) { return x.name; }));
    Column("building.floors", Map(b, [](const Building& x) { return OptInt(x.floors); }));
    Column("building.elevator", Map(b, [](const Building& x) { return Tri(x.has_elevator); }));
    Column("building.build_year", Map(b, [](const Building& x) { return OptInt(x.build_year); }));
    Column("building.entrance_count", Map(b, [](const Building& x) { return x.entrance_count; }));

    Strings("entrance.id", r_.entrance_id_);
    std::vector<Index> dwelling_count(r_.entrance_count());
    for (std::size_t i = 0; i < dwelling_count.size(); ++i) {
      dwelling_count[i] = r_.entrance_first_dwelling_[i + 1] - r_.entrance_first_dwelling_[i];
    }
    Column("entrance.dwelling_count", dwelling_count);

    const DwellingColumns& d = r_.dwellings_;
    Strings("dwelling.id", r_.indexes_->dwelling.column());
    Column("dwelling.area_centi", d.area_centi);
    Column("dwelling.area_source", d.area_source);
    Column("dwelling.property_type", d.property_type);
    Column("dwelling.sale_state", d.sale_state);
    Column("dwelling.floor", d.floor);
    Column("dwelling.owner", d.owner);
    Column("co_owner.dwelling", Map(d.co_owners, [](const auto& p) { return p.first; }));
    Column("co_owner.owner", Map(d.co_owners, [](const auto& p) { return p.second; }));

    Strings("owner.id", r_.indexes_->owner.column());
    Strings("owner.name", r_.owner_name_);
    Column("owner.kind", r_.owner_kind_);
  }

 private:
  template <class Rows, class F>
  static StringColumn Gather(const Rows& rows, F field) {
    StringColumn out;
    for (const auto& row : rows) out.push_back(field(row));  // short columns (< 4 GiB)
    return out;
  }
  template <class Rows, class F>
  static std::vector<std::invoke_result_t<F, const typename Rows::value_type&>> Map(
      const Rows& rows, F field) {
    std::vector<std::invoke_result_t<F, const typename Rows::value_type&>> out;
    out.reserve(rows.size());
    for (const auto& row : rows) out.push_back(field(row));
    return out;
  }

  void Header(const std::array<std::uint64_t, kCountKinds>& counts) {
    std::string h(kMagic.begin(), kMagic.end());
    PutLe<std::uint32_t>(&h, kSnapshotVersion);
    PutLe(&h, static_cast<std::uint32_t>(kSectionNames.size()));
    for (std::uint64_t c : counts) PutLe(&h, c);
    PutLe(&h, internal::Crc32(h));
    PutLe<std::uint32_t>(&h, 0);
    sink_.Write(h.data(), h.size());
  }

  void Section(std::string_view name, Type type, std::uint64_t count,
               std::initializer_list<std::string_view> parts) {
    // Write() lists the sections in kSectionNames' order (tests/registry/snapshot_test.cc).
    if (next_ >= kSectionNames.size() || kSectionNames[next_] != name) std::abort();
    ++next_;
    std::string h(kNameBytes, '\0');
    name.copy(h.data(), kNameBytes);
    std::uint32_t crc = 0;
    std::uint64_t bytes = 0;
    for (std::string_view p : parts) {
      crc = internal::Crc32(p, crc);
      bytes += p.size();
    }
    PutLe(&h, static_cast<std::uint32_t>(type));
    PutLe(&h, crc);
    PutLe(&h, count);
    PutLe(&h, bytes);
    sink_.Write(h.data(), h.size());
    for (std::string_view p : parts) sink_.Write(p.data(), p.size());
    static constexpr char kZeros[kAlign] = {};
    sink_.Write(kZeros, (kAlign - bytes % kAlign) % kAlign);
  }

  template <class T>
  void Column(std::string_view name, const std::vector<T>& v) {
    Section(name, TypeOf<T>(), v.size(),
            {std::string_view(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T))});
  }
  void Strings(std::string_view name, const StringColumn& c) {
    const auto ends = c.ends();
    Section(name, Type::kStrings, c.size(),
            {std::string_view(reinterpret_cast<const char*>(ends.data()), ends.size() * 4),
             c.chars()});
  }

 private:
  const Registry& r_;
  Sink& sink_;
  std::size_t next_ = 0;
};

}  // namespace renewal

namespace renewal {

std::string DumpRegistrySnapshot(const Registry& registry) {
  std::string out;
  StringSink sink(&out);
  SnapshotWriter(registry, sink).Write();
  return out;
}

absl::Status SaveRegistrySnapshot(const Registry& registry, const std::string& path) {
  // Write beside the target and rename, so a failed save never leaves half a file.
  const std::string tmp = path + ".tmp";
  std::FILE* file = std::fopen(tmp.c_str(), "wb");
  if (file == nullptr) return absl::NotFoundError(StrCat(path, ": cannot open for writing"));
  std::vector<char> buffer(1 << 20);
  std::setvbuf(file, buffer.data(), _IOFBF, buffer.size());
  FileSink sink(file);
  SnapshotWriter(registry, sink).Write();
  const bool closed = std::fclose(file) == 0;
  if (!sink.ok() || !closed) {
    std::remove(tmp.c_str());
    return absl::DataLossError(StrCat(path, ": write failed"));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return absl::DataLossError(StrCat(path, ": cannot rename the written file into place"));
  }
  return absl::OkStatus();
}

}  // namespace renewal
