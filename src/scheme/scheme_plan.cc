// The plan document's arithmetic and its fit to the registry: dates, item costs,
// consultation rounds evaluated from their totals.
#include "renewal/scheme/scheme_plan.h"

#include <limits>

#include "absl/numeric/int128.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"

namespace renewal {
namespace {

bool Digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int Number(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

absl::StatusOr<PlanDate> ParsePlanDate(std::string_view text) {
  const auto bad = [&](std::string_view why) {
    return absl::InvalidArgumentError(StrCat("expected a date YYYY-MM-DD, got \"", text, "\"", why));
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !Digits(text.substr(0, 4)) ||
      !Digits(text.substr(5, 2)) || !Digits(text.substr(8, 2))) {
    return bad("");
  }
  const int y = Number(text.substr(0, 4)), m = Number(text.substr(5, 2)),
            d = Number(text.substr(8, 2));
  if (y < 1900) return bad(" (year before 1900)");
  if (m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return bad(" (no such day)");
  return PlanDate{std::string(text)};
}

absl::StatusOr<Money> SchemeItemCost(const SchemeItem& item) {
  // quantity (thousandths) × unit cost (fen) / 1000, half away from zero.
  const absl::int128 product = absl::int128(item.quantity_milli) * item.unit_cost.fen();
  absl::int128 q = product / 1000;
  const absl::int128 rem = product % 1000;
  if ((rem < 0 ? -rem : rem) * 2 >= 1000) q += product < 0 ? -1 : 1;
  if (q > std::numeric_limits<std::int64_t>::max() ||
      q < std::numeric_limits<std::int64_t>::min()) {
    return absl::OutOfRangeError(
        StrCat("item \"", item.id, "\": money overflow in quantity × unit_cost"));
  }
  return Money::Fen(static_cast<std::int64_t>(q));
}

absl::StatusOr<Money> SchemeTotalCost(const SchemePlan& plan) {
  Money total;
  for (const SchemeItem& item : plan.items) {
    RENEWAL_ASSIGN_OR_RETURN(Money cost, SchemeItemCost(item));
    RENEWAL_ASSIGN_OR_RETURN(total, Add(total, cost));
  }
  return total;
}

absl::StatusOr<RoundEvaluation> EvaluateConsultationRound(const ConsultationRecord& round) {
  RoundEvaluation e;
  absl::StatusOr<VoteRule> rule = VoteRulePreset(round.rule);
  if (!rule.ok()) {
    return absl::Status(rule.status().code(),
                        StrCat("consultations round ", round.round, " ", std::string(rule.status().message())));
  }
  e.rule = *std::move(rule);
  e.passed = true;
  for (const ThresholdTest& t : e.rule.tests) {
    e.tests.push_back(EvaluateThreshold(t, round.totals));
    e.passed = e.passed && e.tests.back().passed;
  }
  return e;
}

std::vector<ConsultationRecord> RecordsFromConsultation(const ConsultationResult& result,
                                                        std::string_view rule,
                                                        const std::vector<PlanDate>& opens,
                                                        const std::vector<PlanDate>& closes) {
  std::vector<ConsultationRecord> records;
  for (std::size_t i = 0; i < result.rounds.size(); ++i) {
    ConsultationRecord r;
    r.round = static_cast<int>(i + 1);
    if (i < opens.size()) r.opens = opens[i];
    if (i < closes.size()) r.closes = closes[i];
    r.rule = std::string(rule);
    r.totals = result.rounds[i].cumulative;
    records.push_back(std::move(r));
  }
  return records;
}

namespace {

absl::Status CheckPlace(const Registry& registry, Index estate, std::string_view where,
                        std::string_view building, std::string_view entrance, bool need_entrance) {
  std::optional<Index> b = registry.FindBuilding(building);
  if (!b || registry.building(*b).estate != estate) {
    return absl::InvalidArgumentError(StrCat(where, " building: \"", building,
                                             "\" is not a building of estate \"",
                                             registry.estate(estate).id, "\""));
  }
  if (need_entrance && !registry.FindEntrance(*b, entrance)) {
    return absl::InvalidArgumentError(StrCat(where, " entrance: building \"", building,
                                             "\" has no entrance \"", entrance, "\""));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status CheckPlanAgainstRegistry(const SchemePlan& plan, const Registry& registry) {
  std::optional<Index> estate = registry.FindEstate(plan.estate);
  if (!estate) {
    return absl::NotFoundError(
        StrCat("plan \"", plan.id, "\" estate: no estate with id \"", plan.estate, "\""));
  }
  for (std::size_t i = 0; i < plan.items.size(); ++i) {
    const SchemeItem& item = plan.items[i];
    if (item.scope == CostScope::kEstate) continue;
    RENEWAL_RETURN_IF_ERROR(CheckPlace(registry, *estate,
                                       StrCat("items[", i, "] \"", item.id, "\""), item.building,
                                       item.entrance, item.scope == CostScope::kEntrance));
  }
  for (std::size_t i = 0; i < plan.elevator_decisions.size(); ++i) {
    const ElevatorDecision& d = plan.elevator_decisions[i];
    RENEWAL_RETURN_IF_ERROR(CheckPlace(registry, *estate, StrCat("elevator_decisions[", i, "]"),
                                       d.building, d.entrance, true));
  }
  for (std::size_t i = 0; i < plan.opinions.size(); ++i) {
    const Opinion& o = plan.opinions[i];
    std::optional<Index> d = registry.FindDwelling(o.dwelling);
    if (!d || registry.EstateOfDwelling(*d) != *estate) {
      return absl::InvalidArgumentError(StrCat("opinions[", i, "] \"", o.id, "\" dwelling: \"",
                                               o.dwelling, "\" is not in estate \"", plan.estate,
                                               "\""));
    }
  }
  return absl::OkStatus();
}

}  // namespace renewal
