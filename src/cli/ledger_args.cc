#include "ledger_args.h"

#include <cstddef>

#include "renewal/base/strcat.h"
#include "renewal/base/status_macros.h"

namespace renewal::cli {

absl::StatusOr<std::string> Need(const Args& a, std::string_view name) {
  std::optional<std::string> v = a.option(name);
  if (!v) return absl::InvalidArgumentError(StrCat("--", name, " is required"));
  return *v;
}

absl::StatusOr<Index> DwellingArg(const Registry& r, const Args& a) {
  RENEWAL_ASSIGN_OR_RETURN(std::string id, Need(a, "dwelling"));
  std::optional<Index> d = r.FindDwelling(id);
  if (!d) return absl::NotFoundError(StrCat("--dwelling: no dwelling with id \"", id, "\""));
  return *d;
}

absl::StatusOr<Money> AmountArg(const Args& a) {
  RENEWAL_ASSIGN_OR_RETURN(std::string text, Need(a, "amount"));
  absl::StatusOr<Money> m = Money::Parse(text);
  if (!m.ok()) return absl::InvalidArgumentError(StrCat("--amount: ", m.status().message()));
  return m;
}

absl::StatusOr<int> DateArg(const Args& a) {
  RENEWAL_ASSIGN_OR_RETURN(std::string text, Need(a, "date"));
  absl::StatusOr<int> d = ParseLedgerDate(text);
  if (!d.ok()) return absl::InvalidArgumentError(StrCat("--date: ", d.status().message()));
  return d;
}

absl::StatusOr<LedgerScope> ScopeArg(const Registry& r, const Args& a,
                                     std::optional<LedgerScope> fallback) {
  if (auto e = a.option("estate")) {
    std::optional<Index> i = r.FindEstate(*e);
    if (!i) return absl::NotFoundError(StrCat("--estate: no estate with id \"", *e, "\""));
    return LedgerScope{LedgerScopeKind::kEstate, *i};
  }
  if (auto b = a.option("building")) {
    std::optional<Index> i = r.FindBuilding(*b);
    if (!i) return absl::NotFoundError(StrCat("--building: no building with id \"", *b, "\""));
    return LedgerScope{LedgerScopeKind::kBuilding, *i};
  }
  if (auto e = a.option("entrance")) {
    const std::size_t slash = e->find('/');
    std::optional<Index> b = slash == std::string::npos ? std::nullopt
                                                        : r.FindBuilding(e->substr(0, slash));
    std::optional<Index> i = b ? r.FindEntrance(*b, e->substr(slash + 1)) : std::nullopt;
    if (!i) return absl::NotFoundError(StrCat("--entrance: no entrance \"", *e, "\" (BUILDING/ENTRANCE)"));
    return LedgerScope{LedgerScopeKind::kEntrance, *i};
  }
  if (fallback) return *fallback;
  return absl::InvalidArgumentError("give --estate, --building or --entrance");
}

absl::StatusOr<DepositPolicy> PolicyArg(const Args& a) {
  RENEWAL_ASSIGN_OR_RETURN(std::string name, Need(a, "policy"));
  auto money = [&](std::string_view opt) -> absl::StatusOr<Money> {
    RENEWAL_ASSIGN_OR_RETURN(std::string t, Need(a, opt));
    return Money::Parse(t);
  };
  if (name == "liuyang") return LiuyangPolicy();
  if (name == "national") {
    // --cost may be left out when every dwelling is reform housing (--reform-cost);
    // a commodity dwelling then fails naming itself and property_type.
    Money construction;
    if (a.option("cost") || !a.option("reform-cost")) {
      RENEWAL_ASSIGN_OR_RETURN(Money cost, money("cost"));
      construction = cost;
    }
    long long bp = 0;
    RENEWAL_RETURN_IF_ERROR(a.IntOption("rate-bp", 500, &bp));
    Money reform;
    if (a.option("reform-cost")) {
      RENEWAL_ASSIGN_OR_RETURN(Money m, money("reform-cost"));
      reform = m;
    }
    return NationalPolicy(construction, static_cast<int>(bp), reform);
  }
  if (name == "ningbo") {
    RENEWAL_ASSIGN_OR_RETURN(Money standard, money("standard"));
    long long pct = 0;
    RENEWAL_RETURN_IF_ERROR(a.IntOption("pct", 60, &pct));
    return NingboPolicy(standard, static_cast<int>(pct));
  }
  return absl::InvalidArgumentError(
      StrCat("--policy: expected liuyang, national or ningbo, got \"", name, "\""));
}

}  // namespace renewal::cli
