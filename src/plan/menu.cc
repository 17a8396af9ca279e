// Menu choice: validation, greedy by approvals, and the Method of Equal Shares
// (menu_equal_shares.cc) with its completion; exact rationals.
#include "renewal/plan/menu.h"

#include <algorithm>
#include <numeric>

#include "absl/container/flat_hash_map.h"
#include "menu_equal_shares.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"

namespace renewal {
namespace {

using internal::Q;

std::string Text(const Q& q) {
  if (denominator(q) == 1) return numerator(q).str();
  return numerator(q).str() + "/" + denominator(q).str();
}

struct Prepared {
  std::vector<std::size_t> optional;             // item indices
  std::vector<std::vector<std::size_t>> voters;  // per item: ballot indices approving it
  std::vector<std::vector<std::size_t>> approves;  // per ballot: item indices
  Money required_cost;
};

absl::StatusOr<Prepared> Validate(const MenuInput& in) {
  if (in.budget.is_negative()) {
    return absl::InvalidArgumentError(
        StrCat("budget: must be >= 0, got ", in.budget.ToYuanString()));
  }
  Prepared p;
  absl::flat_hash_map<std::string, std::size_t> index;
  __int128 required = 0;
  std::vector<std::size_t> required_items;
  for (std::size_t i = 0; i < in.items.size(); ++i) {
    const MenuItem& it = in.items[i];
    if (it.id.empty()) {
      return absl::InvalidArgumentError(StrCat("items[", i, "] id: must not be empty"));
    }
    if (!index.emplace(it.id, i).second) {
      return absl::AlreadyExistsError(StrCat("items[", i, "] \"", it.id, "\" id: duplicate item id"));
    }
    if (it.cost.is_negative()) {
      return absl::InvalidArgumentError(StrCat("items[", i, "] \"", it.id,
                                               "\" cost: must be >= 0, got ", it.cost.ToYuanString()));
    }
    if (it.required) {
      required += it.cost.fen();
      required_items.push_back(i);
    } else {
      p.optional.push_back(i);
    }
  }
  if (required > in.budget.fen()) {
    std::string names;
    for (std::size_t k = 0; k < required_items.size(); ++k) {
      names += StrCat(k ? ", " : "", "\"", in.items[required_items[k]].id, "\" ",
                      in.items[required_items[k]].cost.ToYuanString());
    }
    return absl::FailedPreconditionError(
        StrCat("infeasible: required basic items [", names, "] cost ",
               Money::Fen(static_cast<std::int64_t>(required)).ToYuanString(),
               " together, more than the budget ", in.budget.ToYuanString()));
  }
  p.required_cost = Money::Fen(static_cast<std::int64_t>(required));
  p.voters.resize(in.items.size());
  p.approves.resize(in.ballots.size());
  absl::flat_hash_map<std::string, std::size_t> households;
  for (std::size_t b = 0; b < in.ballots.size(); ++b) {
    const MenuBallot& ballot = in.ballots[b];
    if (ballot.household_id.empty()) {
      return absl::InvalidArgumentError(StrCat("ballots[", b, "] household_id: must not be empty"));
    }
    if (!households.emplace(ballot.household_id, b).second) {
      return absl::AlreadyExistsError(StrCat("ballots[", b, "] \"", ballot.household_id,
                                             "\" household_id: duplicate household"));
    }
    for (std::size_t a = 0; a < ballot.approved.size(); ++a) {
      auto it = index.find(ballot.approved[a]);
      if (it == index.end()) {
        return absl::NotFoundError(StrCat("ballots[", b, "] \"", ballot.household_id,
                                          "\" approved[", a, "]: no item with id \"",
                                          ballot.approved[a], "\""));
      }
      auto& v = p.voters[it->second];
      if (!v.empty() && v.back() == b) continue;  // approving twice counts once
      v.push_back(b);
      p.approves[b].push_back(it->second);
    }
  }
  return p;
}

// Greedy order: approvals desc, cost asc, input order.
std::vector<std::size_t> ByApprovals(const MenuInput& in, const Prepared& p,
                                     const std::vector<std::size_t>& items) {
  std::vector<std::size_t> order = items;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (p.voters[a].size() != p.voters[b].size()) return p.voters[a].size() > p.voters[b].size();
    return in.items[a].cost < in.items[b].cost;
  });
  return order;
}

}  // namespace

absl::StatusOr<MenuResult> ChooseMenu(const MenuInput& in, MenuRule rule,
                                      MesCompletion completion, const MenuControl& control) {
  if (rule == MenuRule::kGreedyApprovals &&
      (completion == MesCompletion::kAdd1 || completion == MesCompletion::kAdd1Greedy)) {
    return absl::InvalidArgumentError(
        StrCat("completion \"", KeyOf(completion),
               "\": applies to rule \"equal_shares\" only, not to rule \"greedy\""));
  }
  RENEWAL_ASSIGN_OR_RETURN(Prepared prepared, Validate(in));
  const Prepared& p = prepared;
  MenuResult out;
  out.rule = rule;
  out.tie_break = rule == MenuRule::kEqualShares
                      ? (in.satisfaction == MesSatisfaction::kCost
                             ? "payment per fen of cost asc, then approvals desc, cost asc, "
                               "file order"
                             : "payment per supporter asc, then approvals desc, cost asc, "
                               "file order")
                      : "approvals desc, cost asc, file order";
  out.tie_break_zh = rule == MenuRule::kEqualShares
                         ? (in.satisfaction == MesSatisfaction::kCost
                                ? "每分造价分摊额低者优先，同额时票数多者、造价低者、文件中在前者优先"
                                : "每户分摊额低者优先，同额时票数多者、造价低者、文件中在前者优先")
                         : "票数多者优先，同票时造价低者、文件中在前者优先";
  out.budget = in.budget;
  out.required_cost = p.required_cost;
  std::vector<bool> funded(in.items.size(), false);
  for (std::size_t i = 0; i < in.items.size(); ++i) {
    if (!in.items[i].required) continue;
    funded[i] = true;
    out.steps.push_back({in.items[i].id, MenuPhase::kRequired, in.items[i].cost,
                         static_cast<std::int64_t>(p.voters[i].size()), ""});
  }
  // Money for the optional items.
  std::int64_t left = in.budget.fen() - p.required_cost.fen();
  const std::size_t n = in.ballots.size();
  std::vector<Q> paid(n, Q(0));
  Q share(0);

  auto greedy_fill = [&](MenuPhase phase) {
    std::vector<std::size_t> rest;
    for (std::size_t i : p.optional) {
      if (!funded[i]) rest.push_back(i);
    }
    for (std::size_t i : ByApprovals(in, p, rest)) {
      if (in.items[i].cost.fen() > left) continue;
      if (in.items[i].cost.fen() == 0 && p.voters[i].empty()) continue;  // nobody asked
      funded[i] = true;
      left -= in.items[i].cost.fen();
      out.steps.push_back({in.items[i].id, phase, in.items[i].cost,
                           static_cast<std::int64_t>(p.voters[i].size()), ""});
    }
  };

  const bool greedy_completion =
      completion == MesCompletion::kGreedy || completion == MesCompletion::kAdd1Greedy;
  if (rule == MenuRule::kEqualShares) {
    out.completion = completion;
    out.satisfaction = in.satisfaction;
  }
  if (rule == MenuRule::kGreedyApprovals) {
    greedy_fill(MenuPhase::kGreedy);
  } else if (n == 0) {
    // No households, no shares: only a greedy completion spends anything.
    if (greedy_completion) greedy_fill(MenuPhase::kCompletion);
  } else {
    internal::MesItems items;
    items.households = n;
    items.cost_utility = in.satisfaction == MesSatisfaction::kCost;
    for (std::size_t i : p.optional) {
      items.cost.push_back(in.items[i].cost.fen());
      items.voters.push_back(p.voters[i]);
    }
    const Q base = Q(left) / Q(static_cast<long long>(n));
    internal::MesOutcome mes;
    if (completion == MesCompletion::kAdd1 || completion == MesCompletion::kAdd1Greedy) {
      internal::Add1Control add1;
      if (control.time_limit.count() > 0) {
        add1.deadline = std::chrono::steady_clock::now() + control.time_limit;
      }
      add1.progress = control.progress;
      RENEWAL_ASSIGN_OR_RETURN(internal::Add1Outcome a1,
                               internal::RunAdd1(items, base, left, add1));
      mes = std::move(a1.mes);
      out.share_increase_fen = a1.increase;
      out.mes_runs = a1.runs;
    } else {
      mes = internal::RunEqualShares(items, base);
      out.mes_runs = 1;
    }
    share = base + Q(out.share_increase_fen);
    paid = mes.paid;
    for (std::size_t q = 0; q < mes.funded.size(); ++q) {
      const std::size_t i = p.optional[mes.funded[q]];
      funded[i] = true;
      out.steps.push_back({in.items[i].id, MenuPhase::kEqualShares, in.items[i].cost,
                           static_cast<std::int64_t>(p.voters[i].size()), Text(mes.rho[q])});
    }
    left -= mes.spent;
    if (greedy_completion) greedy_fill(MenuPhase::kCompletion);
  }

  out.left = Money::Fen(left);
  out.spent = Money::Fen(in.budget.fen() - left);
  for (std::size_t i : p.optional) {
    if (!funded[i]) out.unfunded.push_back(in.items[i].id);
  }
  for (std::size_t b = 0; b < n; ++b) {
    HouseholdOutcome h;
    h.household_id = in.ballots[b].household_id;
    std::int64_t cost = 0;
    for (std::size_t i : p.approves[b]) {
      if (in.items[i].required) continue;
      ++h.approved;
      if (funded[i]) {
        ++h.approved_funded;
        cost += in.items[i].cost.fen();
      }
    }
    h.approved_funded_cost = Money::Fen(cost);
    h.paid_fen = Text(paid[b]);
    h.share_fen = Text(share);
    out.households.push_back(std::move(h));
  }
  return out;
}

}  // namespace renewal
