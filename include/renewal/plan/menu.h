// Residents' menu choice (菜单式改造, seed 001 Ningbo "组织业主对改造内容进行选择"):
// given an estate budget, the menu items with their costs, the basic items that must
// be done ("基础类应改尽改", BRIEF §3) and every household's approval ballot over the
// optional items, choose the items to fund by
//   (a) greedy by approvals, or
//   (b) the Method of Equal Shares (Peters & Skowron; as in the pabutools library):
//       each household gets an equal share of the money left after the basic items;
//       repeatedly fund the item whose supporters can pay its cost with the smallest
//       payment per unit of satisfaction (MesSatisfaction: ρ/cost with cost utilities,
//       ρ with approvals; each supporter pays min(their money left, ρ)); stop
//       when no item is affordable by its supporters; then complete by a chosen rule
//       (MesCompletion, documented in docs/plan.md): greedily by approvals, or "add1"
//       (pabutools' exhaustion_by_budget_increase: raise every share by 1 fen until
//       the outcome would pass the budget), optionally followed by the greedy.
// All money arithmetic is exact: shares and payments are rationals of fen.
#ifndef RENEWAL_MENU_H_
#define RENEWAL_MENU_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renewal/base/labels.h"
#include "renewal/base/money.h"

namespace renewal {

struct MenuItem {
  std::string id;
  std::string name;
  Category category = Category::kImprovement;
  Money cost;
  bool required = false;  // a basic item that must be done: funded first, off the top
  bool operator==(const MenuItem&) const = default;
};

struct MenuBallot {
  std::string household_id;
  std::vector<std::string> approved;  // ids of approved items
  bool operator==(const MenuBallot&) const = default;
};

// How the Method of Equal Shares measures a household's satisfaction with a funded
// item it approves (docs/plan.md, "Satisfaction"): its cost (pabutools' Cost_Sat, the
// MES of Peters, Pierczyński & Skowron 2021 and of equalshares.net; the default), or 1
// (Cardinality_Sat: every approved item counts alike). MES funds the item with the
// smallest payment per unit of satisfaction: ρ/cost or ρ.
enum class MesSatisfaction : std::uint8_t { kCost, kApprovals };
template <>
struct LabelTable<MesSatisfaction> {
  static constexpr std::array<Label<MesSatisfaction>, 2> kLabels{{
      {MesSatisfaction::kCost, "cost", "按造价计满意度", "cost utilities (Cost_Sat)"},
      {MesSatisfaction::kApprovals, "approvals", "按项数计满意度",
       "approvals (Cardinality_Sat)"},
  }};
};

struct MenuInput {
  Money budget;
  MesSatisfaction satisfaction = MesSatisfaction::kCost;  // equal shares only
  std::vector<MenuItem> items;
  std::vector<MenuBallot> ballots;  // one per household; every household gets a share
};

enum class MenuRule : std::uint8_t { kGreedyApprovals, kEqualShares };
template <>
struct LabelTable<MenuRule> {
  static constexpr std::array<Label<MenuRule>, 2> kLabels{{
      {MenuRule::kGreedyApprovals, "greedy", "按票数贪心", "greedy by approvals"},
      {MenuRule::kEqualShares, "equal_shares", "均等份额法", "Method of Equal Shares"},
  }};
};

// How the Method of Equal Shares uses the money it leaves.
enum class MesCompletion : std::uint8_t { kGreedy, kAdd1, kAdd1Greedy, kNone };
template <>
struct LabelTable<MesCompletion> {
  static constexpr std::array<Label<MesCompletion>, 4> kLabels{{
      {MesCompletion::kGreedy, "greedy", "按票数补充", "leftover greedily by approvals"},
      {MesCompletion::kAdd1, "add1", "逐分加份额", "raise every share by 1 fen while it fits"},
      {MesCompletion::kAdd1Greedy, "add1_greedy", "加份额后按票数补充",
       "add1, then the leftover greedily by approvals"},
      {MesCompletion::kNone, "none", "不补充", "plain MES, leftover unused"},
  }};
};

enum class MenuPhase : std::uint8_t { kRequired, kGreedy, kEqualShares, kCompletion };
template <>
struct LabelTable<MenuPhase> {
  static constexpr std::array<Label<MenuPhase>, 4> kLabels{{
      {MenuPhase::kRequired, "required", "基础类必改", "required basic item"},
      {MenuPhase::kGreedy, "greedy", "按票数", "greedy by approvals"},
      {MenuPhase::kEqualShares, "equal_shares", "均等份额", "equal shares"},
      {MenuPhase::kCompletion, "completion", "余额补充", "completion with the leftover"},
  }};
};

struct MenuStep {
  std::string item_id;
  MenuPhase phase = MenuPhase::kRequired;
  Money cost;
  std::int64_t approvals = 0;
  // Equal shares: the per-supporter payment ρ, exact, in fen ("400/3"); empty otherwise.
  std::string rho_fen;
};

struct HouseholdOutcome {
  std::string household_id;
  std::int64_t approved = 0;         // optional items approved
  std::int64_t approved_funded = 0;  // of those, funded
  Money approved_funded_cost;        // cost of the approved items funded
  std::string paid_fen;              // equal shares: exact payment in fen ("400/3"), else "0"
  // Equal shares: the household's share ("800/4" reduced), with add1 the raised one.
  std::string share_fen;
};

/// Limits and reporting for add1 (the other rules make one run and ignore them).
struct MenuControl {
  /// add1 gives up with DeadlineExceeded after this long; zero: no limit.
  std::chrono::milliseconds time_limit{0};
  /// Called before each add1 step with the share increase reached so far and its upper
  /// bound, both in fen.
  std::function<void(std::int64_t increase_fen, std::int64_t bound_fen)> progress;
};

struct MenuResult {
  MenuRule rule = MenuRule::kEqualShares;
  MesCompletion completion = MesCompletion::kGreedy;      // equal shares only
  MesSatisfaction satisfaction = MesSatisfaction::kCost;  // equal shares only
  // add1: fen added to every household's share for the outcome kept (0 otherwise).
  std::int64_t share_increase_fen = 0;
  std::int64_t mes_runs = 0;  // MES runs made (1 without add1; the cost of add1)
  // How ties are broken, in words: equal payments per unit of satisfaction (equal
  // shares) or equal approvals (greedy) go to more approvals, then lower cost, then
  // the earlier item in the file.
  std::string tie_break;
  std::string tie_break_zh;  // the same in Chinese
  Money budget;
  Money required_cost;
  Money spent;  // required + optional
  Money left;
  std::vector<MenuStep> steps;        // in funding order
  std::vector<std::string> unfunded;  // optional items not funded, input order
  std::vector<HouseholdOutcome> households;  // ballot order
};

// Errors: empty or duplicate ids, negative costs or budget (InvalidArgument /
// AlreadyExists, naming the record), a ballot naming an unknown item (NotFound),
// required items costing more than the budget (FailedPrecondition, naming them).
// `completion` applies to the Method of Equal Shares only: add1 and add1_greedy with
// the greedy rule are refused (InvalidArgument naming "completion").
// add1 may make many MES runs (one per fen of share increase at worst): `control`
// bounds its time (DeadlineExceeded, saying how far it got) and reports its progress.
absl::StatusOr<MenuResult> ChooseMenu(const MenuInput& input, MenuRule rule,
                                      MesCompletion completion = MesCompletion::kGreedy,
                                      const MenuControl& control = {});

}  // namespace renewal

#endif  // RENEWAL_MENU_H_
