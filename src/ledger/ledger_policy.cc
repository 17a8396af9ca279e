// Deposit standards of the maintenance fund (Order 165 arts. 7–8; seeds 000, 001).
#include "renewal/ledger/ledger_policy.h"

#include "absl/numeric/int128.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"

namespace renewal {

absl::StatusOr<DepositPolicy> NationalPolicy(Money construction_cost_per_m2, int rate_bp,
                                             Money reform_cost_price_per_m2) {
  DepositPolicy p;
  p.standard = DepositStandard::kNational;
  p.construction_cost_per_m2 = construction_cost_per_m2;
  p.rate_bp = rate_bp;
  p.reform_cost_price_per_m2 = reform_cost_price_per_m2;
  RENEWAL_RETURN_IF_ERROR(ValidatePolicy(p));
  return p;
}

DepositPolicy LiuyangPolicy() {
  DepositPolicy p;
  p.standard = DepositStandard::kLiuyang;
  p.per_m2_without_elevator = Money::Fen(3500);  // 35 元/m² 楼房
  p.per_m2_with_elevator = Money::Fen(6000);     // 60 元/m² 电梯房
  return p;
}

absl::StatusOr<DepositPolicy> NingboPolicy(Money new_build_standard_per_m2, int pct) {
  DepositPolicy p;
  p.standard = DepositStandard::kNingbo;
  p.new_build_standard_per_m2 = new_build_standard_per_m2;
  p.new_build_pct = pct;
  RENEWAL_RETURN_IF_ERROR(ValidatePolicy(p));
  return p;
}

absl::Status ValidatePolicy(const DepositPolicy& p) {
  auto positive = [](Money m, std::string_view field) -> absl::Status {
    if (m.fen() <= 0) {
      return absl::InvalidArgumentError(
          StrCat("policy ", field, ": must be > 0, got ", m.ToYuanString()));
    }
    return absl::OkStatus();
  };
  switch (p.standard) {
    case DepositStandard::kNational:
      if (p.rate_bp < 500 || p.rate_bp > 800) {
        return absl::InvalidArgumentError(StrCat(
            "policy national rate_bp: must be 500..800 (Order 165 art. 7: 5%-8%), got ", p.rate_bp));
      }
      // A city of sold public housing only needs no construction cost (art. 8(1));
      // a commodity dwelling then fails in FirstDepositOf, naming itself.
      if (p.construction_cost_per_m2.is_negative()) {
        return absl::InvalidArgumentError("policy national construction_cost_per_m2: must be >= 0");
      }
      if (p.reform_cost_price_per_m2.is_negative()) {
        return absl::InvalidArgumentError("policy national reform_cost_price_per_m2: must be >= 0");
      }
      if (p.reform_cost_price_per_m2.is_zero() || !p.construction_cost_per_m2.is_zero()) {
        if (absl::Status s =
                positive(p.construction_cost_per_m2, "national construction_cost_per_m2");
            !s.ok()) {
          return s;
        }
      }
      if (p.reform_owner_rate_bp <= 0 || p.reform_owner_rate_bp > 10000) {
        return absl::InvalidArgumentError(
            StrCat("policy national reform_owner_rate_bp: must be 1..10000, got ",
                   p.reform_owner_rate_bp));
      }
      break;
    case DepositStandard::kLiuyang:
      RENEWAL_RETURN_IF_ERROR(
          positive(p.per_m2_without_elevator, "liuyang per_m2_without_elevator"));
      RENEWAL_RETURN_IF_ERROR(positive(p.per_m2_with_elevator, "liuyang per_m2_with_elevator"));
      break;
    case DepositStandard::kNingbo:
      if (p.new_build_pct < 60 || p.new_build_pct > 80) {
        return absl::InvalidArgumentError(StrCat(
            "policy ningbo new_build_pct: must be 60..80 (《城镇老旧小区改造可复制政策机制清单（第四批）》 Ningbo: 60%-80%), got ",
            p.new_build_pct));
      }
      RENEWAL_RETURN_IF_ERROR(
          positive(p.new_build_standard_per_m2, "ningbo new_build_standard_per_m2"));
      break;
  }
  if (p.selling_unit_multi_storey_pct < 20 || p.selling_unit_high_rise_pct < 30 ||
      p.selling_unit_multi_storey_pct > 100 || p.selling_unit_high_rise_pct > 100) {
    return absl::InvalidArgumentError(
        "policy selling_unit_*_pct: at least 20 (multi-storey) and 30 (high-rise), at most 100 "
        "(Order 165 art. 8(2))");
  }
  return absl::OkStatus();
}

absl::StatusOr<Money> PerSquareMetre(Money fen_per_m2, std::int64_t area_centi, std::int64_t num,
                                     std::int64_t den) {
  if (den <= 0 || num < 0 || area_centi < 0 || fen_per_m2.is_negative()) {
    return absl::InvalidArgumentError("per-m2 amount: negative or zero-denominator input");
  }
  // fen × 0.01 m² × num / den  = fen·centi·num / (100·den), half up.
  const absl::int128 n = absl::int128(fen_per_m2.fen()) * area_centi * num;
  const absl::int128 d = absl::int128(den) * 100;
  const absl::int128 q = (2 * n + d) / (2 * d);
  if (q > absl::int128(INT64_MAX)) return absl::OutOfRangeError("per-m2 amount: overflow");
  return Money::Fen(static_cast<std::int64_t>(q));
}

absl::StatusOr<bool> HasElevator(const Registry& r, Index d) {
  const Index b = r.BuildingOfDwelling(d);
  const Building& building = r.building(b);
  if (building.has_elevator) return *building.has_elevator;
  const Estate& e = r.estate(building.estate);
  if (e.facts.has_elevator) return *e.facts.has_elevator;
  return absl::FailedPreconditionError(StrCat("building \"", building.id, "\" has_elevator: not surveyed (neither the building nor estate \"", e.id, "\" says)"));
}

absl::StatusOr<bool> IsHighRise(const DepositPolicy& policy, const Registry& r, Index d) {
  const Building& building = r.building(r.BuildingOfDwelling(d));
  std::optional<int> floors = building.floors;
  if (!floors) floors = r.estate(building.estate).facts.floors;
  if (!floors) {
    return absl::FailedPreconditionError(
        StrCat("building \"", building.id, "\" floors: not surveyed"));
  }
  return *floors >= policy.high_rise_min_floors;
}

absl::StatusOr<FirstDeposit> FirstDepositOf(const DepositPolicy& p, const Registry& r, Index d) {
  if (d >= r.dwelling_count()) {
    return absl::NotFoundError(StrCat("first deposit: no dwelling with index ", d));
  }
  RENEWAL_RETURN_IF_ERROR(ValidatePolicy(p));
  const DwellingView dw = r.dwelling(d);
  const std::int64_t area = dw.area.centi();
  const std::string where = StrCat("dwelling \"", dw.id, "\"");
  FirstDeposit out;
  switch (p.standard) {
    case DepositStandard::kNational: {
      if (dw.property_type == PropertyType::kReformHousing) {
        if (p.reform_cost_price_per_m2.is_zero()) {
          return absl::FailedPreconditionError(StrCat(
              where, " property_type reform_housing: policy national reform_cost_price_per_m2 is not set"));
        }
        RENEWAL_ASSIGN_OR_RETURN(Money m, PerSquareMetre(p.reform_cost_price_per_m2, area,
                                                         p.reform_owner_rate_bp, 10000));
        out.amount = m;
        out.rule = StrCat("national sold public housing: reform cost price ",
                          p.reform_cost_price_per_m2.ToYuanString(), " yuan/m2 x ",
                          p.reform_owner_rate_bp, " bp x ", dw.area.ToString(),
                          " m2 = ", m.ToYuanString(), " (Order 165 art. 8(1))");
        return out;
      }
      if (p.construction_cost_per_m2.is_zero()) {
        return absl::FailedPreconditionError(
            StrCat(where, " property_type ", KeyOf(dw.property_type),
                   ": policy national construction_cost_per_m2 is not set"));
      }
      RENEWAL_ASSIGN_OR_RETURN(Money m,
                               PerSquareMetre(p.construction_cost_per_m2, area, p.rate_bp, 10000));
      out.amount = m;
      out.rule = StrCat("national: construction cost ", p.construction_cost_per_m2.ToYuanString(),
                        " yuan/m2 x ", p.rate_bp, " bp x ", dw.area.ToString(),
                        " m2 = ", m.ToYuanString(), " (Order 165 art. 7)");
      return out;
    }
    case DepositStandard::kLiuyang: {
      RENEWAL_ASSIGN_OR_RETURN(bool lift, HasElevator(r, d));
      const Money rate = lift ? p.per_m2_with_elevator : p.per_m2_without_elevator;
      RENEWAL_ASSIGN_OR_RETURN(Money m, PerSquareMetre(rate, area, 1, 1));
      out.amount = m;
      out.rule =
          StrCat("liuyang: ", rate.ToYuanString(), " yuan/m2 (", lift ? "elevator" : "no elevator",
                 ") x ", dw.area.ToString(), " m2 = ", m.ToYuanString(), " (《湖南省城镇老旧小区改造“解难题、建机制”可复制经验做法清单（第一批）》（湘建城函〔2021〕161号） Liuyang 5.6)");
      return out;
    }
    case DepositStandard::kNingbo: {
      RENEWAL_ASSIGN_OR_RETURN(
          Money m, PerSquareMetre(p.new_build_standard_per_m2, area, p.new_build_pct, 100));
      out.amount = m;
      out.rule = StrCat("ningbo: ", p.new_build_pct, "% of new-build ",
                        p.new_build_standard_per_m2.ToYuanString(), " yuan/m2 x ",
                        dw.area.ToString(), " m2 = ", m.ToYuanString(), " (《城镇老旧小区改造可复制政策机制清单（第四批）》 Ningbo)");
      return out;
    }
  }
  return absl::InternalError("first deposit: unknown standard");
}

absl::StatusOr<Money> FirstDepositAmount(const DepositPolicy& p, const Registry& r, Index d) {
  RENEWAL_ASSIGN_OR_RETURN(FirstDeposit f, FirstDepositOf(p, r, d));
  return f.amount;
}

absl::StatusOr<FirstDeposit> SellingUnitDepositOf(const DepositPolicy& p, const Registry& r,
                                                  Index d, Money sale_proceeds) {
  if (d >= r.dwelling_count()) {
    return absl::NotFoundError(StrCat("selling unit deposit: no dwelling with index ", d));
  }
  const DwellingView dw = r.dwelling(d);
  if (dw.property_type != PropertyType::kReformHousing) {
    return absl::FailedPreconditionError(
        StrCat("dwelling \"", dw.id, "\" property_type: ", KeyOf(dw.property_type),
               "; only sold public housing (reform_housing) has a selling-unit deposit (Order 165 art. 8)"));
  }
  if (sale_proceeds.is_negative()) {
    return absl::InvalidArgumentError(StrCat("dwelling \"", dw.id, "\" sale_proceeds: must be >= 0"));
  }
  RENEWAL_ASSIGN_OR_RETURN(bool high, IsHighRise(p, r, d));
  const int pct = high ? p.selling_unit_high_rise_pct : p.selling_unit_multi_storey_pct;
  const absl::int128 q = (absl::int128(sale_proceeds.fen()) * pct * 2 + 100) / 200;
  FirstDeposit out;
  out.amount = Money::Fen(static_cast<std::int64_t>(q));
  out.rule = StrCat("selling unit: ", pct, "% (", high ? "high-rise" : "multi-storey",
                    ") of sale proceeds ", sale_proceeds.ToYuanString(), " = ",
                    out.amount.ToYuanString(), " (Order 165 art. 8(2))");
  return out;
}

}  // namespace renewal
