// A small registry for the ledger tests, built with RegistryBuilder.
//
// Estate E1 (owners' committee: yes)
//   B1 (6 floors, elevator)   entrance 1: D-1 60 m², D-2 80 m², D-3 100 m²   commercial
//   B2 (11 floors, no lift)   entrance 1: D-4 70 m² reform, D-5 50 m² reform,
//                                         D-6 40 m² developer-unsold
// Estate E2 (owners' committee: no)
//   B3 (5 floors, no lift)    entrance 1: D-7 70 m², D-8 30 m²
//   B4 (12 floors, elevator)  entrance 1: D-9 70 m²
#ifndef RENEWAL_TESTS_LEDGER_TEST_UTIL_H_
#define RENEWAL_TESTS_LEDGER_TEST_UTIL_H_

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"
#include "renewal/ledger/ledger.h"
#include "renewal/registry/registry.h"

namespace renewal::testing {

inline Registry SmallRegistry() {
  RegistryBuilder b(2025);
  auto ok = [](const absl::Status& s) { EXPECT_TRUE(s.ok()) << s; };
  ok(b.AddDistrict({"DI", "District"}));
  ok(b.AddOwner("O-1", "张三", OwnerKind::kPerson));
  ok(b.AddOwner("O-2", "李四光", OwnerKind::kPerson));
  ok(b.AddOwner("O-3", "王五", OwnerKind::kPerson));
  ok(b.AddOwner("O-4", "赵六", OwnerKind::kPerson));
  ok(b.AddOwner("O-5", "钱七", OwnerKind::kPerson));
  ok(b.AddOwner("O-6", "某某房地产开发有限公司", OwnerKind::kDeveloper));
  ok(b.AddOwner("O-7", "孙八", OwnerKind::kPerson));
  ok(b.AddOwner("O-8", "周九", OwnerKind::kPerson));
  ok(b.AddOwner("O-9", "吴", OwnerKind::kPerson));
  auto dwelling = [&](std::string_view id, std::int64_t centi, PropertyType type, SaleState sale,
                      std::string_view owner) {
    std::vector<std::string_view> owners{owner};
    DwellingRecord r;
    r.id = id;
    r.area_centi = centi;
    r.property_type = type;
    r.sale_state = sale;
    r.owner_ids = owners;
    ok(b.AddDwelling(r));
  };
  Estate e1;
  e1.id = "E1";
  e1.name = "一号小区";
  e1.facts.owners_committee = true;
  ok(b.BeginEstate(e1, "DI", ""));
  Building b1;
  b1.id = "B1";
  b1.floors = 6;
  b1.has_elevator = true;
  ok(b.AddBuilding(b1));
  ok(b.AddEntrance("1"));
  dwelling("D-1", 6000, PropertyType::kCommercial, SaleState::kOwned, "O-1");
  dwelling("D-2", 8000, PropertyType::kCommercial, SaleState::kOwned, "O-2");
  dwelling("D-3", 10000, PropertyType::kCommercial, SaleState::kOwned, "O-3");
  Building b2;
  b2.id = "B2";
  b2.floors = 11;
  b2.has_elevator = false;
  ok(b.AddBuilding(b2));
  ok(b.AddEntrance("1"));
  dwelling("D-4", 7000, PropertyType::kReformHousing, SaleState::kOwned, "O-4");
  dwelling("D-5", 5000, PropertyType::kReformHousing, SaleState::kOwned, "O-5");
  dwelling("D-6", 4000, PropertyType::kCommercial, SaleState::kDeveloperUnsold, "O-6");
  ok(b.EndEstate());
  Estate e2;
  e2.id = "E2";
  e2.facts.owners_committee = false;
  ok(b.BeginEstate(e2, "DI", ""));
  Building b3;
  b3.id = "B3";
  b3.floors = 5;
  b3.has_elevator = false;
  ok(b.AddBuilding(b3));
  ok(b.AddEntrance("1"));
  dwelling("D-7", 7000, PropertyType::kCommercial, SaleState::kOwned, "O-7");
  dwelling("D-8", 3000, PropertyType::kCommercial, SaleState::kOwned, "O-8");
  Building b4;
  b4.id = "B4";
  b4.floors = 12;
  b4.has_elevator = true;
  ok(b.AddBuilding(b4));
  ok(b.AddEntrance("1"));
  dwelling("D-9", 7000, PropertyType::kCommercial, SaleState::kOwned, "O-9");
  ok(b.EndEstate());
  absl::StatusOr<Registry> r = std::move(b).Finish();
  EXPECT_TRUE(r.ok()) << r.status();
  return *std::move(r);
}

inline constexpr Index kD1 = 0, kD2 = 1, kD3 = 2, kD4 = 3, kD5 = 4, kD6 = 5, kD7 = 6, kD8 = 7, kD9 = 8;
inline constexpr Index kB1 = 0, kB2 = 1, kB3 = 2, kB4 = 3;
inline constexpr Index kE1 = 0, kE2 = 1;

inline Money Yuan(std::int64_t y) { return Money::Fen(y * 100); }

// A journal path of this process under the test temp dir, removed first.
inline std::string TempJournal(std::string_view name) {
  const std::string p = ::testing::TempDir() + "renewal_ledger_" + std::to_string(::getpid()) +
                        "_" + std::string(name);
  std::filesystem::remove(p);
  return p;
}
inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline FundUseApproval PassedVote(std::string_view rule = kRuleCivilCodeOrdinary) {
  FundUseApproval a;
  a.vote_id = "V-1";
  a.rule = std::string(rule);
  a.passed = true;
  return a;
}

}  // namespace renewal::testing

#endif  // RENEWAL_TESTS_LEDGER_TEST_UTIL_H_
