// The synthetic city generator. Two passes: the first draws every estate's
// buildings and entrances and spreads the household total over the entrances
// (largest remainder, so the total is exact); the second draws the survey facts,
// dwellings and owners and feeds them to RegistryBuilder. Each estate has its own
// PRNG streams, so its content does not depend on the order of drawing.
#include "renewal/registry/generate.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "absl/numeric/int128.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"

namespace renewal {

// --- PRNG -----------------------------------------------------------------------

namespace {
constexpr std::uint64_t Rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
}  // namespace

Rng::Rng(std::uint64_t seed) {
  SplitMix64 sm(seed);
  for (std::uint64_t& s : s_) s = sm.Next();
}

Rng::Rng(std::uint64_t seed, std::uint64_t stream, std::uint64_t index)
    : Rng(SplitMix64(SplitMix64(SplitMix64(seed).Next() ^ stream).Next() ^ index).Next()) {}

std::uint64_t Rng::Next() {
  const std::uint64_t result = Rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = Rotl(s_[3], 45);
  return result;
}

std::uint64_t Rng::Below(std::uint64_t n) {
  absl::uint128 m = absl::uint128(Next()) * n;
  std::uint64_t low = absl::Uint128Low64(m);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;
    while (low < threshold) {
      m = absl::uint128(Next()) * n;
      low = absl::Uint128Low64(m);
    }
  }
  return absl::Uint128High64(m);
}

int Rng::Between(int lo, int hi) {
  return lo + static_cast<int>(Below(static_cast<std::uint64_t>(hi - lo) + 1));
}

bool Rng::Chance(std::uint32_t num, std::uint32_t den) { return Below(den) < num; }

std::size_t Rng::Pick(std::span<const std::uint32_t> weights) {
  std::uint64_t total = 0;
  for (std::uint32_t w : weights) total += w;
  std::uint64_t x = Below(total);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (x < weights[i]) return i;
    x -= weights[i];
  }
  return weights.size() - 1;
}

// --- the city ------------------------------------------------------------------------

namespace {

constexpr std::uint64_t kSeedEstates = 1'233;       // seed 003 二: 老旧小区1233个
constexpr std::uint64_t kSeedHouseholds = 166'800;  // 涉及居民16.68万户
// Streams of Rng(seed, stream, index).
constexpr std::uint64_t kCityStream = 0, kShapeStream = 1, kEstateStream = 2;
// The city centre (micro-degrees): a mid-sized city of central China.
constexpr std::int64_t kCentreLon = 113'190'000, kCentreLat = 33'770'000;

constexpr std::string_view kDistrictNames[] = {"城东区", "城西区", "城南区", "城北区", "新城区"};
constexpr std::uint32_t kDistrictWeights[] = {30, 25, 20, 15, 10};
constexpr std::int64_t kDistrictOffset[][2] = {
    {22'000, 6'000}, {-24'000, 4'000}, {3'000, -21'000}, {-6'000, 23'000}, {38'000, -12'000}};
constexpr std::string_view kStreetWords[] = {
    "东风", "光明", "和平", "建设", "解放", "人民", "胜利", "文化", "新华", "中兴", "青年", "矿工",
    "建材", "曙光", "朝阳", "友谊", "团结", "幸福", "长青", "红旗"};
constexpr std::string_view kEstateWords[] = {
    "建设路", "人民路", "解放路", "中兴路", "光明路", "和平路", "新华路", "胜利路",
    "文化路", "青年路", "矿工路", "建材街", "纺织厂", "煤机厂", "化工厂", "电业局",
    "供销社", "粮食局", "机械厂", "第一中学", "卫生局", "交通局", "水利局", "铁路",
    "邮电局", "棉纺厂", "食品厂", "钢厂", "医院", "师范学校"};
constexpr std::string_view kEstateSuffixes[] = {"小区", "家属院", "宿舍", "新村", "花园", "公寓",
                                                "住宅区"};
constexpr std::string_view kSurnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
    "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
    "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏"};
constexpr std::string_view kGiven[] = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
    "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "建", "国", "文", "红", "玉", "兰",
    "志", "海", "春", "梅", "林", "福", "德", "成", "喜", "凤"};

// Property types an estate is mostly made of (the rest are mixed in): 房改房
// dominate old estates (BRIEF §1).
constexpr PropertyType kEstateTypes[] = {
    PropertyType::kReformHousing, PropertyType::kCommercial, PropertyType::kPublicHousing,
    PropertyType::kWorkUnit, PropertyType::kResettlement, PropertyType::kAffordable};
constexpr std::uint32_t kEstateTypeWeights[] = {45, 25, 10, 10, 7, 3};

struct BuildingShape {
  std::uint8_t floors;
  std::uint8_t entrances;
  std::uint16_t units;  // dwellings per floor per entrance (一梯N户)
};

struct CityShape {
  std::vector<std::uint32_t> first_building;  // per estate, plus one end entry
  std::vector<BuildingShape> buildings;
  std::vector<std::uint32_t> households;  // per entrance, in building order
};

// Pass 1: shapes, then the household total spread over the entrances in
// proportion to capacity × a random fill of 70–100 %.
CityShape DrawShapes(const GenerateOptions& o, std::uint64_t target) {
  CityShape c;
  c.first_building.reserve(o.estates + 1);
  std::vector<std::uint32_t> fill;  // per entrance, percent
  for (std::uint64_t e = 0; e < o.estates; ++e) {
    Rng r(o.seed, kShapeStream, e);
    c.first_building.push_back(static_cast<std::uint32_t>(c.buildings.size()));
    // 2–12 buildings, most estates small: the mean of two uniform draws.
    const int buildings = 2 + (r.Between(0, 10) + r.Between(0, 10)) / 2;
    for (int b = 0; b < buildings; ++b) {
      static constexpr std::uint32_t kFloorW[] = {15, 30, 30, 25};     // 4–7 floors
      static constexpr std::uint32_t kEntranceW[] = {30, 45, 25};      // 1–3 单元
      static constexpr std::uint32_t kUnitW[] = {70, 25, 5};           // 一梯2/3/4户
      BuildingShape s;
      s.floors = static_cast<std::uint8_t>(4 + r.Pick(kFloorW));
      s.entrances = static_cast<std::uint8_t>(1 + r.Pick(kEntranceW));
      s.units = static_cast<std::uint16_t>(2 + r.Pick(kUnitW));
      c.buildings.push_back(s);
      for (int k = 0; k < s.entrances; ++k) fill.push_back(static_cast<std::uint32_t>(r.Between(70, 100)));
    }
  }
  c.first_building.push_back(static_cast<std::uint32_t>(c.buildings.size()));

  // Weights in 1/100 dwelling; if they fall short of the target, widen every
  // floor (more dwellings per floor) until they do not.
  std::vector<std::uint64_t> weight(fill.size());
  std::uint64_t total = 0;
  for (int widen = 0;; ++widen) {
    total = 0;
    std::size_t i = 0;
    for (const BuildingShape& s : c.buildings) {
      for (int k = 0; k < s.entrances; ++k, ++i) {
        weight[i] = std::uint64_t{s.floors} * s.units * fill[i];
        total += weight[i];
      }
    }
    if (absl::uint128(target) * 100 <= absl::uint128(total) || widen > 20) break;
    for (BuildingShape& s : c.buildings) s.units = static_cast<std::uint16_t>(s.units * 2);
  }
  // Largest remainder: floor shares first, then one more to the largest
  // remainders (ties to the lower index). Never above an entrance's capacity.
  c.households.resize(weight.size());
  std::vector<std::pair<std::uint64_t, std::uint32_t>> remainders(weight.size());
  std::uint64_t given = 0;
  for (std::size_t i = 0; i < weight.size(); ++i) {
    const absl::uint128 share = absl::uint128(target) * weight[i];
    c.households[i] = static_cast<std::uint32_t>(absl::Uint128Low64(share / total));
    remainders[i] = {absl::Uint128Low64(share % total), static_cast<std::uint32_t>(i)};
    given += c.households[i];
  }
  const std::uint64_t left = target - given;
  if (left > 0) {
    const auto by_remainder = [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    };
    std::nth_element(remainders.begin(), remainders.begin() + static_cast<std::ptrdiff_t>(left - 1),
                     remainders.end(), by_remainder);
    for (std::uint64_t k = 0; k < left; ++k) ++c.households[remainders[k].second];
  }
  return c;
}

void AppendNumber(std::string& s, std::uint64_t v, int width) {
  char buf[24];
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v > 0);
  for (int k = n; k < width; ++k) s.push_back('0');
  while (n > 0) s.push_back(buf[--n]);
}

std::string PersonName(Rng& r) {
  std::string name(kSurnames[r.Below(std::size(kSurnames))]);
  name += kGiven[r.Below(std::size(kGiven))];
  if (r.Chance(70, 100)) name += kGiven[r.Below(std::size(kGiven))];
  return name;
}

// An optional value, missing with probability missing_per_mille / 1000.
template <class T>
std::optional<T> Maybe(Rng& r, std::uint32_t missing_per_mille, T value) {
  if (r.Chance(missing_per_mille, 1000)) return std::nullopt;
  return value;
}

EstateFacts DrawFacts(Rng& r, int max_floors, std::size_t district) {
  EstateFacts f;
  // Build years 1975–2005, 90 % by 2000, skewed to the 1990s (the later of two draws).
  int year = r.Chance(90, 100) ? 1975 + std::max(r.Between(0, 25), r.Between(0, 25))
                               : r.Between(2001, 2005);
  f.build_year = Maybe(r, 20, year);
  static constexpr std::uint32_t kStructureW[] = {2, 80, 5, 10, 0, 0, 3};
  f.structure = static_cast<Structure>(r.Pick(kStructureW));
  f.floors = Maybe(r, 15, max_floors);
  f.has_elevator = Maybe(r, 15, false);
  // Facility condition by estate quality: older estates are worse off.
  const bool old = year <= 1990;
  static constexpr std::uint32_t kGoodEstate[] = {0, 60, 39, 1, 0};
  static constexpr std::uint32_t kOldEstate[] = {0, 10, 30, 45, 15};
  static constexpr std::uint32_t kMidEstate[] = {0, 30, 45, 20, 5};
  const bool good = r.Chance(15, 100);
  for (std::size_t i = 0; i < kFacilityCount; ++i) {
    const auto facility = static_cast<Facility>(i);
    Condition c;
    if (r.Chance(3, 100)) {
      c = Condition::kUnknown;
    } else if (facility == Facility::kElevator) {
      c = Condition::kMissing;  // walk-ups
    } else {
      c = static_cast<Condition>(r.Pick(good ? kGoodEstate : old ? kOldEstate : kMidEstate));
    }
    f.facilities[i] = c;
  }
  if (!r.Chance(5, 100)) {
    std::vector<Hazard> hazards;
    for (std::size_t h = 0; h < LabelCount<Hazard>(); ++h) {
      if (r.Chance(old ? 15 : 8, 100)) hazards.push_back(static_cast<Hazard>(h));
    }
    f.safety_hazards = std::move(hazards);
  }
  static constexpr std::uint32_t kIllegalW[] = {4, 25, 35, 25, 11};
  f.illegal_structures = static_cast<IllegalStructures>(r.Pick(kIllegalW));
  f.owners_committee = Maybe(r, 50, r.Chance(30, 100));
  f.self_governance_group = Maybe(r, 50, r.Chance(45, 100));
  static constexpr std::uint32_t kManagementW[] = {5, 25, 20, 20, 10, 20};
  f.management_mode = static_cast<ManagementMode>(r.Pick(kManagementW));
  // Willingness 40.00–99.00 %, skewed high; two decimals.
  const int centi_pct = 4000 + std::max(r.Between(0, 5900), r.Between(0, 5900));
  f.willingness_pct = Maybe(r, 60, centi_pct / 100.0);
  const std::size_t d = district % std::size(kDistrictOffset);
  const std::int64_t spread = district < std::size(kDistrictOffset) ? 0 : 
      static_cast<std::int64_t>((district * 7919) % 120'001) - 60'000;
  const std::int64_t lon = kCentreLon + kDistrictOffset[d][0] + spread + r.Between(-15'000, 15'000);
  const std::int64_t lat = kCentreLat + kDistrictOffset[d][1] - spread / 2 + r.Between(-15'000, 15'000);
  f.location = Maybe(r, 10, Location{static_cast<double>(lon) / 1e6, static_cast<double>(lat) / 1e6});
  f.in_shantytown_plan = Maybe(r, 30, r.Chance(2, 100));
  f.demolition_plan_year = Maybe(r, 30, r.Chance(4, 100) ? r.Between(2020, 2035) : kNever);
  f.last_renovation_year = Maybe(r, 40, r.Chance(15, 100) ? r.Between(2005, 2023) : kNever);
  f.urban_village = Maybe(r, 20, r.Chance(15, 1000));
  f.mostly_self_built = Maybe(r, 20, r.Chance(2, 100));
  const auto consent = [&r] { return Maybe(r, 80, r.Chance(82, 100)); };
  f.consent_remove_illegal = consent();
  f.consent_property_management = consent();
  f.consent_fund_top_up = consent();
  f.consent_entrust_public_resources = consent();
  return f;
}

// Owners made on demand for one estate.
struct EstateOwners {
  std::string work_unit;   // "U" + estate id once defined
  std::string developer;   // "V" + estate id once defined
  std::string last_person; // the previous single-dwelling person owner
  bool last_person_single = false;
};

// The districts (weights as seed 003's city), their streets and each district's
// housing office as the owner of public housing; draws from `city` only.
absl::Status AddDistricts(std::size_t districts, Rng& city, RegistryBuilder& b,
                          std::vector<std::uint32_t>& district_weight,
                          std::vector<std::vector<std::string>>& street_ids) {
  for (std::size_t d = 0; d < districts; ++d) {
    District district;
    district.id = StrCat("D", d + 1);
    district.name = d < std::size(kDistrictNames) ? std::string(kDistrictNames[d])
                                                   : StrCat("第", d + 1, "区");
    if (d < std::size(kDistrictWeights)) district_weight[d] = kDistrictWeights[d];
    RENEWAL_RETURN_IF_ERROR(b.AddDistrict(district));
    const int streets = city.Between(4, 9);
    for (int s = 0; s < streets; ++s) {
      std::string id = StrCat(district.id, "-S", s + 1);
      std::string name = StrCat(kStreetWords[(d * 7 + static_cast<std::size_t>(s) * 3) %
                                             std::size(kStreetWords)],
                                "街道");
      RENEWAL_RETURN_IF_ERROR(b.AddStreet(id, std::move(name), district.id));
      street_ids[d].push_back(std::move(id));
    }
    RENEWAL_RETURN_IF_ERROR(b.AddOwner(StrCat("G-", district.id), StrCat(district.name, "房管所"),
                                       OwnerKind::kGovernment));
  }

  return absl::OkStatus();
}

// A dwelling's owners by its property type: the district's housing office, the
// estate's work unit or developer (added on first use), or persons (3 % holding a
// second dwelling, 10 % co-owned). `ids` (count `id_count`) views `gov`,
// `owners`, `person_id` or `spouse_id`, which outlive the dwelling's record.
absl::Status DrawOwners(Rng& r, DwellingRecord& d, const std::string& district_id,
                        const std::string& estate_id, EstateOwners& owners, RegistryBuilder& b,
                        std::uint64_t& next_person, std::string& gov, std::string& person_id,
                        std::string& spouse_id, std::array<std::string_view, 2>& ids,
                        std::size_t& id_count) {
  switch (d.property_type) {
    case PropertyType::kOwnerless:
      break;
    case PropertyType::kPublicHousing:
      gov = StrCat("G-", district_id);
      ids[id_count++] = gov;
      break;
    case PropertyType::kWorkUnit:
      if (owners.work_unit.empty()) {
        owners.work_unit = StrCat("U", estate_id);
        RENEWAL_RETURN_IF_ERROR(b.AddOwner(owners.work_unit,
                                           StrCat("原产权单位（", estate_id, "）"),
                                           OwnerKind::kOrganisation));
      }
      ids[id_count++] = owners.work_unit;
      break;
    default:
      if (d.property_type == PropertyType::kCommercial && r.Chance(4, 100)) {
        if (owners.developer.empty()) {
          owners.developer = StrCat("V", estate_id);
          RENEWAL_RETURN_IF_ERROR(b.AddOwner(owners.developer,
                                             StrCat("开发建设单位（", estate_id, "）"),
                                             OwnerKind::kDeveloper));
        }
        d.sale_state = SaleState::kDeveloperUnsold;
        ids[id_count++] = owners.developer;
        break;
      }
      if (d.property_type == PropertyType::kCommercial && r.Chance(1, 100)) {
        d.sale_state = SaleState::kSoldUndelivered;
      }
      // 3 % of owners hold a second dwelling in the same estate.
      if (owners.last_person_single && r.Chance(3, 100)) {
        person_id = owners.last_person;
        owners.last_person_single = false;
      } else {
        person_id.assign(1, 'P');
        AppendNumber(person_id, next_person++, 8);
        RENEWAL_RETURN_IF_ERROR(b.AddOwner(person_id, PersonName(r), OwnerKind::kPerson));
        owners.last_person = person_id;
        owners.last_person_single = true;
      }
      ids[id_count++] = person_id;
      // 10 % co-owned (e.g. spouses).
      if (r.Chance(10, 100)) {
        spouse_id.assign(1, 'P');
        AppendNumber(spouse_id, next_person++, 8);
        RENEWAL_RETURN_IF_ERROR(b.AddOwner(spouse_id, PersonName(r), OwnerKind::kPerson));
        ids[id_count++] = spouse_id;
      }
      break;
  }
  return absl::OkStatus();
}

// One estate: its name and facts, then building by building (a shared floor plan
// per building) its entrances and dwellings with their owners. Draws from the
// estate's own stream, so an estate does not depend on those before it.
absl::Status AddEstate(const GenerateOptions& o, std::uint64_t e, const CityShape& shape,
                       const std::vector<std::uint32_t>& district_weight,
                       const std::vector<std::vector<std::string>>& street_ids, int id_width,
                       RegistryBuilder& b, std::uint64_t& next_person, std::string& dwelling_id,
                       std::string& person_id, std::string& spouse_id,
                       std::size_t& entrance_index) {
  Rng r(o.seed, kEstateStream, e);
  const std::uint32_t first_b = shape.first_building[e];
  const std::uint32_t end_b = shape.first_building[e + 1];
  int max_floors = 0;
  for (std::uint32_t k = first_b; k < end_b; ++k) {
    max_floors = std::max<int>(max_floors, shape.buildings[k].floors);
  }
  const std::size_t district = r.Pick(district_weight);
  const std::string& street = street_ids[district][r.Below(street_ids[district].size())];
  Estate estate;
  estate.id = "E";
  AppendNumber(estate.id, e + 1, id_width);
  estate.name = std::string(kEstateWords[r.Below(std::size(kEstateWords))]);
  if (r.Chance(30, 100)) {
    estate.name += StrCat(r.Between(1, 99), "号院");
  } else {
    estate.name += kEstateSuffixes[r.Below(std::size(kEstateSuffixes))];
  }
  estate.facts = DrawFacts(r, max_floors, district);
  const std::optional<int> estate_year = estate.facts.build_year;
  const std::string estate_id = estate.id;
  const std::string district_id = StrCat("D", district + 1);
  RENEWAL_RETURN_IF_ERROR(b.BeginEstate(std::move(estate), district_id, street));

  const PropertyType estate_type = kEstateTypes[r.Pick(kEstateTypeWeights)];
  EstateOwners owners;
  for (std::uint32_t k = first_b; k < end_b; ++k) {
    const BuildingShape& s = shape.buildings[k];
    const std::uint32_t number = k - first_b + 1;
    Building building;
    building.id = StrCat(estate_id, "-");
    AppendNumber(building.id, number, 2);
    building.name = StrCat(number, "栋");
    building.floors = s.floors;
    building.has_elevator = false;
    if (estate_year && r.Chance(5, 100)) building.build_year = std::min(*estate_year + r.Between(1, 4), 2008);
    const std::string building_id = building.id;
    RENEWAL_RETURN_IF_ERROR(b.AddBuilding(std::move(building)));
    // Dwellings of one building share a floor plan: a base area ± 2.50 m².
    const int base_centi = 4250 + r.Between(0, 6500);  // 42.50–107.50 m²
    for (int en = 1; en <= s.entrances; ++en, ++entrance_index) {
      const std::string entrance = StrCat(en);
      RENEWAL_RETURN_IF_ERROR(b.AddEntrance(entrance));
      const std::uint32_t count = shape.households[entrance_index];
      for (std::uint32_t n = 0; n < count; ++n) {
        const std::uint32_t floor = n / s.units + 1;
        const std::uint32_t unit = n % s.units + 1;
        dwelling_id.assign(building_id);
        dwelling_id += '-';
        dwelling_id += entrance;
        dwelling_id += '-';
        AppendNumber(dwelling_id, floor, 1);
        AppendNumber(dwelling_id, unit, 2);
        DwellingRecord d;
        d.id = dwelling_id;
        d.area_centi = std::clamp(base_centi + r.Between(-250, 250), 4000, 11000);
        static constexpr std::uint32_t kSourceW[] = {85, 10, 5};
        d.area_source = static_cast<AreaSource>(r.Pick(kSourceW));
        d.property_type = r.Chance(88, 100) ? estate_type : kEstateTypes[r.Pick(kEstateTypeWeights)];
        if (r.Chance(3, 1000)) d.property_type = PropertyType::kOwnerless;
        d.floor = static_cast<int>(floor);
        std::array<std::string_view, 2> ids;
        std::size_t id_count = 0;
        std::string gov;
        RENEWAL_RETURN_IF_ERROR(DrawOwners(r, d, district_id, estate_id, owners, b, next_person,
                                           gov, person_id, spouse_id, ids, id_count));
        d.owner_ids = std::span<const std::string_view>(ids.data(), id_count);
        if (auto st = b.AddDwelling(d); !st.ok()) {
          return absl::InternalError(StrCat("generator: dwelling ", dwelling_id, ": ", st.message()));
        }
      }
    }
  }
  if (auto st = b.EndEstate(); !st.ok()) {
    return absl::InternalError(StrCat("generator: estate ", estate_id, ": ", st.message()));
  }
  return absl::OkStatus();
}

}  // namespace

std::uint64_t TargetHouseholds(const GenerateOptions& o) {
  const absl::uint128 num = absl::uint128(o.estates) * kSeedHouseholds * o.households_scale_pct;
  const absl::uint128 den = absl::uint128(kSeedEstates) * 100;
  return absl::Uint128Low64((num * 2 + den) / (den * 2));
}

absl::StatusOr<Registry> GenerateCity(const GenerateOptions& o) {
  if (o.estates == 0 || o.estates > 10'000'000) {
    return absl::InvalidArgumentError(
        StrCat("estates: must be between 1 and 10000000, got ", o.estates));
  }
  // Below 30 % an entrance could be left empty; above 1000 % floors get unrealistic.
  if (o.households_scale_pct < 30 || o.households_scale_pct > 1'000) {
    return absl::InvalidArgumentError(StrCat(
        "households_scale_pct: must be between 30 and 1000, got ", o.households_scale_pct));
  }
  const std::uint64_t target = TargetHouseholds(o);
  if (target > (std::uint64_t{1} << 31)) {
    return absl::InvalidArgumentError(
        StrCat("households: at most 2147483648 dwellings, asked for ", target));
  }
  const CityShape shape = DrawShapes(o, target);

  RegistryBuilder b(o.current_year > 0 ? o.current_year : std::max(CurrentYear(), 2024));
  b.ReserveDwellings(target);
  b.ReserveOwners(target / 10 * 9);  // most dwellings have their own owner
  Rng city(o.seed, kCityStream, 0);

  // Districts: 5 like seed 003's city; a national-scale run gets one per ~250 estates.
  const std::size_t districts =
      o.estates <= 5'000 ? 5 : static_cast<std::size_t>((o.estates + 249) / 250);
  std::vector<std::uint32_t> district_weight(districts, 1);
  std::vector<std::vector<std::string>> street_ids(districts);
  RENEWAL_RETURN_IF_ERROR(AddDistricts(districts, city, b, district_weight, street_ids));

  std::uint64_t next_person = 1;
  std::string dwelling_id, person_id, spouse_id;
  std::size_t entrance_index = 0;
  const int id_width = o.estates < 1'000'000 ? 6 : 7;
  for (std::uint64_t e = 0; e < o.estates; ++e) {
    RENEWAL_RETURN_IF_ERROR(AddEstate(o, e, shape, district_weight, street_ids, id_width, b,
                                      next_person, dwelling_id, person_id, spouse_id,
                                      entrance_index));
  }
  return std::move(b).Finish();
}

}  // namespace renewal
