// RegistryBuilder and the columnar Registry, without JSON.
#include "renewal/registry/registry.h"

#include <string>
#include <vector>

#include "dwelling_ids.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace renewal {
namespace {

using ::testing::HasSubstr;

DwellingRecord Dwelling(std::string_view id, std::int64_t centi,
                        std::span<const std::string_view> owners) {
  DwellingRecord d;
  d.id = id;
  d.area_centi = centi;
  d.owner_ids = owners;
  return d;
}

// One district, one estate, one building with entrances "1" and "2".
class BuilderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(b_.AddDistrict({"D1", "一区"}).ok());
    ASSERT_TRUE(b_.AddDistrict({"D2", "二区"}).ok());
    ASSERT_TRUE(b_.AddStreet("S1", "一街", "D1").ok());
    Estate e;
    e.id = "E1";
    ASSERT_TRUE(b_.BeginEstate(e, "D1", "S1").ok());
    Building b;
    b.id = "B1";
    ASSERT_TRUE(b_.AddBuilding(b).ok());
    ASSERT_TRUE(b_.AddEntrance("1").ok());
  }
  RegistryBuilder b_{2026};
};

TEST_F(BuilderTest, BuildsColumnsAndRanges) {
  const std::string_view a[] = {"OA"};
  const std::string_view ab[] = {"OB", "OA"};
  ASSERT_TRUE(b_.AddDwelling(Dwelling("X1", 5000, a)).ok());
  ASSERT_TRUE(b_.AddDwelling(Dwelling("X2", 6001, ab)).ok());
  ASSERT_TRUE(b_.AddEntrance("2").ok());
  ASSERT_TRUE(b_.AddDwelling(Dwelling("X3", 1, a)).ok());
  ASSERT_TRUE(b_.EndEstate().ok());
  // Owners defined after the dwellings that name them.
  ASSERT_TRUE(b_.AddOwner("OA", "甲", OwnerKind::kPerson).ok());
  ASSERT_TRUE(b_.AddOwner("OB", "乙", OwnerKind::kOrganisation).ok());
  absl::StatusOr<Registry> r = std::move(b_).Finish();
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->dwelling_count(), 3u);
  EXPECT_EQ(r->entrance_count(), 2u);
  EXPECT_EQ(r->owner(*r->FindOwner("OA")).name, "甲");
  EXPECT_EQ(r->owner(*r->FindOwner("OB")).kind, OwnerKind::kOrganisation);
  const Index x2 = *r->FindDwelling("X2");
  EXPECT_EQ(r->OwnersOf(x2), (std::vector<Index>{*r->FindOwner("OB"), *r->FindOwner("OA")}));
  EXPECT_EQ(r->dwelling(x2).area, Area::Centi(6001));
  EXPECT_EQ(r->entrance(1).first_dwelling, 2u);
  EXPECT_EQ(r->entrance(1).dwelling_count, 1u);
  EXPECT_EQ(r->DwellingRangeOfBuilding(0), (std::pair<Index, Index>{0, 3}));
  EXPECT_EQ(r->estate(0).street, 0u);
  EXPECT_GT(r->DwellingBytes(), 0u);
  EXPECT_GE(r->TotalBytes(), r->DwellingBytes());
}

// Persons for headcounts (法释〔2009〕7号 art. 9): the same owner set is one
// person wherever its units are; every unsold or undelivered unit is the
// developer (person 0), whatever owners are registered; each ownerless
// dwelling is its own person. Ids are handed out in dwelling order.
TEST_F(BuilderTest, NumbersPersonsByOwnerSet) {
  const std::string_view a[] = {"OA"};
  const std::string_view ab[] = {"OA", "OB"};
  const std::string_view ba[] = {"OB", "OA"};
  const std::string_view b[] = {"OB"};
  const std::span<const std::string_view> none;
  auto add = [this](std::string_view id, std::span<const std::string_view> owners,
                    SaleState sale = SaleState::kOwned) {
    DwellingRecord d = Dwelling(id, 5000, owners);
    d.sale_state = sale;
    if (owners.empty()) d.property_type = PropertyType::kOwnerless;
    ASSERT_TRUE(b_.AddDwelling(d).ok()) << id;
  };
  add("X0", ab, SaleState::kDeveloperUnsold);  // {A,B} registered, but the developer's
  add("X1", ba);                               // {A,B}: first owned unit of the set
  add("X2", a);                                // {A} alone: another buyer
  add("X3", none);                             // ownerless
  add("X4", ab);                               // {A,B} again
  add("X5", b, SaleState::kSoldUndelivered);   // the developer's
  add("X6", none);                             // ownerless: a person of its own
  add("X7", b);                                // {B}
  ASSERT_TRUE(b_.EndEstate().ok());
  Estate e2;
  e2.id = "E2";
  ASSERT_TRUE(b_.BeginEstate(e2, "D1", "").ok());
  Building b2;
  b2.id = "B2";
  ASSERT_TRUE(b_.AddBuilding(b2).ok());
  ASSERT_TRUE(b_.AddEntrance("1").ok());
  add("Y0", a);   // {A} in another estate: the same person as X2
  add("Y1", ba);  // {A,B}: as X1
  ASSERT_TRUE(b_.EndEstate().ok());
  ASSERT_TRUE(b_.AddOwner("OA", "甲", OwnerKind::kPerson).ok());
  ASSERT_TRUE(b_.AddOwner("OB", "乙", OwnerKind::kPerson).ok());
  absl::StatusOr<Registry> r = std::move(b_).Finish();
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->dwellings().person, (std::vector<Index>{0, 1, 2, 3, 1, 0, 4, 5, 2, 1}));
  EXPECT_EQ(r->person_count(), 6u);
  // E1's own persons are 1..5; E2 meets only persons first seen in E1.
  EXPECT_EQ(r->PersonRangeOfEstate(0), (std::pair<Index, Index>{1, 5}));
  EXPECT_EQ(r->PersonRangeOfEstate(1), (std::pair<Index, Index>{6, 0}));
}

TEST_F(BuilderTest, HierarchicalIdsAreStoredAsTailsAndFoundWhole) {
  const std::string_view a[] = {"OA"};
  // IDs reading "B1-1-<room>" (room without '-') are stored as a mark plus the room;
  // the others whole: "B1-1-" (no room), "X1", "B1-2-101" (not entrance 2's: the
  // dwelling is in entrance 1), "B1-1-1-1" (split from the right: building "B1-1").
  for (std::string_view id : {"B1-1-101", "B1-1-", "X1", "B1-2-101", "B1-1-1-1"}) {
    ASSERT_TRUE(b_.AddDwelling(Dwelling(id, 100, a)).ok()) << id;
  }
  ASSERT_TRUE(b_.AddEntrance("2").ok());
  ASSERT_TRUE(b_.AddDwelling(Dwelling("B1-2-102", 100, a)).ok());
  EXPECT_EQ(b_.AddDwelling(Dwelling("B1-1-101", 100, a)).code(), absl::StatusCode::kAlreadyExists);
  ASSERT_TRUE(b_.EndEstate().ok());
  ASSERT_TRUE(b_.AddOwner("OA", "", OwnerKind::kPerson).ok());
  absl::StatusOr<Registry> r = std::move(b_).Finish();
  ASSERT_TRUE(r.ok()) << r.status();
  const std::string_view ids[] = {"B1-1-101", "B1-1-", "X1", "B1-2-101", "B1-1-1-1", "B1-2-102"};
  for (Index i = 0; i < 6; ++i) {
    EXPECT_EQ(r->dwelling(i).id, ids[i]);
    EXPECT_EQ(r->FindDwelling(ids[i]), i) << ids[i];
  }
  // The entrance-at-a-time walk spells the same IDs in the same order.
  std::vector<std::string> walked;
  r->ForEachDwellingId([&](Index d, std::string_view id) {
    EXPECT_EQ(d, walked.size());
    walked.emplace_back(id);
  });
  EXPECT_EQ(walked, std::vector<std::string>(std::begin(ids), std::end(ids)));
  EXPECT_EQ(r->FindDwelling("B1-1-102"), std::nullopt);
  EXPECT_EQ(r->FindDwelling("B1-1"), std::nullopt);
  EXPECT_EQ(r->FindDwelling(""), std::nullopt);
  // Moving the registry keeps lookups working (the index is rebound).
  Registry moved = *std::move(r);
  EXPECT_EQ(moved.FindDwelling("B1-2-102"), 5u);
  EXPECT_EQ(moved.dwelling(0).id, "B1-1-101");
}

// The storage rule (docs/registry-format.md "Dwelling IDs"): split from the right at '-',
// so the entrance ID and the room never contain '-' and the building ID may.
TEST(DwellingIdSplit, SplitsFromTheRight) {
  const auto p = DwellingIds::Split("E-0001-B1-2-301");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->building, "E-0001-B1");
  EXPECT_EQ(p->entrance, "2");
  EXPECT_EQ(p->room, "301");
  EXPECT_FALSE(DwellingIds::Split("B1-301").has_value());   // no entrance
  EXPECT_FALSE(DwellingIds::Split("B1-1-").has_value());    // empty room
  EXPECT_FALSE(DwellingIds::Split("B1--301").has_value());  // empty entrance
  EXPECT_FALSE(DwellingIds::Split("-1-301").has_value());   // empty building
}

// Entrance IDs and rooms with '-' make the split ambiguous: such dwellings are
// stored whole and still found, and a building ID with '-' compresses.
TEST(Builder, AmbiguousDwellingIdsWithExtraDashesAreStoredWholeAndFound) {
  RegistryBuilder b(2026);
  const std::string_view a[] = {"OA"};
  ASSERT_TRUE(b.AddDistrict({"D1", ""}).ok());
  Estate e;
  e.id = "E1";
  ASSERT_TRUE(b.BeginEstate(e, "D1", "").ok());
  Building building;
  building.id = "E1-B1";
  ASSERT_TRUE(b.AddBuilding(building).ok());
  ASSERT_TRUE(b.AddEntrance("1-A").ok());
  ASSERT_TRUE(b.AddDwelling(Dwelling("E1-B1-1-A-101", 100, a)).ok());  // entrance has '-'
  ASSERT_TRUE(b.AddEntrance("2").ok());
  ASSERT_TRUE(b.AddDwelling(Dwelling("E1-B1-2-3-01", 100, a)).ok());   // room has '-'
  ASSERT_TRUE(b.AddDwelling(Dwelling("E1-B1-2-301", 100, a)).ok());    // compresses
  // The same spellings again, in another entrance: duplicates however stored.
  ASSERT_TRUE(b.AddEntrance("3").ok());
  for (std::string_view id : {"E1-B1-1-A-101", "E1-B1-2-3-01", "E1-B1-2-301"}) {
    EXPECT_EQ(b.AddDwelling(Dwelling(id, 100, a)).code(), absl::StatusCode::kAlreadyExists) << id;
  }
  ASSERT_TRUE(b.AddDwelling(Dwelling("E1-B1-3-1", 100, a)).ok());
  ASSERT_TRUE(b.EndEstate().ok());
  ASSERT_TRUE(b.AddOwner("OA", "", OwnerKind::kPerson).ok());
  absl::StatusOr<Registry> r = std::move(b).Finish();
  ASSERT_TRUE(r.ok()) << r.status();
  const std::string_view ids[] = {"E1-B1-1-A-101", "E1-B1-2-3-01", "E1-B1-2-301", "E1-B1-3-1"};
  for (Index i = 0; i < 4; ++i) {
    EXPECT_EQ(r->dwelling(i).id, ids[i]);
    EXPECT_EQ(r->FindDwelling(ids[i]), i) << ids[i];
  }
  EXPECT_EQ(r->FindDwelling("E1-B1-1-A-102"), std::nullopt);
  EXPECT_EQ(r->FindDwelling("E1-B1-2-3"), std::nullopt);
}

// A whole-stored ID and a compressed one spelling the same are one ID, whichever
// comes first.
TEST_F(BuilderTest, DuplicatesAcrossWholeAndCompressedFormsAreRefused) {
  const std::string_view a[] = {"OA"};
  // In entrance 1, "B1-2-201" is not its own entrance's: stored whole.
  ASSERT_TRUE(b_.AddDwelling(Dwelling("B1-2-201", 100, a)).ok());
  ASSERT_TRUE(b_.AddDwelling(Dwelling("B1-1-101", 100, a)).ok());
  ASSERT_TRUE(b_.AddEntrance("2").ok());
  // In entrance 2 it would compress: the whole row already spells it.
  EXPECT_THAT(b_.AddDwelling(Dwelling("B1-2-201", 100, a)).message(),
              HasSubstr("duplicate dwelling id \"B1-2-201\""));
  // Stored whole here, "B1-1-101" is entrance 1's compressed row.
  EXPECT_EQ(b_.AddDwelling(Dwelling("B1-1-101", 100, a)).code(), absl::StatusCode::kAlreadyExists);
  ASSERT_TRUE(b_.AddDwelling(Dwelling("B1-2-202", 100, a)).ok());
  EXPECT_EQ(b_.dwelling_count(), 3u);
}

// An entrance with more dwellings than a lookup scans has its rows in the hash set:
// found, and duplicates refused, on either side of the limit.
TEST_F(BuilderTest, BigEntrancesAreFoundAndCheckedThroughTheHashSet) {
  const std::string_view a[] = {"OA"};
  const Index n = DwellingIds::kScanLimit + 40;
  std::vector<std::string> ids;
  for (Index k = 0; k < n; ++k) ids.push_back("B1-1-" + std::to_string(1000 + k));
  for (Index k = 0; k < n; ++k) {
    ASSERT_TRUE(b_.AddDwelling(Dwelling(ids[k], 100, a)).ok()) << k;
    if (k == DwellingIds::kScanLimit - 1 || k == n - 1) {
      EXPECT_EQ(b_.AddDwelling(Dwelling(ids[0], 100, a)).code(), absl::StatusCode::kAlreadyExists);
      EXPECT_EQ(b_.AddDwelling(Dwelling(ids[k], 100, a)).code(), absl::StatusCode::kAlreadyExists);
    }
  }
  ASSERT_TRUE(b_.EndEstate().ok());
  ASSERT_TRUE(b_.AddOwner("OA", "", OwnerKind::kPerson).ok());
  absl::StatusOr<Registry> r = std::move(b_).Finish();
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->dwelling_count(), n);
  for (Index k = 0; k < n; ++k) EXPECT_EQ(r->FindDwelling(ids[k]), k) << ids[k];
  EXPECT_EQ(r->FindDwelling("B1-1-999"), std::nullopt);
}

TEST_F(BuilderTest, RejectsBadDwellingsWithoutAddingThem) {
  const std::string_view a[] = {"OA"};
  const std::string_view twice[] = {"OA", "OA"};
  EXPECT_THAT(b_.AddDwelling(Dwelling("X1", 0, a)).message(),
              HasSubstr("exclusive_area_m2: must be > 0 and <= 10000, got 0.00"));
  EXPECT_THAT(b_.AddDwelling(Dwelling("X1", 1'000'001, a)).message(),
              HasSubstr("got 10000.01"));
  EXPECT_THAT(b_.AddDwelling(Dwelling("X1", 100, {})).message(),
              HasSubstr("owners: must name at least one owner"));
  EXPECT_THAT(b_.AddDwelling(Dwelling("X1", 100, twice)).message(),
              HasSubstr("owners: owner \"OA\" listed twice"));
  EXPECT_EQ(b_.AddDwelling(Dwelling("", 100, a)).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(b_.dwelling_count(), 0u);
  // An ownerless dwelling (无主) needs no owner.
  DwellingRecord ownerless = Dwelling("X9", 100, {});
  ownerless.property_type = PropertyType::kOwnerless;
  EXPECT_TRUE(b_.AddDwelling(ownerless).ok());
  EXPECT_EQ(b_.AddDwelling(ownerless).code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(b_.dwelling_count(), 1u);
}

TEST_F(BuilderTest, RejectsDuplicateEntranceAndMisuse) {
  EXPECT_EQ(b_.AddEntrance("1").code(), absl::StatusCode::kAlreadyExists);
  Estate e;
  e.id = "E2";
  EXPECT_EQ(b_.BeginEstate(e, "D1", "").code(), absl::StatusCode::kFailedPrecondition);
  // The open estate has no dwellings yet.
  EXPECT_THAT(b_.EndEstate().message(), HasSubstr("estate has no dwellings"));
}

TEST(Builder, StreetMustBelongToTheEstatesDistrict) {
  RegistryBuilder b(2026);
  ASSERT_TRUE(b.AddDistrict({"D1", ""}).ok());
  ASSERT_TRUE(b.AddDistrict({"D2", ""}).ok());
  ASSERT_TRUE(b.AddStreet("S1", "", "D1").ok());
  EXPECT_EQ(b.AddStreet("S2", "", "D9").code(), absl::StatusCode::kNotFound);
  Estate e;
  e.id = "E1";
  EXPECT_THAT(b.BeginEstate(e, "D2", "S1").message(),
              HasSubstr("street \"S1\" belongs to district \"D1\", not \"D2\""));
}

TEST(Builder, ChecksYearsAndSurveyRanges) {
  RegistryBuilder b(2026);
  ASSERT_TRUE(b.AddDistrict({"D1", ""}).ok());
  Estate e;
  e.id = "E1";
  e.facts.last_renovation_year = 2027;
  EXPECT_THAT(b.BeginEstate(e, "D1", "").message(),
              HasSubstr("last_renovation_year: must be between 1900 and 2026, got 2027"));
  e.facts.last_renovation_year = kNever;
  e.facts.willingness_pct = 100.5;
  EXPECT_THAT(b.BeginEstate(e, "D1", "").message(), HasSubstr("willingness_pct"));
  e.facts.willingness_pct = 100;
  e.facts.floors = 0;
  EXPECT_THAT(b.BeginEstate(e, "D1", "").message(), HasSubstr("floors: must be between 1 and 120"));
  e.facts.floors = 6;
  EXPECT_TRUE(b.BeginEstate(e, "D1", "").ok());
}

TEST(Area, FormatsTwoDecimals) {
  EXPECT_EQ(Area::Centi(7235).ToString(), "72.35");
  EXPECT_EQ(Area::Centi(5).ToString(), "0.05");
  EXPECT_EQ(Area::Centi(-1200).ToString(), "-12.00");
  EXPECT_EQ((Area::Centi(1) + Area::Centi(2)).centi(), 3);
}

TEST(Labels, ParseAcceptsKeyChineseAndEnglish) {
  EXPECT_EQ(ParseLabel<PropertyType>("reform_housing"), PropertyType::kReformHousing);
  EXPECT_EQ(ParseLabel<PropertyType>("房改房"), PropertyType::kReformHousing);
  EXPECT_EQ(ParseLabel<PropertyType>("reformed public housing"), PropertyType::kReformHousing);
  EXPECT_EQ(ParseLabel<PropertyType>("villa"), std::nullopt);
  // Tables are in enumerator order (LabelOf indexes by value).
  for (const auto& l : Labels<Facility>()) EXPECT_EQ(&LabelOf(l.value), &l);
  for (const auto& l : Labels<Condition>()) EXPECT_EQ(&LabelOf(l.value), &l);
  for (const auto& l : Labels<PropertyType>()) EXPECT_EQ(&LabelOf(l.value), &l);
  EXPECT_EQ(ZhOf(Facility::kWeakCurrent), "弱电");
  EXPECT_EQ(DefaultCategoryOf(Facility::kElevator), Category::kImprovement);
}

}  // namespace
}  // namespace renewal
