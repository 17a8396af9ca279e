// Who can pay for a renovation item (BRIEF §5, 资金筹措): governments, utilities,
// the original property unit, residents, the market, banks.
#ifndef RENEWAL_FUNDING_SOURCE_H_
#define RENEWAL_FUNDING_SOURCE_H_

#include <array>
#include <cstdint>
#include <optional>

#include "renewal/base/labels.h"

namespace renewal {

enum class FundingSource : std::uint8_t {
  kCentral,          // 中央补助
  kProvincial,       // 省级奖补
  kCity,             // 市级奖补
  kDistrict,         // 区(县)财政
  kLocalFinance,     // 地方财政 (Fujian names no level)
  kSpecialBonds,     // 地方政府专项债
  kWaterUtility,     // 供水企业
  kPowerUtility,     // 供电企业
  kGasUtility,       // 燃气企业
  kTelecom,          // 通信运营商
  kCable,            // 广电网络 (有线电视)
  kHeatingUtility,   // 供热企业
  kPropertyUnit,     // 原产权单位
  kResidentsDirect,  // 居民直接出资
  kMaintenanceFund,  // 住宅专项维修资金
  kProvidentFund,    // 住房公积金
  kDonations,        // 捐资捐物
  kLabour,           // 投工投劳
  kSocialCapital,    // 社会资本
  kBankLoan,         // 银行贷款
};

template <>
struct LabelTable<FundingSource> {
  static constexpr std::array<Label<FundingSource>, 20> kLabels{{
      {FundingSource::kCentral, "central", "中央补助", "central subsidy"},
      {FundingSource::kProvincial, "provincial", "省级奖补", "provincial award"},
      {FundingSource::kCity, "city", "市级奖补", "city award"},
      {FundingSource::kDistrict, "district", "区级财政", "district budget"},
      {FundingSource::kLocalFinance, "local_finance", "地方财政", "local finance"},
      {FundingSource::kSpecialBonds, "special_bonds", "专项债", "special bonds"},
      {FundingSource::kWaterUtility, "water_utility", "供水企业", "water utility"},
      {FundingSource::kPowerUtility, "power_utility", "供电企业", "power utility"},
      {FundingSource::kGasUtility, "gas_utility", "燃气企业", "gas utility"},
      {FundingSource::kTelecom, "telecom", "通信企业", "telecom operator"},
      {FundingSource::kCable, "cable", "广电网络企业", "cable TV operator"},
      {FundingSource::kHeatingUtility, "heating_utility", "供热企业", "heating utility"},
      {FundingSource::kPropertyUnit, "property_unit", "原产权单位", "original property unit"},
      {FundingSource::kResidentsDirect, "residents_direct", "居民出资", "residents (direct)"},
      {FundingSource::kMaintenanceFund, "maintenance_fund", "住宅专项维修资金",
       "maintenance fund"},
      {FundingSource::kProvidentFund, "provident_fund", "住房公积金", "housing provident fund"},
      {FundingSource::kDonations, "donations", "捐资捐物", "donations"},
      {FundingSource::kLabour, "labour", "投工投劳", "labour"},
      {FundingSource::kSocialCapital, "social_capital", "社会资本", "social capital"},
      {FundingSource::kBankLoan, "bank_loan", "银行贷款", "bank loan"},
  }};
};
inline constexpr std::size_t kFundingSourceCount = LabelTable<FundingSource>::kLabels.size();

constexpr bool IsGovernment(FundingSource s) {
  return s <= FundingSource::kSpecialBonds;
}
constexpr bool IsUtility(FundingSource s) {
  return s >= FundingSource::kWaterUtility && s <= FundingSource::kHeatingUtility;
}
// The residents' own contribution, apportioned to dwellings by exclusive area
// (谁受益、谁出资). Donations and labour are voluntary and stay at estate level.
constexpr bool IsApportionedToDwellings(FundingSource s) {
  return s == FundingSource::kResidentsDirect || s == FundingSource::kMaintenanceFund ||
         s == FundingSource::kProvidentFund;
}

// The pipeline unit (管线单位) that owns a facility's network, if any. Weak current
// defaults to telecom; a cost item may name the cable operator instead.
constexpr std::optional<FundingSource> DefaultUtilityOf(Facility f) {
  switch (f) {
    case Facility::kWater: case Facility::kDrainage: return FundingSource::kWaterUtility;
    case Facility::kPower: return FundingSource::kPowerUtility;
    case Facility::kGas: return FundingSource::kGasUtility;
    case Facility::kWeakCurrent: return FundingSource::kTelecom;
    case Facility::kHeating: return FundingSource::kHeatingUtility;
    default: return std::nullopt;
  }
}

}  // namespace renewal

#endif  // RENEWAL_FUNDING_SOURCE_H_
