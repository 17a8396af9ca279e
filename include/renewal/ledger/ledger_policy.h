// Deposit standards of the residential special maintenance fund (住宅专项维修资金):
// how much each dwelling must pay in as its first deposit (首期交存额).
//
//  national  Order 165 (建设部、财政部令第165号) art. 7: commercial housing pays 5%–8% of the
//            local construction-and-installation cost per m² × floor area; art. 8: sold
//            public housing (房改房) pays 2% of the local reform cost price per m² × area,
//            and the selling unit (售房单位) puts in ≥ 20% (multi-storey) or ≥ 30%
//            (high-rise) of the sale proceeds once.
//  liuyang   seed 000_0d284f5c619b042b.txt (Liuyang 5.6): 70% of the commercial standard,
//            i.e. 35 yuan/m² for buildings without an elevator, 60 yuan/m² with one.
//  ningbo    seed 001_c9c5fc786dd61830.txt (Ningbo, 即交即用即补): 60%–80% of the new-build
//            standard per m².
//
// Amounts are exact: fen per m² × 0.01 m² × rate, rounded half up to the fen once at
// the end (128-bit intermediates).
#ifndef RENEWAL_LEDGER_POLICY_H_
#define RENEWAL_LEDGER_POLICY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renewal/base/labels.h"
#include "renewal/base/money.h"
#include "renewal/registry/registry.h"

namespace renewal {

enum class DepositStandard : std::uint8_t { kNational, kLiuyang, kNingbo };
template <>
struct LabelTable<DepositStandard> {
  static constexpr std::array<Label<DepositStandard>, 3> kLabels{{
      {DepositStandard::kNational, "national", "全国（165号令）", "national (Order 165)"},
      {DepositStandard::kLiuyang, "liuyang", "浏阳", "Liuyang"},
      {DepositStandard::kNingbo, "ningbo", "宁波", "Ningbo"},
  }};
};

struct DepositPolicy {
  DepositStandard standard = DepositStandard::kNational;

  // national (art. 7): 当地住宅建筑安装工程每平方米造价 × rate_bp / 10000, rate 5%–8%.
  Money construction_cost_per_m2;
  int rate_bp = 500;
  // national, sold public housing (art. 8(1)): 当地房改成本价 × 2% per m².
  Money reform_cost_price_per_m2;
  int reform_owner_rate_bp = 200;
  // art. 8(2): selling unit ≥ 20% of proceeds (multi-storey), ≥ 30% (high-rise).
  int selling_unit_multi_storey_pct = 20;
  int selling_unit_high_rise_pct = 30;
  // High-rise residential: 10 floors and more (GB 50096 住宅设计规范).
  int high_rise_min_floors = 10;

  // liuyang (seed 000): fixed amounts per m².
  Money per_m2_without_elevator;
  Money per_m2_with_elevator;

  // ningbo (seed 001): new_build_pct (60–80) of the new-build standard per m².
  Money new_build_standard_per_m2;
  int new_build_pct = 60;
};

// Presets. National checks rate_bp ∈ [500, 800] (art. 7), Ningbo pct ∈ [60, 80].
absl::StatusOr<DepositPolicy> NationalPolicy(Money construction_cost_per_m2, int rate_bp,
                                             Money reform_cost_price_per_m2 = Money());
// seed 000_0d284f5c619b042b.txt (Liuyang) 5.6: 楼房按35元/m²，电梯房按60元/m².
DepositPolicy LiuyangPolicy();
// seed 001_c9c5fc786dd61830.txt (Ningbo): 参照新建住宅60%—80%标准补齐.
absl::StatusOr<DepositPolicy> NingboPolicy(Money new_build_standard_per_m2, int pct);

// Checks the fields the standard uses.
absl::Status ValidatePolicy(const DepositPolicy& policy);

// fen_per_m2 × area (0.01 m²) × num / den, rounded half up to the fen.
absl::StatusOr<Money> PerSquareMetre(Money fen_per_m2, std::int64_t area_centi,
                                     std::int64_t num, std::int64_t den);

// The owner's first deposit for one dwelling and the rule that gave it, e.g.
// "liuyang: 60.00 yuan/m² (elevator) × 70.00 m² = 4200.00 (seed 000 Liuyang 5.6)".
struct FirstDeposit {
  Money amount;
  std::string rule;
};
absl::StatusOr<FirstDeposit> FirstDepositOf(const DepositPolicy& policy, const Registry& registry,
                                            Index dwelling);
// The same amount without the explanation, for filling a column.
absl::StatusOr<Money> FirstDepositAmount(const DepositPolicy& policy, const Registry& registry,
                                         Index dwelling);

// Whether a dwelling's building has an elevator (building fact, else estate fact);
// FailedPrecondition naming the building when neither was surveyed.
absl::StatusOr<bool> HasElevator(const Registry& registry, Index dwelling);
// Whether its building is high-rise (floors ≥ policy.high_rise_min_floors).
absl::StatusOr<bool> IsHighRise(const DepositPolicy& policy, const Registry& registry,
                                Index dwelling);

// The selling unit's one-off deposit from the sale proceeds (Order 165 art. 8(2)):
// 20% (multi-storey) or 30% (high-rise), rounded half up. It is a minimum.
absl::StatusOr<FirstDeposit> SellingUnitDepositOf(const DepositPolicy& policy,
                                                  const Registry& registry, Index dwelling,
                                                  Money sale_proceeds);

}  // namespace renewal

#endif  // RENEWAL_LEDGER_POLICY_H_
