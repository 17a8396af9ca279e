// The registry snapshot (docs/snapshot.md): every column round-trips exactly (the
// JSON writer's output is byte for byte the same before and after), files of either
// format load by content, and damaged or crafted files are errors naming the
// section, never a crash nor a registry the builder would refuse.
#include "renewal/registry/snapshot.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "renewal/base/journal.h"
#include "renewal/registry/generate.h"
#include "renewal/registry/registry_json.h"
#include "snapshot_format.h"
#include "unique_strings.h"

namespace renewal {
namespace {

using ::testing::HasSubstr;
using namespace snapshot_internal;

LoadOptions Year2026() {
  LoadOptions o;
  o.current_year = 2026;
  return o;
}

const Registry& Tiny() {
  static const Registry* r = [] {
    auto loaded = LoadRegistryFile(RENEWAL_SOURCE_DIR "/tests/data/tiny_city.json", Year2026());
    EXPECT_TRUE(loaded.ok()) << loaded.status();
    return new Registry(*std::move(loaded));
  }();
  return *r;
}

std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "/snapshot_test_" + name;
}

bool Exists(const std::string& path) { return std::ifstream(path).good(); }

void ExpectSame(const Registry& a, const Registry& b) {
  EXPECT_TRUE(a == b);
  EXPECT_EQ(DumpRegistryJson(a), DumpRegistryJson(b));
  EXPECT_EQ(a.dwellings().person, b.dwellings().person);
  EXPECT_EQ(a.person_count(), b.person_count());
  for (Index e = 0; e < a.estate_count(); ++e) {
    EXPECT_EQ(a.PersonRangeOfEstate(e), b.PersonRangeOfEstate(e));
    EXPECT_EQ(a.DwellingRangeOfEstate(e), b.DwellingRangeOfEstate(e));
  }
}

TEST(Snapshot, TinyCityRoundTripsEveryColumn) {
  const std::string bytes = DumpRegistrySnapshot(Tiny());
  ASSERT_TRUE(IsRegistrySnapshot(bytes));
  auto back = LoadRegistrySnapshot(bytes, Year2026());
  ASSERT_TRUE(back.ok()) << back.status();
  ExpectSame(Tiny(), *back);
  // Lookups go through the rebuilt indexes, compressed dwelling IDs included.
  EXPECT_EQ(back->FindDwelling("E-0001-B1-1-101"), Tiny().FindDwelling("E-0001-B1-1-101"));
  EXPECT_EQ(back->FindOwner("DEV"), Tiny().FindOwner("DEV"));
  EXPECT_EQ(back->FindEstate("E-0001"), Tiny().FindEstate("E-0001"));
  EXPECT_FALSE(back->FindDwelling("E-0001-B1-1-999").has_value());
  // Written twice, the same bytes.
  EXPECT_EQ(DumpRegistrySnapshot(*back), bytes);
}

// The coordinate system travels with the estates' lon/lat (section registry.crs): a
// WGS-84 registry does not come back as the GCJ-02 default.
TEST(Snapshot, KeepsTheCoordinateSystem) {
  std::string json = DumpRegistryJson(Tiny());
  const std::size_t at = json.find("\"GCJ-02\"", json.find("\"crs\""));
  ASSERT_NE(at, std::string::npos);
  json.replace(at, 8, "\"WGS-84\"");
  auto wgs = LoadRegistryJson(json, Year2026());
  ASSERT_TRUE(wgs.ok()) << wgs.status();
  ASSERT_EQ(wgs->coordinate_system(), CoordinateSystem::kWgs84);
  auto back = LoadRegistrySnapshot(DumpRegistrySnapshot(*wgs), Year2026());
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->coordinate_system(), CoordinateSystem::kWgs84);
  EXPECT_EQ(DumpRegistryJson(*back), json);
}

TEST(Snapshot, GeneratedCityRoundTripsByteForByteThroughTheJsonWriter) {
  GenerateOptions g;
  g.estates = 150;
  g.seed = 11;
  g.current_year = 2026;
  auto city = GenerateCity(g);
  ASSERT_TRUE(city.ok()) << city.status();
  ASSERT_GT(city->dwelling_count(), 10'000u);
  const std::string path = TempPath("city.rsnap");
  ASSERT_TRUE(SaveRegistrySnapshot(*city, path).ok());
  EXPECT_FALSE(Exists(path + ".tmp"));
  auto back = LoadRegistrySnapshotFile(path, Year2026());
  ASSERT_TRUE(back.ok()) << back.status();
  ExpectSame(*city, *back);
  std::remove(path.c_str());
}

TEST(Snapshot, EitherFormatLoadsByContentNotName) {
  const std::string json_named_rsnap = TempPath("really_json.rsnap");
  const std::string snap_named_json = TempPath("really_snapshot.json");
  ASSERT_TRUE(SaveRegistryFile(Tiny(), json_named_rsnap).ok());
  ASSERT_TRUE(SaveRegistrySnapshot(Tiny(), snap_named_json).ok());
  auto a = LoadRegistryAnyFile(json_named_rsnap, Year2026());
  auto b = LoadRegistryAnyFile(snap_named_json, Year2026());
  ASSERT_TRUE(a.ok()) << a.status();
  ASSERT_TRUE(b.ok()) << b.status();
  ExpectSame(*a, *b);
  auto c = LoadRegistryAny(DumpRegistrySnapshot(Tiny()), Year2026());
  ASSERT_TRUE(c.ok()) << c.status();
  ExpectSame(Tiny(), *c);
  auto d = LoadRegistryAny(DumpRegistryJson(Tiny()), Year2026());
  ASSERT_TRUE(d.ok()) << d.status();
  ExpectSame(Tiny(), *d);
  std::remove(json_named_rsnap.c_str());
  std::remove(snap_named_json.c_str());
}

TEST(Snapshot, MissingFileAndFailedSave) {
  auto r = LoadRegistryAnyFile(TempPath("no_such_file"));
  EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(r.status().message(), HasSubstr("no_such_file"));
  const std::string bad = TempPath("no_such_dir/x.rsnap");
  EXPECT_FALSE(SaveRegistrySnapshot(Tiny(), bad).ok());
  EXPECT_FALSE(Exists(bad));
}

// Every truncation and every flipped byte is an error (never a crash), and a
// flipped payload byte is a checksum mismatch naming its section.
TEST(Snapshot, EveryTruncationAndEveryFlippedByteIsRefused) {
  const std::string bytes = DumpRegistrySnapshot(Tiny());
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    auto r = LoadRegistrySnapshot(std::string_view(bytes).substr(0, n), Year2026());
    ASSERT_FALSE(r.ok()) << n;
    const auto code = r.status().code();
    EXPECT_TRUE(code == absl::StatusCode::kDataLoss || code == absl::StatusCode::kInvalidArgument)
        << n << ": " << r.status();
  }
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    std::string flipped = bytes;
    flipped[i] = static_cast<char>(flipped[i] ^ 0x10);
    auto r = LoadRegistrySnapshot(flipped, Year2026());
    ASSERT_FALSE(r.ok()) << "byte " << i;
    const auto code = r.status().code();
    EXPECT_TRUE(code == absl::StatusCode::kDataLoss || code == absl::StatusCode::kInvalidArgument)
        << i << ": " << r.status();
  }
}

// Offsets of a section: its header and payload.
struct Located {
  std::size_t header = 0, payload = 0, bytes = 0;
};
Located Find(const std::string& file, std::string_view name) {
  std::size_t pos = kHeaderBytes;
  while (pos + kSectionHeaderBytes <= file.size()) {
    std::uint64_t bytes;
    std::memcpy(&bytes, file.data() + pos + kNameBytes + 16, 8);
    if (std::string_view(file.data() + pos, kNameBytes).substr(0, name.size() + 1) ==
        std::string(name) + '\0') {
      return {pos, pos + kSectionHeaderBytes, bytes};
    }
    pos += kSectionHeaderBytes + bytes + (kAlign - bytes % kAlign) % kAlign;
  }
  ADD_FAILURE() << "no section " << name;
  return {};
}
// A crafted file: the section's payload changed and its checksum recomputed.
void Craft(std::string* file, std::string_view name, std::size_t offset, const void* value,
           std::size_t size) {
  const Located s = Find(*file, name);
  std::memcpy(file->data() + s.payload + offset, value, size);
  const std::uint32_t crc = internal::Crc32(std::string_view(*file).substr(s.payload, s.bytes));
  std::memcpy(file->data() + s.header + kNameBytes + 4, &crc, 4);
}

absl::Status LoadCrafted(std::string_view name, std::size_t offset, const void* value,
                         std::size_t size) {
  std::string file = DumpRegistrySnapshot(Tiny());
  Craft(&file, name, offset, value, size);
  return LoadRegistrySnapshot(file, Year2026()).status();
}

TEST(Snapshot, DamageNamesTheSection) {
  std::string file = DumpRegistrySnapshot(Tiny());
  const Located s = Find(file, "dwelling.area_centi");
  file[s.payload] ^= 1;
  auto r = LoadRegistrySnapshot(file, Year2026());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(r.status().message(), HasSubstr("section \"dwelling.area_centi\": checksum mismatch"));

  file = DumpRegistrySnapshot(Tiny());
  r = LoadRegistrySnapshot(std::string_view(file).substr(0, Find(file, "owner.kind").payload + 1));
  EXPECT_EQ(r.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(r.status().message(), HasSubstr("section \"owner.kind\": truncated"));
}

TEST(Snapshot, WrongVersionAndNotASnapshot) {
  std::string file = DumpRegistrySnapshot(Tiny());
  const std::uint32_t v2 = 2;
  std::memcpy(file.data() + 8, &v2, 4);
  const std::uint32_t crc = internal::Crc32(std::string_view(file).substr(0, 80));
  std::memcpy(file.data() + 80, &crc, 4);
  auto r = LoadRegistrySnapshot(file);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("snapshot version 2, this build reads version 1"));
  r = LoadRegistrySnapshot("{\"format\": \"renewal.registry\"}");
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("not a registry snapshot"));
}

// Files with correct checksums whose content the builder would refuse: each check
// the JSON reader makes is made again.
TEST(Snapshot, CraftedContentIsValidated) {
  const std::uint32_t zero = 0, big = 1'000'001, far = 1000;
  absl::Status s = LoadCrafted("dwelling.area_centi", 0, &zero, 4);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("section \"dwelling.area_centi\" row 0"));
  s = LoadCrafted("dwelling.area_centi", 4, &big, 4);
  EXPECT_THAT(s.message(), HasSubstr("must be > 0 and <= 10000, got 10000.01"));
  s = LoadCrafted("dwelling.owner", 0, &far, 4);
  EXPECT_THAT(s.message(), HasSubstr("section \"dwelling.owner\" row 0: no owner numbered 1000"));
  s = LoadCrafted("estate.district", 0, &far, 4);
  EXPECT_THAT(s.message(), HasSubstr("no district numbered 1000"));
  const std::uint8_t nine = 9, three = 3;
  s = LoadCrafted("dwelling.sale_state", 0, &nine, 1);
  EXPECT_THAT(s.message(), HasSubstr("section \"dwelling.sale_state\" row 0: no label numbered 9"));
  s = LoadCrafted("estate.elevator", 0, &three, 1);
  EXPECT_THAT(s.message(), HasSubstr("expected 0, 1 or 2"));
  const std::int8_t high = 121;
  s = LoadCrafted("dwelling.floor", 0, &high, 1);
  EXPECT_THAT(s.message(), HasSubstr("must be between -5 and 120, got 121"));
  const std::int32_t future = 2027;
  s = LoadCrafted("estate.build_year", 0, &future, 4);
  EXPECT_THAT(s.message(), HasSubstr("section \"estate.build_year\" row 0 \"E-0001\": must be "
                                     "between 1900 and 2026, got 2027"));
  const std::uint32_t two = 2;
  s = LoadCrafted("estate.building_count", 0, &two, 4);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("estate.building_count"));
  // A control character in an ID (dwelling IDs are stored compressed: byte 1 is the
  // first of the tail).
  s = LoadCrafted("owner.id", 4 * Tiny().owner_count(), "\n", 1);
  EXPECT_THAT(s.message(), HasSubstr("section \"owner.id\" row 0"));
  EXPECT_THAT(s.message(), HasSubstr("control characters"));
  // "Not surveyed" is one NaN only, so that what loads writes back the same bytes.
  const std::uint64_t other_nan = 0x7FF8000000000001ULL;
  s = LoadCrafted("estate.willingness_pct", 8, &other_nan, 8);
  EXPECT_THAT(s.message(), HasSubstr("section \"estate.willingness_pct\" row 1"));
  s = LoadCrafted("owner.name", 4 * Tiny().owner_count(), "\xff", 1);
  EXPECT_THAT(s.message(), HasSubstr("not valid UTF-8"));
}

TEST(Snapshot, CraftedDuplicateIdsAreRefused) {
  // Owner IDs "O1", "O2": make the second "O1".
  absl::Status s = LoadCrafted("owner.id", 4 * Tiny().owner_count() + 3, "1", 1);
  EXPECT_EQ(s.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(s.message(), HasSubstr("section \"owner.id\" row 1: duplicate owner id \"O1\""));
  // Two dwellings of one entrance with the same stored tail.
  std::string file = DumpRegistrySnapshot(Tiny());
  const Located d = Find(file, "dwelling.id");
  std::uint32_t ends[2];
  std::memcpy(ends, file.data() + d.payload, 8);
  const std::size_t chars = d.payload + 4 * Tiny().dwelling_count();
  const std::string first = file.substr(chars, ends[0]);
  ASSERT_EQ(ends[1] - ends[0], first.size());  // "\x01" "101" and "\x01" "102"
  s = LoadCrafted("dwelling.id", 4 * Tiny().dwelling_count() + first.size(), first.data(),
                  first.size());
  EXPECT_EQ(s.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(s.message(), HasSubstr("duplicate dwelling id \"E-0001-B1-1-101\""));
}

// Building "B1" with entrances "1", "2" and "3", each holding the dwellings given.
Registry ThreeEntrances(const std::vector<std::vector<std::string_view>>& dwellings) {
  RegistryBuilder b(2026);
  EXPECT_TRUE(b.AddDistrict({"D1", ""}).ok());
  Estate e;
  e.id = "E1";
  EXPECT_TRUE(b.BeginEstate(e, "D1", "").ok());
  Building building;
  building.id = "B1";
  EXPECT_TRUE(b.AddBuilding(building).ok());
  const std::string_view owner[] = {"O1"};
  const char* entrance[] = {"1", "2", "3"};
  for (std::size_t k = 0; k < dwellings.size(); ++k) {
    EXPECT_TRUE(b.AddEntrance(entrance[k]).ok());
    for (std::string_view id : dwellings[k]) {
      DwellingRecord d;
      d.id = id;
      d.area_centi = 100;
      d.owner_ids = owner;
      EXPECT_TRUE(b.AddDwelling(d).ok()) << id;
    }
  }
  EXPECT_TRUE(b.EndEstate().ok());
  EXPECT_TRUE(b.AddOwner("O1", "", OwnerKind::kPerson).ok());
  absl::StatusOr<Registry> r = std::move(b).Finish();
  EXPECT_TRUE(r.ok()) << r.status();
  return *std::move(r);
}

// `registry`'s snapshot with the bytes of the dwelling.id section's text at `offset`
// replaced (checksum recomputed), loaded.
absl::Status LoadWithDwellingIdBytes(const Registry& registry, std::size_t offset,
                                     std::string_view bytes) {
  std::string file = DumpRegistrySnapshot(registry);
  Craft(&file, "dwelling.id", 4 * registry.dwelling_count() + offset, bytes.data(), bytes.size());
  return LoadRegistrySnapshot(file, Year2026()).status();
}

// Stored forms the builder never writes (docs/registry-format.md "Dwelling IDs"): each an
// error naming the section and the row.
TEST(Snapshot, CraftedDwellingIdFormsAreRefused) {
  // Rows: "\x01" "101" (B1-1-101), "\x01" "102", then in entrance 2 "C1-1-101" whole.
  const Registry r = ThreeEntrances({{"B1-1-101", "B1-1-102"}, {"C1-1-101"}});
  const std::size_t whole = 8;  // where row 2's text starts: two rows of 4 bytes
  // The whole ID made to spell row 0's: a duplicate across the two forms.
  absl::Status s = LoadWithDwellingIdBytes(r, whole, "B");
  EXPECT_EQ(s.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(s.message(),
              HasSubstr("section \"dwelling.id\" row 2: duplicate dwelling id \"B1-1-101\""));
  // A whole ID its own entrance compresses ("B1-2-101" in entrance 2).
  s = LoadWithDwellingIdBytes(r, whole, "B1-2");
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("section \"dwelling.id\" row 2 \"B1-2-101\": ID stored whole"));
  // A compressed room with '-' ("B1-1-1-2" would split as building "B1-1").
  s = LoadWithDwellingIdBytes(r, 4, "\x01" "1-2");
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("section \"dwelling.id\" row 1: compressed ID whose room"));
  // Two rooms alike in one entrance.
  s = LoadWithDwellingIdBytes(r, 4, "\x01" "101");
  EXPECT_EQ(s.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(s.message(),
              HasSubstr("section \"dwelling.id\" row 1: duplicate dwelling id \"B1-1-101\""));
}

// Entrances over the scan limit: their rows are checked through the hash set.
TEST(Snapshot, BigEntrancesRoundTripAndTheirDuplicatesAreRefused) {
  std::vector<std::string> ids;
  for (int k = 0; k < 300; ++k) ids.push_back("B1-1-" + std::to_string(1000 + k));
  const std::vector<std::string_view> views(ids.begin(), ids.end());
  const Registry r = ThreeEntrances({views});
  const absl::StatusOr<Registry> loaded = LoadRegistrySnapshot(DumpRegistrySnapshot(r), Year2026());
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_TRUE(*loaded == r);
  for (Index k = 0; k < 300; ++k) EXPECT_EQ(loaded->FindDwelling(ids[k]), k);
  // Row 299's room "1299" made "1000", row 0's.
  const absl::Status s = LoadWithDwellingIdBytes(r, 299 * 5 + 1, "1000");
  EXPECT_EQ(s.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(s.message(), HasSubstr("duplicate dwelling id \"B1-1-1000\""));
}

// The owner index of a loaded snapshot is built by the first FindOwner: two threads
// looking owners up at once both get every answer right.
TEST(Snapshot, LazyOwnerIndexServesTwoThreads) {
  const Registry& tiny = Tiny();
  const absl::StatusOr<Registry> loaded =
      LoadRegistrySnapshot(DumpRegistrySnapshot(tiny), Year2026());
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  std::vector<std::string> ids;
  for (Index o = 0; o < tiny.owner_count(); ++o) ids.emplace_back(tiny.owner(o).id);
  ASSERT_GE(ids.size(), 2u);
  std::atomic<int> wrong{0};
  const auto look_up = [&] {
    for (int round = 0; round < 100; ++round) {
      for (Index o = 0; o < ids.size(); ++o) {
        if (loaded->FindOwner(ids[o]) != o) ++wrong;
      }
      if (loaded->FindOwner("no such owner").has_value()) ++wrong;
    }
  };
  std::thread a(look_up), b(look_up);
  a.join();
  b.join();
  EXPECT_EQ(wrong.load(), 0);
}

// Owner IDs are checked unique by their sorted hashes: the first repeated row is
// reported, past the size where the radix sort takes over.
TEST(UniqueStrings, FindsTheFirstRepeatedRow) {
  StringColumn column;
  for (int k = 0; k < 10'000; ++k) column.push_back("O" + std::to_string(k));
  EXPECT_EQ(internal::FirstDuplicate(column), UINT32_MAX);
  column.push_back("O7");     // row 10000
  column.push_back("O9999");  // row 10001
  EXPECT_EQ(internal::FirstDuplicate(column), 10'000u);
  std::vector<std::uint64_t> keys;
  std::uint64_t x = 88172645463325252ULL;
  for (int k = 0; k < 20'000; ++k) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    keys.push_back(x);
  }
  std::vector<std::uint64_t> sorted = keys;
  std::sort(sorted.begin(), sorted.end());
  internal::RadixSort(&keys);
  EXPECT_EQ(keys, sorted);
}

}  // namespace
}  // namespace renewal
