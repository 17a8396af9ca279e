// Private to the registry area: the layout of the registry snapshot shared by its
// writer and reader (docs/snapshot.md is the reference).
//
//   file    = header, section*                    (little-endian throughout)
//   header  = magic[8] "\x89RSNAP\r\n", u32 version, u32 section count,
//             u64 count[kCountKinds], u32 CRC-32 of the 80 bytes before, u32 0
//   section = char name[32] (zero-padded), u32 type, u32 CRC-32 of the payload,
//             u64 element count, u64 payload bytes, payload, zeros to a multiple of 8
//   strings payload = u32 end offset of each row, then the bytes of all rows
#ifndef RENEWAL_SRC_REGISTRY_SNAPSHOT_FORMAT_H_
#define RENEWAL_SRC_REGISTRY_SNAPSHOT_FORMAT_H_

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <type_traits>

namespace renewal::snapshot_internal {

static_assert(std::endian::native == std::endian::little,
              "the snapshot is written and read by memcpy of little-endian columns");

inline constexpr std::array<char, 8> kMagic = {'\x89', 'R', 'S', 'N', 'A', 'P', '\r', '\n'};
inline constexpr std::size_t kHeaderBytes = 88;
inline constexpr std::size_t kNameBytes = 32;
inline constexpr std::size_t kSectionHeaderBytes = kNameBytes + 24;
inline constexpr std::size_t kAlign = 8;

// The header's row counts, in this order.
enum Count : std::size_t {
  kDistricts, kStreets, kEstates, kBuildings, kEntrances, kDwellings, kCoOwners, kOwners,
  kCountKinds
};
inline constexpr std::array<std::string_view, kCountKinds> kCountNames = {
    "districts", "streets", "estates", "buildings", "entrances", "dwellings", "co_owners",
    "owners"};

enum class Type : std::uint32_t { kU8 = 1, kI8 = 2, kU32 = 3, kI32 = 4, kF64 = 5, kStrings = 6 };

inline constexpr std::string_view TypeName(Type t) {
  switch (t) {
    case Type::kU8: return "u8";
    case Type::kI8: return "i8";
    case Type::kU32: return "u32";
    case Type::kI32: return "i32";
    case Type::kF64: return "f64";
    case Type::kStrings: return "strings";
  }
  return "unknown";
}

// The section type of a column's element (an enum is stored as its underlying type).
template <class T>
constexpr Type TypeOf() {
  if constexpr (std::is_enum_v<T>) {
    return TypeOf<std::underlying_type_t<T>>();
  } else if constexpr (std::is_same_v<T, std::uint8_t>) {
    return Type::kU8;
  } else if constexpr (std::is_same_v<T, std::int8_t>) {
    return Type::kI8;
  } else if constexpr (std::is_same_v<T, std::uint32_t>) {
    return Type::kU32;
  } else if constexpr (std::is_same_v<T, std::int32_t>) {
    return Type::kI32;
  } else {
    static_assert(std::is_same_v<T, double>);
    return Type::kF64;
  }
}

// Every section, in file order (version 1). The writer writes and the reader
// expects exactly these.
inline constexpr std::array<std::string_view, 54> kSectionNames = {
    "registry.crs",  // one element: the coordinate system of lon/lat
    "district.id",
    "district.name",
    "street.id",
    "street.name",
    "street.district",
    "estate.id",
    "estate.name",
    "estate.district",
    "estate.street",
    "estate.building_count",
    "estate.build_year",
    "estate.structure",
    "estate.floors",
    "estate.elevator",
    "estate.facilities",
    "estate.hazard_count",
    "estate.hazards",
    "estate.illegal_structures",
    "estate.owners_committee",
    "estate.self_governance_group",
    "estate.management_mode",
    "estate.willingness_pct",
    "estate.lon",
    "estate.lat",
    "estate.shantytown_plan",
    "estate.demolition_plan_year",
    "estate.last_renovation_year",
    "estate.urban_village",
    "estate.mostly_self_built",
    "estate.consent_remove_illegal",
    "estate.consent_property_mgmt",
    "estate.consent_fund_top_up",
    "estate.consent_entrust_public",
    "building.id",
    "building.name",
    "building.floors",
    "building.elevator",
    "building.build_year",
    "building.entrance_count",
    "entrance.id",
    "entrance.dwelling_count",
    "dwelling.id",
    "dwelling.area_centi",
    "dwelling.area_source",
    "dwelling.property_type",
    "dwelling.sale_state",
    "dwelling.floor",
    "dwelling.owner",
    "co_owner.dwelling",
    "co_owner.owner",
    "owner.id",
    "owner.name",
    "owner.kind"};

constexpr bool NamesFit() {
  for (std::string_view n : kSectionNames) {
    if (n.empty() || n.size() >= kNameBytes) return false;
  }
  return true;
}
static_assert(NamesFit(), "a section name fills its 32 bytes with at least one zero");

// Encodings of "not surveyed".
inline constexpr std::int32_t kAbsentInt = std::numeric_limits<std::int32_t>::min();
inline constexpr std::uint8_t kFalse = 0, kTrue = 1, kAbsentBool = 2;
inline constexpr std::int32_t kHazardsNotSurveyed = -1;
// willingness_pct, lon and lat: absent is NaN (no value in range is).

}  // namespace renewal::snapshot_internal

#endif  // RENEWAL_SRC_REGISTRY_SNAPSHOT_FORMAT_H_
